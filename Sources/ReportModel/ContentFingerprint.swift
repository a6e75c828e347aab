/// A fingerprint of what a report says, the same for its renditions: a PDF and the text made
/// from it, or two copies under different names, print the same figures, while their bytes (and
/// so their SHA-256) differ.
///
/// Made from the figures its tables and indicators print (digits and sign only, in sorted order,
/// so that neither layout nor reading order matters); a report with few figures is fingerprinted
/// by its headings' and goals' words instead.
extension Report {
    /// Figures a report prints at least, to be fingerprinted by them.
    static let fewestFingerprintFigures = 5

    /// 16 hex digits (FNV-1a, 64 bits) of the report's figures, or of its headings and goals
    /// (with its municipality, year and period, so that one template's reports stay apart); nil
    /// for a report that prints none of them (nothing to tell it by).
    public var contentFingerprint: String? {
        var figures: [String] = []
        for table in tables {
            for row in table.rows { for cell in row.cells where cell.value != nil { figures.append(Self.digits(cell.text)) } }
        }
        for indicator in indicators {
            for value in indicator.values where value.value != nil { figures.append(Self.digits(value.text)) }
        }
        figures = figures.filter { !$0.isEmpty }
        var parts = figures.count >= Self.fewestFingerprintFigures
            ? figures.sorted()
            : (headings.map(\.text) + goals.map(\.title)).map { $0.lowercased().filter { $0.isLetter || $0.isNumber } }.filter { !$0.isEmpty }.sorted()
        guard !parts.isEmpty else { return nil }
        if figures.count < Self.fewestFingerprintFigures {
            parts += [metadata.municipalityCode ?? "", metadata.year.map(String.init) ?? "", metadata.period ?? ""]
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "|").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A printed figure's digits and sign (`-1 955` → `-1955`, `53,5 %` → `535`).
    static func digits(_ printed: String) -> String {
        let negative = printed.first.map { "-−–".contains($0) } ?? false
        let digits = printed.filter { ("0"..."9").contains($0) }
        return digits.isEmpty ? "" : (negative ? "-" : "") + digits
    }
}
