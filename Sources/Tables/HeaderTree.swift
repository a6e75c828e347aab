import SwedishReportLanguage

/// Header cells to column names, by horizontal overlap alone.
///
/// - A header cell over one column is part of that column's name; cells stacked over the same
///   column join top-down (`Prognos` / `helår 2026` → `Prognos helår 2026`).
/// - A header cell over several columns is a group cell: its text starts the name of each
///   column beneath it (`Helår` over `Budget Prognos` → `Helår Budget`, `Helår Prognos`).
/// - A header line set without column gaps (`Budget 2024 Plan 2025`) is split word by word
///   over the columns below it.
/// - Where names still collide (two columns both called `Budget`), the cells of the lines above
///   are group cells over the columns nearest them, so that the names part again.
enum HeaderTree {
    /// The column a piece of a row belongs to: the one it overlaps most, else the nearest.
    static func bestColumn(for segment: Segment, clusters: [ColumnClusters.Column]) -> Int {
        let overlaps = clusters.map { min(segment.maxX, $0.maxX) - max(segment.minX, $0.minX) }
        if let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[best] >= 0 { return best }
        return nearestColumn(to: segment, clusters: clusters)
    }

    /// The columns a segment overlaps.
    static func overlapped(by segment: Segment, clusters: [ColumnClusters.Column], tolerance: Double) -> [Int] {
        clusters.indices.filter { segment.minX <= clusters[$0].maxX - tolerance && segment.maxX >= clusters[$0].minX + tolerance }
    }

    /// Splits a segment over several columns at the word gaps that fall between columns.
    static func splitAtGutters(_ segment: Segment, clusters: [ColumnClusters.Column], tolerance: Double) -> [Segment] {
        guard segment.words.count > 1, overlapped(by: segment, clusters: clusters, tolerance: tolerance).count > 1 else { return [segment] }
        var pieces: [Segment] = []
        var current: [PlacedWord] = [segment.words[0]]
        for word in segment.words.dropFirst() {
            let previous = current.last!
            // A gap inside one column's extent is a space within a cell (`1 200`); a gap between
            // words that fall in different columns is a gutter.
            let insideColumn = clusters.contains { $0.minX < previous.maxX - tolerance && $0.maxX > word.minX + tolerance }
            let left = nearestColumn(to: Segment(words: [previous]), clusters: clusters)
            let right = nearestColumn(to: Segment(words: [word]), clusters: clusters)
            if !insideColumn, left != right {
                pieces.append(Segment(words: current))
                current = []
            }
            current.append(word)
        }
        pieces.append(Segment(words: current))
        return pieces
    }

    /// Printed words this far apart (characters) or further are not one phrase: a word space
    /// is about half a character.
    static let wordSpaceCharacters = 1.5
    /// In text set in character columns one space is all the gap there is, so any gap may part
    /// two header cells.
    static let textWordSpaceCharacters = 1.0

    /// Header cells of one segment: `(column, text)` for each column it names.
    /// A word gap this many word spaces wide parts header cells by itself.
    static let clearGapWordSpaces = 2.0

    static func assign(_ segment: Segment, to clusters: [ColumnClusters.Column]) -> [(column: Int, text: String)] {
        let hits = overlapped(by: segment, clusters: clusters, tolerance: 0)
        if hits.isEmpty, let gutter = gutter(around: segment, clusters: clusters) {
            // Centred in the gap between two columns, over neither: a group cell over both.
            return [(gutter, segment.text), (gutter + 1, segment.text)]
        }
        if hits.count <= 1 {
            return [(hits.first ?? nearestColumn(to: segment, clusters: clusters), segment.text)]
        }
        // A header line set without column gaps (`Budget 2027 Plan 2028` over two columns) parts
        // at its widest word gaps, one piece a column, when those gaps are wider than a word
        // space; a phrase set over two columns (`Summa avgift` over `2026 2027`) is a group cell.
        let words = segment.words.sorted { $0.minX < $1.minX }
        let width = words.map { ($0.maxX - $0.minX) / Double(max($0.text.count, 1)) }.max() ?? 1
        func gap(_ index: Int) -> Double { words[index].minX - words[index - 1].maxX }
        let inCharacterColumns = words.allSatisfy { $0.height == 0 }
        let wordSpace = (inCharacterColumns ? textWordSpaceCharacters : wordSpaceCharacters) * width
        // Gaps clearly wider than a word space part first; among gaps alike (a line set with
        // word spaces only), the one nearest a boundary between the columns the line spans
        // (`Budget 2026 | Prognos helår` over two right-aligned columns).
        let boundaries = zip(hits, hits.dropFirst()).map { (clusters[$0].maxX + clusters[$1].minX) / 2 }
        func boundaryDistance(_ index: Int) -> Double {
            let middle = (words[index - 1].maxX + words[index].minX) / 2
            return boundaries.map { abs($0 - middle) }.min() ?? 0
        }
        func isClear(_ index: Int) -> Bool { gap(index) >= Self.clearGapWordSpaces * wordSpace }
        // Only a gap at least a word space wide may part cells (a narrower one is inside a word group).
        let cuts = (1..<max(words.count, 1)).filter { gap($0) >= wordSpace }.sorted { a, b in
            isClear(a) != isClear(b) ? isClear(a) : isClear(a) ? gap(a) > gap(b) : boundaryDistance(a) < boundaryDistance(b)
        }.prefix(hits.count - 1).sorted()
        if cuts.count == hits.count - 1, cuts.allSatisfy({ gap($0) >= wordSpace }) {
            var pieces: [String] = []
            var start = 0
            for cut in cuts + [words.count] {
                pieces.append(Segment(words: Array(words[start..<cut])).text)
                start = cut
            }
            return zip(hits, pieces).map { ($0, $1) }
        }
        // One cell over several columns: a group cell.
        return hits.map { ($0, segment.text) }
    }

    /// The column left of the gap between two columns that a segment stands in, centred: its
    /// middle in the gap, and as far from one column as from the other (within a character).
    static func gutter(around segment: Segment, clusters: [ColumnClusters.Column]) -> Int? {
        let center = (segment.minX + segment.maxX) / 2
        let character = (segment.maxX - segment.minX) / Double(max(segment.text.count, 1))
        guard let left = clusters.indices.dropLast().first(where: { clusters[$0].maxX < center && clusters[$0 + 1].minX > center })
        else { return nil }
        let gap = (clusters[left].maxX + clusters[left + 1].minX) / 2
        let spanCenter = (clusters[left].minX + clusters[left + 1].maxX) / 2
        return abs(center - gap) <= 2 * character || abs(center - spanCenter) <= 2 * character ? left : nil
    }

    /// The column whose middle is nearest the middle of a segment.
    static func nearestColumn(to segment: Segment, clusters: [ColumnClusters.Column]) -> Int {
        let center = (segment.minX + segment.maxX) / 2
        // Within a column's extent first: right-aligned figures under a left-set header word.
        if let inside = clusters.firstIndex(where: { center >= $0.minX && center <= $0.maxX }) { return inside }
        return clusters.indices.min { abs(clusters[$0].center - center) < abs(clusters[$1].center - center) } ?? 0
    }

    /// Where column names collide, reads the cells of a higher header line as group cells over
    /// the columns nearest them, when that parts the colliding names.
    static func spreadGroupCells(_ perLine: inout [[Int: String]], lineCells: [[Segment]], clusters: [ColumnClusters.Column]) {
        func names() -> [String] { clusters.indices.map { column in join(perLine.compactMap { $0[column] }) } }
        func collisions(_ names: [String]) -> Int {
            let filled = names.filter { !$0.isEmpty }
            return filled.count - Set(filled).count
        }
        guard perLine.count >= 2, collisions(names()) > 0 else { return }
        for line in perLine.indices.dropLast() where !lineCells[line].isEmpty {
            var trial = perLine
            for column in clusters.indices where trial[line][column] == nil {
                let center = clusters[column].center
                let nearest = lineCells[line].min { distance($0, center) < distance($1, center) }!
                trial[line][column] = nearest.text
            }
            let before = perLine
            let collidedBefore = collisions(names())
            perLine = trial
            if collisions(names()) >= collidedBefore { perLine = before }
            if collisions(names()) == 0 { return }
        }
    }

    /// Horizontal distance from a segment to a point (0 inside it).
    static func distance(_ segment: Segment, _ x: Double) -> Double {
        x < segment.minX ? segment.minX - x : x > segment.maxX ? x - segment.maxX : 0
    }

    /// Names every column from its header parts, top down.
    static func name(_ columns: inout [GridColumn]) {
        for index in columns.indices {
            columns[index].header = join(columns[index].headerParts)
        }
    }

    /// Joins stacked header cells; a line-end hyphen before a lower-case letter joins its word.
    static func join(_ parts: [String]) -> String { TableWords.joinWrapped(parts) }
}
