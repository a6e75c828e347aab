import ReportSource
import Foundation
import SwedishReportLanguage

/// The set `trimming(.whitespaces)` trims, for testing a single scalar.
private let whitespaceSet = CharacterSet.whitespaces

extension String {
    /// `trimming(.whitespaces)` (Foundation's `CharacterSet.whitespaces`: spaces and tabs, and
    /// the other Unicode spaces), with spaces and tabs cut in UTF-8 bytes.
    ///
    /// Text input indents most lines with long runs of spaces, which a byte scan cuts faster than
    /// `TrimSet`'s walk over scalars (about 0.7% of a text import's instructions). Once the ASCII
    /// spaces and tabs are cut, an end that is not ASCII (`på`) is asked of Foundation's set, and
    /// only a Unicode space there is left to `trimming(.whitespaces)`.
    var trimmingWhitespace: String {
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

    /// Calls `body` with the text's UTF-8 bytes (in place for a native string).
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension SourceLine {
    /// `isBlank` (no icon, and every character white space), decided in bytes for ASCII text.
    ///
    /// Page edges are found on every page, and the lines of text input start with long runs of
    /// spaces, each of which `isBlank` asks `Character.isWhitespace` about. An ASCII byte that
    /// is not white space starts a character of its own (no ASCII scalar extends a character),
    /// so it settles the answer; a non-ASCII byte is left to `isBlank`.
    var isBlankFast: Bool {
        guard icons.isEmpty else { return false }
        let answer = text.withUTF8Bytes { bytes -> Bool? in
            for byte in bytes {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { continue }
                return byte < 0x80 ? false : nil
            }
            return true
        }
        return answer ?? isBlank
    }
}
