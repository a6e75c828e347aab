import Foundation
import ReportSource
import TextFrontEnd
import XCTest

final class TextFrontEndTests: XCTestCase {
    func testFormFeedsSplitPagesAndLineNumbersRunThroughTheFile() throws {
        let text = "Rubrik\nrad två\n\u{0C}Sida två\nsista\n\u{0C}"
        let document = try TextFrontEnd().read(data: Data(text.utf8), name: "r.txt")
        XCTAssertEqual(document.pages.count, 2)
        XCTAssertEqual(document.pages[0].lines.map(\.text), ["Rubrik", "rad två"])
        XCTAssertEqual(document.pages[1].lines.map(\.text), ["Sida två", "sista"])
        XCTAssertEqual(document.pages[1].lines.first?.lineNumber, 3)
        XCTAssertEqual(document.pages[1].number, 2)
    }

    func testWindows1252IsReadWithAWarning() throws {
        let bytes: [UInt8] = Array("Verksamhetsber".utf8) + [0xE4] + Array("ttelse f".utf8) + [0xF6] + Array("r 2023\n".utf8)
        let document = try TextFrontEnd().read(data: Data(bytes), name: "vb.txt")
        XCTAssertEqual(document.pages[0].lines[0].text, "Verksamhetsberättelse för 2023")
        XCTAssertEqual(document.warnings.map(\.code), ["encoding.windows1252"])
    }

    func testEmptyBinaryAndPDFInputsAreRefusedWithTheFileName() {
        XCTAssertThrowsError(try TextFrontEnd().read(data: Data(), name: "tom.txt")) { error in
            XCTAssertEqual(error as? FrontEndError, .empty(file: "tom.txt"))
            XCTAssertTrue("\(error)".contains("tom.txt"))
        }
        XCTAssertThrowsError(try TextFrontEnd().read(data: Data([0x00, 0x01, 0x02, 0x41]), name: "bild.txt")) { error in
            guard case .notText(let file, _)? = error as? FrontEndError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "bild.txt")
        }
        XCTAssertThrowsError(try TextFrontEnd().read(data: Data("%PDF-1.7\n".utf8), name: "x.txt"))
    }

    func testMissingFileAndFolderErrorsNameThePath() {
        let missing = URL(fileURLWithPath: "/nonexistent/rapport.txt")
        XCTAssertThrowsError(try TextFrontEnd().read(contentsOf: missing)) { error in
            XCTAssertEqual(error as? FrontEndError, .notFound(file: "/nonexistent/rapport.txt"))
        }
        let folder = FileManager.default.temporaryDirectory
        XCTAssertThrowsError(try TextFrontEnd().read(contentsOf: folder)) { error in
            XCTAssertTrue("\(error)".contains("folder"))
        }
    }

    func testCarriageReturnsAndByteOrderMark() throws {
        let document = try TextFrontEnd().read(data: Data("\u{FEFF}Rad ett\r\nRad två\r\n".utf8), name: "crlf.txt")
        XCTAssertEqual(document.pages[0].lines.map(\.text), ["Rad ett", "Rad två"])
    }
}
