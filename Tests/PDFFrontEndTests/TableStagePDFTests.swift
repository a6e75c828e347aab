import Foundation
import Layout
import Normalisation
import PDFFrontEnd
import Tables
import XCTest

/// The table stage on PDFs built through cairo, one rule a page: the geometry a real PDF gives
/// (word boxes in points, proportional type), read through the front-end and normalisation.
final class TableStagePDFTests: XCTestCase {
    private let folder = TemporaryFolder()

    private func grids(_ name: String, _ draw: (PDFMaker) -> Void) throws -> [TableGrid] {
        let url = folder.file(name)
        let maker = PDFMaker(url: url)
        draw(maker)
        maker.finish()
        let source = try PDFFrontEnd().read(contentsOf: url)
        let layout = LayoutAnalyser().analyse(Normaliser().normalise(source).document)
        return TableStage.grids(in: layout)
    }

    /// Three right-aligned figure columns at these right edges.
    private let rights: [Double] = [330, 420, 510]

    private func row(_ pdf: PDFMaker, _ label: String, _ figures: [String], y: Double, indent: Double = 0) {
        pdf.text(label, x: 60 + indent, y: y)
        for (figure, right) in zip(figures, rights) { pdf.text(figure, right: right, y: y) }
    }

    func testStackedAndSpanningHeaderCellsNameTheirColumns() throws {
        let found = try grids("header.pdf") { pdf in
            pdf.text("Drift", x: 60, y: 80, size: 14, bold: true)
            // A group cell over the last two columns, stacked cells over each.
            let helår = pdf.width(of: "Helår", bold: true)
            pdf.text("Helår", x: (372 + 510) / 2 - helår / 2, y: 110, bold: true)
            pdf.text("Belopp i tkr", x: 60, y: 124, bold: true)
            pdf.text("Budget", right: 330, y: 124, bold: true)
            pdf.text("Prognos", right: 420, y: 124, bold: true)
            pdf.text("Avvikelse", right: 510, y: 124, bold: true)
            pdf.text("2026", right: 330, y: 136, bold: true)
            pdf.text("2026", right: 420, y: 136, bold: true)
            row(pdf, "Verksamhetens intäkter", ["34 956", "37 201", "2 245"], y: 156)
            row(pdf, "Personalkostnader", ["-57 455", "-56 595", "860"], y: 170)
            row(pdf, "Lokalhyror", ["-5 333", "-5 153", "180"], y: 184)
            pdf.text("Prognosen för helåret visar ett överskott jämfört med budget, främst genom lägre kostnader.", x: 60, y: 220)
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(grid.stub, "Belopp i tkr")
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2026", "Helår Prognos 2026", "Helår Avvikelse"])
        XCTAssertEqual(grid.rows.map(\.label), ["Verksamhetens intäkter", "Personalkostnader", "Lokalhyror"])
        XCTAssertEqual(grid.rows[1].cells.map(\.text), ["-57 455", "-56 595", "860"])
    }

    func testAHeadingRightAboveATableIsNoHeaderCell() throws {
        let url = folder.file("heading-over-table.pdf")
        let pdf = PDFMaker(url: url)
        // A large heading set close over a two-line header, left-aligned with the row labels.
        pdf.text("Investeringar", x: 60, y: 100, size: 20, bold: true)
        pdf.text("Belopp i tkr", x: 62, y: 118, bold: true)
        pdf.text("Budget 2026", right: 330, y: 118, bold: true)
        pdf.text("Prognos", right: 420, y: 118, bold: true)
        pdf.text("helår 2026", right: 420, y: 129, bold: true)
        row(pdf, "Reinvestering", ["-5 800", "-5 800"], y: 150)
        row(pdf, "Inventarier", ["-4 200", "-4 200"], y: 163)
        row(pdf, "Vårdarhjälpmedel", ["-350", "-350"], y: 176)
        pdf.finish()
        let source = try PDFFrontEnd().read(contentsOf: url)
        XCTAssertEqual(source.pages[0].lines.first?.text, "Investeringar")
        let layout = LayoutAnalyser().analyse(Normaliser().normalise(source).document)
        let grid = try XCTUnwrap(TableStage.grids(in: layout).first)
        XCTAssertEqual(grid.stub, "Belopp i tkr")
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2026", "Prognos helår 2026"])
    }

    func testAHeaderRepeatedOnTheNextPageStaysAndTheTableGoesOn() throws {
        let found = try grids("repeated.pdf") { pdf in
            for page in 0..<2 {
                // The same caption and header on both pages, as long tables print them.
                pdf.text("Investeringar", x: 60, y: 60, size: 12, bold: true)
                pdf.text("Belopp i tkr", x: 60, y: 84, bold: true)
                pdf.text("Budget 2026", right: 330, y: 84, bold: true)
                pdf.text("Prognos 2026", right: 420, y: 84, bold: true)
                pdf.text("Avvikelse", right: 510, y: 84, bold: true)
                for n in 0..<3 {
                    row(pdf, "Projekt \(page * 3 + n + 1)", ["\(n + 1) 000", "\(n + 1) 100", "-100"], y: 104 + Double(n) * 14)
                }
                pdf.text("Fördjupad månadsuppföljning", x: 60, y: 800)
                if page == 0 { pdf.newPage() }
            }
        }
        XCTAssertEqual(found.count, 1)
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.pages, [1, 2])
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2026", "Prognos 2026", "Avvikelse"])
        XCTAssertEqual(grid.rows.map(\.label), (1...6).map { "Projekt \($0)" })
    }

    func testAHeaderlessContinuationJoinsTheTableOfThePageBefore() throws {
        let found = try grids("continued.pdf") { pdf in
            pdf.text("Antal årsarbetare", x: 60, y: 700, bold: true)
            pdf.text("2024", right: 330, y: 700, bold: true)
            pdf.text("2025", right: 420, y: 700, bold: true)
            pdf.text("2026", right: 510, y: 700, bold: true)
            row(pdf, "Förskola", ["412", "420", "431"], y: 720)
            row(pdf, "Grundskola", ["655", "661", "670"], y: 734)
            pdf.newPage()
            row(pdf, "Fritidshem", ["101", "104", "110"], y: 60)
            row(pdf, "Gymnasium", ["233", "240", "251"], y: 74)
            pdf.text("Antalet årsarbetare har ökat i alla verksamheter under perioden, mest inom grundskolan.", x: 60, y: 110)
        }
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.rows.map(\.label), ["Förskola", "Grundskola", "Fritidshem", "Gymnasium"])
        XCTAssertEqual(found.first?.rows[3].cells.map(\.column), [0, 1, 2])
    }

    func testAChartsTickLabelsAndLegendAreNoTable() throws {
        let found = try grids("chart.pdf") { pdf in
            pdf.text("Andel behöriga lärare", x: 60, y: 80, bold: true)
            for (n, tick) in ["100%", "80%", "60%", "40%", "20%", "0%"].enumerated() {
                pdf.text(tick, right: 90, y: 110 + Double(n) * 24)
            }
            for (n, year) in ["2021", "2022", "2023", "2024"].enumerated() {
                pdf.text(year, x: 130 + Double(n) * 90, y: 250)
            }
            // Value labels over the bars, at the bars' own heights.
            for (n, value) in ["71%", "74%", "78%", "80%"].enumerated() {
                pdf.text(value, x: 132 + Double(n) * 90, y: 170 - Double(n) * 12)
            }
            pdf.text("Alingsås", x: 150, y: 280)
            pdf.text("Riket", x: 260, y: 280)
        }
        XCTAssertTrue(found.isEmpty, "\(found.map(\.rows))")
    }

    func testWrappedCellsOfATextColumnStayInTheirRow() throws {
        let found = try grids("wrapped.pdf") { pdf in
            pdf.text("Nr", x: 60, y: 80, bold: true)
            pdf.text("Kriterium", x: 90, y: 80, bold: true)
            pdf.text("Innebär", x: 200, y: 80, bold: true)
            pdf.text("Vikt", right: 510, y: 80, bold: true)
            let rows: [(String, String, [String], String)] = [
                ("1", "Trafikmängd", ["Antal fordon per", "årsmedeldygn på", "intilliggande bilväg."], "1"),
                ("2", "Boende", ["Antal individer per", "löpkilometer längs", "sträckan."], "3"),
            ]
            var y = 100.0
            for (number, name, lines, weight) in rows {
                pdf.text(number, x: 60, y: y)
                pdf.text(name, x: 90, y: y)
                pdf.text(weight, right: 510, y: y)
                for (n, line) in lines.enumerated() { pdf.text(line, x: 200, y: y + Double(n) * 12) }
                y += 50
            }
            pdf.text("Summan av värdena avgör vilken prioritet en sträcka får i planen för utbyggnaden.", x: 60, y: y + 20)
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.identifierColumns.map(\.header), ["Nr"])
        XCTAssertEqual(grid.rows.map(\.label), ["Trafikmängd", "Boende"])
        XCTAssertEqual(grid.columns.map(\.header), ["Innebär", "Vikt"])
        XCTAssertEqual(grid.rows[0].cells.first?.text, "Antal fordon per årsmedeldygn på intilliggande bilväg.")
        XCTAssertEqual(grid.rows[1].identifiers.map(\.text), ["2"])
    }

    func testAFigureOnAColumnsEdgeIsPartedFromTheWordSetCloseAfterIt() throws {
        // A second list set close beside the first (a gap of two or three word spaces after the
        // total): the figure ends where the figures above end, so the word after it starts a cell.
        let found = try grids("beside.pdf") { pdf in
            pdf.text("Budget 2026", x: 60, y: 80, size: 11)
            for (n, (label, figure)) in [("Medlemsbidrag 2025", "51 200"), ("Uppräkning med PKV", "1 536"), ("Nytt larmsystem", "400")].enumerated() {
                pdf.text(label, x: 60, y: 96 + 15 * Double(n), size: 11)
                pdf.text(figure, right: 380, y: 96 + 15 * Double(n), size: 11)
            }
            pdf.text("Medlemsbidrag 2026", x: 60, y: 156, size: 11)
            pdf.text("53 136", right: 380, y: 156, size: 11)
            pdf.text("Kungälv", x: 387, y: 156, size: 11)
            pdf.text("31 880", right: 500, y: 156, size: 11)
            pdf.text("Stenungsund", x: 387, y: 171, size: 11)
            pdf.text("21 256", right: 500, y: 171, size: 11)
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2026"])
        XCTAssertEqual(grid.rows.map(\.label).suffix(3), ["Medlemsbidrag 2026", "Kungälv", "Stenungsund"])
        XCTAssertEqual(grid.rows.map { $0.cells.map(\.text) }.suffix(3), [["53 136"], ["31 880"], ["21 256"]])
    }

    func testALabelLineSetCloserThanRowsGoesOnTheLabelAbove() throws {
        let found = try grids("close.pdf") { pdf in
            pdf.text("Belopp i tkr", x: 60, y: 100, bold: true)
            pdf.text("Budget", right: 330, y: 100, bold: true)
            pdf.text("Utfall", right: 420, y: 100, bold: true)
            // Rows 16 pt apart; the label's second line only 11 pt under its first, starting
            // with a dash and a capital, which no word says goes on.
            row(pdf, "Markinköp", ["2 000", "10 111"], y: 120)
            row(pdf, "Expansionsinvestering", ["27 050", "21 332"], y: 136)
            row(pdf, "Expansionsinvestering", ["25 050", "11 220"], y: 152)
            pdf.text("- Exploatering", x: 60, y: 163)
            row(pdf, "Norra Stadsskogen", ["17 000", "2 285"], y: 179, indent: 6)
            // A group label after the usual row space stays a row of its own.
            pdf.text("Reinvesteringar", x: 60, y: 195)
            row(pdf, "Gator och vägar", ["6 000", "5 120"], y: 211, indent: 6)
            // A sum row set further apart leaves the usual pitch the rows' 16 pt.
            row(pdf, "Summa", ["75 100", "40 068"], y: 241)
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.rows.map(\.label), [
            "Markinköp", "Expansionsinvestering", "Expansionsinvestering - Exploatering", "Norra Stadsskogen", "Reinvesteringar",
            "Gator och vägar", "Summa",
        ])
        XCTAssertEqual(grid.rows[2].cells.map(\.text), ["25 050", "11 220"])
    }

    func testALabelThatRunsIntoALeftAlignedFigureColumnIsPartedWhereTheColumnStarts() throws {
        let found = try grids("flush-left.pdf") { pdf in
            pdf.text("Investeringar (tkr)", x: 60, y: 100, bold: true)
            pdf.text("Budget 2027", x: 250, y: 100, bold: true)
            pdf.text("Plan 2028", x: 330, y: 100, bold: true)
            // Figures set flush left in their columns.
            for (index, row) in [("Utrustning", "1 000", "500"), ("Valfisken", "1 450", "750"), ("Tillgängligt museum", "250", "100")].enumerated() {
                let y = 118 + Double(index) * 14
                pdf.text(row.0, x: 60, y: y)
                pdf.text(row.1, x: 250, y: y)
                pdf.text(row.2, x: 330, y: y)
            }
            // A label so long it ends a word space before the column starts.
            let label = "Ombyggnad/tillgängliggörande"
            pdf.text(label, x: 250 - 3 - pdf.width(of: label), y: 160)
            pdf.text("400", x: 250, y: 160)
            pdf.text("100", x: 330, y: 160)
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.rows.last?.label, "Ombyggnad/tillgängliggörande")
        XCTAssertEqual(grid.rows.last?.cells.map(\.text), ["400", "100"])
        XCTAssertEqual(grid.rows.last?.cells.map(\.column), [0, 1])
    }

    // MARK: Moved from the front-end (which no longer settles table structure)

    func testHeaderCellsOnSeveralLinesAreJoinedCellByCell() throws {
        let found = try grids("moved.pdf") { pdf in
            // Three header lines: a single-line cell centred between two-line cells.
            pdf.text("Prognos helår", right: 400, y: 100)
            pdf.text("Avv. prognos/", right: 500, y: 100)
            pdf.text("Belopp i tkr", x: 60, y: 106)
            pdf.text("Budget 2026", right: 300, y: 106)
            pdf.text("2026", right: 400, y: 112)
            pdf.text("budget 2026", right: 500, y: 112)
            for (index, label) in ["Intäkter", "Kostnader", "Resultat"].enumerated() {
                let y = 130 + Double(index) * 14
                pdf.text(label, x: 60, y: y)
                pdf.text("38 613", right: 300, y: y)
                pdf.text("40 013", right: 400, y: y)
                pdf.text("1 400", right: 500, y: y)
            }
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.stub, "Belopp i tkr")
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2026", "Prognos helår 2026", "Avv. prognos/ budget 2026"])
        XCTAssertEqual(grid.rows.first?.label, "Intäkter")
        XCTAssertEqual(grid.rows.first?.cells.map(\.text), ["38 613", "40 013", "1 400"])
    }

    func testLeftAlignedHeaderOverRightAlignedFiguresHeadsItsColumn() throws {
        let found = try grids("moved.pdf") { pdf in
            // Two-line header cells set flush left; the short second line (`2027`) ends before the
            // widest figure of its column starts, as in a Word table with left-aligned headers.
            for (x, top, bottom) in [(245.0, "Budget", "2027"), (325.0, "Ram", "2028"), (380.0, "Ram", "2029")] {
                pdf.text(top, x: x, y: 100)
                pdf.text(bottom, x: x, y: 112)
            }
            let rows = [("Ingående eget kapital", "9 279", "10 259", "11 280"),
                        ("Årets resultat", "980", "1 021", "1 060"),
                        ("Utgående eget kapital", "10 259", "11 280", "12 340")]
            for (index, row) in rows.enumerated() {
                let y = 128 + Double(index) * 14
                pdf.text(row.0, x: 60, y: y)
                pdf.text(row.1, right: 308, y: y)
                pdf.text(row.2, right: 370, y: y)
                pdf.text(row.3, right: 425, y: y)
            }
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2027", "Ram 2028", "Ram 2029"])
        XCTAssertEqual(grid.rows.first?.label, "Ingående eget kapital")
        XCTAssertEqual(grid.rows.first?.cells.map(\.text), ["9 279", "10 259", "11 280"])
    }

    func testHeaderWordsReadAsOneLineStillHeadTheirColumns() throws {
        let found = try grids("moved.pdf") { pdf in
            // A budget table as a Word report sets it: `Budget Plan Plan …` right-aligned over
            // the years, and read as one line of words with no measured column gap.
            let rights = [272.7, 323.8, 375.0, 426.1, 477.2, 528.4]
            for (index, right) in rights.enumerated() {
                pdf.text(index == 0 ? "Budget" : "Plan", right: right, y: 524, size: 9.5)
                pdf.text(String(2024 + index), right: right, y: 535.5, size: 9.5)
            }
            pdf.text("Belopp tkr", x: 72.6, y: 535.5, size: 9.5)
            let rows = [("Verksamhetens nettokostnader", ["5 378", "1 123", "5 417", "1 123", "1 123", "5 541"]),
                        ("Investeringar, netto", ["0", "0", "0", "0", "0", "0"])]
            for (row, (label, values)) in rows.enumerated() {
                let y = 553.7 + Double(row) * 14
                pdf.text(label, x: 72.6, y: y, size: 9.5)
                for (value, right) in zip(values, rights) { pdf.text(value, right: right, y: y, size: 9.5) }
            }
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.stub, "Belopp tkr")
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2024", "Plan 2025", "Plan 2026", "Plan 2027", "Plan 2028", "Plan 2029"])
        XCTAssertEqual(grid.rows.first?.label, "Verksamhetens nettokostnader")
        XCTAssertEqual(grid.rows.first?.cells.map(\.text), ["5 378", "1 123", "5 417", "1 123", "1 123", "5 541"])
    }

    func testWrappedRowLabelJoinsTheRowWithTheFigures() throws {
        let found = try grids("moved.pdf") { pdf in
            pdf.text("Projekt", x: 60, y: 100)
            pdf.text("2027", right: 400, y: 100)
            pdf.text("2028", right: 500, y: 100)
            pdf.text("Hittbarhet och tillgänglighet", x: 60, y: 120)
            pdf.text("100", right: 400, y: 120)
            pdf.text("300", right: 500, y: 120)
            pdf.text("i museum och arkiv", x: 60, y: 131)
            pdf.text("Bokbuss", x: 60, y: 150)
            pdf.text("4 500", right: 400, y: 150)
            pdf.text("0", right: 500, y: 150)
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.columns.map(\.header), ["2027", "2028"])
        XCTAssertEqual(grid.rows.map(\.label), ["Hittbarhet och tillgänglighet i museum och arkiv", "Bokbuss"])
        XCTAssertEqual(grid.rows.map { $0.cells.map(\.text) }, [["100", "300"], ["4 500", "0"]])
    }

    func testLabelThatRunsIntoTheNumberColumnIsStillSplitByAlignment() throws {
        let found = try grids("moved.pdf") { pdf in
            for (index, row) in [("Fordon", "12 250"), ("Räddningsmaterial", "1 130"), ("Inventarier", "50")].enumerated() {
                let y = 100 + Double(index) * 14
                pdf.text(row.0, x: 60, y: y)
                pdf.text(row.1, right: 250, y: y)
                pdf.text("1 000", right: 330, y: y)
            }
            // The label runs long: the gap before the number is only a few points.
            let label = "Ombyggnad/tillgängliggörande"
            let y = 100 + 3 * 14.0
            pdf.text(label, x: 250 - pdf.width(of: "400") - 4 - pdf.width(of: label), y: y)
            pdf.text("400", right: 250, y: y)
            pdf.text("1 000", right: 330, y: y)
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.rows.last?.label, "Ombyggnad/tillgängliggörande")
        XCTAssertEqual(grid.rows.last?.cells.map(\.text), ["400", "1 000"])
    }
}
