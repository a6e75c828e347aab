@testable import PDFFrontEnd
import ReportSource
import XCTest

/// The SVG that cairo writes of a page, read for rules and shading, in the forms cairo writes:
/// paint in `style` (cairo 1.16) and in attributes of their own (cairo 1.17.6 and later).
final class DrawingReaderTests: XCTestCase {
    private func graphics(_ body: String) -> DrawingReader.Graphics {
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="595pt" height="842pt" viewBox="0 0 595 842">
            <defs><g><symbol overflow="visible" id="glyph0-1"><path style="stroke:none;" d="M 0 0 L 5 0 L 5 -7 L 0 -7 Z"/></symbol></g></defs>
            <g id="surface1">
            \(body)
            </g>
            </svg>
            """
        return DrawingReader.graphics(svg: Array(svg.utf8), pageWidth: 595, pageHeight: 842)
    }

    /// The drawing is read only in bands around the lines set in cells, top to bottom whatever
    /// the reading order, so a rule far from any table is not paid for.
    func testTheDrawingIsReadInBandsAroundLinesSetInCells() {
        func line(_ y: Double, gapped: Bool) -> SourceLine {
            let words = [
                SourceWord(text: "Intäkter", box: BoundingBox(x: 60, y: y, width: 40, height: 10)),
                SourceWord(text: "1 200", box: BoundingBox(x: 300, y: y, width: 25, height: 10), startsColumn: gapped),
            ]
            return SourceLine(text: "Intäkter 1 200", lineNumber: 1, box: BoundingBox(x: 60, y: y, width: 265, height: 10), words: words)
        }
        // Reading order: the lower table first, then prose, then the upper table.
        let lines = [line(600, gapped: true), line(614, gapped: true), line(300, gapped: false), line(100, gapped: true)]
        let bands = PageReader.tableBands(lines, pageWidth: 595)
        XCTAssertEqual(bands.count, 2)
        XCTAssertEqual(bands.map(\.minY), [60, 560])
        XCTAssertEqual(bands.map(\.maxY), [150, 664])
        XCTAssertTrue(bands.allSatisfy { $0.minX == 0 && $0.maxX == 595 })
    }

    /// Inside the bands, the boxes of lines one printed line high are left out of the drawing's
    /// clip (their glyphs are not needed); a row whose cells wrap keeps the rules inside it.
    func testTheTextOfSingleLinesIsLeftOutOfTheDrawingsClip() {
        let style = TextStyle(fontName: "Arial", fontSize: 10)
        let single = SourceLine(text: "Intäkter 1 200", lineNumber: 1, box: BoundingBox(x: 60, y: 100, width: 265, height: 12), style: style)
        let wrapped = SourceLine(text: "Lokaler och lokaltjänster 300", lineNumber: 2, box: BoundingBox(x: 60, y: 120, width: 265, height: 26), style: style)
        let outside = SourceLine(text: "Prosa", lineNumber: 3, box: BoundingBox(x: 60, y: 400, width: 100, height: 12), style: style)
        let band = Rect(minX: 0, minY: 80, maxX: 595, maxY: 160)
        let holes = PageReader.textHoles([single, wrapped, outside], in: [band])
        XCTAssertEqual(holes, [Rect(minX: 60, minY: 100, maxX: 325, maxY: 112)])
    }

    func testRulesAndShadingFromStyleDeclarations() {
        let found = graphics("""
            <path style="fill:none;stroke-width:0.5;stroke-linecap:butt;stroke:rgb(0%,0%,0%);stroke-opacity:1;" d="M 50 120 L 450 120 " transform="matrix(1,0,0,1,0,0)"/>
            <path style=" stroke:none;fill-rule:evenodd;fill:rgb(64.7%,64.7%,64.7%);fill-opacity:1;" d="M 76.5 349 L 77 349 L 77 314 L 76.5 314 Z M 76.5 349 "/>
            <path style=" stroke:none;fill-rule:evenodd;fill:rgb(92.9%,92.9%,92.9%);fill-opacity:1;" d="M 77 362 L 278 362 L 278 350 L 77 350 Z M 77 362 "/>
            """)
        XCTAssertEqual(found.rules.map(\.direction), [.horizontal, .vertical])
        XCTAssertEqual(found.rules[0].position, 120, accuracy: 0.01)
        XCTAssertEqual(found.fills.map(\.color.red), [237])
    }

    func testRulesAndShadingFromPaintAttributes() {
        let found = graphics("""
            <path fill="none" stroke-width="0.5" stroke-linecap="butt" stroke="rgb(0%, 0%, 0%)" d="M 50 120 L 450 120 "/>
            <path fill-rule="evenodd" fill="rgb(92.9%, 92.9%, 92.9%)" d="M 77 362 L 278 362 L 278 350 L 77 350 Z M 77 362 "/>
            <path fill="none" stroke="rgb(100%, 100%, 100%)" d="M 50 200 L 450 200 "/>
            """)
        XCTAssertEqual(found.rules.map(\.direction), [.horizontal], "a white stroke draws no rule")
        XCTAssertEqual(found.fills.count, 1)
    }

    func testArrowsCurvesAndGlyphOutlinesAreNoRules() {
        let found = graphics("""
            <path style="stroke:none;fill:rgb(0%,0%,0%);" d="M 100 100 L 120 100 L 100 110 Z"/>
            <path style="fill:none;stroke:rgb(0%,0%,0%);stroke-width:1;" d="M 100 200 C 150 150 200 250 250 200"/>
            """)
        XCTAssertTrue(found.rules.isEmpty)
        XCTAssertTrue(found.fills.isEmpty)
    }

    func testAPageWithMoreShapesThanCanBeReadHasNoDrawing() {
        let many = (0..<(DrawingReader.mostShapes + 10)).map { n in
            "<path style=\"fill:none;stroke:rgb(0%,0%,0%);stroke-width:0.5;\" d=\"M 10 \(n % 800) L 300 \(n % 800)\"/>"
        }.joined(separator: "\n")
        XCTAssertTrue(graphics(many).rules.isEmpty)
    }
}
