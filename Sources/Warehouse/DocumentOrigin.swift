/// Where a report came from: the facts about the input file that the report model does not carry.
public struct DocumentOrigin: Sendable, Hashable {
    /// The input path as it was given (it identifies "the same file" across runs).
    public var path: String
    /// SHA-256 of the file's bytes, 64 hex digits.
    public var sha256: String
    /// Size in bytes.
    public var size: Int

    /// Creates an origin.
    public init(path: String, sha256: String, size: Int) {
        self.path = path
        self.sha256 = sha256
        self.size = size
    }

    /// The report's id in the warehouse: the first 16 hex digits of the digest.
    public var reportId: String { String(sha256.prefix(16)) }
}
