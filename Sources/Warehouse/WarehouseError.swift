/// Why the warehouse could not be used. Every message names the warehouse file.
public enum WarehouseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or created as an SQLite database, or the server not reached.
    case cannotOpen(path: String, reason: String)
    /// The file is a database, but not a Kommunrapport warehouse.
    case notAWarehouse(path: String)
    /// The warehouse was written by a newer tool whose schema this one does not know.
    case newerSchema(path: String, version: String)
    /// Writing to the warehouse failed; the report's transaction was rolled back.
    case writeFailed(path: String, document: String, reason: String)
    /// Merging another warehouse in failed; that warehouse's transaction was rolled back.
    case mergeFailed(path: String, source: String, reason: String)
    /// The warehouse takes nothing at the moment (a server gone, a full or read-only disk, no
    /// right to write): whatever the document, storing it fails.
    case unavailable(path: String, document: String, reason: String)

    /// Whether the failure is the warehouse's rather than the document's (a batch stops after
    /// several in a row instead of failing every remaining document).
    public var isDestinationFailure: Bool {
        if case .unavailable = self { return true }
        return false
    }

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the warehouse (\(reason))"
        case .notAWarehouse(let path):
            return "\(path): this database is not a Kommunrapport warehouse (it holds other tables); "
                + "a warehouse to import or merge into must be a new file or an empty database"
        case .newerSchema(let path, let version):
            return "\(path): the warehouse has schema version \(version), written by a newer kommunrapport; upgrade this tool"
        case .writeFailed(let path, let document, let reason):
            return "\(path): could not store \(document) (\(reason)); nothing of it was written"
        case .unavailable(let path, let document, let reason):
            return "\(path): could not store \(document) (\(reason)); nothing of it was written"
        case .mergeFailed(let path, let source, let reason):
            return "\(path): could not merge \(source) (\(reason)); nothing of it was merged"
        }
    }
}
