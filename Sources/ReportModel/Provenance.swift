import ReportSource

/// Where an item was printed: page and line range (text input) or page and box (PDF input).
public struct Provenance: Codable, Sendable, Hashable {
    /// 1-based physical page.
    public var page: Int
    /// First source line (1-based; file line for text input, page line for PDF input).
    public var firstLine: Int?
    /// Last source line.
    public var lastLine: Int?
    /// The item's box on the page (PDF input).
    public var box: BoundingBox?

    /// Creates a provenance.
    public init(page: Int, firstLine: Int? = nil, lastLine: Int? = nil, box: BoundingBox? = nil) {
        self.page = page
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.box = box
    }
}
