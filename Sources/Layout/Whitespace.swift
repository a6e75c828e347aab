import SwedishReportLanguage

extension String {
    /// The text without spaces (U+0020 only) at either end: `trimming(TrimSet(" "))`, cut in
    /// UTF-8 bytes (a space byte is always the whole scalar) instead of asking Foundation, as
    /// every indented line of text input would.
    var trimmingSpaces: String {
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 { start = utf8.index(after: start) }
        while start < end, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        if start == utf8.startIndex && end == utf8.endIndex { return self }
        return String(self[start..<end])
    }

    /// `trimming(.whitespaces)` (Foundation's `CharacterSet.whitespaces`: spaces and tabs, and
    /// the other Unicode spaces), with spaces and tabs cut in UTF-8 bytes. Once they are cut, a
    /// text whose ends are ASCII is done; an end that is not ASCII may be another kind of space,
    /// and Foundation is asked.
    var trimmingWhitespace: String {
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while start < end {
            let last = utf8[utf8.index(before: end)]
            guard last == 0x20 || last == 0x09 else { break }
            end = utf8.index(before: end)
        }
        if start == end { return "" }
        guard utf8[start] < 0x80, utf8[utf8.index(before: end)] < 0x80 else { return trimming(.whitespaces) }
        if start == utf8.startIndex && end == utf8.endIndex { return self }
        return String(self[start..<end])
    }

    /// How many `" "` characters the text starts with: `prefix { $0 == " " }.count`, counted in
    /// bytes unless a non-ASCII scalar follows the spaces (a combining mark makes the last space
    /// part of another character).
    var leadingSpaceCount: Int {
        var count = 0
        for byte in utf8 {
            if byte == 0x20 {
                count += 1
                continue
            }
            if byte >= 0x80 { return prefix { $0 == " " }.count }
            break
        }
        return count
    }
}
