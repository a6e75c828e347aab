import Exporters
import Foundation
import ReportModel
import XCTest

/// Figure facts: a cell without a number stays in the model but is no `indicatorValue` or `tableCell`.
final class FigureFactsTests: XCTestCase {
    func testCellsWithoutANumberAreNoFigureFacts() throws {
        let at = Provenance(page: 1)
        var report = Report(document: DocumentInfo(fileName: "r.txt", sourceKind: .text, pages: 1))
        report.indicators = [Indicator(id: "i1", name: "Andel", values: [
            IndicatorValue(column: "2022", year: 2022, measure: .outcome, value: nil, text: "I.U.", provenance: at),
            IndicatorValue(column: "2023", year: 2023, measure: .outcome, value: 98, unit: "%", text: "98%", provenance: at),
        ], provenance: at)]
        report.tables = [ReportTable(id: "t1", title: "Drift", unit: "tkr", columns: [
            TableColumn(header: "Budget", measure: .budget), TableColumn(header: "Utfall", measure: .outcome),
        ], rows: [TableRow(label: "Intäkter", cells: [
            TableCell(columnIndex: 0, value: nil, text: "-"), TableCell(columnIndex: 1, value: 12, unit: "tkr", valueSEK: 12_000, text: "12"),
        ], provenance: at)], provenance: at)]
        let objects = try FactsExporter().ndjson(of: report).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let figures = objects.filter { ["indicatorValue", "tableCell"].contains($0["kind"] as? String) }
        XCTAssertEqual(figures.map { $0["text"] as? String }, ["98%", "12"])
        XCTAssertEqual(report.indicators[0].values.count, 2, "the model keeps the text cell")
    }
}
