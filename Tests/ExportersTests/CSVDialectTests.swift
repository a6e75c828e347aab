import Exporters
import Foundation
import ReportModel
import XCTest

/// CSV that spreadsheets and loaders take: RFC 4180 by default, Swedish Excel's dialect when
/// asked, and a tab or line break inside a cell never breaking a row. Read back with Python's
/// `csv` module, as a user's script would.
final class CSVDialectTests: XCTestCase {
    private func report() -> Report {
        let at = Provenance(page: 2)
        var report = Report(document: DocumentInfo(fileName: "vb.txt", sourceKind: .text, pages: 3))
        report.document.path = "arkiv/2023/vb.txt"
        report.document.sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        report.tables = [ReportTable(
            id: "t1", title: "Drift; kommunen, \"netto\"", unit: "mnkr", columns: [TableColumn(header: "Utfall 2023", year: 2023, measure: .outcome)],
            rows: [TableRow(label: "Verksamhetens\tnettokostnader\nnetto", cells: [
                TableCell(columnIndex: 0, value: -12.5, unit: "mnkr", valueSEK: -12_500_000, text: "-12,5"),
            ], provenance: at), TableRow(label: "- varav personal", cells: [
                TableCell(columnIndex: 0, value: -12.5, unit: "mnkr", valueSEK: -12_500_000, text: "-12,5"),
            ], provenance: at)],
            provenance: at)]
        return report
    }

    /// The rows Python's csv module reads from a file written in a dialect.
    private func readBack(_ text: String, excel: Bool) throws -> [[String]] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kr-csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try text.write(to: url, atomically: true, encoding: .utf8)
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
                print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path, excel ? ";" : ","]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([[String]].self, from: data)
    }

    func testBothDialectsReadBackCellForCell() throws {
        for dialect in CSVExporter.Dialect.allCases {
            let exporter = CSVExporter(dialect: dialect)
            let file = try XCTUnwrap(exporter.files(of: [report()])["tableCell"])
            XCTAssertEqual(file.hasPrefix("\u{FEFF}"), dialect == .excel)
            let rows = try readBack(file, excel: dialect == .excel)
            XCTAssertEqual(rows.count, 3, "\(dialect): a header and two rows, whatever the cells hold")
            let header = rows[0], row = rows[1]
            // A label Excel would take for a formula is written as text.
            XCTAssertEqual(rows[2][header.firstIndex(of: "row")!], dialect == .excel ? "=\"- varav personal\"" : "- varav personal")
            XCTAssertEqual(header.count, row.count)
            func cell(_ name: String) -> String? { header.firstIndex(of: name).map { row[$0] } }
            XCTAssertEqual(cell("row"), "Verksamhetens\tnettokostnader\nnetto")
            XCTAssertEqual(cell("table"), "Drift; kommunen, \"netto\"")
            // Excel keeps a code as printed only as a text formula.
            XCTAssertEqual(cell("reportId"), dialect == .excel ? "=\"0123456789abcdef\"" : "0123456789abcdef")
            XCTAssertEqual(cell("path"), "arkiv/2023/vb.txt")
            XCTAssertEqual(cell("value"), dialect == .excel ? "-12,5" : "-12.5")
            XCTAssertEqual(cell("valueSEK"), "-12500000")
        }
    }
}
