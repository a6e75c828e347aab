import Foundation
import SwedishReportLanguage
import Layout
import ReportSource

/// Cells of a line that a geometry-aware front-end (PDF) split at measured column gaps (tabs),
/// with where each cell is printed, so rows line up under their header by position.
struct PlacedCell: Sendable, Hashable {
    /// The cell's text.
    var text: String
    /// Its horizontal extent on the page, where the line has word boxes.
    var span: ClosedRange<Double>?

    /// The cells of a tabbed line, each with the boxes of the words it is made of. Words are
    /// matched by their letters, so a word normalisation joined across a hyphen still finds its
    /// boxes; from the first cell that matches no words on, cells have no span.
    static func cells(of line: LayoutLine) -> [PlacedCell] {
        let words = line.source.words
        // Laid-out text (`pdftotext -layout`) has no word boxes: its column gaps are runs of
        // spaces, and a cell's span is the character columns it is printed in.
        if words.isEmpty, !line.text.containsTab { return Self.characterColumnCells(of: line.text) }
        let parts = line.text.tabSeparatedComponents().map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
        func letters(_ text: String) -> String {
            // ASCII text (most words) is filtered by byte: there every character is one byte (CR LF
            // aside, both white space) and the white space is tab to carriage return and space.
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                let isDropped = { (byte: UInt8) in byte == 0x20 || byte == 0x2D || (0x09...0x0D).contains(byte) }
                guard text.utf8.contains(where: isDropped) else { return text }
                return String(decoding: text.utf8.filter { !isDropped($0) }, as: UTF8.self)
            }
            return String(text.filter { !$0.isWhitespace && $0 != "-" && $0 != "\u{00AD}" })
        }
        var next = 0
        var aligned = !words.isEmpty
        var result: [PlacedCell] = []
        for part in parts {
            var span: ClosedRange<Double>?
            if aligned {
                let target = letters(part)
                let targetCount = target.count
                var taken = ""
                var boxes: [BoundingBox] = []
                while next < words.count, taken.count < targetCount {
                    taken += letters(words[next].text)
                    boxes.append(words[next].box)
                    next += 1
                }
                if taken == target, let box = BoundingBox.union(of: boxes) {
                    span = box.x...box.maxX
                } else {
                    aligned = false
                }
            }
            result.append(PlacedCell(text: part, span: span))
        }
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

    /// Columns for cells taken left to right, each in a later column than the one before, as
    /// near as possible to where it is printed; nil when there are more cells than columns.
    static func inOrder(_ cells: [ClosedRange<Double>], columns: [ClosedRange<Double>]) -> [Int]? {
        guard cells.count <= columns.count, !cells.isEmpty else { return nil }
        func centre(_ r: ClosedRange<Double>) -> Double { (r.lowerBound + r.upperBound) / 2 }
        let n = cells.count, k = columns.count
        // cost[i][j]: best total distance placing cells 0...i with cell i in column j.
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: k), count: n)
        var from = [[Int]](repeating: [Int](repeating: -1, count: k), count: n)
        for j in 0..<k { cost[0][j] = abs(centre(cells[0]) - centre(columns[j])) }
        for i in 1..<n {
            for j in i..<k {
                for p in (i - 1)..<j where cost[i - 1][p] + abs(centre(cells[i]) - centre(columns[j])) < cost[i][j] {
                    cost[i][j] = cost[i - 1][p] + abs(centre(cells[i]) - centre(columns[j]))
                    from[i][j] = p
                }
            }
        }
        guard var j = (0..<k).min(by: { cost[n - 1][$0] < cost[n - 1][$1] }), cost[n - 1][j].isFinite else { return nil }
        var result = [Int](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            result[i] = j
            j = from[i][j]
        }
        return result
    }
}
