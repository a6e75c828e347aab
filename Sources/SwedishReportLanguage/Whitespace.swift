import Foundation

/// The set `trimming(.whitespaces)` trims, for testing a single scalar.
private let whitespaceSet = CharacterSet.whitespaces

/// Trims and counts of spaces and tabs in UTF-8 bytes, shared by the stages that test every line
/// (normalisation and layout): Foundation's trims cost more than the tests they feed.
extension String {
    /// The text without spaces (U+0020 only) at either end: `trimming(TrimSet(" "))`, cut in
    /// UTF-8 bytes (a space byte is always the whole scalar): every line of text input is trimmed,
    /// and most start with a long run of spaces.
    public var trimmingSpaces: String {
        let (start, end) = withUTF8Bytes { bytes -> (Int, Int) in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while start < end, bytes[end - 1] == 0x20 { end -= 1 }
            return (start, end)
        }
        return slice(start, end)
    }

    /// `trimming(.whitespaces)` (Foundation's `CharacterSet.whitespaces`: spaces and tabs, and
    /// the other Unicode spaces), with spaces and tabs cut in UTF-8 bytes.
    ///
    /// Text input indents most lines with long runs of spaces, which a byte scan cuts faster than
    /// `TrimSet`'s walk over scalars (about 0.7% of a text import's instructions). Once the ASCII
    /// spaces and tabs are cut, an end that is not ASCII (`på`) is asked of Foundation's set, and
    /// only a Unicode space there is left to `trimming(.whitespaces)`.
    public var trimmingWhitespace: String {
        let (start, end) = withUTF8Bytes { bytes -> (Int, Int) in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while start < end, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return (start, end)
        }
        if start == end { return "" }
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(utf8.startIndex, offsetBy: end)
        let first = unicodeScalars[lower]
        let last = unicodeScalars[unicodeScalars.index(before: upper)]
        if (!first.isASCII && whitespaceSet.contains(first)) || (!last.isASCII && whitespaceSet.contains(last)) {
            return trimming(.whitespaces)
        }
        if start == 0 && end == utf8.count { return self }
        return String(self[lower..<upper])
    }

    /// How many `" "` characters the text starts with: `prefix { $0 == " " }.count`, counted in
    /// bytes unless a non-ASCII scalar follows the spaces (a combining mark makes the last space
    /// part of another character).
    public var leadingSpaceCount: Int {
        let count = withUTF8Bytes { bytes -> Int? in
            var count = 0
            while count < bytes.count, bytes[count] == 0x20 { count += 1 }
            return count < bytes.count && bytes[count] >= 0x80 ? nil : count
        }
        return count ?? prefix { $0 == " " }.count
    }

    /// The text between two UTF-8 offsets next to ASCII bytes (so on scalar boundaries).
    private func slice(_ start: Int, _ end: Int) -> String {
        if start == end { return "" }
        if start == 0 && end == utf8.count { return self }
        return String(self[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

}

extension StringProtocol {
    /// Calls `body` with the text's UTF-8 bytes: in place for native text, copied otherwise.
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
