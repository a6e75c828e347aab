import Foundation

/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let yearPunctuation: Set<Unicode.Scalar> = [".", ",", ";", ":"]

/// What a row of words is, told from the column gaps the row builder measured: cells, and
/// whether the row reads as a row of figures. The table's structure (columns, stacked header
/// cells, wrapped labels) is the table stage's; the front-end only measures and reports.
enum RowCells {
    /// A row with a label and at least one number cell after a column gap.
    static func isBodyRow(_ row: Row, words: [Word]) -> Bool {
        let segs = segments(of: row)
        guard segs.count >= 2 else { return false }
        // A cell of figures: mostly numbers, and not only years (`Budget 2026` is a header, and
        // `i december 2023.` is text); dates are data (`2023-01-01`).
        return segs.dropFirst().contains { segment in
            let cell = row.words[segment]
            if cell.contains(where: { words[$0].traits.isDate }) { return true }
            let figures = cell.filter { words[$0].traits.isNumeric && !words[$0].traits.isYear }.count
            return figures > 0 && figures * 2 >= cell.count
        }
    }

    /// Word index ranges of a row between column gaps.
    static func segments(of row: Row) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in 1..<max(1, row.words.count) {
            if row.columnGapBefore[i - 1] {
                result.append(start..<i)
                start = i
            }
        }
        result.append(start..<row.words.count)
        return result
    }

    /// A number as tables print it: digits with sign, decimal comma, percent or parentheses.
    static func isNumeric(_ text: String) -> Bool {
        var digits = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": digits += 1
            case ",", ".": continue
            case "-", "−", "–", "+", "(": if offset > 0 && scalar != "(" { return false }
            case "%", ")", "*": continue
            default: return false
            }
        }
        return digits > 0
    }

    /// `2026`: a year in a label or header, never a cell of its own by alignment alone.
    static func isYear(_ text: String) -> Bool {
        // Stray punctuation off both ends (as trimming ".,;:" would), without Foundation's cost per word.
        var view = text.unicodeScalars[...]
        while let first = view.first, yearPunctuation.contains(first) { view = view.dropFirst() }
        while let last = view.last, yearPunctuation.contains(last) { view = view.dropLast() }
        let bare = String(String.UnicodeScalarView(view))
        return bare.count == 4 && (bare.hasPrefix("19") || bare.hasPrefix("20")) && bare.allSatisfy(\.isNumber)
    }

    /// `2023-01-01`: a date cell.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
