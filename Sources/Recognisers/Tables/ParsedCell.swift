import ReportModel
import SwedishReportLanguage

/// One cell of a row as read from text.
struct ParsedCell: Sendable, Hashable {
    /// The cell as printed.
    var text: String
    /// The number, nil for a text cell, a dash or an empty cell.
    var value: Double?
    /// The unit printed with the number.
    var unit: String?
    /// A comparator printed before the number.
    var comparator: ReportModel.Comparator?
    /// True for a number in parentheses.
    var preliminary: Bool = false
    /// True for a cell with nothing in it (an extra space).
    var isEmpty: Bool = false
    /// True when nothing decided how the row's digits split into numbers.
    var ambiguous: Bool = false

    /// An empty cell.
    static let empty = ParsedCell(text: "", value: nil, unit: nil, comparator: nil, isEmpty: true)

    /// True for a dash or an empty cell: nothing printed that a reader would call a value.
    var isBlank: Bool { isEmpty || TableVocabulary.dashes.contains(text) }
}

/// One way to read a row's figures: its cells, left to right.
struct RowCandidate: Sendable, Hashable {
    /// The cells; cell `i` belongs to column `i`.
    var cells: [ParsedCell]
    /// How many cells the reading has that are not empty.
    var filled: Int { cells.filter { !$0.isEmpty }.count }
}
