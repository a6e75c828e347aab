import Foundation

/// Repairs the text poppler-glib 22.12 gives for structure elements.
///
/// poppler extracts marked-content text as UTF-8 and then decodes those bytes once more as
/// PDFDocEncoding, so `ö` arrives as `Ã¶` and `Ö` as `ÃŒ` (seen with both cairo and Word PDFs).
/// Mapping each character back to its PDFDocEncoding byte and reading the bytes as UTF-8 undoes
/// that. Text that is already right does not survive the round trip as valid UTF-8 (a lone `ö`
/// is not a UTF-8 sequence) and is returned unchanged, so a fixed poppler costs nothing.
enum StructureText {
    static func repaired(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        var sawHighByte = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else if value >= 0xA1, value <= 0xFF {
                bytes.append(UInt8(value))
                sawHighByte = true
            } else if let byte = pdfDocBytes[value] {
                bytes.append(byte)
                sawHighByte = true
            } else {
                return text  // a character PDFDocEncoding has no byte for: not double-decoded
            }
        }
        guard sawHighByte, let decoded = String(bytes: bytes, encoding: .utf8) else { return text }
        return decoded
    }

    /// PDFDocEncoding's bytes 0x80…0xA0, which are not Latin-1, by the character they decode to.
    private static let pdfDocBytes: [UInt32: UInt8] = [
        0x2022: 0x80, 0x2020: 0x81, 0x2021: 0x82, 0x2026: 0x83, 0x2014: 0x84, 0x2013: 0x85,
        0x0192: 0x86, 0x2044: 0x87, 0x2039: 0x88, 0x203A: 0x89, 0x2212: 0x8A, 0x2030: 0x8B,
        0x201E: 0x8C, 0x201C: 0x8D, 0x201D: 0x8E, 0x2018: 0x8F, 0x2019: 0x90, 0x201A: 0x91,
        0x2122: 0x92, 0xFB01: 0x93, 0xFB02: 0x94, 0x0141: 0x95, 0x0152: 0x96, 0x0160: 0x97,
        0x0178: 0x98, 0x017D: 0x99, 0x0131: 0x9A, 0x0142: 0x9B, 0x0153: 0x9C, 0x0161: 0x9D,
        0x017E: 0x9E, 0x20AC: 0xA0,
    ]
}
