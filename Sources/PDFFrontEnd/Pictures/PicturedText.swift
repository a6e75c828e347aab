import ReportSource

/// Pictures of text on a page that otherwise has a text layer: a table pasted as a screenshot,
/// a scanned appendix page inside a born-digital report. Their figures cannot be read without
/// OCR, so the user is told where they are.
///
/// A picture is taken for text by its ink: mostly paper, a modest share of dark ink, and the
/// ink laid out in several bands of a text line's height that run across the picture (lines of
/// text, table rows). A photograph has little paper; a chart's curves make tall bands and its
/// tick labels narrow ones; a map's labels are scattered.
enum PicturedText {
    /// A picture smaller than this (points) on either side is an icon, a logo or a signature.
    static let smallestWidth = 120.0
    static let smallestHeight = 40.0
    /// Words of the text layer over a picture beyond this many make it a background under text.
    static let mostWordsOver = 3
    /// Pixels per point the picture is looked at with.
    static let scale = 1.0
    /// A pixel this light on every channel is paper.
    static let paperLevel: UInt8 = 225
    /// A pixel this dark on average is ink.
    static let inkLevel = 110
    /// At least this share of a picture of text is paper.
    static let leastPaperShare = 0.6
    /// A picture of text is inked on this share of its pixels, within these bounds.
    static let inkShares = 0.02...0.3
    /// A pixel column inked on this share of the rows is a rule or a border, not text.
    static let ruleColumnShare = 0.6
    /// A picture of text has at least this many lines of ink (text lines, table rows).
    static let leastInkBands = 4

    /// Pictures large enough to hold a table, with no text layer drawn over them.
    /// The share of the page's height at its top and at its bottom where letterheads and
    /// footer bands stand.
    static let furnitureBandShare = 0.15

    static func candidates(pictures: [Rect], words: [Word], pageHeight: Double) -> [Rect] {
        let text = words.lazy.filter { !$0.isIcon }
        let textTop = text.map(\.rect.minY).min() ?? 0, textBottom = text.map(\.rect.maxY).max() ?? pageHeight
        return pictures.filter { picture in
            guard picture.width >= smallestWidth, picture.height >= smallestHeight else { return false }
            // A letterhead (a logo and the sender's address as one picture) above all of the
            // page's text, or a footer band below it, is page furniture, not text missing from
            // the page: it is neither rendered nor reported.
            if picture.maxY <= textTop, picture.maxY <= furnitureBandShare * pageHeight { return false }
            if picture.minY >= textBottom, picture.minY >= (1 - furnitureBandShare) * pageHeight { return false }
            let over = words.lazy.filter { !$0.isIcon && picture.contains(x: $0.rect.midX, y: $0.rect.midY) }.prefix(mostWordsOver + 1).count
            return over <= mostWordsOver
        }
    }

    /// A band of ink as tall as a line of text is at most this tall (points).
    static let tallestTextBand = 16.0
    /// ... and at least this tall (points): a rule is no line of text.
    static let lowestTextBand = 3.0
    /// A line of text or a table row spreads its ink over at least this share of the width; a
    /// chart's tick labels stand at one side.
    static let textBandWidthShare = 0.4

    /// Whether the rendered picture at `area` looks like printed text or a table: paper with
    /// ink in at least `leastInkBands` bands of a text line's height that run across it.
    static func looksLikeText(_ page: RenderedPage, area: Rect) -> Bool {
        // In pixels, clamped before any conversion (a hostile file may place a picture at
        // 1e30 or NaN) and pulled in by a pixel (the clip's anti-aliased edge is no ink).
        func pixel(_ value: Double, limit: Int) -> Int {
            guard value.isFinite else { return 0 }
            return Int(min(max(value * page.scale, 0), Double(limit)))
        }
        let minX = pixel(area.minX, limit: page.width) + 1, maxX = pixel(area.maxX, limit: page.width) - 1
        let minY = pixel(area.minY, limit: page.height) + 1, maxY = pixel(area.maxY, limit: page.height) - 1
        guard maxX - minX >= 8, maxY - minY >= 8 else { return false }
        func isInk(_ color: RGBColor) -> Bool { (Int(color.red) + Int(color.green) + Int(color.blue)) / 3 <= inkLevel }
        // Columns inked on most rows are rules or borders (a table screenshot's grid), which
        // would join every line into one band: they are left out of the bands.
        var inkedRows = Array(repeating: 0, count: maxX - minX)
        for y in minY..<maxY {
            for x in minX..<maxX where isInk(page.color(x: x, y: y)) { inkedRows[x - minX] += 1 }
        }
        let ruleColumns = Set(inkedRows.indices.filter { Double(inkedRows[$0]) >= ruleColumnShare * Double(maxY - minY) }.map { $0 + minX })
        var paper = 0, ink = 0, total = 0
        var textBands = 0
        // The band being followed: its first row and the horizontal extent of its ink.
        var band: (top: Int, left: Int, right: Int)?
        func close(at y: Int) {
            guard let current = band else { return }
            let height = Double(y - current.top) / page.scale
            let width = Double(current.right - current.left + 1)
            if height >= lowestTextBand, height <= tallestTextBand, width >= textBandWidthShare * Double(maxX - minX) { textBands += 1 }
            band = nil
        }
        for y in minY..<maxY {
            var left = Int.max, right = -1
            for x in minX..<maxX {
                let color = page.color(x: x, y: y)
                total += 1
                if color.red >= paperLevel, color.green >= paperLevel, color.blue >= paperLevel {
                    paper += 1
                } else if isInk(color) {
                    ink += 1
                    guard !ruleColumns.contains(x) else { continue }
                    left = min(left, x)
                    right = max(right, x)
                }
            }
            if right >= 0 {
                if let current = band {
                    band = (current.top, min(current.left, left), max(current.right, right))
                } else {
                    band = (y, left, right)
                }
            } else {
                close(at: y)
            }
        }
        close(at: maxY)
        guard total > 0 else { return false }
        return Double(paper) / Double(total) >= leastPaperShare && inkShares.contains(Double(ink) / Double(total))
            && textBands >= leastInkBands
    }
}
