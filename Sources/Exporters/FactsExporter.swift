import Foundation
import ReportModel

/// One value of a fact record.
public enum FactValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    init(_ value: String?) { self = value.map(FactValue.string) ?? .null }
    init(_ value: Int?) { self = value.map(FactValue.int) ?? .null }
    init(_ value: Double?) { self = value.map(FactValue.double) ?? .null }
}

/// One tidy fact: an ordered set of fields, `kind` and `document` first.
public struct FactRecord: Sendable, Hashable {
    /// The fields in output order.
    public var fields: [(key: String, value: FactValue)]

    /// The fact's kind (`goal`, `tableCell`, …).
    public var kind: String {
        if case .string(let kind)? = fields.first(where: { $0.key == "kind" })?.value { return kind }
        return ""
    }

    public static func == (lhs: FactRecord, rhs: FactRecord) -> Bool {
        lhs.fields.map(\.key) == rhs.fields.map(\.key) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.key)
            hasher.combine(field.value)
        }
    }
}

/// Stage 6: the tidy facts export, the contract downstream tools read.
///
/// Kinds and field names are fixed: `report`, `heading`, `goal`, `indicator`, `indicatorValue`,
/// `tableCell`, `tableCheck`, `assignment`, each with `kind` and `document`; fields are only ever added.
public struct FactsExporter: Sendable {
    /// Creates a facts exporter.
    public init() {}

    /// The facts of a report in document order: report first, then headings, goals, indicators, tables, assignments.
    public func facts(of report: Report) -> [FactRecord] {
        let document = FactValue.string(report.document.fileName)
        // The report's id and path beside its file name: two `report.txt` in different folders stay apart.
        let reportId = FactValue(report.document.reportId), path = FactValue(report.document.path)
        var facts: [FactRecord] = []
        func add(_ kind: String, _ fields: [(String, FactValue)]) {
            // Fields added later go last, so that a CSV column keeps its place for loaders that
            // read by position.
            facts.append(FactRecord(fields: [("kind", .string(kind)), ("document", document)]
                + fields.map { (key: $0.0, value: $0.1) } + [("reportId", reportId), ("path", path)]))
        }
        let m = report.metadata
        add("report", [
            ("municipality", FactValue(m.municipality)), ("municipalityCode", FactValue(m.municipalityCode)),
            ("organisation", FactValue(m.organisation)), ("reportType", FactValue(m.reportType?.rawValue)),
            ("reportKind", FactValue(m.reportKind)),
            ("year", FactValue(m.year)), ("period", FactValue(m.period)), ("pages", .int(report.document.pages)),
            ("fingerprint", FactValue(report.contentFingerprint)),
        ])
        for heading in report.headings {
            add("heading", [("id", .string(heading.id)), ("level", .int(heading.level)), ("text", .string(heading.text)),
                            ("page", .int(heading.provenance.page))])
        }
        for goal in report.goals {
            add("goal", [
                ("id", .string(goal.id)), ("parentId", FactValue(goal.parentId)), ("ref", FactValue(goal.ref)),
                ("level", FactValue(goal.level)), ("title", .string(goal.title)), ("status", FactValue(goal.status?.rawValue)),
                ("statusText", FactValue(goal.statusText)), ("statusIcon", FactValue(goal.statusIcon?.rawValue)),
                ("page", .int(goal.provenance.page)), ("statusIconShape", FactValue(goal.statusIconShape?.rawValue)),
            ])
        }
        for indicator in report.indicators {
            add("indicator", [
                ("id", .string(indicator.id)), ("goalId", FactValue(indicator.goalId)), ("name", .string(indicator.name)),
                ("unit", FactValue(indicator.unit)), ("page", .int(indicator.provenance.page)),
            ])
            // A cell without a number (`I.U.`, `-`, `Öka`) stays in the model but is no fact of a figure.
            for value in indicator.values where value.value != nil {
                add("indicatorValue", [
                    ("indicatorId", .string(indicator.id)), ("indicator", .string(indicator.name)),
                    ("column", .string(value.column)), ("year", FactValue(value.year)), ("measure", .string(value.measure.rawValue)),
                    ("value", FactValue(value.value)), ("unit", FactValue(value.unit)), ("comparator", FactValue(value.comparator?.rawValue)),
                    ("preliminary", .bool(value.preliminary)), ("text", .string(value.text)), ("page", .int(value.provenance.page)),
                ])
            }
        }
        for table in report.tables {
            func header(_ index: Int) -> String? { table.columns.indices.contains(index) ? table.columns[index].header : nil }
            for (rowIndex, row) in table.rows.enumerated() {
                for cell in row.cells where cell.value != nil {
                    let column = table.columns.indices.contains(cell.columnIndex) ? table.columns[cell.columnIndex] : nil
                    add("tableCell", [
                        ("tableId", .string(table.id)), ("table", FactValue(table.title)), ("row", .string(row.label)),
                        ("column", FactValue(column?.header)), ("year", FactValue(column?.year)),
                        ("measure", FactValue(column?.measure.rawValue)), ("value", FactValue(cell.value)),
                        ("unit", FactValue(cell.unit)), ("valueSEK", FactValue(cell.valueSEK)), ("ambiguous", .bool(cell.ambiguous)),
                        ("text", .string(cell.text)), ("page", .int(row.provenance.page)),
                        ("rowIndex", .int(rowIndex)), ("columnIndex", .int(cell.columnIndex)), ("rowLevel", .int(row.level)),
                        ("rowParent", FactValue(row.parent)),
                    ])
                }
            }
            for check in table.checks {
                add("tableCheck", [
                    ("tableId", .string(table.id)), ("table", FactValue(table.title)), ("check", .string(check.kind.rawValue)),
                    ("row", .string(table.rows[check.row].label)), ("column", FactValue(header(check.column))),
                    ("expected", .double(check.expected)), ("printed", .double(check.printed)), ("holds", .bool(check.holds)),
                    ("page", .int(table.rows[check.row].provenance.page)), ("rowIndex", .int(check.row)),
                    ("columnIndex", .int(check.column)),
                ])
            }
        }
        for warning in report.warnings {
            add("warning", [
                ("code", .string(warning.code)), ("message", .string(warning.message)), ("page", FactValue(warning.page)),
                ("line", FactValue(warning.line)),
            ])
        }
        for assignment in report.assignments {
            add("assignment", [
                ("id", .string(assignment.id)), ("goalId", FactValue(assignment.goalId)), ("assignmentKind", .string(assignment.kind.rawValue)),
                ("title", .string(assignment.title)), ("status", FactValue(assignment.status)),
                ("statusIcon", FactValue(assignment.statusIcon?.rawValue)), ("comment", FactValue(assignment.comment)),
                ("start", FactValue(assignment.start)), ("end", FactValue(assignment.end)), ("page", .int(assignment.provenance.page)),
                ("statusIconShape", FactValue(assignment.statusIconShape?.rawValue)),
            ])
        }
        return facts
    }

    /// The facts as NDJSON: one JSON object per line.
    public func ndjson(of report: Report) -> String {
        facts(of: report).map(JSONText.object).joined(separator: "\n") + "\n"
    }
}

/// Minimal JSON text for ordered records (JSONSerialization does not keep key order).
public enum JSONText {
    /// One record as a JSON object on one line.
    public static func object(_ record: FactRecord) -> String {
        "{" + record.fields.map { quote($0.key) + ":" + value($0.value) }.joined(separator: ",") + "}"
    }

    /// A value as JSON.
    public static func value(_ value: FactValue) -> String {
        switch value {
        case .string(let s): return quote(s)
        case .int(let i): return String(i)
        case .double(let d): return number(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// A number without a needless `.0`.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    /// A JSON string literal.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
