import Foundation
import SwedishReportLanguage

/// Splits a text line of a table into its row label and the tokens of its cells.
enum RowSplitter {
    /// The label and value tokens of a line.
    ///
    /// The cells are the longest run of figure-like tokens at the end of the line. Where a table
    /// may hold text cells (indicator tables: `Öka`, `Tas fram`), a short run of words between
    /// figures is a cell too. A year right after a column word (`Bokslut 2023 178`) names the row,
    /// and numbers that cannot all be cells (more than the columns) begin the label (`10 Nämnd`).
    static func split(_ text: String, columns: Int, allowTextCells: Bool) -> (label: String, values: [ValueToken]) {
        let tokens = ValueToken.tokens(of: text)
        var start = tokens.count
        while start > 0, tokens[start - 1].isValueLike { start -= 1 }
        if allowTextCells {
            while true {
                var j = start
                while j > 0, tokens[j - 1].kind == .text { j -= 1 }
                let run = start - j
                guard run > 0, run <= 4 else { break }
                var k = j
                while k > 0, tokens[k - 1].isValueLike { k -= 1 }
                guard tokens[k..<j].contains(where: { $0.kind != .empty }) else { break }
                start = k
            }
        }
        while start < tokens.count, tokens[start].kind == .empty { start += 1 }
        if start < tokens.count, start > 0, ReportVocabulary.isYear(tokens[start].text),
            tokens[start - 1].kind == .text, TableVocabulary.isHead(tokens[start - 1].text.lowercased())
        {
            start += 1
        }
        // Numbers beyond the columns belong to the label, when there is a label to hold them.
        while start > 0, start < tokens.count - 1, tokens[start].kind == .number {
            let values = Array(tokens[start...])
            let readings = CellSegmenter.candidates(values, columns: columns)
            if readings.contains(where: { $0.filled <= columns }) { break }
            start += 1
        }
        let label = tokens[..<start].map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
        return (label, Array(tokens[start...]))
    }

    /// True when the tokens hold a figure: a number, or (in indicator tables) a missing-value marker.
    static func holdsValue(_ tokens: [ValueToken], allowMarkers: Bool) -> Bool {
        if tokens.contains(where: { $0.kind == .number }) { return true }
        guard allowMarkers else { return false }
        return tokens.contains(where: { $0.kind == .marker && $0.text != "*" })
    }
}
