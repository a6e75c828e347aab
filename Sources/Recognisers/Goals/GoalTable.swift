import Foundation
import Layout
import ReportModel
import ReportSource
import SwedishReportLanguage

/// A table that lists goals with their assessment in its last column:
///
///     Nämndmål                                          Bedömning
///     Alla barn ska känna sig trygga i förskolan        Uppfyllt
///     Andelen elever med behörighet till gymnasiet
///     ska öka                                           Ej uppfyllt
///
/// The header's first word names a goal level and another names the assessment; each row ends
/// with a printed assessment, and a row that does not continues onto the next line.
struct GoalTable {
    /// Words of the assessment column's header.
    static let assessmentHeads: Set<String> = ["bedömning", "måluppfyllelse", "status", "uppfyllelse", "resultat"]

    /// The goal level a header names (`Nämndmål`, `Mål`), when the header also has an assessment column.
    static func level(ofHeader text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count >= 2, words.count <= 8, let first = words.first else { return nil }
        // The same test the goal/indicator matrices use for their goal column.
        guard TableVocabulary.isGoalStubWord(first), first.lowercased() != "målområde" else { return nil }
        guard words.dropFirst().contains(where: { assessmentHeads.contains($0.lowercased()) }) else { return nil }
        return first.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
    }

    /// The table's header among a block's lines, and the goal level it names: the block's first
    /// line, or a later line set in cells (the layout may join a header to a line above it, a
    /// legend or a caption, when nothing parts them but the line spacing).
    static func header(in lines: Range<Int>, of layout: LayoutDocument) -> (line: Int, level: String)? {
        for index in lines {
            let line = layout.lines[index]
            guard index == lines.lowerBound || isSetInCells(line) else { continue }
            if let level = level(ofHeader: line.text) { return (index, level) }
        }
        return nil
    }

    /// Whether a line is parted in cells: a measured column gap (PDF), or three spaces (text).
    static func isSetInCells(_ line: LayoutLine) -> Bool {
        line.source.words.isEmpty ? line.text.contains("   ") : line.source.hasColumnGap
    }

    /// One goal of the table: its title, its assessment as printed or as an icon, its lines.
    struct Row {
        var title: String
        var kind: AssessmentKind?
        var printed: String?
        var icon: IconLegend.Icon?
        var lines: Range<Int>
    }

    /// The rows under a header at `index`: goal title, assessment and the lines they span. A row
    /// ends at its printed assessment, or at a status icon where the assessment column shows one.
    static func rows(after index: Int, in layout: LayoutDocument) -> [Row] {
        var rows: [Row] = []
        var pending: [String] = []
        var start = index + 1
        var line = index + 1
        let headingStarts = Set(layout.blocks.filter { $0.kind == .heading && !$0.isGoalHeading }.map(\.lineRange.lowerBound))
        // Where the goal column starts: where the first row starts.
        var goalColumnStart: Double?
        while line < layout.lines.count {
            let text = layout.lines[line].text
            if headingStarts.contains(line) { break }
            if IconLegend.isLegendRow(layout.lines[line]) { break }  // the legend under the table
            let icon = layout.lines[line].source.icons.lazy.compactMap(IconLegend.Icon.init).first
            if text.isEmpty, let icon, !pending.isEmpty {
                // The assessment column's icon on a line of its own, under the goal it assesses.
                rows.append(Row(title: pending.joined(separator: " "), icon: icon, lines: start..<(line + 1)))
                pending = []
                line += 1
                start = line
                continue
            }
            if text.isEmpty {
                // A blank line between rows is fine; one inside an unfinished row ends the table.
                if !pending.isEmpty { break }
                line += 1
                start = line
                continue
            }
            if let found = Self.assessmentCell(of: layout.lines[line]) {
                // An assessment in a cell of its own with more cells after it (`Mål | Bedömning |
                // Kommentar`): the row's goal is its first cell.
                let title = (pending + [found.title]).filter { !$0.isEmpty }.joined(separator: " ")
                rows.append(Row(title: title, kind: found.kind, printed: found.printed, lines: start..<(line + 1)))
                pending = []
                start = line + 1
            } else if let found = AssessmentVocabulary.trailingAssessment(in: text) {
                var own = found.before
                // A row set in cells (`Mål | Indikator | Målvärde | Utfall | Bedömning`) has its
                // goal in the first cell; the cells between belong to other columns.
                if let cell = firstCell(of: layout.lines[line]), own.hasPrefix(cell.text) { own = cell.text }
                // A row's last line with nothing in the goal column (its title wrapped above it).
                if let goalColumn = goalColumnStart, !pending.isEmpty,
                    Self.start(of: layout.lines[line]) > goalColumn + Self.columnTolerance(layout.lines[line])
                {
                    own = ""
                }
                let title = (pending + [own]).filter { !$0.isEmpty }.joined(separator: " ")
                rows.append(Row(title: title, kind: found.kind, printed: found.printed, lines: start..<(line + 1)))
                pending = []
                start = line + 1
            } else if let icon, let cell = firstCell(of: layout.lines[line])?.text ?? Optional(text),
                goalColumnStart.map({ Self.start(of: layout.lines[line]) <= $0 + Self.columnTolerance(layout.lines[line]) }) ?? true
            {
                // A goal whose assessment column holds an icon: the row ends on the icon's line.
                rows.append(Row(title: (pending + [cell]).joined(separator: " "), icon: icon, lines: start..<(line + 1)))
                pending = []
                start = line + 1
            } else {
                if pending.count >= 3 { break }  // no title wraps over four lines: this is running text
                // A line that starts right of the goal column wraps another column's cell.
                let own = layout.lines[line]
                if let goalColumn = goalColumnStart, Self.start(of: own) > goalColumn + Self.columnTolerance(own) {
                    line += 1
                    continue
                }
                let cell = firstCell(of: own)?.text ?? text
                // A lower-case start right under a finished row continues its goal (a row set
                // at its top line, the assessment beside the title's first line).
                if pending.isEmpty, start == line, let last = rows.indices.last, cell.first?.isLowercase == true {
                    rows[last].title += " " + cell
                    rows[last].lines = rows[last].lines.lowerBound..<(line + 1)
                    start = line + 1
                    line += 1
                    continue
                }
                pending.append(cell)
            }
            if goalColumnStart == nil { goalColumnStart = Self.start(of: layout.lines[line]) }
            line += 1
        }
        return rows
    }

    /// Where a line starts: its first word's left edge (PDF), or its indentation (text).
    static func start(of line: LayoutLine) -> Double {
        line.source.words.first?.box.x ?? Double(line.leadingSpaces)
    }

    /// How far right of a column's start a line may start and still be in it: a few points in a
    /// PDF, a character or two in laid-out text.
    static func columnTolerance(_ line: LayoutLine) -> Double {
        line.source.words.isEmpty ? columnToleranceCharacters : columnTolerancePoints
    }

    /// How far right of a column's start a line of laid-out text may start, in characters.
    static let columnToleranceCharacters = 2.0
    /// How far right of a column's start a PDF line may start, in points.
    static let columnTolerancePoints = 6.0

    /// A line set in cells whose assessment stands in a cell of its own before its last (a
    /// comment follows it): the first cell, the assessment and how it is printed. A line whose
    /// assessment ends it is the trailing reader's.
    static func assessmentCell(of line: LayoutLine) -> (title: String, kind: AssessmentKind, printed: String)? {
        let cells = cells(of: line)
        guard cells.count >= 3, let title = cells.first else { return nil }
        for cell in cells.dropFirst().dropLast() {
            if let found = AssessmentVocabulary.assessment(inLine: cell) { return (title, found.kind, found.printed) }
        }
        return nil
    }

    /// A line's cells: parted at the column gaps the PDF front-end measured, or at runs of two or
    /// more spaces in laid-out text.
    static func cells(of line: LayoutLine) -> [String] {
        if !line.source.words.isEmpty { return line.source.hasColumnGap ? line.source.cellTexts : [line.text] }
        return line.text.components(separatedBy: "  ").map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
    }

    /// The first cell of a line set in cells: the words before the first column gap the PDF
    /// front-end measured, or before the first run of spaces in laid-out text. Nil for a line
    /// in one piece.
    static func firstCell(of line: LayoutLine) -> (text: String, start: Double)? {
        if !line.source.words.isEmpty {
            guard line.source.hasColumnGap, let first = line.source.cellTexts.first else { return nil }
            return (first, start(of: line))
        }
        guard let gap = line.text.range(of: "  ") else { return nil }
        return (String(line.text[..<gap.lowerBound]), start(of: line))
    }
}
