import Foundation
import ReportModel

/// One value of a warehouse row, the same for every database the warehouse is kept in
/// (SQLite, PostgreSQL): truth values are the integers 0 and 1, and a number that is not
/// finite (NaN, infinity) is NULL, since neither database stores it alike.
public enum WarehouseValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    init(_ text: String?) { self = text.map(WarehouseValue.text) ?? .null }
    init(_ number: Int?) { self = number.map { .integer(Int64($0)) } ?? .null }
    init(_ flag: Bool) { self = .integer(flag ? 1 : 0) }
    init(_ number: Double?) {
        guard let number, number.isFinite else { self = .null; return }
        self = .real(number)
    }

    /// The value as a query result prints it (for comparing warehouses row by row).
    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let value): return value
        }
    }
}

/// The rows one table receives from one report, columns named as in the warehouse schema.
public struct WarehouseTableRows: Sendable {
    /// The table's name.
    public var table: String
    /// The columns each row fills, in order.
    public var columns: [String]
    /// The rows, one value per column.
    public var rows: [[WarehouseValue]] = []

    /// An empty set of rows for a table.
    public init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    mutating func add(_ values: [WarehouseValue]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        rows.append(values)
    }
}

/// A report as the rows of the warehouse's tables: what every warehouse stores for it, whatever
/// the database, so that the same document has the same rows and ids in each.
public enum ReportRows {
    /// The rows of a report, parents before children (the order they can be inserted in).
    public static func rows(
        of report: Report, origin: DocumentOrigin, importedAt: String, toolVersion: String
    ) -> [WarehouseTableRows] {
        let rid = origin.reportId
        let m = report.metadata
        var reports = WarehouseTableRows(table: "reports", columns: [
            "id", "sha256", "path", "file_name", "size", "pages", "source_kind", "producer", "municipality",
            "municipality_code", "organisation", "report_type", "report_kind", "year", "period", "model_schema_version",
            "tool_version", "imported_at", "fingerprint",
        ])
        reports.add([
            .text(rid), .text(origin.sha256), .text(origin.path), .text(report.document.fileName), .init(origin.size),
            .init(report.document.pages), .text(report.document.sourceKind.rawValue), .init(report.document.producer),
            .init(m.municipality), .init(m.municipalityCode), .init(m.organisation), .init(m.reportType?.rawValue),
            .init(m.reportKind), .init(m.year), .init(m.period), .text(report.schemaVersion), .text(toolVersion),
            .text(importedAt), .init(report.contentFingerprint),
        ])

        // Model ids should be unique within a report; if a recogniser ever repeats one, the
        // repeat gets a suffix rather than failing the whole document.
        var ids = ItemIds(reportId: rid)

        var headings = WarehouseTableRows(table: "headings", columns: [
            "id", "report_id", "item_id", "position", "level", "text", "page", "first_line", "last_line",
        ])
        for (position, h) in report.headings.enumerated() {
            headings.add([
                .text(ids.claim(h.id)), .text(rid), .text(h.id), .init(position), .init(h.level), .text(h.text),
                .init(h.provenance.page), .init(h.provenance.firstLine), .init(h.provenance.lastLine),
            ])
        }

        var goals = WarehouseTableRows(table: "goals", columns: [
            "id", "report_id", "item_id", "position", "parent_id", "ref", "level", "title", "status", "status_text",
            "status_icon", "status_icon_shape", "analysis", "expected_result", "page", "first_line", "last_line",
        ])
        for (position, g) in report.goals.enumerated() {
            goals.add([
                .text(ids.claim(g.id)), .text(rid), .text(g.id), .init(position), .init(ids.reference(g.parentId)),
                .init(g.ref), .init(g.level), .text(g.title), .init(g.status?.rawValue), .init(g.statusText),
                .init(g.statusIcon?.rawValue), .init(g.statusIconShape?.rawValue), .init(g.analysis), .init(g.expectedResult),
                .init(g.provenance.page), .init(g.provenance.firstLine), .init(g.provenance.lastLine),
            ])
        }

        var indicators = WarehouseTableRows(table: "indicators", columns: [
            "id", "report_id", "item_id", "position", "goal_id", "name", "name_key", "unit", "page", "first_line", "last_line",
        ])
        var values = WarehouseTableRows(table: "indicator_values", columns: [
            "id", "indicator_id", "report_id", "position", "column_header", "year", "measure", "value", "unit",
            "comparator", "preliminary", "text", "page",
        ])
        for (position, i) in report.indicators.enumerated() {
            let indicatorId = ids.claim(i.id)
            indicators.add([
                .text(indicatorId), .text(rid), .text(i.id), .init(position), .init(ids.reference(i.goalId)), .text(i.name),
                .text(Warehouse.foldedName(i.name)), .init(i.unit), .init(i.provenance.page), .init(i.provenance.firstLine),
                .init(i.provenance.lastLine),
            ])
            for (n, v) in i.values.enumerated() {
                values.add([
                    .text("\(indicatorId):v\(n)"), .text(indicatorId), .text(rid), .init(n), .text(v.column), .init(v.year),
                    .text(v.measure.rawValue), .init(v.value), .init(v.unit), .init(v.comparator?.rawValue),
                    .init(v.preliminary), .text(v.text), .init(v.provenance.page),
                ])
            }
        }

        var tables = WarehouseTableRows(table: "report_tables", columns: [
            "id", "report_id", "item_id", "position", "title", "unit", "notes", "page", "first_line", "last_line",
        ])
        var columns = WarehouseTableRows(table: "table_columns", columns: [
            "id", "table_id", "report_id", "column_index", "header", "year", "measure",
        ])
        var rows = WarehouseTableRows(table: "table_rows", columns: [
            "id", "table_id", "report_id", "row_index", "label", "level", "is_sum", "page", "first_line", "last_line",
            "parent_index", "label_key",
        ])
        var cells = WarehouseTableRows(table: "table_cells", columns: [
            "id", "row_id", "table_id", "report_id", "position", "column_index", "value", "unit", "value_sek", "ambiguous",
            "text",
        ])
        var checks = WarehouseTableRows(table: "table_checks", columns: [
            "id", "table_id", "report_id", "position", "kind", "row_index", "column_index", "expected", "printed", "holds",
            "terms", "page",
        ])
        for (position, t) in report.tables.enumerated() {
            let tableId = ids.claim(t.id)
            tables.add([
                .text(tableId), .text(rid), .text(t.id), .init(position), .init(t.title), .init(t.unit),
                .init(t.notes.isEmpty ? nil : t.notes.joined(separator: "\n")), .init(t.provenance.page),
                .init(t.provenance.firstLine), .init(t.provenance.lastLine),
            ])
            for (index, c) in t.columns.enumerated() {
                columns.add([
                    .text("\(tableId):c\(index)"), .text(tableId), .text(rid), .init(index), .text(c.header), .init(c.year),
                    .text(c.measure.rawValue),
                ])
            }
            for (rowIndex, r) in t.rows.enumerated() {
                let rowId = "\(tableId):r\(rowIndex)"
                rows.add([
                    .text(rowId), .text(tableId), .text(rid), .init(rowIndex), .text(r.label), .init(r.level), .init(r.isSum),
                    .init(r.provenance.page), .init(r.provenance.firstLine), .init(r.provenance.lastLine), .init(r.parent),
                    .text(Warehouse.labelKey(r.label)),
                ])
                for (n, c) in r.cells.enumerated() {
                    cells.add([
                        .text("\(rowId):c\(n)"), .text(rowId), .text(tableId), .text(rid), .init(n), .init(c.columnIndex),
                        .init(c.value), .init(c.unit), .init(c.valueSEK), .init(c.ambiguous), .text(c.text),
                    ])
                }
            }
            for (n, k) in t.checks.enumerated() {
                checks.add([
                    .text("\(tableId):k\(n)"), .text(tableId), .text(rid), .init(n), .text(k.kind.rawValue), .init(k.row),
                    .init(k.column), .init(Optional(k.expected)), .init(Optional(k.printed)), .init(k.holds),
                    .text(k.terms.map(String.init).joined(separator: ",")), .init(t.rows[k.row].provenance.page),
                ])
            }
        }

        var assignments = WarehouseTableRows(table: "assignments", columns: [
            "id", "report_id", "item_id", "position", "goal_id", "kind", "title", "status", "status_icon",
            "status_icon_shape", "comment", "start_date", "end_date", "page", "first_line", "last_line",
        ])
        for (position, a) in report.assignments.enumerated() {
            assignments.add([
                .text(ids.claim(a.id)), .text(rid), .text(a.id), .init(position), .init(ids.reference(a.goalId)),
                .text(a.kind.rawValue), .text(a.title), .init(a.status), .init(a.statusIcon?.rawValue),
                .init(a.statusIconShape?.rawValue), .init(a.comment), .init(a.start), .init(a.end), .init(a.provenance.page),
                .init(a.provenance.firstLine), .init(a.provenance.lastLine),
            ])
        }

        var warnings = WarehouseTableRows(table: "report_warnings", columns: [
            "id", "report_id", "position", "code", "message", "page", "line",
        ])
        for (position, w) in report.warnings.enumerated() {
            warnings.add([
                .text("\(rid):w\(position)"), .text(rid), .init(position), .text(w.code), .text(w.message), .init(w.page),
                .init(w.line),
            ])
        }
        return [reports, headings, goals, indicators, values, tables, columns, rows, cells, checks, assignments, warnings]
    }
}

/// Warehouse ids for the items of one report: `<report id>:<model id>`.
struct ItemIds {
    let reportId: String
    private var used: Set<String> = []

    init(reportId: String) { self.reportId = reportId }

    /// The id of an item, unique within the report even if the model repeats an id.
    mutating func claim(_ modelId: String) -> String {
        let base = "\(reportId):\(modelId)"
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)~\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }

    /// The warehouse id an item's reference (goalId, parentId) points at.
    func reference(_ modelId: String?) -> String? {
        modelId.map { "\(reportId):\($0)" }
    }
}
