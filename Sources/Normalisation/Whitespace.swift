import ReportSource
import SwedishReportLanguage

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
