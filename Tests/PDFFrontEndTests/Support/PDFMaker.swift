import CPoppler
import Foundation
import ReportSource

/// Writes small PDFs with known geometry through cairo, so each layout rule is tested on a page
/// built for it. Files go to a temporary folder and are removed with it; none is committed.
final class PDFMaker {
    /// An RGB colour with 0…1 channels.
    struct Color {
        var red: Double
        var green: Double
        var blue: Double
        static let black = Color(red: 0, green: 0, blue: 0)
        static let green = Color(red: 0, green: 0.6, blue: 0.23)
        static let yellow = Color(red: 0.95, green: 0.75, blue: 0)
        static let red = Color(red: 0.85, green: 0.1, blue: 0.1)
        static let white = Color(red: 1, green: 1, blue: 1)
        static let darkGreen = Color(red: 0, green: 0.34, blue: 0.29)
        static let lightGrey = Color(red: 0.85, green: 0.85, blue: 0.85)
        static let blue = Color(red: 0.1, green: 0.35, blue: 0.75)
    }

    let url: URL
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private var finished = false

    /// Starts a PDF at `url` with A4 pages (or the size given).
    init(url: URL, width: Double = 595, height: Double = 842) {
        self.url = url
        surface = cairo_pdf_surface_create(url.path, width, height)
        cr = cairo_create(surface)
    }

    deinit { finish() }

    /// Prints `text` with its baseline at `y`, starting at `x`.
    func text(_ text: String, x: Double, y: Double, size: Double = 10, bold: Bool = false,
              color: Color = .black, font: String = "DejaVu Sans")
    {
        cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
        cairo_move_to(cr, x, y)
        cairo_show_text(cr, text)
    }

    /// Prints `text` so that it ends at `right` (a right-aligned table cell).
    func text(_ text: String, right: Double, y: Double, size: Double = 10, bold: Bool = false) {
        self.text(text, x: right - width(of: text, size: size, bold: bold), y: y, size: size, bold: bold)
    }

    /// How wide `text` prints.
    func width(of text: String, size: Double = 10, bold: Bool = false, font: String = "DejaVu Sans") -> Double {
        cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    /// A stroked straight line (a table's rule).
    func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), width: Double = 0.5, color: Color = .black) {
        cairo_new_path(cr)
        cairo_move_to(cr, start.x, start.y)
        cairo_line_to(cr, end.x, end.y)
        cairo_set_line_width(cr, width)
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
        cairo_stroke(cr)
    }

    /// A filled rectangle (a shaded cell, or a cell border drawn as a thin box).
    func rectangle(x: Double, y: Double, width: Double, height: Double, color: Color) {
        cairo_new_path(cr)
        cairo_rectangle(cr, x, y, width, height)
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
        cairo_fill(cr)
    }

    /// A grid of rules: a horizontal rule at each of `ys` and a vertical one at each of `xs`,
    /// from the first to the last of the other.
    func grid(xs: [Double], ys: [Double], width: Double = 0.5) {
        for y in ys { line(from: (xs[0], y), to: (xs[xs.count - 1], y), width: width) }
        for x in xs { line(from: (x, ys[0]), to: (x, ys[ys.count - 1]), width: width) }
    }

    /// A filled vector circle (how HTML-to-PDF tools draw status icons).
    func circle(centerX: Double, centerY: Double, radius: Double, color: Color) {
        cairo_new_path(cr)
        cairo_arc(cr, centerX, centerY, radius, 0, 2 * Double.pi)
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
        cairo_fill(cr)
    }

    /// A small raster picture of one colour (how word processors paste status icons).
    func picture(x: Double, y: Double, size: Double, color: Color) {
        let pixels: Int32 = 16
        let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels, pixels)
        let painter = cairo_create(image)
        cairo_set_source_rgb(painter, color.red, color.green, color.blue)
        cairo_paint(painter)
        cairo_destroy(painter)
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_scale(cr, size / Double(pixels), size / Double(pixels))
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
        cairo_surface_destroy(image)
    }

    /// Where an arrow icon points.
    enum ArrowDirection { case up, down, left, right }

    /// A raster status icon `pixels` wide, set `size` points wide: an arrow in the colour on
    /// white paper, or a white arrow cut out of a disc in the colour (how trend icons are drawn).
    func arrowPicture(x: Double, y: Double, size: Double, color: Color, pointing: ArrowDirection, inDisc: Bool, pixels: Int32 = 16) {
        let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels, pixels)
        let painter = cairo_create(image)!
        let side = Double(pixels)
        cairo_set_source_rgb(painter, 1, 1, 1)
        cairo_paint(painter)
        if inDisc {
            cairo_set_source_rgb(painter, color.red, color.green, color.blue)
            cairo_arc(painter, side / 2, side / 2, side / 2, 0, 2 * Double.pi)
            cairo_fill(painter)
        }
        // An upward arrow in the unit square, turned to point where asked.
        let points: [(Double, Double)] = [(0.5, 0.12), (0.86, 0.5), (0.64, 0.5), (0.64, 0.88), (0.36, 0.88), (0.36, 0.5), (0.14, 0.5)]
        let turns: Double = pointing == .up ? 0 : pointing == .right ? 1 : pointing == .down ? 2 : 3
        cairo_translate(painter, side / 2, side / 2)
        cairo_rotate(painter, turns * Double.pi / 2)
        cairo_translate(painter, -side / 2, -side / 2)
        for (index, point) in points.enumerated() {
            if index == 0 { cairo_move_to(painter, point.0 * side, point.1 * side) } else { cairo_line_to(painter, point.0 * side, point.1 * side) }
        }
        cairo_close_path(painter)
        if inDisc { cairo_set_source_rgb(painter, 1, 1, 1) } else { cairo_set_source_rgb(painter, color.red, color.green, color.blue) }
        cairo_fill(painter)
        cairo_destroy(painter)
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_scale(cr, size / side, size / side)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
        cairo_surface_destroy(image)
    }

    /// A filled vector triangle pointing up or down (another way reports draw a trend).
    func triangle(x: Double, y: Double, size: Double, color: Color, up: Bool) {
        cairo_new_path(cr)
        if up {
            cairo_move_to(cr, x + size / 2, y)
            cairo_line_to(cr, x + size, y + size)
            cairo_line_to(cr, x, y + size)
        } else {
            cairo_move_to(cr, x, y)
            cairo_line_to(cr, x + size, y)
            cairo_line_to(cr, x + size / 2, y + size)
        }
        cairo_close_path(cr)
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
        cairo_fill(cr)
    }

    /// A raster picture `width` × `height` points at two pixels a point, white, with what `draw`
    /// paints on it (in points, through the cairo context it is given): a table pasted as a
    /// screenshot, a photograph, a chart.
    func rasterPicture(x: Double, y: Double, width: Double, height: Double, _ draw: (OpaquePointer) -> Void) {
        let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width * 2), Int32(height * 2))
        let painter = cairo_create(image)!
        cairo_set_source_rgb(painter, 1, 1, 1)
        cairo_paint(painter)
        cairo_scale(painter, 2, 2)
        cairo_set_source_rgb(painter, 0, 0, 0)
        draw(painter)
        cairo_destroy(painter)
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_scale(cr, 0.5, 0.5)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
        cairo_surface_destroy(image)
    }

    /// Wraps what `draw` prints in a structure element (`H1`, `P`, `Document`, …): cairo's PDF
    /// surface then writes a tagged PDF with a structure tree.
    func tagged(_ role: String, _ draw: () -> Void) {
        cairo_tag_begin(cr, role, "")
        draw()
        cairo_tag_end(cr, role)
    }

    /// Ends the page and starts the next.
    func newPage() { cairo_show_page(cr) }

    /// Writes the file out.
    func finish() {
        guard !finished else { return }
        finished = true
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
    }
}

/// A temporary folder for one test's files, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kommunrapport-pdf-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

extension SourceLine {
    /// The line's cells as the tests write them: parted by a tab (the line's own text parts
    /// words by one space wherever the gap).
    var cellsShown: String { cellTexts.joined(separator: "\t") }
}
