/// What a user asks `compare` for: one figure, for a set of municipalities and years.
public struct ComparisonRequest: Sendable {
    /// The figure compared.
    public enum Figure: Sendable, Hashable {
        /// An indicator, matched on its folded name.
        case indicator(String)
        /// A table row, matched on its folded label; optionally a column whose header contains
        /// the given words.
        case row(label: String, column: String?)
        /// A Kolada KPI (`N00002`): the indicators matched to it, and Kolada's own values.
        case kpi(String)

        /// How the figure reads in a caption.
        public var description: String {
            switch self {
            case .indicator(let name): return name
            case .row(let label, let column): return column.map { "\(label), \($0)" } ?? label
            case .kpi(let id): return id
            }
        }
    }

    public var figure: Figure
    /// The measure compared (`outcome`, `budget`, `target`, …); nil for every measure.
    public var measure: String?
    /// The municipalities by kommunkod; nil for all.
    public var municipalityCodes: Set<String>?
    /// The years; nil for all.
    public var years: ClosedRange<Int>?
    /// The municipality highlighted, by kommunkod.
    public var focusCode: String?
    /// Whether Kolada's published values stand beside the reports' (always for a KPI).
    public var withKolada: Bool

    public init(
        figure: Figure, measure: String? = "outcome", municipalityCodes: Set<String>? = nil, years: ClosedRange<Int>? = nil,
        focusCode: String? = nil, withKolada: Bool = false
    ) {
        self.withKolada = withKolada
        self.figure = figure
        self.measure = measure
        self.municipalityCodes = municipalityCodes
        self.years = years
        self.focusCode = focusCode
    }
}
