import Foundation
import ReportModel
import ReportSource
import SwedishReportLanguage

/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet0 = TrimSet("*,")
/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet1 = TrimSet("*,/")
/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet2 = TrimSet("*,:()")
/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet3 = TrimSet("/")
/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet4 = TrimSet("/.")

/// A table's header as read: the stub (the row-label column's heading) and the figure columns.
struct ColumnHeader: Sendable, Hashable {
    /// One figure column.
    struct Column: Sendable, Hashable {
        /// The header text as printed, joined across lines.
        var text: String
        /// The first year the header names.
        var year: Int?
        /// What the column measures.
        var measure: Measure
        /// True for a column holding the difference of two others (`Avv.`, `Differens`).
        var isDifference: Bool
        /// True for a column of labels, not figures (`Period`).
        var isText: Bool
        /// The unit the header states (`Utfall %`).
        var unit: String?
    }

    /// The stub text (`Belopp i tkr`, `Indikator`, `Nämndmål Nämndindikator`), possibly empty.
    var stub: String
    /// The figure columns, left to right.
    var columns: [Column]
    /// How many short identifier columns (`Prio`, `Status`, `Proj nr`) the stub starts with,
    /// before the label column: their codes (`1`, `P`, `6289`) are no part of a row's label.
    var identifierStubs = 0

    /// The words of a header line, split on white space (tabs included).
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// Reads a header from its text, joined across the lines it wraps over.
    ///
    /// A column starts at a head word (`Budget`, `Utfall`, `Mål`), a modifier (`Periodens`,
    /// `KF:s`) or a year that does not follow a head word. A head word stays in the current column
    /// after a binder (`från`), a slash (`2023/`), a modifier, or an abbreviated difference word
    /// (`Avv. Bokslut 2023/ Budget 2023` is one column). Everything before the first column is stub.
    static func parse(_ text: String) -> ColumnHeader {
        var stub: [String] = []
        var columns: [[String]] = []
        var awaitingHead = false  // a modifier or difference word wants its head word
        var binds = false  // the last word keeps the next in this column
        var headTakesYear = false  // the last word was a head word: a year right after it belongs to it
        var all = words(text)
        // "Mål Indikator 2022 2023": a goal column named by the bare word, before the indicator column.
        if all.count >= 2, ["mål", "mål:"].contains(all[0].lowercased()), TableVocabulary.isIndicatorStubWord(all[1]) {
            stub = Array(all.prefix(2))
            all.removeFirst(2)
        }
        for word in all {
            let lower = trimSet0.trim(word.lowercased())
            let endsWithSlash = word.hasSuffix("/")
            if TableVocabulary.isYearToken(lower) {
                if !columns.isEmpty && (binds || headTakesYear || awaitingHead) {
                    columns[columns.count - 1].append(word)
                } else {
                    columns.append([word])
                }
                awaitingHead = false
                headTakesYear = false
                binds = endsWithSlash
                continue
            }
            if TableVocabulary.isHead(trimSet3.trim(lower)) {
                let bare = trimSet3.trim(lower)
                if !columns.isEmpty && (binds || awaitingHead) {
                    columns[columns.count - 1].append(word)
                } else {
                    columns.append([word])
                }
                // An abbreviated difference word takes the next head as the first thing it compares.
                awaitingHead = TableVocabulary.differenceHeads.contains(bare) && bare.hasSuffix(".")
                headTakesYear = true
                binds = endsWithSlash
                continue
            }
            if TableVocabulary.isModifier(lower) {
                if !columns.isEmpty && binds {
                    columns[columns.count - 1].append(word)
                } else {
                    columns.append([word])
                }
                awaitingHead = true
                headTakesYear = false
                binds = false
                continue
            }
            if TableVocabulary.isPeriodWord(lower), let last = columns.last?.last,
                TableVocabulary.isYearToken(trimSet0.trim(last.lowercased())), !binds
            {
                // "2023 Jan-aug 2024": a period after a finished year column opens the next column.
                columns.append([word])
                headTakesYear = true
                awaitingHead = false
                continue
            }
            if columns.isEmpty {
                stub.append(word)
            } else {
                columns[columns.count - 1].append(word)
                if headTakesYear && TableVocabulary.isPeriodWord(lower) {
                    // "Budget helår 2024", "Utfall jan-aug 2024": the period keeps the head's year.
                    binds = false
                    continue
                }
                binds = TableVocabulary.binders.contains(lower) || endsWithSlash
                // "Utfall VB 2022": a short qualifier between a head and its year keeps the year.
                if !(headTakesYear && word.count <= 3 && word == word.uppercased()) { headTakesYear = false }
            }
        }
        var header = ColumnHeader(stub: stub.joined(separator: " "), columns: columns.map(column(from:)))
        header.identifierStubs = identifierColumns(inStubWords: stub).columns
        return header
    }

    /// The identifier columns a stub read as words starts with (`Prio Status Projnr Investeringar`):
    /// how many, and how many words they take. A heading may be one word or two (`Proj Nr`, `Pri o`);
    /// the label column must remain, and a goal or indicator stub has none.
    static func identifierColumns(inStubWords stub: [String]) -> (columns: Int, words: Int) {
        guard stub.count >= 2 else { return (0, 0) }
        var columns = 0
        var index = 0
        while index < stub.count - 1 {
            if index + 2 < stub.count, TableVocabulary.isIdentifierHeader(stub[index] + stub[index + 1]) {
                index += 2
            } else if TableVocabulary.isIdentifierHeader(stub[index]) {
                index += 1
            } else {
                break
            }
            columns += 1
        }
        if columns > 0, stub.contains(where: { TableVocabulary.isGoalStubWord($0) || TableVocabulary.isIndicatorStubWord($0) }) {
            return (0, 0)
        }
        return (columns, index)
    }

    /// True when the stub cells of a measured header line are short identifier columns before
    /// one label column (`Prio | Status | Proj nr | Investeringar (tkr)`): at most five cells, each
    /// identifier heading a few letters, the label column as short as any stub.
    static func isIdentifierStub(_ cells: [String]) -> Bool {
        guard cells.count >= 2, cells.count <= 5, let label = cells.last, words(label).count <= 6 else { return false }
        return cells.dropLast().allSatisfy { words($0).count <= 2 && TableVocabulary.isIdentifierHeader($0) }
    }

    /// The cells of a measured header line that hold its first `count` words: the stub's cells.
    static func leadingCells(of lineCells: [String], words count: Int) -> [String] {
        var remaining = count
        var cells: [String] = []
        for cell in lineCells where remaining > 0 {
            let cellWords = words(cell)
            guard !cellWords.isEmpty else { continue }
            cells.append(cellWords.prefix(remaining).joined(separator: " "))
            remaining -= cellWords.count
        }
        return cells
    }

    /// Whether a header makes its table one of indicators: its stub names indicators, or its
    /// columns set targets beside outcomes and the stub names no unit of money.
    static func headsIndicators(stub: String, columns: [Column]) -> Bool {
        if words(stub).contains(where: TableVocabulary.isIndicatorStubWord) { return true }
        return TableVocabulary.unit(inCaption: stub) == nil && columns.contains(where: { $0.measure == .target })
            && columns.contains(where: { $0.measure == .outcome })
    }

    /// A column from its header words: the first head word gives the measure, the first year the year.
    static func column(from words: [String]) -> Column {
        let text = words.joined(separator: " ")
        let lowers = words.map { trimSet1.trim($0.lowercased()) }
        var measure: Measure = .outcome
        var isDifference = false
        var isText = false
        var sawHead = false
        for lower in lowers {
            if let m = TableVocabulary.measure(ofHead: lower) {
                if !sawHead {
                    measure = Measure(m)
                    isDifference = TableVocabulary.isDifferenceHead(lower)
                    isText = TableVocabulary.textHeads.contains(lower) || TableVocabulary.isDateHead(lower)
                    sawHead = true
                }
            }
        }
        if !sawHead, lowers.contains(where: { $0.hasPrefix("prel") }) { measure = .outcome }
        let year = words.lazy.compactMap { TableVocabulary.isYearToken($0) ? TableVocabulary.year(in: $0) : nil }.first
        var unit: String?
        if lowers.contains("%") || lowers.contains("procent") { unit = "%" }
        for candidate in SwedishNumber.units where candidate.hasSuffix("kr") && lowers.contains(candidate) { unit = candidate }
        return Column(text: text, year: year, measure: measure, isDifference: isDifference, isText: isText, unit: unit)
    }

    /// How header-like a line is: nil when it cannot be a header line (it holds figures that are
    /// not years, or reads as a sentence); else the share of its words that are header vocabulary.
    static func headerShare(_ text: String) -> Double? {
        headerCounts(text).map { Double($0.known) / Double($0.words) }
    }

    /// The word count and header-vocabulary count behind `headerShare`; nil where it is nil.
    ///
    /// One pass over the words, without building them as an array: a line of more than 24
    /// words or with a figure that is not a year is turned away at that word (the answer is nil
    /// either way), and each word is lower-cased once.
    static func headerCounts(_ text: String) -> (words: Int, known: Int)? {
        var count = 0
        var known = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            count += 1
            if count > 24 { return nil }
            let lower = trimSet2.trim(word.lowercased())
            if TableVocabulary.isYearToken(lower) {
                known += 1
                continue
            }
            if TableVocabulary.containsNumber(lower) { return nil }
            if TableVocabulary.isHead(lower) || TableVocabulary.isModifier(lower) || TableVocabulary.units.contains(lower) {
                known += 1
                continue
            }
            // Only a word with a slash or a full stop at an end has a different bare form.
            if let first = lower.utf8.first, let last = lower.utf8.last,
                first == 0x2F || first == 0x2E || last == 0x2F || last == 0x2E,
                TableVocabulary.isHead(trimSet4.trim(lower))
            {
                known += 1
            }
        }
        guard count > 0 else { return nil }
        return (count, known)
    }

    /// True when a line can open a header: it names at least one column, and the words from the
    /// first column on are mostly header vocabulary (the stub before them may be anything short).
    /// - Parameter cells: the line's cells where the front-end measured column gaps on it (PDF).
    static func canOpen(_ text: String, cells: [String]? = nil) -> Bool {
        let cells = (cells?.count ?? 0) > 1 ? cells : nil
        guard let counts = headerCounts(text) else { return false }
        // The columns are the words after a stub of at most 6 words, and their header words are
        // among the line's: a line with too few header words cannot open a header, and most
        // lines are turned away here, before they are parsed.
        let fewestColumnWords = counts.words - 6
        if counts.known == 0 || (fewestColumnWords > 2 && 2 * counts.known < fewestColumnWords) { return false }
        // A lower-case start continues something (`andel (%)`), except a measured stub (`tkr | 2024`).
        if text.first?.isLowercase == true {
            guard let stubCell = cells?.first, words(stubCell).count <= 3, TableVocabulary.unit(inCaption: stubCell) != nil else { return false }
        }
        if text.hasSuffix(".") && words(text).count > 6 { return false }
        let header = parse(text)
        guard !header.columns.isEmpty else { return false }
        let stubWords = ColumnHeader.words(header.stub)
        if stubWords.count > 6 {
            // A longer stub is short identifier columns before the label column (`Prio | Status |
            // Proj nr | Investeringar (tkr)`): judged by its measured cells where the line has them.
            if let cells {
                guard isIdentifierStub(leadingCells(of: cells, words: stubWords.count)) else { return false }
            } else {
                let identifiers = identifierColumns(inStubWords: stubWords)
                guard identifiers.columns > 0, stubWords.count - identifiers.words <= 6 else { return false }
            }
        }
        let columnText = header.columns.map(\.text).joined(separator: " ")
        guard let share = headerShare(columnText) else { return false }
        let columnWords = words(columnText).count
        return share >= 0.5 || (columnWords <= 2 && share > 0)
    }

    /// True when a line can continue a wrapped header: header words, a lower-case fragment
    /// (`pojkar`, `bokslut`), a year, or a word ending in a slash.
    static func canContinue(_ text: String) -> Bool {
        guard let share = headerShare(text) else { return false }
        let words = words(text)
        if share >= 0.5 { return true }
        guard let first = text.first else { return false }
        return (first.isLowercase && words.count <= 3) || words.contains(where: { $0.hasSuffix("/") }) && words.count <= 3
    }
}

extension Measure {
    /// The model's measure for what a column's head word says it measures.
    init(_ measure: TableVocabulary.ColumnMeasure) {
        switch measure {
        case .outcome: self = .outcome
        case .target: self = .target
        case .baseline: self = .baseline
        case .forecast: self = .forecast
        case .budget: self = .budget
        case .other: self = .other
        }
    }
}
