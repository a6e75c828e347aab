import Foundation

/// Literal searches in a text's UTF-8, for pre-filters in front of costlier tests.
///
/// A byte search is what a regular expression's literal or an ASCII word needs, without
/// Foundation's bridging (`range(of:)`) or a character-by-character comparison. It compares code
/// points literally, so it is only a pre-filter where the costlier test is canonical-equivalence
/// aware; where that test is literal too (NSRegularExpression, ICU) it decides alone.
extension StringProtocol {
    /// True when the text's UTF-8 contains `needle` (UTF-8 bytes) somewhere.
    @inlinable
    public func utf8Contains(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        func search(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = needle.count
            guard hay.count >= n else { return false }
            var i = 0
            let last = hay.count - n
            while i <= last {
                if hay[i] == first {
                    var j = 1
                    while j < n, hay[i + j] == needle[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
        return withUTF8Bytes(search)
    }

    /// True when the text's UTF-8 contains `needle`, a lower-case ASCII word, with its ASCII
    /// letters in either case: a pre-filter for `lowercased().contains(needle)`. Only ASCII
    /// letters lower-case to ASCII letters, except U+212A KELVIN SIGN (to k) and U+0130 (to i
    /// and a combining dot, which a search for i does not match), so for a needle without k
    /// where this is false the lower-cased text cannot contain the needle.
    @inlinable
    public func utf8ContainsIgnoringASCIICase(_ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard let first = needle.first else { return true }
        func search(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = needle.count
            guard hay.count >= n else { return false }
            @inline(__always) func same(_ byte: UInt8, _ wanted: UInt8) -> Bool {
                byte == wanted || (wanted >= 0x61 && wanted <= 0x7A && byte == wanted - 0x20)
            }
            var i = 0
            let last = hay.count - n
            while i <= last {
                if same(hay[i], first) {
                    var j = 1
                    while j < n, same(hay[i + j], needle[j]) { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
        return withUTF8Bytes(search)
    }
}

/// How a text's tabs stand, for answering Foundation's tab questions natively.
private enum TabLayout {
    /// No tab.
    case none
    /// Tabs, each followed by the end or by a character that starts a character of its own
    /// (ASCII, a letter, number, punctuation, symbol or separator).
    case plain
    /// A tab followed by something else (a combining mark, a format character): Foundation,
    /// which searches by composed character sequences, may not see that tab; ask it.
    case unusual
}

/// The tab layout of UTF-8 bytes: a byte scan, decoding only the scalar after a tab that is not ASCII.
private func tabLayout(of bytes: UnsafeBufferPointer<UInt8>) -> TabLayout {
    var sawTab = false
    var i = 0
    while i < bytes.count {
        defer { i += 1 }
        guard bytes[i] == 0x09 else { continue }
        sawTab = true
        guard i + 1 < bytes.count, bytes[i + 1] >= 0x80 else { continue }
        var decoder = UTF8()
        var rest = bytes[(i + 1)...].makeIterator()
        guard case .scalarValue(let next) = decoder.decode(&rest) else { return .unusual }
        switch next.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
            .spaceSeparator, .lineSeparator, .paragraphSeparator:
            continue
        default:
            return .unusual
        }
    }
    return sawTab ? .plain : .none
}

/// `containsTab` for any text; public entry points are concrete, so callers in other modules
/// get code specialised for `String` and `Substring`.
private func containsTab<S: StringProtocol>(_ text: S) -> Bool {
    switch text.withUTF8Bytes(tabLayout(of:)) {
    case .none: return false
    case .plain: return true
    case .unusual: return text.contains("\t")
    }
}

private func tabSeparatedComponents<S: StringProtocol>(_ text: S) -> [String] {
    switch text.withUTF8Bytes(tabLayout(of:)) {
    case .none: return [String(text)]
    case .plain:
        let parts: [Substring] = String(text).split(separator: "\t", omittingEmptySubsequences: false)
        return parts.map(String.init)
    case .unusual: return text.components(separatedBy: "\t")
    }
}

extension String {
    /// `contains("\t")` as Foundation answers it: a tab is always a character of its own, so
    /// this is a byte test, except in the rare text where a tab is followed by a mark (Foundation,
    /// which searches by composed character sequences, does not see that tab: it is asked then).
    public var containsTab: Bool { SwedishReportLanguage.containsTab(self) }

    /// `components(separatedBy: "\t")` as Foundation answers it, split natively (see `containsTab`).
    public func tabSeparatedComponents() -> [String] { SwedishReportLanguage.tabSeparatedComponents(self) }
}

extension Substring {
    /// `contains("\t")` as Foundation answers it (see `String.containsTab`).
    public var containsTab: Bool { SwedishReportLanguage.containsTab(self) }
}
