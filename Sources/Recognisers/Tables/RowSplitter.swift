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
        // A word that counts takes the small number after it (`Meritvärde årskurs 9`, `Dag 1–14`),
        // which would otherwise be read as the thousands of the first cell.
        if start < tokens.count - 1, start > 0, tokens[start].kind == .number,
            tokens[start].text.count <= 2, tokens[start].text.allSatisfy(\.isNumber),
            tokens[start - 1].kind == .text, countingWords.contains(tokens[start - 1].text.lowercased())
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

    /// Words followed by the number they count: school years, quarters, stages.
    static let countingWords: Set<String> = [
        "årskurs", "åk", "åk.", "klass", "kvartal", "tertial", "vecka", "nivå", "steg", "etapp", "fas", "grupp",
        "område", "distrikt", "zon",
    ]

    /// True when the tokens hold a figure: a number, or (in indicator tables) a missing-value marker.
    static func holdsValue(_ tokens: [ValueToken], allowMarkers: Bool) -> Bool {
        if tokens.contains(where: { $0.kind == .number }) { return true }
        guard allowMarkers else { return false }
        return tokens.contains(where: { $0.kind == .marker && $0.text != "*" })
    }

    /// The cells of a line laid out with runs of spaces between its columns (`pdftotext -layout`):
    /// there a run of two or more spaces is a measured column gap and a single space groups
    /// thousands. Nil unless every gap-separated part after the label reads as one cell.
    static func alignedCells(_ text: String, columns: Int) -> (label: String, cells: [ParsedCell])? {
        let parts = text.trimming(.whitespaces)
            .components(separatedBy: "  ").map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
        guard parts.count >= 2 else { return nil }
        var label = ""
        var values = parts[...]
        if let first = parts.first, ValueToken.tokens(of: first).contains(where: { $0.kind == .text }) {
            // A label part that ends in figures is no label: the gaps are empty cells, not a layout.
            guard ValueToken.tokens(of: first).last?.kind == .text else { return nil }
            label = first
            values = parts.dropFirst()
        }
        guard values.count >= 2, values.count <= columns else { return nil }
        var cells: [ParsedCell] = []
        for part in values {
            let tokens = ValueToken.tokens(of: part)
            guard tokens.allSatisfy(\.isValueLike), tokens.contains(where: { $0.kind == .number || $0.kind == .marker || $0.kind == .dash }),
                let reading = CellSegmenter.candidates(tokens, columns: 1).first(where: { $0.cells.count == 1 })
            else { return nil }
            cells.append(reading.cells[0])
        }
        // Only a layout where some cell holds a thousands group says more than single spaces would.
        guard cells.contains(where: { $0.text.contains(" ") && $0.value != nil }) else { return nil }
        return (label, cells)
    }
}
