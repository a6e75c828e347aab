import Foundation
import ReportModel

/// A warehouse a batch writes into, whatever database keeps it (an SQLite file, a PostgreSQL
/// server): the same rows and ids for the same documents, one transaction per report.
public protocol ReportStore: AnyObject, Sendable {
    /// The warehouse as messages name it (a file path, or a server address without password).
    var destination: String { get }
    /// The version of the tool writing.
    var toolVersion: String { get }
    /// The digests of all imported reports (to skip them on a second run).
    func importedDigests() throws -> Set<String>
    /// The documents that failed before under this tool version, by digest, with the reason.
    func failedDigests() throws -> [String: String]
    /// Stores a report, replacing any earlier version of the same document, in one transaction.
    func store(_ report: Report, origin: DocumentOrigin, importedAt: Date) throws
    /// Records that an input could not be imported, replacing an earlier failure of the same path.
    func recordFailure(path: String, sha256: String?, reason: String, at date: Date) throws
    /// Copies every report of an SQLite warehouse file in, in one transaction.
    func merge(from sourcePath: String) throws -> MergeSummary
    /// The warehouse's schema version: the last migration applied to it.
    func schemaVersion() throws -> String
}

extension ReportStore {
    /// Stores a report imported now.
    public func store(_ report: Report, origin: DocumentOrigin) throws {
        try store(report, origin: origin, importedAt: Date())
    }

    /// Records a failure that happened now.
    public func recordFailure(path: String, sha256: String?, reason: String) throws {
        try recordFailure(path: path, sha256: sha256, reason: reason, at: Date())
    }
}
