import ReportSource

/// How far a goal was met, normalised from the many printed forms.
public enum Assessment: String, Codable, Sendable, CaseIterable {
    case fulfilled
    case largely_fulfilled
    case partially_fulfilled
    case not_fulfilled
    case not_evaluated
}

/// The colour of a status icon, where a report shows status only as a coloured symbol.
public enum StatusIcon: String, Codable, Sendable, CaseIterable {
    case green, yellow, red, grey, blue
}

/// A goal block (mål): a stated goal with its assessment where one is printed.
public struct Goal: Codable, Sendable, Hashable {
    /// Deterministic id (`g3`).
    public var id: String
    /// The enclosing goal's id.
    public var parentId: String?
    /// The goal's own number as printed (`3.1.1`, `1`), else nil.
    public var ref: String?
    /// The level label printed before it (`Nämndmål`, `KF:s inriktningsmål`), else nil.
    public var level: String?
    /// The full title, joined across wrapped lines.
    public var title: String
    /// The normalised assessment, nil where none is printed.
    public var status: Assessment?
    /// The assessment as printed.
    public var statusText: String?
    /// The colour of a status icon beside the goal, where there is one.
    public var statusIcon: StatusIcon?
    /// The icon's outline, where the front-end could tell it (an arrow's direction).
    public var statusIconShape: IconShape?
    /// The analysis or comment text that follows the goal (`Analys`, `Kommentar:`).
    public var analysis: String?
    /// The expected result (`Förväntat resultat`), where printed.
    public var expectedResult: String?
    /// Where it was printed.
    public var provenance: Provenance

    /// Creates a goal.
    public init(
        id: String, parentId: String? = nil, ref: String? = nil, level: String? = nil, title: String,
        status: Assessment? = nil, statusText: String? = nil, statusIcon: StatusIcon? = nil,
        analysis: String? = nil, expectedResult: String? = nil, provenance: Provenance
    ) {
        self.id = id
        self.parentId = parentId
        self.ref = ref
        self.level = level
        self.title = title
        self.status = status
        self.statusText = statusText
        self.statusIcon = statusIcon
        self.analysis = analysis
        self.expectedResult = expectedResult
        self.provenance = provenance
    }
}

/// An assignment (uppdrag), activity (aktivitet) or internal-control item with its follow-up.
public struct Assignment: Codable, Sendable, Hashable {
    /// What kind of item the table it came from lists: an uppdrag, an aktivitet or åtgärd, an
    /// internal-control risk, a control item (`Kontrollmoment`) or an audit question (`Revisionsfråga`).
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case assignment, activity, risk, control, audit
    }

    /// Deterministic id (`a4`).
    public var id: String
    /// The goal it is printed under, if any.
    public var goalId: String?
    /// What kind of item it is.
    public var kind: Kind
    /// The item's text, joined across lines.
    public var title: String
    /// The printed status (`Klart`, `Blir klart i år`), or the words the report's legend gives
    /// the status icon on its row; else nil.
    public var status: String?
    /// The colour of a status icon on the item's row, where one is printed.
    public var statusIcon: StatusIcon?
    /// The icon's outline, where the front-end could tell it.
    public var statusIconShape: IconShape?
    /// The comment or follow-up text.
    public var comment: String?
    /// Start date (`2023-01-01`), where printed.
    public var start: String?
    /// End date, where printed.
    public var end: String?
    /// Where it was printed.
    public var provenance: Provenance

    /// Creates an assignment.
    public init(
        id: String, goalId: String? = nil, kind: Kind, title: String, status: String? = nil, statusIcon: StatusIcon? = nil,
        statusIconShape: IconShape? = nil, comment: String? = nil, start: String? = nil, end: String? = nil, provenance: Provenance
    ) {
        self.statusIcon = statusIcon
        self.statusIconShape = statusIconShape
        self.id = id
        self.goalId = goalId
        self.kind = kind
        self.title = title
        self.status = status
        self.comment = comment
        self.start = start
        self.end = end
        self.provenance = provenance
    }
}
