import Foundation
import GRDB
import ReportModel
import Warehouse
import XCTest

final class WarehouseTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try SampleReports.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func open(_ name: String = "w.sqlite") throws -> Warehouse {
        try Warehouse(path: folder.appendingPathComponent(name).path, toolVersion: "test")
    }

    private func snapshot(_ warehouse: Warehouse) throws -> [String: [String]] {
        var ids: [String: [String]] = [:]
        for table in Warehouse.dataTables where table != "import_errors" { ids[table] = try warehouse.ids(of: table) }
        return ids
    }

    func testImportingTheCorpusTwiceLeavesIdenticalRowsAndIds() throws {
        let warehouse = try open()
        let corpus = try SampleReports.corpus()
        XCTAssertFalse(corpus.isEmpty)
        for (report, origin) in corpus { try warehouse.store(report, origin: origin) }
        let counts = try warehouse.rowCounts()
        let ids = try snapshot(warehouse)
        for (report, origin) in corpus { try warehouse.store(report, origin: origin) }
        XCTAssertEqual(try warehouse.rowCounts(), counts)
        XCTAssertEqual(try snapshot(warehouse), ids)
        XCTAssertEqual(counts["reports"], corpus.count)
    }

    func testTableChecksAndRowParentsAreStored() throws {
        let warehouse = try open()
        var report = SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 80)
        let here = report.tables[0].provenance
        report.tables[0].rows += [
            TableRow(label: "varav bidrag", level: 1, parent: 0, cells: [TableCell(columnIndex: 0, value: 40, text: "40")], provenance: here),
            TableRow(label: "Summa", isSum: true, cells: [TableCell(columnIndex: 0, value: 101, text: "101")], provenance: here),
        ]
        report.tables[0].checks = [TableCheck(kind: .sum, row: 2, column: 0, expected: 100, printed: 101, holds: false, terms: [0])]
        let origin = SampleReports.origin(path: "a.txt", content: "a")
        try warehouse.store(report, origin: origin)
        let check = try warehouse.read { db in try Row.fetchOne(db, sql: "SELECT * FROM table_check_facts") }
        XCTAssertEqual(check?["check"] as String?, "sum")
        XCTAssertEqual(check?["row"] as String?, "Summa")
        XCTAssertEqual(check?["column"] as String?, "Budget 2023")
        XCTAssertEqual(check?["row_index"] as Int?, 2)
        XCTAssertEqual(check?["holds"] as Bool?, false)
        XCTAssertEqual(check?["municipality"] as String?, "Alingsås")
        let parent = try warehouse.read { db in try Int.fetchOne(db, sql: "SELECT parent_index FROM table_rows WHERE label = 'varav bidrag'") }
        XCTAssertEqual(parent, 0)
    }

    func testIdsDeriveFromTheDigestAndTheModelId() throws {
        let warehouse = try open()
        let origin = SampleReports.origin(path: "a/alingsas.txt", content: "one")
        try warehouse.store(SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 80), origin: origin)
        let prefix = String(origin.sha256.prefix(16))
        XCTAssertEqual(try warehouse.ids(of: "reports"), [prefix])
        XCTAssertEqual(try warehouse.ids(of: "goals"), ["\(prefix):g1", "\(prefix):g2"])
        XCTAssertEqual(try warehouse.ids(of: "indicator_values"), ["\(prefix):i1:v0", "\(prefix):i1:v1"])
        XCTAssertEqual(try warehouse.ids(of: "table_cells"), ["\(prefix):t1:r0:c0", "\(prefix):t1:r0:c1"])
        let parent = try warehouse.read { db in try String.fetchOne(db, sql: "SELECT parent_id FROM goals WHERE item_id = 'g2'") }
        XCTAssertEqual(parent, "\(prefix):g1")
    }

    func testReimportingOneReportChangesNothingElse() throws {
        let warehouse = try open()
        let a = SampleReports.origin(path: "a.txt", content: "a")
        let b = SampleReports.origin(path: "b.txt", content: "b")
        try warehouse.store(SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 80), origin: a)
        try warehouse.store(SampleReports.synthetic(municipality: "Borås", code: "1490", year: 2023, outcome: 70), origin: b)
        let before = try warehouse.read { db in try Row.fetchAll(db, sql: "SELECT * FROM goals WHERE report_id = ? ORDER BY id", arguments: [b.reportId]) }
        try warehouse.store(SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 81), origin: a)
        let after = try warehouse.read { db in try Row.fetchAll(db, sql: "SELECT * FROM goals WHERE report_id = ? ORDER BY id", arguments: [b.reportId]) }
        XCTAssertEqual(before, after)
        XCTAssertEqual(try warehouse.rowCounts()["reports"], 2)
        let value = try warehouse.read { db in
            try Double.fetchOne(db, sql: "SELECT value FROM indicator_values WHERE report_id = ? AND measure = 'outcome'", arguments: [a.reportId])
        }
        XCTAssertEqual(value, 81)
    }

    func testAChangedFileReplacesItsOldVersion() throws {
        let warehouse = try open()
        let old = SampleReports.origin(path: "ks/2023.txt", content: "first edition")
        let new = SampleReports.origin(path: "ks/2023.txt", content: "corrected edition")
        try warehouse.store(SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 80), origin: old)
        try warehouse.store(SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 82), origin: new)
        XCTAssertEqual(try warehouse.importedDigests(), [new.sha256])
        XCTAssertEqual(try warehouse.rowCounts()["goals"], 2)
    }

    func testFailuresAreRecordedOncePerPathAndClearedByASuccess() throws {
        let warehouse = try open()
        try warehouse.recordFailure(path: "bad.txt", sha256: nil, reason: "bad.txt: the file is empty")
        try warehouse.recordFailure(path: "bad.txt", sha256: nil, reason: "bad.txt: still empty")
        XCTAssertEqual(try warehouse.rowCounts()["import_errors"], 1)
        let reason = try warehouse.read { db in try String.fetchOne(db, sql: "SELECT reason FROM import_errors") }
        XCTAssertEqual(reason, "bad.txt: still empty")
        try warehouse.store(SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 80),
                            origin: SampleReports.origin(path: "bad.txt", content: "now fine"))
        XCTAssertEqual(try warehouse.rowCounts()["import_errors"], 0)
    }

    func testTheComparisonViewSetsOutcomeBesideTargetAcrossMunicipalitiesAndYears() throws {
        let warehouse = try open()
        try warehouse.store(SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2022, outcome: 78),
                            origin: SampleReports.origin(path: "a22", content: "a22"))
        try warehouse.store(SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 80),
                            origin: SampleReports.origin(path: "a23", content: "a23"))
        // The same indicator printed with other spacing and case still compares.
        try warehouse.store(SampleReports.synthetic(municipality: "Borås", code: "1490", year: 2023, outcome: 70,
                                                    name: "Andel elever med  godkända betyg:"),
                            origin: SampleReports.origin(path: "b23", content: "b23"))
        let rows = try warehouse.read { db in
            try Row.fetchAll(db, sql: """
                SELECT municipality, year, outcome, target FROM indicator_comparison
                WHERE name_key = 'andel elever med godkända betyg'
                """)
        }
        XCTAssertEqual(rows.map { $0["municipality"] as String }, ["Alingsås", "Alingsås", "Borås"])
        XCTAssertEqual(rows.map { $0["year"] as Int }, [2022, 2023, 2023])
        XCTAssertEqual(rows.map { $0["outcome"] as Double }, [78, 80, 70])
        XCTAssertEqual(rows.map { $0["target"] as Double }, [90, 90, 90])

        let cells = try warehouse.read { db in
            try Row.fetchAll(db, sql: "SELECT \"row\", \"column\", value_sek FROM table_cell_facts WHERE municipality = 'Borås' ORDER BY \"column\"")
        }
        XCTAssertEqual(cells.map { $0["column"] as String }, ["Budget 2023", "Utfall 2023"])
        XCTAssertEqual(cells.map { $0["value_sek"] as Double }, [100_000, 95_000])
        let facts = try warehouse.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM goal_facts WHERE parent_title IS NOT NULL") }
        XCTAssertEqual(facts, 3)
    }

    func testOpeningAnOlderWarehouseMigratesItAndKeepsItsReports() throws {
        let path = folder.appendingPathComponent("old.sqlite").path
        let origin = SampleReports.origin(path: "a.txt", content: "a")
        do {
            let queue = try DatabaseQueue(path: path)
            try WarehouseSchema.migrator.migrate(queue, upTo: WarehouseSchema.versions[0])
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO reports (id, sha256, path, file_name, size, pages, source_kind, model_schema_version, tool_version, imported_at)
                    VALUES (?, ?, 'a.txt', 'a.txt', 1, 1, 'text', '1.0', 'old', '2024-01-01T00:00:00Z')
                    """, arguments: [origin.reportId, origin.sha256])
                try db.execute(sql: """
                    INSERT INTO report_tables (id, report_id, item_id, position, page) VALUES ('t', ?, 't1', 0, 1);
                    INSERT INTO table_rows (id, table_id, report_id, row_index, label, level, is_sum, page)
                    VALUES ('t:r0', 't', ?, 0, 'Verksam hetens  Nettokostnader:', 0, 0, 1);
                    """, arguments: [origin.reportId, origin.reportId])
            }
        }
        let warehouse = try Warehouse(path: path, toolVersion: "test")
        XCTAssertEqual(try warehouse.schemaVersion(), WarehouseSchema.currentVersion)
        XCTAssertEqual(try warehouse.importedDigests(), [origin.sha256])
        XCTAssertEqual(try warehouse.rowCounts()["import_errors"], 0)
        let views = try warehouse.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name") }
        XCTAssertTrue(views.contains("indicator_comparison"))
        // The migrated reports table and the fact views have the report's own name for itself.
        let kinds = try warehouse.read { db in try Row.fetchAll(db, sql: "SELECT report_kind FROM report_facts") }
        XCTAssertEqual(kinds.count, 1)
        XCTAssertNil(kinds.first?["report_kind"] as String?)
        // Rows stored before v10 got their label key when it came.
        let keys = try warehouse.read { db in try String.fetchAll(db, sql: "SELECT label_key FROM table_rows") }
        XCTAssertEqual(keys, ["verksamhetensnettokostnader"])
    }

    func testRefusesFilesThatAreNotWarehouses() throws {
        let text = folder.appendingPathComponent("notes.sqlite")
        try Data("just some notes, not a database at all, long enough to have a header".utf8).write(to: text)
        XCTAssertThrowsError(try Warehouse(path: text.path, toolVersion: "test")) { error in
            XCTAssertTrue("\(error)".contains(text.path), "\(error)")
        }
        let other = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE customers (id INTEGER)") }
        XCTAssertThrowsError(try Warehouse(path: other, toolVersion: "test")) { error in
            XCTAssertEqual(error as? WarehouseError, .notAWarehouse(path: other))
        }
        let newer = folder.appendingPathComponent("newer.sqlite").path
        _ = try Warehouse(path: newer, toolVersion: "test")
        try DatabaseQueue(path: newer).write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        XCTAssertThrowsError(try Warehouse(path: newer, toolVersion: "test")) { error in
            XCTAssertEqual(error as? WarehouseError, .newerSchema(path: newer, version: "v99-future"))
        }
    }

    func testMergingShardsEqualsOneImportAndIsIdempotent() throws {
        let corpus = try SampleReports.corpus()
        let extra = [
            (SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 80), SampleReports.origin(path: "a", content: "a")),
            (SampleReports.synthetic(municipality: "Borås", code: "1490", year: 2023, outcome: 70), SampleReports.origin(path: "b", content: "b")),
        ]
        let all = corpus + extra
        let whole = try open("whole.sqlite")
        for (report, origin) in all { try whole.store(report, origin: origin) }

        let shardA = try open("a.sqlite"), shardB = try open("b.sqlite")
        for (n, item) in all.enumerated() { try (n % 2 == 0 ? shardA : shardB).store(item.0, origin: item.1) }
        try shardB.recordFailure(path: "broken.pdf", sha256: nil, reason: "broken.pdf: truncated")
        // A document in both shards must not be duplicated.
        try shardB.store(all[0].0, origin: all[0].1)

        let merged = try open("merged.sqlite")
        let first = try merged.merge(from: shardA.path)
        XCTAssertEqual(first.reports, (all.count + 1) / 2)
        _ = try merged.merge(from: shardB.path)
        XCTAssertEqual(try snapshot(merged), try snapshot(whole))
        XCTAssertEqual(try merged.rowCounts()["import_errors"], 1)

        let again = try merged.merge(from: shardA.path)
        _ = try merged.merge(from: shardB.path)
        XCTAssertEqual(try snapshot(merged), try snapshot(whole))
        // Merging the same source again rewrites nothing: the document shard B imported later is
        // kept as B imported it, every other report is already there as it was.
        XCTAssertEqual(again.alreadyThere, first.reports - 1)
        XCTAssertEqual(again.reports, 0)
        XCTAssertEqual(again.keptNewer, 1)
        XCTAssertThrowsError(try merged.merge(from: merged.path))
    }

    func testMergeKeepsTheNewerImportOfAPath() throws {
        let old = try open("old.sqlite"), new = try open("new.sqlite")
        let firstEdition = SampleReports.origin(path: "ks/2023.txt", content: "first")
        let secondEdition = SampleReports.origin(path: "ks/2023.txt", content: "second")
        let report = SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 80)
        try old.store(report, origin: firstEdition, importedAt: Date(timeIntervalSince1970: 1_000))
        try new.store(report, origin: secondEdition, importedAt: Date(timeIntervalSince1970: 2_000))

        let merged = try open("merged.sqlite")
        _ = try merged.merge(from: new.path)
        let summary = try merged.merge(from: old.path)
        XCTAssertEqual(summary.keptNewer, 1)
        XCTAssertEqual(try merged.importedDigests(), [secondEdition.sha256])
    }

    func testMergeKeepsTheNewerImportOfADocument() throws {
        // The same file imported again later (by a newer tool, say) is not undone by merging a
        // shard that imported it earlier under another path. (A warehouse holds one import of a
        // document: storing it at a second path replaces the first.)
        let old = try open("old-document.sqlite"), new = try open("new-document.sqlite")
        let report = SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 80)
        try old.store(report, origin: SampleReports.origin(path: "ks/2023.txt", content: "same"), importedAt: Date(timeIntervalSince1970: 1_000))
        try old.store(report, origin: SampleReports.origin(path: "kopia/2023.txt", content: "same"),
                      importedAt: Date(timeIntervalSince1970: 1_500))
        try new.store(report, origin: SampleReports.origin(path: "ks/2023.txt", content: "same"), importedAt: Date(timeIntervalSince1970: 2_000))

        let merged = try open("merged-document.sqlite")
        _ = try merged.merge(from: new.path)
        let summary = try merged.merge(from: old.path)
        XCTAssertEqual(summary.reports, 0)
        XCTAssertEqual(summary.keptNewer, try old.rowCounts()["reports"])
        let kept = try merged.read { db in try Row.fetchAll(db, sql: "SELECT path, imported_at FROM reports") }
        XCTAssertEqual(kept.map { $0["path"] as String }, ["ks/2023.txt"])
        XCTAssertEqual(kept.map { ($0["imported_at"] as String).prefix(4) }, ["1970"])
        XCTAssertEqual(try new.read { db in try String.fetchOne(db, sql: "SELECT imported_at FROM reports") },
                       kept.first?["imported_at"])
    }

    func testAMergeEndsTheSameInEitherOrderWhenALaterImportReplacesTheOneThatKeptADocumentOut() throws {
        // A: document X at a.pdf (t=5). B: other content Y at a.pdf (t=7), and X at kopia/a.pdf
        // (t=3). Y replaces X at a.pdf, so X's older import under kopia/ is the one left of it.
        let report = SampleReports.synthetic(municipality: "Alingsås", code: "1489", year: 2023, outcome: 80)
        let a = try open("order-a.sqlite"), b = try open("order-b.sqlite")
        try a.store(report, origin: SampleReports.origin(path: "a.pdf", content: "X"), importedAt: Date(timeIntervalSince1970: 5))
        try b.store(report, origin: SampleReports.origin(path: "a.pdf", content: "Y"), importedAt: Date(timeIntervalSince1970: 7))
        try b.store(report, origin: SampleReports.origin(path: "kopia/a.pdf", content: "X"), importedAt: Date(timeIntervalSince1970: 3))
        func paths(_ warehouse: Warehouse) throws -> [String] {
            try warehouse.read { db in try String.fetchAll(db, sql: "SELECT path || ' ' || sha256 FROM reports ORDER BY path") }
        }
        let ab = try open("order-ab.sqlite"), ba = try open("order-ba.sqlite")
        _ = try ab.merge(from: a.path)
        let second = try ab.merge(from: b.path)
        _ = try ba.merge(from: b.path)
        _ = try ba.merge(from: a.path)
        XCTAssertEqual(try paths(ab), try paths(ba))
        XCTAssertEqual(try paths(ab).map { $0.split(separator: " ")[0] }, ["a.pdf", "kopia/a.pdf"])
        XCTAssertEqual(second.reports, 2)
    }

    func testSHA256MatchesTheStandardsTestVectors() {
        XCTAssertEqual(SHA256.hex(of: [UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(of: Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var chunked = SHA256()
        for _ in 0..<1000 { chunked.update(Array(repeating: UInt8(ascii: "a"), count: 1000)) }
        XCTAssertEqual(chunked.hexDigest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

extension WarehouseTests {
    /// Foreign keys are enforced on the connections the tool opens, and the fact views carry
    /// the input's path and each cell's row id, row index, row parent and column index.
    func testForeignKeysHoldAndCellsCarryTheirPositions() throws {
        let warehouse = try Warehouse(path: folder.appendingPathComponent("positions.sqlite").path, toolVersion: "test")
        try warehouse.store(SampleReports.synthetic(municipality: "Umeå", code: "2480", year: 2023, outcome: 80),
                            origin: SampleReports.origin(path: "arkiv/a/report.txt", content: "a"))
        try warehouse.store(SampleReports.synthetic(municipality: "Umeå", code: "2480", year: 2024, outcome: 82),
                            origin: SampleReports.origin(path: "arkiv/b/report.txt", content: "b"))
        XCTAssertEqual(try warehouse.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }, 1)
        let rows = try warehouse.read { db in
            try Row.fetchAll(db, sql: "SELECT path, row_id, row_index, row_parent, column_index FROM table_cell_facts ORDER BY path, column_index")
        }
        XCTAssertEqual(rows.map { $0["path"] as String }, ["arkiv/a/report.txt", "arkiv/a/report.txt", "arkiv/b/report.txt", "arkiv/b/report.txt"])
        XCTAssertEqual(rows.map { $0["column_index"] as Int }, [0, 1, 0, 1])
        XCTAssertEqual(rows.map { $0["row_index"] as Int }, [0, 0, 0, 0])
        XCTAssertEqual(Set(rows.map { $0["row_id"] as String }).count, 2, "each report's row has its own id")
        XCTAssertThrowsError(try warehouse.write { db in
            try db.execute(sql: "INSERT INTO headings (id, report_id, item_id, position, level, text, page) VALUES ('x', 'no-such-report', 'h9', 0, 1, 't', 1)")
        })
    }
}
