import Layout
import Recognisers
import ReportModel
import ReportSource

/// Runs layout and recognisers on text written for a test (one page, one line per line).
func recognise(_ text: String, name: String = "rapport.txt") -> Report {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
        SourceLine(text: String($1), lineNumber: $0 + 1)
    }
    let source = SourceDocument(name: name, kind: .text, pages: [SourcePage(number: 1, lines: lines)])
    return ReportRecogniser().recognise(LayoutAnalyser().analyse(source))
}

let longLine = "Under året har arbetet fortsatt enligt plan och nämnden bedömer att resultatet är gott i förhållande till målet."

/// A PDF line of cells, each starting at an x position, a column gap before each cell: its words get boxes
/// `letterWidth` points a character wide, on a baseline that moves down 14 pt a line.
func measuredLine(_ cells: [(String, Double)], number: Int, letterWidth: Double) -> SourceLine {
    var words: [SourceWord] = []
    for (text, x) in cells {
        var left = x
        for (index, word) in text.split(separator: " ").enumerated() {
            let width = Double(word.count) * letterWidth
            words.append(SourceWord(
                text: String(word), box: BoundingBox(x: left, y: Double(number) * 14, width: width, height: 10),
                startsColumn: index == 0 && !words.isEmpty))
            left += width + 3
        }
    }
    return SourceLine(text: cells.map(\.0).joined(separator: " "), lineNumber: number, words: words)
}
