import Foundation

/// Characters trimmed from both ends of lines and tokens, for `trimming(_:)`.
///
/// Foundation's `trimmingCharacters(in:)` bridges every string to `NSString`, and the stages
/// after the front-end trim every line and token many times. A `TrimSet` trims natively, with
/// exactly the result of `trimmingCharacters(in:)`: that walks the string's UTF-16 code units
/// from both ends while the unit, read as a scalar, is in the set, so a scalar outside the Basic
/// Multilingual Plane (a surrogate pair) always stops it. ASCII membership is a table lookup;
/// other scalars ask the `CharacterSet`, unless the set was built from ASCII characters only.
public struct TrimSet: Sendable {
    @usableFromInline let set: CharacterSet
    /// Membership of each ASCII character, by code.
    @usableFromInline let ascii: [Bool]
    /// True when the set may hold characters outside ASCII (then `set` is asked for them).
    @usableFromInline let hasNonASCII: Bool

    /// Creates a set from a character set.
    public init(_ set: CharacterSet) {
        self.init(set, hasNonASCII: true)
    }

    private init(_ set: CharacterSet, hasNonASCII: Bool) {
        self.set = set
        self.hasNonASCII = hasNonASCII
        ascii = (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    /// Creates a set from the characters of a string (`",:*()"`).
    public init(_ characters: String) {
        self.init(CharacterSet(charactersIn: characters), hasNonASCII: !characters.unicodeScalars.allSatisfy(\.isASCII))
    }

    /// Spaces and tabs (`CharacterSet.whitespaces`).
    public static let whitespaces = TrimSet(.whitespaces)
    /// Spaces, tabs and line breaks (`CharacterSet.whitespacesAndNewlines`).
    public static let whitespacesAndNewlines = TrimSet(.whitespacesAndNewlines)
    /// Punctuation (`CharacterSet.punctuationCharacters`).
    public static let punctuationCharacters = TrimSet(.punctuationCharacters)

    /// True when `trimmingCharacters(in:)` would trim the scalar: a BMP scalar in the set.
    @inlinable
    func trims(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return ascii[Int(value)] }
        return hasNonASCII && value <= 0xFFFF && set.contains(scalar)
    }

    /// True when trimming cannot remove anything: both ends are ASCII characters outside the set.
    /// (In UTF-8 an ASCII byte is always a whole scalar, the one trimming would test.)
    @inlinable
    func keepsEnds<S: StringProtocol>(of text: S) -> Bool where S.UTF8View: BidirectionalCollection {
        guard let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80 else { return false }
        return !ascii[Int(first)] && !ascii[Int(last)]
    }

    /// `token` without this set's characters at either end.
    @inlinable
    public func trim<S: StringProtocol>(_ token: S) -> String where S.UTF8View: BidirectionalCollection {
        if keepsEnds(of: token) { return String(token) }
        let scalars = token[...].unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, trims(scalars[start]) { start = scalars.index(after: start) }
        guard start < end else { return "" }
        while true {
            let before = scalars.index(before: end)
            guard before > start, trims(scalars[before]) else { break }
            end = before
        }
        // Sliced by scalars, not characters: a trim may stop inside a grapheme, as Foundation does.
        return String(decoding: token[...].utf8[start..<end], as: UTF8.self)
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// `trimmingCharacters(in:)` for a `TrimSet`: the same result, without Foundation's cost when
    /// there is nothing to trim.
    @inlinable
    public func trimming(_ set: TrimSet) -> String {
        set.trim(self)
    }
}

extension NSRegularExpression {
    /// True when the expression matches somewhere in `text`: what
    /// `text.range(of: pattern, options: .regularExpression) != nil` answers, without compiling
    /// (or looking up) the pattern on every call. Keep such expressions in `static let`s.
    public func matches(_ text: String) -> Bool {
        firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
