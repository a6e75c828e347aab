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
    /// The same extents as the table stage's columns.
    var clusters: [ColumnClusters.Column] { columns.map { ColumnClusters.Column(minX: $0.lowerBound, maxX: $0.upperBound, cells: 0, figures: 0) } }

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
                // The column it overlaps most, else the nearest: as the table stage files every cell.
                let column = HeaderTree.bestColumn(for: cell, clusters: clusters)
                cells[column] = cells[column].isEmpty ? cell.text : cells[column] + " " + cell.text
            }
        }
        return parted ? cells : nil
    }

    /// The column a line's first cell is filed under, and that cell's text; nil for a blank line.
    public func firstCell(of line: LayoutLine) -> (column: Int, text: String)? {
        guard let first = Self.cells(of: line).first else { return nil }
        return (HeaderTree.bestColumn(for: first, clusters: clusters), first.text)
    }

    /// A line's cells, parted where the table stage parts cells (a column gap of
    /// `TableFinder.columnGapCharacters`), placed from the start of the printed line: a line
    /// holding only a wrapped cell of an inner column starts far to the right.
    static func cells(of line: LayoutLine) -> [Segment] {
        Segment.segments(of: PlacedLine(line, index: 0), minimumGap: TableFinder.columnGapCharacters)
    }
}
