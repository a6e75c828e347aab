/// Puts a page's rows into reading order: text set in two (or more) columns is read column by
/// column, while a table, whose columns are also separated by white gutters, stays row by row.
///
/// A gap inside a row is a candidate gutter. It is followed up and down the page through every
/// row that leaves it white (rows on one side only included, since columns need not start at the
/// same height); the rows it runs through form a band. A band whose gutter has running text on
/// both sides (several words a row, mostly letters) is a column layout and is read column by
/// column; otherwise the gutter is a table's column gap and stays a tab inside its rows.
enum ReadingOrder {
    /// One stretch of the page in reading order: rows to emit as they are.
    struct Region {
        var rows: [Row]
        /// True when this region starts a new column (a paragraph break goes before it).
        var startsColumn: Bool
    }

    /// The narrowest white strip that can separate text columns, in points.
    static let minimumGutter = 6.0
    /// The fewest rows a column layout spans.
    static let minimumColumnRows = 4

    static func regions(of rows: [Row], words: [Word], depth: Int = 0) -> [Region] {
        guard rows.count >= minimumColumnRows, depth < 4 else { return [Region(rows: rows, startsColumn: false)] }
        let segments = rows.map { Self.segments(of: $0, words: words) }
        let bands = columnBands(rows: rows, segments: segments, words: words)
        guard !bands.isEmpty else { return [Region(rows: rows, startsColumn: false)] }

        var regions: [Region] = []
        var pending: [Row] = []
        var index = 0
        while index < rows.count {
            guard let band = bands.first(where: { $0.range.lowerBound == index }) else {
                pending.append(rows[index])
                index += 1
                continue
            }
            if !pending.isEmpty {
                regions.append(Region(rows: pending, startsColumn: false))
                pending = []
            }
            let bandWords = rows[band.range].flatMap(\.words)
            var bounds = [-Double.infinity]
            bounds += band.splits
            bounds.append(.infinity)
            for column in 0..<(bounds.count - 1) {
                let members = bandWords.filter {
                    let x = words[$0].rect.midX
                    return x >= bounds[column] && x < bounds[column + 1]
                }
                guard !members.isEmpty else { continue }
                // Rows are rebuilt per column, since columns need not share baselines.
                let columnRows = RowBuilder.rows(of: members, in: words)
                for (offset, region) in Self.regions(of: columnRows, words: words, depth: depth + 1).enumerated() {
                    regions.append(Region(rows: region.rows, startsColumn: offset == 0 || region.startsColumn))
                }
            }
            index = band.range.upperBound + 1
        }
        if !pending.isEmpty { regions.append(Region(rows: pending, startsColumn: false)) }
        return regions
    }

    /// Bands of rows read as columns, with the x positions that split them, in page order and
    /// not overlapping.
    static func columnBands(rows: [Row], segments: [[(Double, Double)]], words: [Word]) -> [(range: ClosedRange<Int>, splits: [Double])] {
        var candidates: [(range: ClosedRange<Int>, gutter: (Double, Double))] = []
        var seen = Set<ClosedRangeKey>()
        // Where a gutter may run: a gap inside a row, or between two rows side by side (columns
        // whose baselines differ give rows that hold one column each).
        var seeds: [(row: Int, strip: (Double, Double))] = []
        for row in rows.indices {
            for k in 1..<max(1, segments[row].count) {
                seeds.append((row, (segments[row][k - 1].1, segments[row][k].0)))
            }
            if row + 1 < rows.count {
                let a = rows[row].rect, b = rows[row + 1].rect
                if b.minX - a.maxX >= minimumGutter { seeds.append((row, (a.maxX, b.minX))) }
                if a.minX - b.maxX >= minimumGutter { seeds.append((row, (b.maxX, a.minX))) }
            }
        }
        for seed in seeds {
            let row = seed.row
            var strip = seed.strip
            guard strip.1 - strip.0 >= minimumGutter else { continue }
            do {
                // Followed through rows that leave it white, but not across a wide vertical space
                // (a footer far below is not part of the columns).
                var last = row
                while last + 1 < rows.count, isClose(rows[last + 1], to: rows[last]),
                    let narrowed = narrow(strip, by: segments[last + 1])
                {
                    strip = narrowed
                    last += 1
                }
                var first = row
                while first > 0, isClose(rows[first - 1], to: rows[first]), let narrowed = narrow(strip, by: segments[first - 1]) {
                    strip = narrowed
                    first -= 1
                }
                guard last - first + 1 >= minimumColumnRows else { continue }
                let key = ClosedRangeKey(first: first, last: last, gutter: Int(((strip.0 + strip.1) / 2).rounded()))
                guard seen.insert(key).inserted else { continue }
                candidates.append((first...last, strip))
            }
        }
        var accepted: [(range: ClosedRange<Int>, splits: [Double])] = []
        for candidate in candidates.sorted(by: { $0.range.count > $1.range.count }) {
            let middle = (candidate.gutter.0 + candidate.gutter.1) / 2
            if let same = accepted.firstIndex(where: { $0.range == candidate.range }) {
                if !accepted[same].splits.contains(where: { abs($0 - middle) < minimumGutter }),
                    isColumnGutter(candidate.range, middle: middle, rows: rows, words: words)
                {
                    accepted[same].splits.append(middle)
                    accepted[same].splits.sort()
                }
                continue
            }
            guard !accepted.contains(where: { $0.range.overlaps(candidate.range) }) else { continue }
            if isColumnGutter(candidate.range, middle: middle, rows: rows, words: words) {
                accepted.append((candidate.range, [middle]))
            }
        }
        return accepted.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// True when two neighbouring rows are no further apart than a few lines.
    static func isClose(_ a: Row, to b: Row) -> Bool {
        let gap = max(a.rect.minY - b.rect.maxY, b.rect.minY - a.rect.maxY)
        return gap <= 3 * max(a.rect.height, b.rect.height)
    }

    private struct ClosedRangeKey: Hashable {
        var first: Int
        var last: Int
        var gutter: Int
    }

    /// The part of `strip` a row leaves white (the widest, if the row cuts it), or nil when the
    /// row fills it.
    static func narrow(_ strip: (Double, Double), by segments: [(Double, Double)]) -> (Double, Double)? {
        var open = [strip]
        for segment in segments {
            open = subtract(segment, from: open)
            if open.isEmpty { return nil }
        }
        guard let widest = open.max(by: { $0.1 - $0.0 < $1.1 - $1.0 }), widest.1 - widest.0 >= minimumGutter else {
            return nil
        }
        return widest
    }

    /// The occupied horizontal spans of a row: its segments between column gaps.
    static func segments(of row: Row, words: [Word]) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        var current = words[row.words[0]].rect
        var i = 1
        while i < row.words.count {
            let rect = words[row.words[i]].rect
            if row.columnGapBefore[i - 1] {
                result.append((current.minX, current.maxX))
                current = rect
            } else {
                current = current.union(rect)
            }
            i += 1
        }
        result.append((current.minX, current.maxX))
        return result
    }

    /// Removes `span` from a list of open intervals.
    static func subtract(_ span: (Double, Double), from intervals: [(Double, Double)]) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        result.reserveCapacity(intervals.count + 1)
        for interval in intervals {
            if span.1 <= interval.0 || span.0 >= interval.1 {
                result.append(interval)
                continue
            }
            if span.0 > interval.0 { result.append((interval.0, span.0)) }
            if span.1 < interval.1 { result.append((span.1, interval.1)) }
        }
        return result
    }

    /// True when the text on both sides of a gutter through the rows is running text.
    static func isColumnGutter(_ range: ClosedRange<Int>, middle: Double, rows: [Row], words: [Word]) -> Bool {
        var left: [Int] = [], right: [Int] = []
        for row in range {
            for index in rows[row].words where !words[index].isIcon {
                if words[index].rect.midX < middle { left.append(index) } else { right.append(index) }
            }
        }
        guard isProse(left, words: words), isProse(right, words: words) else { return false }
        // A side with column gaps of its own is part of a table (several columns of cells).
        var innerGaps = [0, 0]
        for row in range where rows[row].words.count > 1 {
            let ids = rows[row].words
            var counted = [false, false]
            // (the gap after a list bullet is an indent, not a column)
            for i in 1..<ids.count where rows[row].columnGapBefore[i - 1] && !words[ids[i - 1]].traits.isListMarker {
                let a = words[ids[i - 1]].rect.midX < middle, b = words[ids[i]].rect.midX < middle
                if a == b {
                    let side = a ? 0 : 1
                    if !counted[side] { innerGaps[side] += 1; counted[side] = true }
                }
            }
        }
        if innerGaps.max() ?? 0 >= max(2, range.count / 5) { return false }
        // In a table the cells of a row start on one line on both sides; in text columns the
        // paragraphs of the two sides start wherever they happen to.
        // (Both sides starting at the top proves nothing, and a baseline grid lines up the odd
        // pair of paragraphs by chance, so it takes three more to make a table.)
        let leftStarts = Array(blockStarts(left, words: words).dropFirst())
        let rightStarts = Array(blockStarts(right, words: words).dropFirst())
        let aligned = leftStarts.filter { y in rightStarts.contains { abs($0 - y) < 1.5 } }.count
        if aligned >= 3, Double(aligned) >= 0.6 * Double(min(leftStarts.count, rightStarts.count)) { return false }
        // Text columns share the width about evenly; a narrow column of labels beside wider
        // cells is a table, however wordy its cells.
        let leftWidth = (left.map { words[$0].rect.maxX }.max() ?? 0) - (left.map { words[$0].rect.minX }.min() ?? 0)
        let rightWidth = (right.map { words[$0].rect.maxX }.max() ?? 0) - (right.map { words[$0].rect.minX }.min() ?? 0)
        let whole = (right.map { words[$0].rect.maxX }.max() ?? 0) - (left.map { words[$0].rect.minX }.min() ?? 0)
        return min(leftWidth, rightWidth) >= max(100, 0.25 * whole)
    }

    /// The tops of the first lines of the paragraphs (or cells) of one side: lines after a gap
    /// wider than the side's usual line spacing.
    static func blockStarts(_ members: [Int], words: [Word]) -> [Double] {
        var lines: [Rect] = []
        for index in members.sorted(by: { words[$0].rect.minY < words[$1].rect.minY }) {
            let rect = words[index].rect
            if let last = lines.last, rect.minY < last.maxY - 0.5 * rect.height {
                lines[lines.count - 1] = last.union(rect)
            } else {
                lines.append(rect)
            }
        }
        guard let first = lines.first else { return [] }
        var gaps = zip(lines.dropFirst(), lines).map { $0.minY - $1.maxY }.sorted()
        let usual = gaps.isEmpty ? 0 : gaps[gaps.count / 2]
        gaps = []
        var starts = [first.minY]
        for (line, previous) in zip(lines.dropFirst(), lines) where line.minY - previous.maxY > usual + 0.5 * line.height {
            starts.append(line.minY)
        }
        return starts
    }

    /// Running text: several rows, many words a row, mostly letters, and a usable width.
    static func isProse(_ members: [Int], words: [Word]) -> Bool {
        guard !members.isEmpty else { return false }
        var rowTops: [Double] = []
        var letters = 0, characters = 0
        var minX = Double.infinity, maxX = -Double.infinity
        for index in members {
            let word = words[index]
            minX = min(minX, word.rect.minX)
            maxX = max(maxX, word.rect.maxX)
            if !rowTops.contains(where: { abs($0 - word.rect.minY) < 0.5 * word.rect.height }) {
                rowTops.append(word.rect.minY)
            }
            characters += word.traits.characters
            letters += word.traits.letters
        }
        guard rowTops.count >= 3, characters > 0, maxX - minX >= 90 else { return false }
        let wordsPerRow = Double(members.count) / Double(rowTops.count)
        return wordsPerRow >= 3 && Double(letters) / Double(characters) >= 0.7
    }
}
