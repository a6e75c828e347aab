import Layout
import ReportSource
import Tables
import XCTest

/// Text set in columns under a header (a follow-up table of words): each cell is filed under
/// the header cell it is printed beneath, wherever the line starts.
final class HeaderedColumnsTests: XCTestCase {
    private func lines(_ text: String) -> [LayoutLine] {
        let page = SourcePage(number: 1, lines: text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            SourceLine(text: String($1), lineNumber: $0 + 1)
        })
        return LayoutAnalyser().analyse(SourceDocument(name: "t.txt", kind: .text, pages: [page])).lines
    }

    func testCellsAreFiledUnderTheHeaderCellTheyStandBeneath() throws {
        let laidOut = lines("""
            Uppdrag                         Status          Kommentar
            Utreda ny simhall               Pågår           Förstudien är klar och
                                                            går till nämnden i juni.
            Utöka öppettiderna              Klar
            """)
        let columns = try XCTUnwrap(HeaderedColumns(header: laidOut[0]))
        XCTAssertEqual(columns.headers, ["Uppdrag", "Status", "Kommentar"])
        // The line holding only the comment's second line starts far right: it stays a comment.
        XCTAssertEqual(columns.cells(of: laidOut[1...2]), ["Utreda ny simhall", "Pågår", "Förstudien är klar och går till nämnden i juni."])
        XCTAssertEqual(columns.cells(of: laidOut[3...3]), ["Utöka öppettiderna", "Klar", ""])
    }

    func testLinesWithoutColumnGapsAreRunningTextNotARow() throws {
        let laidOut = lines("""
            Uppdrag                         Status          Kommentar
            Arbetet fortsätter under hösten enligt plan.
            """)
        let columns = try XCTUnwrap(HeaderedColumns(header: laidOut[0]))
        XCTAssertNil(columns.cells(of: laidOut[1...1]))
        XCTAssertNil(HeaderedColumns(header: laidOut[1]))
    }
}
