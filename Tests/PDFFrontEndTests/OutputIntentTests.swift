import Foundation
@testable import PDFFrontEnd
import XCTest

/// A PDF/A's output intent is renamed before poppler reads the file, which spares poppler
/// building colour transforms on every pass over a page, and changes nothing the import reads.
final class OutputIntentTests: XCTestCase {
    private func renamed(_ text: String) -> (text: String, count: Int) {
        var bytes = Array(text.utf8)
        let count = bytes.withUnsafeMutableBytes { OutputIntent.rename(in: $0) }
        return (String(decoding: bytes, as: UTF8.self), count)
    }

    func testTheKeyIsRenamedInPlaceAndNothingElseMoves() {
        let catalog = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OutputIntents [ 5 0 R ] >>\nendobj\n"
        let result = renamed(catalog)
        XCTAssertEqual(result.count, 1)
        XCTAssertEqual(result.text, catalog.replacingOccurrences(of: "/OutputIntents", with: "/OutputIntentX"))
        XCTAssertEqual(result.text.utf8.count, catalog.utf8.count)
    }

    func testEveryRevisionsKeyIsRenamedAndAKeyCutByTheEndIsLeft() {
        // An incrementally updated file has a catalogue per revision.
        XCTAssertEqual(renamed("/OutputIntents [1 0 R] /OutputIntents[2 0 R]").count, 2)
        XCTAssertEqual(renamed("<< /OutputIntent").count, 0)
        XCTAssertEqual(renamed("/Output").count, 0)
        XCTAssertEqual(renamed("").count, 0)
        XCTAssertEqual(renamed("//OutputIntents").count, 1)
    }

    func testAPDFAReadsTheSameWithItsOutputIntentRenamed() throws {
        let url = CorpusTests.shared.appendingPathComponent("pdf/alingsas_socialnamnden_manadsuppfoljning_ekonomi_november_2017.pdf")
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("\(url.path) is not here") }
        let renamed = try PopplerDocument(path: url.path, password: nil)
        let asItIs = try PopplerDocument(path: url.path, password: nil, keepsOutputIntent: true)
        XCTAssertEqual(renamed.renamedOutputIntents, 1)
        XCTAssertEqual(asItIs.renamedOutputIntents, 0)
        // A file reached through a symbolic link (a batch's inputs linked into one folder) too.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("output-intent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("linked.pdf")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: url)
        XCTAssertEqual(try PopplerDocument(path: link.path, password: nil).renamedOutputIntents, 1)
        XCTAssertEqual(renamed.pageCount, asItIs.pageCount)
        XCTAssertEqual(renamed.info, asItIs.info)
        for index in 0..<renamed.pageCount {
            let pages = try [renamed, asItIs].map { document in
                let page = try XCTUnwrap(document.page(at: index))
                return PageReader.read(page, number: index + 1, file: url.lastPathComponent, readsPictures: true, readsDrawing: true)
            }
            XCTAssertFalse(pages[0].page.lines.isEmpty)
            // Words, boxes, styles, icons, rules and shading alike.
            XCTAssertEqual(String(describing: pages[0].page), String(describing: pages[1].page), "page \(index + 1)")
        }
    }
}
