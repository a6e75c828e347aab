import Foundation
import PDFFrontEnd
import ReportSource
import XCTest

/// Column gaps, thousands separators and word spacing, on pages built for them. (Stacked header
/// cells and wrapped labels are the table stage's: `TableStagePDFTests`.)
final class TableGeometryTests: XCTestCase {
    func read(_ build: (PDFMaker) -> Void) throws -> SourceDocument {
        let folder = TemporaryFolder()
        let url = folder.file("table.pdf")
        let maker = PDFMaker(url: url)
        build(maker)
        maker.finish()
        return try PDFFrontEnd().read(contentsOf: url)
    }

    func texts(_ document: SourceDocument, page: Int = 1) -> [String] {
        document.pages[page - 1].lines.map(\.cellsShown).filter { !$0.isEmpty }
    }

    func testColumnGapPartsCellsAndThousandsSpaceStaysASpace() throws {
        let document = try read { pdf in
            pdf.text("tkr", x: 60, y: 100)
            pdf.text("Budget 2023", right: 330, y: 100)
            pdf.text("Bokslut 2023", right: 430, y: 100)
            pdf.text("Avvikelse", right: 530, y: 100)
            let rows = [("Verksamhetens intäkter", "91 867", "88 412", "3 455"),
                        ("Verksamhetens kostnader", "-245 100", "-251 002", "-5 902"),
                        ("Nettokostnad", "-153 233", "-162 590", "-9 357")]
            for (index, row) in rows.enumerated() {
                let y = 116 + Double(index) * 14
                pdf.text(row.0, x: 60, y: y)
                pdf.text(row.1, right: 330, y: y)
                pdf.text(row.2, right: 430, y: y)
                pdf.text(row.3, right: 530, y: y)
            }
        }
        XCTAssertEqual(texts(document), [
            "tkr\tBudget 2023\tBokslut 2023\tAvvikelse",
            "Verksamhetens intäkter\t91 867\t88 412\t3 455",
            "Verksamhetens kostnader\t-245 100\t-251 002\t-5 902",
            "Nettokostnad\t-153 233\t-162 590\t-9 357",
        ])
        // The gaps are in the words; the text parts every word by one space.
        XCTAssertEqual(document.pages[0].lines[1].text, "Verksamhetens intäkter 91 867 88 412 3 455")
        XCTAssertEqual(document.pages[0].lines[1].words.map(\.startsColumn), [false, false, true, false, true, false, true, false])
    }

    func testLinesCarryBoxesWordsAndPage() throws {
        let document = try read { pdf in
            pdf.text("Drift", x: 72, y: 100, size: 16, bold: true)
            pdf.text("Intäkter", x: 72, y: 130)
            pdf.text("1 234", right: 300, y: 130)
        }
        XCTAssertEqual(document.kind, .pdf)
        XCTAssertEqual(document.pages.count, 1)
        XCTAssertEqual(document.pages[0].number, 1)
        XCTAssertEqual(document.pages[0].width ?? 0, 595, accuracy: 0.5)
        let row = try XCTUnwrap(document.pages[0].lines.first { $0.text.hasPrefix("Intäkter") })
        let box = try XCTUnwrap(row.box)
        XCTAssertEqual(box.x, 72, accuracy: 1)
        XCTAssertEqual(box.maxX, 300, accuracy: 1)
        XCTAssertLessThan(box.y, 130)
        XCTAssertGreaterThan(box.maxY, 128)
        XCTAssertEqual(row.words.map(\.text), ["Intäkter", "1", "234"])
        XCTAssertEqual(row.words[2].box.maxX, 300, accuracy: 1)
    }

    func testJustifiedTextWithWideSpacesHasNoTabs() throws {
        let document = try read { pdf in
            // Stretched word spaces of 16 pt, all alike, as a justified line gets.
            var x = 60.0
            for word in ["signaler", "genom", "ett", "minskat", "antal", "biståndshushåll,"] {
                pdf.text(word, x: x, y: 100)
                x += pdf.width(of: word) + 16
            }
        }
        XCTAssertEqual(texts(document), ["signaler genom ett minskat antal biståndshushåll,"])
    }

    func testListMarkerAndSectionNumberAreFollowedByASpace() throws {
        let document = try read { pdf in
            pdf.text("3.4.1", x: 60, y: 100, bold: true)
            pdf.text("EKOLOGISK HÅLLBARHET", x: 110, y: 100, bold: true)
            pdf.text("•", x: 60, y: 120)
            pdf.text("Öka andelen upphandlingar med hållbarhetskrav.", x: 90, y: 120)
        }
        XCTAssertEqual(texts(document), ["3.4.1 EKOLOGISK HÅLLBARHET", "• Öka andelen upphandlingar med hållbarhetskrav."])
    }

    func testTableContinuedOnTheNextPageKeepsItsColumns() throws {
        let document = try read { pdf in
            for page in 0..<2 {
                pdf.text("Belopp i tkr", x: 60, y: 100)
                pdf.text("Utfall 2022", right: 330, y: 100)
                pdf.text("Budget 2022", right: 430, y: 100)
                for row in 0..<3 {
                    let y = 116 + Double(row) * 14
                    pdf.text("Rad \(page * 3 + row + 1)", x: 60, y: y)
                    pdf.text("\(row + 1) 234", right: 330, y: y)
                    pdf.text("-\(row + 5) 678", right: 430, y: y)
                }
                pdf.newPage()
            }
        }
        XCTAssertEqual(document.pages.count, 2)
        let first = document.pages[0].lines.filter { !$0.isBlank }
        let second = document.pages[1].lines.filter { !$0.isBlank }
        XCTAssertEqual(first.map(\.cellTexts.count), second.map(\.cellTexts.count))
        XCTAssertEqual(second[1].cellsShown, "Rad 4\t1 234\t-5 678")
        // Same columns: the cells end at the same x on both pages.
        XCTAssertEqual(first[1].words.last?.box.maxX ?? 0, second[1].words.last?.box.maxX ?? 1, accuracy: 0.1)
    }
}
