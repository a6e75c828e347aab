import Layout
import ReportSource

/// Stage 3b: tables from geometry, between layout and the recognisers.
///
/// Reads the positioned words of every line (PDF word boxes, or the character columns of text)
/// and returns each table as a grid: header tree, rows with level and parent, cells with row
/// and column. Nothing here knows what a column means; the recognisers name it.
public enum TableStage {
    /// Every table of the document, in reading order.
    public static func grids(in layout: LayoutDocument) -> [TableGrid] {
        let lines = layout.lines.enumerated().map { PlacedLine($1, index: $0) }
        var drawings: [Int: SourcePage] = [:]
        for page in layout.source.pages where !page.rules.isEmpty { drawings[page.number] = page }
        return TableFinder(lines: lines, drawings: drawings).grids().map(StrayColumns.merged).map(GroupNesting.nested)
    }
}
