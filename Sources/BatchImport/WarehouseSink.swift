import ReportModel
import Warehouse

/// Stores each report in a warehouse, one transaction per report, and failures in `import_errors`.
public final class WarehouseSink: ReportSink, @unchecked Sendable {
    /// The warehouse written to.
    public let warehouse: Warehouse

    /// Creates a sink for an open warehouse.
    public init(warehouse: Warehouse) {
        self.warehouse = warehouse
    }

    /// The warehouse file.
    public var destination: String { warehouse.path }

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
