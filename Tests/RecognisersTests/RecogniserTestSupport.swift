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
