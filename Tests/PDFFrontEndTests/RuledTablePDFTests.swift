import Foundation
import Layout
import Normalisation
import PDFFrontEnd
import ReportSource
import Tables
import XCTest

/// Ruled tables: the front-end reads the page's rules and shading, and where rules cross in a
/// grid the table stage takes the cells from the grid. One page built through cairo per rule.
final class RuledTablePDFTests: XCTestCase {
    private let folder = TemporaryFolder()

    private func read(_ name: String, _ draw: (PDFMaker) -> Void) throws -> SourceDocument {
        let url = folder.file(name)
        let maker = PDFMaker(url: url)
        draw(maker)
        maker.finish()
        return try PDFFrontEnd().read(contentsOf: url)
    }

    private func grids(_ name: String, _ draw: (PDFMaker) -> Void) throws -> [TableGrid] {
        let source = try read(name, draw)
        let layout = LayoutAnalyser().analyse(Normaliser().normalise(source).document)
        return TableStage.grids(in: layout)
    }

    /// Rows of a ruled table: each row's baseline sits this far above the rule under it.
    private let descent = 4.0

    // MARK: Drawing

    func testRulesAndShadingAreReadFromThePagesDrawing() throws {
        let source = try read("drawing.pdf") { pdf in
            // The rows stand in the grid's cells (the drawing is read around lines set in cells).
            for (n, row) in [("Verksamhetens intäkter", "34 956"), ("Personalkostnader", "-57 455"), ("Summa", "-22 499")].enumerated() {
                let y = n < 2 ? 136 + 20 * Double(n) : 224
                pdf.text(row.0, x: 60, y: y)
                pdf.text(row.1, right: 340, y: y)
            }
            // A stroked grid of three columns and two rows.
            pdf.grid(xs: [50, 250, 350, 450], ys: [120, 140, 160])
            // A border drawn as a thin filled box, and a shaded cell.
            pdf.rectangle(x: 50, y: 200, width: 400, height: 0.5, color: .black)
            pdf.rectangle(x: 50, y: 210, width: 200, height: 20, color: .lightGrey)
            // A status icon is no rule, nor is white paper.
            pdf.circle(centerX: 480, centerY: 220, radius: 5, color: .green)
            pdf.rectangle(x: 50, y: 300, width: 200, height: 20, color: .white)
        }
        let page = try XCTUnwrap(source.pages.first)
        let horizontal = page.rules.filter { $0.direction == .horizontal }
        let vertical = page.rules.filter { $0.direction == .vertical }
        XCTAssertEqual(horizontal.count, 4, "\(horizontal)")
        XCTAssertEqual(vertical.count, 4, "\(vertical)")
        XCTAssertEqual(horizontal.map { $0.position.rounded() }.sorted(), [120, 140, 160, 200])
        XCTAssertEqual(vertical.map(\.extent.lowerBound).min() ?? 0, 120, accuracy: 0.5)
        XCTAssertEqual(page.fills.count, 1)
        XCTAssertEqual(page.fills.first?.color.red, 217)
        XCTAssertEqual(page.fills.first?.box.height ?? 0, 20, accuracy: 0.1)
    }

    func testAPageOfRunningTextIsNotDrawnForItsRules() throws {
        // Reading a page's drawing costs more than its text; only pages that may hold a table pay.
        let source = try read("prose.pdf") { pdf in
            pdf.text("Nämnden har under året arbetat med att förbättra verksamheten.", x: 60, y: 90)
            pdf.grid(xs: [50, 250, 350], ys: [120, 140, 160])
        }
        XCTAssertEqual(source.pages.first?.rules.count, 0)
    }

    // MARK: Ruled grids

    func testARuledGridDecidesCellsWhoseTextWraps() throws {
        let found = try grids("wrapped.pdf") { pdf in
            pdf.text("Kriterium", x: 60, y: 96, bold: true)
            pdf.text("Innebär", x: 210, y: 96, bold: true)
            pdf.text("Vikt", x: 460, y: 96, bold: true)
            // Name and description wrap in their cells; the weight stands centred on the row,
            // level with no line of the label: only the rules tie them together.
            let rows: [([String], [String], String)] = [
                (["Trafikmängd på", "bilvägen"], ["Antal fordon per", "årsmedeldygn på", "intilliggande bilväg."], "1"),
                (["Boende längs", "sträckan"], ["Antal individer per", "löpkilometer längs", "sträckan."], "3"),
            ]
            var y = 120.0
            for (name, lines, weight) in rows {
                for (n, line) in name.enumerated() { pdf.text(line, x: 60, y: y + Double(n) * 13) }
                for (n, line) in lines.enumerated() { pdf.text(line, x: 210, y: y + Double(n) * 13) }
                pdf.text(weight, x: 460, y: y + 19.5)
                y += 45
            }
            pdf.grid(xs: [50, 200, 450, 500], ys: [82, 104, 149, 194])
        }
        XCTAssertEqual(found.count, 1)
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.stub, "Kriterium")
        XCTAssertEqual(grid.columns.map(\.header), ["Innebär", "Vikt"])
        XCTAssertEqual(grid.rows.map(\.label), ["Trafikmängd på bilvägen", "Boende längs sträckan"])
        XCTAssertEqual(grid.rows[0].cells.map(\.text), ["Antal fordon per årsmedeldygn på intilliggande bilväg.", "1"])
        XCTAssertEqual(grid.rows[1].cells.map(\.column), [0, 1])
    }

    /// A budget table with a header of three columns and three rows.
    private func budgetRows(_ pdf: PDFMaker, top: Double) {
        let rows = [("Verksamhetens intäkter", "38 613", "40 013"), ("Personalkostnader", "-174 304", "-173 604"),
                    ("Lokalhyror", "-16 513", "-16 013")]
        for (n, row) in rows.enumerated() {
            let y = top + 16 * Double(n + 1) - descent
            pdf.text(row.0, x: 60, y: y)
            pdf.text(row.1, right: 340, y: y)
            pdf.text(row.2, right: 440, y: y)
        }
    }

    func testAShadedHeaderAboveADoubleRuleHeadsTheGrid() throws {
        let found = try grids("shaded.pdf") { pdf in
            // Header cells drawn as dark boxes with white text and white gaps for rules.
            for (x, width) in [(50.0, 199.0), (250, 99), (350, 100)] {
                pdf.rectangle(x: x, y: 80, width: width, height: 30, color: .darkGreen)
            }
            pdf.text("Belopp i tkr", x: 60, y: 100, bold: true, color: .white)
            pdf.text("Budget 2026", x: 265, y: 100, bold: true, color: .white)
            pdf.text("Prognos", x: 365, y: 94, bold: true, color: .white)
            pdf.text("helår 2026", x: 365, y: 106, bold: true, color: .white)
            // A double rule under the header, then the ruled body.
            pdf.line(from: (50, 113), to: (450, 113))
            pdf.grid(xs: [50, 250, 350, 450], ys: [116, 132, 148, 164])
            budgetRows(pdf, top: 116)
        }
        XCTAssertEqual(found.count, 1)
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.stub, "Belopp i tkr")
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2026", "Prognos helår 2026"])
        XCTAssertEqual(grid.rows.map(\.label), ["Verksamhetens intäkter", "Personalkostnader", "Lokalhyror"])
        XCTAssertEqual(grid.rows[1].cells.map(\.text), ["-174 304", "-173 604"])
    }

    func testHeaderCellsTheRulesDoNotPartArePartedWhereTheirWordsStand() throws {
        let found = try grids("openheader.pdf") { pdf in
            pdf.text("Belopp i tkr", x: 60, y: 96, bold: true)
            pdf.text("Budget 2026", x: 265, y: 96, bold: true)
            pdf.text("Prognos 2026", x: 365, y: 96, bold: true)
            // The header row has its frame only; the body is ruled throughout.
            pdf.grid(xs: [50, 450], ys: [82, 100])
            pdf.grid(xs: [50, 250, 350, 450], ys: [100, 116, 132, 148])
            budgetRows(pdf, top: 100)
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.stub, "Belopp i tkr")
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2026", "Prognos 2026"])
    }

    func testACaptionInTheFramesFirstRowIsNoHeader() throws {
        let found = try grids("caption.pdf") { pdf in
            pdf.text("Personalomsättning i procent, tillsvidareanställda", x: 60, y: 78)
            pdf.text("Kommun", x: 60, y: 96, bold: true)
            pdf.text("2024", x: 265, y: 96, bold: true)
            pdf.text("2025", x: 365, y: 96, bold: true)
            pdf.grid(xs: [50, 450], ys: [64, 82])
            pdf.grid(xs: [50, 250, 350, 450], ys: [82, 100, 116, 132, 148])
            budgetRows(pdf, top: 100)
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.stub, "Kommun")
        XCTAssertEqual(grid.columns.map(\.header), ["2024", "2025"])
        XCTAssertEqual(grid.rows.count, 3)
    }

    func testTwoTablesDrawnInOneFrameAreTwoTables() throws {
        let found = try grids("stacked.pdf") { pdf in
            var top = 82.0
            for (name, first) in [("Enfamiljshus", "3 794"), ("Fritidshus", "2 383")] {
                pdf.text(name, x: 60, y: top + 14, bold: true)
                pdf.text("2026", x: 265, y: top + 14, bold: true)
                pdf.text("2027", x: 365, y: top + 14, bold: true)
                pdf.text("FNI 370", x: 60, y: top + 30)
                pdf.text(first, right: 340, y: top + 30)
                pdf.text("4 000", right: 440, y: top + 30)
                pdf.text("FNI 190", x: 60, y: top + 46)
                pdf.text("1 200", right: 340, y: top + 46)
                pdf.text("1 300", right: 440, y: top + 46)
                top += 48
            }
            pdf.grid(xs: [50, 250, 350, 450], ys: stride(from: 82.0, through: 178, by: 16).map { $0 })
        }
        XCTAssertEqual(found.count, 2, "\(found.map(\.stub))")
        XCTAssertEqual(found.map(\.stub), ["Enfamiljshus", "Fritidshus"])
        XCTAssertEqual(found.map { $0.rows.map(\.label) }, [["FNI 370", "FNI 190"], ["FNI 370", "FNI 190"]])
    }

    func testABoxDrawnRoundATableAndItsNoteAddsNoColumnAndNoRow() throws {
        let found = try grids("boxed.pdf") { pdf in
            pdf.text("Belopp i tkr", x: 60, y: 96, bold: true)
            pdf.text("Budget 2026", x: 265, y: 96, bold: true)
            pdf.text("Prognos 2026", x: 365, y: 96, bold: true)
            pdf.grid(xs: [50, 250, 350, 450], ys: [82, 100, 116, 132, 148])
            budgetRows(pdf, top: 100)
            pdf.text("Prognosen bygger på utfallet till och med april och på kända förändringar under året.", x: 40, y: 166, size: 8)
            // The box round table and note: its sides stand apart from the table's rules.
            pdf.grid(xs: [30, 470], ys: [70, 176])
            pdf.line(from: (30, 82), to: (50, 82))
            pdf.line(from: (450, 148), to: (470, 148))
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.stub, "Belopp i tkr")
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2026", "Prognos 2026"])
        XCTAssertEqual(grid.rows.map(\.label), ["Verksamhetens intäkter", "Personalkostnader", "Lokalhyror"])
    }

    func testAGridWithoutItsOuterSidesEndsWhereItsRulesEnd() throws {
        let found = try grids("open-sides.pdf") { pdf in
            pdf.text("Belopp i tkr", x: 60, y: 96, bold: true)
            pdf.text("Budget 2026", x: 265, y: 96, bold: true)
            pdf.text("Prognos 2026", x: 365, y: 96, bold: true)
            // Horizontal rules across, vertical ones only between the columns.
            for y in [82.0, 100, 116, 132, 148] { pdf.line(from: (50, y), to: (450, y)) }
            for x in [250.0, 350] { pdf.line(from: (x, 82), to: (x, 148)) }
            budgetRows(pdf, top: 100)
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.stub, "Belopp i tkr")
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2026", "Prognos 2026"])
        XCTAssertEqual(grid.rows.map(\.label), ["Verksamhetens intäkter", "Personalkostnader", "Lokalhyror"])
        XCTAssertEqual(grid.rows[2].cells.map(\.text), ["-16 513", "-16 013"])
    }

    func testAColumnRuleThatMeetsNoRowRuleStillPartsItsCells() throws {
        let found = try grids("floating-rule.pdf") { pdf in
            pdf.text("Indikator", x: 60, y: 96, bold: true)
            pdf.text("Utfall", right: 340, y: 96, bold: true)
            pdf.text("Mål", right: 440, y: 96, bold: true)
            pdf.text("Antal resor per invånare", x: 60, y: 112)
            pdf.text("12", right: 340, y: 112)
            pdf.text("Öka", right: 440, y: 112)
            // A description row across the whole table: only the outer sides cross it.
            pdf.text("Resor med kollektivtrafik.", x: 60, y: 134)
            pdf.text("Körsträcka per invånare", x: 60, y: 152)
            pdf.text("730", right: 340, y: 152)
            pdf.text("Minska", right: 440, y: 152)
            for y in [82.0, 100, 116] { pdf.line(from: (50, y), to: (450, y)) }
            for x in [50.0, 250, 350, 450] { pdf.line(from: (x, 82), to: (x, 116)) }
            for x in [50.0, 450] { pdf.line(from: (x, 116), to: (x, 140)) }
            // The last row's top rule is drawn round the rule between its value columns, and the
            // table goes on over the page break, so that rule meets no row rule at all.
            pdf.line(from: (50, 140), to: (250, 140))
            pdf.line(from: (360, 140), to: (450, 140))
            for x in [50.0, 250, 350, 450] { pdf.line(from: (x, 140.5), to: (x, 170)) }
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.columns.map(\.header), ["Utfall", "Mål"])
        let last = try XCTUnwrap(grid.rows.last)
        XCTAssertEqual(last.label, "Körsträcka per invånare")
        XCTAssertEqual(last.cells.map(\.text), ["730", "Minska"])
        XCTAssertEqual(last.cells.map(\.column), [0, 1])
    }

    func testRowsTheRulesDoNotPartAreLeftToAlignment() throws {
        let found = try grids("partly.pdf") { pdf in
            pdf.text("(tkr)", x: 60, y: 96, bold: true)
            pdf.text("2027", right: 340, y: 96, bold: true)
            pdf.text("2028", right: 440, y: 96, bold: true)
            // Rules under the header and over the sum only: the three rows share one band.
            pdf.grid(xs: [50, 250, 350, 450], ys: [82, 100, 150, 166])
            budgetRows(pdf, top: 100)
            pdf.text("Totalt", x: 60, y: 162)
            pdf.text("-152 204", right: 340, y: 162)
            pdf.text("-149 604", right: 440, y: 162)
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.rows.map(\.label), ["Verksamhetens intäkter", "Personalkostnader", "Lokalhyror", "Totalt"])
        XCTAssertEqual(grid.columns.map(\.header), ["2027", "2028"])
    }

    func testANameInBoldOverItsDescriptionIsTheRowLabel() throws {
        let found = try grids("indicator.pdf") { pdf in
            pdf.text("Indikator", x: 60, y: 96, bold: true)
            pdf.text("Utfall 2021", x: 265, y: 96, bold: true)
            pdf.text("Mål 2025", x: 365, y: 96, bold: true)
            pdf.text("Energianvändning, MWh/inv", x: 60, y: 116, bold: true)
            pdf.text("1,35", right: 340, y: 116, bold: true)
            pdf.text("1,20", right: 440, y: 116, bold: true)
            pdf.text("Slutanvändning av energi", x: 60, y: 130)
            pdf.text("per invånare. Källa: SCB.", x: 60, y: 143)
            pdf.text("Antal fastigheter med olja", x: 60, y: 166)
            pdf.text("4", right: 340, y: 166)
            pdf.text("0", right: 440, y: 166)
            pdf.grid(xs: [50, 250, 350, 450], ys: [82, 100, 150, 172])
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.rows.map(\.label), ["Energianvändning, MWh/inv", "Antal fastigheter med olja"])
        XCTAssertEqual(grid.rows[0].cells.map(\.text), ["1,35", "1,20"])
    }

    func testALabelCellMergedOverTwoRowsLabelsBothWhole() throws {
        // No rule parts the label cell between the rows beside it: its two lines are one label,
        // whichever row each line happens to stand beside.
        let found = try grids("merged.pdf") { pdf in
            pdf.text("Mål", x: 60, y: 96, bold: true)
            pdf.text("Utfall", x: 265, y: 96, bold: true)
            pdf.text("Mål 2030", x: 365, y: 96, bold: true)
            pdf.text("Alla invånare ska ha tillgång", x: 60, y: 118)
            pdf.text("till information om valet", x: 60, y: 138)
            pdf.text("12", right: 340, y: 116)
            pdf.text("15", right: 440, y: 116)
            pdf.text("8", right: 340, y: 142)
            pdf.text("10", right: 440, y: 142)
            for x in [50.0, 250, 350, 450] { pdf.line(from: (x, 82), to: (x, 150)) }
            for y in [82.0, 100, 150] { pdf.line(from: (50, y), to: (450, y)) }
            pdf.line(from: (250, 128), to: (450, 128))
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.rows.map(\.label), ["Alla invånare ska ha tillgång till information om valet",
                                                "Alla invånare ska ha tillgång till information om valet"])
        XCTAssertEqual(grid.rows.map { $0.cells.map(\.text) }, [["12", "15"], ["8", "10"]])
    }

    func testARowOfWordsAmongRowsOfValuesIsARowNotANewHeader() throws {
        // Values in words (`Nytt`, `Fler än i fjol`) and figures with units or notes
        // (`17 kg/inv`, `218 (2024)`) in a ruled grid: one table, not a new one at each.
        let found = try grids("words.pdf") { pdf in
            pdf.text("Indikator", x: 60, y: 96, bold: true)
            pdf.text("Utfall", x: 265, y: 96, bold: true)
            pdf.text("Mål 2030", x: 365, y: 96, bold: true)
            let rows: [(String, String, String)] = [
                ("Andel elbilar", "34 %", "50 %"), ("Nya laddplatser", "Nytt", "Klart 2027"),
                ("Avfall per invånare", "17 kg/inv", "15 kg/inv"), ("Energi i lokaler", "218 (2024)", "170"),
                ("Nöjdhet med laddnätet", "71", "75"),
            ]
            for (n, row) in rows.enumerated() {
                let y = 116 + 20 * Double(n)
                pdf.text(row.0, x: 60, y: y)
                pdf.text(row.1, x: 265, y: y)
                pdf.text(row.2, x: 365, y: y)
            }
            pdf.grid(xs: [50, 250, 350, 470], ys: stride(from: 82.0, through: 202, by: 20).map { $0 })
        }
        XCTAssertEqual(found.count, 1, "\(found.map(\.stub))")
        XCTAssertEqual(found.first?.rows.map(\.label), ["Andel elbilar", "Nya laddplatser", "Avfall per invånare", "Energi i lokaler", "Nöjdhet med laddnätet"])
    }

    func testARuledTableOfOneThingsFiguresLabelsNoRows() throws {
        // One indicator's target and outcomes, each in a box under its header, its name printed
        // above the boxes: the first column is figures like the rest, not row labels.
        let found = try grids("unlabelled.pdf") { pdf in
            pdf.text("Indikator: Andel nöjda brukare", x: 60, y: 70)
            pdf.text("Preliminärt utfall", x: 145, y: 92)
            for (n, header) in ["Mål 2023", "2023", "Utfall 2022", "Utfall 2021"].enumerated() {
                pdf.text(header, x: 65 + 85 * Double(n), y: 104)
            }
            for (n, value) in ["56", "(60)", "69", "52"].enumerated() {
                pdf.text(value, right: 120 + 85 * Double(n), y: 124)
            }
            pdf.grid(xs: [55, 140, 225, 310, 395], ys: [82, 110, 130])
        }
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.stub, "")
        XCTAssertEqual(grid.columns.map(\.header), ["Mål 2023", "Preliminärt utfall 2023", "Utfall 2022", "Utfall 2021"])
        XCTAssertEqual(grid.rows.map(\.label), [""])
        XCTAssertEqual(grid.rows.first?.cells.map(\.text), ["56", "(60)", "69", "52"])
    }
}
