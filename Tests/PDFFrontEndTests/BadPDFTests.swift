import Foundation
import PDFFrontEnd
import ReportSource
import XCTest

/// Files that are not good PDFs: each gives a message that names the file, and none crashes.
final class BadPDFTests: XCTestCase {
    let folder = TemporaryFolder()

    func textPDF(_ name: String, pages: Int = 3) -> URL {
        let url = folder.file(name)
        let maker = PDFMaker(url: url)
        for page in 0..<pages {
            maker.text("Sida \(page + 1): Nämnden redovisar ett överskott på 0,3 mkr.", x: 60, y: 100)
            maker.text("Verksamhetens intäkter", x: 60, y: 120)
            maker.text("91 867", right: 400, y: 120)
            maker.newPage()
        }
        maker.finish()
        return url
    }

    func error(reading url: URL, password: String? = nil) -> FrontEndError? {
        do {
            _ = try PDFFrontEnd(options: PDFReadOptions(password: password)).read(contentsOf: url)
            return nil
        } catch let error as FrontEndError {
            return error
        } catch {
            XCTFail("not a FrontEndError: \(error)")
            return nil
        }
    }

    func testMissingFileAndFolder() {
        XCTAssertEqual(error(reading: folder.file("saknas.pdf")), .notFound(file: folder.file("saknas.pdf").path))
        let directory = folder.file("mapp.pdf")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        XCTAssertEqual(error(reading: directory), .unreadable(file: directory.path, reason: "it is a folder"))
    }

    func testEmptyFile() throws {
        let url = folder.file("tom.pdf")
        try Data().write(to: url)
        XCTAssertEqual(error(reading: url), .empty(file: url.path))
    }

    func testNotAPDFAtAll() throws {
        let url = folder.file("bild.pdf")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: url)
        let failure = try XCTUnwrap(error(reading: url))
        guard case .pdf(let file, nil, let reason) = failure else { return XCTFail("\(failure)") }
        XCTAssertEqual(file, url.path)
        XCTAssertTrue(reason.contains("not a PDF"), reason)
        XCTAssertTrue(failure.description.hasPrefix(url.path))
    }

    func testTruncatedPDFIsReadAsFarAsPossibleOrRefusedInWords() throws {
        let whole = try Data(contentsOf: textPDF("hel.pdf", pages: 6))
        for fraction in [0.2, 0.5, 0.9] {
            let url = folder.file("avkortad-\(fraction).pdf")
            try whole.prefix(Int(Double(whole.count) * fraction)).write(to: url)
            do {
                let document = try PDFFrontEnd().read(contentsOf: url)
                // poppler rebuilt what it could: whatever it gives must be well-formed.
                XCTAssertFalse(document.pages.isEmpty)
                XCTAssertEqual(document.pages.map(\.number), Array(1...document.pages.count))
            } catch let failure as FrontEndError {
                XCTAssertTrue(failure.description.contains(url.path), failure.description)
                if case .pdf(_, _, let reason) = failure {
                    XCTAssertTrue(reason.contains("damaged") || reason.contains("no pages"), reason)
                } else if case .noTextLayer = failure {
                } else {
                    XCTFail("unexpected \(failure)")
                }
            }
        }
    }

    func testZeroPages() throws {
        let url = folder.file("inga-sidor.pdf")
        let body = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
            trailer << /Root 1 0 R /Size 3 >>
            %%EOF
            """
        try Data(body.utf8).write(to: url)
        let failure = try XCTUnwrap(error(reading: url))
        guard case .pdf(let file, nil, let reason) = failure else { return XCTFail("\(failure)") }
        XCTAssertEqual(file, url.path)
        XCTAssertTrue(reason.contains("no pages") || reason.contains("damaged"), reason)
    }

    func testScannedPDFNeedsOCR() throws {
        let url = folder.file("skannad.pdf")
        let maker = PDFMaker(url: url)
        maker.picture(x: 0, y: 0, size: 595, color: PDFMaker.Color(red: 0.9, green: 0.9, blue: 0.85))
        maker.newPage()
        maker.picture(x: 0, y: 0, size: 595, color: PDFMaker.Color(red: 0.9, green: 0.9, blue: 0.85))
        maker.finish()
        XCTAssertEqual(error(reading: url), .noTextLayer(file: url.path, pages: 2))
        XCTAssertTrue(FrontEndError.noTextLayer(file: url.path, pages: 2).description.contains("OCR"))
    }

    func testOneScannedPageAmongTextPagesIsAWarning() throws {
        let url = folder.file("blandad.pdf")
        let maker = PDFMaker(url: url)
        maker.text("Verksamhetsberättelse 2023", x: 60, y: 100)
        maker.newPage()
        maker.picture(x: 0, y: 0, size: 595, color: PDFMaker.Color(red: 0.9, green: 0.9, blue: 0.85))
        maker.finish()
        let document = try PDFFrontEnd().read(contentsOf: url)
        XCTAssertEqual(document.pages.count, 2)
        XCTAssertEqual(document.warnings.map(\.code), ["pdf.noTextLayer"])
        XCTAssertEqual(document.warnings.first?.page, 2)
        XCTAssertTrue(document.warnings.first?.message.contains("blandad.pdf") ?? false)
    }

    func testEnormousPageIsReadForText() throws {
        let url = folder.file("enorm.pdf")
        let maker = PDFMaker(url: url, width: 20_000, height: 400)
        maker.text("Kort rad", x: 19_000, y: 100)
        maker.circle(centerX: 18_990, centerY: 96, radius: 4, color: .green)
        maker.text("Verksamhetens intäkter", x: 60, y: 200)
        maker.finish()
        let document = try PDFFrontEnd().read(contentsOf: url)
        let texts = document.pages[0].lines.map(\.text).filter { !$0.isEmpty }
        XCTAssertTrue(texts.contains("Verksamhetens intäkter"))
        XCTAssertTrue(texts.contains("Kort rad"))
    }

    func testEncryptedPDFNeedsItsPassword() throws {
        guard let qpdf = ["/usr/bin/qpdf", "/usr/local/bin/qpdf"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("qpdf is not installed (scripts/debian-packages.txt lists it)")
        }
        let plain = textPDF("öppen.pdf")
        let url = folder.file("låst.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: qpdf)
        process.arguments = ["--encrypt", "hemligt", "ägare", "256", "--", plain.path, url.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)

        XCTAssertEqual(error(reading: url), .encrypted(file: url.path))
        XCTAssertTrue(FrontEndError.encrypted(file: url.path).description.contains("--password"))
        let wrong = try XCTUnwrap(error(reading: url, password: "fel"))
        guard case .pdf(url.path, nil, let reason) = wrong else { return XCTFail("\(wrong)") }
        XCTAssertTrue(reason.contains("password"), reason)
        let document = try PDFFrontEnd(options: PDFReadOptions(password: "hemligt")).read(contentsOf: url)
        XCTAssertEqual(document.pages.count, 3)
        XCTAssertTrue(document.pages[1].lines.contains { $0.cellsShown == "Verksamhetens intäkter\t91 867" })
    }

    func testManyReadsOnSeveralThreadsGiveTheSameResult() throws {
        let url = textPDF("trådar.pdf", pages: 12)
        let once = try PDFFrontEnd(options: PDFReadOptions(workers: 1)).read(contentsOf: url)
        for workers in [2, 3, 5] {
            let again = try PDFFrontEnd(options: PDFReadOptions(workers: workers)).read(contentsOf: url)
            XCTAssertEqual(again.pages.map { $0.lines.map(\.text) }, once.pages.map { $0.lines.map(\.text) })
            XCTAssertEqual(again.pages.map(\.number), Array(1...12))
        }
    }
}
