import Foundation
import PDFFrontEnd
import ReportSource
import XCTest

/// Column gaps, thousands separators, multi-line headers and wrapped labels, on pages built for them.
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

    func testHeaderCellsOnSeveralLinesAreJoinedCellByCell() throws {
        let document = try read { pdf in
            // Three header lines: a single-line cell centred between two-line cells.
            pdf.text("Prognos helår", right: 400, y: 100)
            pdf.text("Avv. prognos/", right: 500, y: 100)
            pdf.text("Belopp i tkr", x: 60, y: 106)
            pdf.text("Budget 2026", right: 300, y: 106)
            pdf.text("2026", right: 400, y: 112)
            pdf.text("budget 2026", right: 500, y: 112)
            for (index, label) in ["Intäkter", "Kostnader", "Resultat"].enumerated() {
                let y = 130 + Double(index) * 14
                pdf.text(label, x: 60, y: y)
                pdf.text("38 613", right: 300, y: y)
                pdf.text("40 013", right: 400, y: y)
                pdf.text("1 400", right: 500, y: y)
            }
        }
        XCTAssertEqual(texts(document).first, "Belopp i tkr\tBudget 2026\tPrognos helår 2026\tAvv. prognos/ budget 2026")
        XCTAssertEqual(texts(document).dropFirst().first, "Intäkter\t38 613\t40 013\t1 400")
    }

    func testLeftAlignedHeaderOverRightAlignedFiguresHeadsItsColumn() throws {
        let document = try read { pdf in
            // Two-line header cells set flush left; the short second line (`2027`) ends before the
            // widest figure of its column starts, as in a Word table with left-aligned headers.
            for (x, top, bottom) in [(245.0, "Budget", "2027"), (325.0, "Ram", "2028"), (380.0, "Ram", "2029")] {
                pdf.text(top, x: x, y: 100)
                pdf.text(bottom, x: x, y: 112)
            }
            let rows = [("Ingående eget kapital", "9 279", "10 259", "11 280"),
                        ("Årets resultat", "980", "1 021", "1 060"),
                        ("Utgående eget kapital", "10 259", "11 280", "12 340")]
            for (index, row) in rows.enumerated() {
                let y = 128 + Double(index) * 14
                pdf.text(row.0, x: 60, y: y)
                pdf.text(row.1, right: 308, y: y)
                pdf.text(row.2, right: 370, y: y)
                pdf.text(row.3, right: 425, y: y)
            }
        }
        XCTAssertEqual(texts(document).first, "Budget 2027\tRam 2028\tRam 2029")
        XCTAssertEqual(texts(document).dropFirst().first, "Ingående eget kapital\t9 279\t10 259\t11 280")
    }

    func testHeaderWordsReadAsOneLineStillHeadTheirColumns() throws {
        let document = try read { pdf in
            // A budget table as a Word report sets it: `Budget Plan Plan …` right-aligned over
            // the years, and read as one line of words with no measured column gap.
            let rights = [272.7, 323.8, 375.0, 426.1, 477.2, 528.4]
            for (index, right) in rights.enumerated() {
                pdf.text(index == 0 ? "Budget" : "Plan", right: right, y: 524, size: 9.5)
                pdf.text(String(2024 + index), right: right, y: 535.5, size: 9.5)
            }
            pdf.text("Belopp tkr", x: 72.6, y: 535.5, size: 9.5)
            let rows = [("Verksamhetens nettokostnader", ["5 378", "1 123", "5 417", "1 123", "1 123", "5 541"]),
                        ("Investeringar, netto", ["0", "0", "0", "0", "0", "0"])]
            for (row, (label, values)) in rows.enumerated() {
                let y = 553.7 + Double(row) * 14
                pdf.text(label, x: 72.6, y: y, size: 9.5)
                for (value, right) in zip(values, rights) { pdf.text(value, right: right, y: y, size: 9.5) }
            }
        }
        XCTAssertEqual(texts(document).first, "Belopp tkr\tBudget 2024\tPlan 2025\tPlan 2026\tPlan 2027\tPlan 2028\tPlan 2029")
        XCTAssertEqual(texts(document).dropFirst().first, "Verksamhetens nettokostnader\t5 378\t1 123\t5 417\t1 123\t1 123\t5 541")
    }

    func testWrappedRowLabelJoinsTheRowWithTheFigures() throws {
        let document = try read { pdf in
            pdf.text("Projekt", x: 60, y: 100)
            pdf.text("2027", right: 400, y: 100)
            pdf.text("2028", right: 500, y: 100)
            pdf.text("Hittbarhet och tillgänglighet", x: 60, y: 120)
            pdf.text("100", right: 400, y: 120)
            pdf.text("300", right: 500, y: 120)
            pdf.text("i museum och arkiv", x: 60, y: 131)
            pdf.text("Bokbuss", x: 60, y: 150)
            pdf.text("4 500", right: 400, y: 150)
            pdf.text("0", right: 500, y: 150)
        }
        XCTAssertEqual(texts(document), [
            "Projekt\t2027\t2028",
            "Hittbarhet och tillgänglighet i museum och arkiv\t100\t300",
            "Bokbuss\t4 500\t0",
        ])
    }

    func testLabelThatRunsIntoTheNumberColumnIsStillSplitByAlignment() throws {
        let document = try read { pdf in
            for (index, row) in [("Fordon", "12 250"), ("Räddningsmaterial", "1 130"), ("Inventarier", "50")].enumerated() {
                let y = 100 + Double(index) * 14
                pdf.text(row.0, x: 60, y: y)
                pdf.text(row.1, right: 250, y: y)
                pdf.text("1 000", right: 330, y: y)
            }
            // The label runs long: the gap before the number is only a few points.
            let label = "Ombyggnad/tillgängliggörande"
            let y = 100 + 3 * 14.0
            pdf.text(label, x: 250 - pdf.width(of: "400") - 4 - pdf.width(of: label), y: y)
            pdf.text("400", right: 250, y: y)
            pdf.text("1 000", right: 330, y: y)
        }
        XCTAssertEqual(texts(document).last, "Ombyggnad/tillgängliggörande\t400\t1 000")
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
