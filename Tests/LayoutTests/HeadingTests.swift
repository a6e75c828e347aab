import Layout
import ReportSource
import SwedishReportLanguage
import XCTest

/// Headings in text input are known by shape and by what follows them.
final class HeadingTests: XCTestCase {
    static let paragraph = "Nämnden har under året arbetat med att förbättra servicen till invånarna och företagen i hela kommunen,"
    static let sentence = "Valen genomfördes utan anmärkningar och alla som ville rösta kunde göra det i god tid."
    static let paragraph2 = "vilket har gett resultat i form av kortare handläggningstider och en högre nöjdhet bland brukarna."

    private func layout(_ text: String) -> LayoutDocument {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            SourceLine(text: String($1), lineNumber: $0 + 1)
        }
        return LayoutAnalyser().analyse(SourceDocument(name: "t.txt", kind: .text, pages: [SourcePage(number: 1, lines: lines)]))
    }

    private func headings(_ text: String) -> [String] {
        let doc = layout(text)
        return doc.blocks.filter { $0.kind == .heading }.map { doc.text(of: $0) }
    }

    func testShortLineOverRunningTextIsAHeading() {
        XCTAssertEqual(headings("Ekonomisk uppföljning\n\(Self.paragraph)\n\(Self.paragraph2)"), ["Ekonomisk uppföljning"])
    }

    func testColumnWordsOverRunningTextNameASection() {
        // `Utfall och prognos` is made of words tables head columns with; over running text
        // and no rows it names the section, over rows it heads their columns.
        XCTAssertEqual(headings("Utfall och prognos\n\(Self.paragraph)\n\(Self.paragraph2)"), ["Utfall och prognos"])
        // Justified in `pdftotext -layout`: a double space between words is no column gap.
        let justified = Self.paragraph.replacingOccurrences(of: " och ", with: "  och  ")
        XCTAssertEqual(headings("Utfall och prognos\n\(justified)\n\(Self.paragraph2)"), ["Utfall och prognos"])
        XCTAssertEqual(headings("""
            \(Self.sentence)

            Utfall och prognos
            Intäkter                      1 200        1 300
            Kostnader                    -9 000       -9 100
            """), [])
        // Column words over a table's cell that wraps (an activity's title) end no sentence.
        XCTAssertEqual(headings("""
            \(Self.sentence)
            Aktivitet Startdatum Slutdatum Avvikelse

            Nämnder och bolagsstyrelser ska under ledning av kommunstyrelsen medverka i upprättandet av
            stadens krigsorganisation och dess bemanning
            """), [])
    }

    func testFieldLabelsSentencesAndFiguresAreNotHeadings() {
        let text = """
            Analys
            \(Self.paragraph)
            \(Self.paragraph2)

            Nämnden redovisar ett överskott.
            \(Self.paragraph)

            Delprogram Budget Utfall Utfall %

            Summa 7 700 7424 96
            """
        XCTAssertEqual(headings(text), [])
    }

    func testAHeadingOverAnotherHeadingOverTextChains() {
        let text = "Särskilda redovisningar\n\nIntern kontroll\n\(Self.paragraph)\n\(Self.paragraph2)"
        XCTAssertEqual(headings(text), ["Särskilda redovisningar", "Intern kontroll"])
    }

    func testAHeadingOverAnEmptySectionDash() {
        XCTAssertEqual(headings("Investeringar\n-\n\nÖvrigt\n-\n\n\(Self.paragraph)"), ["Investeringar", "Övrigt"])
    }

    func testFormFieldsAndYearSpansAreNotHeadings() {
        let text = "Organisation: Kultur- och fritidsnämnden\n\(Self.paragraph)\n\n2027-2028\n\(Self.paragraph)"
        XCTAssertEqual(headings(text), [])
    }

    func testARegistrationNumberIsNoHeadingHoweverItIsSet() {
        // On a cover in its own type, alone over the title: a document's field all the same.
        let body = TextStyle(fontName: "Arial", fontSize: 10)
        let lines = [
            SourceLine(text: "Dnr. KS 2013/375", lineNumber: 1, style: TextStyle(fontName: "Helvetica", fontSize: 12)),
            SourceLine(text: "", lineNumber: 2),
            SourceLine(text: "Klimatstrategi", lineNumber: 3, style: TextStyle(fontName: "Arial-Bold", fontSize: 24, isBold: true)),
            SourceLine(text: Self.paragraph, lineNumber: 4, style: body),
        ]
        let doc = LayoutAnalyser().analyse(SourceDocument(name: "p.pdf", kind: .pdf, pages: [SourcePage(number: 1, lines: lines)]))
        XCTAssertEqual(doc.blocks.filter { $0.kind == .heading }.map { doc.text(of: $0) }, ["Klimatstrategi"])
        XCTAssertEqual(headings("Diarienummer: 2026.027\n\(Self.paragraph)"), [])
    }

    func testTableCellFragmentsAreNotHeadings() {
        let text = """
            Vi drabbas av
            cyberhot

            Risk för nedstängning och
            skada på IT-miljön om
            kommunen drabbas av en

            Tillbud
            Tillbud eller olyckor där fordon

            \(Self.paragraph)
            \(Self.paragraph2)
            """
        XCTAssertEqual(headings(text), [])
    }

    func testLabelledGoalLinesAreGoalHeadingsWithTheirWrappedTitle() {
        let doc = layout("Nämndmål: 3.1.1 Alla ska ha goda möjligheter att rösta i alla val och i alla\ndelar av kommunen\n\nUppfylls helt")
        let goal = doc.blocks.first { $0.kind == .heading }
        XCTAssertEqual(goal?.isGoalHeading, true)
        XCTAssertEqual(goal.map { doc.text(of: $0) }, "Nämndmål: 3.1.1 Alla ska ha goda möjligheter att rösta i alla val och i alla delar av kommunen")
        XCTAssertEqual(doc.blocks.last?.kind, .assessment)
    }

    func testFontSizeMakesAHeadingInPDFInput() {
        let body = TextStyle(fontName: "Arial", fontSize: 10)
        let big = TextStyle(fontName: "Arial-Bold", fontSize: 13, isBold: true)
        let title = TextStyle(fontName: "Arial-Bold", fontSize: 18, isBold: true)
        let lines = [
            SourceLine(text: "Verksamhetsberättelse", lineNumber: 1, style: title),
            SourceLine(text: Self.paragraph, lineNumber: 2, style: body),
            SourceLine(text: "Ekonomi i balans", lineNumber: 3, style: big),
            SourceLine(text: "Kort rad", lineNumber: 4, style: body),
            SourceLine(text: Self.paragraph, lineNumber: 5, style: body),
        ]
        let doc = LayoutAnalyser().analyse(SourceDocument(name: "p.pdf", kind: .pdf, pages: [SourcePage(number: 1, lines: lines)]))
        let headings = doc.blocks.filter { $0.kind == .heading }
        XCTAssertEqual(headings.map { doc.text(of: $0) }, ["Verksamhetsberättelse", "Ekonomi i balans"])
        // Levels are the ranks of the heading styles in the document: 18 pt before 13 pt.
        XCTAssertEqual(headings.map(\.level), [1, 2])
    }

    /// A title's lines in large type stand so far apart that a blank line comes between them:
    /// still one heading when the lower goes on in lower case, or the title is in display type;
    /// a numbered heading over another heading of its style stays two.
    func testATitleSpreadOverWidelySpacedLinesIsOneHeading() {
        let body = TextStyle(fontName: "Arial", fontSize: 10)
        let display = TextStyle(fontName: "Arial-Bold", fontSize: 28, isBold: true)
        let heading = TextStyle(fontName: "Arial-Bold", fontSize: 14, isBold: true)
        var y = 40.0
        func line(_ text: String, _ style: TextStyle, gapAfter: Double = 4) -> [SourceLine] {
            let size = style.fontSize ?? 10
            let box = BoundingBox(x: 50, y: y, width: Double(text.count) * size * 0.5, height: size)
            y += size + gapAfter
            let printed = SourceLine(text: text, lineNumber: 0, box: box, style: style)
            return gapAfter >= size / 2 ? [printed, SourceLine(text: "", lineNumber: 0)] : [printed]
        }
        let lines = line("Ekonomisk uppföljning maj", display, gapAfter: 16) + line("Barn- och ungdomsnämnden", display, gapAfter: 30)
            + line("Synpunkter som kan aktualisera pröv-", heading, gapAfter: 8) + line("ning", heading, gapAfter: 20)
            + line(Self.paragraph, body) + line("8 Miljöskyddsnämnden", heading, gapAfter: 8)
            + line("Enhetens synpunkter", heading, gapAfter: 20) + line(Self.paragraph, body)
        let numbered = lines.enumerated().map { index, line in
            var line = line
            line.lineNumber = index + 1
            return line
        }
        let doc = LayoutAnalyser().analyse(SourceDocument(name: "t.pdf", kind: .pdf, pages: [SourcePage(number: 1, lines: numbered)]))
        let headings = doc.blocks.filter { $0.kind == .heading }.map { TableWords.joinWrapped(doc.lines[$0.lineRange].map(\.text)) }
        XCTAssertEqual(headings, [
            "Ekonomisk uppföljning maj Barn- och ungdomsnämnden", "Synpunkter som kan aktualisera prövning",
            "8 Miljöskyddsnämnden", "Enhetens synpunkter",
        ])
    }

    /// The headings of PDF lines in one size, each in bold or not.
    private func boldHeadings(_ lines: [(String, Bool)]) -> [String] {
        let body = TextStyle(fontName: "ArialMT", fontSize: 11)
        let bold = TextStyle(fontName: "Arial-BoldMT", fontSize: 11, isBold: true)
        let source = lines.enumerated().map { SourceLine(text: $1.0, lineNumber: $0 + 1, style: $1.1 ? bold : body) }
        let doc = LayoutAnalyser().analyse(SourceDocument(name: "b.pdf", kind: .pdf, pages: [SourcePage(number: 1, lines: source)]))
        return doc.blocks.filter { $0.kind == .heading }.map { doc.text(of: $0) }
    }

    func testAHeadingMayEndOnAnAbbreviationsFullStop() {
        XCTAssertEqual(boldHeadings([("3.1. Tillämpningsområde m.m.", true), (Self.paragraph, false)]), ["3.1. Tillämpningsområde m.m."])
        XCTAssertEqual(boldHeadings([("Nämnden beslutade.", true), (Self.paragraph, false)]), [])
    }

    func testAValueDefinedOnAScaleIsNoHeadingHoweverItIsSet() {
        XCTAssertEqual(boldHeadings([("1 = Medelhögt värde", true), (Self.paragraph, false)]), [])
        XCTAssertEqual(boldHeadings([("Bedömningsskala", true), (Self.paragraph, false)]), ["Bedömningsskala"])
    }

    func testAFieldWordInBoldWithNoColonOverItsParagraphIsAHeading() {
        // `Kommentar` in bold over the comment on a table: a section. With a colon it labels a
        // field, as it does in plain type.
        XCTAssertEqual(boldHeadings([("Drift", true), (Self.paragraph, false), ("", false), ("Kommentar", true), (Self.paragraph, false)]),
                       ["Drift", "Kommentar"])
        XCTAssertEqual(boldHeadings([("Drift", true), (Self.paragraph, false), ("", false), ("Kommentar:", true), (Self.paragraph, false)]),
                       ["Drift"])
        XCTAssertEqual(boldHeadings([("Drift", true), (Self.paragraph, false), ("", false), ("Kommentar", false), (Self.paragraph, false)]),
                       ["Drift"])
    }

    func testAFieldWordRepeatedUnderEveryGoalOrRightUnderAnAssessmentIsAFormsField() {
        // A goal form: the assessment, then its fields in bold (`Förväntat resultat`, `Analys`).
        var lines: [(String, Bool)] = []
        for goal in 1...3 {
            lines += [("Nämndmål \(goal): Alla ska ha goda möjligheter att rösta", true), ("Uppfylls helt", false), ("", false),
                      ("Förväntat resultat", goal == 1), (Self.sentence, false), ("", false), ("Analys", true), (Self.sentence, false),
                      ("", false)]
        }
        // A field printed once, right under an assessment, is the form's too.
        lines += [("Nämndmål 4: Valen ska vara tillgängliga för alla", true), ("Uppfylls helt", false), ("", false),
                  ("Kommentar", true), (Self.sentence, false), ("", false)]
        let found = boldHeadings(lines)
        XCTAssertFalse(found.contains("Analys"), "\(found)")
        XCTAssertFalse(found.contains("Förväntat resultat"), "\(found)")
        XCTAssertFalse(found.contains("Kommentar"), "\(found)")
    }

    func testWhereHeadingsAreTaggedThroughoutAnUntaggedLineIsAHeadingOnlyInATaggedHeadingsType() {
        let h1 = TextStyle(fontName: "Arial-BoldMT", fontSize: 20, isBold: true)
        let h2 = TextStyle(fontName: "Arial-BoldMT", fontSize: 14, isBold: true)
        let body = TextStyle(fontName: "ArialMT", fontSize: 11)
        let cover = TextStyle(fontName: "Arial-BoldMT", fontSize: 36, isBold: true)
        let chartTitle = TextStyle(fontName: "ArialMT", fontSize: 14)
        let band = TextStyle(fontName: "Arial-BoldMT", fontSize: 11, isBold: true)
        var lines = [SourceLine(text: "Kompetensförsörjningsplan", lineNumber: 1, style: cover), SourceLine(text: "", lineNumber: 2)]
        for n in 1...6 {
            lines += [
                SourceLine(text: "\(n). Avsnitt nummer \(n)", lineNumber: lines.count + 1, style: h1, role: "H1"),
                SourceLine(text: Self.sentence, lineNumber: lines.count + 2, style: body, role: "P"),
                SourceLine(text: "", lineNumber: lines.count + 3),
                SourceLine(text: "Underavsnitt \(n)", lineNumber: lines.count + 4, style: h2, role: "H2"),
                SourceLine(text: Self.sentence, lineNumber: lines.count + 5, style: body, role: "P"),
                SourceLine(text: "", lineNumber: lines.count + 6),
            ]
        }
        lines += [
            SourceLine(text: "Antal obehöriga lärare över tid", lineNumber: lines.count + 1, style: chartTitle),
            SourceLine(text: "", lineNumber: lines.count + 2),
            SourceLine(text: "Förskola", lineNumber: lines.count + 3, style: band),
            SourceLine(text: "", lineNumber: lines.count + 4),
            SourceLine(text: Self.sentence, lineNumber: lines.count + 5, style: body, role: "P"),
            SourceLine(text: "", lineNumber: lines.count + 6),
            SourceLine(text: "6.1 Lärotider", lineNumber: lines.count + 7, style: band),
            SourceLine(text: Self.sentence, lineNumber: lines.count + 8, style: body, role: "P"),
            SourceLine(text: "", lineNumber: lines.count + 9),
            SourceLine(text: "3 Exklusive reservkraftverk", lineNumber: lines.count + 10, style: band),
            SourceLine(text: "", lineNumber: lines.count + 11),
            SourceLine(text: Self.sentence, lineNumber: lines.count + 12, style: body, role: "P"),
        ]
        let doc = LayoutAnalyser().analyse(SourceDocument(name: "t.pdf", kind: .pdf, pages: [SourcePage(number: 1, lines: lines)]))
        let found = doc.blocks.filter { $0.kind == .heading }.map { doc.text(of: $0) }
        // The cover's title (larger than any tagged heading) and a numbered section stay.
        XCTAssertTrue(found.contains("Kompetensförsörjningsplan"), "\(found)")
        XCTAssertTrue(found.contains("6.1 Lärotider"), "\(found)")
        for untagged in ["Antal obehöriga lärare över tid", "Förskola", "3 Exklusive reservkraftverk"] {
            XCTAssertFalse(found.contains(untagged), "\(untagged) in \(found)")
        }
    }

    /// Lines of a PDF page all in one font, with the roles a tagged PDF's structure tree gave them.
    private func taggedHeadings(_ lines: [(String, String?, Bool)]) -> [(String, Int?)] {
        let body = TextStyle(fontName: "ArialMT", fontSize: 11)
        let bold = TextStyle(fontName: "Arial-BoldMT", fontSize: 11, isBold: true)
        let source = lines.enumerated().map { index, line in
            SourceLine(text: line.0, lineNumber: index + 1, style: line.2 ? bold : body, role: line.1)
        }
        let doc = LayoutAnalyser().analyse(SourceDocument(name: "t.pdf", kind: .pdf, pages: [SourcePage(number: 1, lines: source)]))
        return doc.blocks.filter { $0.kind == .heading }.map { (doc.text(of: $0), $0.level) }
    }

    func testATaggedHeadingInTheBodyFontIsAHeadingAtItsTaggedLevel() {
        let found = taggedHeadings([
            ("Verksamhetens resultat", "H3", false),
            (Self.paragraph, "P", false),
            (Self.paragraph2, "P", false),
        ])
        XCTAssertEqual(found.map(\.0), ["Verksamhetens resultat"])
        XCTAssertEqual(found.map(\.1), [3])
        // H5 and H6 are capped at the model's deepest level.
        XCTAssertEqual(taggedHeadings([("Särskilda insatser", "H6", false), (Self.paragraph, nil, false)]).map(\.1), [4])
    }

    func testATaggedParagraphOrCellIsNotAHeadingThoughBold() {
        for role in ["P", "TD", "TH"] {
            let found = taggedHeadings([
                ("Verksamhetens resultat", role, true),
                (Self.paragraph, nil, false),
                (Self.paragraph2, nil, false),
            ])
            XCTAssertEqual(found.map(\.0), [], role)
        }
        // The same bold line untagged is a heading by its style: the tag is what changed.
        XCTAssertEqual(taggedHeadings([("Verksamhetens resultat", nil, true), (Self.paragraph, nil, false)]).map(\.0),
                       ["Verksamhetens resultat"])
    }
}
