import ReportSource

/// A word: glyphs printed close together on one baseline; or an icon, which takes part in
/// line and column grouping like a word but adds no text.
struct Word: Sendable {
    var text: String
    var rect: Rect
    /// The style most of its glyphs have (index into the page's styles; -1 unknown).
    var style: Int32
    /// Font size in points (the style's, else the glyph height).
    var fontSize: Double
    /// For an icon: its colour (nil for text words).
    var icon: RGBColor?
    /// For an icon: its outline, where known.
    var iconShape: IconShape?

    var isIcon: Bool { icon != nil }
    /// Whether its font is bold.
    var isBold: Bool

    /// What the grouping rules ask of its text, worked out once.
    var traits: WordTraits

    init(text: String, rect: Rect, style: Int32, fontSize: Double, icon: RGBColor? = nil, isBold: Bool = false) {
        self.text = text
        self.rect = rect
        self.style = style
        self.fontSize = fontSize
        self.icon = icon
        self.isBold = isBold
        // An icon has no letters, but may turn out to be a list bullet.
        traits = icon == nil ? WordTraits(text) : WordTraits(characters: 0, letters: 0, isNumeric: false, isYear: false,
                                                               isDate: false, isListMarker: true)
    }

    /// An icon placed as a word; `text` is what it reads as should it turn out to be a list bullet.
    static func icon(_ rect: Rect, color: RGBColor, shape: IconShape? = nil, bullet: String = "•") -> Word {
        var word = Word(text: bullet, rect: rect, style: -1, fontSize: rect.height, icon: color)
        word.iconShape = shape
        return word
    }
}

/// What the grouping rules ask of a word's text: letters, and whether it is a number, a year,
/// a date or a list marker. Worked out once per word, since the rules ask again and again.
struct WordTraits: Sendable {
    var characters: Int
    var letters: Int
    var isNumeric: Bool
    var isYear: Bool
    var isDate: Bool
    var isListMarker: Bool

    init(characters: Int, letters: Int, isNumeric: Bool, isYear: Bool, isDate: Bool, isListMarker: Bool) {
        self.characters = characters
        self.letters = letters
        self.isNumeric = isNumeric
        self.isYear = isYear
        self.isDate = isDate
        self.isListMarker = isListMarker
    }

    init(_ text: String) {
        var characters = 0, letters = 0
        for scalar in text.unicodeScalars {
            characters += 1
            // ASCII first: most of a Swedish report is.
            if scalar.isASCII {
                if (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") { letters += 1 }
            } else if scalar.properties.isAlphabetic {
                letters += 1
            }
        }
        self.characters = characters
        self.letters = letters
        isNumeric = RowCells.isNumeric(text)
        isYear = isNumeric && RowCells.isYear(text)
        isDate = text.count == 10 && RowCells.isDate(text)
        isListMarker = characters <= 8 && RowBuilder.isListMarker(text)
    }
}

/// Groups a page's glyphs into words, and takes icon glyphs out of the text.
///
/// poppler's own word breaks (the spaces it puts in the page text) are kept, and a word is also
/// broken wherever the geometry says so: a jump back, a change of baseline, or a gap wider than
/// a word space. poppler joins text across table cells without a space in its text output, so
/// the gap rule is what keeps `91 867` and `88 412` in two cells apart.
enum WordBuilder {
    static func words(of page: PageGlyphs) -> [Word] {
        var words: [Word] = []
        words.reserveCapacity(page.glyphs.count / 5)
        // Per style, what each glyph asks (read once: copying a style per glyph retains its font name).
        let fontSizes = page.styles.map(\.fontSize)
        let symbolFonts = page.styles.map(\.isSymbolFont)
        var text = String.UnicodeScalarView()
        var rect = Rect(minX: 0, minY: 0, maxX: 0, maxY: 0)
        // Glyphs per style in the word being built; a word nearly always has one or two styles.
        var styleCounts: [(style: Int32, count: Int)] = []
        var previous: Glyph?
        var previousSize = 0.0

        func finish() {
            guard !text.isEmpty else { return }
            // The most used style; on a tie, the one poppler listed first.
            var best = styleCounts[0]
            for entry in styleCounts.dropFirst() where entry.count > best.count || (entry.count == best.count && entry.style < best.style) {
                best = entry
            }
            let style = best.style
            let size = style >= 0 ? fontSizes[Int(style)] : rect.height
            words.append(Word(text: String(text), rect: rect, style: style, fontSize: size > 0 ? size : rect.height,
                              isBold: style >= 0 && page.styles[Int(style)].isBold))
            text = String.UnicodeScalarView()
            styleCounts.removeAll(keepingCapacity: true)
            previous = nil
        }

        for glyph in page.glyphs {
            var scalar = glyph.scalar
            // Below U+2000 in a text font a glyph is a letter: icons are symbol-font glyphs,
            // private-use, shape or emoji code points, all above it.
            if scalar.value >= 0x2000 || (glyph.style >= 0 && symbolFonts[Int(glyph.style)]) {
                let style = glyph.style >= 0 ? page.styles[Int(glyph.style)] : nil
                switch IconGlyphs.role(of: scalar, style: style) {
                case .icon(let color):
                    finish()
                    let plain = !(style?.isSymbolFont ?? false)
                    let bullet = IconGlyphs.isShapeScalar(scalar) && plain ? String(scalar) : "•"
                    words.append(.icon(glyph.rect, color: color, shape: plain ? IconGlyphs.shape(of: scalar) : nil, bullet: bullet))
                    continue
                case .bullet:
                    scalar = "•"
                case .letter:
                    break
                }
            }
            let size = glyph.style >= 0 ? fontSizes[Int(glyph.style)] : glyph.rect.height
            if let last = previous {
                let height = max(last.rect.height, glyph.rect.height)
                let em = max(size, previousSize, 1)
                let gap = glyph.rect.minX - last.rect.maxX
                if glyph.breakBefore || glyph.rect.minX < last.rect.minX - 0.1 * em
                    || abs(glyph.rect.midY - last.rect.midY) > 0.5 * height || gap > 0.4 * em
                {
                    finish()
                }
            }
            if text.isEmpty {
                rect = glyph.rect
            } else {
                rect = rect.union(glyph.rect)
            }
            text.append(scalar)
            if let at = styleCounts.firstIndex(where: { $0.style == glyph.style }) {
                styleCounts[at].count += 1
            } else {
                styleCounts.append((glyph.style, 1))
            }
            previous = glyph
            previousSize = size
        }
        finish()
        return words
    }
}
