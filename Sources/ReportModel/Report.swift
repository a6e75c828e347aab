import ReportSource

/// One imported report: the single document model every exporter reads.
public struct Report: Codable, Sendable {
    /// The version of this model's JSON shape; bumped on any incompatible change.
    public static let currentSchemaVersion = "1.0"

    /// The version of the JSON shape this report was written with.
    public var schemaVersion: String
    /// The input document.
    public var document: DocumentInfo
    /// Municipality, board, report type, year and period.
    public var metadata: ReportMetadata
    /// Section headings in document order.
    public var headings: [Heading]
    /// Goal blocks in document order.
    public var goals: [Goal]
    /// Indicators (nyckeltal) with their values.
    public var indicators: [Indicator]
    /// Budget, accounting and other tables of figures.
    public var tables: [ReportTable]
    /// Assignments (uppdrag), activities and internal-control items.
    public var assignments: [Assignment]
    /// What was seen and not understood.
    public var warnings: [ImportWarning]

    /// Creates a report.
    public init(
        document: DocumentInfo, metadata: ReportMetadata = ReportMetadata(), headings: [Heading] = [],
        goals: [Goal] = [], indicators: [Indicator] = [], tables: [ReportTable] = [],
        assignments: [Assignment] = [], warnings: [ImportWarning] = []
    ) {
        self.schemaVersion = Report.currentSchemaVersion
        self.document = document
        self.metadata = metadata
        self.headings = headings
        self.goals = goals
        self.indicators = indicators
        self.tables = tables
        self.assignments = assignments
        self.warnings = warnings
    }
}

/// The input a report was imported from.
public struct DocumentInfo: Codable, Sendable, Hashable {
    /// File name without folders.
    public var fileName: String
    /// Which front-end read it.
    public var sourceKind: SourceKind
    /// Number of physical pages.
    public var pages: Int
    /// The producer the PDF names, where it names one.
    public var producer: String?
    /// The input's path as it was given (`archive/ks/2023.pdf`), where a batch read it: two files
    /// with one name in different folders stay apart.
    public var path: String?
    /// The SHA-256 of the file's bytes (hex), where a batch read it.
    public var sha256: String?

    /// The report's id: the first 16 hex digits of its SHA-256, as in the warehouse.
    public var reportId: String? { sha256.map { String($0.prefix(16)) } }

    /// Creates document information.
    public init(fileName: String, sourceKind: SourceKind, pages: Int, producer: String? = nil) {
        self.fileName = fileName
        self.sourceKind = sourceKind
        self.pages = pages
        self.producer = producer
    }
}

/// The kinds of report a municipality publishes.
public enum ReportType: String, Codable, Sendable, CaseIterable {
    case verksamhetsberättelse, årsredovisning, årsbokslut, delårsrapport, internbudget, verksamhetsplan, other
}

/// Who and what a report is about. Every field is nil when the text does not support it.
public struct ReportMetadata: Codable, Sendable, Hashable {
    /// Municipality name as in the official list (`Alingsås`).
    public var municipality: String?
    /// Official 4-digit kommunkod (`1489`).
    public var municipalityCode: String?
    /// The board (nämnd/styrelse) the report is about (`Kommunstyrelsen`).
    public var organisation: String?
    /// The kind of report.
    public var reportType: ReportType?
    /// What the document calls itself, as its title prints it (`Fördjupad månadsuppföljning`,
    /// `Biblioteksplan`, `Revisionsberättelse`), beside the fixed list of `reportType`.
    public var reportKind: String?
    /// The fiscal year reported on or budgeted for.
    public var year: Int?
    /// The period an interim report covers (`januari-april`), else nil.
    public var period: String?

    /// Creates metadata.
    public init(
        municipality: String? = nil, municipalityCode: String? = nil, organisation: String? = nil,
        reportType: ReportType? = nil, reportKind: String? = nil, year: Int? = nil, period: String? = nil
    ) {
        self.municipality = municipality
        self.municipalityCode = municipalityCode
        self.organisation = organisation
        self.reportType = reportType
        self.reportKind = reportKind
        self.year = year
        self.period = period
    }
}

/// A section heading.
public struct Heading: Codable, Sendable, Hashable {
    /// Deterministic id (`h12`).
    public var id: String
    /// 1 for top-level sections, growing inward.
    public var level: Int
    /// The heading as printed, joined to one line.
    public var text: String
    /// Where it was printed.
    public var provenance: Provenance

    /// Creates a heading.
    public init(id: String, level: Int, text: String, provenance: Provenance) {
        self.id = id
        self.level = level
        self.text = text
        self.provenance = provenance
    }
}
