import BatchImport
import Foundation
import GRDB
import KommunrapportKit
import Warehouse
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// End-to-end: the built `kommunrapport` with real worker processes.
final class BatchProcessTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func snapshot(_ path: String) throws -> [String: [String]] {
        let warehouse = try Warehouse(path: folder.appendingPathComponent(path).path, toolVersion: "test")
        var ids: [String: [String]] = [:]
        for table in Warehouse.dataTables where table != "import_errors" { ids[table] = try warehouse.ids(of: table) }
        return ids
    }

    private func count(_ sql: String, in path: String) throws -> Int {
        let file = folder.appendingPathComponent(path).path
        // Not yet created by the run: nothing imported (and no empty file of ours in its way).
        guard FileManager.default.fileExists(atPath: file) else { return 0 }
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: file, configuration: config)
        return try queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    func testABatchWithBadDocumentsImportsEveryGoodOneReportsEachBadOneAndExits1() throws {
        let good = try Fixtures.writeCorpus(into: folder.appendingPathComponent("batch"))
        let bad = try Fixtures.writeBadDocuments(into: folder.appendingPathComponent("batch"))
        let run = try Fixtures.run(
            ["import", "batch", "--into", "w.sqlite", "-j", "2"], in: folder,
            environment: ["KOMMUNRAPPORT_TEST_CRASH_ON": "crash-me"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(try count("SELECT count(*) FROM reports", in: "w.sqlite"), good.count)
        XCTAssertEqual(try count("SELECT count(*) FROM import_errors", in: "w.sqlite"), bad.count)

        let summary = run.stderr.components(separatedBy: "document(s) failed:").last ?? ""
        for name in bad {
            let line = summary.split(separator: "\n").first { $0.contains(name) }
            XCTAssertNotNil(line, "\(name) is not in the failure summary:\n\(run.stderr)")
            // A reason follows the file name.
            XCTAssertGreaterThan(line.map { $0.count } ?? 0, "  batch/\(name): ".count + 5, String(line ?? ""))
        }
        XCTAssertTrue(run.stderr.contains("batch/empty.txt: the file is empty"), run.stderr)
        XCTAssertTrue(run.stderr.contains("batch/encrypted.pdf: the PDF is encrypted"), run.stderr)
        XCTAssertTrue(run.stderr.contains("batch/scanned-no-text.pdf: none of its 1 page(s) has a text layer"), run.stderr)
        XCTAssertTrue(run.stderr.contains("batch/crash-me.txt: the worker reading it crashed"), run.stderr)

        // Running again imports nothing new, skips the good ones and still reports the bad ones.
        let again = try Fixtures.run(
            ["import", "batch", "--into", "w.sqlite"], in: folder, environment: ["KOMMUNRAPPORT_TEST_CRASH_ON": "crash-me"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("imported 0, skipped \(good.count), failed \(bad.count)"), again.stderr)
    }

    func testADocumentWhoseWorkerCrashesOnceIsTriedAgainInOneThreadAndImported() throws {
        // A C library may crash now and then reading pages in several threads; the document
        // reads fine alone and must not be lost to the batch.
        let batch = folder.appendingPathComponent("flaky")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let text = "Budget 2027\n\nBelopp i tkr     Budget 2027     Prognos 2027\nIntäkter             1 200            1 150\n"
        try text.write(to: batch.appendingPathComponent("threads-crash.txt"), atomically: true, encoding: .utf8)
        let run = try Fixtures.run(
            ["import", "flaky", "--into", "f.sqlite"], in: folder,
            environment: ["KOMMUNRAPPORT_TEST_CRASH_THREADED_ON": "threads-crash"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try count("SELECT count(*) FROM reports", in: "f.sqlite"), 1)
        XCTAssertEqual(try count("SELECT count(*) FROM import_errors", in: "f.sqlite"), 0)
    }

    func testChecksSaysWhatItReadsAndThatAnEmptyFolderHasNothingToCheck() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tom"), withIntermediateDirectories: true)
        let empty = try Fixtures.run(["checks", "tom"], in: folder)
        XCTAssertEqual(empty.status, 2, empty.stderr)
        XCTAssertTrue(empty.stderr.contains("nothing to check: no .pdf or .txt files in tom"), empty.stderr)
        _ = try Fixtures.writeCorpus(into: folder.appendingPathComponent("rapporter"))
        let run = try Fixtures.run(["checks", "rapporter"], in: folder)
        XCTAssertTrue(run.stderr.contains("[1/"), run.stderr)
        XCTAssertTrue(run.stdout.contains("checks held"), run.stdout)
        XCTAssertFalse(run.stdout.contains("[1/"), "progress belongs on standard error")
    }

    func testThePasswordReachesTheWorkers() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/qpdf") else { throw XCTSkip("qpdf is not installed") }
        let plain = Fixtures.packageRoot.appendingPathComponent("corpus/pdf/000_7d3792ff3fe738e4.pdf").path
        let qpdf = Process()
        qpdf.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
        qpdf.arguments = ["--encrypt", "hemligt", "hemligt", "256", "--", plain, folder.appendingPathComponent("locked.pdf").path]
        try qpdf.run()
        qpdf.waitUntilExit()
        XCTAssertEqual(qpdf.terminationStatus, 0)
        let without = try Fixtures.run(["import", "locked.pdf", "--into", "w.sqlite", "--isolate"], in: folder)
        XCTAssertEqual(without.status, 1, without.stderr)
        XCTAssertTrue(without.stderr.contains("locked.pdf: the PDF is encrypted"), without.stderr)
        let with = try Fixtures.run(["import", "locked.pdf", "--into", "w.sqlite", "--password", "hemligt", "--isolate"], in: folder)
        XCTAssertEqual(with.status, 0, with.stderr)
        XCTAssertEqual(try count("SELECT count(*) FROM reports", in: "w.sqlite"), 1)
        XCTAssertEqual(try count("SELECT count(*) FROM import_errors", in: "w.sqlite"), 0)
    }

    func testASingleDocumentIsReadInTheToolsOwnProcessUnlessIsolationIsAskedFor() throws {
        // The test switch makes a worker crash on this file: only a worker would notice it.
        try Data("Verksamhetsberättelse 2023\nValnämnden\n".utf8).write(to: folder.appendingPathComponent("crash-me.txt"))
        let inProcess = try Fixtures.run(
            ["import", "crash-me.txt", "--into", "a.sqlite"], in: folder, environment: ["KOMMUNRAPPORT_TEST_CRASH_ON": "crash-me"])
        XCTAssertEqual(inProcess.status, 0, inProcess.stderr)
        XCTAssertEqual(try count("SELECT count(*) FROM reports", in: "a.sqlite"), 1)
        let isolated = try Fixtures.run(
            ["import", "crash-me.txt", "--into", "b.sqlite", "--isolate"], in: folder,
            environment: ["KOMMUNRAPPORT_TEST_CRASH_ON": "crash-me"])
        XCTAssertEqual(isolated.status, 1, isolated.stderr)
        XCTAssertTrue(isolated.stderr.contains("crash-me.txt: the worker reading it crashed"), isolated.stderr)
    }

    func testAHangingDocumentIsStoppedAtTheTimeoutAndTheBatchGoesOn() throws {
        // Small documents only: a slow machine must not time out the good one too.
        let batch = folder.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        try Data("Verksamhetsberättelse 2023\nValnämnden\n".utf8).write(to: batch.appendingPathComponent("good.txt"))
        try Data("Verksamhetsberättelse 2022\nValnämnden\n".utf8).write(to: batch.appendingPathComponent("hangs.txt"))
        let run = try Fixtures.run(
            ["import", "batch", "--into", "w.sqlite", "--timeout", "3"], in: folder,
            environment: ["KOMMUNRAPPORT_TEST_HANG_ON": "hangs"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("batch/hangs.txt: reading it took longer than 3 s"), run.stderr)
        XCTAssertEqual(try count("SELECT count(*) FROM reports", in: "w.sqlite"), 1)
    }

    func testADocumentThatExhaustsTheMemoryLimitFailsAlone() throws {
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("batch"))
        let run = try Fixtures.run(
            ["import", "batch", "--into", "w.sqlite", "--memory-limit", "512"], in: folder,
            environment: ["KOMMUNRAPPORT_TEST_ALLOCATE_ON": names[1]])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("batch/\(names[1]): reading it needed more than the 512 MB memory limit"), run.stderr)
        XCTAssertEqual(try count("SELECT count(*) FROM reports", in: "w.sqlite"), names.count - 1)
    }

    func testKillingARunMidwayAndRunningItAgainGivesTheSameWarehouseAsOneRun() throws {
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("batch"), copies: 4)
        let stuck = names[7]
        let uninterrupted = try Fixtures.run(["import", "batch", "--into", "once.sqlite", "-j", "2"], in: folder)
        XCTAssertEqual(uninterrupted.status, 0, uninterrupted.stderr)

        // One job, a document that hangs: the run is reliably mid-way when it is killed.
        let (process, _, _) = try Fixtures.start(
            ["import", "batch", "--into", "twice.sqlite", "-j", "1"], in: folder,
            environment: ["KOMMUNRAPPORT_TEST_HANG_ON": stuck])
        let deadline = Date().addingTimeInterval(60)
        var imported = 0
        while Date() < deadline {
            imported = (try? count("SELECT count(*) FROM reports", in: "twice.sqlite")) ?? 0
            if imported == 7 { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertEqual(imported, 7)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let resumed = try Fixtures.run(["import", "batch", "--into", "twice.sqlite", "-j", "2"], in: folder)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("imported \(names.count - 7), skipped 7, failed 0"), resumed.stderr)
        XCTAssertEqual(try snapshot("twice.sqlite"), try snapshot("once.sqlite"))
        XCTAssertEqual(try count("SELECT count(*) FROM import_errors", in: "twice.sqlite"), 0)
    }

    func testCtrlCStopsTheBatchWithoutRecordingTheInterruptedDocument() throws {
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("batch"))
        let (process, _, err) = try Fixtures.start(
            ["import", "batch", "--into", "w.sqlite", "-j", "1"], in: folder,
            environment: ["KOMMUNRAPPORT_TEST_HANG_ON": names[1]])
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, ((try? count("SELECT count(*) FROM reports", in: "w.sqlite")) ?? 0) < 1 {
            Thread.sleep(forTimeInterval: 0.1)
        }
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        XCTAssertEqual(process.terminationStatus, 130, stderr)
        XCTAssertTrue(stderr.contains("interrupted"), stderr)
        XCTAssertEqual(try count("SELECT count(*) FROM reports", in: "w.sqlite"), 1)
        XCTAssertEqual(try count("SELECT count(*) FROM import_errors", in: "w.sqlite"), 0)
    }

    func testShardedRunsMergeIntoTheWholeArchive() throws {
        try Fixtures.writeCorpus(into: folder.appendingPathComponent("batch"), copies: 3)
        XCTAssertEqual(try Fixtures.run(["import", "batch", "--into", "whole.sqlite", "-q"], in: folder).status, 0)
        var shardCounts: [Int] = []
        for k in 1...3 {
            let run = try Fixtures.run(["import", "batch", "--into", "shard-\(k).sqlite", "--shard", "\(k)/3", "-q"], in: folder)
            XCTAssertEqual(run.status, 0, run.stderr)
            shardCounts.append((try? count("SELECT count(*) FROM reports", in: "shard-\(k).sqlite")) ?? 0)
        }
        XCTAssertEqual(shardCounts.reduce(0, +), 9)
        let merge = try Fixtures.run(
            ["merge", "shard-1.sqlite", "shard-2.sqlite", "shard-3.sqlite", "--into", "all.sqlite"], in: folder)
        XCTAssertEqual(merge.status, 0, merge.stderr)
        XCTAssertEqual(try snapshot("all.sqlite"), try snapshot("whole.sqlite"))
    }

    func testPathsCanComeFromStandardInput() throws {
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("batch"))
        let list = names.prefix(2).map { "batch/\($0)" }.joined(separator: "\n") + "\n"
        let run = try Fixtures.run(["import", "-", "--into", "w.sqlite"], in: folder, stdin: list)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try count("SELECT count(*) FROM reports", in: "w.sqlite"), 2)
    }

    func testProgressIsOneLinePerDocumentOffATerminalAndQuietShowsOnlyFailures() throws {
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("batch"))
        try Data().write(to: folder.appendingPathComponent("batch/empty.txt"))
        let loud = try Fixtures.run(["import", "batch", "--into", "w.sqlite"], in: folder)
        XCTAssertEqual(loud.status, 1)
        for name in names { XCTAssertTrue(loud.stderr.contains("imported batch/\(name)"), loud.stderr) }
        XCTAssertTrue(loud.stderr.contains("[\(names.count + 1)/\(names.count + 1)]"), loud.stderr)

        let quiet = try Fixtures.run(["import", "batch", "--into", "q.sqlite", "--quiet"], in: folder)
        XCTAssertEqual(quiet.status, 1)
        XCTAssertFalse(quiet.stderr.contains("imported"), quiet.stderr)
        XCTAssertTrue(quiet.stderr.contains("batch/empty.txt: the file is empty"), quiet.stderr)
    }

    func testTheSummaryCountsDocumentsWithNothingToCompare() throws {
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("batch"))
        try "Beslut\n\nNämnden beslutar att godkänna yttrandet och att översända det till länsstyrelsen.\n"
            .write(to: folder.appendingPathComponent("batch/beslut.txt"), atomically: true, encoding: .utf8)
        let run = try Fixtures.run(["import", "batch", "--into", "w.sqlite"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("imported \(names.count + 1)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("1 document(s) with no goals, indicators, tables or assignments"), run.stderr)
    }

    func testExitStatus2WhenNothingCanBeDone() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nothing"), withIntermediateDirectories: true)
        let empty = try Fixtures.run(["import", "nothing", "--into", "w.sqlite"], in: folder)
        XCTAssertEqual(empty.status, 2, empty.stderr)
        XCTAssertTrue(empty.stderr.contains("nothing to import"), empty.stderr)

        try Fixtures.writeCorpus(into: folder.appendingPathComponent("batch"))
        let unwritable = try Fixtures.run(["import", "batch", "--into", "no/such/folder/w.sqlite"], in: folder)
        XCTAssertEqual(unwritable.status, 2, unwritable.stderr)
        XCTAssertTrue(unwritable.stderr.contains("no/such/folder/w.sqlite"), unwritable.stderr)

        let badShard = try Fixtures.run(["import", "batch", "--into", "w.sqlite", "--shard", "4/3"], in: folder)
        XCTAssertEqual(badShard.status, 2, badShard.stderr)
        XCTAssertTrue(badShard.stderr.contains("--shard"), badShard.stderr)

        let missing = try Fixtures.run(["import", "no-such-file.txt"], in: folder)
        XCTAssertEqual(missing.status, 2, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("no-such-file.txt: no such file or folder"), missing.stderr)
    }

    func testAWorkersExportIsTheSameAsExportingTheReportInProcess() throws {
        // Workers write JSON and facts exports themselves; the bytes must not depend on where
        // the export was made.
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("batch"))
        let input = folder.appendingPathComponent("batch/\(names[0])")
        var report = try ReportImporter().importReport(at: input)
        // A batch's export carries the input's path as given and its digest.
        report.document.path = "batch/\(names[0])"
        report.document.sha256 = try SHA256.file(at: input).sha256
        for format in [ExportFormat.json, .facts] {
            let run = try Fixtures.run(["import", "batch", "--output", "out-\(format.rawValue)", "--format", format.rawValue], in: folder)
            XCTAssertEqual(run.status, 0, run.stderr)
            let name = input.deletingPathExtension().lastPathComponent + "." + format.fileExtension
            let written = try Data(contentsOf: folder.appendingPathComponent("out-\(format.rawValue)/\(name)"))
            XCTAssertEqual(written, try format.data(for: report), format.rawValue)
        }
    }

    func testOneFileStillGoesToStandardOutputAndSeveralToAFolder() throws {
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("batch"))
        let json = try Fixtures.run(["import", "batch/\(names[0])"], in: folder)
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertNotNil(object?["schemaVersion"])
        XCTAssertEqual(json.stderr, "")

        let facts = try Fixtures.run(["import", "batch/\(names[0])", "--format", "facts"], in: folder)
        XCTAssertTrue(facts.stdout.hasPrefix("{\"kind\":\"report\""), facts.stdout)

        let several = try Fixtures.run(["import", "batch", "--output", "out", "--format", "facts"], in: folder)
        XCTAssertEqual(several.status, 0, several.stderr)
        for name in names {
            let output = folder.appendingPathComponent("out/" + name.replacingOccurrences(of: ".txt", with: ".facts.ndjson"))
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.path), output.path)
        }

        let csv = try Fixtures.run(["import", "batch", "--format", "csv", "--output", "csv"], in: folder)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("csv").path).sorted()
        XCTAssertEqual(files, [
            "assignment.csv", "goal.csv", "heading.csv", "indicator.csv", "indicatorValue.csv", "report.csv", "tableCell.csv",
            "tableCheck.csv", "warning.csv",
        ])
        let reportCSV = try String(contentsOf: folder.appendingPathComponent("csv/report.csv"), encoding: .utf8)
        XCTAssertEqual(reportCSV.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, names.count + 1)
    }
}
