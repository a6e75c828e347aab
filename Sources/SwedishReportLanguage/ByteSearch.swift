import Foundation

/// Literal searches in a text's UTF-8, for pre-filters in front of costlier tests.
///
/// A byte search is what a regular expression's literal or an ASCII word needs, without
/// Foundation's bridging (`range(of:)`) or a character-by-character comparison. It compares code
/// points literally, so it is only a pre-filter where the costlier test is canonical-equivalence
/// aware; where that test is literal too (NSRegularExpression, ICU) it decides alone.
extension StringProtocol {
    /// True when the text's UTF-8 contains `needle` (UTF-8 bytes) somewhere.
    @inlinable
    public func utf8Contains(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        func search(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = needle.count
            guard hay.count >= n else { return false }
            var i = 0
            let last = hay.count - n
            while i <= last {
                if hay[i] == first {
                    var j = 1
                    while j < n, hay[i + j] == needle[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
        return withUTF8Bytes(search)
    }

    /// True when the text's UTF-8 contains `needle`, a lower-case ASCII word, with its ASCII
    /// letters in either case: a pre-filter for `lowercased().contains(needle)`. Only ASCII
    /// letters lower-case to ASCII letters, except U+212A KELVIN SIGN (to k) and U+0130 (to i
    /// and a combining dot, which a search for i does not match), so for a needle without k
    /// where this is false the lower-cased text cannot contain the needle.
    @inlinable
    public func utf8ContainsIgnoringASCIICase(_ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard let first = needle.first else { return true }
        func search(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = needle.count
            guard hay.count >= n else { return false }
            @inline(__always) func same(_ byte: UInt8, _ wanted: UInt8) -> Bool {
                byte == wanted || (wanted >= 0x61 && wanted <= 0x7A && byte == wanted - 0x20)
            }
            var i = 0
            let last = hay.count - n
            while i <= last {
                if same(hay[i], first) {
                    var j = 1
                    while j < n, same(hay[i + j], needle[j]) { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
        return withUTF8Bytes(search)
    }
}
