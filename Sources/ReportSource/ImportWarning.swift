/// Something a stage saw and could not understand, kept in the report so nothing is silently lost.
public struct ImportWarning: Codable, Sendable, Hashable {
    /// A stable machine-readable code, e.g. `encoding.windows1252`.
    public var code: String
    /// A sentence a user can act on.
    public var message: String
    /// 1-based physical page, where known.
    public var page: Int?
    /// 1-based line, where known.
    public var line: Int?

    /// Creates a warning.
    public init(code: String, message: String, page: Int? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.page = page
        self.line = line
    }
}

extension ImportWarning {
    /// The code of the warning that a document yielded no goal, indicator, table or assignment
    /// (a batch counts these documents).
    public static let nothingFoundCode = "report.nothingFound"
}
