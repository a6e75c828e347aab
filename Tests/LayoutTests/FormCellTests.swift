import Layout
import ReportSource
import XCTest

/// A form's answer cell that wraps onto lines of its own stays part of the form: its lines are
/// not headings, even where they read like labelled goals (`Fokusområde 13 …`).
final class FormCellTests: XCTestCase {
    private let body = TextStyle(fontName: "TimesNewRomanPSMT", fontSize: 11)

    /// A PDF line from words placed at x positions (each word 6 pt a letter wide), a column gap
    /// where `cells` says a new cell starts.
    private func line(_ cells: [(x: Double, text: String)], y: Double, number: Int) -> SourceLine {
        var words: [SourceWord] = []
        for cell in cells {
            var x = cell.x
            for (index, word) in cell.text.split(separator: " ").enumerated() {
                let width = Double(word.count) * 6
                words.append(SourceWord(
                    text: String(word), box: BoundingBox(x: x, y: y, width: width, height: 12), style: body,
                    startsColumn: index == 0 && !words.isEmpty))
                x += width + 3
            }
        }
        let minX = words.map(\.box.x).min() ?? 0, maxX = words.map(\.box.maxX).max() ?? 0
        return SourceLine(text: cells.map(\.text).joined(separator: " "), lineNumber: number,
                          box: BoundingBox(x: minX, y: y, width: maxX - minX, height: 12), style: body, words: words)
    }

    private func goalHeadings(_ lines: [SourceLine]) -> [String] {
        let doc = LayoutAnalyser().analyse(SourceDocument(name: "f.pdf", kind: .pdf, pages: [SourcePage(number: 1, lines: lines)]))
        return doc.blocks.filter { $0.kind == .heading && $0.isGoalHeading }.map { doc.text(of: $0) }
    }

    private let paragraph = "Projektet ska ge fler barn och unga en trygg och tillgänglig mötesplats under hela året."

    func testLinesOfAnAnswerCellAreNoGoalHeadings() {
        let form = [
            line([(74, paragraph)], y: 100, number: 1),
            SourceLine(text: "", lineNumber: 2),
            line([(74, "Vilket fokusområde stödjer"), (224, "Fokusområde 3 Kunskap och lärande")], y: 130, number: 3),
            line([(74, "projektet?"), (224, "Fokusområde 10 Hälsa och välbefinnande")], y: 143, number: 4),
            line([(224, "Fokusområde 11 Trygghet och samhällsgemenskap.")], y: 156, number: 5),
            line([(224, "Fokusområde 13 Hållbar kultur, friluftsliv och turism.")], y: 169, number: 6),
            SourceLine(text: "", lineNumber: 7),
            line([(74, paragraph)], y: 195, number: 8),
        ]
        XCTAssertEqual(goalHeadings(form), [])
        // A label and its answer too close for a column gap: the answer's first word still marks the column.
        var close = form
        close[2] = line([(74, "Stödjer fokusområde"), (224, "Fokusområde 3 Kunskap och lärande")], y: 130, number: 3)
        close[2].words = close[2].words.map { word in
            var word = word
            word.startsColumn = false
            return word
        }
        close.remove(at: 3)
        XCTAssertEqual(goalHeadings(close), [])
    }

    func testTheSameLinesOnTheirOwnAreGoalHeadings() {
        let alone = [
            line([(74, paragraph)], y: 100, number: 1),
            SourceLine(text: "", lineNumber: 2),
            line([(74, "Fokusområde 13 Hållbar kultur, friluftsliv och turism")], y: 130, number: 3),
            line([(74, paragraph)], y: 143, number: 4),
        ]
        XCTAssertEqual(goalHeadings(alone), ["Fokusområde 13 Hållbar kultur, friluftsliv och turism"])
        // A goal aligned under the title of the goal above it is a goal of its own, not a form's answer.
        let hanging = [
            line([(74, paragraph)], y: 100, number: 1),
            SourceLine(text: "", lineNumber: 2),
            line([(74, "Mål 1:"), (224, "Trygg och säker kommun")], y: 130, number: 3),
            line([(224, "Mål 2: Attraktiv kommun att bo i")], y: 143, number: 4),
            line([(74, paragraph)], y: 156, number: 5),
        ]
        XCTAssertEqual(goalHeadings(hanging).count, 2, "\(goalHeadings(hanging))")
    }
    func testTextInputAnswerCellsByCharacterColumn() {
        // pdftotext -layout output of the same form: the answer column is a character column.
        let text = """
        Projektet ska ge fler barn och unga en trygg och tillgänglig mötesplats under hela året.

        Vilket fokusområde stödjer          Fokusområde 3 Kunskap, livslångt lärande och utbildning
        projektet?                          Fokusområde 10 Hälsa och välbefinnande
                                            Fokusområde 13 Hållbar kultur, friluftsliv och turism.
        Vilket fokusområde stödjer projektet? Fokusområde 3 Kunskap, livslångt lärande, utbildning
                                              Fokusområde 7 Jämlikhet och jämställdhet

        Projektet ska ge fler barn och unga en trygg och tillgänglig mötesplats under hela året.
        """
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            SourceLine(text: String($1), lineNumber: $0 + 1)
        }
        let doc = LayoutAnalyser().analyse(SourceDocument(name: "f.txt", kind: .text, pages: [SourcePage(number: 1, lines: lines)]))
        XCTAssertEqual(doc.blocks.filter { $0.isGoalHeading }.map { doc.text(of: $0) }, [])
    }
}
