import Foundation
import Layout
import ReportModel
import SwedishReportLanguage
import Tables

/// A goal/indicator matrix read from its grid (`Nämnd | Mål för nämndens verksamhet | Indikator |
/// Utfall | Mål 2025`): the header says which column holds the goals and which the indicators; the
/// grid's rows and cells say what stands in them.
///
/// A goal cell spans the indicator rows beside it: a row whose goal cell is empty, or goes on in
/// lower case or as the next item of a list, belongs to the goal above.
struct GridGoalMatrix {
    /// One goal cell, with the rows it spans.
    struct GoalCell {
        var title: String
        var lines: ClosedRange<Int>
    }

    /// One indicator row: its name, its value cells (column index into the grid), its goal.
    struct IndicatorRow {
        var name: String
        var lines: ClosedRange<Int>
        var cells: [GridCell]
        /// Index into `goals`.
        var goal: Int?
    }

    /// Where a text field of the rows stands: an identifier column, the row labels, or a column.
    enum Field: Equatable {
        case identifier(Int)
        case label
        case column(Int)
    }

    var goals: [GoalCell] = []
    var indicators: [IndicatorRow] = []
    /// The goal field's heading (`Mål för nämndens verksamhet`), the goals' level.
    var goalHeading: String
    /// The grid columns that hold values.
    var valueColumns: [Int]

    /// Reads a grid as a goal/indicator matrix; nil when its header names no goal field and a
    /// separate indicator field.
    init?(_ grid: TableGrid) {
        var fields: [(field: Field, heading: String)] = grid.identifierColumns.indices.map { (.identifier($0), grid.identifierColumns[$0].header) }
        fields.append((.label, grid.stub))
        fields += grid.columns.indices.filter { !grid.columns[$0].isNumeric }.map { (.column($0), grid.columns[$0].header) }
        func names(_ heading: String, _ test: (String) -> Bool) -> Bool { ColumnHeader.words(heading).contains(where: test) }
        // A field headed by an indicator word holds the indicators; the goal field is the one
        // before it headed by a goal word (the stub may carry both names when the header's cells
        // over the labels were read as one).
        guard let indicatorAt = fields.firstIndex(where: { names($0.heading, TableVocabulary.isIndicatorStubWord) && $0.field != .label })
            ?? fields.firstIndex(where: { names($0.heading, TableVocabulary.isIndicatorStubWord) }),
            let goalAt = fields[..<indicatorAt].lastIndex(where: { names($0.heading, TableVocabulary.isGoalStubWord) })
        else { return nil }
        let goalField = fields[goalAt].field, indicatorField = fields[indicatorAt].field
        // The goals' level: the goal field's heading from its first goal word (`Nämnd Mål för
        // nämndens verksamhet` over the labels names two fields).
        let headingWords = ColumnHeader.words(fields[goalAt].heading)
        let firstGoalWord = headingWords.firstIndex(where: TableVocabulary.isGoalStubWord) ?? 0
        goalHeading = headingWords[firstGoalWord...].prefix { !TableVocabulary.isIndicatorStubWord($0) }.joined(separator: " ")
        // Values stand right of the indicators, in the columns that are no goal field.
        let indicatorColumn: Int? = if case .column(let c) = indicatorField { c } else { nil }
        let goalColumn: Int? = if case .column(let c) = goalField { c } else { nil }
        valueColumns = grid.columns.indices.filter { $0 > (indicatorColumn ?? -1) && $0 != goalColumn }
        func text(of field: Field, in row: GridRow) -> String {
            switch field {
            case .identifier(let c): return row.identifiers.first { $0.column == c }?.text ?? ""
            case .label: return row.label
            case .column(let c): return row.cells.first { $0.column == c }?.text ?? ""
            }
        }
        for row in grid.rows {
            let goalText = text(of: goalField, in: row)
            if !goalText.isEmpty {
                if let last = goals.indices.last, goals[last].title == goalText {
                    // A goal cell merged over the rows beside it, repeated on each.
                    goals[last].lines = goals[last].lines.lowerBound...row.lines.upperBound
                } else if let last = goals.indices.last, Self.continuesGoal(goals[last].title, with: goalText) {
                    goals[last].title = TableWords.joinWrapped([goals[last].title, goalText])
                    goals[last].lines = goals[last].lines.lowerBound...row.lines.upperBound
                } else {
                    goals.append(GoalCell(title: goalText, lines: row.lines))
                }
            }
            let name = text(of: indicatorField, in: row)
            let cells = row.cells.filter { valueColumns.contains($0.column) }
            guard !name.isEmpty else { continue }
            indicators.append(IndicatorRow(name: name, lines: row.lines, cells: cells, goal: goals.indices.last))
        }
        guard !indicators.isEmpty else { return nil }
    }

    /// A goal cell's text on a later row goes on the goal above when it starts in lower case, or
    /// as the next item of a list the goal opened with a colon.
    static func continuesGoal(_ goal: String, with text: String) -> Bool {
        guard let first = text.first else { return true }
        if first.isLowercase { return true }
        return TableWords.isListItem(text) && goal.contains(":")
    }
}
