/// A document that was not imported, and why.
public struct FailedDocument: Sendable, Hashable {
    /// The input path.
    public var path: String
    /// The reason, naming the file, for the user.
    public var reason: String

    /// Creates a failure.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// What a batch did.
public struct BatchSummary: Sendable {
    /// Documents imported.
    public var imported: Int = 0
    /// Documents skipped (already imported, or the same content twice in the batch).
    public var skipped: Int = 0
    /// Documents (and input paths) that failed, in input order.
    public var failures: [FailedDocument] = []
    /// True when the run was interrupted before every document was handled.
    public var interrupted = false
    /// Why the batch stopped early because the destination took none of several reports in a
    /// row (its last refusal); nil when it did not.
    public var destinationFailure: String?
    /// Wall-clock seconds.
    public var seconds: Double = 0
    /// Arithmetic checks of the imported tables that held, and that failed.
    public var checksHeld = 0
    public var checksFailed = 0
    /// Imported documents in which nothing was found to compare (no goal, indicator, table or
    /// assignment; warning `report.nothingFound`).
    public var emptyDocuments = 0

    /// Creates an empty summary.
    public init() {}

    /// The exit status: 0 when nothing failed, 1 when something failed, 2 when the destination
    /// stopped taking reports (or, decided before a batch starts, nothing could be done), 130
    /// when interrupted.
    public var exitStatus: Int32 {
        if destinationFailure != nil { return 2 }
        if interrupted { return 130 }
        return failures.isEmpty ? 0 : 1
    }

    /// The one-line count: `imported 12, skipped 3, failed 1`.
    public var counts: String {
        "imported \(imported), skipped \(skipped), failed \(failures.count)"
    }

    /// `3 document(s) with no goals, indicators, tables or assignments`, or nil when none.
    public var empty: String? {
        emptyDocuments == 0 ? nil : "\(emptyDocuments) document(s) with no goals, indicators, tables or assignments (warning report.nothingFound)"
    }

    /// `table checks: 318 of 320 held (99.4 %)`, or nil when no table was checked.
    public var checks: String? {
        let total = checksHeld + checksFailed
        guard total > 0 else { return nil }
        return "table checks: \(checksHeld) of \(total) held (" + String(format: "%.1f", 100.0 * Double(checksHeld) / Double(total)) + " %)"
    }
}
