import ReportSource

/// What a figure measures.
public enum Measure: String, Codable, Sendable, CaseIterable {
    case outcome, target, baseline, forecast, budget, other
}

/// A comparator printed before a value (`≤38`, `>73,5`).
public enum Comparator: String, Codable, Sendable, CaseIterable {
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="
    case approximately = "~"
}

/// An indicator (indikator, nyckeltal) with its values.
public struct Indicator: Codable, Sendable, Hashable {
    /// Deterministic id (`i2`).
    public var id: String
    /// The goal it is printed under, if any.
    public var goalId: String?
    /// The indicator's name, joined across lines.
    public var name: String
    /// The unit the indicator states (`%`, `kr`, `index`), else nil.
    public var unit: String?
    /// Its values, one per column.
    public var values: [IndicatorValue]
    /// Where it was printed.
    public var provenance: Provenance

    /// Creates an indicator.
    public init(
        id: String, goalId: String? = nil, name: String, unit: String? = nil, values: [IndicatorValue] = [],
        provenance: Provenance
    ) {
        self.id = id
        self.goalId = goalId
        self.name = name
        self.unit = unit
        self.values = values
        self.provenance = provenance
    }
}

/// One value of an indicator: a column of its row.
public struct IndicatorValue: Codable, Sendable, Hashable {
    /// The column header as printed (`Periodens utfall`, `Mål 2023`).
    public var column: String
    /// The year the column refers to, where known.
    public var year: Int?
    /// What the column measures.
    public var measure: Measure
    /// The number, nil for a non-numeric cell (`I.U.`, `Öka`).
    public var value: Double?
    /// The unit (`%`, `kr`, `tkr`, `index`), else nil.
    public var unit: String?
    /// A comparator printed before the number.
    public var comparator: Comparator?
    /// True when the value is printed as preliminary (`(73)`).
    public var preliminary: Bool
    /// The cell exactly as printed.
    public var text: String
    /// Where it was printed.
    public var provenance: Provenance

    /// Creates an indicator value.
    public init(
        column: String, year: Int? = nil, measure: Measure, value: Double?, unit: String? = nil,
        comparator: Comparator? = nil, preliminary: Bool = false, text: String, provenance: Provenance
    ) {
        self.column = column
        self.year = year
        self.measure = measure
        self.value = value
        self.unit = unit
        self.comparator = comparator
        self.preliminary = preliminary
        self.text = text
        self.provenance = provenance
    }
}

/// A column of a table of figures.
public struct TableColumn: Codable, Sendable, Hashable {
    /// The header as printed, joined across lines (`Avv. Bokslut 2023/ Budget 2023`).
    public var header: String
    /// The year it refers to, where the header names one.
    public var year: Int?
    /// What the column measures.
    public var measure: Measure

    /// Creates a column.
    public init(header: String, year: Int? = nil, measure: Measure) {
        self.header = header
        self.year = year
        self.measure = measure
    }
}

/// One cell of a table of figures.
public struct TableCell: Codable, Sendable, Hashable {
    /// Index into the table's columns.
    public var columnIndex: Int
    /// The number, nil for a non-numeric cell.
    public var value: Double?
    /// The unit of the cell (from the cell, the column or the caption).
    public var unit: String?
    /// The value in kronor for money cells (tkr × 1 000, mnkr × 1 000 000).
    public var valueSEK: Double?
    /// True when the printed text could be split into numbers more than one way and nothing decided.
    public var ambiguous: Bool
    /// The cell exactly as printed.
    public var text: String

    /// Creates a cell.
    public init(
        columnIndex: Int, value: Double?, unit: String? = nil, valueSEK: Double? = nil, ambiguous: Bool = false,
        text: String
    ) {
        self.columnIndex = columnIndex
        self.value = value
        self.unit = unit
        self.valueSEK = valueSEK
        self.ambiguous = ambiguous
        self.text = text
    }
}

/// One row of a table of figures.
public struct TableRow: Codable, Sendable, Hashable {
    /// The row label, joined across lines.
    public var label: String
    /// 0 for top rows, 1 for `varav` and indented sub-rows.
    public var level: Int
    /// True for sums (`Summa`, `Totalt`, `Nettokostnad`).
    public var isSum: Bool
    /// Index of the row this one is nested under (the nearest row above with a smaller level).
    public var parent: Int?
    /// The row's cells.
    public var cells: [TableCell]
    /// Where the row was printed.
    public var provenance: Provenance

    /// Creates a row.
    public init(
        label: String, level: Int = 0, isSum: Bool = false, parent: Int? = nil, cells: [TableCell], provenance: Provenance
    ) {
        self.label = label
        self.level = level
        self.isSum = isSum
        self.parent = parent
        self.cells = cells
        self.provenance = provenance
    }
}

/// A budget, accounting or statistics table.
public struct ReportTable: Codable, Sendable, Hashable {
    /// Deterministic id (`t1`).
    public var id: String
    /// The caption or nearest heading.
    public var title: String?
    /// The unit the table states (`tkr`, `mnkr`), else nil.
    public var unit: String?
    /// The columns.
    public var columns: [TableColumn]
    /// The rows.
    public var rows: [TableRow]
    /// Notes printed under the table (`*utifrån …`).
    public var notes: [String]
    /// Arithmetic checks of the table's sum rows and difference columns.
    public var checks: [TableCheck]
    /// Where the table was printed (its first page, for a table over several).
    public var provenance: Provenance
    /// Where the table was printed, one entry a page: a table going on over a page break has
    /// one entry for each page, each with its own lines and box.
    public var spans: [Provenance]

    /// Creates a table.
    public init(
        id: String, title: String?, unit: String?, columns: [TableColumn], rows: [TableRow], notes: [String] = [],
        checks: [TableCheck] = [], provenance: Provenance, spans: [Provenance]? = nil
    ) {
        self.id = id
        self.title = title
        self.unit = unit
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.checks = checks
        self.provenance = provenance
        self.spans = spans ?? [provenance]
    }
}

/// One arithmetic check of a table: a sum row against the rows it sums, or a difference column
/// against the two columns it compares. A check that fails says the table was printed or read
/// inconsistently there.
public struct TableCheck: Codable, Sendable, Hashable {
    /// What is checked.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A sum row (`Summa`, `Totalt`) against the rows above it.
        case sum
        /// A difference column (`Avvikelse`, `Differens`) against the two columns it compares.
        case difference
        /// A vote's result row (`Resultat`) against the marks (`X`) counted in each column above it.
        case tally
    }

    /// What is checked.
    public var kind: Kind
    /// Index of the row checked.
    public var row: Int
    /// Index of the column checked.
    public var column: Int
    /// What the other cells make it: the sum of the rows, or the difference of the columns.
    public var expected: Double
    /// The value printed in the cell.
    public var printed: Double
    /// True when the printed value is the expected one within the rounding of the printed figures.
    public var holds: Bool
    /// The rows (sum) or the two columns (difference, minuend first) the expectation is made of.
    public var terms: [Int]

    /// Creates a check.
    public init(kind: Kind, row: Int, column: Int, expected: Double, printed: Double, holds: Bool, terms: [Int]) {
        self.kind = kind
        self.row = row
        self.column = column
        self.expected = expected
        self.printed = printed
        self.holds = holds
        self.terms = terms
    }
}
