import Layout
import ReportSource

/// Text set in columns under a header line, such as a follow-up table of assignments (item,
/// status, comment): the header's cells, and for lines under it each cell filed under the
/// header cell it is printed beneath, so a title cell and a comment cell printed side by side
/// are never read into each other.
///
/// The table stage finds tables of figures by itself; a table of words only has no figures to
/// tell it from running text set in two columns, so a recogniser that knows the header's words
/// asks for it. The columns are still read here, from positions, with the table stage's own
/// cells (word boxes in PDF, character columns in laid-out text).
public struct HeaderedColumns: Sendable {
    /// The header cells' texts, left to right.
    public let headers: [String]
    /// Each column's extent: from where its header cell starts to where the next one starts.
    let columns: [ClosedRange<Double>]

    /// Nil unless the header line is parted into two or more cells.
    public init?(header: LayoutLine) {
        let headerCells = Self.cells(of: header)
        guard headerCells.count >= 2 else { return nil }
        let starts = headerCells.map(\.minX)
        // A column runs from where its header cell starts to just before the next one starts.
        columns = starts.indices.map { index in
            let end = index + 1 < starts.count ? starts[index + 1].nextDown : Double.greatestFiniteMagnitude
            return starts[index]...max(starts[index], end)
        }
        headers = headerCells.map(\.text)
    }

    /// The text of each column over `lines`, top down; nil when no line of them is parted into
    /// cells (running text under the table, not a row of it).
    public func cells<Lines: Sequence>(of lines: Lines) -> [String]? where Lines.Element == LayoutLine {
        var cells = [String](repeating: "", count: columns.count)
        var parted = false
        for line in lines {
            let placed = Self.cells(of: line)
            parted = parted || placed.count > 1
            for cell in placed {
                let column = HeaderedColumns.column(of: cell.minX...cell.maxX, in: columns)
                cells[column] = cells[column].isEmpty ? cell.text : cells[column] + " " + cell.text
            }
        }
        return parted ? cells : nil
    }

    /// A line's cells, parted where the table stage parts cells (a column gap of
    /// `TableFinder.columnGapCharacters`), placed from the start of the printed line: a line
    /// holding only a wrapped cell of an inner column starts far to the right.
    static func cells(of line: LayoutLine) -> [Segment] {
        Segment.segments(of: PlacedLine(line, index: 0), minimumGap: TableFinder.columnGapCharacters)
    }

    /// The column whose extent a cell overlaps most, else the nearest one.
    static func column(of cell: ClosedRange<Double>, in columns: [ClosedRange<Double>]) -> Int {
        var best: (index: Int, overlap: Double)?
        for (index, column) in columns.enumerated() {
            let overlap = min(cell.upperBound, column.upperBound) - max(cell.lowerBound, column.lowerBound)
            if overlap > 0, overlap > (best?.overlap ?? 0) { best = (index, overlap) }
        }
        if let best { return best.index }
        let centre = (cell.lowerBound + cell.upperBound) / 2
        return columns.indices.min {
            abs((columns[$0].lowerBound + columns[$0].upperBound) / 2 - centre)
                < abs((columns[$1].lowerBound + columns[$1].upperBound) / 2 - centre)
        } ?? 0
    }
}
