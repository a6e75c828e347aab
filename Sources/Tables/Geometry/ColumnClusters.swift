/// Columns from the cells of many rows: cells whose extents overlap share a column.
///
/// Narrow cells are placed first, so that a cell spanning two columns (a long label that ran
/// into the figures, a group cell) cannot join them: by the time it is placed, the columns it
/// overlaps already exist, and it is left out of the clustering and assigned afterwards.
struct ColumnClusters {
    /// A column's extent and how many cells made it.
    struct Column: Sendable, Hashable {
        var minX: Double
        var maxX: Double
        var cells: Int
        var figures: Int
        var center: Double { (minX + maxX) / 2 }
        /// True when figures (numbers, empty-cell marks) are at least half its cells: a column of
        /// figures, not of text. A column only the header names (no cells) counts as one.
        var holdsFigures: Bool { figures * 2 >= cells }
    }

    private(set) var columns: [Column] = []

    /// Clusters the segments; `tolerance` (line units) lets cells that touch count as overlapping.
    init(_ segments: [Segment], tolerance: Double) {
        for segment in segments.sorted(by: { ($0.maxX - $0.minX) < ($1.maxX - $1.minX) }) {
            let hits = columns.indices.filter { overlaps(columns[$0], segment, tolerance: tolerance) }
            if hits.isEmpty {
                columns.append(Column(minX: segment.minX, maxX: segment.maxX, cells: 1, figures: segment.holdsFigure ? 1 : 0))
            } else if hits.count == 1 {
                let i = hits[0]
                columns[i].minX = min(columns[i].minX, segment.minX)
                columns[i].maxX = max(columns[i].maxX, segment.maxX)
                columns[i].cells += 1
                if segment.holdsFigure { columns[i].figures += 1 }
            }
            // A segment over two or more columns spans them; it is placed when rows are read.
        }
        // Widening may have made neighbours overlap; such columns are one.
        columns.sort { $0.minX < $1.minX }
        var merged: [Column] = []
        for column in columns {
            if var last = merged.last, column.minX <= last.maxX {
                last.maxX = max(last.maxX, column.maxX)
                last.cells += column.cells
                last.figures += column.figures
                merged[merged.count - 1] = last
            } else {
                merged.append(column)
            }
        }
        columns = merged
    }

    private func overlaps(_ column: Column, _ segment: Segment, tolerance: Double) -> Bool {
        segment.minX <= column.maxX + tolerance && segment.maxX >= column.minX - tolerance
    }
}
