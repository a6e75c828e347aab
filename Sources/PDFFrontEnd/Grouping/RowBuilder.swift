import Foundation

/// A row: words that share a baseline, left to right, cut into segments at column gaps.
struct Row: Sendable {
    /// Indices into the page's words, sorted by left edge.
    var words: [Int]
    var rect: Rect
    /// For each word after the first: true when the gap before it is a column gap (the word
    /// starts a cell).
    var columnGapBefore: [Bool]
}

/// Puts words on rows by vertical overlap and decides which gaps inside a row are column gaps.
enum RowBuilder {
    /// Groups `subset` of `words` into rows, top to bottom.
    ///
    /// A word joins the row it overlaps most, if the overlap is at least half the smaller height;
    /// raised or lowered small glyphs (footnote marks, subscripts) still overlap their line.
    static func rows(of subset: [Int], in words: [Word]) -> [Row] {
        let order = subset.sorted {
            let a = words[$0].rect, b = words[$1].rect
            return a.minY != b.minY ? a.minY < b.minY : a.minX < b.minX
        }
        var rows: [(ref: Rect, rect: Rect, words: [Int])] = []
        var active: [Int] = []  // rows that later words may still reach
        for index in order {
            let rect = words[index].rect
            active.removeAll { rows[$0].rect.maxY < rect.minY }
            var best: Int?
            var bestOverlap = 0.0
            for rowIndex in active {
                let ref = rows[rowIndex].ref
                let overlap = ref.verticalOverlap(rect)
                if overlap >= 0.5 * min(ref.height, rect.height), overlap > bestOverlap,
                    !rows[rowIndex].words.contains(where: { Self.standsAboveOrBelow(words[$0].rect, rect) })
                {
                    best = rowIndex
                    bestOverlap = overlap
                }
            }
            if let best {
                rows[best].words.append(index)
                rows[best].rect = rows[best].rect.union(rect)
                // Text sets the row's band; an icon (often taller or offset) does not.
                if words[rows[best].words[0]].isIcon, !words[index].isIcon { rows[best].ref = rect }
            } else {
                rows.append((rect, rect, [index]))
                active.append(rows.count - 1)
            }
        }
        var result: [Row] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            let sorted = row.words.sorted { words[$0].rect.minX < words[$1].rect.minX }
            result.append(Row(words: sorted, rect: row.rect, columnGapBefore: columnGaps(sorted, words)))
        }
        result.sort { $0.rect.midY < $1.rect.midY }
        return result
    }

    /// Share of the narrower word's width two words may overlap by and still be side by side
    /// (touching glyph boxes, a kerned mark); more, and one may be set above the other.
    static let sideBySideOverlap = 0.5
    /// Two words overlapping across, that share less than this share of the taller one's height,
    /// stand one above the other; sharing more, one is printed over the other (a producer's bold).
    static let overprintedHeightShare = 0.5

    /// Whether two words that overlap in height stand one above the other rather than side by
    /// side: a small line set inside a large display type's box (`Dnr. KS 2013/375` over the
    /// top of `KLIMAT`). Words of one row follow each other; they do not cover each other.
    /// A word printed twice in the same place covers its twin in height too, and stays on the row.
    static func standsAboveOrBelow(_ a: Rect, _ b: Rect) -> Bool {
        let horizontal = min(a.maxX, b.maxX) - max(a.minX, b.minX)
        guard horizontal > sideBySideOverlap * min(a.width, b.width) else { return false }
        return a.verticalOverlap(b) < overprintedHeightShare * max(a.height, b.height)
    }

    /// Marks the gaps in a row that are column gaps rather than word spaces.
    ///
    /// A word space is about a quarter of an em (a thousands separator no more); a gap of 1.5 em
    /// is a column gap in any typesetting. Between those, a gap counts when it is well over the
    /// row's ordinary word space (justified text stretches every space of its line alike).
    static func columnGaps(_ sorted: [Int], _ words: [Word]) -> [Bool] {
        guard sorted.count > 1 else { return [] }
        var gaps: [Double] = []
        var ems: [Double] = []
        gaps.reserveCapacity(sorted.count - 1)
        for i in 1..<sorted.count {
            let left = words[sorted[i - 1]], right = words[sorted[i]]
            gaps.append(right.rect.minX - left.rect.maxX)
            ems.append(max(1, min(left.fontSize, right.fontSize)))
        }
        // Justified text stretches every space of a line alike, sometimes past 1.5 em: a line of
        // words whose gaps are all about equal is running text, not cells.
        if gaps.count >= 3, let widest = gaps.max(), let narrowest = gaps.min(), narrowest > 0,
            widest <= 1.35 * narrowest, isMostlyLetters(sorted, words)
        {
            return Array(repeating: false, count: gaps.count)
        }
        // A list marker or section number set off by an indent (`•`, `1.`, `3.3.2`) is followed
        // by a tab stop, not a column: pdftotext and the text path give a space there.
        if gaps.count >= 1, words[sorted[0]].traits.isListMarker {
            var result = decide(gaps: gaps, ems: ems)
            if result.dropFirst().allSatisfy({ !$0 }) { result[0] = false }
            return result
        }
        return decide(gaps: gaps, ems: ems)
    }

    private static func decide(gaps: [Double], ems: [Double]) -> [Bool] {
        let ordinary = gaps.indices.filter { gaps[$0] > 0 && gaps[$0] < 0.8 * ems[$0] }.map { gaps[$0] }.sorted()
        let space = ordinary.isEmpty ? nil : ordinary[ordinary.count / 2]
        return gaps.indices.map { i in
            let gap = gaps[i], em = ems[i]
            if gap >= 1.5 * em { return true }
            if gap < 0.8 * em { return false }
            return gap >= 2.5 * (space ?? 0.3 * em)
        }
    }

    /// `•`, `-`, `–`, `*`, `1.`, `2)`, `a)`, `3.3.2`: what starts a list item or numbered heading.
    static func isListMarker(_ text: String) -> Bool {
        if bulletTexts.contains(text) { return true }
        guard text.utf8.count <= 32 else { return false }
        let scalars = Array(text.unicodeScalars)
        guard let last = scalars.last, scalars.count <= 8 else { return false }
        if last == ")" || last == "." {
            let body = scalars.dropLast()
            // A lower-case letter (general category Ll, as CharacterSet.lowercaseLetters has it).
            if body.count == 1, let letter = body.first, letter.properties.generalCategory == .lowercaseLetter { return true }
            return !body.isEmpty && body.allSatisfy { ("0"..."9").contains($0) || $0 == "." }
        }
        // `3.3.2` without a final dot: at least one inner dot, digits around it.
        return scalars.contains(".") && scalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." }
            && scalars.first != "." && !text.contains("..")
    }

    /// Words that are list markers by themselves.
    static let bulletTexts: Set<String> = ["•", "-", "–", "—", "*", "◦", "▪", "■", "●", "○", "►", "➢", "✓", "o"]

    static func isMostlyLetters(_ sorted: [Int], _ words: [Word]) -> Bool {
        var letters = 0, characters = 0
        for index in sorted {
            letters += words[index].traits.letters
            characters += words[index].traits.characters
        }
        return characters > 0 && letters * 10 >= characters * 7
    }
}
