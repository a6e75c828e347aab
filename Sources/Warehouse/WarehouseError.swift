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
        case .mergeFailed(let path, let source, let reason):
            return "\(path): could not merge \(source) (\(reason)); nothing of it was merged"
        }
    }
}
