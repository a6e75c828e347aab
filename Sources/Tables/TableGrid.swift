/// A table read from geometry: where it is, its header tree, its rows and its cells.
///
/// The table stage finds grids from the positions of words alone; what the columns and rows mean
/// (years, measures, units, sums) is for the recognisers to say.
public struct TableGrid: Sendable, Hashable {
    /// The layout lines the table covers, header included: indices into `LayoutDocument.lines`.
    public var lines: Range<Int>
    /// The header's lines, empty when the table has no header.
    public var headerLines: Range<Int>
    /// The text over the row labels (a unit such as `Belopp i tkr`, or a caption), possibly empty.
    public var stub: String
    /// The columns left to right (the row labels are not a column).
    public var columns: [GridColumn]
    /// The body rows top to bottom, group rows without cells included.
    public var rows: [GridRow]
    /// 1-based physical pages the table is printed on, in order.
    public var pages: [Int]
    /// Columns of short codes (priority, status, project number) before the row labels, left
    /// to right; a row's codes are its `identifiers`.
    public var identifierColumns: [GridColumn] = []

    /// Creates a grid.
    public init(lines: Range<Int>, headerLines: Range<Int>, stub: String, columns: [GridColumn], rows: [GridRow], pages: [Int]) {
        self.lines = lines
        self.headerLines = headerLines
        self.stub = stub
        self.columns = columns
        self.rows = rows
        self.pages = pages
    }
}

/// One column of a grid.
public struct GridColumn: Sendable, Hashable {
    /// The column's name: its header cells from the top down, group cells first (`Helår Budget`).
    public var header: String
    /// The header cells the name was joined from, top down.
    public var headerParts: [String]
    /// True when most of the column's body cells are numbers.
    public var isNumeric: Bool
    /// Left and right edge of the column, in the line's own units (points, or characters for text).
    public var span: ClosedRange<Double>

    /// Creates a column.
    public init(header: String, headerParts: [String], isNumeric: Bool, span: ClosedRange<Double>) {
        self.header = header
        self.headerParts = headerParts
        self.isNumeric = isNumeric
        self.span = span
    }
}

/// One body row of a grid.
public struct GridRow: Sendable, Hashable {
    /// The row label, joined across the lines it wraps over.
    public var label: String
    /// The layout lines the row was read from.
    public var lines: ClosedRange<Int>
    /// 0 for rows at the left margin of the labels, growing with indentation.
    public var level: Int
    /// Index of the row this one is nested under (the nearest row above with a smaller level).
    public var parent: Int?
    /// The row's cells, left to right; columns with nothing printed have no cell.
    public var cells: [GridCell]
    /// The row's codes in the identifier columns (`column` indexes `identifierColumns`).
    public var identifiers: [GridCell] = []

    /// Creates a row.
    public init(label: String, lines: ClosedRange<Int>, level: Int = 0, parent: Int? = nil, cells: [GridCell]) {
        self.label = label
        self.lines = lines
        self.level = level
        self.parent = parent
        self.cells = cells
    }
}

/// One cell of a grid row.
public struct GridCell: Sendable, Hashable {
    /// Index into the grid's columns.
    public var column: Int
    /// The cell as printed, joined across the lines it wraps over.
    public var text: String

    /// Creates a cell.
    public init(column: Int, text: String) {
        self.column = column
        self.text = text
    }
}
