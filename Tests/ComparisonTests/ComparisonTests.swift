import Comparison
import Foundation
import GRDB
import ReportModel
import ReportSource
import Warehouse
import XCTest

/// `compare`: one figure across municipalities and years out of a warehouse, each value once,
/// in one unit and one sign, with its sources.
final class ComparisonTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kr-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private let here = Provenance(page: 4, firstLine: 1, lastLine: 2)

    /// A report of one municipality and year with an indicator and a cost row.
    private func report(
        _ municipality: String, code: String, year: Int, type: ReportType = .årsredovisning, grades: Double,
        netCost: Double, file: String
    ) -> Report {
        Report(
            document: DocumentInfo(fileName: file, sourceKind: .pdf, pages: 10),
            metadata: ReportMetadata(municipality: municipality, municipalityCode: code, organisation: "Kommunfullmäktige",
                                     reportType: type, year: year),
            headings: [], goals: [],
            indicators: [Indicator(
                id: "i1", name: "Andel elever med  godkända betyg:", unit: "%",
                values: [IndicatorValue(column: "Utfall \(year)", year: year, measure: .outcome, value: grades, unit: "%",
                                        text: ComparisonText.number(grades), provenance: here)],
                provenance: here)],
            tables: [ReportTable(
                id: "t1", title: "Resultaträkning", unit: "mnkr",
                columns: [TableColumn(header: "Utfall \(year)", year: year, measure: .outcome)],
                rows: [TableRow(label: "Verksamhetens nettokostnader", cells: [
                    TableCell(columnIndex: 0, value: netCost, unit: "mnkr", valueSEK: netCost * 1_000_000, text: ComparisonText.number(netCost)),
                ], provenance: here)],
                provenance: here)],
            assignments: [], warnings: [])
    }

    private func warehouse(_ reports: [(Report, String)]) throws -> Warehouse {
        let store = try Warehouse(path: folder.appendingPathComponent("w.sqlite").path, toolVersion: "test")
        for (report, path) in reports {
            try store.store(report, origin: DocumentOrigin(path: path, sha256: SHA256.hex(of: Array(path.utf8)), size: 1))
        }
        return store
    }

    private func sample() throws -> Warehouse {
        try warehouse([
            (report("Alingsås", code: "1489", year: 2024, grades: 81.5, netCost: -2_400.5, file: "alingsas.pdf"), "arkiv/alingsas.pdf"),
            // The same report as text: one value, two sources.
            (report("Alingsås", code: "1489", year: 2024, grades: 81.5, netCost: -2_400.5, file: "alingsas.txt"), "arkiv/alingsas.txt"),
            (report("Vårgårda", code: "1442", year: 2024, grades: 77, netCost: 610, file: "vargarda.pdf"), "arkiv/vargarda.pdf"),
            (report("Vårgårda", code: "1442", year: 2025, grades: 79, netCost: 640, file: "vargarda-2025.pdf"), "arkiv/vargarda-2025.pdf"),
            // A budget printing a different value for the same year: both show, with their types.
            (report("Vårgårda", code: "1442", year: 2024, type: .internbudget, grades: 80, netCost: 600, file: "vargarda-budget.pdf"), "arkiv/vargarda-budget.pdf"),
            (report("Haparanda", code: "2583", year: 2024, grades: 70, netCost: 400, file: "haparanda.pdf"), "arkiv/haparanda.pdf"),
        ])
    }

    func testAnIndicatorIsComparedOncePerReportWhateverItsRenditions() throws {
        let result = try ComparisonQuery(ComparisonRequest(figure: .indicator("andel elever med godkända betyg"), years: 2024...2024))
            .run(on: try sample())
        XCTAssertEqual(result.values.map(\.municipality), ["Alingsås", "Haparanda", "Vårgårda", "Vårgårda"])
        let alingsås = try XCTUnwrap(result.values.first)
        XCTAssertEqual(alingsås.value, 81.5)
        XCTAssertEqual(alingsås.sources.map(\.document), ["alingsas.pdf", "alingsas.txt"])
        XCTAssertEqual(alingsås.sources.first?.page, 4)
        let vårgårda = result.values.filter { $0.municipality == "Vårgårda" }
        XCTAssertEqual(Set(vårgårda.map(\.value)), [77, 80])
        XCTAssertEqual(Set(vårgårda.compactMap { $0.sources.first?.reportType }), ["årsredovisning", "internbudget"])
    }

    func testMoneyComparesInKronorAndCostsReadOneWay() throws {
        let result = try ComparisonQuery(ComparisonRequest(figure: .row(label: "verksamhetens NETTOKOSTNADER", column: "utfall"), years: 2024...2024))
            .run(on: try sample())
        let alingsås = try XCTUnwrap(result.values.first { $0.municipality == "Alingsås" })
        XCTAssertEqual(alingsås.value, 2_400_500_000)
        XCTAssertEqual(alingsås.unit, "kr")
        XCTAssertTrue(alingsås.turned)
        XCTAssertEqual(alingsås.printed, "-2 400,5")
        XCTAssertFalse(try XCTUnwrap(result.values.first { $0.municipality == "Haparanda" }).turned)
        XCTAssertTrue(result.notes.contains { $0.contains("turned") })
    }

    /// Whether a table prints costs negative is read from the whole table, so a value's sign does
    /// not depend on what else is selected; a surplus in such a table reads negative once turned.
    func testCostSignsAreSettledPerTableWhateverTheSelection() throws {
        var surplus = report("Lerum", code: "1441", year: 2024, grades: 75, netCost: 0, file: "lerum.pdf")
        surplus.tables[0].rows = [
            TableRow(label: "Verksamhetens intäkter", cells: [TableCell(columnIndex: 0, value: 50.7, unit: "mnkr", valueSEK: 50_700_000, text: "50,7")], provenance: here),
            TableRow(label: "Personalkostnader", cells: [TableCell(columnIndex: 0, value: -12.1, unit: "mnkr", valueSEK: -12_100_000, text: "-12,1")], provenance: here),
            TableRow(label: "Övriga kostnader", cells: [TableCell(columnIndex: 0, value: -8, unit: "mnkr", valueSEK: -8_000_000, text: "-8,0")], provenance: here),
            TableRow(label: "Verksamhetens nettokostnader", cells: [TableCell(columnIndex: 0, value: 30.6, unit: "mnkr", valueSEK: 30_600_000, text: "30,6")], provenance: here),
        ]
        let store = try warehouse([(surplus, "arkiv/lerum.pdf"), (report("Haparanda", code: "2583", year: 2024, grades: 70, netCost: 400, file: "h.pdf"), "arkiv/h.pdf")])
        let lerum = try XCTUnwrap(try ComparisonQuery(ComparisonRequest(figure: .row(label: "Verksamhetens nettokostnader", column: nil)))
            .run(on: store).values.first { $0.municipality == "Lerum" })
        XCTAssertEqual(lerum.value, -30_600_000)
        XCTAssertTrue(lerum.turned)
        let alone = try ComparisonQuery(ComparisonRequest(figure: .row(label: "Verksamhetens nettokostnader", column: nil), municipalityCodes: ["1441"]))
            .run(on: store)
        XCTAssertEqual(alone.values.map(\.value), [-30_600_000])
        XCTAssertEqual(try ComparisonQuery(ComparisonRequest(figure: .row(label: "Personalkostnader", column: nil))).run(on: store).values.map(\.value), [12_100_000])
    }

    /// A label that extraction split inside a word is found by the whole one, through the
    /// warehouse's label key (no cell of another row is read).
    func testARowIsFoundWhereExtractionSplitItsLabel() throws {
        var split = report("Lerum", code: "1441", year: 2017, grades: 75, netCost: -386.5, file: "lerum.pdf")
        split.tables[0].rows[0].label = "Verksam hetens nettokostnader"
        let store = try warehouse([(split, "arkiv/lerum.pdf")])
        let found = try ComparisonQuery(ComparisonRequest(figure: .row(label: "Verksamhetens nettokostnader", column: nil))).run(on: store)
        XCTAssertEqual(found.values.map(\.label), ["Verksam hetens nettokostnader"])
        XCTAssertEqual(try ComparisonQuery(ComparisonRequest(figure: .row(label: "Verksamhetens intäkter", column: nil))).run(on: store).values.count, 0)
    }

    func testAPreliminaryValueIsMarkedInEveryOutput() throws {
        var early = report("Lerum", code: "1441", year: 2023, grades: 73, netCost: 1, file: "lerum.pdf")
        early.indicators[0].values[0].preliminary = true
        early.indicators[0].values[0].text = "(73)"
        let result = try ComparisonQuery(ComparisonRequest(figure: .indicator("Andel elever med godkända betyg"))).run(on: try warehouse([(early, "l.pdf")]))
        XCTAssertEqual(result.values.map(\.preliminary), [true])
        XCTAssertTrue(ComparisonText.table(result).contains("(73) (preliminärt)"))
        XCTAssertTrue(ComparisonText.csv(result).components(separatedBy: "\r\n")[1].hasSuffix(",true"))
        XCTAssertTrue(ComparisonChart.html(result).contains("(73) (preliminärt)"))
    }

    func testMunicipalitiesSortAsSwedishReadersSortThem() {
        XCTAssertEqual(["Örebro", "Älmhult", "Åre", "Ystad", "Alingsås"].sorted(by: Comparison.swedishOrder), ["Alingsås", "Ystad", "Åre", "Älmhult", "Örebro"])
    }

    func testMunicipalitiesAreChosenByCodeNameLänAndGroupFile() throws {
        XCTAssertEqual(try MunicipalitySelection.codes(inList: "1489, Vårgårda kommun"), ["1489", "1442"])
        XCTAssertThrowsError(try MunicipalitySelection.codes(inList: "Atlantis"))
        let västraGötaland = MunicipalitySelection.sameCounty(as: try MunicipalitySelection.municipality("Alingsås"))
        XCTAssertTrue(västraGötaland.contains("1442"))
        XCTAssertFalse(västraGötaland.contains("2583"))
        XCTAssertEqual(västraGötaland.count, 49)
        // A group file as a spreadsheet saves it: a header, semicolons, a code that lost its zero.
        let file = "kommunkod;grupp\n1489;Pendlingskommun nära större stad\n1442;Pendlingskommun nära större stad\n180;Storstäder\n"
        XCTAssertEqual(try MunicipalitySelection.codes(inGroupFile: file, focus: "1489"), ["1489", "1442"])
        XCTAssertEqual(try MunicipalitySelection.codes(inGroupFile: file, focus: nil), ["1489", "1442", "0180"])
        XCTAssertThrowsError(try MunicipalitySelection.codes(inGroupFile: file + "1489;Storstäder\n", focus: "1489"))
        let result = try ComparisonQuery(ComparisonRequest(
            figure: .indicator("Andel elever med godkända betyg"), municipalityCodes: västraGötaland, focusCode: "1489"))
            .run(on: try sample())
        XCTAssertEqual(Set(result.values.map(\.municipality)), ["Alingsås", "Vårgårda"])
        XCTAssertEqual(result.focus, "Alingsås")
        XCTAssertEqual(result.years, [2024, 2025])
    }

    func testCSVAndJSONReadBack() throws {
        let result = try ComparisonQuery(ComparisonRequest(figure: .indicator("Andel elever med godkända betyg"))).run(on: try sample())
        let csv = ComparisonText.csv(result)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // One line per value and source, under a header.
        XCTAssertEqual(lines.count, 1 + result.values.reduce(0) { $0 + $1.sources.count })
        XCTAssertTrue(lines[0].hasPrefix("municipality,municipality_code,organisation,year,measure,value"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("Alingsås,1489,Kommunfullmäktige,2024,outcome,81.5,%,\"81,5\",false,") })
        let decoded = try JSONDecoder().decode(Comparison.self, from: Data(try ComparisonText.json(result).utf8))
        XCTAssertEqual(decoded.values, result.values)
    }

    func testTheChartPageDrawsOneBarPerMunicipalityAndYear() throws {
        let result = try ComparisonQuery(ComparisonRequest(figure: .indicator("Andel elever med godkända betyg"), focusCode: "1442"))
            .run(on: try sample())
        let html = ComparisonChart.html(result)
        let bars = html.components(separatedBy: "<rect class=\"bar").count - 1
        XCTAssertEqual(bars, result.values.count)
        XCTAssertEqual(html.components(separatedBy: "class=\"bar focus\"").count - 1, result.values.filter { $0.municipality == "Vårgårda" }.count)
        XCTAssertTrue(html.contains("<h2>2024</h2>") && html.contains("<h2>2025</h2>"))
        XCTAssertTrue(html.contains("href=\"./arkiv/alingsas.pdf#page=4\""))
        XCTAssertTrue(html.contains("i fokus: Vårgårda"))
        // Self-contained: nothing fetched (the SVG namespace is a name, not an address).
        let fetched = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        XCTAssertFalse(["src=", "<link", "@import", "http://", "https://", "url("].contains { fetched.contains($0) })
    }

    // MARK: Kolada

    /// A KPI catalogue and a values file as Kolada's API answers (v3: flags as booleans, v2: as 0/1).
    private func koladaFiles() throws -> [URL] {
        let catalogue = """
            {"count": 2, "values": [
              {"id": "N15428", "title": "Elever i åk 9 med godkända betyg i alla ämnen, andel (%)", "description": "Andel elever …",
               "municipality_type": "K", "is_divided_by_gender": true, "operating_area": "Grundskola"},
              {"id": "N01951", "title": "Invånare totalt, antal", "municipality_type": "A", "is_divided_by_gender": 0}
            ], "next_page": null}
            """
        let data = """
            {"count": 2, "values": [
              {"kpi": "N15428", "municipality": "1489", "period": 2024,
               "values": [{"gender": "K", "count": 1, "status": "", "value": 84.1}, {"gender": "T", "count": 1, "status": "", "value": 80.9},
                          {"gender": "M", "count": 1, "status": "", "value": 77.6}]},
              {"kpi": "N15428", "municipality": "1442", "period": "2024", "values": [{"gender": "T", "count": 1, "value": 77.0}]}
            ]}
            """
        let urls = [folder.appendingPathComponent("kpi.json"), folder.appendingPathComponent("data.json")]
        try catalogue.write(to: urls[0], atomically: true, encoding: .utf8)
        try data.write(to: urls[1], atomically: true, encoding: .utf8)
        return urls
    }

    func testKoladaFilesAreReadAndIndicatorsMatchedToTheirKPI() throws {
        let store = try sample()
        let files = try koladaFiles()
        XCTAssertEqual(try Kolada.importFile(files[0], into: store), Kolada.ImportCount(kpis: 2, values: 0))
        XCTAssertEqual(try Kolada.importFile(files[1], into: store), Kolada.ImportCount(kpis: 0, values: 4))
        let broken = folder.appendingPathComponent("broken.json")
        try "[1, 2]".write(to: broken, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Kolada.importFile(broken, into: store)) { error in
            XCTAssertTrue("\(error)".contains("broken.json: not a Kolada API answer"), "\(error)")
        }

        let proposals = try KoladaMatch(threshold: 0.6).run(on: store)
        let grades = try XCTUnwrap(proposals.first { $0.nameKey == "andel elever med godkända betyg" })
        XCTAssertEqual(grades.kpiId, "N15428")
        XCTAssertEqual(grades.decidedBy, "match")
        XCTAssertGreaterThanOrEqual(grades.score, 0.6)

        // Kolada's published value beside each report's own, credited.
        let result = try ComparisonQuery(ComparisonRequest(figure: .kpi("N15428"), years: 2024...2024)).run(on: store)
        let alingsås = result.values.filter { $0.municipality == "Alingsås" }
        XCTAssertEqual(Set(alingsås.map(\.value)), [81.5, 80.9])
        XCTAssertTrue(alingsås.contains { $0.value == 80.9 && $0.sources.map(\.document) == ["Kolada"] })
        XCTAssertTrue(ComparisonChart.html(result).contains("Källa: Kolada"))
        XCTAssertFalse(ComparisonChart.html(try ComparisonQuery(ComparisonRequest(figure: .indicator("Andel elever med godkända betyg"))).run(on: store))
            .contains("Källa: Kolada"))
        let withKolada = try ComparisonQuery(ComparisonRequest(figure: .indicator("Andel elever med godkända betyg"), years: 2024...2024, withKolada: true))
            .run(on: store)
        XCTAssertEqual(withKolada.values.filter { $0.sources.first?.document == "Kolada" }.count, 2)

        // A decision by hand wins, now and in later runs without the file.
        let decided = try KoladaMatch(decisions: KoladaMatch.decisions(inFile: "Andel elever med godkända betyg;-\n")).run(on: store)
        XCTAssertEqual(decided.first { $0.nameKey == "andel elever med godkända betyg" }?.kpiId, nil)
        _ = try KoladaMatch(threshold: 0.1).run(on: store)
        let afterwards = try ComparisonQuery(ComparisonRequest(figure: .kpi("N15428"), years: 2024...2024)).run(on: store)
        XCTAssertTrue(afterwards.values.allSatisfy { $0.sources.first?.document == "Kolada" })
    }

    func testMergeCarriesKoladaAndKeepsDecisionsByHand() throws {
        let source = try sample()
        let files = try koladaFiles()
        _ = try Kolada.importFile(files[0], into: source)
        _ = try Kolada.importFile(files[1], into: source)
        _ = try KoladaMatch(decisions: ["andel elever med godkända betyg": "N15428"]).run(on: source)
        // The source also proposes a KPI for a name the target decided by hand: the hand decision stays.
        try source.write { db in
            try db.execute(sql: "INSERT INTO kolada_matches (name_key, kpi_id, score, decided_by) VALUES ('sjukfrånvaro', 'N00090', 0.7, 'match')")
        }
        let target = try Warehouse(path: folder.appendingPathComponent("target.sqlite").path, toolVersion: "test")
        try target.write { db in
            try db.execute(sql: "INSERT INTO kolada_matches (name_key, kpi_id, score, decided_by) VALUES ('sjukfrånvaro', NULL, NULL, 'hand')")
        }
        _ = try target.merge(from: source.path)
        XCTAssertEqual(try target.read { db in try String.fetchOne(db, sql: "SELECT decided_by FROM kolada_matches WHERE name_key = 'sjukfrånvaro'") }, "hand")
        let counts = try target.read { db in
            [try Int.fetchOne(db, sql: "SELECT count(*) FROM kolada_kpis") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM kolada_values") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM kolada_matches WHERE decided_by = 'hand'") ?? 0]
        }
        XCTAssertEqual(counts, [2, 4, 2])
        let merged = try ComparisonQuery(ComparisonRequest(figure: .kpi("N15428"), years: 2024...2024)).run(on: target)
        XCTAssertEqual(Set(merged.values.filter { $0.municipality == "Alingsås" }.map(\.value)), [81.5, 80.9])
    }
}

