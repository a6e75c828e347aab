import CPoppler
import Foundation
import Layout
@testable import PDFFrontEnd
import ReportSource
import XCTest

/// A tagged PDF's structure tree gives lines their role, and layout trusts a heading's tag.
final class StructureTagTests: XCTestCase {
    static let heading = "Ekonomisk uppföljning för Socialnämnden"
    static let body = [
        "Nämnden redovisar ett överskott på 1,4 miljoner kronor efter maj månad, vilket",
        "främst beror på lägre kostnader för köpta platser inom individ- och familjeomsorgen",
        "och på att flera tjänster har varit vakanta under våren. Prognosen för helåret är",
        "ett resultat i balans, under förutsättning att placeringarna inte ökar igen.",
    ]

    /// The heading in the body's own font and size, so nothing but its tag tells it apart.
    private func read(tagged: Bool) throws -> SourceDocument {
        let folder = TemporaryFolder()
        let url = folder.file(tagged ? "tagged.pdf" : "untagged.pdf")
        let maker = PDFMaker(url: url)
        let draw = {
            let heading = { maker.text(Self.heading, x: 60, y: 80, size: 10) }
            let body = { for (index, line) in Self.body.enumerated() { maker.text(line, x: 60, y: 100 + Double(index) * 13, size: 10) } }
            if tagged {
                maker.tagged("H1", heading)
                maker.tagged("P", body)
            } else {
                heading()
                body()
            }
        }
        if tagged { maker.tagged("Document", draw) } else { draw() }
        maker.newPage()
        maker.finish()
        return try PDFFrontEnd().read(contentsOf: url)
    }

    private func headings(_ document: SourceDocument) -> [(String, Int?)] {
        let layout = LayoutAnalyser().analyse(document)
        return layout.blocks.filter { $0.kind == .heading }.map { (layout.text(of: $0), $0.level) }
    }

    func testATaggedHeadingInTheBodyFontIsAHeading() throws {
        let document = try read(tagged: true)
        let lines = document.pages[0].lines.filter { !$0.isBlank }
        guard lines.first?.role != nil else {
            throw XCTSkip("cairo \(String(cString: cairo_version_string())) wrote no structure tree poppler can read")
        }
        XCTAssertEqual(lines.first?.text, Self.heading)
        XCTAssertEqual(lines.first?.role, "H1")
        // The paragraph's roles are not read (too costly in poppler), so its lines keep none.
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.role == nil })
        let found = headings(document)
        XCTAssertEqual(found.map(\.0), [Self.heading])
        XCTAssertEqual(found.first?.1, 1)
    }

    func testHeadingsReadInSharesBySeveralWorkersKeepTheirPagesAndOrder() throws {
        // Eight pages, two tagged headings each: with three workers every worker reads a share
        // of the headings, and the roles must come out as one reader gives them.
        let folder = TemporaryFolder()
        let url = folder.file("many.pdf")
        let maker = PDFMaker(url: url)
        maker.tagged("Document") {
            for page in 1...8 {
                maker.tagged("H1") { maker.text("Avsnitt \(page) om ekonomin", x: 60, y: 80, size: 10) }
                maker.tagged("P") { maker.text(Self.body[0], x: 60, y: 100, size: 10) }
                maker.tagged("H2") { maker.text("Delavsnitt \(page) om personalen", x: 60, y: 130, size: 10) }
                maker.tagged("P") { maker.text(Self.body[1], x: 60, y: 150, size: 10) }
                maker.newPage()
            }
        }
        maker.finish()
        func roles(workers: Int) throws -> [[String?]] {
            try PDFFrontEnd(options: PDFReadOptions(workers: workers)).read(contentsOf: url).pages.map { page in
                page.lines.filter { !$0.isBlank }.map(\.role)
            }
        }
        let alone = try roles(workers: 1)
        guard alone.first?.first ?? nil != nil else {
            throw XCTSkip("cairo \(String(cString: cairo_version_string())) wrote no structure tree poppler can read")
        }
        XCTAssertEqual(alone.first, ["H1", nil, "H2", nil])
        XCTAssertEqual(try roles(workers: 3), alone)
        XCTAssertEqual(try roles(workers: 2), alone)
    }

    func testAnUntaggedPDFHasNoRolesAndNoHeadingInTheBodyFont() throws {
        let document = try read(tagged: false)
        XCTAssertTrue(document.pages[0].lines.allSatisfy { $0.role == nil })
        XCTAssertEqual(headings(document).map(\.0), [])
    }

    func testABodyLineThatStartsLikeAHeadingTakesNoRole() {
        var roles = StructureRoles()
        roles.add(role: "H2", page: 0, text: "Rollen som rektor upplevdes som tydlig av de flesta ")
        var page = SourcePage(number: 1, lines: [
            SourceLine(text: "Rollen som rektor upplevdes som", lineNumber: 1),
            SourceLine(text: "tydlig av de flesta", lineNumber: 2),
            SourceLine(text: "Rollen som rektor upplevdes som tydlig av de", lineNumber: 3),
            SourceLine(text: "allra flesta rektorerna i förskolenämnden.", lineNumber: 4),
            SourceLine(text: "tydlig av de flesta", lineNumber: 5),
        ])
        roles.apply(to: &page)
        XCTAssertEqual(page.lines.map(\.role), ["H2", "H2", nil, nil, nil])
    }

    func testHeadingsTooLongToBeHeadingsAreIgnored() {
        var roles = StructureRoles()
        roles.add(role: "H", page: 0, text: String(repeating: "Förvaltningen hade rutiner. ", count: 10))
        XCTAssertTrue(roles.isEmpty)
    }

    func testPopplersDoubleDecodedTextIsRepaired() {
        XCTAssertEqual(StructureText.repaired("MÃ¥nadsuppfÃ¶ljning"), "Månadsuppföljning")
        XCTAssertEqual(StructureText.repaired("ÃŒvriga kostnader"), "Övriga kostnader")
        // Text that is already right stays as it is.
        XCTAssertEqual(StructureText.repaired("Övriga kostnader för år 2026"), "Övriga kostnader för år 2026")
        XCTAssertEqual(StructureText.repaired("Drift"), "Drift")
    }
}
