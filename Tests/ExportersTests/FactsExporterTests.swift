import Exporters
import Foundation
import ReportModel
import XCTest

final class FactsExporterTests: XCTestCase {
    private func sampleReport() -> Report {
        let at = Provenance(page: 2, firstLine: 10, lastLine: 11)
        var report = Report(document: DocumentInfo(fileName: "vb.txt", sourceKind: .text, pages: 3))
        report.metadata = ReportMetadata(municipality: "Umeå", municipalityCode: "2480", organisation: "Kulturnämnden",
                                         reportType: .verksamhetsberättelse, year: 2023)
        report.headings = [Heading(id: "h1", level: 1, text: "Måluppföljning", provenance: at)]
        report.goals = [Goal(id: "g1", ref: "1", level: "Nämndmål", title: "Fler \"besök\"", status: .fulfilled,
                             statusText: "Uppfyllt", provenance: at)]
        report.indicators = [Indicator(id: "i1", goalId: "g1", name: "Antal besök", values: [
            IndicatorValue(column: "Utfall 2023", year: 2023, measure: .outcome, value: 1250.5, text: "1 250,5", provenance: at),
        ], provenance: at)]
        report.tables = [ReportTable(id: "t1", title: "Drift", unit: "tkr", columns: [TableColumn(header: "Budget 2023", year: 2023, measure: .budget)],
                                     rows: [TableRow(label: "Intäkter", cells: [TableCell(columnIndex: 0, value: 91867, unit: "tkr", valueSEK: 91_867_000, text: "91 867")], provenance: at)],
                                     provenance: at)]
        report.assignments = [Assignment(id: "a1", goalId: "g1", kind: .activity, title: "Öppna biblioteket", start: "2023-01-01", provenance: at)]
        return report
    }

    func testEveryKindWithTheContractedFields() throws {
        let lines = FactsExporter().ndjson(of: sampleReport()).split(separator: "\n")
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(objects.map { $0["kind"] as? String }, ["report", "heading", "goal", "indicator", "indicatorValue", "tableCell", "assignment"])
        XCTAssertTrue(objects.allSatisfy { $0["document"] as? String == "vb.txt" })
        let required: [String: [String]] = [
            "report": ["municipality", "municipalityCode", "organisation", "reportType", "reportKind", "year", "period", "pages"],
            "heading": ["level", "text", "page"],
            "goal": ["id", "parentId", "ref", "level", "title", "status", "statusText", "page"],
            "indicator": ["id", "goalId", "name", "unit", "page"],
            "indicatorValue": ["indicatorId", "indicator", "column", "year", "measure", "value", "unit", "comparator", "text", "page"],
            "tableCell": ["tableId", "table", "row", "column", "year", "value", "unit", "valueSEK", "text", "page"],
            "assignment": ["id", "goalId", "title", "status", "comment", "start", "end", "page"],
        ]
        for object in objects {
            let kind = object["kind"] as! String
            for field in required[kind]! { XCTAssertTrue(object.keys.contains(field), "\(kind) lacks \(field)") }
        }
        XCTAssertEqual(objects[2]["title"] as? String, "Fler \"besök\"")
        XCTAssertEqual(objects[4]["value"] as? Double, 1250.5)
        XCTAssertEqual(objects[5]["valueSEK"] as? Double, 91_867_000)
        XCTAssertTrue(objects[0]["period"] is NSNull)
        XCTAssertEqual(objects[0]["pages"] as? Int, 3)
    }

    func testJSONRoundTripsThroughTheModel() throws {
        let data = try JSONExporter().json(of: sampleReport())
        let decoded = try JSONDecoder().decode(Report.self, from: data)
        XCTAssertEqual(decoded.schemaVersion, Report.currentSchemaVersion)
        XCTAssertEqual(decoded.goals, sampleReport().goals)
        XCTAssertEqual(decoded.tables, sampleReport().tables)
        XCTAssertEqual(try JSONExporter().json(of: decoded), data)
    }
}
