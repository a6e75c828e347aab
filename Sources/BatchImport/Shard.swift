import Warehouse

/// One of N deterministic slices of a batch (`--shard K/N`), for spreading an archive over machines.
///
/// A document belongs to slice K when a digest of its path, as listed, falls there; so the
/// slices are disjoint, together hold every document, and do not depend on the order of the
/// list, on the machine, or on which other files exist.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based slice number.
    public var index: Int
    /// Number of slices.
    public var count: Int

    /// Creates a shard; `index` is 1-based.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, e.g. `3/16`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// Whether the document with this path belongs to this slice.
    public func contains(_ path: String) -> Bool {
        Self.slice(of: path, count: count) == index
    }

    /// The 1-based slice a path falls in.
    static func slice(of path: String, count: Int) -> Int {
        let hex = SHA256.hex(of: Array(path.utf8)).prefix(15)
        let value = UInt64(hex, radix: 16) ?? 0
        return Int(value % UInt64(count)) + 1
    }
}
