import Foundation
import SwedishReportLanguage

/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet0 = TrimSet("()")

/// One space-separated token of a table line, classified by what it can be in a cell.
///
/// In text input a single space is both the thousands separator and the column gap, so a token of
/// exactly three digits may continue the number before it or start a new one; every other token
/// has one reading. A run of spaces leaves empty tokens behind: an empty cell, where extraction
/// joined cells with single spaces and an empty cell added one more.
struct ValueToken: Sendable, Hashable {
    /// What a token can be.
    enum Kind: Sendable, Hashable {
        /// An extra space: possibly an empty cell.
        case empty
        /// `-`: an empty cell written as a dash.
        case dash
        /// `I.U.`, `..`: a cell that says the number is missing.
        case marker
        /// `%`, `tkr`: the unit of the number before it.
        case unit
        /// `≥`, `ca`, `+/-`: a comparator for the number after it.
        case comparator
        /// A number, or the start of one (`-109`, `104,1`, `(73)`, `98%`, `≤38`).
        case number
        /// Anything else: a word of a label or of a text cell.
        case text
    }

    /// The token as printed.
    var text: String
    /// What it is.
    var kind: Kind
    /// Exactly three digits (with optional decimals, `%` or `)`) and no sign: may continue the number before.
    var isGroup: Bool
    /// A number start that a thousands group may follow: 1–3 digits, not `0`, no decimals or unit.
    var takesGroups: Bool
    /// A group with a leading zero (`028`): it cannot start a number of its own.
    var mustJoin: Bool

    /// A number cell token: optional parenthesis, comparator and sign; digits; decimals; `%`.
    static let numberPattern = try! NSRegularExpression(
        pattern: #"^\(?(?:<=|>=|[<>≤≥~])?[-+–]?\d+(?:,\d+)?%?\)?$"#)
    /// A comparator glued to a number and a word (`≥975per`).
    static let comparedPattern = try! NSRegularExpression(pattern: #"^(?:<=|>=|[<>≤≥])\d+(?:,\d+)?\p{L}*$"#)
    /// A thousands group: exactly three digits.
    static let groupPattern = try! NSRegularExpression(pattern: #"^\d{3}(?:,\d+)?%?\)?$"#)
    /// The start of a grouped number: one to three digits.
    static let headPattern = try! NSRegularExpression(pattern: #"^\(?[-+–]?\d{1,3}$"#)

    /// Classifies one token.
    init(_ text: String) {
        self.text = text
        isGroup = false
        takesGroups = false
        mustJoin = false
        let lower = text.lowercased()
        if text.isEmpty {
            kind = .empty
        } else if TableVocabulary.dashes.contains(text) {
            kind = .dash
        } else if TableVocabulary.missingMarkers.contains(lower) {
            kind = .marker
        } else if TableVocabulary.units.contains(lower) {
            kind = .unit
        } else if TableVocabulary.comparatorTokens.keys.contains(lower) {
            kind = .comparator
        } else if text.hasPrefix("("), ReportVocabulary.isYear(text.trimming(trimSet0)) {
            kind = .text  // "(2019)": the year a value was measured, not a preliminary value
        } else if Self.matches(Self.numberPattern, text) || Self.matches(Self.comparedPattern, text) {
            kind = .number
            isGroup = Self.matches(Self.groupPattern, text)
            mustJoin = isGroup && text.hasPrefix("0")
            takesGroups = Self.matches(Self.headPattern, text) && !["0", "-0", "(0", "+0", "–0"].contains(text)
        } else {
            kind = .text
        }
    }

    /// True for tokens that belong to the figures of a row rather than its label.
    var isValueLike: Bool { kind != .text }

    /// True when the whole token matches.
    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Splits a line into tokens on single spaces, keeping one empty token per extra space.
    static func tokens(of text: String) -> [ValueToken] {
        let trimmed = text.trimming(.whitespaces)
        guard !trimmed.isEmpty else { return [] }
        return trimmed.split(separator: " ", omittingEmptySubsequences: false).map { ValueToken(String($0)) }
    }
}
