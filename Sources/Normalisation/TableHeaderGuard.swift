import SwedishReportLanguage
import ReportSource

/// Keeps page-furniture removal off the lines that head a table.
///
/// A long table repeats its header line at the top of each page, and reports repeat the same
/// caption (`Drift`, `Investeringar`) in several chapters: both repeat like running headers.
/// A line is a table's header when it is set in several cells with no bare page number among
/// them and a row of figures follows within a few lines; a short caption directly over such a
/// header is the table's too.
enum TableHeaderGuard {
    /// Non-blank lines looked at below a header for the table's first row (a stacked header
    /// takes a few).
    static let rowsLookedAhead = 4
    /// Cells a row of figures has at least (a label and a figure, or two figures).
    static let figureCellsInARow = 2

    static func headsTable(at index: Int, in lines: [SourceLine]) -> Bool {
        if isHeader(at: index, in: lines) { return true }
        guard let next = nextNonBlank(after: index, in: lines), cells(of: lines[index]).count == 1 else { return false }
        return isHeader(at: next, in: lines)
    }

    static func isHeader(at index: Int, in lines: [SourceLine]) -> Bool {
        let headerCells = cells(of: lines[index])
        guard headerCells.count >= 2, !headerCells.contains(where: isBareNumber) else { return false }
        var current = index
        for _ in 0..<rowsLookedAhead {
            guard let next = nextNonBlank(after: current, in: lines) else { return false }
            let rowCells = cells(of: lines[next])
            if rowCells.dropFirst().filter({ SwedishNumber.parse($0) != nil }).count >= figureCellsInARow - 1,
                rowCells.count >= figureCellsInARow
            {
                return true
            }
            current = next
        }
        return false
    }

    static func nextNonBlank(after index: Int, in lines: [SourceLine]) -> Int? {
        lines.indices.dropFirst(index + 1).first { !lines[$0].isBlank }
    }

    /// A line's cells: parted by the front-end's measured column gaps (PDF), or in text by runs
    /// of two or more spaces.
    static func cells(of line: SourceLine) -> [String] {
        if !line.words.isEmpty { return line.cellTexts }
        return cells(of: line.text)
    }

    /// The cells of a line of laid-out text: parted by runs of two or more spaces (or a tab).
    static func cells(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var spaces = 0
        for character in text {
            if character == "\t" || character == " " {
                spaces += character == "\t" ? 2 : 1
                continue
            }
            if spaces >= 2, !current.isEmpty {
                result.append(current)
                current = ""
            } else if spaces == 1, !current.isEmpty {
                current.append(" ")
            }
            spaces = 0
            current.append(character)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// A page number (`12`); a year (`2024`) is a header's word.
    static func isBareNumber(_ cell: String) -> Bool {
        !cell.isEmpty && cell.allSatisfy { $0.isNumber } && !ReportVocabulary.isYear(cell)
    }
}
