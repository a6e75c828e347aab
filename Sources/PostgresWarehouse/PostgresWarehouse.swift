import Foundation
import Logging
import PostgresNIO
import ReportModel
import Warehouse

/// The warehouse in a PostgreSQL database: the same tables, ids, views and migrations as the
/// SQLite warehouse (`WarehouseSchema`), so shards of one archive (a Kubernetes indexed Job, a
/// Slurm array) can write into one server at once instead of being merged afterwards.
///
/// One transaction per report, as in SQLite. Two writers storing the same document at once
/// take turns on a lock named by its digest and input path (`pg_advisory_xact_lock`), and the
/// second replaces the first's rows, so one copy is left. A connection is used by one thread at
/// a time: the batch stores reports from one thread.
public final class PostgresWarehouse: ReportStore, @unchecked Sendable {
    /// Where the warehouse is (its description never shows the password).
    public let address: PostgresAddress
    /// The version of the tool writing, recorded with every report and failure.
    public let toolVersion: String
    /// The connection; replaced when the server drops it (one thread uses it at a time).
    private var connection: PostgresConnection
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger

    /// The warehouse as messages name it: the address without the password.
    public var destination: String { address.description }

    /// A lock every migration takes, so two writers starting at once do not both create the tables.
    private static let migrationLock: Int64 = 0x4B6F_6D6D_756E_7261  // "Kommunra"

    /// Connects to the server and creates or migrates the warehouse's tables.
    public init(url: String, toolVersion: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws
    {
        let address = try PostgresAddress(url: url, environment: environment)
        self.address = address
        self.toolVersion = toolVersion
        var logger = Logger(label: "kommunrapport.postgresql")
        logger.logLevel = .critical
        self.logger = logger
        do {
            var configuration: PostgresConnection.Configuration
            if address.isSocket {
                configuration = .init(
                    unixSocketPath: address.socketPath, username: address.user, password: address.password,
                    database: address.database)
            } else {
                configuration = .init(
                    host: address.host, port: address.port, username: address.user, password: address.password,
                    database: address.database, tls: try Self.tls(address.sslMode))
            }
            // libpq's connect_timeout=0 waits for ever; five minutes is as good.
            configuration.options.connectTimeout = .seconds(Int64(address.connectTimeout == 0 ? 300 : min(address.connectTimeout, 3600)))
            // Named in pg_stat_activity, as psql names itself.
            configuration.options.additionalStartupParameters = [("application_name", address.applicationName)]
            self.configuration = configuration
            connection = try Self.connect(configuration, logger: logger)
        } catch {
            var reason = Self.reason(error)
            if (error as? PSQLError)?.code == .authMechanismRequiresPassword {
                reason = "the server asks for a password and none was found in the URL, PGPASSWORD or the password file"
                    + (address.ignoredPasswordFile.map { " (\($0) was not read: others may read it; chmod 600 it)" } ?? "")
            }
            // A socket that is not there: say where it was looked for.
            let fromServer = (error as? PSQLError)?.serverInfo != nil
            let place = address.isSocket && !fromServer ? " (\(address.socketPath))" : ""
            throw WarehouseError.cannotOpen(path: address.description, reason: reason + place)
        }
        do {
            try migrate()
        } catch let error as WarehouseError {
            try? connection.close().wait()
            throw error
        } catch {
            try? connection.close().wait()
            var reason = Self.reason(error)
            if (error as? PSQLError)?.serverInfo?[.sqlState] == "42501" {
                reason += "; the warehouse's tables are made by its first writer, which needs the right to create "
                    + "tables: import once as the database's owner, then loader roles need only SELECT, INSERT, UPDATE, DELETE"
            }
            throw WarehouseError.cannotOpen(path: address.description, reason: reason)
        }
    }

    deinit {
        try? connection.close().wait()
    }

    private static func connect(_ configuration: PostgresConnection.Configuration, logger: Logger) throws -> PostgresConnection {
        try PostgresConnection.connect(
            on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 1, logger: logger
        ).wait()
    }

    private static func tls(_ mode: String) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case "disable":
            return .disable
        case "allow", "prefer":
            // libpq's meaning: encrypt when the server offers it, without checking its certificate.
            configuration.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: configuration))
        case "require", "verify-ca":
            configuration.certificateVerification = mode == "require" ? .none : .noHostnameVerification
            return .require(try NIOSSLContext(configuration: configuration))
        default:
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }

    // MARK: Schema

    /// The table recording applied migrations (SQLite's is GRDB's `grdb_migrations`); named for
    /// the tool, since other tools keep a `schema_migrations` of their own.
    static let migrationsTable = "kommunrapport_migrations"

    /// Applies the migrations the database lacks, in one transaction under the migration lock;
    /// refuses a database that holds other tables, and a warehouse from a newer tool. A warehouse
    /// that is up to date is only read, so a writer needs no right to create tables.
    private func migrate() throws {
        try script("BEGIN ISOLATION LEVEL READ COMMITTED")
        do {
            try run("SELECT pg_advisory_xact_lock($1)", [.integer(Self.migrationLock)])
            let tables = Set(try run("""
                SELECT table_name::text FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                """).map { $0[0].description })
            let isWarehouse = tables.contains(Self.migrationsTable) && tables.contains("reports")
            if !tables.isEmpty && !isWarehouse {
                throw WarehouseError.notAWarehouse(path: destination)
            }
            if !isWarehouse {
                try script("CREATE TABLE \(Self.migrationsTable) (identifier TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL)")
            }
            let applied = Set(try run("SELECT identifier FROM \(Self.migrationsTable)").map { $0[0].description })
            let known = Set(WarehouseSchema.versions)
            if let unknown = applied.first(where: { !known.contains($0) }) {
                throw WarehouseError.newerSchema(path: destination, version: unknown)
            }
            var viewsChanged = false
            for step in WarehouseSchema.steps where !applied.contains(step.identifier) {
                if !step.tables.isEmpty { try script(WarehouseSchema.ddl(step.tables, for: .postgresql)) }
                viewsChanged = viewsChanged || step.recreatesViews
                try run("INSERT INTO \(Self.migrationsTable) (identifier, applied_at) VALUES ($1, $2)",
                        [.text(step.identifier), .text(Warehouse.timestamp(Date()))])
            }
            if viewsChanged { try script(WarehouseSchema.recreateViews(for: .postgresql)) }
            try script("COMMIT")
        } catch {
            try? script("ROLLBACK")
            throw error
        }
    }

    /// The warehouse's schema version: the last migration applied to it.
    public func schemaVersion() throws -> String {
        let applied = Set(try run("SELECT identifier FROM \(Self.migrationsTable)").map { $0[0].description })
        return WarehouseSchema.versions.last(where: applied.contains) ?? ""
    }

    // MARK: Reports

    public func importedDigests() throws -> Set<String> {
        Set(try run("SELECT sha256 FROM reports").map { $0[0].description })
    }

    public func failedDigests() throws -> [String: String] {
        var result: [String: String] = [:]
        // Only this version's failures: a newer tool may read what an older one could not.
        for row in try run(
            "SELECT sha256, reason FROM import_errors WHERE sha256 IS NOT NULL AND tool_version = $1", [.text(toolVersion)])
        {
            result[row[0].description] = row[1].description
        }
        return result
    }

    public func store(_ report: Report, origin: DocumentOrigin, importedAt: Date = Date()) throws {
        let tables = ReportRows.rows(
            of: report, origin: origin, importedAt: Warehouse.timestamp(importedAt), toolVersion: toolVersion)
        try transaction(document: origin.path) {
            try lock(origin.sha256, origin.path)
            try run("DELETE FROM reports WHERE sha256 = $1 OR path = $2", [.text(origin.sha256), .text(origin.path)])
            try run("DELETE FROM import_errors WHERE path = $1", [.text(origin.path)])
            for table in tables { try insert(table) }
        }
    }

    public func recordFailure(path inputPath: String, sha256: String?, reason: String, at date: Date = Date()) throws {
        try transaction(document: inputPath) {
            try run("""
                INSERT INTO import_errors (path, file_name, sha256, reason, failed_at, tool_version)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (path) DO UPDATE SET file_name = EXCLUDED.file_name, sha256 = EXCLUDED.sha256,
                    reason = EXCLUDED.reason, failed_at = EXCLUDED.failed_at, tool_version = EXCLUDED.tool_version
                """,
                [.text(inputPath), .text(Warehouse.fileName(of: inputPath)), sha256.map(WarehouseValue.text) ?? .null,
                 .text(reason), .text(Warehouse.timestamp(date)), .text(toolVersion)])
        }
    }

    // MARK: Reading (to compare warehouses)

    /// The number of rows of each table, by table name.
    public func rowCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in Warehouse.dataTables {
            counts[table] = Int(try run("SELECT count(*) FROM \(table)")[0][0].description) ?? 0
        }
        return counts
    }

    /// The columns of a table or view, in the schema's order.
    public func columns(of table: String) throws -> [String] {
        try run("""
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
            """, [.text(table)]).map { $0[0].description }
    }

    /// Every row of a table or view with the given columns, in no particular order.
    public func rows(of table: String, columns: [String]) throws -> [[WarehouseValue]] {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        return try run("SELECT \(list) FROM \(table)")
    }

    // MARK: Statements

    /// Runs one statement with parameters `$1…` and returns its rows.
    @discardableResult
    func run(_ sql: String, _ values: [WarehouseValue] = []) throws -> [[WarehouseValue]] {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: binds.appendNull()
            case .integer(let number): try binds.append(number)
            case .real(let number): try binds.append(number)
            case .text(let text): try binds.append(text)
            }
        }
        return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait().rows
            .map { row in try row.map(Self.value) }
    }

    /// Runs statements without parameters (DDL, several separated by `;`), one at a time:
    /// postgres-nio sends each as a prepared statement, which holds one command.
    func script(_ sql: String) throws {
        for statement in Self.statements(sql) { try run(statement) }
    }

    /// The statements of a script: `--` comments dropped, split at each `;`. The warehouse's
    /// own DDL is all this reads, and it has no `;` or `--` inside quotes.
    static func statements(_ sql: String) -> [String] {
        let code = sql.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? String(line)
        }.joined(separator: "\n")
        return code.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The most rows one INSERT carries: PostgreSQL takes at most 65 535 parameters per statement.
    private static let parametersPerStatement = 60_000

    /// Inserts a table's rows, many per statement (one round trip each, not one per row).
    /// `conflict` is appended to each statement (`ON CONFLICT … DO …`).
    func insert(_ table: WarehouseTableRows, conflict: String = "") throws {
        guard !table.rows.isEmpty, !table.columns.isEmpty else { return }
        let width = table.columns.count
        let rowsPerStatement = max(1, Self.parametersPerStatement / width)
        let head = "INSERT INTO \(table.table) (\(table.columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES "
        var start = 0
        while start < table.rows.count {
            let chunk = table.rows[start..<min(start + rowsPerStatement, table.rows.count)]
            var sql = head
            var values: [WarehouseValue] = []
            values.reserveCapacity(chunk.count * width)
            for (n, row) in chunk.enumerated() {
                let first = n * width
                sql += (n == 0 ? "(" : ", (") + (1...width).map { "$\(first + $0)" }.joined(separator: ", ") + ")"
                values += row
            }
            if !conflict.isEmpty { sql += " " + conflict }
            try run(sql, values)
            start += chunk.count
        }
    }

    /// How often a transaction is tried when it fails for a passing reason (a deadlock, a
    /// serialization failure, a connection the server or the network dropped, a server
    /// restarting): with the waits below, about half a minute of a server away.
    static let attemptsPerTransaction = 6
    /// Seconds waited before the first new connection; each later wait is twice the one before.
    static let firstReconnectWait = 1.0

    /// Runs a block in one transaction; on any error everything of it is rolled back. The
    /// block must do the same when run again (they delete before they insert), since a
    /// transaction that failed for a passing reason is tried again, on a new connection if the
    /// old one was lost. READ COMMITTED whatever the server's default, so that a statement after
    /// a lock sees what the writer before it committed.
    func transaction(document: String, _ block: () throws -> Void) throws {
        let started = Date()
        var attempt = 1
        while true {
            do {
                // A connection the server ended (while the tool read a document, or after a failed
                // rollback): a query sent on it would not come back, so it is made again first.
                if connection.isClosed { try reconnect() }
                try script("BEGIN ISOLATION LEVEL READ COMMITTED")
                do {
                    try block()
                    try script("COMMIT")
                    return
                } catch {
                    // A connection that cannot roll back is in no state to be used again.
                    do { try script("ROLLBACK") } catch { try? connection.close().wait() }
                    throw error
                }
            } catch let error as WarehouseError {
                throw error
            } catch {
                let passing = Self.passingFailure(error)
                // A restart or a failover takes seconds: wait longer each time; a conflict with
                // another writer clears at once.
                let wait = passing == .connectionLost ? Self.firstReconnectWait * Double(1 << (attempt - 1)) : 0.05 * Double(attempt)
                guard let passing, attempt < Self.attemptsPerTransaction,
                      Date().timeIntervalSince(started) + wait < Self.longestRetrying else {
                    throw passing == .connectionLost || Self.isDestinationFailure(error)
                        ? WarehouseError.unavailable(path: destination, document: document, reason: Self.reason(error))
                        : WarehouseError.writeFailed(path: destination, document: document, reason: Self.reason(error))
                }
                if passing == .connectionLost { try? connection.close().wait() }
                Thread.sleep(forTimeInterval: wait)
                attempt += 1
            }
        }
    }

    /// The longest a transaction is retried, in seconds, so a server that stays away fails the
    /// document (and, after a few, stops the batch) rather than holding the batch for minutes.
    static let longestRetrying = 45.0

    enum PassingFailure { case conflict, connectionLost }

    private func reconnect() throws {
        try? connection.close().wait()
        connection = try Self.connect(configuration, logger: logger)
    }

    /// Whether an error is one a second try may not meet: a serialization failure or deadlock
    /// (SQLSTATE 40001, 40P01), or a lost connection or a server not taking connections now.
    static func passingFailure(_ error: Error) -> PassingFailure? {
        guard let error = error as? PSQLError else { return nil }
        if let state = error.serverInfo?[.sqlState] {
            // 08…: connection exceptions; 53300: too many connections (shards reconnecting
            // together); 57P01–57P03: the server shutting down, crashed, starting.
            if ["40001", "40P01"].contains(state) { return .conflict }
            return state.hasPrefix("08") || ["53300", "57P01", "57P02", "57P03"].contains(state) ? .connectionLost : nil
        }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return .connectionLost
        default: return nil
        }
    }

    /// Whether the server refuses for a reason of its own, whatever the document: out of
    /// resources (53…), no right to write (42501), a read-only transaction or standby (25006).
    static func isDestinationFailure(_ error: Error) -> Bool {
        guard let state = (error as? PSQLError)?.serverInfo?[.sqlState] else { return false }
        return state.hasPrefix("53") || state.hasPrefix("08") || state.hasPrefix("57P") || ["42501", "25006"].contains(state)
    }

    /// Takes the transaction's locks on the given names (a digest, a path), in one order for
    /// every writer so two writers never wait for each other both ways.
    func lock(_ names: String...) throws {
        let keys = Set(names.map(Self.lockKey)).sorted()
        for key in keys { try run("SELECT pg_advisory_xact_lock($1)", [.integer(key)]) }
    }

    /// A lock key for a name: the first 63 bits of its SHA-256.
    static func lockKey(_ name: String) -> Int64 {
        let hex = SHA256.hex(of: Array(name.utf8))
        return Int64(UInt64(hex.prefix(16), radix: 16)! >> 1)
    }

    static func value(_ cell: PostgresCell) throws -> WarehouseValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        default: return .text(try cell.decode(String.self))
        }
    }

    /// What went wrong, in the server's words where it gave some (postgres-nio's own description
    /// hides them to keep queries out of logs), or in a network error's plain words.
    static func reason(_ error: Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let detail = error.serverInfo?[.detail].map { ": \($0)" } ?? ""
                return message + detail
            }
            if error.code == .serverClosedConnection || error.code == .uncleanShutdown {
                return "the server closed the connection"
            }
            if error.code == .sslUnsupported {
                return "the server does not offer encryption, which sslmode asks for; use sslmode=prefer or disable"
            }
            if let underlying = error.underlying { return reason(underlying) }
            return "\(error.code)"
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return "cannot find the host \(error.host)"
            }
            if let failure = error.connectionErrors.first { return reason(failure.error) + " (\(error.host):\(error.port))" }
        }
        if let error = error as? IOError {
            // The system's words for the errno (`Connection refused`, `No such file or directory`).
            return String(cString: strerror(error.errnoCode)).lowercased()
        }
        return "\(error)"
    }
}
