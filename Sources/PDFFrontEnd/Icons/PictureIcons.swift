import CPoppler
import ReportSource

/// Finds status icons drawn as pictures: small raster images and coloured vector shapes
/// (circles, squares) beside text, which the text layer does not show.
///
/// Their colour is read from a rendering of the page, made only where an icon can be: the
/// white strip just left of a line, a gap between table cells, and small square images. The
/// rendering is clipped to those strips so that a page costs little more than its text.
enum PictureIcons {
    /// Where on a page an icon drawn as a picture may be, in lines of words without figures:
    /// the empty strip before a short line indented against the lines around it (the icon takes
    /// that room, as in `● Uppfylls helt` under a goal), a wide space inside a short line
    /// (`Bedömning: ● Delvis uppfyllt`), and the room before a cell after a column gap (a legend).
    static func candidateStrips(words: [Word], rows: [Row]) -> [Rect] {
        var strips: [Rect] = []
        for (index, row) in rows.enumerated() {
            guard let text = wordsOfStatusRow(row, words: words), let firstText = text.first else { continue }
            let first = words[firstText].rect
            let em = max(6, min(24, words[firstText].fontSize))
            let short = text.count <= 8
            // A wide space inside a short line of words: `Bedömning: ● Delvis uppfyllt`.
            if short {
                for i in 1..<text.count {
                    let a = words[text[i - 1]].rect, b = words[text[i]].rect
                    let gap = b.minX - a.maxX
                    if gap >= 1.0 * em, gap <= 4 * em {
                        strips.append(Rect(minX: a.maxX + 0.5, minY: first.minY - 0.2 * first.height, maxX: b.minX - 0.5,
                                           maxY: first.maxY + 0.2 * first.height))
                    }
                }
            }
            // Before a cell after a column gap: `Ej uppfyllt ● Delvis uppfyllt ● Helt uppfyllt`.
            // Legend cells are a few words each; a long cell is a table's text.
            let cells = RowCells.segments(of: row)
            let legend = cells.count >= 3 && cells.allSatisfy { $0.count <= 4 }
            for i in 1..<max(1, row.words.count) where row.columnGapBefore[i - 1] && legend {
                let a = words[row.words[i - 1]].rect, b = words[row.words[i]].rect
                let cellEm = max(6, min(24, words[row.words[i]].fontSize))
                if b.minX - a.maxX >= 1.2 * cellEm, b.minX - a.maxX <= 8 * cellEm {
                    strips.append(Rect(minX: max(a.maxX + 0.5, b.minX - 2.8 * cellEm), minY: b.minY - 0.2 * b.height,
                                       maxX: b.minX - 0.5, maxY: b.maxY + 0.2 * b.height))
                }
            }
            // A status line is a few words; a list item starts with its own marker.
            let narrow = text.count <= 5 && row.rect.width <= 20 * em
            guard narrow || legend, !words[firstText].traits.isListMarker else { continue }
            // The left edge of the text around it: the rows just above and below that overlap it.
            let neighbours = rows[max(0, index - 3)..<min(rows.count, index + 4)].filter {
                $0.rect.minX < first.minX && $0.rect.maxX > first.minX - 3 * em
                    && abs($0.rect.midY - first.midY) <= 4 * first.height
            }
            // A line that starts where a word above or below starts is aligned text (a hanging
            // indent, a tab stop), not text moved right by an icon.
            let aligned = neighbours.contains { other in other.words.contains { abs(words[$0].rect.minX - first.minX) < 1 } }
            guard !aligned, let margin = neighbours.map(\.rect.minX).min(), first.minX - margin >= 0.6 * em,
                first.minX - margin <= 4 * em
            else { continue }
            let strip = Rect(minX: max(margin - 1, first.minX - 2.8 * em), minY: first.minY - 0.2 * first.height,
                             maxX: first.minX - 0.5, maxY: first.maxY + 0.2 * first.height)
            // Nothing printed there as text.
            guard strip.width > 2, !words.contains(where: { $0.rect.maxX > strip.minX && $0.rect.minX < strip.maxX
                && $0.rect.verticalOverlap(strip) > 0.3 * $0.rect.height })
            else { continue }
            strips.append(strip)
        }
        return strips
    }

    /// The most words a row that may carry a status icon holds (a status line, a goal's title).
    static let mostWordsOfStatusRow = 16

    /// The words of a row that may carry a status icon: a few words, none a figure, and no icon
    /// found on it already; nil for any other row.
    static func wordsOfStatusRow(_ row: Row, words: [Word]) -> [Int]? {
        guard row.words.count <= mostWordsOfStatusRow, !row.words.contains(where: { words[$0].isIcon || words[$0].traits.isNumeric })
        else { return nil }
        return row.words
    }

    /// Where a status column's icons may be: in a row of words without figures, under a
    /// header cell that stands past the row's last word (`Mål | Bedömning`, a disc under
    /// Bedömning on each goal's row, the row's own cell empty of words). The header is the
    /// nearest row above that is parted in cells. The strip spans the header cell and a little
    /// either side, up to the next word to the right; an icon found in one must stand on plain
    /// ground (`isPlainGround`): text set over a photograph has none.
    static func statusColumnStrips(words: [Word], rows: [Row]) -> [Rect] {
        var strips: [Rect] = []
        for (index, row) in rows.enumerated() {
            guard let text = wordsOfStatusRow(row, words: words), let firstText = text.first, let lastText = text.last,
                !row.columnGapBefore.contains(true)
            else { continue }
            let first = words[firstText].rect, last = words[lastText].rect
            let em = max(6, min(24, words[firstText].fontSize))
            let searched = max(0, index - statusColumnRowsSearched)..<index
            guard let headerIndex = searched.last(where: { rows[$0].columnGapBefore.contains(true) }),
                rows[headerIndex].rect.maxY <= first.minY,
                let cell = RowCells.segments(of: rows[headerIndex]).map({ Array(rows[headerIndex].words[$0]) }).first(where: { cell in
                    cell.count <= statusHeaderWords && words[cell[0]].rect.minX >= last.maxX + statusColumnGap * em
                })
            else { continue }
            let cellLeft = words[cell[0]].rect.minX, cellRight = cell.map { words[$0].rect.maxX }.max() ?? cellLeft
            // The column stays clear from its header down to this row: a line of text running
            // under the header cell (a paragraph between a page's running header and a chart)
            // ends it.
            guard rows[(headerIndex + 1)..<index].allSatisfy({ $0.rect.maxX < cellLeft }) else { continue }
            let top = first.minY - 0.2 * first.height, bottom = first.maxY + 0.2 * first.height
            let nextWord = words.lazy.filter { !$0.isIcon && $0.rect.minX > last.maxX && $0.rect.maxY > top && $0.rect.minY < bottom }
                .map(\.rect.minX).min()
            let left = max(last.maxX + 0.5 * em, cellLeft - statusColumnReach * em)
            let right = min(cellRight + statusColumnReach * em, (nextWord ?? .infinity) - 0.5)
            if right - left >= em { strips.append(Rect(minX: left, minY: top, maxX: right, maxY: bottom)) }
        }
        return strips
    }

    /// How many rows up a status column's header cell is looked for.
    static let statusColumnRowsSearched = 40
    /// A header cell is a few words (`Bedömning`, `Status`, `Måluppfyllelse 2025`).
    static let statusHeaderWords = 3

    /// The least share of the rim of a status column's strip in its one most common colour
    /// (paper, or a row's shading). An icon never touches the rim (one cut by it is left out);
    /// a photograph behind the text has no such colour.
    static let plainGroundShare = 0.7

    /// Whether a rendered strip stands on flat ground: its rim, a pixel inside the strip's
    /// clipped edge, is mostly one colour.
    static func isPlainGround(_ page: RenderedPage, _ strip: Rect) -> Bool {
        let (x0, y0) = page.pixel(x: strip.minX, y: strip.minY), (x1, y1) = page.pixel(x: strip.maxX, y: strip.maxY)
        let minX = max(0, x0 + 1), maxX = min(page.width - 1, x1 - 1), minY = max(0, y0 + 1), maxY = min(page.height - 1, y1 - 1)
        guard minX < maxX, minY < maxY else { return false }
        var counts: [UInt32: Int] = [:]
        var total = 0
        func count(_ x: Int, _ y: Int) {
            let c = page.color(x: x, y: y)
            // Colours within a few levels of each other are one (anti-aliasing, JPEG noise).
            counts[UInt32(c.red >> 3) << 10 | UInt32(c.green >> 3) << 5 | UInt32(c.blue >> 3), default: 0] += 1
            total += 1
        }
        for x in minX...maxX { count(x, minY); count(x, maxY) }
        for y in (minY + 1)..<maxY { count(minX, y); count(maxX, y) }
        return Double(counts.values.max() ?? 0) >= plainGroundShare * Double(total)
    }

    /// How far (in ems of the row's type) either side of its header cell a status column's
    /// icon may stand (a centred icon under a short header).
    static let statusColumnReach = 3.0
    /// The least gap (ems) between a row's last word and an icon in a column of its own.
    static let statusColumnGap = 1.0

    /// A status bar's least and greatest height (points), its least length in heights, and its
    /// greatest length (points): the filled part of a progress bar in a status column.
    static let barHeights = 3.0...16.0
    static let barLeastLengthInHeights = 2.5
    static let longestBar = 120.0
    /// The least share of its box a bar fills: a bar is a solid rectangle.
    static let barFill = 0.8

    /// Coloured blobs of icon size inside the strips of a rendered page, and in a status
    /// column's strips (`barStrips`) coloured bars: the filled part of a progress bar, whose
    /// grey track beside it is part of it, not an icon. Whatever the progress, a coloured part
    /// and a grey one that together make a bar are one bar in the coloured part's colour.
    static func icons(in page: RenderedPage, strips: [Rect], barStrips: [Rect] = [], words: [Word]) -> [Word] {
        let scale = page.scale
        var seen = [Bool](repeating: false, count: page.width * page.height)
        // Every flat shape found, of icon or bar size, before they are told apart.
        var shapes: [(rect: Rect, color: RGBColor, grey: Bool, fill: Double, inBarStrip: Bool)] = []
        for (stripIndex, strip) in (strips + barStrips).enumerated() {
            let x0 = max(0, RenderedPage.clamped(strip.minX * scale, limit: page.width))
            let x1 = min(page.width - 1, RenderedPage.clamped(strip.maxX * scale, limit: page.width))
            let y0 = max(0, RenderedPage.clamped(strip.minY * scale, limit: page.height))
            let y1 = min(page.height - 1, RenderedPage.clamped(strip.maxY * scale, limit: page.height))
            guard x0 <= x1, y0 <= y1 else { continue }
            for y in y0...y1 {
                for x in x0...x1 where !seen[y * page.width + x] {
                    let color = page.color(x: x, y: y)
                    // Grey counts too: with no text in the strip, a solid grey shape is an icon ("not assessed").
                    let kind: PixelKind
                    if IconGlyphs.isColoured(color) { kind = .coloured } else if IconGlyphs.isGrey(color) { kind = .grey } else { continue }
                    if let blob = blob(from: x, y, kind: kind, page: page, seen: &seen),
                        // A shape cut by the strip's edge is part of something larger (a shaded cell).
                        blob.minX > x0, blob.maxX < x1, blob.minY > y0, blob.maxY < y1
                    {
                        let rect = Rect(minX: Double(blob.minX) / scale, minY: Double(blob.minY) / scale,
                                        maxX: Double(blob.maxX + 1) / scale, maxY: Double(blob.maxY + 1) / scale)
                        let fill = Double(blob.count) / Double((blob.maxX - blob.minX + 1) * (blob.maxY - blob.minY + 1))
                        guard rect.height <= 24, fill >= 0.25 else { continue }
                        shapes.append((rect, blob.color, kind == .grey, fill, stripIndex >= strips.count))
                    }
                }
            }
        }
        // A progress bar's two parts: a coloured one and a grey one touching it at its height.
        var partOfBar = Set<Int>(), bars: [Int: Rect] = [:]
        for (coloured, part) in shapes.enumerated() where !part.grey && part.inBarStrip && part.fill >= barFill {
            for (grey, track) in shapes.enumerated() where track.grey && track.fill >= barFill && isTrack(track.rect, of: part.rect) {
                let whole = part.rect.union(track.rect)
                guard isBarShaped(whole) else { continue }
                partOfBar.insert(grey)
                bars[coloured] = whole
            }
        }
        var found: [Word] = []
        for (index, shape) in shapes.enumerated() where !partOfBar.contains(index) {
            let rect = shape.rect, w = rect.width, h = rect.height
            let isBar = bars[index] != nil || shape.inBarStrip && shape.fill >= barFill && isBarShaped(rect)
            guard isBar || (w >= 3 && h >= 3 && w <= 24 && w / h >= 0.6 && w / h <= 1.67) else { continue }
            // A list bullet is a small dot; a status icon is about as tall as the letters
            // beside it. (A bar is drawn thinner than its row's type.)
            let letters = words.filter { !$0.isIcon && $0.rect.verticalOverlap(rect) > 0 }.map(\.fontSize).max() ?? 0
            guard isBar || h >= 0.55 * letters else { continue }
            // Coloured letters are text, already read.
            if words.contains(where: { !$0.isIcon && $0.rect.verticalOverlap(rect) > 0.5 * rect.height
                && $0.rect.minX < rect.maxX && $0.rect.maxX > rect.minX })
            {
                continue
            }
            if found.contains(where: { $0.rect.minX < rect.maxX && $0.rect.maxX > rect.minX && $0.rect.verticalOverlap(rect) > 0 }) {
                continue
            }
            found.append(.icon(rect, color: shape.color, shape: isBar ? .bar : nil))
        }
        return found
    }

    /// Whether a box has a bar's proportions and size (`barHeights`, `barLeastLengthInHeights`, `longestBar`).
    static func isBarShaped(_ rect: Rect) -> Bool {
        barHeights.contains(rect.height) && rect.width >= barLeastLengthInHeights * rect.height && rect.width <= longestBar
    }

    /// Whether `track` continues the bar `bar` to its right, or to its left, at its height.
    static func isTrack(_ track: Rect, of bar: Rect) -> Bool {
        let touching = abs(track.minX - bar.maxX) <= barJoin || abs(bar.minX - track.maxX) <= barJoin
        return touching && track.verticalOverlap(bar) >= 0.7 * min(track.height, bar.height)
    }

    /// How far apart (points) a bar and its track may end and start and still be one.
    static let barJoin = 1.5

    private struct Blob {
        var minX: Int, minY: Int, maxX: Int, maxY: Int
        var count: Int
        var color: RGBColor
    }

    /// The connected coloured area around a pixel, with its most saturated-typical colour;
    /// nil when it grows past icon size (a coloured band, chart or photo).
    private enum PixelKind {
        case coloured, grey

        func matches(_ color: RGBColor) -> Bool {
            self == .coloured ? IconGlyphs.isColoured(color) : IconGlyphs.isGrey(color)
        }
    }

    private static func blob(from x: Int, _ y: Int, kind: PixelKind, page: RenderedPage, seen: inout [Bool]) -> Blob? {
        let limit = Int(30 * page.scale) + 2, barLimit = Int(longestBar * page.scale) + 2
        var stack = [(x, y)]
        seen[y * page.width + x] = true
        var blob = Blob(minX: x, minY: y, maxX: x, maxY: y, count: 0, color: page.color(x: x, y: y))
        var tooBig = false
        var red = 0, green = 0, blue = 0
        while let (px, py) = stack.popLast() {
            blob.count += 1
            let c = page.color(x: px, y: py)
            red += Int(c.red)
            green += Int(c.green)
            blue += Int(c.blue)
            blob.minX = min(blob.minX, px)
            blob.maxX = max(blob.maxX, px)
            blob.minY = min(blob.minY, py)
            blob.maxY = max(blob.maxY, py)
            if blob.maxX - blob.minX > barLimit || blob.maxY - blob.minY > limit { tooBig = true }
            for (nx, ny) in [(px + 1, py), (px - 1, py), (px, py + 1), (px, py - 1)] {
                guard nx >= 0, ny >= 0, nx < page.width, ny < page.height, !seen[ny * page.width + nx] else { continue }
                if kind.matches(page.color(x: nx, y: ny)) {
                    seen[ny * page.width + nx] = true
                    stack.append((nx, ny))
                }
            }
        }
        guard !tooBig, blob.count > 0 else { return nil }
        // The middle of a flat-filled shape has its true colour; its rim is blended with the paper.
        let middle = page.color(x: (blob.minX + blob.maxX) / 2, y: (blob.minY + blob.maxY) / 2)
        blob.color = kind.matches(middle)
            ? middle : RGBColor(red: UInt8(red / blob.count), green: UInt8(green / blob.count), blue: UInt8(blue / blob.count))
        return blob
    }
}
