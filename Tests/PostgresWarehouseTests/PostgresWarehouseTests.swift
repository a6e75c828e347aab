import Foundation
import KommunrapportKit
import PostgresWarehouse
import ReportModel
import ToolTestSupport
import Warehouse
import XCTest

/// The PostgreSQL warehouse against a real server: the same rows as the SQLite warehouse,
/// two writers at once, merge, passwords, refusals.
final class PostgresWarehouseTests: XCTestCase {
    nonisolated(unsafe) private static var server: PostgresTestServer?
    nonisolated(unsafe) private static var startFailure: Error?
    private var folder: URL!

    override class func setUp() {
        super.setUp()
        do { server = try PostgresTestServer() } catch { startFailure = error }
    }

    override class func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kr-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The running server; scripts/setup.sh installs PostgreSQL, so a server that does not start is a failure.
    private func runningServer() throws -> PostgresTestServer {
        if let server = Self.server { return server }
        XCTFail("no PostgreSQL server: \(Self.startFailure.map { "\($0)" } ?? "not started")")
        throw XCTSkip("no server")
    }

    /// A new empty database on the server, reached through the socket.
    private func newDatabase(owner: String? = nil) throws -> (server: PostgresTestServer, name: String) {
        let server = try runningServer()
        let name = "w_" + UUID().uuidString.prefix(8).lowercased()
        try server.createDatabase(name, owner: owner)
        return (server, name)
    }

    // MARK: Same rows as SQLite

    func testReportsStoredInPostgresHaveTheSameRowsAndViewsAsInSQLite() throws {
        let (server, name) = try newDatabase()
        let postgres = try PostgresWarehouse(url: server.socketURL(name), toolVersion: "test")
        let sqlite = try Warehouse(path: folder.appendingPathComponent("w.sqlite").path, toolVersion: "test")
        XCTAssertEqual(try postgres.schemaVersion(), WarehouseSchema.currentVersion)
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        for (report, origin) in try Self.corpusReports() {
            try postgres.store(report, origin: origin, importedAt: date)
            try sqlite.store(report, origin: origin, importedAt: date)
        }
        try sqlite.recordFailure(path: "broken.pdf", sha256: String(repeating: "a", count: 64), reason: "the PDF is damaged", at: date)
        try postgres.recordFailure(path: "broken.pdf", sha256: String(repeating: "a", count: 64), reason: "the PDF is damaged", at: date)
        XCTAssertGreaterThan(try postgres.rowCounts()["table_cells"] ?? 0, 100)
        try assertSameRows(sqlite, postgres, ignoring: [])
        XCTAssertEqual(try postgres.failedDigests(), try sqlite.failedDigests())
        XCTAssertEqual(try postgres.importedDigests(), try sqlite.importedDigests())
    }

    func testStoringADocumentAgainOrChangedAtTheSamePathLeavesOneCopy() throws {
        let (server, name) = try newDatabase()
        let postgres = try PostgresWarehouse(url: server.socketURL(name), toolVersion: "test")
        let (report, origin) = try XCTUnwrap(Self.corpusReports().first)
        try postgres.store(report, origin: origin)
        try postgres.store(report, origin: origin)
        XCTAssertEqual(try postgres.rowCounts()["reports"], 1)
        XCTAssertGreaterThan(try postgres.rowCounts()["table_cells"] ?? 0, 0)

        // The same path with other content replaces the old version, its rows too.
        var changed = report
        changed.tables = []
        let newOrigin = DocumentOrigin(path: origin.path, sha256: String(repeating: "b", count: 64), size: 10)
        try postgres.store(changed, origin: newOrigin)
        XCTAssertEqual(try postgres.importedDigests(), [newOrigin.sha256])
        XCTAssertEqual(try postgres.rowCounts()["table_cells"], 0)
        XCTAssertEqual(try postgres.rowCounts()["reports"], 1)
        // A later failure of a path replaces the earlier; an import of the path clears it.
        try postgres.recordFailure(path: origin.path, sha256: nil, reason: "x")
        try postgres.recordFailure(path: origin.path, sha256: nil, reason: "y")
        XCTAssertEqual(try postgres.rowCounts()["import_errors"], 1)
        try postgres.store(report, origin: origin)
        XCTAssertEqual(try postgres.rowCounts()["import_errors"], 0)
    }

    // MARK: Two writers

    func testTwoProcessesImportingTheCorpusAtOnceLeaveTheRowsOfOneSQLiteImport() throws {
        let (server, name) = try newDatabase()
        let url = server.socketURL(name)
        // The texts and every PDF (the shared corpus holds the PDF renditions of the texts too).
        var inputs = [Self.packageRoot.appendingPathComponent("corpus/text").path]
        let shared = Self.packageRoot.appendingPathComponent("../shared/corpus/pdf").standardized.path
        inputs.append(FileManager.default.fileExists(atPath: shared) ? shared : Self.packageRoot.appendingPathComponent("corpus/pdf").path)

        // The second writer takes the inputs in the other order, so the two meet on the same
        // documents at different times.
        let first = try start(["import"] + inputs + ["--into", url, "-j", "1", "--quiet"])
        let second = try start(["import"] + inputs.reversed() + ["--into", url, "-j", "1", "--quiet"])
        let sqlitePath = folder.appendingPathComponent("one.sqlite").path
        let single = try start(["import"] + inputs + ["--into", sqlitePath, "-j", "1", "--quiet"])
        for run in [first, second, single] {
            run.process.waitUntilExit()
            XCTAssertEqual(run.process.terminationStatus, 0, run.stderr())
        }

        let postgres = try PostgresWarehouse(url: url, toolVersion: "test")
        let sqlite = try Warehouse(path: sqlitePath, toolVersion: "test")
        let reports = try sqlite.rowCounts()["reports"] ?? 0
        XCTAssertGreaterThanOrEqual(reports, 6)
        XCTAssertEqual(try postgres.rowCounts()["reports"], reports, "one copy of each document")
        try assertSameRows(sqlite, postgres, ignoring: ["imported_at", "failed_at"])
    }

    func testTwoConnectionsStoringOneDocumentAtTheSameMomentLeaveOneCopyAndNoError() throws {
        let (server, name) = try newDatabase()
        // Whatever isolation the server's administrator made the default.
        try server.psql("ALTER DATABASE \(name) SET default_transaction_isolation = 'repeatable read'")
        let writers = [
            try PostgresWarehouse(url: server.socketURL(name), toolVersion: "test"),
            try PostgresWarehouse(url: server.socketURL(name), toolVersion: "test"),
        ]
        // The largest report: the longest transactions, so the two overlap.
        let (report, origin) = try XCTUnwrap(Self.corpusReports().max { $0.0.tables.count < $1.0.tables.count })
        let copy = DocumentOrigin(path: "copy/" + origin.path, sha256: origin.sha256, size: origin.size)
        for round in 0..<8 {
            let errors = ErrorList()
            let start = DispatchGroup()
            start.enter()
            let done = DispatchGroup()
            for (n, writer) in writers.enumerated() {
                DispatchQueue.global().async(group: done) {
                    start.wait()
                    // Odd rounds: the same content under two paths (a copy), which is one document too.
                    do { try writer.store(report, origin: n == 1 && round % 2 == 1 ? copy : origin) } catch { errors.add(error) }
                }
            }
            start.leave()
            done.wait()
            XCTAssertEqual(errors.all.map { "\($0)" }, [], "round \(round)")
            XCTAssertEqual(try writers[0].rowCounts()["reports"], 1, "round \(round)")
        }
    }

    // MARK: Merge

    func testMergingSQLiteShardsIntoPostgresEqualsMergingThemIntoSQLite() throws {
        let (server, name) = try newDatabase()
        let corpus = try Self.corpusReports()
        XCTAssertGreaterThanOrEqual(corpus.count, 3)
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let shardA = try Warehouse(path: folder.appendingPathComponent("a.sqlite").path, toolVersion: "test")
        let shardB = try Warehouse(path: folder.appendingPathComponent("b.sqlite").path, toolVersion: "test")
        // A document in both shards, and one failure.
        for (n, (report, origin)) in corpus.enumerated() {
            if n != 1 { try shardA.store(report, origin: origin, importedAt: date) }
            if n != 0 { try shardB.store(report, origin: origin, importedAt: date) }
        }
        try shardB.recordFailure(path: "scan.pdf", sha256: nil, reason: "no text layer", at: date)
        try shardA.write { db in
            try db.execute(sql: """
                INSERT INTO kolada_kpis (id, title) VALUES ('N15419', 'Elever i åk 9 som är behöriga');
                INSERT INTO kolada_matches VALUES ('elevers behörighet', 'N15419', NULL, 'hand');
                INSERT INTO kolada_matches VALUES ('andel behöriga', 'N15419', 0.7, 'match');
                """)
        }
        try shardB.write { db in
            try db.execute(sql: """
                INSERT INTO kolada_matches VALUES ('elevers behörighet', NULL, 0.9, 'match');
                INSERT INTO kolada_matches VALUES ('andel behöriga', NULL, NULL, 'hand');
                """)
        }

        let postgres = try PostgresWarehouse(url: server.socketURL(name), toolVersion: "test")
        let sqlite = try Warehouse(path: folder.appendingPathComponent("all.sqlite").path, toolVersion: "test")
        for shard in ["a.sqlite", "b.sqlite"] {
            let path = folder.appendingPathComponent(shard).path
            let intoPostgres = try postgres.merge(from: path)
            let intoSQLite = try sqlite.merge(from: path)
            XCTAssertEqual(intoPostgres, intoSQLite)
        }
        // Merging again changes nothing, and says the reports are already there.
        let again = try postgres.merge(from: folder.appendingPathComponent("a.sqlite").path)
        XCTAssertEqual(again.reports, 0)
        XCTAssertEqual(again.alreadyThere, corpus.count - 1)
        XCTAssertEqual(try postgres.rowCounts()["reports"], corpus.count)
        // An earlier import of a document already here (an older shard) is left out by both.
        let shardC = try Warehouse(path: folder.appendingPathComponent("c.sqlite").path, toolVersion: "older")
        try shardC.store(corpus[2].0, origin: corpus[2].1, importedAt: date.addingTimeInterval(-86_400))
        let older = try postgres.merge(from: shardC.path)
        XCTAssertEqual(older, try sqlite.merge(from: shardC.path))
        XCTAssertEqual(older.keptNewer, 1)
        XCTAssertEqual(older.reports, 0)
        try assertSameRows(sqlite, postgres, ignoring: [])
        for table in ["kolada_kpis", "kolada_matches"] { try assertSameRows(table, sqlite, postgres, ignoring: []) }
    }

    func testALaterImportThatReplacesTheOneKeepingADocumentOutLetsItInAsInSQLite() throws {
        // A: document X at a.pdf. B: other content at a.pdf, later, and X at kopia/a.pdf, earlier.
        let (server, name) = try newDatabase()
        let corpus = try Self.corpusReports()
        let a = try Warehouse(path: folder.appendingPathComponent("order-a.sqlite").path, toolVersion: "test")
        let b = try Warehouse(path: folder.appendingPathComponent("order-b.sqlite").path, toolVersion: "test")
        let x = corpus[0].1.sha256, y = corpus[1].1.sha256
        try a.store(corpus[0].0, origin: DocumentOrigin(path: "a.pdf", sha256: x, size: 1), importedAt: Date(timeIntervalSince1970: 5))
        try b.store(corpus[1].0, origin: DocumentOrigin(path: "a.pdf", sha256: y, size: 1), importedAt: Date(timeIntervalSince1970: 7))
        try b.store(corpus[0].0, origin: DocumentOrigin(path: "kopia/a.pdf", sha256: x, size: 1), importedAt: Date(timeIntervalSince1970: 3))
        let postgres = try PostgresWarehouse(url: server.socketURL(name), toolVersion: "test")
        let sqlite = try Warehouse(path: folder.appendingPathComponent("order-target.sqlite").path, toolVersion: "test")
        for source in [a, b] { XCTAssertEqual(try postgres.merge(from: source.path), try sqlite.merge(from: source.path)) }
        XCTAssertEqual(try postgres.rowCounts()["reports"], 2)
        try assertSameRows(sqlite, postgres, ignoring: [])
    }

    func testPathsSpelledWithComposedAndDecomposedLettersAreTwoPathsInAMergeAsInSQLite() throws {
        let (server, name) = try newDatabase()
        let corpus = try Self.corpusReports()
        // `å` composed (macOS writes it decomposed) in the target, decomposed in the source.
        let composed = "rapporter/\u{e5}rsredovisning.txt", decomposed = "rapporter/a\u{30a}rsredovisning.txt"
        XCTAssertEqual(composed, decomposed, "Swift takes them for one string")
        let early = Date(timeIntervalSince1970: 1_800_000_000), late = Date(timeIntervalSince1970: 1_900_000_000)
        let source = try Warehouse(path: folder.appendingPathComponent("source.sqlite").path, toolVersion: "test")
        try source.store(corpus[0].0, origin: DocumentOrigin(path: decomposed, sha256: corpus[0].1.sha256, size: 1), importedAt: early)
        let postgres = try PostgresWarehouse(url: server.socketURL(name), toolVersion: "test")
        let sqlite = try Warehouse(path: folder.appendingPathComponent("target.sqlite").path, toolVersion: "test")
        for target in [postgres as any ReportStore, sqlite] {
            try target.store(corpus[1].0, origin: DocumentOrigin(path: composed, sha256: corpus[1].1.sha256, size: 1), importedAt: late)
        }
        let intoPostgres = try postgres.merge(from: source.path)
        XCTAssertEqual(intoPostgres, try sqlite.merge(from: source.path))
        XCTAssertEqual(intoPostgres.reports, 1)
        try assertSameRows(sqlite, postgres, ignoring: [])
    }

    // MARK: Passwords

    func testThePasswordComesFromTheURLPGPASSWORDOrThePasswordFileAndIsNeverShownOrStored() throws {
        let server = try runningServer()
        let password = "Hemligt-\(UUID().uuidString.prefix(6))"
        let role = "writer_" + UUID().uuidString.prefix(6).lowercased()
        try server.psql("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
        let (_, name) = try newDatabase(owner: role)
        let tcp = "postgresql://\(role)@127.0.0.1:\(server.port)/\(name)?sslmode=disable"
        let withPassword = "postgresql://\(role):\(password)@127.0.0.1:\(server.port)/\(name)?sslmode=disable"
        let noFile = ["HOME": folder.path]

        XCTAssertNoThrow(try PostgresWarehouse(url: withPassword, toolVersion: "test", environment: noFile))
        XCTAssertNoThrow(try PostgresWarehouse(url: tcp, toolVersion: "test", environment: ["PGPASSWORD": password, "HOME": folder.path]))
        let passFile = folder.appendingPathComponent(".pgpass")
        try "127.0.0.1:\(server.port):\(name):\(role):\(password)\n".write(to: passFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passFile.path)
        XCTAssertNoThrow(try PostgresWarehouse(url: tcp, toolVersion: "test", environment: ["HOME": folder.path]))

        // No password anywhere: said so, in words.
        XCTAssertThrowsError(try PostgresWarehouse(url: tcp, toolVersion: "test", environment: ["HOME": "/nonexistent"])) { error in
            XCTAssertTrue("\(error)".contains("the server asks for a password and none was found"), "\(error)")
        }

        // A wrong password: the server's reason, the address without any password.
        let wrong = "postgresql://\(role):Fel-\(password)@127.0.0.1:\(server.port)/\(name)?sslmode=disable"
        XCTAssertThrowsError(try PostgresWarehouse(url: wrong, toolVersion: "test", environment: noFile)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("password authentication failed"), message)
            XCTAssertTrue(message.hasPrefix("postgresql://\(role)@127.0.0.1:\(server.port)/\(name):"), message)
            XCTAssertFalse(message.contains(password), message)
        }

        // The tool: progress, errors and the warehouse never hold the password.
        let run = try start(
            ["import", Self.packageRoot.appendingPathComponent("corpus/text").path, "--into", withPassword],
            environment: noFile)
        run.process.waitUntilExit()
        XCTAssertEqual(run.process.terminationStatus, 0, run.stderr())
        XCTAssertTrue(run.stderr().contains("into postgresql://\(role)@127.0.0.1:"), run.stderr())
        XCTAssertFalse(run.stderr().contains(password) || run.stdout().contains(password), run.stderr())
        let failing = try start(["import", "missing.pdf", "--into", wrong], environment: noFile)
        failing.process.waitUntilExit()
        XCTAssertEqual(failing.process.terminationStatus, 2, failing.stderr())
        XCTAssertFalse(failing.stderr().contains(password), failing.stderr())

        // Commands that read warehouse files refuse a server, naming it without the password.
        let compare = try start(["compare", withPassword, "--indicator", "x"], environment: noFile)
        compare.process.waitUntilExit()
        XCTAssertEqual(compare.process.terminationStatus, 2, compare.stderr())
        XCTAssertTrue(compare.stderr().contains("reads an SQLite warehouse file"), compare.stderr())
        XCTAssertFalse(compare.stderr().contains(password), compare.stderr())

        let postgres = try PostgresWarehouse(url: withPassword, toolVersion: "test", environment: noFile)
        XCTAssertGreaterThan(try postgres.rowCounts()["reports"] ?? 0, 0)
        for table in Warehouse.dataTables {
            let rows = try postgres.rows(of: table, columns: try postgres.columns(of: table))
            XCTAssertFalse(rows.joined().contains { $0.description.contains(password) }, table)
        }
    }

    func testTwoWritersOpeningANewWarehouseAtOnceBothMigrateIt() throws {
        let (server, name) = try newDatabase()
        try server.psql("ALTER DATABASE \(name) SET default_transaction_isolation = 'serializable'")
        let errors = ErrorList()
        let done = DispatchGroup()
        let url = server.socketURL(name)
        for _ in 0..<3 {
            DispatchQueue.global().async(group: done) {
                do { _ = try PostgresWarehouse(url: url, toolVersion: "test") } catch { errors.add(error) }
            }
        }
        done.wait()
        XCTAssertEqual(errors.all.map { "\($0)" }, [])
        XCTAssertEqual(try PostgresWarehouse(url: server.socketURL(name), toolVersion: "test").schemaVersion(), WarehouseSchema.currentVersion)
    }

    func testAWriterWithoutTheRightToCreateTablesWritesIntoAnExistingWarehouse() throws {
        let (server, name) = try newDatabase()
        let role = "loader_" + UUID().uuidString.prefix(6).lowercased()
        try server.psql("CREATE ROLE \(role) LOGIN")
        try server.psql("REVOKE CREATE ON SCHEMA public FROM PUBLIC", database: name)
        let url = "postgresql://\(role)@/\(name)?host=\(server.folder)&port=\(server.port)"
        // Before the owner made the tables, the loader is told who must.
        XCTAssertThrowsError(try PostgresWarehouse(url: url, toolVersion: "test")) { error in
            XCTAssertTrue("\(error)".contains("import once as the database's owner"), "\(error)")
        }
        _ = try PostgresWarehouse(url: server.socketURL(name), toolVersion: "test")
        try server.psql("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(role)", database: name)
        let loader = try PostgresWarehouse(url: url, toolVersion: "test")
        let (report, origin) = try XCTUnwrap(Self.corpusReports().first)
        try loader.store(report, origin: origin)
        XCTAssertEqual(try loader.rowCounts()["reports"], 1)
    }

    func testAConnectionTheServerDropsIsMadeAgainAndTheReportStored() throws {
        let (server, name) = try newDatabase()
        let postgres = try PostgresWarehouse(url: server.socketURL(name), toolVersion: "test")
        let corpus = try Self.corpusReports()
        try postgres.store(corpus[0].0, origin: corpus[0].1)
        // An administrator ends every session of the database (a restart, an idle timeout).
        try server.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND pid <> pg_backend_pid()")
        try postgres.store(corpus[1].0, origin: corpus[1].1)
        XCTAssertEqual(try postgres.rowCounts()["reports"], 2)
    }

    // MARK: Refusals

    func testADatabaseWithOtherTablesOrFromANewerToolIsRefused() throws {
        let (server, name) = try newDatabase()
        try server.psql("CREATE TABLE customers (id integer)", database: name)
        XCTAssertThrowsError(try PostgresWarehouse(url: server.socketURL(name), toolVersion: "test")) { error in
            XCTAssertEqual(error as? WarehouseError, .notAWarehouse(path: "postgresql://kommunrapport@/\(name)?host=\(server.folder)&port=\(server.port)"))
        }
        let (_, rails) = try newDatabase()
        try server.psql("CREATE TABLE schema_migrations (version text); CREATE TABLE reports (id integer)", database: rails)
        XCTAssertThrowsError(try PostgresWarehouse(url: server.socketURL(rails), toolVersion: "test")) { error in
            guard case .notAWarehouse? = error as? WarehouseError else { return XCTFail("\(error)") }
        }
        let (_, newer) = try newDatabase()
        _ = try PostgresWarehouse(url: server.socketURL(newer), toolVersion: "test")
        try server.psql("INSERT INTO kommunrapport_migrations VALUES ('v99-future', 'x')", database: newer)
        XCTAssertThrowsError(try PostgresWarehouse(url: server.socketURL(newer), toolVersion: "test")) { error in
            guard case .newerSchema(_, let version)? = error as? WarehouseError else { return XCTFail("\(error)") }
            XCTAssertEqual(version, "v99-future")
        }
        XCTAssertThrowsError(try PostgresWarehouse(url: server.socketURL("no_such_database"), toolVersion: "test")) { error in
            XCTAssertTrue("\(error)".contains("no_such_database"), "\(error)")
            XCTAssertTrue("\(error)".contains("cannot open the warehouse"), "\(error)")
        }
    }

    // MARK: Helpers

    /// Errors collected from several threads.
    private final class ErrorList: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [Error] = []
        func add(_ error: Error) { lock.lock(); errors.append(error); lock.unlock() }
        var all: [Error] { lock.lock(); defer { lock.unlock() }; return errors }
    }

    static let packageRoot = ToolProcess.packageRoot

    /// The corpus texts imported in this process, with their origins.
    static func corpusReports() throws -> [(Report, DocumentOrigin)] {
        let folder = packageRoot.appendingPathComponent("corpus/text")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.path < $1.path }
            .map { url in
                let digest = try SHA256.file(at: url)
                let origin = DocumentOrigin(path: "corpus/text/" + url.lastPathComponent, sha256: digest.sha256, size: digest.size)
                return (try ReportImporter().importReport(at: url), origin)
            }
    }

    /// Every data table and view holds the same rows in both warehouses (as multisets), columns alike.
    private func assertSameRows(
        _ sqlite: Warehouse, _ postgres: PostgresWarehouse, ignoring: Set<String>, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        for name in Warehouse.dataTables + WarehouseSchema.viewNames {
            try assertSameRows(name, sqlite, postgres, ignoring: ignoring, file: file, line: line)
        }
    }

    private func assertSameRows(
        _ name: String, _ sqlite: Warehouse, _ postgres: PostgresWarehouse, ignoring: Set<String>,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let columns = try sqlite.columns(of: name)
        XCTAssertFalse(columns.isEmpty, name, file: file, line: line)
        XCTAssertEqual(try postgres.columns(of: name), columns, "columns of \(name)", file: file, line: line)
        let kept = columns.filter { !ignoring.contains($0) }
        // A list the databases concatenate in their own order (indicator_comparison.documents) compares as a set.
        func render(_ row: [WarehouseValue]) -> String {
            zip(kept, row).map { column, value in
                column == "documents" ? value.description.split(separator: ",").sorted().joined(separator: ",") : value.description
            }.joined(separator: " | ")
        }
        let here = try sqlite.rows(of: name, columns: kept).map(render).sorted()
        let there = try postgres.rows(of: name, columns: kept).map(render).sorted()
        XCTAssertEqual(here.count, there.count, "rows of \(name)", file: file, line: line)
        if let difference = zip(here, there).first(where: { $0 != $1 }) {
            XCTFail("\(name) differs:\n  SQLite:     \(difference.0)\n  PostgreSQL: \(difference.1)", file: file, line: line)
        }
    }

    /// A started run of the built tool; its output goes to files.
    private struct Started {
        let process: Process
        let out: URL
        let err: URL
        func stdout() -> String { (try? String(contentsOf: out, encoding: .utf8)) ?? "" }
        func stderr() -> String { (try? String(contentsOf: err, encoding: .utf8)) ?? "" }
    }

    private func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Started {
        guard FileManager.default.isExecutableFile(atPath: ToolProcess.binary.path) else {
            throw XCTSkip("\(ToolProcess.binary.path) is not built; run `swift build` first")
        }
        let (process, out, err) = try ToolProcess.start(arguments, in: folder, environment: environment)
        return Started(process: process, out: out, err: err)
    }
}
