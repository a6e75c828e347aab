import Foundation
import Layout
import ReportModel
import SwedishReportLanguage

/// An indicator's values printed as labelled pairs on a line of their own under its name, as
/// form-like reports print them:
///
///     Andel elever i åk 9 som är behöriga till gymnasiet
///     Utfall 2025: 84,5 %    Målvärde 2025: 88 %    Utfall 2024: 83,9 %
///
/// Each pair's label is a column header (a measure's head word, a year); its value a figure.
enum LabelledValues {
    /// One pair: the label as a column header, and the value as printed.
    struct Pair {
        var column: ColumnHeader.Column
        var value: String
    }

    /// The fewest pairs a line of values holds: one labelled figure alone may be a sentence's.
    static let leastPairs = 2
    /// The most words an indicator's name over its values has.
    static let longestNameWords = 16
    /// A line above the name of this many words or more, ending no sentence, is running text
    /// that goes on into it.
    static let runningTextWords = 8

    /// The pairs of a line whose every cell is a labelled figure; nil for any other line.
    static func pairs(in line: LayoutLine) -> [Pair]? {
        // Every pair has a colon: lines without one (nearly all) stop here.
        guard line.text.utf8.contains(0x3A) else { return nil }
        let cells = line.source.words.isEmpty
            ? line.text.components(separatedBy: "  ").map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
            : line.source.cellTexts
        // A label whose value stands after a tab stop is one pair across two cells.
        var joined: [String] = []
        for cell in cells {
            if let last = joined.last, last.hasSuffix(":") { joined[joined.count - 1] = last + " " + cell } else { joined.append(cell) }
        }
        guard joined.count >= leastPairs else { return nil }
        var pairs: [Pair] = []
        for cell in joined {
            guard let colon = cell.firstIndex(of: ":") else { return nil }
            let label = ColumnHeader.words(String(cell[..<colon]))
            let value = cell[cell.index(after: colon)...].trimming(.whitespaces)
            guard let head = label.first, TableVocabulary.measure(ofHead: head.lowercased()) != nil, parse(value).value != nil
            else { return nil }
            pairs.append(Pair(column: ColumnHeader.column(from: label), value: value))
        }
        return pairs
    }

    /// A value as printed: a figure with its unit, or one in brackets, unit and all (`(91 %)`), preliminary.
    static func parse(_ value: String) -> (value: Double?, unit: String?, comparator: ReportModel.Comparator?, preliminary: Bool) {
        let parsed = CellSegmenter.measuredCell(value)
        if parsed.value == nil, value.hasPrefix("("), value.hasSuffix(")") {
            let inner = CellSegmenter.measuredCell(String(value.dropFirst().dropLast()))
            if inner.value != nil { return (inner.value, inner.unit, inner.comparator, true) }
        }
        return (parsed.value, parsed.unit, parsed.comparator, parsed.preliminary)
    }

    /// The line naming the indicator: the nearest line above (a blank line between at most), a
    /// name of its own: it starts with a capital, ends no sentence or label, holds no figure,
    /// and is not the end of a paragraph (a long line above it that ends no sentence).
    static func nameLine(above index: Int, in lines: [LayoutLine]) -> Int? {
        var candidate = index - 1
        if candidate >= 0, lines[candidate].isBlank { candidate -= 1 }
        guard candidate >= 0, !lines[candidate].isBlank, lines[candidate].page == lines[index].page else { return nil }
        let text = lines[candidate].text.trimming(.whitespaces)
        guard text.first?.isUppercase == true, text.split(separator: " ").count <= longestNameWords,
            let last = text.last, !".:;".contains(last), !hasFigure(text), pairs(in: lines[candidate]) == nil
        else { return nil }
        // Not the last line of a paragraph that runs on into it.
        let above = candidate - 1
        if above >= 0, !lines[above].isBlank, lines[above].page == lines[candidate].page, pairs(in: lines[above]) == nil {
            let text = lines[above].text.trimming(.whitespaces)
            if text.split(separator: " ").count >= runningTextWords, let end = text.last, !".:!?".contains(end) { return nil }
        }
        return candidate
    }

    /// Whether a text holds a figure of its own (a token that is a number, not a year or an
    /// `åk 9` inside a name: a number of two or more digits that is no year, or a percentage).
    static func hasFigure(_ text: String) -> Bool {
        text.split(separator: " ").contains { token in
            let bare = token.trimmingCharacters(in: CharacterSet(charactersIn: ",.()"))
            return bare.count >= 2 && bare.allSatisfy(\.isNumber) && !(bare.count == 4 && (bare.hasPrefix("19") || bare.hasPrefix("20")))
        }
    }

    /// The indicator the pairs at `index` give, named by the line at `name`.
    static func indicator(pairs: [Pair], name: Int, at index: Int, goal: String?, layout: LayoutDocument) -> Indicator {
        let provenance = layout.provenance(of: name..<(index + 1))
        let title = layout.lines[name].text.trimming(.whitespaces)
        let nameUnit = TableVocabulary.unit(inCaption: title)
        let values = pairs.map { pair in
            let parsed = parse(pair.value)
            return IndicatorValue(
                column: pair.column.text, year: pair.column.year, measure: pair.column.measure, value: parsed.value,
                unit: parsed.unit ?? pair.column.unit ?? nameUnit, comparator: parsed.comparator, preliminary: parsed.preliminary,
                text: pair.value, provenance: provenance)
        }
        let units = Set(values.compactMap(\.unit))
        return Indicator(id: "", goalId: goal, name: title, unit: nameUnit ?? (units.count == 1 ? units.first : nil), values: values,
                         provenance: provenance)
    }
}
