import Normalisation
import ReportSource
import XCTest

final class NormalisationTests: XCTestCase {
    private func document(_ pages: [[String]]) -> SourceDocument {
        var number = 0
        return SourceDocument(name: "t.txt", kind: .text, pages: pages.enumerated().map { index, lines in
            SourcePage(number: index + 1, lines: lines.map { text in
                number += 1
                return SourceLine(text: text, lineNumber: number)
            })
        })
    }

    private func texts(_ lines: [String]) -> [String] {
        Normaliser().normalise(document([lines])).document.pages[0].lines.map(\.text)
    }

    func testLineEndHyphenationIsJoinedButRealHyphensStay() {
        XCTAssertEqual(texts(["Samtliga vallokaler är tillgänglighets-", "anpassade enligt kriterier"]),
                       ["Samtliga vallokaler är tillgänglighetsanpassade", "enligt kriterier"])
        // A suspended compound keeps its hyphen.
        XCTAssertEqual(texts(["val till riksdag, region-", "och kommunfullmäktige"]), ["val till riksdag, region-", "och kommunfullmäktige"])
        // A hyphen after a space is a dash; a capital after the break is a new word.
        XCTAssertEqual(texts(["Expansionsinvestering -", "exploatering 25 050"]), ["Expansionsinvestering -", "exploatering 25 050"])
        XCTAssertEqual(texts(["Nordic-", "Centrum"]), ["Nordic-", "Centrum"])
        // A continuation that was the whole next line leaves no empty line behind.
        XCTAssertEqual(texts(["I.U. Upprätt-", "hålls", "nästa"]), ["I.U. Upprätthålls", "nästa"])
    }

    func testTheRestOfALineAfterAJoinedWordKeepsItsIndentation() {
        // In laid-out text the column a line starts in is the cell it belongs to: the rest of a
        // wrapped cell stays under it when the hyphenated word's end moves up.
        XCTAssertEqual(
            texts(["Område      Andel av kommunens energi-", "            användning (kWh) per år"]),
            ["Område      Andel av kommunens energianvändning", "            (kWh) per år"])
        // A cell after a column gap on that line stays in its column.
        XCTAssertEqual(
            texts(["            Energi-", "            användning (kWh)    (2024)"]),
            ["            Energianvändning", "            (kWh)               (2024)"])
    }

    func testLetterSpacedWordsAreRepaired() {
        XCTAssertEqual(texts(["Utfa l l 2023"]), ["Utfall 2023"])
        XCTAssertEqual(texts(["nya deta l jplaner antogs"]), ["nya detaljplaner antogs"])
        // Abbreviations written with spaces, and one-letter words, are left alone.
        XCTAssertEqual(texts(["lokaler, förråd m m"]), ["lokaler, förråd m m"])
        XCTAssertEqual(texts(["t ex i Stockholm"]), ["t ex i Stockholm"])
    }

    /// A PDF line set in cells is repaired cell by cell, its words with it: the repaired word is
    /// boxed around its pieces, and a narrow letter never joins a word across a column gap.
    func testLetterSpacedCellsAreRepairedInTheirWords() {
        func word(_ text: String, _ x: Double, gap: Bool = false) -> SourceWord {
            SourceWord(text: text, box: BoundingBox(x: x, y: 100, width: 6 * Double(text.count), height: 10), startsColumn: gap)
        }
        let words = [word("Utfa", 60), word("l", 86), word("l", 94), word("t", 200, gap: true), word("2023", 206)]
        let line = SourceLine(text: "Utfa l l t 2023", lineNumber: 1, box: BoundingBox(x: 60, y: 100, width: 170, height: 10), words: words)
        let page = SourcePage(number: 1, lines: [line])
        let repaired = Normaliser().normalise(SourceDocument(name: "t.pdf", kind: .pdf, pages: [page])).document.pages[0].lines[0]
        XCTAssertEqual(repaired.cellTexts, ["Utfall", "t 2023"])
        XCTAssertEqual(repaired.text, "Utfall t 2023")
        XCTAssertEqual(repaired.words.map(\.text), ["Utfall", "t", "2023"])
        XCTAssertEqual(repaired.words.first?.box.maxX ?? 0, 100, accuracy: 0.01)
    }

    func testSpacesMinusAndIcons() {
        let normalised = Normaliser().normalise(document([["\u{E000} Uppfylls helt", "\u{2212}3\u{00A0}455"]])).document
        XCTAssertEqual(normalised.pages[0].lines[0].icons.count, 1)
        XCTAssertEqual(normalised.pages[0].lines[0].text.trimmingCharacters(in: .whitespaces), "Uppfylls helt")
        XCTAssertEqual(normalised.pages[0].lines[1].text, "-3 455")
    }

    func testAControlCharacterAFontLeftInTheTextIsRemoved() {
        // A stray glyph code before a title (`\u{07}Produktion …`) hides its capital letter from
        // every test that reads the line's first character.
        let normalised = Normaliser().normalise(document([["\u{07}Produktion och konsumtion", "Budget\t2027\u{1F}", "Plan\u{7F} 2028"]])).document
        XCTAssertEqual(normalised.pages[0].lines[0].text, "Produktion och konsumtion")
        XCTAssertEqual(normalised.pages[0].lines[1].text, "Budget\t2027")
        XCTAssertEqual(normalised.pages[0].lines[2].text, "Plan 2028")
    }

    func testRepeatedFootersAndPageNumbersLeaveTheFlow() {
        let bodies = [["Inledning om året.", "Ekonomin gick bra.", "Personalen ökade."],
                      ["Målen följs upp.", "Analysen visar mer.", "Tre mål nåddes."],
                      ["Investeringar ökade.", "Driften höll budget.", "Prognosen stämde."],
                      ["Internkontrollen.", "Risker bedömdes.", "Inga avvikelser."]]
        let pages = bodies.enumerated().map { index, body in
            ["Valnämnden", "Verksamhetsberättelse 2023"] + body + ["Sida \(index + 1) av 4"]
        }
        let result = Normaliser().normalise(document(pages))
        for page in result.document.pages {
            XCTAssertEqual(page.lines.map(\.text), bodies[page.number - 1])
        }
        XCTAssertTrue(result.furniture.contains { $0.line.text == "Verksamhetsberättelse 2023" })
    }

    func testAFooterBlockSeveralLinesDeepLeavesTheFlow() {
        // A letterhead footer: the municipality, the department, the address, the page number.
        let bodies = [["Ärendet gäller bygglov.", "Sökanden vill bygga ett garage.", "Bedömning"],
                      ["Enheten bedömer att skälen finns.", "Beslutet kan överklagas."],
                      ["Expedieras till sökanden.", "Beslutet vinner laga kraft."]]
        let pages = bodies.enumerated().map { index, body in
            body + ["", "Alingsås kommun", "Samhällsbyggnadsförvaltningen\tPostadress: 441 81 Alingsås",
                    "Bygglovsenheten\tBesöksadress: Sveagatan 12\t\(index + 1) (3)", "bygglov@alingsas.se\tTelefon: 0322-61 60 00"]
        }
        let result = Normaliser().normalise(document(pages))
        for page in result.document.pages {
            XCTAssertEqual(page.lines.map(\.text).filter { !$0.isEmpty }, bodies[page.number - 1])
        }
    }

    func testALineSetLetterByLetterIsRejoinedFromItsWordGaps() {
        // A display title tracked wide: extraction makes most letters words of their own; the
        // gaps between words are several times the gaps between letters.
        var words: [SourceWord] = []
        var x = 60.0
        for (index, piece) in ["P", "r", "o", "dukti", "o", "n", "vs", ".", "k", "o", "n", "su", "m", "ti", "o", "n"].enumerated() {
            let wordStart = [6, 8].contains(index)
            if index > 0 { x += wordStart ? 12 : 3.5 }
            let width = 9.0 * Double(piece.count)
            words.append(SourceWord(text: piece, box: BoundingBox(x: x, y: 40, width: width, height: 18)))
            x += width
        }
        let line = SourceLine(text: words.map(\.text).joined(separator: " "), lineNumber: 1, words: words)
        let repaired = Normaliser().normalise(SourceDocument(name: "t.pdf", kind: .pdf, pages: [SourcePage(number: 1, lines: [line])]))
        XCTAssertEqual(repaired.document.pages[0].lines.first?.text, "Produktion vs. konsumtion")
        XCTAssertEqual(repaired.document.pages[0].lines.first?.words.map(\.text), ["Produktion", "vs.", "konsumtion"])
        // Ordinary text, whose words are longer than a letter or two, is left as it is.
        XCTAssertEqual(texts(["Nämnden har under året arbetat vidare med målen."]), ["Nämnden har under året arbetat vidare med målen."])
    }

    func testALoneFigureInADrawnCellIsNoPageNumber() {
        // A table ends the page; its last row's figure, centred low in its cell, is the page's
        // last line. Rules drawn on both sides of it make it the table's, not a page number.
        func line(_ text: String, _ number: Int, x: Double, y: Double) -> SourceLine {
            SourceLine(text: text, lineNumber: number, box: BoundingBox(x: x, y: y, width: 8, height: 10))
        }
        let lines = [line("Boende längs sträckan", 1, x: 60, y: 700), line("sträckan.", 2, x: 210, y: 712),
                     line("3", 3, x: 460, y: 724)]
        let ruled = [50.0, 200, 450, 500].map { x in
            PageRule(direction: .vertical, box: BoundingBox(x: x, y: 690, width: 0.5, height: 50))
        }
        // A border drawn round the whole page makes no cell of what it encloses.
        let border = [20.0, 575].map { x in
            PageRule(direction: .vertical, box: BoundingBox(x: x, y: 20, width: 0.5, height: 800))
        }
        for (rules, kept) in [(ruled, ["Boende längs sträckan", "sträckan.", "3"]), ([], ["Boende längs sträckan", "sträckan."]),
                              (border, ["Boende längs sträckan", "sträckan."])] {
            let page = SourcePage(number: 1, width: 595, height: 842, lines: lines, rules: rules)
            let result = Normaliser().normalise(SourceDocument(name: "t.pdf", kind: .pdf, pages: [page]))
            XCTAssertEqual(result.document.pages[0].lines.map(\.text), kept)
        }
    }

    func testPdftotextLayoutFurnitureIsFoundThoughPaddedDifferentlyOnEachPage() {
        // `pdftotext -layout` sets the two halves of a running header apart by however many spaces
        // each page needs, and a page number far to the right.
        let bodies = [["Inledning om året.", "Ekonomin gick bra.", "Personalen ökade."],
                      ["Målen följs upp.", "Analysen visar mer.", "Tre mål nåddes."],
                      ["Investeringar ökade.", "Driften höll budget.", "Prognosen stämde."]]
        let pages = bodies.enumerated().map { index, body in
            ["Linköpings kommun" + String(repeating: " ", count: 80 + index) + "Valnämndens internbudget 2024", ""] + body
                + ["", String(repeating: " ", count: 100 + index) + "\(index + 1) (12)"]
        }
        let result = Normaliser().normalise(document(pages))
        for page in result.document.pages {
            XCTAssertEqual(page.lines.map(\.text).filter { !$0.isEmpty }, bodies[page.number - 1])
        }
    }

    func testARunningFooterInTextWithoutFormFeedsIsRemoved() {
        let result = Normaliser().normalise(document([["slut på sidan.", "", "Årsbokslut 2023 12", "", "Nästa sida"]]))
        XCTAssertEqual(result.document.pages[0].lines.map(\.text), ["slut på sidan.", "", "", "Nästa sida"])
        XCTAssertEqual(result.furniture.map(\.line.text), ["Årsbokslut 2023 12"])
    }

    func testARunningTitleMovedIntoThePageByReadingOrderIsStillFurniture() {
        // Eight pages; the running title is at the page's edge on only three, mid-page on the others.
        let pages: [[String]] = (1...8).map { number in
            let body = ["Granskningen visar brister \(number).", "Mer om granskningen", "Nämnden har svarat."]
            let title = "Stadsrevisionens årsredogörelse 2024"
            return number <= 3 ? body + [title] : [body[0], title, body[1], body[2]]
        }
        let result = Normaliser().normalise(document(pages))
        for page in result.document.pages {
            XCTAssertFalse(page.lines.contains { $0.text.hasPrefix("Stadsrevisionens") }, "page \(page.number)")
            XCTAssertTrue(page.lines.contains { $0.text == "Mer om granskningen" })
        }
    }

    func testATableRowThatLooksLikeAFooterStays() {
        let result = Normaliser().normalise(document([["Delårsbokslut 0 178", "", "Bokslut 2023 178", "", "Text"]]))
        XCTAssertEqual(result.document.pages[0].lines.map(\.text), ["Delårsbokslut 0 178", "", "Bokslut 2023 178", "", "Text"])
        XCTAssertTrue(result.furniture.isEmpty)
    }

    /// A slide deck's titles repeat at the top of each slide with only the year changing; set
    /// in display type they are titles, while a small running header stays furniture.
    func testATitleInDisplayTypeIsNoRunningHeader() {
        let display = TextStyle(fontSize: 44, isBold: true), small = TextStyle(fontSize: 8), body = TextStyle(fontSize: 12)
        let pages = (0..<3).map { index in
            SourcePage(number: index + 1, width: 960, height: 540, lines: [
                SourceLine(text: "Ram \(2027 + index)", lineNumber: 1, style: display),
                SourceLine(text: ["Vård- och omsorgsnämnden 1 049 382", "Socialnämnden 274 077", "Tekniska nämnden 88 604"][index], lineNumber: 2, style: body),
                SourceLine(text: ["Kommunstyrelsen 157 429", "Bygg- och miljönämnden 18 394", "Kultur- och utbildningsnämnden 405 665"][index], lineNumber: 3, style: body),
                SourceLine(text: "Alingsås kommun, underlag ramar", lineNumber: 4, style: small),
                // A letterhead and a page number in large type are still furniture.
                SourceLine(text: "ALINGSÅS KOMMUN", lineNumber: 5, style: display),
                SourceLine(text: "\(index + 1)", lineNumber: 6, style: display),
            ])
        }
        let result = Normaliser().normalise(SourceDocument(name: "ramar.pdf", kind: .pdf, pages: pages))
        XCTAssertEqual(result.document.pages.map { $0.lines.first?.text }, ["Ram 2027", "Ram 2028", "Ram 2029"])
        XCTAssertEqual(Set(result.furniture.map(\.line.text)), ["Alingsås kommun, underlag ramar", "ALINGSÅS KOMMUN", "1", "2", "3"])
    }
}

