import Layout
import ReportSource

/// A word with its horizontal extent on its line.
struct PlacedWord: Sendable, Hashable {
    var text: String
    var minX: Double
    var maxX: Double
    /// Top of the word (PDF input; 0 for text). A line may hold words of two printed lines (cells
    /// set vertically offset), so a cell's words are read top-down by it.
    var y: Double = 0
    var height: Double = 0
}

/// A layout line as the table stage sees it: words placed along x, whatever the front-end.
///
/// PDF lines carry word boxes in points. Text lines (`pdftotext -layout` style) carry positions
/// as character columns: each run of non-space characters is a word whose box is its columns,
/// one unit per character. `characterWidth` turns every threshold into characters, so one rule
/// serves both.
struct PlacedLine: Sendable {
    /// Index into `LayoutDocument.lines`.
    var index: Int
    /// 1-based physical page.
    var page: Int
    /// The words left to right.
    var words: [PlacedWord]
    /// The width of a typical character in the line's units (1 for text input).
    var characterWidth: Double
    /// The line's font size where the source says (PDF input).
    var fontSize: Double?
    /// Whether the line is set in bold type, where the source says (PDF input).
    var isBold = false

    var isBlank: Bool { words.isEmpty }

    /// Whether the words are placed on a page (PDF word boxes), not in character columns.
    var isPlaced = false

    /// The top of the line's highest word, where words are placed on a page.
    var top: Double? { isPlaced ? words.map(\.y).min() : nil }

    /// Places a layout line's words.
    init(_ line: LayoutLine, index: Int) {
        self.index = index
        self.page = line.page
        if !line.source.words.isEmpty {
            let words = line.source.words.filter { !$0.text.allSatisfy(\.isWhitespace) }.sorted { $0.box.x < $1.box.x }
            self.words = words.map { PlacedWord(text: $0.text, minX: $0.box.x, maxX: $0.box.maxX, y: $0.box.y, height: $0.box.height) }
            let size = line.source.style?.fontSize ?? words.map(\.box.height).max() ?? Self.usualFontSize
            self.fontSize = line.source.style?.fontSize
            self.isPlaced = true
            self.isBold = line.source.style?.isBold ?? false
            self.characterWidth = max(0.5, size * Self.characterWidthPerFontSize)
        } else {
            self.words = Self.characterColumns(of: line.source.text)
            self.characterWidth = 1
        }
    }

    /// The font size assumed for a line that states none and has no word boxes to tell.
    static let usualFontSize = 10.0

    /// The share of the font size an average character of a proportional font is wide.
    static let characterWidthPerFontSize = 0.5

    /// Runs of non-space characters with their character columns (a tab counts as one column;
    /// a no-break space groups thousands and never parts words).
    static func characterColumns(of text: String) -> [PlacedWord] {
        var words: [PlacedWord] = []
        var current = ""
        var start = 0
        var column = 0
        for character in text {
            if character == " " || character == "\t" {
                if !current.isEmpty {
                    words.append(PlacedWord(text: current, minX: Double(start), maxX: Double(column)))
                    current = ""
                }
            } else {
                if current.isEmpty { start = column }
                current.append(character)
            }
            column += 1
        }
        if !current.isEmpty { words.append(PlacedWord(text: current, minX: Double(start), maxX: Double(column))) }
        return words
    }
}
