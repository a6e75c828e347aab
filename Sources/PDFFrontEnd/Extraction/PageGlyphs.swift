import ReportSource

/// How poppler says a run of glyphs is printed: font, size and fill colour.
struct GlyphStyle: Hashable, Sendable {
    var fontName: String
    var fontSize: Double
    var color: RGBColor
    /// Bold, black, heavy or semibold, judged from the font name (the only weight poppler-glib gives).
    var isBold: Bool
    /// A picture font (Wingdings, Webdings, Symbol, dingbats), whose glyphs are icons rather than letters.
    var isSymbolFont: Bool

    init(fontName: String, fontSize: Double, color: RGBColor) {
        self.init(fontName: fontName, fontSize: fontSize, color: color, face: FontFace(name: fontName))
    }

    /// A style whose font name has already been judged (a page has thousands of runs but a few fonts).
    init(fontName: String, fontSize: Double, color: RGBColor, face: FontFace) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.color = color
        isBold = face.isBold
        isSymbolFont = face.isSymbolFont
    }

    /// The style as the pipeline knows it.
    var textStyle: TextStyle {
        TextStyle(fontName: fontName.isEmpty ? nil : fontName, fontSize: (fontSize * 100).rounded() / 100,
                  isBold: isBold, color: color)
    }
}

/// What a font's name says of it: its weight and whether it is a picture font.
struct FontFace {
    var isBold: Bool
    var isSymbolFont: Bool

    init(name fontName: String) {
        let name = fontName.lowercased()
        isBold = ["bold", "black", "heavy", "semibold", "demi", "extrabold", "ultrabold"].contains { name.contains($0) }
            || name.hasSuffix("-bd") || name.hasSuffix(",bd")
        isSymbolFont = ["wingding", "webding", "dingbat", "symbol", "marlett", "fontawesome", "materialicons"]
            .contains { name.contains($0) }
    }
}

/// One printed glyph: its character, its rectangle and its style.
struct Glyph: Sendable {
    var scalar: Unicode.Scalar
    var rect: Rect
    /// Index into `PageGlyphs.styles`, or -1 where poppler gave no attributes.
    var style: Int32
    /// True when poppler put a space or line break before this glyph (a word boundary it saw).
    var breakBefore: Bool
}

/// A page's glyphs in poppler's order with white space taken out, and the styles they use.
struct PageGlyphs: Sendable {
    var glyphs: [Glyph]
    var styles: [GlyphStyle]

    /// Joins poppler's text, per-scalar rectangles and attribute runs into glyphs.
    ///
    /// poppler gives one rectangle per unicode scalar of the text and attribute runs with
    /// inclusive scalar offsets; a count mismatch (seen with broken fonts) keeps the common prefix.
    ///
    /// Text no reader can see is left out: glyphs under 2 pt (hidden markers some producers
    /// write) and glyphs wholly off the page.
    init(scalars: [Unicode.Scalar], rects: [Rect], runs: [AttributeRun], pageWidth: Double = .infinity,
         pageHeight: Double = .infinity)
    {
        var styles: [GlyphStyle] = []
        var styleIndex: [GlyphStyle: Int32] = [:]
        var runStyle: [Int32] = []
        runStyle.reserveCapacity(runs.count)
        var faces: [String: FontFace] = [:]
        for run in runs {
            let face = faces[run.fontName] ?? FontFace(name: run.fontName)
            faces[run.fontName] = face
            let style = GlyphStyle(fontName: run.fontName, fontSize: run.fontSize, color: run.color, face: face)
            if let existing = styleIndex[style] {
                runStyle.append(existing)
            } else {
                let index = Int32(styles.count)
                styles.append(style)
                styleIndex[style] = index
                runStyle.append(index)
            }
        }
        let order = runs.indices.sorted { runs[$0].start < runs[$1].start }

        var glyphs: [Glyph] = []
        let count = min(scalars.count, rects.count)
        glyphs.reserveCapacity(count)
        var runCursor = 0
        var pendingBreak = true
        for index in 0..<count {
            let scalar = scalars[index]
            if Self.isWhiteSpace(scalar) {
                pendingBreak = true
                continue
            }
            while runCursor < order.count, runs[order[runCursor]].end < index { runCursor += 1 }
            var style: Int32 = -1
            if runCursor < order.count, runs[order[runCursor]].start <= index { style = runStyle[order[runCursor]] }
            let rect = rects[index]
            guard rect.maxX >= rect.minX, rect.maxY > rect.minY, rect.minX.isFinite, rect.minY.isFinite,
                rect.maxX > 0, rect.maxY > 0, rect.minX < pageWidth, rect.minY < pageHeight,
                rect.height >= 1.5, style < 0 || styles[Int(style)].fontSize >= 2
            else {
                continue
            }
            glyphs.append(Glyph(scalar: scalar, rect: rect, style: style, breakBefore: pendingBreak))
            pendingBreak = false
        }
        self.glyphs = glyphs
        self.styles = styles
    }

    /// Spaces, line breaks and the no-break and thin spaces that group thousands.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x00A0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }
}
