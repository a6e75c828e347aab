import Foundation
import ReportModel
import SwedishReportLanguage

/// Splits the figures of a text row into cells, every way the printed digits allow.
///
/// Only a token of exactly three digits is undecided: it continues the number before it (a
/// thousands group) or starts the next cell. Every other token has one reading, so the readings
/// are the choices for those tokens; the table decides between them (`TableSolver`).
enum CellSegmenter {
    /// Readings beyond this many undecided tokens are not enumerated (a row of 4 096 readings).
    static let maxChoices = 12

    /// Every reading of the tokens with at most `columns` cells where one exists, the cell count
    /// filled up with the printed empty cells where they are needed.
    static func candidates(_ tokens: [ValueToken], columns: Int) -> [RowCandidate] {
        let tokens = Array(tokens.drop(while: { $0.kind == .empty }).reversed().drop(while: { $0.kind == .empty }).reversed())
        guard !tokens.isEmpty else { return [] }
        var flexible: [Int] = []
        var joins = [Bool](repeating: false, count: tokens.count)
        for i in tokens.indices where i > 0 && tokens[i].isGroup && canJoin(tokens[i - 1]) {
            if tokens[i].mustJoin { joins[i] = true } else { flexible.append(i) }
        }
        var readings: [RowCandidate] = []
        var seen = Set<[String]>()
        if flexible.count > maxChoices {
            // Too many to try: read the undecided tokens as new numbers, which fills the most columns.
            flexible = Array(flexible.prefix(maxChoices))
        }
        // The readings share most of their cells, and parsing a cell is the costly step: each
        // distinct run of words is parsed once per row.
        var parsed: [CellWords: ParsedCell] = [:]
        for mask in 0..<(1 << flexible.count) {
            var choice = joins
            for (bit, index) in flexible.enumerated() where mask & (1 << bit) != 0 { choice[index] = true }
            var cells = parts(tokens, joins: choice).map { part in
                if let known = parsed[part] { return known }
                let cell = cell(kind: part.kind, words: part.words)
                parsed[part] = cell
                return cell
            }
            cells = fit(cells, columns: columns)
            let key = cells.map(\.text)
            if seen.insert(key).inserted { readings.append(RowCandidate(cells: cells)) }
        }
        return readings
    }

    /// A token a thousands group may follow: a number start of 1–3 digits or a group itself.
    static func canJoin(_ token: ValueToken) -> Bool {
        token.kind == .number && (token.takesGroups || (token.isGroup && !token.text.contains(",") && !token.text.hasSuffix("%") && !token.text.hasSuffix(")")))
    }

    /// The kind and words of one cell of a reading, before parsing.
    struct CellWords: Hashable {
        var kind: ValueToken.Kind
        var words: [String]
    }

    /// Groups the tokens of one reading into the words of its cells.
    static func parts(_ tokens: [ValueToken], joins: [Bool]) -> [CellWords] {
        var parts: [CellWords] = []
        var comparator: [String] = []
        for (i, token) in tokens.enumerated() {
            switch token.kind {
            case .empty:
                parts.append(CellWords(kind: .empty, words: []))
            case .number:
                if joins[i], let last = parts.last, last.kind == .number {
                    parts[parts.count - 1].words.append(token.text)
                } else {
                    parts.append(CellWords(kind: .number, words: comparator + [token.text]))
                    comparator = []
                }
            case .unit:
                if let last = parts.last, last.kind == .number || last.kind == .text,
                    !(last.words.last.map { TableVocabulary.units.contains($0.lowercased()) || $0.hasSuffix("%") } ?? true)
                {
                    parts[parts.count - 1].words.append(token.text)
                } else {
                    parts.append(CellWords(kind: .text, words: [token.text]))
                }
            case .comparator:
                comparator.append(token.text)
            case .dash, .marker:
                parts.append(CellWords(kind: token.kind, words: comparator + [token.text]))
                comparator = []
            case .text:
                if let last = parts.last, last.kind == .text, i > 0, tokens[i - 1].kind != .empty {
                    parts[parts.count - 1].words.append(token.text)
                } else if let last = parts.last, last.kind == .number, i > 0, tokens[i - 1].kind == .number,
                    last.words.first.map({ $0.first.map { "<>≤≥".contains($0) } ?? false }) ?? false
                {
                    parts[parts.count - 1].words.append(token.text)  // "≥975per år"
                } else {
                    parts.append(CellWords(kind: .text, words: comparator + [token.text]))
                    comparator = []
                }
            }
        }
        if !comparator.isEmpty { parts.append(CellWords(kind: .text, words: comparator)) }
        return parts
    }

    /// The cell of a run of words.
    static func cell(kind: ValueToken.Kind, words: [String]) -> ParsedCell {
        let text = words.joined(separator: " ")
        switch kind {
        case .empty:
            return .empty
        case .number:
            // A ± tolerance is not a comparator the model knows: keep the cell as text.
            if let first = words.first?.lowercased(), ["±", "+/-", "+/–"].contains(first) {
                return ParsedCell(text: text, value: nil, unit: nil, comparator: nil)
            }
            guard let number = SwedishNumber.parse(text) else {
                return ParsedCell(text: text, value: nil, unit: nil, comparator: nil)
            }
            return ParsedCell(
                text: text, value: number.value, unit: number.unit,
                comparator: number.comparator.flatMap { ReportModel.Comparator(rawValue: $0) }, preliminary: number.preliminary)
        default:
            return ParsedCell(text: text, value: nil, unit: nil, comparator: nil)
        }
    }

    /// Reads a cell a front-end measured (PDF input): a number, or a number with a unit word or
    /// a footnote mark after it (`17 g/port`, `-1 400 kg 2`, `2 av 8`); anything else is text.
    static func measuredCell(_ text: String) -> ParsedCell {
        let tokens = ValueToken.tokens(of: text).filter { $0.kind != .empty }
        guard let first = tokens.first else { return .empty }
        if !tokens.contains(where: { $0.kind == .text }), tokens.contains(where: { $0.kind == .number }) {
            let strict = cell(kind: .number, words: [text])
            if strict.value != nil { return strict }
        }
        let plain = ParsedCell(text: text, value: nil, unit: nil, comparator: nil)
        var prefix = [first.text]
        var index = 1
        if first.kind == .comparator, tokens.count > 1 {
            prefix.append(tokens[1].text)
            index = 2
        }
        guard tokens[index - 1].kind == .number else { return plain }
        while index < tokens.count, tokens[index].isGroup, tokens[index - 1].kind == .number, canJoin(tokens[index - 1]) {
            prefix.append(tokens[index].text)
            index += 1
        }
        let number = cell(kind: .number, words: [prefix.joined(separator: " ")])
        guard number.value != nil else { return plain }
        var unit = number.unit
        var rest = Array(tokens[index...])
        if let word = rest.first, unit == nil, word.text.count <= 12, word.text.first?.isLowercase == true || word.kind == .unit {
            unit = word.text.lowercased() == "procent" ? "%" : word.text
            rest.removeFirst()
        }
        // What may follow: a footnote mark, or the whole a part is of ("av 8").
        // An annotation in parentheses ends the cell ("1,35 (2019)", "3 (aug 2021)").
        if let open = rest.firstIndex(where: { $0.text.hasPrefix("(") }) { rest = Array(rest[..<open]) }
        let tail = rest.map(\.text)
        guard tail.isEmpty || tail.count == 1 && tail[0].count == 1 && tail[0].first!.isNumber
            || tail.count == 2 && tail[0] == "av" && ValueToken(tail[1]).kind == .number
            || unit == "av" && tail.count == 1 && ValueToken(tail[0]).kind == .number
        else { return plain }
        if unit == "av" { unit = nil }
        return ParsedCell(text: text, value: number.value, unit: unit, comparator: number.comparator, preliminary: number.preliminary)
    }

    /// Fits a reading to the column count: printed empty cells are kept where they are needed to
    /// reach it (between filled cells first), and text glued to too many cells is merged.
    static func fit(_ cells: [ParsedCell], columns: Int) -> [ParsedCell] {
        var cells = cells
        // Printed empty cells are exact gaps, so they count first: when the cells and the gaps are
        // more than the columns, a text cell and the number after it are one cell ("VB 2023").
        var filled = cells.filter { !$0.isEmpty }.count
        let gaps = cells.filter(\.isEmpty).count
        var index = cells.count - 2
        while filled + gaps > columns, index >= 0 {
            if cells[index].value == nil, !cells[index].isEmpty, !cells[index].isBlank,
                !TableVocabulary.missingMarkers.contains(cells[index].text.lowercased()),
                index + 1 < cells.count, !cells[index + 1].isEmpty
            {
                cells[index] = ParsedCell(text: cells[index].text + " " + cells[index + 1].text, value: nil, unit: nil, comparator: nil)
                cells.remove(at: index + 1)
                filled -= 1
            }
            index -= 1
        }
        let empties = cells.indices.filter { cells[$0].isEmpty }
        var keep = Set<Int>()
        var room = max(0, columns - filled)
        for i in empties where room > 0 {
            keep.insert(i)
            room -= 1
        }
        var result: [ParsedCell] = []
        for (i, cell) in cells.enumerated() where !cell.isEmpty || keep.contains(i) {
            result.append(cell)
        }
        return result
    }
}
