import Foundation

/// A PDF's output intent: the ICC profile of the press or screen its colours were set for
/// (every PDF/A names one; Word writes one into each PDF/A it saves).
///
/// poppler turns that profile into colour transforms each time it begins to draw or read a
/// page, and the transforms cost far more than reading the page: `pdftotext` spends 85 % of its
/// time on one of the archive's Word PDF/As building them. The import reads each page several
/// times (text, pictures, drawing, icon colours) and needs no print simulation, so the key is
/// renamed in the bytes poppler is given. The name keeps its length, so every offset in the
/// file (the cross-reference table) still holds, and poppler reads the document as one without
/// an output intent: colours are then converted for poppler's own sRGB display, which is
/// what the output intent of a report says anyway.
enum OutputIntent {
    /// The catalogue's key, as it is written in a PDF.
    static let key = Array("/OutputIntents".utf8)
    /// What it becomes: a key of the same length that no reader looks up.
    static let renamedKey = Array("/OutputIntentX".utf8)

    /// Renames every occurrence of the key in `bytes` and returns how many there were. A
    /// catalogue kept inside a compressed object stream is not seen, and keeps its intent.
    @discardableResult
    static func rename(in bytes: UnsafeMutableRawBufferPointer) -> Int {
        guard bytes.count >= key.count else { return 0 }
        var renamed = 0
        var index = 0
        let last = bytes.count - key.count
        while index <= last {
            // Scan for the slash with memchr's speed; most of a PDF is compressed streams.
            guard let base = bytes.baseAddress,
                let found = memchr(base + index, Int32(key[0]), last - index + 1)
            else { break }
            let at = found - base
            if zip(key.indices, key).allSatisfy({ bytes[at + $0] == $1 }) {
                for (offset, byte) in renamedKey.enumerated() { bytes[at + offset] = byte }
                renamed += 1
                index = at + key.count
            } else {
                index = at + 1
            }
        }
        return renamed
    }
}
