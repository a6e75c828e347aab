import Foundation
import GRDB
import ReportModel

/// An SQLite file holding any number of imported reports, one transaction per report.
///
/// Every row's id is derived from the document's SHA-256 and the item's id in the model
/// (`7d3792ff3fe738e4:g3`), so the same document always gets the same ids, in any warehouse,
/// on any machine. Storing a report first deletes any earlier version of it (same digest, or
/// same input path with other content) in the same transaction; nothing else changes.
public final class Warehouse: ReportStore, Sendable {
    /// The warehouse file.
    public let path: String
    /// The version of the tool writing, recorded with every report and failure.
    public let toolVersion: String
    let queue: DatabaseQueue

    /// The warehouse file, as messages name it.
    public var destination: String { path }

    /// Opens a warehouse, creating it if the file does not exist and migrating it if it is older.
    public init(path: String, toolVersion: String) throws {
        self.path = path
        self.toolVersion = toolVersion
        if path.contains("://") {
            // A server address given to a command that reads warehouse files (compare, kolada).
            // Named without the address, which may hold a password.
            throw WarehouseError.cannotOpen(path: "a server address", reason: "an SQLite warehouse file is needed here")
        }
        var config = Configuration()
        // WAL: a commit is one append, so thousands of per-report transactions stay cheap, and
        // a killed run leaves the last committed report intact.
        config.journalMode = .wal
        config.busyMode = .timeout(60)
        // Foreign keys enforced (GRDB's default, said here): deleting a report deletes its rows.
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw WarehouseError.cannotOpen(path: path, reason: Self.reason(error))
        }
        try checkIsWarehouse()
        do {
            try WarehouseSchema.migrator.migrate(queue)
        } catch {
            throw WarehouseError.cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    /// Refuses databases that are not warehouses, and warehouses from a newer tool.
    private func checkIsWarehouse() throws {
        let (tables, applied): ([String], [String]) = try read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            let applied = tables.contains("grdb_migrations")
                ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
            return (tables, applied)
        }
        if !tables.isEmpty && (!tables.contains("grdb_migrations") || !tables.contains("reports")) {
            throw WarehouseError.notAWarehouse(path: path)
        }
        let known = Set(WarehouseSchema.versions)
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw WarehouseError.newerSchema(path: path, version: unknown)
        }
    }

    /// The warehouse's schema version: the last migration applied to it.
    public func schemaVersion() throws -> String {
        try read { db in try WarehouseSchema.migrator.appliedMigrations(db).last ?? "" }
    }

    /// The digests of all imported reports (to skip them on a second run).
    public func importedDigests() throws -> Set<String> {
        try read { db in try String.fetchSet(db, sql: "SELECT sha256 FROM reports") }
    }

    /// The documents that failed before, by digest, with the reason recorded (a scanned PDF
    /// that need not fail every night's run).
    public func failedDigests() throws -> [String: String] {
        try read { db in
            var result: [String: String] = [:]
            // Only this version's failures: a newer tool may read what an older one could not.
            for row in try Row.fetchAll(db, sql: "SELECT sha256, reason FROM import_errors WHERE sha256 IS NOT NULL AND tool_version = ?",
                                        arguments: [toolVersion]) {
                result[row["sha256"] as String] = row["reason"] as String
            }
            return result
        }
    }

    /// Stores a report, replacing any earlier version of the same document, in one transaction.
    public func store(_ report: Report, origin: DocumentOrigin, importedAt: Date) throws {
        do {
            try queue.write { db in
                try ReportRowWriter(db: db).replace(
                    report, origin: origin, importedAt: Self.timestamp(importedAt), toolVersion: toolVersion)
            }
        } catch let error as DatabaseError where Self.destinationCodes.contains(where: { $0 == error.resultCode.primaryResultCode }) {
            throw WarehouseError.unavailable(path: path, document: origin.path, reason: Self.reason(error))
        } catch {
            throw WarehouseError.writeFailed(path: path, document: origin.path, reason: Self.reason(error))
        }
    }

    /// SQLite's answers that mean the file takes nothing, whatever the document: full, read-only,
    /// an I/O error, cannot be opened, no permission, locked by another writer past the wait.
    static let destinationCodes: [ResultCode] = [.SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_BUSY]

    /// Records that an input could not be imported, replacing an earlier failure of the same path.
    public func recordFailure(path inputPath: String, sha256: String?, reason: String, at date: Date) throws {
        do {
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO import_errors (path, file_name, sha256, reason, failed_at, tool_version)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [inputPath, Self.fileName(of: inputPath), sha256, reason, Self.timestamp(date), toolVersion])
            }
        } catch {
            throw WarehouseError.writeFailed(path: path, document: inputPath, reason: Self.reason(error))
        }
    }

    /// The number of rows of each table, by table name.
    public func rowCounts() throws -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in Self.dataTables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    /// All ids of a table, sorted (to compare warehouses).
    public func ids(of table: String) throws -> [String] {
        guard Self.dataTables.contains(table), table != "import_errors" else { return [] }
        return try read { db in try String.fetchAll(db, sql: "SELECT id FROM \(table) ORDER BY id") }
    }

    /// Runs a read-only block on the database (for queries the API does not offer).
    public func read<T>(_ block: (Database) throws -> T) throws -> T {
        try queue.read(block)
    }

    /// Runs a block in one write transaction (for tables beside the reports', such as Kolada's).
    public func write<T>(_ block: (Database) throws -> T) throws -> T {
        try queue.write(block)
    }

    /// The tables that hold imported data, parents first.
    public static let dataTables = [
        "reports", "headings", "goals", "indicators", "indicator_values", "report_tables", "table_columns",
        "table_rows", "table_cells", "table_checks", "assignments", "report_warnings", "import_errors",
    ]

    /// Every row of a table or view with the given columns, in no particular order (to compare warehouses row by row).
    public func rows(of table: String, columns: [String]) throws -> [[WarehouseValue]] {
        try rows(of: table, columns: columns, filter: "", arguments: [])
    }

    /// The rows of a table whose `column` holds one of `values` (the rows of some reports),
    /// so that a large warehouse can be copied a few reports at a time.
    public func rows(of table: String, columns: [String], where column: String, in values: [String]) throws -> [[WarehouseValue]] {
        guard !values.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
        return try rows(of: table, columns: columns, filter: " WHERE \"\(column)\" IN (\(marks))", arguments: StatementArguments(values))
    }

    private func rows(of table: String, columns: [String], filter: String, arguments: StatementArguments) throws -> [[WarehouseValue]] {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT \(list) FROM \(table)" + filter, arguments: arguments).map { row in
                (0..<columns.count).map { WarehouseValue(row[$0] as DatabaseValue) }
            }
        }
    }

    /// The columns of a table, in the schema's order.
    public func columns(of table: String) throws -> [String] {
        try read { db in try db.columns(in: table).map(\.name) }
    }

    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    public static func fileName(of path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }

    public static func reason(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
