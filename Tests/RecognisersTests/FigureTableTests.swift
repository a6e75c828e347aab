import Layout
import Recognisers
import ReportModel
import ReportSource
import XCTest

/// Budget, accounting and statistics tables in text input: headers, rows, units, notes, pages.
final class FigureTableTests: XCTestCase {
    /// Runs layout and recognisers on pages of text written for a test.
    private func recognisePages(_ pages: [String]) -> Report {
        var number = 0
        let sourcePages = pages.enumerated().map { index, text in
            SourcePage(number: index + 1, lines: text.split(separator: "\n", omittingEmptySubsequences: false).map {
                number += 1
                return SourceLine(text: String($0), lineNumber: number)
            })
        }
        let source = SourceDocument(name: "rapport.txt", kind: .text, pages: sourcePages)
        return ReportRecogniser().recognise(LayoutAnalyser().analyse(source))
    }

    func testAHeaderWrappedOverSeveralLinesWithRowLabelsWrappedBeforeTheirFigures() throws {
        let report = recognise("""
            Drift
            Belopp i tkr Budget 2023 Bokslut 2023 Avv. Bokslut

            2023/ Budget
            2023

            Bokslut 2022 Diff. Bokslut
            2023/ Bokslut

            2022


            Verksamhetens
            intäkter 91 867 91 728 -139 77 028 14 700

            Personalkostnader -109 688 -102 266 7 422 -88 880 -13 385

            Expansionsinvestering -
            Exploatering 25 050 11 220 -13 830 29 010 -17 790

            Inledande sammanfattning
            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(report.tables.count, 1)
        XCTAssertEqual(table.title, "Drift")
        XCTAssertEqual(table.unit, "tkr")
        XCTAssertEqual(table.columns.map(\.header), [
            "Budget 2023", "Bokslut 2023", "Avv. Bokslut 2023/ Budget 2023", "Bokslut 2022", "Diff. Bokslut 2023/ Bokslut 2022",
        ])
        XCTAssertEqual(table.columns.map(\.year), [2023, 2023, 2023, 2022, 2023])
        XCTAssertEqual(table.columns.map(\.measure), [.budget, .outcome, .other, .outcome, .other])
        XCTAssertEqual(table.rows.map(\.label), ["Verksamhetens intäkter", "Personalkostnader", "Expansionsinvestering - Exploatering"])
        XCTAssertEqual(table.rows[0].cells.map(\.value), [91867, 91728, -139, 77028, 14700])
        XCTAssertEqual(table.rows[0].cells[0].valueSEK, 91_867_000)
        XCTAssertEqual(table.rows[2].cells.map(\.text), ["25 050", "11 220", "-13 830", "29 010", "-17 790"])
    }

    func testANoteColumnHoldsNoteNumbersNotFigures() throws {
        let report = recognise("""
            Resultaträkning (mnkr)                 Not       2024       2025
            Verksamhetens intäkter                   1      512,3      540,1
            Verksamhetens kostnader                  2   -2 310,4   -2 402,7
            Avskrivningar                            3     -101,2     -104,9
            Verksamhetens nettokostnader                 -1 899,3   -1 967,5

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.rows.map(\.label), ["Verksamhetens intäkter", "Verksamhetens kostnader", "Avskrivningar",
                                                 "Verksamhetens nettokostnader"])
        let notes = table.rows.compactMap { row in row.cells.first { table.columns[$0.columnIndex].header == "Not" } }
        XCTAssertEqual(notes.map(\.text), ["1", "2", "3"])
        XCTAssertTrue(notes.allSatisfy { $0.value == nil }, "\(notes)")
        let outcome = table.rows[1].cells.first { table.columns[$0.columnIndex].header == "2025" }
        XCTAssertEqual(outcome?.value, -2_402.7)
    }

    func testGroupLabelsNotesEmptyCellsAndPercentages() throws {
        let report = recognise("""
            Personalstatistik
            Personalstatistik 2022 2023 Differens

            Antal anställda
            Tillsvidareanställda 132 137 5
            Visstidsanställda 12 4 -8

            Sysselsättningsgrad*
            Tillsvidareanställda 98% 98% 0%
            *utifrån vad som framgår i anställningsavtalet

            Medelålder
            Tillsvidareanställda 43,3 - 0,7

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.columns.map(\.header), ["2022", "2023", "Differens"])
        XCTAssertEqual(table.rows.map(\.label), [
            "Antal anställda", "Tillsvidareanställda", "Visstidsanställda", "Sysselsättningsgrad*", "Tillsvidareanställda",
            "Medelålder", "Tillsvidareanställda",
        ])
        XCTAssertEqual(table.rows.map(\.level), [0, 1, 1, 0, 1, 0, 1])
        XCTAssertEqual(table.rows[4].cells.map(\.unit), ["%", "%", "%"])
        XCTAssertEqual(table.notes, ["*utifrån vad som framgår i anställningsavtalet"])
        // The dash is kept as printed, with no number, in its own column.
        XCTAssertEqual(table.rows[6].cells.map(\.text), ["43,3", "-", "0,7"])
        XCTAssertEqual(table.rows[6].cells.map(\.value), [43.3, nil, 0.7])
        XCTAssertEqual(table.rows[6].cells.map(\.columnIndex), [0, 1, 2])
    }

    func testATableContinuesOnTheNextPageUnderItsRepeatedHeader() throws {
        let report = recognisePages([
            """
            Investeringar
            Belopp i mnkr Budget 2024 Utfall 2024

            Skolor 120,5 98,2
            Förskolor 45,0 51,3
            """,
            """
            Belopp i mnkr Budget 2024 Utfall 2024

            Vägar 30,0 12,4
            Totalt 195,5 161,9

            \(longLine)
            """,
        ])
        XCTAssertEqual(report.tables.count, 1)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.rows.map(\.label), ["Skolor", "Förskolor", "Vägar", "Totalt"])
        XCTAssertEqual(table.rows.map(\.provenance.page), [1, 1, 2, 2])
        XCTAssertEqual(table.rows.last?.isSum, true)
        XCTAssertEqual(table.rows.first?.cells.first?.valueSEK, 120_500_000)
    }

    func testAmountsInRunningTextAreNoTable() {
        let report = recognise("""
            Ekonomi
            Budget 2024 med plan för 2025–2029 innefattar inte utrymme för ett extraval.
            Nämnden redovisar ett överskott på 0,3 mkr för verksamhetsåret.
            Av de tilldelade medlen har 7,4 mkr förbrukats. Det motsvarar 96 % av budgeten.
            10. Nämnd 157 tkr - Utfall 84 tkr 75 %
            """)
        XCTAssertEqual(report.tables.count, 0)
        XCTAssertEqual(report.indicators.count, 0)
    }

    func testASingleColumnTableUnderAStubHeader() throws {
        let report = recognise("""
            Miljö

            Bränsle Antal bilar.

            Diesel 2
            Elbil 2
            Hybrid 20

            Co2. 2022 1.12-1.09/kg/mil= -3.6%
            Alla fordon Euro 6.
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.columns.map(\.header), ["Antal bilar."])
        XCTAssertEqual(table.rows.map(\.label), ["Diesel", "Elbil", "Hybrid"])
        XCTAssertEqual(table.rows.flatMap(\.cells).map(\.value), [2, 2, 20])
    }
}

extension FigureTableTests {
    func testALaidOutTableTakesItsGapsAsColumnBoundaries() throws {
        // Runs of spaces between columns (pdftotext -layout): "1 250" is one number even where
        // the column count alone would allow "1" and "250".
        let report = recognise("""
            Resultaträkning, mnkr      Bokslut 2022     Budget 2023     Bokslut 2023

            Verksamhetens intäkter         1 250            250          1 180
            Verksamhetens kostnader       -4 380         -4 410         -4 455
            Skatteintäkter                 3 010          3 125          3 140

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.unit, "mnkr")
        XCTAssertEqual(table.rows.map(\.label), ["Verksamhetens intäkter", "Verksamhetens kostnader", "Skatteintäkter"])
        XCTAssertEqual(table.rows[0].cells.map(\.value), [1250, 250, 1180])
        XCTAssertFalse(table.rows.flatMap(\.cells).contains(where: \.ambiguous))
    }
}

extension FigureTableTests {
    /// The top line of a stacked header cell stands alone and short, like a heading; the table
    /// stage reads it as part of the table's header, and that outweighs how it is set.
    func testTheTopLineOfAStackedHeaderCellIsNoHeading() throws {
        let text = """
            Prognossäkerhet

                                                       Avvikelse från
            Avstämningstillfälle              Prognos         bokslut
            Fördjupad månadsuppföljning             0             178
            Delårsbokslut                           0             178
            """
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            SourceLine(text: String($1), lineNumber: $0 + 1)
        }
        let source = SourceDocument(name: "rapport.txt", kind: .text, pages: [SourcePage(number: 1, lines: lines)])
        let layout = LayoutAnalyser().analyse(source)
        let report = ReportRecogniser().recognise(layout)
        XCTAssertEqual(report.tables.first?.columns.map(\.header), ["Prognos", "Avvikelse från bokslut"])
        XCTAssertEqual(report.headings.map(\.text), ["Prognossäkerhet"])
    }
}
