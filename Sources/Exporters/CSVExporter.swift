import Foundation
import ReportModel
import ReportSource

/// The tidy facts as CSV: one file per fact kind, UTF-8, a header row, RFC 4180 quoting.
///
/// The rows are ``FactsExporter``'s records, so the columns are the facts' field names in the
/// facts' order; a kind's file has the same columns whether or not a report has such facts.
public struct CSVExporter: Sendable {
    /// The fact kinds, one CSV file each (`goal.csv`, `tableCell.csv`, …).
    public static let kinds = ["report", "heading", "goal", "indicator", "indicatorValue", "tableCell", "tableCheck", "assignment", "warning"]

    /// How the file is written.
    public enum Dialect: String, Sendable, CaseIterable {
        /// RFC 4180: comma between fields, point in decimals, UTF-8 without a byte-order mark;
        /// what databases and loaders read.
        case rfc4180
        /// What Swedish Excel opens directly: semicolon between fields, decimal comma, and a
        /// UTF-8 byte-order mark so that å, ä and ö read right.
        case excel

        /// The field separator.
        public var separator: Character { self == .excel ? ";" : "," }
        /// What a file starts with.
        public var preamble: String { self == .excel ? "\u{FEFF}" : "" }
    }

    /// The dialect the exporter writes.
    public var dialect: Dialect

    /// Creates a CSV exporter.
    public init(dialect: Dialect = .rfc4180) {
        self.dialect = dialect
    }

    /// The column names of a kind's file, or nil for a kind the facts do not have.
    public func columns(of kind: String) -> [String]? {
        Self.columnsByKind[kind]
    }

    /// The header line of a kind's file, with its line break.
    public func header(of kind: String) -> String {
        (columns(of: kind) ?? []).map { field($0) }.joined(separator: String(dialect.separator)) + "\r\n"
    }

    /// A report's facts as CSV lines without headers, by kind (kinds with no facts are absent).
    public func lines(of report: Report) -> [String: String] {
        var out: [String: String] = [:]
        for record in FactsExporter().facts(of: report) {
            let kind = record.kind
            guard let columns = columns(of: kind) else { continue }
            var values: [String: FactValue] = [:]
            for field in record.fields { values[field.key] = field.value }
            out[kind, default: ""] += columns.map { field(values[$0] ?? .null, column: $0) }.joined(separator: String(dialect.separator)) + "\r\n"
        }
        return out
    }

    /// Whole files for some reports, by kind: every kind, each with its header.
    public func files(of reports: [Report]) -> [String: String] {
        var files = Dictionary(uniqueKeysWithValues: Self.kinds.map { ($0, dialect.preamble + header(of: $0)) })
        for report in reports {
            for (kind, lines) in lines(of: report) { files[kind, default: dialect.preamble + header(of: kind)] += lines }
        }
        return files
    }

    /// Columns whose values are codes, not numbers: Excel would drop a kommunkod's leading zero
    /// (`0180`) or read a hex id as a number.
    static let codeColumns: Set<String> = ["municipalityCode", "reportId", "fingerprint"]
    /// The most text characters an Excel formula holds.
    static let longestFormulaText = 250

    /// A value of a column as a CSV field. In the Excel dialect a code is written as a text
    /// formula (`="0180"`) and a text Excel would take for a formula (`- varav …`, `=…`) as one
    /// too, so the cell shows what was printed.
    public func field(_ value: FactValue, column: String) -> String {
        guard dialect == .excel, case .string(let text) = value,
            Self.codeColumns.contains(column) || text.first.map({ "=+-@".contains($0) }) == true
        else { return field(value) }
        // Excel's formulas hold at most 255 characters of text: a longer text starts with a space instead.
        if text.count > Self.longestFormulaText { return field(" " + text) }
        return field("=\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    }

    /// One value as a CSV field: empty for null, quoted when it holds a separator, quote, tab or
    /// line break; a decimal comma in the Excel dialect.
    public func field(_ value: FactValue) -> String {
        switch value {
        case .null: return ""
        case .string(let s): return field(s)
        case .int(let i): return String(i)
        case .double(let d):
            guard d.isFinite else { return "" }
            let number = JSONText.number(d)
            return dialect == .excel ? number.replacingOccurrences(of: ".", with: ",") : number
        case .bool(let b): return b ? "true" : "false"
        }
    }

    /// A text as a CSV field (RFC 4180: quotes doubled inside a quoted field). A tab or a line
    /// break inside a cell is quoted with it, so it never breaks a row.
    public func field(_ text: String) -> String {
        let separator = dialect.separator
        let needsQuotes = text.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A value as an RFC 4180 field.
    public static func field(_ value: FactValue) -> String { CSVExporter().field(value) }

    /// A text as an RFC 4180 field.
    public static func field(_ text: String) -> String { CSVExporter().field(text) }

    /// The columns of every kind, read off the facts of a report that has one item of each kind,
    /// so they follow ``FactsExporter`` without being listed twice.
    static let columnsByKind: [String: [String]] = {
        let here = Provenance(page: 1)
        let sample = Report(
            document: DocumentInfo(fileName: "sample.txt", sourceKind: .text, pages: 1),
            headings: [Heading(id: "h1", level: 1, text: "h", provenance: here)],
            goals: [Goal(id: "g1", title: "g", provenance: here)],
            indicators: [Indicator(
                id: "i1", name: "i", values: [IndicatorValue(column: "c", measure: .outcome, value: 1, text: "1", provenance: here)],
                provenance: here)],
            tables: [ReportTable(
                id: "t1", title: "t", unit: nil, columns: [TableColumn(header: "c", measure: .outcome)],
                rows: [TableRow(label: "r", cells: [TableCell(columnIndex: 0, value: 1, text: "1")], provenance: here)],
                checks: [TableCheck(kind: .sum, row: 0, column: 0, expected: 1, printed: 1, holds: true, terms: [0])],
                provenance: here)],
            assignments: [Assignment(id: "a1", kind: .assignment, title: "a", provenance: here)],
            warnings: [ImportWarning(code: "w", message: "w", page: 1)])
        var columns: [String: [String]] = [:]
        for record in FactsExporter().facts(of: sample) where columns[record.kind] == nil {
            columns[record.kind] = record.fields.map(\.key)
        }
        return columns
    }()
}
