import BatchImport
import Exporters
import Foundation
import KommunrapportKit
import ReportModel
import Warehouse
import XCTest

/// The batch runner in this process: inputs, shards, skipping, sinks.
final class BatchRunnerTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func runBatch(_ paths: [String], sink: any ReportSink, force: Bool = false, jobs: Int = 2) throws -> BatchSummary {
        let (documents, problems) = InputCollector().collect(paths)
        let runner = BatchRunner(
            documents: documents, parser: InProcessParser(), sink: sink,
            progress: ProgressDisplay(style: .quiet, total: documents.count), options: BatchOptions(jobs: jobs, force: force))
        return try runner.run(problems: problems)
    }

    func testShardsAreDisjointAndTogetherHoldEveryDocument() throws {
        let paths = (0..<500).map { "archive/board-\($0 % 7)/report-\($0).pdf" }
        var seen: [String: Int] = [:]
        for k in 1...4 {
            let shard = try XCTUnwrap(Shard(parsing: "\(k)/4"))
            let slice = paths.filter(shard.contains)
            XCTAssertGreaterThan(slice.count, 60, "slices should be roughly even")
            for path in slice { seen[path, default: 0] += 1 }
        }
        XCTAssertEqual(seen.count, paths.count)
        XCTAssertTrue(seen.values.allSatisfy { $0 == 1 })
        XCTAssertNil(Shard(parsing: "0/4"))
        XCTAssertNil(Shard(parsing: "5/4"))
        XCTAssertNil(Shard(parsing: "three"))
        XCTAssertEqual(Shard(parsing: "1/1")?.contains("anything"), true)
    }

    func testInputsAreFilesFoldersWalkedRecursivelyOrAListOnStandardInput() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        for name in ["a/1.txt", "a/b/2.PDF", "a/b/skip.docx", "a/3.txt", "loose.md"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        let base = folder.path
        var lines = ["\(base)/loose.md", "", "\(base)/a/1.txt"].makeIterator()
        let (documents, problems) = InputCollector().collect(
            ["\(base)/a", "-", "\(base)/missing.txt"], standardInput: { lines.next() })
        XCTAssertEqual(documents.map(\.path), ["\(base)/a/1.txt", "\(base)/a/3.txt", "\(base)/a/b/2.PDF", "\(base)/loose.md"])
        XCTAssertEqual(problems.map(\.reason), ["\(base)/missing.txt: no such file or folder"])
    }

    func testASecondRunSkipsImportedDocumentsAndForceReimportsThemWithTheSameIds() throws {
        try Fixtures.writeCorpus(into: folder.appendingPathComponent("in"), copies: 2)
        let warehouse = try Warehouse(path: folder.appendingPathComponent("w.sqlite").path, toolVersion: "test")
        let sink = WarehouseSink(warehouse: warehouse)
        let first = try runBatch([folder.appendingPathComponent("in").path], sink: sink)
        XCTAssertEqual(first.imported, 6)
        XCTAssertEqual(first.exitStatus, 0)
        let ids = try warehouse.ids(of: "headings") + warehouse.ids(of: "reports")

        let second = try runBatch([folder.appendingPathComponent("in").path], sink: sink)
        XCTAssertEqual(second.imported, 0)
        XCTAssertEqual(second.skipped, 6)

        let forced = try runBatch([folder.appendingPathComponent("in").path], sink: sink, force: true)
        XCTAssertEqual(forced.imported, 6)
        XCTAssertEqual(try warehouse.ids(of: "headings") + warehouse.ids(of: "reports"), ids)
    }

    func testTheSameContentTwiceInOneBatchIsImportedOnce() throws {
        let source = try Fixtures.corpusTexts()[0]
        let fm = FileManager.default
        try fm.copyItem(at: source, to: folder.appendingPathComponent("a.txt"))
        try fm.copyItem(at: source, to: folder.appendingPathComponent("b.txt"))
        let warehouse = try Warehouse(path: folder.appendingPathComponent("w.sqlite").path, toolVersion: "test")
        let summary = try runBatch([folder.path], sink: WarehouseSink(warehouse: warehouse), jobs: 1)
        XCTAssertEqual(summary.imported, 1)
        XCTAssertEqual(summary.skipped, 1)
        XCTAssertEqual(try warehouse.rowCounts()["reports"], 1)
    }

    func testFailuresNameTheFileAndGoIntoImportErrors() throws {
        try Fixtures.writeCorpus(into: folder)
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        let warehouse = try Warehouse(path: folder.appendingPathComponent("w.sqlite").path, toolVersion: "test")
        let summary = try runBatch([folder.path, folder.appendingPathComponent("gone.txt").path], sink: WarehouseSink(warehouse: warehouse))
        XCTAssertEqual(summary.exitStatus, 1)
        XCTAssertEqual(summary.failures.map(\.path), [folder.appendingPathComponent("gone.txt").path, folder.appendingPathComponent("empty.txt").path])
        XCTAssertTrue(summary.failures.allSatisfy { $0.reason.hasPrefix($0.path + ": ") }, "\(summary.failures)")
        XCTAssertEqual(try warehouse.rowCounts()["import_errors"], 2)
    }

    func testSameNamedInputsInDifferentFoldersGetDistinctOutputFiles() throws {
        let documents = [InputDocument(path: "ks/2023.txt"), InputDocument(path: "bun/2023.txt"), InputDocument(path: "bun/2022.txt")]
        let sink = FileSink(target: .folder(folder), format: .json, documents: documents)
        let names = documents.map { sink.outputName(for: $0.path) }
        XCTAssertEqual(Set(names).count, 3)
        XCTAssertEqual(names[2], "2022.json")
        XCTAssertTrue(names[0].hasPrefix("2023-") && names[0].hasSuffix(".json"), names[0])
    }

    func testCSVFilesHaveTheFactsFieldNamesAndRowsInInputOrder() throws {
        try Fixtures.writeCorpus(into: folder.appendingPathComponent("in"), copies: 2)
        let out = folder.appendingPathComponent("csv")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let summary = try runBatch([folder.appendingPathComponent("in").path], sink: try CSVSink(folder: out), jobs: 2)
        XCTAssertEqual(summary.imported, 6)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(files, CSVExporter.kinds.map { $0 + ".csv" }.sorted())

        let reportCSV = try String(contentsOf: out.appendingPathComponent("report.csv"), encoding: .utf8)
        let lines = reportCSV.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let report = try ReportImporter().importReport(at: Fixtures.corpusTexts()[0])
        let factKeys = FactsExporter().facts(of: report).first { $0.kind == "report" }!.fields.map(\.key)
        XCTAssertEqual(lines.first, factKeys.joined(separator: ","))
        let documents = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] }
        XCTAssertEqual(documents, documents.sorted(), "rows follow the input order, not the order documents finished")
    }

    func testCSVFieldsAreQuotedAsRFC4180Says() {
        XCTAssertEqual(CSVExporter.field("plain"), "plain")
        XCTAssertEqual(CSVExporter.field("Intäkter, netto"), "\"Intäkter, netto\"")
        XCTAssertEqual(CSVExporter.field("\"Bra\" sa hon"), "\"\"\"Bra\"\" sa hon\"")
        XCTAssertEqual(CSVExporter.field("två\nrader"), "\"två\nrader\"")
        XCTAssertEqual(CSVExporter.field(FactValue.null), "")
        XCTAssertEqual(CSVExporter.field(FactValue.double(1234.5)), "1234.5")
        XCTAssertEqual(CSVExporter.field(FactValue.double(90)), "90")
        XCTAssertEqual(CSVExporter.field(FactValue.bool(true)), "true")
    }

    func testAWorkersLastWordsSayItRanOutOfMemoryOnlyInWholePhrases() {
        // A crash's backtrace names allocation functions whatever crashed; only what a failed
        // allocation prints says the memory limit was met.
        XCTAssertTrue(WorkerFailure.isMemoryLimit("terminate called after throwing an instance of 'std::bad_alloc'"))
        XCTAssertTrue(WorkerFailure.isMemoryLimit("poppler: Out of memory"))
        XCTAssertFalse(WorkerFailure.isMemoryLimit("Crash: SIGABRT\n0 swift_allocObject + 42\n1 malloc + 12"))
    }
}

/// `compare` as a user meets it first: its errors name what is wrong.
final class CompareCommandTests: XCTestCase {
    func testAMissingWarehouseOrFigureIsOneClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kr-cmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try Fixtures.run(["compare", "saknas.sqlite", "--indicator", "Sjukfrånvaro"], in: folder)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("saknas.sqlite: no such warehouse"), missing.stderr)
        let noFigure = try Fixtures.run(["compare", "saknas.sqlite"], in: folder)
        XCTAssertEqual(noFigure.status, 2)
        XCTAssertTrue(noFigure.stderr.contains("give one figure: --indicator NAME, --row LABEL or --kpi ID"), noFigure.stderr)
    }
}

/// `--format csv` as spreadsheet users and loaders meet it.
final class CSVOutputTests: XCTestCase {
    func testOneKindToOneFileAndAFileWithoutAKindIsOneClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kr-csvout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Fixtures.writeCorpus(into: folder.appendingPathComponent("in"))
        let run = try Fixtures.run(
            ["import", "in", "--format", "csv", "--kind", "tableCell", "--csv-dialect", "excel", "--output", "cells.csv", "-j", "2", "--quiet"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let bytes = try Data(contentsOf: folder.appendingPathComponent("cells.csv"))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark, for Excel")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("kind;document;tableId;table;row;"), String(text.prefix(80)))
        XCTAssertTrue(text.components(separatedBy: "\r\n")[0].hasSuffix(";reportId;path"), "fields added later come last")
        XCTAssertGreaterThan(text.components(separatedBy: "\r\n").count, 10)
        let unnamed = try Fixtures.run(["import", "in", "--format", "csv", "--output", "all.csv"], in: folder)
        XCTAssertEqual(unnamed.status, 2)
        XCTAssertTrue(unnamed.stderr.contains("name the fact kind it holds with --kind"), unnamed.stderr)
    }
}

/// A nightly re-run over the same archive: what failed before need not fail again.
final class SkipFailedTests: XCTestCase {
    func testARerunWithSkipFailedPassesOverWhatFailedBeforeAndSaysWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kr-skip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("in"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a pdf".utf8).write(to: folder.appendingPathComponent("in/scan.pdf"))
        _ = try Fixtures.writeCorpus(into: folder.appendingPathComponent("in"))
        let first = try Fixtures.run(["import", "in", "--into", "w.sqlite", "-j", "2"], in: folder)
        XCTAssertEqual(first.status, 1, first.stderr)
        let second = try Fixtures.run(["import", "in", "--into", "w.sqlite", "-j", "2", "--skip-failed"], in: folder)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("skipped in/scan.pdf (failed before (in/scan.pdf: not a PDF file"), second.stderr)
        let again = try Fixtures.run(["import", "in", "--into", "w.sqlite", "-j", "2"], in: folder)
        XCTAssertEqual(again.status, 1, "without --skip-failed the document is tried, and fails, again")
        let notWithFiles = try Fixtures.run(["import", "in", "--format", "facts", "--output", "out", "--skip-failed"], in: folder)
        XCTAssertEqual(notWithFiles.status, 2)
    }
}

extension BatchRunnerTests {
    func testADestinationThatTakesNothingStopsTheBatchAndNoDocumentIsMarkedAsFailedForGood() throws {
        let names = try Fixtures.writeCorpus(into: folder.appendingPathComponent("in"), copies: 4)
        let sink = RefusingSink(failure: WarehouseError.unavailable(path: "w", document: "d", reason: "disk full"))
        let summary = try runBatch([folder.appendingPathComponent("in").path], sink: sink, jobs: 1)
        XCTAssertEqual(summary.failures.count, BatchRunner.refusalsThatStopTheBatch, "stopped after that many refusals in a row")
        XCTAssertLessThan(summary.failures.count, names.count)
        XCTAssertEqual(summary.exitStatus, 2)
        XCTAssertFalse(summary.interrupted)
        XCTAssertNotNil(summary.destinationFailure)
        XCTAssertEqual(sink.recorded.count, 0, "a destination that refuses reports is not asked to keep failures")

        // Documents the destination cannot take, each for its own reason: every one fails, the batch goes on.
        let picky = RefusingSink(failure: WarehouseError.writeFailed(path: "w", document: "d", reason: "index row too large"))
        let goesOn = try runBatch([folder.appendingPathComponent("in").path], sink: picky, jobs: 1)
        XCTAssertEqual(goesOn.failures.count, names.count)
        XCTAssertEqual(goesOn.exitStatus, 1)
        // Recorded without its digest: `--skip-failed` must not pass over the document later.
        XCTAssertTrue(picky.recorded.allSatisfy { $0 == nil }, "\(picky.recorded)")
        XCTAssertEqual(picky.recorded.count, names.count)
    }
}

/// A destination that takes no report (a full disk, a server gone), recording the failures.
private final class RefusingSink: ReportSink, @unchecked Sendable {
    let failure: Error
    var recorded: [String?] = []
    init(failure: Error) { self.failure = failure }
    var destination: String { "refusing" }
    func store(_ report: Report, origin: DocumentOrigin, index: Int) throws { throw failure }
    func recordFailure(path: String, sha256: String?, reason: String, index: Int) throws { recorded.append(sha256) }
}
