/// A Swedish municipality with its official code.
public struct Municipality: Sendable, Hashable {
    /// The official 4-digit kommunkod (`1489`).
    public var code: String
    /// The name as in the official list (`Alingsås`).
    public var name: String
    /// The county (län).
    public var county: String

    /// Looks a municipality up by name, case-insensitively.
    public static func named(_ name: String) -> Municipality? {
        byName[name.lowercased()]
    }

    private static let byName: [String: Municipality] = Dictionary(
        all.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
}
