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

    // The patterns below specify the token shapes; `TokenShape` matches them by hand.

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
        } else if TableVocabulary.comparatorTokens.contains(lower) {
            kind = .comparator
        } else if text.hasPrefix("("), ReportVocabulary.isYear(text.trimming(trimSet0)) {
            kind = .text  // "(2019)": the year a value was measured, not a preliminary value
        } else if TokenShape.isNumber(text) || TokenShape.isCompared(text) {
            kind = .number
            isGroup = TokenShape.isGroup(text)
            mustJoin = isGroup && text.hasPrefix("0")
            takesGroups = TokenShape.isHead(text) && !["0", "-0", "(0", "+0", "–0"].contains(text)
        } else {
            kind = .text
        }
    }

    /// True for tokens that belong to the figures of a row rather than its label.
    var isValueLike: Bool { kind != .text }

    /// Splits a line into tokens on single spaces, keeping one empty token per extra space.
    static func tokens(of text: String) -> [ValueToken] {
        let trimmed = text.trimming(.whitespaces)
        guard !trimmed.isEmpty else { return [] }
        return trimmed.split(separator: " ", omittingEmptySubsequences: false).map { ValueToken(String($0)) }
    }
}

/// The four token patterns of `ValueToken`, matched by hand: the expressions ran for every
/// token of every table line. Each function answers exactly what `firstMatch` of its pattern
/// answers (kept above as the specification): ICU matches code point by code point, `\d` is
/// any decimal digit (general category Nd), `\p{L}` any letter, and `$` matches at the end or
/// before one line terminator that ends the text.
enum TokenShape {
    /// `numberPattern`: `^\(?(?:<=|>=|[<>≤≥~])?[-+–]?\d+(?:,\d+)?%?\)?$`
    static func isNumber(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        var i = 0
        if i < s.count, s[i] == "(" { i += 1 }
        if i + 1 < s.count, s[i] == "<" || s[i] == ">", s[i + 1] == "=" {
            i += 2
        } else if i < s.count, isComparator(s[i]) || s[i] == "~" {
            i += 1
        }
        if i < s.count, isSign(s[i]) { i += 1 }
        return decimalTail(s, from: i, letters: false)
    }

    /// `comparedPattern`: `^(?:<=|>=|[<>≤≥])\d+(?:,\d+)?\p{L}*$`
    static func isCompared(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        var i = 0
        if s.count >= 2, s[0] == "<" || s[0] == ">", s[1] == "=" {
            i = 2
        } else if let first = s.first, isComparator(first) {
            i = 1
        } else {
            return false
        }
        return decimalTail(s, from: i, letters: true)
    }

    /// `groupPattern`: `^\d{3}(?:,\d+)?%?\)?$`
    static func isGroup(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        guard s.count >= 3, isDigit(s[0]), isDigit(s[1]), isDigit(s[2]) else { return false }
        var i = 3
        if i < s.count, s[i] == ",", i + 1 < s.count, isDigit(s[i + 1]) {
            i += 1
            while i < s.count, isDigit(s[i]) { i += 1 }
        }
        if i < s.count, s[i] == "%" { i += 1 }
        if i < s.count, s[i] == ")" { i += 1 }
        return atEnd(s, i)
    }

    /// `headPattern`: `^\(?[-+–]?\d{1,3}$`
    static func isHead(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        var i = 0
        if i < s.count, s[i] == "(" { i += 1 }
        if i < s.count, isSign(s[i]) { i += 1 }
        let start = i
        while i < s.count, isDigit(s[i]) { i += 1 }
        return (1...3).contains(i - start) && atEnd(s, i)
    }

    /// `\d+(?:,\d+)?` then (`letters`) `\p{L}*` or else `%?\)?`, then `$`, from `i`.
    private static func decimalTail(_ s: [Unicode.Scalar], from start: Int, letters: Bool) -> Bool {
        var i = start
        while i < s.count, isDigit(s[i]) { i += 1 }
        guard i > start else { return false }
        if i < s.count, s[i] == ",", i + 1 < s.count, isDigit(s[i + 1]) {
            i += 1
            while i < s.count, isDigit(s[i]) { i += 1 }
        }
        if letters {
            while i < s.count, isLetter(s[i]) { i += 1 }
        } else {
            if i < s.count, s[i] == "%" { i += 1 }
            if i < s.count, s[i] == ")" { i += 1 }
        }
        return atEnd(s, i)
    }

    /// `$` without multiline mode: the end, or a line terminator (or CR LF) that ends the text.
    private static func atEnd(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        if i == s.count { return true }
        if i + 2 == s.count { return s[i] == "\r" && s[i + 1] == "\n" }
        guard i + 1 == s.count else { return false }
        switch s[i].value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `\d`: a decimal digit of any script (ASCII ones without a property lookup).
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// `\p{L}`.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `[<>≤≥]`.
    private static func isComparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "<" || scalar == ">" || scalar == "≤" || scalar == "≥"
    }

    /// `[-+–]`.
    private static func isSign(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "+" || scalar == "–"
    }
}
