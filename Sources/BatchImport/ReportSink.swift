import Foundation
import ReportModel
import Warehouse

/// Where a batch's reports go: a warehouse, files, standard output.
///
/// The runner calls a sink from one thread at a time, so sinks need no locking of their own.
/// `index` is the document's place in the batch, for sinks that keep input order.
public protocol ReportSink: AnyObject, Sendable {
    /// Where the reports go, for messages (`warehouse.sqlite`, `out/`, `standard output`).
    var destination: String { get }

    /// Digests of documents already there, skipped unless the run is forced.
    func knownDigests() throws -> Set<String>

    /// Digests of documents that failed in an earlier run, with the reason recorded then
    /// (skipped with `--skip-failed`); empty for sinks that keep no record.
    func failedDigests() throws -> [String: String]

    /// Takes one report.
    func store(_ report: Report, origin: DocumentOrigin, index: Int) throws
    /// The format in which this sink stores each document on its own (`json`, `facts`), so the
    /// parser can hand over the finished bytes; nil when the sink needs the report itself.
    var exportFormat: ExportFormat? { get }
    /// Takes one document's export, made in ``exportFormat``.
    func store(exported data: Data, origin: DocumentOrigin, index: Int) throws

    /// Notes a document that could not be imported.
    func recordFailure(path: String, sha256: String?, reason: String, index: Int) throws

    /// Notes a document that was skipped (no report comes for this index).
    func recordSkip(index: Int) throws

    /// Completes the output; `interrupted` when the run stopped early.
    func finish(interrupted: Bool) throws
}

extension ReportSink {
    /// No record of earlier failures.
    public func failedDigests() throws -> [String: String] { [:] }

    /// Most sinks need the report itself.
    public var exportFormat: ExportFormat? { nil }
    /// Only sinks with an ``exportFormat`` are handed exports.
    public func store(exported data: Data, origin: DocumentOrigin, index: Int) throws {
        preconditionFailure("\(Self.self) states no export format, so it is never handed an export")
    }
    /// Most sinks keep nothing that a later run could skip.
    public func knownDigests() throws -> Set<String> { [] }
    /// Most sinks only report failures on the console.
    public func recordFailure(path: String, sha256: String?, reason: String, index: Int) throws {}
    /// Most sinks need not know about skips.
    public func recordSkip(index: Int) throws {}
    /// Most sinks have nothing to complete.
    public func finish(interrupted: Bool) throws {}
}
