import Foundation
import PDFFrontEnd
import ReportSource
import ToolTestSupport
import XCTest

/// Text a page shows through annotations (a registration number typed onto a cover) and form
/// fields (a filled-in template) is read with the page's own text, where a reader sees it.
final class AnnotationTextTests: XCTestCase {
    /// A one-page PDF written object by object, with `annotations` as the page's /Annots and the
    /// fields among them named in an /AcroForm.
    private func pdf(content: String, annotations: [String], fieldCount: Int) -> Data {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R"
                + (fieldCount > 0 ? " /AcroForm << /Fields [\((0..<fieldCount).map { "\(6 + $0) 0 R" }.joined(separator: " "))] /DA (/Helv 10 Tf 0 g) >>" : "")
                + " >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /Helv 5 0 R >> >>"
                + " /Annots [\(annotations.indices.map { "\(6 + $0) 0 R" }.joined(separator: " "))] >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
        return HandWrittenPDF.file(objects: objects + annotations)
    }

    private func read(_ data: Data) throws -> SourcePage {
        let folder = TemporaryFolder()
        let url = folder.file("annotated.pdf")
        try data.write(to: url)
        return try XCTUnwrap(PDFFrontEnd().read(contentsOf: url).pages.first)
    }

    /// A PDF text string as UTF-16 with its byte-order mark, the way producers write non-ASCII text.
    private func utf16(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    private let body = "BT /F1 11 Tf 72 700 Td (Klimatstrategin omfattar hela kommunens organisation.) Tj ET"

    func testATypedNoteIsReadWhereItStands() throws {
        let note = "<< /Type /Annot /Subtype /FreeText /Rect [218 760 321 776] /F 4 /Contents (  Dnr. KS 2013/375) /DA (/Helv 12 Tf) >>"
        let page = try read(pdf(content: body, annotations: [note], fieldCount: 0))
        let line = try XCTUnwrap(page.lines.first { $0.text.contains("Dnr.") })
        XCTAssertEqual(line.text, "Dnr. KS 2013/375")
        // Above the body line, near the annotation's top (842 - 776 = 66 from the page's top).
        let box = try XCTUnwrap(line.box)
        XCTAssertEqual(box.y, 68, accuracy: 3)
        XCTAssertLessThan(box.y, try XCTUnwrap(page.lines.first { $0.text.hasPrefix("Klimatstrategin") }?.box).y)
    }

    func testHiddenNotesAndFieldsAndPasswordsAreNotRead() throws {
        let password = "<< /Type /Annot /Subtype /Widget /FT /Tx /Ff 8192 /T (kod) /V (hemligt) /Rect [72 560 300 580] /F 4 /DA (/Helv 10 Tf 0 g) >>"
        let hiddenField = "<< /Type /Annot /Subtype /Widget /FT /Tx /T (hjalp) /V (Utkast) /Rect [72 520 300 540] /F 2 /DA (/Helv 10 Tf 0 g) >>"
        let shownField = "<< /Type /Annot /Subtype /Widget /FT /Tx /T (namnd) /V (Socialnamnden) /Rect [72 480 300 500] /F 4 /DA (/Helv 10 Tf 0 g) >>"
        let hiddenNote = "<< /Type /Annot /Subtype /FreeText /Rect [72 600 300 620] /F 2 /Contents (Kladd) /DA (/Helv 12 Tf) >>"
        let page = try read(pdf(content: body, annotations: [password, hiddenField, shownField, hiddenNote], fieldCount: 3))
        let texts = page.lines.map(\.text)
        XCTAssertTrue(texts.contains("Socialnamnden"), "\(texts)")
        XCTAssertFalse(texts.contains { $0.contains("Kladd") || $0.contains("hemligt") || $0.contains("Utkast") }, "\(texts)")
    }

    func testANoteWithAnAreaPastThePageIsClampedToIt() throws {
        // A hostile or broken area, far past the page: the note's text stays on the page or is gone.
        let note = "<< /Type /Annot /Subtype /FreeText /Rect [-99999999999999999999 -5 99999999999999999999 99999999999999999999] /F 4 /Contents (Dnr KS 2013/375) /DA (/Helv 12 Tf) >>"
        let page = try read(pdf(content: body, annotations: [note], fieldCount: 0))
        for line in page.lines where !line.isBlank {
            let box = try XCTUnwrap(line.box)
            XCTAssertTrue(box.x >= 0 && box.y >= 0 && box.x + box.width <= 595.5 && box.y + box.height <= 842.5, "\(line.text) \(box)")
        }
        XCTAssertTrue(page.lines.contains { $0.text.hasPrefix("Klimatstrategin") })
    }

    func testAPageOfNoTextButATypedNoteIsStillAPicture() throws {
        // A scan with a registration number stamped over it: the page has no text layer.
        let note = "<< /Type /Annot /Subtype /FreeText /Rect [218 760 321 776] /F 4 /Contents (Dnr KS 2013/375) /DA (/Helv 12 Tf) >>"
        let folder = TemporaryFolder()
        let url = folder.file("scan.pdf")
        try pdf(content: "0 0 1 rg 72 72 400 600 re f", annotations: [note], fieldCount: 0).write(to: url)
        XCTAssertThrowsError(try PDFFrontEnd().read(contentsOf: url)) { error in
            XCTAssertTrue("\(error)".contains("text layer"), "\(error)")
        }
    }

    func testAFilledInFieldIsReadAsTheTemplatesValue() throws {
        let label = "BT /F1 10 Tf 72 640 Td (Organisation:) Tj ET"
        let field = "<< /Type /Annot /Subtype /Widget /FT /Tx /T (namnd) /V \(utf16("Kultur- och fritidsnämnden")) /Rect [150 634 400 652] /F 4 /DA (/Helv 10 Tf 0 g) >>"
        let page = try read(pdf(content: body + "\n" + label, annotations: [field], fieldCount: 1))
        let line = try XCTUnwrap(page.lines.first { $0.text.hasPrefix("Organisation:") })
        XCTAssertEqual(line.text, "Organisation: Kultur- och fritidsnämnden")
    }
}
