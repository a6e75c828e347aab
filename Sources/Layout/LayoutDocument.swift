import ReportSource

/// A line in reading order across the whole document, with the page it is on.
public struct LayoutLine: Sendable {
    /// The line as the front-end read it and normalisation repaired it.
    public var source: SourceLine
    /// 1-based physical page.
    public var page: Int
    /// The text without leading and trailing white space.
    public var text: String
    /// Leading spaces in the source text; extraction leaves one before a page's first line or an icon.
    public var leadingSpaces: Int
    /// True for the first non-blank line of a page.
    public var startsPage: Bool

    /// True when the line holds nothing but white space.
    public var isBlank: Bool { text.isEmpty && source.icons.isEmpty }

    /// True when `lower` goes on with the title `upper` is part of though a blank line stands
    /// between them: a title in large type is spaced so widely that the front-end sees a blank
    /// line, yet its lines, in one style, are less than a line of that type apart.
    public static func continuesTitle(_ upper: LayoutLine, across lower: LayoutLine) -> Bool {
        guard let style = upper.source.style, lower.source.style == style, let size = style.fontSize,
            let top = upper.source.box, let bottom = lower.source.box, upper.page == lower.page
        else { return false }
        return bottom.y - top.maxY < size
    }
}

/// What a block is.
public enum BlockKind: String, Sendable, Codable {
    /// A section heading.
    case heading
    /// Running text.
    case paragraph
    /// A bulleted or numbered list item.
    case listItem
    /// A field label (`Analys`, `Kommentar:`).
    case label
    /// A line that is only an assessment (`Uppfylls helt`).
    case assessment
    /// A caption naming a table's unit (`Belopp i tkr`).
    case caption
    /// A row of column headers.
    case columnHeader
    /// A line with a run of numbers: a table or indicator row.
    case figures
    /// `-`: a section left empty on purpose.
    case placeholder
    /// A signature (`Kent Waltersson (S)`, `Valnämndens ordförande`).
    case signature
}

/// A run of lines with one role.
public struct Block: Sendable {
    /// What the block is.
    public var kind: BlockKind
    /// The block's lines: indices into `LayoutDocument.lines`.
    public var lineRange: Range<Int>
    /// For headings: 1 for top-level sections, growing inward.
    public var level: Int?
    /// For headings: true when the heading line is a labelled goal (`Nämndmål: …`).
    public var isGoalHeading: Bool

    /// Creates a block (recognisers make blocks of their own for rows they read out of tables).
    public init(kind: BlockKind, lineRange: Range<Int>, level: Int? = nil, isGoalHeading: Bool = false) {
        self.kind = kind
        self.lineRange = lineRange
        self.level = level
        self.isGoalHeading = isGoalHeading
    }
}

/// Stage 3 output: every line in reading order, and the blocks they form.
public struct LayoutDocument: Sendable {
    /// The document the layout was built from.
    public var source: SourceDocument
    /// All lines of all pages in reading order, blanks included.
    public var lines: [LayoutLine]
    /// Blocks in reading order; blank lines belong to none.
    public var blocks: [Block]
    /// The typical length of a full line of running text, in characters.
    public var bodyWidth: Double

    /// The text of a block's lines joined with single spaces.
    public func text(of block: Block) -> String {
        lines[block.lineRange].map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
    }
}
