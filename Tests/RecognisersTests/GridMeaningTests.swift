import Layout
import Recognisers
import ReportModel
import ReportSource
import XCTest

/// What the recognisers make of the table stage's grids: units, counts with shares, titles.
final class GridMeaningTests: XCTestCase {
    func testACountWithItsShareGivesTwoValuesOfOneCell() throws {
        let report = recognise("""
            Sammansättning yrkesroller

            April 2026         Antal (andel) förskollärare    Antal (andel) barnskötare
            Team Norra                   16 (53%)                    13 (43%)
            Team Södra                   44 (63%)                    23 (33%)

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.title, "Sammansättning yrkesroller")
        XCTAssertEqual(table.unit, "antal")
        let first = table.rows[0].cells.filter { $0.columnIndex == 0 }
        XCTAssertEqual(first.map(\.value), [16, 53])
        XCTAssertEqual(first.map(\.unit), ["antal", "%"])
        XCTAssertEqual(first.map(\.text), ["16 (53%)", "16 (53%)"])
    }

    func testAStubUnitGivesMoneyCellsTheirKronor() throws {
        let report = recognise("""
            Belopp i tkr        Budget 2026    Prognos 2026
            Intäkter                  1 200           1 300
            Kostnader                -9 000          -9 100

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.unit, "tkr")
        XCTAssertEqual(table.columns.map(\.measure), [.budget, .forecast])
        XCTAssertEqual(table.columns.map(\.year), [2026, 2026])
        XCTAssertEqual(table.rows[0].cells.first?.valueSEK, 1_200_000)
    }

    /// A unit the title states (`… i procent`, `…, kr`) is the unit of cells that print none.
    func testTheUnitATitleStatesIsTheUnitOfCellsThatPrintNone() throws {
        let report = recognise("""
            Personalomsättning extern i procent

                                 2023     2024     2025
            Förskollärare         4,5      3,9      4,1
            Barnskötare           2,2      2,8      2,4

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.title, "Personalomsättning extern i procent")
        XCTAssertEqual(table.unit, "%")
        XCTAssertEqual(table.rows[0].cells.map(\.unit), ["%", "%", "%"])
    }

    func testATableOverAPageBreakHasOneProvenanceAPage() throws {
        func page(_ number: Int, _ text: String) -> SourcePage {
            SourcePage(number: number, lines: text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                SourceLine(text: String($1), lineNumber: $0 + 1)
            })
        }
        let source = SourceDocument(name: "t.txt", kind: .text, pages: [
            page(1, """
                Antal årsarbetare          2024      2025
                Förskola                    412       420
                Grundskola                  655       661
                """),
            page(2, """
                Fritidshem                  101       104
                Gymnasium                   233       240

                \(longLine)
                """),
        ])
        let report = ReportRecogniser().recognise(LayoutAnalyser().analyse(source))
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(report.tables.count, 1)
        XCTAssertEqual(table.spans.map(\.page), [1, 2])
        XCTAssertEqual(table.provenance.page, 1)
        XCTAssertEqual(table.rows.map(\.provenance.page), [1, 1, 2, 2])
    }

    func testSentencesBrokenAroundAFigureAreNoRows() {
        // Justified text that a column of years stands above: each line breaks around its figure.
        let report = recognise("""
                    1990                    2020                    2050

            Mål till 2020:
            Till 2020 ska Haparandas utsläpp av växthusgaser minska med 20 % jämfört
            med utsläppsnivån 1990 mätt ur produktions- och konsumtionsperspektiv.

            Mål till 2050:
            Till 2050 ska Haparandas utsläpp av växthusgaser minska med 100 % jämfört
            med utsläppsnivån 1990 mätt ur produktions- och konsumtionsperspektiv.

            \(longLine)
            """)
        XCTAssertTrue(report.tables.isEmpty)
        XCTAssertTrue(report.indicators.flatMap(\.values).isEmpty)
    }

    func testALoneFigureBetweenHeaderAndRowsIsPassedOver() throws {
        let report = recognise("""
            Planeringstal barn och elever,
                                      Budget 2026    Prognos 2026   Avvikelse 2026
            antal
                                                                                  0
            Förskola                         2 146          2 069               -77
            Fritidshem                       2 258          2 255                -3

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.columns.map(\.header), ["Budget 2026", "Prognos 2026", "Avvikelse 2026"])
        XCTAssertEqual(table.rows.map(\.label), ["Förskola", "Fritidshem"])
    }

    func testYearColumnsTakeTheMeasureTheirTitleNames() throws {
        // A plan's years under a title naming the budget are budget figures; under a title that
        // names no measure, or two, they stay outcomes.
        let report = recognise("""
            Investeringsbudget

            (tkr)                 2027      2028      2029
            Fordon              12 250     9 600     4 650
            Inventarier             50        50        50

            \(longLine)

            Utfall och budget

            (tkr)                 2024      2025      2026
            Fordon               8 100     7 950     9 000
            Inventarier             40        45        50

            \(longLine)
            """)
        XCTAssertEqual(report.tables.count, 2)
        XCTAssertEqual(report.tables.first?.columns.map(\.measure), [.budget, .budget, .budget])
        XCTAssertEqual(report.tables.last?.columns.map(\.measure), [.outcome, .outcome, .outcome])
    }
}
