import Layout
import Recognisers
import ReportModel
import ReportSource
import XCTest

/// Tables from a geometry-aware front-end (PDF): cells split at measured column gaps, with word boxes.
final class MeasuredTableTests: XCTestCase {
    /// A line of cells, each starting at an x position; words get boxes 4.5 pt per character
    /// (a 9-point font's average letter), so that no cell runs into the next, as in print.
    private func line(_ cells: [(String, Double)], number: Int) -> SourceLine {
        measuredLine(cells, number: number, letterWidth: 4.5)
    }

    private func prose(_ text: String, number: Int) -> SourceLine {
        line([(text, 50)], number: number)
    }

    private func recogniseLines(_ lines: [SourceLine]) -> Report {
        let source = SourceDocument(name: "rapport.pdf", kind: .pdf, pages: [SourcePage(number: 1, width: 595, height: 842, lines: lines)])
        return ReportRecogniser().recognise(LayoutAnalyser().analyse(source))
    }

    func testHeaderWordsOnLinesAboveJoinTheColumnTheyStandOverAndEmptyCellsKeepTheirColumn() throws {
        let report = recogniseLines([
            prose("Resultaträkning", number: 1),
            SourceLine(text: "", lineNumber: 2),
            line([("Prognos", 300), ("Avvikelse", 440)], number: 3),
            line([("tkr", 50), ("Budget 2024", 220), ("helår", 300), ("Utfall 2023", 360), ("mot budget", 440)], number: 4),
            line([("Intäkter", 50), ("1 200", 230), ("1 150", 305), ("1 100", 370), ("-50", 460)], number: 5),
            line([("Kostnader", 50), ("-900", 236), ("-870", 376), ("30", 466)], number: 6),
            SourceLine(text: "", lineNumber: 7),
            prose("Under året har arbetet fortsatt enligt plan och nämnden bedömer att resultatet är gott i förhållande till målet.", number: 8),
        ])
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.columns.map(\.header), ["Budget 2024", "Prognos helår", "Utfall 2023", "Avvikelse mot budget"])
        XCTAssertEqual(table.columns.map(\.measure), [.budget, .forecast, .outcome, .other])
        XCTAssertEqual(table.unit, "tkr")
        XCTAssertEqual(table.rows.map(\.label), ["Intäkter", "Kostnader"])
        // No forecast printed for Kostnader: its figures stay under their own columns.
        XCTAssertEqual(table.rows[1].cells.map(\.columnIndex), [0, 2, 3])
        XCTAssertEqual(table.rows[1].cells.map(\.value), [-900, -870, 30])
        XCTAssertEqual(table.rows[0].cells.first?.valueSEK, 1_200_000)
    }

    func testADateColumnHoldsDatesNotAmounts() throws {
        // An action plan: each action's start date, printed as six digits, beside its effect.
        let report = recogniseLines([
            prose("Åtgärder i handlingsplanen", number: 1),
            SourceLine(text: "", lineNumber: 2),
            line([("Namn på åtgärd", 50), ("Startdatum", 260), ("Effekt tkr", 400)], number: 3),
            line([("Samlokalisering", 50), ("260401", 265), ("200", 410)], number: 4),
            line([("Minskad övertid", 50), ("261001", 265), ("150", 410)], number: 5),
        ])
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.columns.map(\.header), ["Startdatum", "Effekt tkr"])
        XCTAssertEqual(table.rows.map { $0.cells.map(\.value) }, [[nil, 200], [nil, 150]])
        XCTAssertEqual(table.rows.first?.cells.first?.text, "260401")
    }

    func testAnIndicatorRowContinuesOnTheLineBelowWithTheYearItWasMeasured() throws {
        let report = recogniseLines([
            line([("Indikator", 50), ("Senast uppmätta värde (år)", 280), ("Mål 2022", 420), ("Mål 2025", 500)], number: 1),
            line([("Slutanvändning energi inom offentlig verksamhet", 50), ("1,35", 300), ("1,28", 430), ("1,20", 510)], number: 2),
            line([("inom området, MWh/inv", 50), ("(2019)", 296)], number: 3),
            line([("Mäta matsvinn en", 50), ("17 g/port", 290), ("15 g/port", 420), ("13 g/port", 500)], number: 4),
            line([("gång/termin", 50), ("(2021)", 296)], number: 5),
            line([("Antal deponier som är riskklassade", 50), ("2 av", 290), ("8", 311), ("3 av 8", 420), ("6 av 8", 500)], number: 6),
            SourceLine(text: "", lineNumber: 7),
            prose("Under året har arbetet fortsatt enligt plan och nämnden bedömer att resultatet är gott i förhållande till målet.", number: 8),
        ])
        XCTAssertEqual(report.indicators.map(\.name), [
            "Slutanvändning energi inom offentlig verksamhet inom området, MWh/inv", "Mäta matsvinn en gång/termin",
            "Antal deponier som är riskklassade",
        ])
        let energy = report.indicators[0]
        XCTAssertEqual(energy.values.map(\.column), ["Senast uppmätta värde (år)", "Mål 2022", "Mål 2025"])
        XCTAssertEqual(energy.values.map(\.value), [1.35, 1.28, 1.2])
        XCTAssertEqual(energy.values.first?.text, "1,35 (2019)")
        XCTAssertEqual(report.indicators[1].values.map(\.value), [17, 15, 13])
        XCTAssertEqual(report.indicators[1].values.first?.unit, "g/port")
        XCTAssertEqual(report.indicators[2].values.map(\.value), [2, 3, 6])
        XCTAssertEqual(report.indicators[2].values.first?.text, "2 av 8")
    }

    func testAMeasuredMatrixWithABoardColumnGivesGoalsAndTheirIndicators() throws {
        let report = recogniseLines([
            line([("Nämnd", 70), ("Mål för nämndens verksamhet", 120), ("Indikator", 280), ("Utfall 2021", 390), ("Mål 2022", 450)], number: 1),
            line([("KS", 70), ("Energiförbrukningen i kommunens", 120), ("Energiförbrukning för", 280), ("218", 400), ("170", 455)], number: 2),
            // The indicator name and the goal wrap onto one line of their own (words of two
            // printed lines in one row); the word boxes still carry "energi-" and "förbrukning".
            SourceLine(text: "fastigheter ska minska de tio fastigheterna, energiförbrukning (2020)", lineNumber: 3, words: [
                SourceWord(text: "fastigheter", box: BoundingBox(x: 120, y: 42, width: 60, height: 10)),
                SourceWord(text: "ska", box: BoundingBox(x: 183, y: 42, width: 18, height: 10)),
                SourceWord(text: "minska", box: BoundingBox(x: 204, y: 42, width: 36, height: 10)),
                SourceWord(text: "de", box: BoundingBox(x: 280, y: 42, width: 12, height: 10), startsColumn: true),
                SourceWord(text: "tio", box: BoundingBox(x: 295, y: 42, width: 18, height: 10)),
                SourceWord(text: "fastigheterna,", box: BoundingBox(x: 316, y: 42, width: 30, height: 10)),
                SourceWord(text: "energi-", box: BoundingBox(x: 350, y: 42, width: 30, height: 10)),
                SourceWord(text: "förbrukning", box: BoundingBox(x: 280, y: 52, width: 40, height: 10), continuesPrevious: true),
                SourceWord(text: "(2020)", box: BoundingBox(x: 396, y: 42, width: 36, height: 10), startsColumn: true),
            ]),
            line([("BUN", 70), ("Minska matsvinnet", 120), ("Matsvinn (g/portion)", 280), ("39", 410), ("37", 460)], number: 4),
            SourceLine(text: "", lineNumber: 5),
            prose("Under året har arbetet fortsatt enligt plan och nämnden bedömer att resultatet är gott i förhållande till målet.", number: 6),
        ])
        XCTAssertEqual(report.goals.map(\.title), ["Energiförbrukningen i kommunens fastigheter ska minska", "Minska matsvinnet"])
        XCTAssertEqual(report.goals.map(\.level), ["Mål för nämndens verksamhet", "Mål för nämndens verksamhet"])
        XCTAssertEqual(report.indicators.map(\.name), ["Energiförbrukning för de tio fastigheterna, energiförbrukning", "Matsvinn (g/portion)"])
        XCTAssertEqual(report.indicators.map(\.goalId), report.goals.map(\.id))
        XCTAssertEqual(report.indicators[0].values.map(\.value), [218, 170])
        XCTAssertEqual(report.indicators[0].values.first?.text, "218 (2020)")
    }

    func testAnIndicatorListNamesIndicatorsWithoutValues() {
        let report = recognise("""
            Nämndmål: Minska kommunens klimatpåverkan

            Indikatorer
            - Andel nya upphandlingar som innehåller miljökrav (KS)
            - Energiförbrukning för de tio fastigheter som har högst
            energiförbrukning (KS)
            - Insamlat kommunalt avfall

            \(longLine)
            """)
        XCTAssertEqual(report.indicators.map(\.name), [
            "Andel nya upphandlingar som innehåller miljökrav (KS)",
            "Energiförbrukning för de tio fastigheter som har högst energiförbrukning (KS)", "Insamlat kommunalt avfall",
        ])
        XCTAssertTrue(report.indicators.allSatisfy { $0.values.isEmpty })
        XCTAssertEqual(report.indicators.first?.goalId, report.goals.first?.id)
    }

    func testTableOfContentsLinesAreNoRows() {
        let report = recognise("""
            Budget 2024

            Innehåll
            1. Sammanfattning.................................. 3
            2. Nulägesanalys .................................... 4
            3. Ekonomi ........................................... 7
            """)
        XCTAssertTrue(report.tables.isEmpty)
    }

    func testAChartsTitleAboveItsTicksNamesTheTableUnderThemThoughBlankLinesPartTheTicks() throws {
        // A chart's title in large type, its axis ticks a lone figure a line with blank lines
        // between, then the chart's data table: the title names the table.
        let title = TextStyle(fontName: "ArialMT", fontSize: 18)
        let small = TextStyle(fontName: "ArialMT", fontSize: 9)
        // (The title is no heading of the document: its tag says so; the section's heading is another.)
        var lines = [SourceLine(text: "Personal", lineNumber: 0, style: TextStyle(fontName: "Arial-BoldMT", fontSize: 20, isBold: true), role: "H1"),
                     prose("Personalomsättningen sjönk under året i de flesta yrkesgrupper enligt tabellen nedan.", number: 1),
                     SourceLine(text: "", lineNumber: 2), SourceLine(text: "Personalomsättning extern i %", lineNumber: 3, style: title, role: "P")]
        for (n, tick) in ["20,00%", "15,00%", "10,00%", "5,00%"].enumerated() {
            lines += [SourceLine(text: tick, lineNumber: 4 + 2 * n, style: small), SourceLine(text: "", lineNumber: 5 + 2 * n)]
        }
        var header = line([("0,00%", 50), ("2023", 200), ("2024", 260), ("2025", 320)], number: 12)
        header.style = small
        lines.append(header)
        for (n, row) in [("Barnskötare", ["8,7%", "9,4%", "7,0%"]), ("Förskollärare", ["13,2%", "10,1%", "3,8%"])].enumerated() {
            var rowLine = line([(row.0, 50), (row.1[0], 200), (row.1[1], 260), (row.1[2], 320)], number: 13 + n)
            rowLine.style = small
            lines.append(rowLine)
        }
        lines += [SourceLine(text: "", lineNumber: 15), prose(longLine, number: 16)]
        let report = recogniseLines(lines)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.title, "Personalomsättning extern i %")
        XCTAssertEqual(table.rows.map(\.label), ["Barnskötare", "Förskollärare"])
    }

    /// A title set in large type over two lines, spaced so widely that a blank line stands
    /// between them, is one title for the table under it.
    func testATitleInLargeTypeOverTwoWidelySpacedLinesIsOneTitle() throws {
        let title = TextStyle(fontName: "Arial-BoldMT", fontSize: 28, isBold: true)
        func titleLine(_ text: String, y: Double, number: Int) -> SourceLine {
            let box = BoundingBox(x: 50, y: y, width: Double(text.count) * 15, height: 28)
            return SourceLine(text: text, lineNumber: number, box: box, style: title,
                              words: [SourceWord(text: text, box: box, style: title)])
        }
        let report = recogniseLines([
            titleLine("Ekonomisk uppföljning maj", y: 40, number: 1),
            SourceLine(text: "", lineNumber: 2),
            titleLine("Kultur- och fritidsnämnden", y: 84, number: 3),
            SourceLine(text: "", lineNumber: 4),
            line([("Belopp i tkr", 50), ("Budget 2026", 220), ("Prognos 2026", 300)], number: 9),
            line([("Intäkter", 50), ("1 200", 230), ("1 150", 305)], number: 10),
            line([("Kostnader", 50), ("-4 200", 230), ("-4 350", 305)], number: 11),
        ])
        XCTAssertEqual(report.tables.first?.title, "Ekonomisk uppföljning maj Kultur- och fritidsnämnden")
    }
}
