/// One figure side by side across municipalities and years, each value with where it was printed.
public struct Comparison: Codable, Sendable {
    /// Where a value was printed.
    public struct Source: Codable, Sendable, Hashable {
        /// The input's file name and its path as it was imported.
        public var document: String
        public var path: String
        public var page: Int
        /// The report's type from the fixed list, and what it calls itself.
        public var reportType: String?
        public var reportKind: String?
        /// The title of the table it stands in (for a table row), as the report prints it.
        public var table: String?


        public init(document: String, path: String, page: Int, reportType: String?, reportKind: String?, table: String? = nil) {
            self.document = document
            self.path = path
            self.page = page
            self.reportType = reportType
            self.reportKind = reportKind
            self.table = table
        }
    }

    /// One municipality's value for one year (and measure).
    public struct Value: Codable, Sendable, Hashable {
        public var municipality: String
        public var municipalityCode: String
        /// The board or company whose report printed it, where the report says (a municipality's
        /// own total and a board's share of it are different figures).
        public var organisation: String?
        public var year: Int?
        public var measure: String
        /// The value in the comparison's unit (kronor for money), sign turned where `turned` says.
        public var value: Double
        public var unit: String?
        /// The value exactly as printed.
        public var printed: String
        /// Whether the sign was turned so that every report's value reads the same way.
        public var turned: Bool
        /// The row or indicator and the column it was read from, as printed.
        public var label: String
        public var column: String
        /// Every report that printed this value (a report imported twice, or as PDF and text, is one value).
        public var sources: [Source]
        /// Whether the report prints it as preliminary (`(73)`).
        public var preliminary: Bool

        public init(
            municipality: String, municipalityCode: String, organisation: String?, year: Int?, measure: String, value: Double,
            unit: String?, printed: String, turned: Bool, label: String, column: String, sources: [Source], preliminary: Bool = false
        ) {
            self.preliminary = preliminary
            self.municipality = municipality
            self.municipalityCode = municipalityCode
            self.organisation = organisation
            self.year = year
            self.measure = measure
            self.value = value
            self.unit = unit
            self.printed = printed
            self.turned = turned
            self.label = label
            self.column = column
            self.sources = sources
        }
    }

    /// The figure as asked for, and the measure.
    public var figure: String
    public var measure: String?
    /// The highlighted municipality's name.
    public var focus: String?
    /// The day the comparison was made (ISO 8601).
    public var created: String
    public var values: [Value]
    /// What the reader should know: signs turned, mixed units, values left out and why.
    public var notes: [String]

    public init(figure: String, measure: String?, focus: String?, created: String, values: [Value], notes: [String]) {
        self.figure = figure
        self.measure = measure
        self.focus = focus
        self.created = created
        self.values = values
        self.notes = notes
    }

    /// The document name of a value Kolada published (its values are Kolada's, not a report's).
    public static let koladaSource = "Kolada"

    /// Whether any value is Kolada's (a page showing them credits Kolada).
    public var showsKolada: Bool { values.contains { $0.sources.contains { $0.document == Self.koladaSource } } }

    /// The years the values cover, in order.
    public var years: [Int] { Array(Set(values.compactMap(\.year))).sorted() }
    /// The municipalities, by name.
    public var municipalities: [String] { Array(Set(values.map(\.municipality))).sorted(by: Self.swedishOrder) }

    /// Names in Swedish alphabetical order (å, ä, ö after z).
    public static func swedishOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, locale: swedish) == .orderedAscending
    }
}

import Foundation

let swedish = Locale(identifier: "sv_SE")
