/// A word with its box: the unit geometry-based layout works with (PDF input only).
public struct SourceWord: Sendable, Hashable {
    /// The word's text.
    public var text: String
    /// Where the word is printed.
    public var box: BoundingBox
    /// How the word is printed.
    public var style: TextStyle?
    /// True when the front-end measured a column gap before the word: it starts a cell of its
    /// line (the first word of a line starts its first cell without one).
    public var startsColumn: Bool
    /// True when the word finishes the word before it, which broke off with a hyphen at the end
    /// of a lower line of the same cell (`ackumu-` / `lerade`): the line's text joins them.
    public var continuesPrevious: Bool

    /// Creates a word.
    public init(
        text: String, box: BoundingBox, style: TextStyle? = nil, startsColumn: Bool = false,
        continuesPrevious: Bool = false
    ) {
        self.text = text
        self.box = box
        self.style = style
        self.startsColumn = startsColumn
        self.continuesPrevious = continuesPrevious
    }
}

/// A small picture or symbol glyph seen on a line (a status icon, most often).
public struct IconMark: Codable, Sendable, Hashable {
    /// The icon's dominant colour, where known.
    public var color: RGBColor?
    /// Where the icon is, where known.
    public var box: BoundingBox?
    /// Its outline, where the front-end could tell it (a glyph's code point, or the shape of a
    /// picture's coloured area): what a legend of same-coloured arrows tells them apart by.
    public var shape: IconShape?

    /// Creates an icon mark.
    public init(color: RGBColor? = nil, box: BoundingBox? = nil, shape: IconShape? = nil) {
        self.color = color
        self.box = box
        self.shape = shape
    }
}

/// The outline of a status icon. Reports tell statuses apart by colour (traffic lights) and by
/// shape: an arrow's direction (`↑` better, `→` unchanged, `↓` worse), a triangle's point, a
/// check mark or a cross.
public enum IconShape: String, Codable, Sendable, Hashable, CaseIterable {
    case round, square, diamond, triangleUp, triangleDown, arrowUp, arrowDown, arrowLeft, arrowRight
    case arrowUpRight, arrowDownRight, arrowUpLeft, arrowDownLeft, check, cross
    /// A bar much wider than tall: the filled part of a progress bar.
    case bar

    /// Where the shape points, for shapes that point (`↑` and `▲` both up), else nil: a legend
    /// may draw a trend as an arrow where the report draws it as a triangle.
    public var pointing: String? {
        switch self {
        case .triangleUp, .arrowUp: return "up"
        case .triangleDown, .arrowDown: return "down"
        case .arrowLeft: return "left"
        case .arrowRight: return "right"
        case .arrowUpRight: return "up-right"
        case .arrowDownRight: return "down-right"
        case .arrowUpLeft: return "up-left"
        case .arrowDownLeft: return "down-left"
        case .round, .square, .diamond, .check, .cross, .bar: return nil
        }
    }
}

/// One line of a page as a front-end read it.
public struct SourceLine: Sendable, Hashable {
    /// The line's text, without the line break. In PDF input words are parted by one space
    /// whatever the gap between them (the words' `startsColumn` says where a column gap was
    /// measured); text input keeps its spaces as printed.
    public var text: String
    /// 1-based line number in the source file (text input) or on the page (PDF input).
    public var lineNumber: Int
    /// Where the line is printed (PDF input).
    public var box: BoundingBox?
    /// The line's dominant style (PDF input).
    public var style: TextStyle?
    /// The line's words with their boxes (PDF input); empty for text input.
    public var words: [SourceWord]
    /// Icons seen on the line (status symbols), in reading order.
    public var icons: [IconMark]
    /// The tagged-PDF structure role of the line's text (`H1`…`H6`, `H`, `P`, `TH`, `TD`, `L`/`LI`),
    /// where the PDF's structure tree states it; nil when the PDF is untagged or the line's text
    /// could not be matched to an element. It is the author's own word on what the line is, so
    /// layout may trust it over font styles.
    public var role: String?

    /// Creates a line.
    public init(
        text: String, lineNumber: Int, box: BoundingBox? = nil, style: TextStyle? = nil,
        words: [SourceWord] = [], icons: [IconMark] = [], role: String? = nil
    ) {
        self.text = text
        self.lineNumber = lineNumber
        self.box = box
        self.style = style
        self.words = words
        self.icons = icons
        self.role = role
    }

    /// True when the front-end measured a column gap on the line (PDF input): it is set in cells.
    public var hasColumnGap: Bool { words.dropFirst().contains(where: \.startsColumn) }

    /// The line's words grouped into the cells the front-end's column gaps part them into, each
    /// cell's words joined by a space (a word broken at a hyphen made whole). Empty for a line
    /// without words (text input).
    public var cellTexts: [String] {
        var cells: [[SourceWord]] = []
        var breakPending = false
        for word in words {
            breakPending = breakPending || word.startsColumn
            // A word that repair left blank (an icon glyph) prints nothing; a gap before it parts the next.
            if word.text.allSatisfy(\.isWhitespace) { continue }
            if breakPending || cells.isEmpty { cells.append([]) }
            breakPending = false
            cells[cells.count - 1].append(word)
        }
        return cells.map(Self.cellText(of:))
    }

    /// One cell's words as text: parted by a space, a word broken at a hyphen made whole.
    public static func cellText(of words: [SourceWord]) -> String {
        var text = ""
        for word in words where !word.text.allSatisfy(\.isWhitespace) {
            if word.continuesPrevious, text.hasSuffix("-") {
                text.removeLast()
            } else if !text.isEmpty {
                text += " "
            }
            text += word.text
        }
        return text
    }

    /// True when the line holds nothing but white space (and no icon).
    ///
    /// Decided in bytes for ASCII text: every stage asks it of every line, and text input
    /// indents most lines with long runs of spaces. An ASCII byte that is not white space starts
    /// a character of its own (no ASCII scalar extends one), so it settles the answer; text with
    /// a non-ASCII byte before that is left to `Character.isWhitespace`.
    public var isBlank: Bool {
        guard icons.isEmpty else { return false }
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for byte in bytes {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { continue }
                return byte < 0x80 ? false : nil
            }
            return true
        }
        if let known = answer ?? nil { return known }
        return text.allSatisfy { $0.isWhitespace }
    }
}

/// One physical page.
public struct SourcePage: Sendable {
    /// 1-based physical page number.
    public var number: Int
    /// Page width in points (PDF input).
    public var width: Double?
    /// Page height in points (PDF input).
    public var height: Double?
    /// The page's lines in reading order.
    public var lines: [SourceLine]
    /// Rules drawn on the page (PDF input, where the front-end reads the page's drawing).
    public var rules: [PageRule]
    /// Filled boxes drawn on the page that are not white (PDF input).
    public var fills: [FilledArea]

    /// Creates a page.
    public init(
        number: Int, width: Double? = nil, height: Double? = nil, lines: [SourceLine],
        rules: [PageRule] = [], fills: [FilledArea] = []
    ) {
        self.number = number
        self.width = width
        self.height = height
        self.lines = lines
        self.rules = rules
        self.fills = fills
    }
}

/// Which kind of front-end produced a document.
public enum SourceKind: String, Codable, Sendable {
    /// Plain text (pdftotext-style).
    case text
    /// A PDF read through poppler.
    case pdf
    /// An HTML page.
    case html
}

/// A source read into pages of lines: what every front-end produces.
public struct SourceDocument: Sendable {
    /// The input's file name (no folders), used as the `document` of every fact.
    public var name: String
    /// Which front-end read it.
    public var kind: SourceKind
    /// The pages.
    public var pages: [SourcePage]
    /// What the front-end saw but could not read cleanly.
    public var warnings: [ImportWarning]
    /// Document information the source carries (title, producer, …).
    public var info: [String: String]

    /// Creates a document.
    public init(
        name: String, kind: SourceKind, pages: [SourcePage], warnings: [ImportWarning] = [],
        info: [String: String] = [:]
    ) {
        self.name = name
        self.kind = kind
        self.pages = pages
        self.warnings = warnings
        self.info = info
    }
}
