import Foundation
import GRDB
import ReportModel

/// Writes one report's rows inside a transaction the caller opened.
struct ReportRowWriter {
    let db: Database

    /// Deletes earlier versions of the document (same digest, or same path with other content)
    /// and inserts the report's rows. Deleting the report row cascades to all of its items.
    func replace(_ report: Report, origin: DocumentOrigin, importedAt: String, toolVersion: String) throws {
        try db.execute(sql: "DELETE FROM reports WHERE sha256 = ? OR path = ?", arguments: [origin.sha256, origin.path])
        try db.execute(sql: "DELETE FROM import_errors WHERE path = ?", arguments: [origin.path])
        try insert(report, origin: origin, importedAt: importedAt, toolVersion: toolVersion)
    }

    func insert(_ report: Report, origin: DocumentOrigin, importedAt: String, toolVersion: String) throws {
        let rid = origin.reportId
        let m = report.metadata
        try db.execute(
            sql: """
                INSERT INTO reports (id, sha256, path, file_name, size, pages, source_kind, producer, municipality,
                    municipality_code, organisation, report_type, report_kind, year, period, model_schema_version, tool_version,
                    imported_at, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                rid, origin.sha256, origin.path, report.document.fileName, origin.size, report.document.pages,
                report.document.sourceKind.rawValue, report.document.producer, m.municipality, m.municipalityCode,
                m.organisation, m.reportType?.rawValue, m.reportKind, m.year, m.period, report.schemaVersion, toolVersion, importedAt,
                report.contentFingerprint,
            ])

        // Model ids should be unique within a report; if a recogniser ever repeats one, the
        // repeat gets a suffix rather than failing the whole document.
        var ids = ItemIds(reportId: rid)

        let heading = try db.cachedStatement(sql: """
            INSERT INTO headings (id, report_id, item_id, position, level, text, page, first_line, last_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, h) in report.headings.enumerated() {
            try heading.execute(arguments: [
                ids.claim(h.id), rid, h.id, position, h.level, h.text, h.provenance.page, h.provenance.firstLine,
                h.provenance.lastLine,
            ])
        }

        let goal = try db.cachedStatement(sql: """
            INSERT INTO goals (id, report_id, item_id, position, parent_id, ref, level, title, status, status_text,
                status_icon, status_icon_shape, analysis, expected_result, page, first_line, last_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, g) in report.goals.enumerated() {
            try goal.execute(arguments: [
                ids.claim(g.id), rid, g.id, position, ids.reference(g.parentId), g.ref, g.level, g.title,
                g.status?.rawValue, g.statusText, g.statusIcon?.rawValue, g.statusIconShape?.rawValue, g.analysis, g.expectedResult,
                g.provenance.page, g.provenance.firstLine, g.provenance.lastLine,
            ])
        }

        let indicator = try db.cachedStatement(sql: """
            INSERT INTO indicators (id, report_id, item_id, position, goal_id, name, name_key, unit, page, first_line, last_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let value = try db.cachedStatement(sql: """
            INSERT INTO indicator_values (id, indicator_id, report_id, position, column_header, year, measure, value,
                unit, comparator, preliminary, text, page)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, i) in report.indicators.enumerated() {
            let indicatorId = ids.claim(i.id)
            try indicator.execute(arguments: [
                indicatorId, rid, i.id, position, ids.reference(i.goalId), i.name, Self.nameKey(i.name), i.unit,
                i.provenance.page, i.provenance.firstLine, i.provenance.lastLine,
            ])
            for (n, v) in i.values.enumerated() {
                try value.execute(arguments: [
                    "\(indicatorId):v\(n)", indicatorId, rid, n, v.column, v.year, v.measure.rawValue, v.value.finite,
                    v.unit, v.comparator?.rawValue, v.preliminary, v.text, v.provenance.page,
                ])
            }
        }

        let table = try db.cachedStatement(sql: """
            INSERT INTO report_tables (id, report_id, item_id, position, title, unit, notes, page, first_line, last_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let column = try db.cachedStatement(sql: """
            INSERT INTO table_columns (id, table_id, report_id, column_index, header, year, measure)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let row = try db.cachedStatement(sql: """
            INSERT INTO table_rows (id, table_id, report_id, row_index, label, level, is_sum, page, first_line, last_line,
                parent_index, label_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let cell = try db.cachedStatement(sql: """
            INSERT INTO table_cells (id, row_id, table_id, report_id, position, column_index, value, unit, value_sek,
                ambiguous, text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let check = try db.cachedStatement(sql: """
            INSERT INTO table_checks (id, table_id, report_id, position, kind, row_index, column_index, expected, printed,
                holds, terms, page)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, t) in report.tables.enumerated() {
            let tableId = ids.claim(t.id)
            try table.execute(arguments: [
                tableId, rid, t.id, position, t.title, t.unit, t.notes.isEmpty ? nil : t.notes.joined(separator: "\n"),
                t.provenance.page, t.provenance.firstLine, t.provenance.lastLine,
            ])
            for (index, c) in t.columns.enumerated() {
                try column.execute(arguments: ["\(tableId):c\(index)", tableId, rid, index, c.header, c.year, c.measure.rawValue])
            }
            for (rowIndex, r) in t.rows.enumerated() {
                let rowId = "\(tableId):r\(rowIndex)"
                try row.execute(arguments: [
                    rowId, tableId, rid, rowIndex, r.label, r.level, r.isSum, r.provenance.page, r.provenance.firstLine,
                    r.provenance.lastLine, r.parent, Warehouse.labelKey(r.label),
                ])
                for (n, c) in r.cells.enumerated() {
                    try cell.execute(arguments: [
                        "\(rowId):c\(n)", rowId, tableId, rid, n, c.columnIndex, c.value.finite, c.unit,
                        c.valueSEK.finite, c.ambiguous, c.text,
                    ])
                }
            }
            for (n, k) in t.checks.enumerated() {
                try check.execute(arguments: [
                    "\(tableId):k\(n)", tableId, rid, n, k.kind.rawValue, k.row, k.column, Optional(k.expected).finite, Optional(k.printed).finite,
                    k.holds, k.terms.map(String.init).joined(separator: ","), t.rows[k.row].provenance.page,
                ])
            }
        }

        let assignment = try db.cachedStatement(sql: """
            INSERT INTO assignments (id, report_id, item_id, position, goal_id, kind, title, status, status_icon,
                status_icon_shape, comment, start_date, end_date, page, first_line, last_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, a) in report.assignments.enumerated() {
            try assignment.execute(arguments: [
                ids.claim(a.id), rid, a.id, position, ids.reference(a.goalId), a.kind.rawValue, a.title, a.status,
                a.statusIcon?.rawValue, a.statusIconShape?.rawValue, a.comment, a.start, a.end, a.provenance.page, a.provenance.firstLine, a.provenance.lastLine,
            ])
        }

        let warning = try db.cachedStatement(sql: """
            INSERT INTO report_warnings (id, report_id, position, code, message, page, line) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, w) in report.warnings.enumerated() {
            try warning.execute(arguments: ["\(rid):w\(position)", rid, position, w.code, w.message, w.page, w.line])
        }
    }

    /// An indicator name folded so the same indicator printed by different reports compares
    /// equal: lower case, one space between words, no trailing colon or full stop.
    static func nameKey(_ name: String) -> String { Warehouse.foldedName(name) }
}

extension Warehouse {
    /// A row label folded for lookup: the folded name without spaces, so that a label
    /// extraction split (`Verksam hetens nettokostnader`) finds the whole one.
    public static func labelKey(_ label: String) -> String {
        foldedName(label).replacingOccurrences(of: " ", with: "")
    }

    /// A name folded so that the same indicator or row label printed by different reports
    /// compares equal: lower case, one space between words, no trailing colon or full stop.
    public static func foldedName(_ name: String) -> String {
        let words = name.lowercased().split(whereSeparator: { $0.isWhitespace })
        var key = words.joined(separator: " ")
        while let last = key.last, last == ":" || last == "." { key.removeLast() }
        return key
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

extension Optional where Wrapped == Double {
    /// SQLite stores no NaN or infinity; such a value is stored as NULL.
    fileprivate var finite: Double? {
        guard let value = self, value.isFinite else { return nil }
        return value
    }
}
