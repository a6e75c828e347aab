/// A column with no header beside a headed one it never shares a row with, nearly touching it,
/// is that column's figures set a little off.
///
/// Laid-out text from a proportional font puts a row's figures a character or two off the
/// column they stand in (`Inventarier 50` two characters right of the `9 600` above it); the
/// column finder then makes the misplaced figures a column of their own, with no header. Such a
/// column joins the headed neighbour it touches when no row has a figure in both.
enum StrayColumns {
    /// The gap between a stray column and its neighbour, at most this share of the usual gap
    /// between the table's columns.
    static let nearGapShare = 0.35

    /// The grid with each stray column's cells moved into the headed column beside it.
    static func merged(_ grid: TableGrid) -> TableGrid {
        var result = grid
        while let (stray, into) = nextMerge(result) {
            for row in result.rows.indices {
                result.rows[row].cells = result.rows[row].cells.map { cell in
                    var cell = cell
                    if cell.column == stray { cell.column = into }
                    if cell.column > stray { cell.column -= 1 }
                    return cell
                }
            }
            let span = result.columns[stray].span
            let target = into > stray ? into - 1 : into
            result.columns.remove(at: stray)
            let joined = result.columns[target].span
            result.columns[target].span = min(joined.lowerBound, span.lowerBound)...max(joined.upperBound, span.upperBound)
        }
        return result
    }

    /// The next stray column and the column it joins, if any.
    static func nextMerge(_ grid: TableGrid) -> (stray: Int, into: Int)? {
        let columns = grid.columns
        guard columns.count >= 3 else { return nil }
        let gaps = zip(columns, columns.dropFirst()).map { $1.span.lowerBound - $0.span.upperBound }.sorted()
        let usualGap = gaps[gaps.count / 2]
        guard usualGap > 0 else { return nil }
        func shareRow(_ a: Int, _ b: Int) -> Bool {
            grid.rows.contains { row in row.cells.contains { $0.column == a } && row.cells.contains { $0.column == b } }
        }
        for stray in columns.indices where columns[stray].header.isEmpty && columns[stray].isNumeric {
            let neighbours = [stray - 1, stray + 1].filter { columns.indices.contains($0) && !columns[$0].header.isEmpty }
            let near = neighbours.map { other -> (Int, Double) in
                let gap = other < stray
                    ? columns[stray].span.lowerBound - columns[other].span.upperBound
                    : columns[other].span.lowerBound - columns[stray].span.upperBound
                return (other, gap)
            }.filter { $0.1 <= nearGapShare * usualGap && !shareRow(stray, $0.0) }
            if let best = near.min(by: { $0.1 < $1.1 }) { return (stray, best.0) }
        }
        return nil
    }
}
