import Foundation
import PostgresWarehouse
import ReportModel
import Warehouse

/// Stores each report in a warehouse, one transaction per report, and failures in `import_errors`.
public final class WarehouseSink: ReportSink, @unchecked Sendable {
    /// The warehouse written to (an SQLite file or a PostgreSQL database).
    public let warehouse: any ReportStore

    /// Creates a sink for an open warehouse.
    public init(warehouse: any ReportStore) {
        self.warehouse = warehouse
    }

    /// Opens the warehouse a destination names: a `postgresql://` URL is a server, anything
    /// else an SQLite file (created if missing).
    public static func open(_ destination: String, toolVersion: String) throws -> any ReportStore {
        if PostgresAddress.isAddress(destination) {
            return try PostgresWarehouse(url: destination, toolVersion: toolVersion)
        }
        return try Warehouse(path: destination, toolVersion: toolVersion)
    }

    /// The warehouse file, or the server's address without password.
    public var destination: String { warehouse.destination }

    /// The digests of the reports the warehouse holds.
    public func knownDigests() throws -> Set<String> {
        try warehouse.importedDigests()
    }

    /// The documents that failed before, from the warehouse's `import_errors`.
    public func failedDigests() throws -> [String: String] {
        try warehouse.failedDigests()
    }

    /// Replaces the document's rows with the report's.
    public func store(_ report: Report, origin: DocumentOrigin, index: Int) throws {
        try warehouse.store(report, origin: origin)
    }

    /// Records the failure in `import_errors`.
    public func recordFailure(path: String, sha256: String?, reason: String, index: Int) throws {
        try warehouse.recordFailure(path: path, sha256: sha256, reason: reason)
    }
}
