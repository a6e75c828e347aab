import SwedishReportLanguage

extension String {
    /// `trimming(.whitespaces)` (Foundation's `CharacterSet.whitespaces`: spaces and tabs, and
    /// the other Unicode spaces), with spaces and tabs cut in UTF-8 bytes.
    ///
    /// Text input indents most lines, so its lines would all go to Foundation, which is slow on
    /// Linux. Once the ASCII spaces and tabs are cut, a text whose ends are ASCII is done; an end
    /// that is not ASCII may be another kind of space, and Foundation is asked.
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
}
