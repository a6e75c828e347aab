import Foundation
import SwedishReportLanguage

/// A run of words on one line with no column gap inside: a cell candidate.
struct Segment: Sendable, Hashable {
    /// What a segment holds, as far as finding tables needs to know.
    enum Kind: Sendable, Hashable {
        /// One number as Swedish reports print it (`34 950`, `-1 955`, `53%`, `(73)`, `≤38`).
        case number
        /// A year or a school year (`2026`, `21/22`): a header word more often than a figure.
        case year
        /// A mark for an empty cell (`-`, `–`, `..`, `x`, `I.U.`).
        case empty
        /// Several numbers the line printed too close to part (`16 (53%)`, `120 80`).
        case numbers
        /// Anything else.
        case text
    }

    var words: [PlacedWord]
    var kind: Kind

    var minX: Double { words.first!.minX }
    var maxX: Double { words.last!.maxX }
    /// The words in reading order: printed lines top-down (a stacked cell), each left to right;
    /// a line-end hyphen before a lower-case word joins the word (`visstids-` / `anställda`).
    var text: String {
        guard words.contains(where: { $0.y != words[0].y }) else { return words.map(\.text).joined(separator: " ") }
        return TableWords.joinWrapped(Self.printedLines(words).map { $0.map(\.text).joined(separator: " ") })
    }

    /// Words grouped by the printed line they stand on, top down, each line left to right (a
    /// word within half its height of a line's first word is on that line).
    static func printedLines(_ words: [PlacedWord]) -> [[PlacedWord]] {
        var lines: [[PlacedWord]] = []
        for word in words.sorted(by: { $0.y < $1.y }) {
            if let top = lines.last?.first, word.y - top.y < 0.5 * max(top.height, 1) {
                lines[lines.count - 1].append(word)
            } else {
                lines.append([word])
            }
        }
        return lines.map { $0.sorted { $0.minX < $1.minX } }
    }

    init(words: [PlacedWord]) {
        self.words = words
        self.kind = Self.kind(of: words.map(\.text))
    }

    /// True for cells a figure column holds: numbers, and the marks for an empty one.
    var isFigure: Bool { kind == .number || kind == .empty || kind == .numbers }
    /// True for a figure, or a quantity with a unit or note of its own (`17 g/port`, `2 av 8`,
    /// `218 (2024)`): what a cell of a figure column may print.
    var holdsFigure: Bool { isFigure || kind == .text && TableFinder.isFigureCell(text) }

    /// Splits a line's words into segments wherever the gap is at least `minimumGap` characters.
    static func segments(of line: PlacedLine, minimumGap: Double) -> [Segment] {
        var result: [Segment] = []
        var current: [PlacedWord] = []
        for word in line.words {
            if let last = current.last, word.minX - last.maxX >= minimumGap * line.characterWidth {
                result.append(Segment(words: current))
                current = []
            }
            current.append(word)
        }
        if !current.isEmpty { result.append(Segment(words: current)) }
        return result
    }

    static func kind(of words: [String]) -> Kind {
        let text = words.joined(separator: " ")
        if words.count == 1, ReportVocabulary.isYear(words[0]) || isSchoolYear(words[0]) || isYearMonth(words[0]) { return .year }
        // `(2019)`, `(aug 2021)`: the year a figure above was measured, not a figure.
        if text.hasPrefix("("), text.hasSuffix(")"), let last = words.last, ReportVocabulary.isYear(last.trimmingCharacters(in: CharacterSet(charactersIn: "()"))) {
            return .year
        }
        // Years side by side with no gap (`2026 2027` under `Summa avgift`) head two columns.
        if words.count > 1, words.allSatisfy({ ReportVocabulary.isYear($0) }) { return .year }
        if SwedishNumber.parse(text) != nil { return .number }
        if ReportVocabulary.emptyCellMarks.contains(text.lowercased()) { return .empty }
        // Units alone (`kr %` heading two columns) are no figures: a digit must be among them.
        if words.count > 1, words.allSatisfy(isNumberWord), words.contains(where: { $0.contains(where: \.isNumber) }) { return .numbers }
        return .text
    }

    /// `201711`: a year and month, as accounting periods are named.
    static func isYearMonth(_ word: String) -> Bool {
        guard word.count == 6, word.allSatisfy({ $0.isASCII && $0.isNumber }), ReportVocabulary.isYear(word.prefix(4)),
            let month = Int(word.suffix(2))
        else { return false }
        return (1...12).contains(month)
    }

    /// `21/22`, `2024/25`: a school or split year.
    static func isSchoolYear(_ word: String) -> Bool {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return false }
        return (parts[0].count == 2 || parts[0].count == 4) && parts[1].count == 2
    }

    /// A word made of digits and number punctuation only, or a unit after a number.
    static func isNumberWord(_ word: String) -> Bool {
        if SwedishNumber.units.contains(word.lowercased()) { return true }
        var digits = 0
        for scalar in word.unicodeScalars {
            if scalar.properties.numericType != nil && scalar.isASCII { digits += 1; continue }
            if "()%,.+-−–≤≥<>\u{00A0}".unicodeScalars.contains(scalar) { continue }
            return false
        }
        return digits > 0
    }
}
