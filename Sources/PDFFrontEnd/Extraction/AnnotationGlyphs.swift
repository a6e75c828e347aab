import ReportSource

/// Glyphs for text a page shows through annotations and form fields (`Dnr. KS 2013/375` typed
/// onto a cover, a filled-in `Nämnd:` field). poppler-glib gives only the value and the area it
/// is shown in, so the text is set the way a viewer sets it: left-aligned from the top of the
/// area, in a sans-serif face, wrapped at the area's width, at the size of the page's running
/// text (or smaller, to fit the area's height).
enum AnnotationGlyphs {
    /// The face viewers use for annotation text, and its colour.
    static let fontName = "Helvetica"
    static let color = RGBColor(red: 0, green: 0, blue: 0)
    /// The size set where the page has no text of its own to take the size from.
    static let defaultFontSize = 10.0
    /// The smallest size set: smaller text is no text a reader sees (the page's own glyphs under
    /// 2 pt are left out likewise).
    static let smallestFontSize = 2.0
    /// Helvetica's mean advance of a letter or digit and of a space, in ems.
    static let letterAdvance = 0.55
    static let spaceAdvance = 0.28
    /// Baseline-to-baseline distance, in ems.
    static let lineSpacing = 1.2
    /// The inset viewers leave between an annotation's border and its text, in points.
    static let padding = 2.0

    /// The text's lines as a viewer would wrap them, the font size they are set in, and how much
    /// narrower than `letterAdvance` their letters are.
    static func layout(_ annotation: AnnotationText, bodySize: Double) -> (lines: [[Substring]], fontSize: Double, squeeze: Double) {
        let paragraphs = annotation.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }) }
            .filter { !$0.isEmpty }
        guard !paragraphs.isEmpty else { return ([], 0, 1) }
        let width = annotation.area.width - 2 * padding
        // The page's own text size, or what fits the lines in the area's height.
        let size = min(bodySize, max(annotation.area.height, 1) / (Double(paragraphs.count) * lineSpacing))
        guard size >= smallestFontSize else { return ([], 0, 1) }
        let lines = wrap(paragraphs, width: width, fontSize: size)
        if Double(lines.count) * size * lineSpacing <= annotation.area.height { return (lines, size, 1) }
        // Wrapped lines that would overflow the area mean the face is narrower than estimated:
        // the viewer set each line unwrapped, so the letters are narrowed to fit the widest.
        let widest = paragraphs.map { Self.width(of: $0, fontSize: size) }.max() ?? width
        return (paragraphs, size, widest > width && width > 0 ? width / widest : 1)
    }

    /// The estimated width of a line of words.
    static func width(of words: [Substring], fontSize: Double) -> Double {
        Double(words.reduce(0) { $0 + $1.count }) * letterAdvance * fontSize + Double(max(words.count - 1, 0)) * spaceAdvance * fontSize
    }

    /// Greedy wrapping at the estimated width of each word.
    static func wrap(_ paragraphs: [[Substring]], width: Double, fontSize: Double) -> [[Substring]] {
        var lines: [[Substring]] = []
        for words in paragraphs {
            var line: [Substring] = [], used = 0.0
            for word in words {
                let advance = Double(word.count) * letterAdvance * fontSize
                if !line.isEmpty, used + spaceAdvance * fontSize + advance > width {
                    lines.append(line)
                    line = []
                    used = 0
                }
                used += (line.isEmpty ? 0 : spaceAdvance * fontSize) + advance
                line.append(word)
            }
            if !line.isEmpty { lines.append(line) }
        }
        return lines
    }

    /// The glyphs of laid-out lines, in style `style` (whose size is `layout`'s).
    static func glyphs(_ lines: [[Substring]], fontSize: Double, squeeze: Double, in area: Rect, style: Int32) -> [Glyph] {
        var glyphs: [Glyph] = []
        for (lineIndex, line) in lines.enumerated() {
            let top = area.minY + padding + Double(lineIndex) * fontSize * lineSpacing
            var x = area.minX + padding
            for (wordIndex, word) in line.enumerated() {
                if wordIndex > 0 { x += spaceAdvance * fontSize * squeeze }
                for (position, scalar) in word.unicodeScalars.enumerated() {
                    let rect = Rect(minX: x, minY: top, maxX: x + letterAdvance * fontSize * squeeze, maxY: top + fontSize)
                    glyphs.append(Glyph(scalar: scalar, rect: rect, style: style, breakBefore: position == 0))
                    x = rect.maxX
                }
            }
        }
        return glyphs
    }
}

extension PageGlyphs {
    /// Adds the glyphs of text shown by annotations and form fields, each area's in a style of
    /// its own size. Areas are clamped to the page; one off the page, or with an edge that is
    /// no number, shows nothing.
    mutating func append(_ annotations: [AnnotationText], pageWidth: Double, pageHeight: Double) {
        let page = Rect(minX: 0, minY: 0, maxX: pageWidth, maxY: pageHeight)
        let bodySize = self.bodySize ?? AnnotationGlyphs.defaultFontSize
        for annotation in annotations {
            let edges = [annotation.area.minX, annotation.area.minY, annotation.area.maxX, annotation.area.maxY]
            guard edges.allSatisfy(\.isFinite), let area = annotation.area.intersection(page) else { continue }
            let (lines, size, squeeze) = AnnotationGlyphs.layout(AnnotationText(text: annotation.text, area: area), bodySize: bodySize)
            guard !lines.isEmpty, size > 0 else { continue }
            let style = GlyphStyle(fontName: AnnotationGlyphs.fontName, fontSize: size, color: AnnotationGlyphs.color)
            let index: Int32
            if let existing = styles.firstIndex(of: style) {
                index = Int32(existing)
            } else {
                index = Int32(styles.count)
                styles.append(style)
            }
            // Lines wrapped past the area's foot are cut off by the viewer too.
            glyphs += AnnotationGlyphs.glyphs(lines, fontSize: size, squeeze: squeeze, in: area, style: index)
                .filter { $0.rect.maxY <= area.maxY + AnnotationGlyphs.padding }
        }
    }

    /// The size most of the page's glyphs are set in (its running text), nil on a page without text.
    var bodySize: Double? {
        var counts: [Int32: Int] = [:]
        for glyph in glyphs where glyph.style >= 0 { counts[glyph.style, default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }.map { styles[Int($0.key)].fontSize }
    }
}
