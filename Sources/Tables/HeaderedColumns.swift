import Layout
import ReportSource

/// Text set in columns under a header line, such as a follow-up table of assignments (item,
/// status, comment): the header's cells, and for lines under it each cell filed under the
/// header cell it is printed beneath, so a title cell and a comment cell printed side by side
/// are never read into each other.
///
/// The table stage finds tables of figures by itself; a table of words only has no figures to
/// tell it from running text set in two columns, so a recogniser that knows the header's words
/// asks for it. The columns are still read here, from positions: the front-end's measured
/// column gaps (PDF) or runs of spaces (laid-out text).
public struct HeaderedColumns: Sendable {
    /// The header cells' texts, left to right.
    public let headers: [String]
    /// Each column's extent: from where its header cell starts to where the next one starts.
    let columns: [ClosedRange<Double>]

    /// Nil unless the header line is parted into two or more placed cells.
    public init?(header: LayoutLine) {
        let headerCells = PlacedCell.cells(of: header)
        guard headerCells.count >= 2 else { return nil }
        let starts = headerCells.compactMap { $0.span?.lowerBound }
        guard starts.count == headerCells.count else { return nil }
        columns = starts.indices.map { index in
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : Double.greatestFiniteMagnitude
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
            let placed = PlacedCell.cells(of: line)
            parted = parted || placed.count > 1
            for cell in placed {
                let column = cell.span.flatMap { PlacedCell.column(of: $0, in: columns) } ?? 0
                cells[column] = cells[column].isEmpty ? cell.text : cells[column] + " " + cell.text
            }
        }
        return parted ? cells : nil
    }
}
