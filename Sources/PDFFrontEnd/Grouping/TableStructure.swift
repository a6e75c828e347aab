import Foundation

/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let yearPunctuation: Set<Unicode.Scalar> = [".", ",", ";", ":"]

/// Table structure from geometry, on rows already in reading order.
///
/// - A gap too narrow to be a column gap by itself still is one where the columns of the rows
///   around say so: a number that ends on the right edge of a number column, next to a label
///   that ran long (`Ombyggnad/tillgängliggöran 400`), or a number column followed by another cell.
/// - Header cells printed on two or three lines (`Prognos helår` / `2026`) are joined into one
///   header row, cell by cell, since only the x positions tell which pieces belong together.
/// - A row label that wraps onto a line of its own (`Hittbarhet och tillgänglighet` /
///   `i museum och arkiv`) is joined to the row that carries the figures.
enum TableStructure {
    static func refine(_ rows: [Row], words: [Word]) -> [Row] {
        guard rows.count >= 2 else { return rows }
        var rows = rows
        alignColumnGaps(&rows, words: words)
        rows = mergeHeaderRows(rows, words: words)
        rows = joinLabelContinuations(rows, words: words)
        return rows
    }

    // MARK: Column gaps from alignment

    static func alignColumnGaps(_ rows: inout [Row], words: [Word]) {
        var edges: [Double] = []
        for row in rows where row.columnGapBefore.contains(true) {
            var seen: [Double] = []
            // Number cells only: the row's first cell is its label, even when it ends in a year.
            for segment in segments(of: row).dropFirst() where row.words[segment].allSatisfy({ words[$0].traits.isNumeric }) {
                let last = words[row.words[segment.upperBound - 1]]
                if !seen.contains(where: { abs($0 - last.rect.maxX) < 1.5 }) {
                    seen.append(last.rect.maxX)
                }
            }
            edges += seen
        }
        // Left edges of cells after the first: where left-aligned text columns start.
        var starts: [Double] = []
        for row in rows where row.columnGapBefore.contains(true) {
            for segment in segments(of: row).dropFirst() { starts.append(words[row.words[segment.lowerBound]].rect.minX) }
        }
        let supported = supportedPositions(edges, tolerance: 1.5, minimumCount: 2)
        let columnStarts = supportedPositions(starts, tolerance: 1.0, minimumCount: 3)
        guard !supported.isEmpty || !columnStarts.isEmpty else { return }
        func onEdge(_ x: Double) -> Bool { supported.contains { abs($0 - x) < 1.5 } }
        func onStart(_ x: Double) -> Bool { columnStarts.contains { abs($0 - x) < 1.0 } }
        for r in rows.indices where rows[r].words.count > 1 {
            let ids = rows[r].words
            for i in 1..<ids.count where !rows[r].columnGapBefore[i - 1] {
                let left = words[ids[i - 1]], right = words[ids[i]]
                guard !left.isIcon, !right.isIcon else { continue }
                let em = max(1, min(left.fontSize, right.fontSize))
                let gap = right.rect.minX - left.rect.maxX
                guard gap >= 0.2 * em else { continue }
                if left.traits.isNumeric, onEdge(left.rect.maxX), gap >= 0.3 * em {
                    rows[r].columnGapBefore[i - 1] = true
                } else if left.traits.letters > 0, right.traits.isNumeric, !right.traits.isYear, gap >= 0.4 * em,
                    let end = numberRunEnd(ids, from: i, words: words),
                    onEdge(words[ids[end]].rect.maxX)
                {
                    rows[r].columnGapBefore[i - 1] = true
                } else if onStart(right.rect.minX), gap >= 0.3 * em, rows[r].columnGapBefore.contains(true) {
                    rows[r].columnGapBefore[i - 1] = true
                }
            }
        }
    }

    /// The index of the last word of the number that starts at `start` (`1 400` is two words).
    static func numberRunEnd(_ ids: [Int], from start: Int, words: [Word]) -> Int? {
        guard words[ids[start]].traits.isNumeric else { return nil }
        var end = start
        while end + 1 < ids.count {
            let current = words[ids[end]], next = words[ids[end + 1]]
            let gap = next.rect.minX - current.rect.maxX
            guard next.traits.isNumeric, next.traits.characters == 3, gap < 0.4 * max(1, current.fontSize) else { break }
            end += 1
        }
        return end
    }

    // MARK: Header rows

    /// Stacked header cells are set in one type; a line this much larger than the header line
    /// under it is a heading over the table.
    static let largestHeaderCellRatio = 1.3

    static func mergeHeaderRows(_ rows: [Row], words: [Word]) -> [Row] {
        var result = rows
        var index = 0
        while index < result.count {
            guard isBodyRow(result[index], words: words), let slots = slots(fromBodyAt: index, rows: result, words: words)
            else {
                index += 1
                continue
            }
            let em = rowFontSize(result[index], words: words)
            var first = index
            while first > 0, index - first < 4 {
                let candidate = result[first - 1]
                let gap = result[first].rect.minY - candidate.rect.maxY
                // Cell padding may part the header from the body; header lines themselves are close.
                let allowed = first == index ? 2.0 * em : 0.8 * em
                // A line in much larger type above a header is a heading, not a stacked header cell.
                guard gap <= allowed, !isBodyRow(candidate, words: words),
                    rowFontSize(candidate, words: words) <= largestHeaderCellRatio * rowFontSize(result[first], words: words),
                    fits(candidate, slots: slots, words: words)
                    || (first < index && stacksWordByWord(candidate, over: result[first], slots: slots, words: words))
                else { break }
                first -= 1
            }
            let header = Array(result[first..<index])
            let inSlots = header.filter { row in row.words.contains { words[$0].rect.midX >= slots[0].minX - 2 } }
            if header.count >= 2, !inSlots.isEmpty {
                result.replaceSubrange(first..<index, with: [merged(header, slots: slots, words: words)])
                index = first + 1
            } else {
                index += 1
            }
            // Skip the rest of this table's body.
            while index < result.count, isBodyRow(result[index], words: words) || isLabelOnly(result[index], slots: slots, words: words) {
                index += 1
            }
        }
        return result
    }

    /// The number columns of the table whose body starts at `start`: where the cells after the
    /// label lie, merged over the body rows. Nil unless at least two body rows follow.
    static func slots(fromBodyAt start: Int, rows: [Row], words: [Word]) -> [Rect]? {
        var spans: [Rect] = []
        var bodyRows = 0
        var index = start
        var lastBody = start
        while index < rows.count, index - start < 80 {
            let row = rows[index]
            if isBodyRow(row, words: words) {
                bodyRows += 1
                lastBody = index
                for segment in segments(of: row).dropFirst() {
                    spans.append(row.words[segment].map { words[$0].rect }.dropFirst()
                        .reduce(words[row.words[segment.lowerBound]].rect) { $0.union($1) })
                }
            } else if !row.columnGapBefore.contains(true), index == lastBody + 1, index + 1 < rows.count,
                isBodyRow(rows[index + 1], words: words)
            {
                // One label-only line between body rows (a group heading or a wrapped label) is fine.
            } else {
                break
            }
            index += 1
        }
        guard bodyRows >= 2, !spans.isEmpty else { return nil }
        spans.sort { $0.minX < $1.minX }
        var slots: [Rect] = []
        for span in spans {
            if let last = slots.last, span.minX < last.maxX - 0.5 {
                slots[slots.count - 1] = last.union(span)
            } else {
                slots.append(span)
            }
        }
        return slots
    }

    /// A row with a label and at least one number cell after a column gap.
    static func isBodyRow(_ row: Row, words: [Word]) -> Bool {
        let segs = segments(of: row)
        guard segs.count >= 2 else { return false }
        // A cell of figures: mostly numbers, and not only years (`Budget 2026` is a header, and
        // `i december 2023.` is text); dates are data (`2023-01-01`).
        return segs.dropFirst().contains { segment in
            let cell = row.words[segment]
            if cell.contains(where: { words[$0].traits.isDate }) { return true }
            let figures = cell.filter { words[$0].traits.isNumeric && !words[$0].traits.isYear }.count
            return figures > 0 && figures * 2 >= cell.count
        }
    }

    static func isLabelOnly(_ row: Row, slots: [Rect], words: [Word]) -> Bool {
        !row.columnGapBefore.contains(true) && row.rect.maxX <= slots[0].minX + 2
    }

    /// True when every cell of a row sits in the label area or over exactly one number column.
    static func fits(_ row: Row, slots: [Rect], words: [Word]) -> Bool {
        for segment in segments(of: row) {
            let rect = row.words[segment].map { words[$0].rect }.reduce(words[row.words[segment.lowerBound]].rect) { $0.union($1) }
            if rect.maxX <= slots[0].minX + 2 { continue }
            let touched = slots.filter { $0.minX < rect.maxX && $0.maxX > rect.minX }
            if touched.count != 1 { return false }
        }
        return true
    }

    /// True when a header line whose cells were set too close for column gaps (`Budget Plan Plan`
    /// over `Belopp tkr ⇥ 2024 ⇥ 2025 ⇥ 2026`) still reads column by column: each of its words
    /// sits over at most one number column and over a word of the header line below it, as the
    /// lines of stacked header cells do (a caption above a table does not).
    static func stacksWordByWord(_ row: Row, over below: Row, slots: [Rect], words: [Word]) -> Bool {
        guard row.words.count >= 2 else { return false }
        return row.words.allSatisfy { id in
            let rect = words[id].rect
            guard slots.filter({ $0.minX < rect.maxX && $0.maxX > rect.minX }).count <= 1 else { return false }
            return below.words.contains { other in
                let otherRect = words[other].rect
                return min(rect.maxX, otherRect.maxX) - max(rect.minX, otherRect.minX) >= 0.3 * min(rect.width, otherRect.width)
            }
        }
    }

    /// Header rows as one row: the words of each column top to bottom, a column gap between columns.
    static func merged(_ header: [Row], slots: [Rect], words: [Word]) -> Row {
        // Each header cell: its words, its box, and the column it heads (0 is the label column).
        var cells: [(ids: [Int], rect: Rect, column: Int)] = []
        func column(of rect: Rect) -> Int {
            if rect.maxX <= slots[0].minX + 2 { return 0 }
            return (slots.indices.min { abs(slots[$0].midX - rect.midX) < abs(slots[$1].midX - rect.midX) } ?? 0) + 1
        }
        for row in header {
            for segment in segments(of: row) {
                let ids = Array(row.words[segment])
                let rect = ids.map { words[$0].rect }.dropFirst().reduce(words[ids[0]].rect) { $0.union($1) }
                if rect.maxX > slots[0].minX + 2, slots.filter({ $0.minX < rect.maxX && $0.maxX > rect.minX }).count > 1 {
                    // Cells set too close for a gap (a line `stacksWordByWord` let in): each word
                    // heads the column under it.
                    for id in ids { cells.append(([id], words[id].rect, column(of: words[id].rect))) }
                    continue
                }
                cells.append((ids, rect, column(of: rect)))
            }
        }
        // A header set left over right-aligned figures can end before its column starts
        // (`Budget` over `2027` above `9 279`): a cell stacked under or over a number column's
        // header cell belongs to that column, not to the labels.
        for index in cells.indices where cells[index].column == 0 {
            let rect = cells[index].rect
            let stacked = cells.first { other in
                other.column > 0 && min(rect.maxX, other.rect.maxX) - max(rect.minX, other.rect.minX) >= 0.5 * min(rect.width, other.rect.width)
                    && rect.verticalOverlap(other.rect) <= 0
            }
            if let stacked { cells[index].column = stacked.column }
        }
        var columns = Array(repeating: [Int](), count: slots.count + 1)
        for cell in cells { columns[cell.column] += cell.ids }
        var ids: [Int] = []
        var gaps: [Bool] = []
        for column in columns where !column.isEmpty {
            for (offset, id) in column.enumerated() {
                if !ids.isEmpty { gaps.append(offset == 0) }
                ids.append(id)
            }
        }
        let rect = header.dropFirst().reduce(header[0].rect) { $0.union($1.rect) }
        return Row(words: ids, rect: rect, columnGapBefore: gaps)
    }

    // MARK: Wrapped row labels

    static func joinLabelContinuations(_ rows: [Row], words: [Word]) -> [Row] {
        // The usual space between two rows of figures: a wrapped label sits much closer than that.
        var bodyGaps: [Double] = []
        for i in rows.indices.dropFirst() where isBodyRow(rows[i], words: words) && isBodyRow(rows[i - 1], words: words) {
            bodyGaps.append(rows[i].rect.minY - rows[i - 1].rect.maxY)
        }
        bodyGaps.sort()
        let rowGap = bodyGaps.count >= 2 ? bodyGaps[bodyGaps.count / 2] : nil

        var result: [Row] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            guard let previous = result.last, isBodyRow(previous, words: words),
                let (joined, rest) = joined(row, onto: previous, rowGap: rowGap, words: words)
            else {
                result.append(row)
                continue
            }
            result[result.count - 1] = joined
            if let rest { result.append(rest) }
        }
        return result
    }

    /// `previous` with `row` added cell by cell, when `row` is the second line of its cells:
    /// close under it, every piece under one of its cells, no figures of its own (a note such
    /// as `(2019)` under a value is fine), and either starting in lower case, much closer than
    /// rows are to each other, or continuing a hyphenated word.
    ///
    /// A piece that starts a new paragraph inside its cell (bold title, then regular text) is
    /// not joined; it is returned as the rest of the row, while the other pieces join.
    static func joined(_ row: Row, onto previous: Row, rowGap: Double?, words: [Word]) -> (Row, Row?)? {
        guard let first = row.words.first, !words[first].isIcon, !row.words.contains(where: { words[$0].isIcon }) else {
            return nil
        }
        let em = rowFontSize(previous, words: words)
        let gap = row.rect.minY - previous.rect.maxY
        guard gap <= 0.6 * em else { return nil }
        let cells = segments(of: previous)
        let rects = cells.map { cell in
            previous.words[cell].map { words[$0].rect }.dropFirst().reduce(words[previous.words[cell.lowerBound]].rect) { $0.union($1) }
        }
        var placed: [(cell: Int, ids: [Int])] = []
        for segment in segments(of: row) {
            let ids = Array(row.words[segment])
            let rect = ids.map { words[$0].rect }.dropFirst().reduce(words[ids[0]].rect) { $0.union($1) }
            // The cell it sits under: it starts inside the cell's span (or where one of the cell's
            // words starts, where two columns run together) and ends before the next cell.
            guard let cell = rects.indices.first(where: { index in
                let end = index + 1 < rects.count ? rects[index + 1].minX : .infinity
                let starts = rects[index].minX - 2 <= rect.minX && rect.minX < end
                    || previous.words[cells[index]].contains { abs(words[$0].rect.minX - rect.minX) < 1.5 }
                return starts && rect.maxX < end + 2
            }), placed.last.map({ $0.cell < cell }) ?? true
            else { return nil }
            // Figures under a value cell are a row of their own; numbers inside a label are words.
            if ids.contains(where: { isFigure(words[$0]) }), cell > 0 || ids.allSatisfy({ words[$0].traits.isNumeric }) {
                return nil
            }
            placed.append((cell, ids))
        }
        // A label piece in another weight starts a new paragraph of its cell (a regular
        // description under a bold title): it stays a line of its own.
        var joining: [(cell: Int, ids: [Int])] = []
        var rest: [Int] = []
        for piece in placed {
            let cellEnd = previous.words[cells[piece.cell].upperBound - 1]
            if words[cellEnd].isBold != words[piece.ids[0]].isBold, piece.ids.count > 2 {
                rest += piece.ids
            } else {
                joining.append(piece)
            }
        }
        guard let firstJoining = joining.first else { return nil }
        let close = rowGap.map { gap < 0.5 * $0 && $0 - gap > 0.2 * em } ?? false
        let hyphenated = joining.contains { words[previous.words[cells[$0.cell].upperBound - 1]].text.hasSuffix("-") }
        let noLabel = firstJoining.cell > 0
        guard startsLowercase(words[firstJoining.ids[0]].text) || close || hyphenated || (noLabel && gap <= 0.35 * em) else {
            return nil
        }
        var columns = cells.map { Array(previous.words[$0]) }
        for piece in joining { columns[piece.cell] += piece.ids }
        let joined = Row(columns: columns, words: words)
        let remainder = rest.isEmpty ? nil : Row(words: rest, rect: rest.map { words[$0].rect }.dropFirst()
            .reduce(words[rest[0]].rect) { $0.union($1) }, columnGapBefore: Array(repeating: false, count: rest.count - 1))
        return (joined, remainder)
    }

    /// A figure of a table: a number that is neither a year nor a note in parentheses.
    static func isFigure(_ word: Word) -> Bool {
        word.traits.isNumeric && !word.traits.isYear && !word.text.contains("(") && !word.text.contains(")")
    }

    // MARK: Helpers

    /// Word index ranges of a row between column gaps.
    static func segments(of row: Row) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in 1..<max(1, row.words.count) {
            if row.columnGapBefore[i - 1] {
                result.append(start..<i)
                start = i
            }
        }
        result.append(start..<row.words.count)
        return result
    }

    static func rowFontSize(_ row: Row, words: [Word]) -> Double {
        var size = 0.0
        for id in row.words where !words[id].isIcon { size = max(size, words[id].fontSize) }
        return size > 0 ? size : max(1, row.rect.height)
    }

    /// Positions seen in at least `minimumCount` places, within `tolerance` of each other.
    static func supportedPositions(_ positions: [Double], tolerance: Double, minimumCount: Int) -> [Double] {
        let sorted = positions.sorted()
        var result: [Double] = []
        var group: [Double] = []
        for x in sorted {
            if let last = group.last, x - last > tolerance {
                if group.count >= minimumCount { result.append(group.reduce(0, +) / Double(group.count)) }
                group = []
            }
            group.append(x)
        }
        if group.count >= minimumCount { result.append(group.reduce(0, +) / Double(group.count)) }
        return result
    }

    /// A number as tables print it: digits with sign, decimal comma, percent or parentheses.
    static func isNumeric(_ text: String) -> Bool {
        var digits = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": digits += 1
            case ",", ".": continue
            case "-", "−", "–", "+", "(": if offset > 0 && scalar != "(" { return false }
            case "%", ")", "*": continue
            default: return false
            }
        }
        return digits > 0
    }

    /// `2026`: a year in a label or header, never a cell of its own by alignment alone.
    static func isYear(_ text: String) -> Bool {
        // Stray punctuation off both ends (as trimming ".,;:" would), without Foundation's cost per word.
        var view = text.unicodeScalars[...]
        while let first = view.first, yearPunctuation.contains(first) { view = view.dropFirst() }
        while let last = view.last, yearPunctuation.contains(last) { view = view.dropLast() }
        let bare = String(String.UnicodeScalarView(view))
        return bare.count == 4 && (bare.hasPrefix("19") || bare.hasPrefix("20")) && bare.allSatisfy(\.isNumber)
    }

    /// `2023-01-01`: a date cell.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    static func hasLetters(_ text: String) -> Bool { text.contains { $0.isLetter } }

    static func startsLowercase(_ text: String) -> Bool { text.first?.isLowercase ?? false }
}

extension Row {
    /// A row made of cells, each a list of words in reading order, column gaps between them.
    init(columns: [[Int]], words: [Word]) {
        var ids: [Int] = []
        var gaps: [Bool] = []
        for column in columns {
            for (offset, id) in column.enumerated() {
                if !ids.isEmpty { gaps.append(offset == 0) }
                ids.append(id)
            }
        }
        let rect = ids.map { words[$0].rect }.dropFirst().reduce(words[ids[0]].rect) { $0.union($1) }
        self.init(words: ids, rect: rect, columnGapBefore: gaps)
    }
}
