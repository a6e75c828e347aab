import Foundation
import GRDB
import XCTest

/// The CI-sized run of `scripts/broken-batch.sh`: a batch of broken PDFs finishes, every file is
/// imported, skipped as a duplicate or listed with a reason, and no worker outlives it.
final class BrokenBatchTests: XCTestCase {
    /// Files in the CI run (the script makes 10 000 for the full one).
    static let brokenFiles = 300

    func testABatchOfBrokenPDFsFinishesWithEveryFileAccountedForAndNoWorkerLeft() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let maker = Process()
        maker.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        maker.arguments = [
            "python3", Fixtures.packageRoot.appendingPathComponent("scripts/make-broken-pdfs.py").path, String(Self.brokenFiles),
            folder.appendingPathComponent("in").path,
        ]
        maker.standardOutput = FileHandle.nullDevice
        try maker.run()
        maker.waitUntilExit()
        XCTAssertEqual(maker.terminationStatus, 0)

        let run = try Fixtures.run(
            ["import", "in", "--into", "w.sqlite", "-j", "2", "--timeout", "30", "--memory-limit", "1024"], in: folder)
        // 0 or 1: never a signal (a crash of the batch itself) or "nothing could be done".
        XCTAssertTrue([0, 1].contains(run.status), "status \(run.status)\n\(run.stderr.suffix(2000))")

        let summary = try XCTUnwrap(
            run.stderr.range(of: #"imported (\d+), skipped (\d+), failed (\d+)"#, options: .regularExpression).map { String(run.stderr[$0]) },
            run.stderr.suffix(2000).description)
        let numbers = summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        XCTAssertEqual(numbers.reduce(0, +), Self.brokenFiles, summary)

        let queue = try DatabaseQueue(path: folder.appendingPathComponent("w.sqlite").path)
        let (reports, reasons) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM reports") ?? -1,
             try String.fetchAll(db, sql: "SELECT reason FROM import_errors"))
        }
        XCTAssertEqual(reports, numbers[0])
        XCTAssertEqual(reasons.count, numbers[2])
        for reason in reasons {
            // Every failure names its file and says why.
            XCTAssertTrue(reason.contains("in/broken-"), reason)
            XCTAssertGreaterThan(reason.count, "in/broken-00000-flip.pdf: ".count + 10, reason)
        }
        // Workers run in the tool's folder: none may be left there once it has ended.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        let left = entries.compactMap(Int32.init).filter { pid in
            let cwd = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")) ?? ""
            return cwd == folder.path || cwd == folder.resolvingSymlinksInPath().path
        }
        XCTAssertEqual(left, [], "processes left in the batch's folder")
    }
}
