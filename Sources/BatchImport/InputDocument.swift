import Foundation
import ReportModel

/// One document of a batch: a path as the user gave it or as walking a folder formed it.
public struct InputDocument: Sendable, Hashable {
    /// The path as given (`archive/ks/2023.pdf`); messages and the warehouse use this form.
    public var path: String
    /// The SHA-256 of its bytes, once the batch has read them.
    public var sha256: String?

    /// The report with this document's path and digest on it (the facts carry both).
    func stamped(_ report: Report) -> Report {
        var report = report
        report.document.path = path
        report.document.sha256 = sha256 ?? report.document.sha256
        return report
    }

    /// Creates a document from its path.
    public init(path: String) {
        self.path = path
    }

    /// The file's URL.
    public var url: URL { URL(fileURLWithPath: path) }

    /// The file name without folders.
    public var fileName: String { url.lastPathComponent }
}

/// An input that could not even be listed (a path that does not exist).
public struct InputProblem: Sendable, Hashable {
    /// The path as given.
    public var path: String
    /// Why it was left out, naming the path.
    public var reason: String

    /// Creates a problem.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
