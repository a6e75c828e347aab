import Foundation
import Layout
import SwedishReportLanguage

/// Reads a goal/indicator matrix (`Nämndmål | Nämndindikator | 2022 | 2023 | Riktning 2024`) from
/// flattened text, where a goal cell spanning several indicator rows and each indicator cell arrive
/// as separate groups of lines.
///
/// The table's structure tells them apart: an indicator group is followed directly by its value
/// line; a goal group is followed by another group of text. A goal cell is printed beside its
/// first indicator, so flattening may put it after that indicator's values: indicators before the
/// first goal group belong to it.
struct GoalMatrixReader {
    /// The layout's lines.
    let lines: [LayoutLine]
    /// The table reader whose shape tests (prose, notes, labels) the matrix shares.
    let reader: TableReader

    /// One goal of the matrix with its indicators.
    struct GoalCell: Sendable {
        var title: String
        var lines: ClosedRange<Int>
    }

    /// One indicator row of the matrix.
    struct IndicatorRow: Sendable {
        var name: String
        var lines: ClosedRange<Int>
        var cells: [ParsedCell]
        /// Index into `goals`.
        var goal: Int?
    }

    /// What the matrix holds.
    struct Matrix: Sendable {
        var goals: [GoalCell]
        var indicators: [IndicatorRow]
        var notes: [String]
        var end: Int
    }

    /// A run of text lines between blank lines, or a value line.
    enum Item {
        case text([Int])
        case values(Int, [ParsedCell])
    }

    /// Reads the matrix body that starts at `start`, under a header of `columns` figure columns.
    func read(from start: Int, columns: Int) -> Matrix {
        var items: [Item] = []
        var notes: [String] = []
        var end = start
        var index = start
        var group: [Int] = []
        func closeGroup() {
            if !group.isEmpty { items.append(.text(group)) }
            group = []
        }
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                closeGroup()
                index += 1
                continue
            }
            let text = line.text
            if reader.isNote(text) {
                notes.append(text)
                end = index + 1
                break
            }
            if GoalLabels.labelledGoal(in: text) != nil || TableRecogniser.indicatorLabel(in: text) != nil
                || (ColumnHeader.canOpen(text) && ColumnHeader.parse(text).columns.count >= 2) || reader.isProse(text)
            {
                break
            }
            if let (cells, rest) = valueLine(text, standalone: isStandalone(index), afterText: !group.isEmpty || lastIsText(items)) {
                closeGroup()
                items.append(.values(index, cells))
                end = index + 1
                if let rest {
                    // "-  Säkerställa att …": the last cell of a row, then the next group's first line.
                    group = [index]
                    _ = rest
                }
            } else {
                group.append(index)
            }
            index += 1
        }
        closeGroup()
        return assign(items, columns: columns, notes: notes, end: end)
    }

    /// True when the last item read is a group of text lines.
    func lastIsText(_ items: [Item]) -> Bool {
        if case .text? = items.last { return true }
        return false
    }

    /// A single line between blank lines.
    func isStandalone(_ index: Int) -> Bool {
        (index == 0 || lines[index - 1].isBlank) && (index + 1 >= lines.count || lines[index + 1].isBlank)
    }

    /// The cells of a value line, and the text after them when a group starts on the same line.
    func valueLine(_ text: String, standalone: Bool, afterText: Bool) -> ([ParsedCell], String?)? {
        let tokens = ValueToken.tokens(of: text)
        guard !tokens.isEmpty else { return nil }
        // Value tokens, then a gap, then words: the values end a row and a new group begins.
        if let gap = tokens.firstIndex(where: { $0.kind == .empty }), gap > 0,
            tokens[..<gap].allSatisfy({ $0.isValueLike }), tokens[gap...].contains(where: { $0.kind == .text }),
            tokens[..<gap].contains(where: { $0.kind != .text })
        {
            let cells = CellSegmenter.candidates(Array(tokens[..<gap]), columns: 99).first?.cells ?? []
            let rest = tokens[gap...].map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            return (cells, rest)
        }
        let words = tokens.filter { $0.kind == .text }
        let values = tokens.filter { $0.kind != .text && $0.kind != .empty }
        let isValues: Bool
        if words.isEmpty {
            isValues = !values.isEmpty
        } else if values.count >= 1, words.count == 1, words[0].text.first?.isUppercase == true,
            !values.allSatisfy({ ReportVocabulary.isYear($0.text) })
        {
            isValues = true  // "I.U. I.U. Upprätthålls", "I.U. I.U. Öka -"
        } else if values.isEmpty, words.count == 1, standalone, afterText, text.count <= 16,
            words[0].text.first?.isUppercase == true
        {
            isValues = true  // "Genomfördes" on its own under an indicator
        } else {
            isValues = false
        }
        guard isValues else { return nil }
        let cells = CellSegmenter.candidates(tokens, columns: 99).first?.cells.filter { !$0.isEmpty } ?? []
        return (cells, nil)
    }

    /// Gives each text group its role and each indicator its goal.
    func assign(_ items: [Item], columns: Int, notes: [String], end: Int) -> Matrix {
        var goals: [GoalCell] = []
        var indicators: [IndicatorRow] = []
        var waiting: [Int] = []  // indicators before the first goal group
        var currentGoal: Int?
        for (position, item) in items.enumerated() {
            switch item {
            case .text(let groupLines):
                let text = reader.joinLabel(groupLines.map { lineText($0) })
                let range = groupLines.first!...groupLines.last!
                let next = position + 1 < items.count ? items[position + 1] : nil
                if case .values = next {
                    indicators.append(IndicatorRow(name: text, lines: range, cells: [], goal: currentGoal))
                    if currentGoal == nil { waiting.append(indicators.count - 1) }
                } else if case .text = next {
                    goals.append(GoalCell(title: text, lines: range))
                    currentGoal = goals.count - 1
                    for w in waiting { indicators[w].goal = currentGoal }
                    waiting = []
                }
            case .values(let line, let cells):
                guard !indicators.isEmpty else { continue }
                var last = indicators[indicators.count - 1]
                let room = max(0, columns - last.cells.count)
                last.cells += cells.prefix(room)
                last.lines = last.lines.lowerBound...max(last.lines.upperBound, line)
                indicators[indicators.count - 1] = last
            }
        }
        return Matrix(goals: goals, indicators: indicators, notes: notes, end: end)
    }

    /// The text of a line in a group, without value cells that end a row on the same line.
    func lineText(_ index: Int) -> String {
        let text = lines[index].text
        let tokens = ValueToken.tokens(of: text)
        if let gap = tokens.firstIndex(where: { $0.kind == .empty }), gap > 0,
            tokens[..<gap].allSatisfy({ $0.isValueLike }), tokens[gap...].contains(where: { $0.kind == .text })
        {
            return tokens[gap...].map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
        }
        return text
    }
}
