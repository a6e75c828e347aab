/// A Swedish municipality with its official code.
public struct Municipality: Sendable, Hashable {
    /// The official 4-digit kommunkod (`1489`).
    public var code: String
    /// The name as in the official list (`Alingsås`).
    public var name: String
    /// The county (län).
    public var county: String

    /// Creates a municipality.
    public init(code: String, name: String, county: String) {
        self.code = code
        self.name = name
        self.county = county
    }

    /// The county's code: the kommunkod's first two digits (`14` for Västra Götalands län).
    public var countyCode: String { String(code.prefix(2)) }

    /// Looks a municipality up by its kommunkod (`1489`).
    public static func coded(_ code: String) -> Municipality? {
        byCode[code]
    }

    private static let byCode: [String: Municipality] = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// Looks a municipality up by name, case-insensitively.
    public static func named(_ name: String) -> Municipality? {
        byName[name.lowercased()]
    }

    private static let byName: [String: Municipality] = Dictionary(
        all.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
}
