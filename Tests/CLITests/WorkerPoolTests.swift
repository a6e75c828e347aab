import BatchImport
import Foundation
import Warehouse
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The long-lived workers of a batch: reused from document to document, replaced when one
/// crashes or has served its share, none left behind.
final class WorkerPoolTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryFolder()
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("no built tool at \(Fixtures.binary.path)") }
    }

    override func tearDownWithError() throws {
        unsetenv("KOMMUNRAPPORT_TEST_CRASH_ON")
        unsetenv("KOMMUNRAPPORT_TEST_HANG_ON")
        try? FileManager.default.removeItem(at: folder)
    }

    /// Imports the folder's documents into a warehouse through a worker pool.
    private func runBatch(_ pool: WorkerProcessParser, jobs: Int) throws -> BatchSummary {
        let (documents, problems) = InputCollector().collect([folder.appendingPathComponent("in").path])
        let warehouse = try Warehouse(path: folder.appendingPathComponent("w-\(UUID().uuidString).sqlite").path, toolVersion: "test")
        let runner = BatchRunner(
            documents: documents, parser: pool, sink: WarehouseSink(warehouse: warehouse),
            progress: ProgressDisplay(style: .quiet, total: documents.count), options: BatchOptions(jobs: jobs))
        return try runner.run(problems: problems)
    }

    private func makePool() throws -> WorkerProcessParser {
        try WorkerProcessParser(executable: Fixtures.binary, timeout: 60, memoryLimitMB: 2048)
    }

    /// Worker processes whose parent is this test process.
    private func childWorkers() -> [Int32] {
        let me = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            // `pid (comm) state ppid …`: the parent is the second field after the command.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, Int32(fields[1]) == me else { return false }
            let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            return command.contains(Worker.subcommand)
        }
    }

    func testOneWorkerReadsEveryDocumentOfAOneJobBatchAndNoneIsLeftBehind() throws {
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("in"), copies: 2)
        let pool = try makePool()
        let summary = try runBatch(pool, jobs: 1)
        XCTAssertEqual(summary.imported, names.count)
        XCTAssertEqual(pool.workersStarted, 1)
        XCTAssertFalse(childWorkers().isEmpty, "the idle worker waits for more until the pool is shut down")
        pool.removeScratch()
        XCTAssertEqual(childWorkers(), [])
    }

    func testAWorkerIsReplacedAfterItsShareOfDocuments() throws {
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("in"), copies: 2)
        let pool = try makePool()
        pool.documentsPerWorker = 2
        defer { pool.removeScratch() }
        let summary = try runBatch(pool, jobs: 1)
        XCTAssertEqual(summary.imported, names.count)
        XCTAssertEqual(pool.workersStarted, (names.count + 1) / 2)
    }

    func testADocumentThatCrashesItsWorkerFailsAloneAndAFreshWorkerReadsTheRest() throws {
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("in"))
        // Between the others: a worker must start after it for the rest.
        let crashing = folder.appendingPathComponent("in/001a-crash-me.txt")
        try Data("Verksamhetsberättelse 2023\nValnämnden\n".utf8).write(to: crashing)
        setenv("KOMMUNRAPPORT_TEST_CRASH_ON", "crash-me", 1)
        let pool = try makePool()
        let summary = try runBatch(pool, jobs: 1)
        XCTAssertEqual(summary.imported, names.count)
        XCTAssertEqual(summary.failures.map(\.path), [crashing.path])
        XCTAssertTrue(summary.failures.first?.reason.contains("the worker reading it crashed") == true, "\(summary.failures)")
        // The first worker, the one that crashed on the document, the one that crashed on its
        // second try in one thread, and the one that read on.
        XCTAssertEqual(pool.workersStarted, 3)
        pool.removeScratch()
        XCTAssertEqual(childWorkers(), [])
    }

    func testCancellingKillsEveryWorkerAndLeavesTheDocumentNeitherImportedNorFailed() throws {
        try Fixtures.writeCorpus(into: folder.appendingPathComponent("in"))
        try Data("Verksamhetsberättelse 2023\nValnämnden\n".utf8).write(to: folder.appendingPathComponent("in/001a-hangs.txt"))
        setenv("KOMMUNRAPPORT_TEST_HANG_ON", "hangs", 1)
        let pool = try makePool()
        let (documents, _) = InputCollector().collect([folder.appendingPathComponent("in").path])
        let hanging = try XCTUnwrap(documents.first { $0.path.contains("hangs") })
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: ParseOutcome?
        Thread {
            outcome = pool.parse(hanging, exporting: nil)
            done.signal()
        }.start()
        // The worker is reading (and hanging) once it exists.
        let deadline = Date().addingTimeInterval(30)
        while childWorkers().isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(childWorkers().isEmpty)
        pool.cancelAll()
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success, "the batch thread came back")
        guard case .interrupted = try XCTUnwrap(outcome) else { return XCTFail("\(String(describing: outcome))") }
        pool.removeScratch()
        XCTAssertEqual(childWorkers(), [])
    }

    func testAWorkerKilledByASignalFailsItsDocumentWithTheReason() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("in"), withIntermediateDirectories: true)
        try Data("Verksamhetsberättelse 2023\nValnämnden\n".utf8).write(to: folder.appendingPathComponent("in/hangs.txt"))
        setenv("KOMMUNRAPPORT_TEST_HANG_ON", "hangs", 1)
        let pool = try makePool()
        defer { pool.removeScratch() }
        let (documents, _) = InputCollector().collect([folder.appendingPathComponent("in").path])
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: ParseOutcome?
        Thread {
            outcome = pool.parse(documents[0], exporting: nil)
            done.signal()
        }.start()
        let deadline = Date().addingTimeInterval(30)
        while childWorkers().isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        // Someone else's signal (a hang-up, an administrator's kill): not an interruption of the batch.
        for pid in childWorkers() { kill(pid, SIGTERM) }
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
        guard case .failure(let reason) = try XCTUnwrap(outcome) else { return XCTFail("\(String(describing: outcome))") }
        XCTAssertTrue(reason.contains("hangs.txt: the worker reading it crashed (signal 15, SIGTERM)"), reason)
    }

    func testAWorkerThatCannotStartFailsTheDocumentWithTheReason() throws {
        try Fixtures.writeCorpus(into: folder.appendingPathComponent("in"))
        let pool = try WorkerProcessParser(
            executable: folder.appendingPathComponent("no-such-tool"), timeout: 60, memoryLimitMB: 2048)
        defer { pool.removeScratch() }
        let (documents, _) = InputCollector().collect([folder.appendingPathComponent("in").path])
        guard case .failure(let reason) = pool.parse(documents[0], exporting: nil) else { return XCTFail("imported without a worker") }
        XCTAssertTrue(reason.contains("could not start a worker"), reason)
    }
}
