import Foundation
import SwedishReportLanguage
import Layout
import ReportSource

/// Cells of a line that a geometry-aware front-end (PDF) split at measured column gaps (tabs),
/// with where each cell is printed, so rows line up under their header by position.
///
/// Only the assignments' follow-up tables still read cells this way; every table of figures,
/// indicators or goals is read from the table stage's grids (moving the follow-up tables onto
/// grids would retire this type).
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
}
