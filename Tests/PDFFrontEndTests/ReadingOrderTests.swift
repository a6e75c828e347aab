import Foundation
import PDFFrontEnd
import ReportSource
import XCTest

/// Two-column pages, styles, repeated headers and blank lines, on pages built for them.
final class ReadingOrderTests: XCTestCase {
    let left = [
        "Stadsrevisionen genomför granskning enligt god",
        "revisionssed i kommunal verksamhet och lämnar",
        "förslag på förbättringsområden till nämnderna",
        "och bolagen genom en aktiv dialog med berörda",
        "verksamheter om iakttagelser och förslag.",
    ]
    let right = [
        "Stadsrevisionens verksamhet har vuxit genom",
        "åren trots att vi lämnade sjukvård och tandvård",
        "till regionen. Huset där vi höll till blev för",
        "trångt och vi flyttade till ett nybygge vid",
        "Stora Badhusgatan där vi fortfarande håller till.",
    ]

    func read(pages: Int = 1, _ build: (PDFMaker, Int) -> Void) throws -> SourceDocument {
        let folder = TemporaryFolder()
        let url = folder.file("layout.pdf")
        let maker = PDFMaker(url: url)
        for page in 0..<pages {
            build(maker, page)
            maker.newPage()
        }
        maker.finish()
        return try PDFFrontEnd().read(contentsOf: url)
    }

    func testTwoColumnsAreReadColumnByColumn() throws {
        let document = try read { pdf, _ in
            pdf.text("Förord av ordförande", x: 60, y: 80, size: 16, bold: true)
            for (index, line) in left.enumerated() { pdf.text(line, x: 60, y: 120 + Double(index) * 13, size: 10) }
            // The right column starts half a line lower: columns need not share baselines.
            for (index, line) in right.enumerated() { pdf.text(line, x: 320, y: 126 + Double(index) * 13, size: 10) }
        }
        let texts = document.pages[0].lines.map(\.text).filter { !$0.isEmpty }
        XCTAssertEqual(texts, ["Förord av ordförande"] + left + right)
        XCTAssertFalse(document.pages[0].lines.contains(where: \.hasColumnGap))
    }

    func testTwoColumnsOnSharedBaselinesAreStillColumns() throws {
        let document = try read { pdf, _ in
            for (index, line) in left.enumerated() { pdf.text(line, x: 60, y: 120 + Double(index) * 13, size: 10) }
            for (index, line) in right.enumerated() { pdf.text(line, x: 320, y: 120 + Double(index) * 13, size: 10) }
            pdf.text("Stadsrevisionens årsredogörelse 2022", x: 60, y: 800, size: 8)
        }
        let texts = document.pages[0].lines.map(\.text).filter { !$0.isEmpty }
        XCTAssertEqual(texts, left + right + ["Stadsrevisionens årsredogörelse 2022"])
        // A new column starts a new paragraph.
        let lines = document.pages[0].lines
        let firstRight = try XCTUnwrap(lines.firstIndex { $0.text == right[0] })
        XCTAssertTrue(lines[firstRight - 1].isBlank)
    }

    func testFontSizeWeightAndColourReachTheLine() throws {
        let document = try read { pdf, _ in
            pdf.text("Måluppföljning", x: 60, y: 80, size: 18, bold: true)
            pdf.text("Nämnden redovisar ett överskott på 0,3 mkr.", x: 60, y: 110, size: 10)
            pdf.text("Ej uppfyllt", x: 60, y: 130, size: 10, color: .red)
        }
        let lines = document.pages[0].lines.filter { !$0.isBlank }
        let heading = try XCTUnwrap(lines.first?.style)
        XCTAssertEqual(heading.fontSize ?? 0, 18, accuracy: 0.1)
        XCTAssertTrue(heading.isBold)
        XCTAssertTrue(heading.fontName?.contains("Bold") ?? false)
        let body = try XCTUnwrap(lines[1].style)
        XCTAssertEqual(body.fontSize ?? 0, 10, accuracy: 0.1)
        XCTAssertFalse(body.isBold)
        XCTAssertEqual(body.color, RGBColor(red: 0, green: 0, blue: 0))
        XCTAssertEqual(lines[2].style?.color?.red ?? 0, 216, accuracy: 3)
        XCTAssertEqual(lines[1].lineNumber, lines[0].lineNumber + 2, "a blank line parts heading and text")
    }

    func testRepeatedHeaderComesOutAlikeOnEveryPageWithItsPage() throws {
        let document = try read(pages: 3) { pdf, page in
            pdf.text("Valnämnden", x: 60, y: 40, size: 8)
            pdf.text("Verksamhetsberättelse 2023", right: 535, y: 40, size: 8)
            pdf.text("Innehåll på sidan \(page + 1).", x: 60, y: 100)
            pdf.text("Sida \(page + 1) av 3", right: 535, y: 810, size: 8)
        }
        XCTAssertEqual(document.pages.map(\.number), [1, 2, 3])
        for page in document.pages {
            let lines = page.lines.filter { !$0.isBlank }
            XCTAssertEqual(lines.first?.cellsShown, "Valnämnden\tVerksamhetsberättelse 2023")
            XCTAssertEqual(lines.last?.text, "Sida \(page.number) av 3")
            XCTAssertEqual(lines.first?.box?.y ?? 0, document.pages[0].lines.first?.box?.y ?? 1, accuracy: 0.01)
        }
    }

    func testASmallLineInsideTheBoxOfLargeTypeIsALineOfItsOwn() throws {
        // A cover: a registration number set in the top of a display title's glyph box. They
        // overlap in height but one stands above the other, so they are two lines.
        let document = try read { pdf, _ in
            pdf.text("Dnr KS 2013/375", x: 230, y: 100, size: 10)
            pdf.text("KLIMAT", x: 140, y: 160, size: 77)
            pdf.text("Strategin gäller för hela kommunens organisation.", x: 60, y: 260, size: 10)
        }
        let lines = document.pages[0].lines.filter { !$0.isBlank }.map(\.text)
        XCTAssertEqual(Array(lines.prefix(2)), ["Dnr KS 2013/375", "KLIMAT"])
        // Words side by side on one baseline stay one line, as does a word printed twice over
        // itself (a producer's bold).
        let overprinted = try read { pdf, _ in
            pdf.text("Måluppfyllelse", x: 60, y: 100, size: 14)
            pdf.text("Måluppfyllelse", x: 60.3, y: 100, size: 14)
            pdf.text("2026", x: 200, y: 100, size: 14)
        }
        XCTAssertEqual(overprinted.pages[0].lines.filter { !$0.isBlank }.count, 1)
    }
}
