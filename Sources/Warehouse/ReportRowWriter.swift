import Foundation
import GRDB
import ReportModel

/// Writes one report's rows into an SQLite warehouse inside a transaction the caller opened.
struct ReportRowWriter {
    let db: Database

    /// Deletes earlier versions of the document (same digest, or same path with other content)
    /// and inserts the report's rows. Deleting the report row cascades to all of its items.
    func replace(_ report: Report, origin: DocumentOrigin, importedAt: String, toolVersion: String) throws {
        try db.execute(sql: "DELETE FROM reports WHERE sha256 = ? OR path = ?", arguments: [origin.sha256, origin.path])
        try db.execute(sql: "DELETE FROM import_errors WHERE path = ?", arguments: [origin.path])
        for table in ReportRows.rows(of: report, origin: origin, importedAt: importedAt, toolVersion: toolVersion) {
            try insert(table)
        }
    }

    func insert(_ table: WarehouseTableRows) throws {
        guard !table.rows.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO \(table.table) (\(table.columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: table.columns.count).joined(separator: ", ")))
            """)
        for row in table.rows {
            try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
        }
    }
}

extension WarehouseValue {
    /// The value as SQLite stores it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        }
    }

    /// A value SQLite returned, as a warehouse value.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .integer(number)
        case .double(let number): self = .real(number)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .text(data.base64EncodedString())
        }
    }
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
