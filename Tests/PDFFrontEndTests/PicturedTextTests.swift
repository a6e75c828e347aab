import CPoppler
import Foundation
import PDFFrontEnd
import ReportSource
import XCTest

/// A table pasted as a picture among a page's text is reported, naming the page; photographs
/// and charts are not.
final class PicturedTextTests: XCTestCase {
    private let folder = TemporaryFolder()

    private func warnings(_ name: String, picture: @escaping (OpaquePointer) -> Void) throws -> [ImportWarning] {
        let url = folder.file(name)
        let pdf = PDFMaker(url: url)
        pdf.text("Ekonomisk uppföljning", x: 60, y: 70, size: 14, bold: true)
        pdf.text("Tabellen nedan visar driftredovisningen per verksamhet.", x: 60, y: 100)
        pdf.newPage()
        pdf.text("Driftredovisning", x: 60, y: 70, size: 14, bold: true)
        pdf.rasterPicture(x: 60, y: 90, width: 400, height: 130, picture)
        pdf.text("Prognosen visar ett överskott jämfört med budget.", x: 60, y: 260)
        pdf.finish()
        return try PDFFrontEnd().read(contentsOf: url).warnings
    }

    private func screenshot(ruled: Bool) -> (OpaquePointer) -> Void {
        { cr in
            if ruled {
                // The table's grid: vertical rules down every row, a rule under each row.
                cairo_set_line_width(cr, 0.5)
                for x in [5.0, 155, 235, 315, 395] { cairo_move_to(cr, x, 5); cairo_line_to(cr, x, 127) }
                for n in 0...6 { cairo_move_to(cr, 5, 6 + Double(n) * 20); cairo_line_to(cr, 395, 6 + Double(n) * 20) }
                cairo_stroke(cr)
            }
            cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
            cairo_set_font_size(cr, 10)
            let rows = [["Belopp i tkr", "Budget", "Prognos", "Avvikelse"], ["Intäkter", "34 956", "37 201", "2 245"],
                        ["Personalkostnader", "-57 455", "-56 595", "860"], ["Lokalhyror", "-5 333", "-5 153", "180"],
                        ["Övriga kostnader", "-12 100", "-11 900", "200"], ["Summa", "-39 932", "-36 447", "3 485"]]
            for (n, row) in rows.enumerated() {
                for (column, cell) in row.enumerated() {
                    cairo_move_to(cr, 10 + (column == 0 ? 0 : 150 + Double(column - 1) * 80), 20 + Double(n) * 20)
                    cairo_show_text(cr, cell)
                }
            }
        }
    }

    func testATablePastedAsAPictureIsReportedWithItsPage() throws {
        for ruled in [false, true] {
            let name = ruled ? "ruled-screenshot.pdf" : "screenshot.pdf"
            let pictured = try warnings(name, picture: screenshot(ruled: ruled)).filter { $0.code == "pdf.pictureOfText" }
            XCTAssertEqual(pictured.map(\.page), [2], name)
            XCTAssertTrue(pictured.first?.message.contains("\(name), page 2") == true, "\(pictured)")
        }
    }

    func testALetterheadAboveThePagesTextIsNoPictureOfText() throws {
        // A logo and the sender's address set as one picture at the top of the page, above all
        // of its text: page furniture, however much it looks like lines of text.
        let url = folder.file("letterhead.pdf")
        let pdf = PDFMaker(url: url)
        pdf.rasterPicture(x: 60, y: 30, width: 220, height: 80) { cr in
            cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
            cairo_set_font_size(cr, 10)
            let lines = ["Alingsås kommun, Tekniska förvaltningen", "Postadress: 441 81 Alingsås", "Besöksadress: Stora Torget 1",
                         "Telefon: 0322-61 60 00 (växel)", "E-post: tekniska@alingsas.se"]
            for (n, line) in lines.enumerated() {
                cairo_move_to(cr, 5, 12 + Double(n) * 14)
                cairo_show_text(cr, line)
            }
        }
        pdf.text("Tjänsteskrivelse", x: 60, y: 140, size: 14, bold: true)
        pdf.text("Förvaltningen föreslår att nämnden godkänner taxan för år 2027.", x: 60, y: 170)
        pdf.finish()
        let warnings = try PDFFrontEnd().read(contentsOf: url).warnings
        XCTAssertEqual(warnings.filter { $0.code == "pdf.pictureOfText" }.count, 0, "\(warnings)")
    }

    func testAPhotographIsNoPictureOfText() throws {
        let found = try warnings("photo.pdf") { cr in
            // A sky over a field: no paper, no lines of ink.
            for y in stride(from: 0.0, to: 130, by: 2) {
                cairo_set_source_rgb(cr, 0.3 + y / 400, 0.5, 0.8 - y / 300)
                cairo_rectangle(cr, 0, y, 400, 2)
                cairo_fill(cr)
            }
        }
        XCTAssertFalse(found.contains { $0.code == "pdf.pictureOfText" }, "\(found)")
    }

    func testAChartIsNoPictureOfText() throws {
        let found = try warnings("chart.pdf") { cr in
            // Axes, a curve across the plot and tick labels down one side.
            cairo_set_line_width(cr, 1)
            cairo_move_to(cr, 40, 10); cairo_line_to(cr, 40, 110); cairo_line_to(cr, 390, 110); cairo_stroke(cr)
            cairo_move_to(cr, 40, 100)
            for x in stride(from: 40.0, through: 390, by: 10) { cairo_line_to(cr, x, 100 - (x - 40) * 0.25) }
            cairo_stroke(cr)
            cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
            cairo_set_font_size(cr, 8)
            for (n, tick) in ["60", "40", "20", "0"].enumerated() {
                cairo_move_to(cr, 20, 14 + Double(n) * 32)
                cairo_show_text(cr, tick)
            }
        }
        XCTAssertFalse(found.contains { $0.code == "pdf.pictureOfText" }, "\(found)")
    }
}
