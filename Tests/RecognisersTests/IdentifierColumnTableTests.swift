import Layout
import Recognisers
import ReportModel
import ReportSource
import XCTest

/// Tables whose header has short identifier columns (priority, status, project number, `Nr`)
/// before the label column: their codes are no part of a row's label, but cells of columns of
/// their own, numbers of no unit.
final class IdentifierColumnTableTests: XCTestCase {
    /// A line of cells, each starting at an x position; words get boxes 4 pt per character.
    private func line(_ cells: [(String, Double)], number: Int) -> SourceLine {
        measuredLine(cells, number: number, letterWidth: 4)
    }

    private func prose(_ text: String, number: Int) -> SourceLine {
        line([(text, 50)], number: number)
    }

    /// Runs layout and recognisers on measured PDF pages.
    private func recognisePages(_ pages: [[SourceLine]]) -> Report {
        let source = SourceDocument(name: "rapport.pdf", kind: .pdf, pages: pages.enumerated().map {
            SourcePage(number: $0 + 1, width: 842, height: 595, lines: $1)
        })
        return ReportRecogniser().recognise(LayoutAnalyser().analyse(source))
    }

    /// Runs layout and recognisers on lines of text (no tabs, no positions).
    private func recogniseText(_ text: String) -> Report {
        recognise(text)
    }

    // The columns of the investment table: Pri, Status, Proj nr, label, five years, total.
    private let xs: [Double] = [40, 70, 106, 140, 330, 380, 430, 480, 530, 580]

    private func investmentRow(_ cells: [(String, Int)], number: Int) -> SourceLine {
        line(cells.map { ($0.0, xs[$0.1]) }, number: number)
    }

    func testAnInvestmentTableWithPriorityStatusAndProjectNumberColumns() throws {
        let header = ["Pri o", "Stat us", "Proj Nr", "Investeringar (tkr)", "Budget 2027", "Plan 2028", "Plan 2029", "Plan 2030",
                      "Plan 2031", "Total utgift"]
        let report = recognisePages([
            [
                prose("Investeringsäskande", number: 1),
                SourceLine(text: "", lineNumber: 2),
                investmentRow(header.enumerated().map { ($1, $0) }, number: 3),
                investmentRow([("1", 0), ("P", 1), ("6289", 2), ("Utrustning uppstart Korsavadsanläggningen", 3), ("1 000", 4),
                               ("500", 5), ("0", 6), ("0", 7), ("0", 8), ("1 500", 9)], number: 4),
                investmentRow([("2", 0), ("N", 1), ("Valfisken inklusive gamingrum", 3), ("1 450", 4), ("750", 5), ("0", 6),
                               ("0", 7), ("0", 8), ("2 200", 9)], number: 5),
                investmentRow([("5", 0), ("N", 1), ("Tillgängligt museum", 3), ("250", 4), ("100", 5), ("350", 9)], number: 6),
                investmentRow([("6", 0), ("P", 1), ("Digitalisering av bibliotek", 3), ("150", 4), ("150", 5), ("150", 6),
                               ("150", 7), ("150", 8), ("årligen,löpande", 9)], number: 7),
            ],
            [
                investmentRow([("Summa nya enskilda investeringsprojekt", 3), ("37 325", 4), ("16 975", 5), ("6 275", 6),
                               ("4 575", 7), ("2 875", 8), ("67 975", 9)], number: 8),
                SourceLine(text: "", lineNumber: 9),
                // No gap measured between the project number and the label.
                investmentRow([("6016 Reinvesteringar", 2), ("1 200", 4), ("1 200", 5)], number: 10),
                SourceLine(text: "", lineNumber: 11),
                prose("Under året har arbetet fortsatt enligt plan och nämnden bedömer att resultatet är gott i förhållande till målet.", number: 12),
            ],
        ])
        XCTAssertEqual(report.tables.count, 1)
        let table = try XCTUnwrap(report.tables.first)
        // The identifier columns are columns of their own, before the figures.
        XCTAssertEqual(table.columns.map(\.header), [
            "Pri o", "Stat us", "Proj Nr", "Budget 2027", "Plan 2028", "Plan 2029", "Plan 2030", "Plan 2031", "Total utgift",
        ])
        XCTAssertEqual(table.unit, "tkr")
        XCTAssertEqual(table.rows.map(\.label), [
            "Utrustning uppstart Korsavadsanläggningen", "Valfisken inklusive gamingrum", "Tillgängligt museum",
            "Digitalisering av bibliotek", "Summa nya enskilda investeringsprojekt", "Reinvesteringar",
        ])
        func figures(_ row: TableRow) -> [TableCell] { row.cells.filter { $0.columnIndex >= 3 } }
        func codes(_ row: TableRow) -> [TableCell] { row.cells.filter { $0.columnIndex < 3 } }
        XCTAssertEqual(figures(table.rows[0]).map(\.value), [1000, 500, 0, 0, 0, 1500])
        XCTAssertEqual(figures(table.rows[0]).first?.valueSEK, 1_000_000)
        // A code is a number of no unit: no kronor.
        XCTAssertEqual(codes(table.rows[0]).map(\.text), ["1", "P", "6289"])
        XCTAssertEqual(codes(table.rows[0]).compactMap(\.valueSEK), [])
        XCTAssertEqual(codes(table.rows[0]).compactMap(\.unit), [])
        // Empty plan cells are absent; the total stays under its own column.
        XCTAssertEqual(figures(table.rows[2]).map(\.columnIndex), [3, 4, 8])
        XCTAssertEqual(figures(table.rows[2]).map(\.value), [250, 100, 350])
        // A text in a figure column is no figure.
        XCTAssertEqual(figures(table.rows[3]).compactMap(\.value), [150, 150, 150, 150, 150])
        XCTAssertEqual(table.rows[4].isSum, true)
        XCTAssertEqual(table.rows[4].provenance.page, 2)
        XCTAssertEqual(figures(table.rows[5]).map(\.value), [1200, 1200])
    }

    func testASingleNumberColumnBeforeTheLabel() throws {
        let report = recogniseLines([
            line([("Nr", 50), ("Projekt", 80), ("Budget 2027", 300), ("Plan 2028", 400)], number: 1),
            line([("1", 52), ("Ny förskola i Väster", 80), ("5 000", 305), ("3 000", 405)], number: 2),
            line([("2", 52), ("Renovering av simhall", 80), ("1 200", 305)], number: 3),
            line([("Summa", 80), ("6 200", 305), ("3 000", 405)], number: 4),
            SourceLine(text: "", lineNumber: 5),
            prose("Under året har arbetet fortsatt enligt plan och nämnden bedömer att resultatet är gott i förhållande till målet.", number: 6),
        ])
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.rows.map(\.label), ["Ny förskola i Väster", "Renovering av simhall", "Summa"])
        XCTAssertEqual(table.columns.first?.header, "Nr")
        XCTAssertEqual(table.rows.map { $0.cells.filter { $0.columnIndex > 0 }.map(\.value) }, [[5000, 3000], [1200], [6200, 3000]])
        XCTAssertEqual(table.rows.map { $0.cells.filter { $0.columnIndex == 0 }.map(\.value) }, [[1], [2], []])
    }

    func testIdentifierColumnsInATextRenditionWithoutTabs() throws {
        let report = recogniseText("""
            Investeringar
            Pri o Stat us Proj Nr Investeringar (tkr) Budget 2027 Plan 2028 Plan 2029

            1 P 6289 Utrustning uppstart 400 300 100
            2 N Valfisken inklusive gamingrum 450 150 50
            Summa 850 450 150

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.unit, "tkr")
        XCTAssertEqual(table.rows.map(\.label), ["Utrustning uppstart", "Valfisken inklusive gamingrum", "Summa"])
        XCTAssertEqual(table.rows.map { $0.cells.map(\.value) }, [[400, 300, 100], [450, 150, 50], [850, 450, 150]])

        let numbered = recogniseText("""
            Nr Projekt Budget 2027 Plan 2028
            1 Ny förskola i Väster 500 300
            2 Renovering av simhall 120 80

            \(longLine)
            """)
        XCTAssertEqual(numbered.tables.first?.rows.map(\.label), ["Ny förskola i Väster", "Renovering av simhall"])
    }

    func testAProseLineWithTabsOpensNoTable() {
        let report = recogniseLines([
            // Short leading cells that name no identifier column: running text split at wide gaps.
            line([("Vi", 50), ("har", 70), ("i år", 95), ("lagt om arbetet med", 125), ("budget 2027 och plan 2028", 300)], number: 1),
            line([("Under året har nämnden arbetat vidare med", 50), ("Budget 2027", 300), ("Plan 2028", 400)], number: 2),
            line([("Status", 50), ("Nämnden har fortsatt arbetet med den nya", 80), ("Budget 2027", 300), ("Plan 2028", 400)], number: 3),
            line([("Verksamheten", 50), ("12 400", 305), ("13 100", 405)], number: 4),
            SourceLine(text: "", lineNumber: 5),
            prose("Under året har arbetet fortsatt enligt plan och nämnden bedömer att resultatet är gott i förhållande till målet.", number: 6),
        ])
        XCTAssertEqual(report.tables.count, 0)
    }

    private func recogniseLines(_ lines: [SourceLine]) -> Report {
        recognisePages([lines])
    }
}
