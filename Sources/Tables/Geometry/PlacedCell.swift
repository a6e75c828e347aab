import Layout
import ReportSource

/// Cells of a line that a geometry-aware front-end (PDF) split at measured column gaps, or
/// runs of spaces part (laid-out text), with where each cell is printed, so that lines of text
/// set in columns line up under their header by position (`HeaderedColumns`).
struct PlacedCell: Sendable, Hashable {
    /// The cell's text.
    var text: String
    /// Its horizontal extent on the page, where the line has word boxes.
    var span: ClosedRange<Double>?

    /// The cells of a line: for PDF input its words grouped at the column gaps the front-end
    /// measured, each cell spanning its words' boxes; for laid-out text, runs of spaces part
    /// cells and a cell's span is the character columns it is printed in.
    static func cells(of line: LayoutLine) -> [PlacedCell] {
        let words = line.source.words
        // Columns count from the start of the printed line, indentation included: a line holding
        // only a wrapped cell of an inner column starts far to the right.
        guard !words.isEmpty else { return Self.characterColumnCells(of: line.source.text) }
        var result: [PlacedCell] = []
        var group: [SourceWord] = []
        func close() {
            let printed = group.filter { !$0.text.allSatisfy(\.isWhitespace) }
            guard !printed.isEmpty else { return }
            let text = SourceLine.cellText(of: printed)
            let box = BoundingBox.union(of: printed.map(\.box))
            result.append(PlacedCell(text: text, span: box.map { $0.x...$0.maxX }))
        }
        for word in words {
            if word.startsColumn, !group.isEmpty {
                close()
                group = []
            }
            group.append(word)
        }
        close()
        return result
    }

    /// Spaces that part two cells of laid-out text (one space parts words).
    static let columnGapSpaces = 2

    /// The cells of a line of laid-out text, parted at runs of spaces, each with its character columns.
    static func characterColumnCells(of text: String) -> [PlacedCell] {
        var cells: [PlacedCell] = []
        var current = ""
        var start = 0
        var spaces = 0
        for (column, character) in text.enumerated() {
            if character == " " {
                spaces += 1
                continue
            }
            if !current.isEmpty, spaces >= columnGapSpaces {
                cells.append(PlacedCell(text: current, span: Double(start)...Double(start + current.count)))
                current = ""
            } else if !current.isEmpty, spaces > 0 {
                current += String(repeating: " ", count: spaces)
            }
            if current.isEmpty { start = column }
            current.append(character)
            spaces = 0
        }
        if !current.isEmpty { cells.append(PlacedCell(text: current, span: Double(start)...Double(start + current.count))) }
        return cells
    }

    /// The column whose span a cell overlaps most, else the nearest column; nil without geometry.
    static func column(of cell: ClosedRange<Double>, in columns: [ClosedRange<Double>]) -> Int? {
        guard !columns.isEmpty else { return nil }
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
        }
    }
}
