import Foundation

/// A table as read from the lines of a document, before it becomes model types.
struct TextTable: Sendable {
    /// What the rows of the table are.
    enum Kind: Sendable {
        /// Budget, accounting and statistics tables: rows of figures.
        case figures
        /// One indicator per row.
        case indicators
    }

    /// One row as read.
    struct Row: Sendable {
        /// The label, joined across the lines it wraps over.
        var label: String
        /// The layout lines the row was read from.
        var lines: ClosedRange<Int>
        /// The ways its figures can be read (empty for a group label without figures).
        var readings: [RowCandidate]
        /// The chosen cells, column by column.
        var cells: [ParsedCell] = []
        /// 0 for top rows, 1 for `varav` rows and rows under a group label.
        var level: Int = 0
        /// True for a sum row (`Summa`, `Totalt`).
        var isSum: Bool = false
        /// True when the line ended in a text cell, which a lower-case next line continues.
        var endsInText: Bool = false
    }

    /// The first line of the table (its header, or the name line of a labelled indicator).
    var start: Int
    /// One past the last line of the table.
    var end: Int
    /// The header.
    var header: ColumnHeader
    /// The first header line (to recognise the header repeated after a page break).
    var headerLine: Int
    /// What the rows are.
    var kind: Kind
    /// The rows in order.
    var rows: [Row]
    /// Notes printed under the table.
    var notes: [String]
    /// The name of a labelled indicator (`Indikator: …`) the first unlabelled row takes.
    var indicatorName: String?
}
