import Foundation

/// Characters trimmed from both ends of lines and tokens, for `trimming(_:)`.
///
/// Foundation's `trimmingCharacters(in:)` bridges every string, and the stages after the
/// front-end trim every line and token many times; most of them have nothing to trim. A
/// `TrimSet` knows which ASCII characters it holds, so when a text starts and ends with ASCII
/// characters outside the set the text is returned as it is, without asking Foundation. Every
/// other text goes to Foundation, so the result is always exactly `trimmingCharacters(in:)`.
public struct TrimSet: Sendable {
    private let set: CharacterSet
    /// Membership of each ASCII character, by code.
    private let ascii: [Bool]

    /// Creates a set from a character set.
    public init(_ set: CharacterSet) {
        self.set = set
        ascii = (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    /// Creates a set from the characters of a string (`",:*()"`).
    public init(_ characters: String) {
        self.init(CharacterSet(charactersIn: characters))
    }

    /// Spaces and tabs (`CharacterSet.whitespaces`).
    public static let whitespaces = TrimSet(.whitespaces)
    /// Spaces, tabs and line breaks (`CharacterSet.whitespacesAndNewlines`).
    public static let whitespacesAndNewlines = TrimSet(.whitespacesAndNewlines)
    /// Punctuation (`CharacterSet.punctuationCharacters`).
    public static let punctuationCharacters = TrimSet(.punctuationCharacters)

    /// True when trimming cannot remove anything: both ends are ASCII characters outside the set.
    /// (In UTF-8 an ASCII byte is always a whole scalar, the one trimming would test.)
    fileprivate func keepsEnds<S: StringProtocol>(of text: S) -> Bool where S.UTF8View: BidirectionalCollection {
        guard let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80 else { return false }
        return !ascii[Int(first)] && !ascii[Int(last)]
    }

    /// `token` without this set's characters at either end.
    public func trim<S: StringProtocol>(_ token: S) -> String where S.UTF8View: BidirectionalCollection {
        keepsEnds(of: token) ? String(token) : token.trimmingCharacters(in: set)
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// `trimmingCharacters(in:)` for a `TrimSet`: the same result, without Foundation's cost when
    /// there is nothing to trim.
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
