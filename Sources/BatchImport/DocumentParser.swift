import Foundation
import KommunrapportKit
import ReportModel

/// What became of parsing one document.
public enum ParseOutcome: Sendable {
    /// The document was read into a report.
    case report(Report)
    /// The document was read and exported in the format asked for (see ``DocumentParser/parse(_:exporting:)``).
    case exported(Data)
    /// The document could not be imported; the reason names the file and is meant for the user.
    case failure(String)
    /// The run was interrupted while this document was being read; it is neither imported nor failed.
    case interrupted
}

/// Reads one document into a report, one way or another (in this process or in a worker).
public protocol DocumentParser: Sendable {
    /// Parses a document. Never throws: every problem is an outcome for that document alone.
    ///
    /// With `format`, a successful parse is `.exported` in that format rather than `.report`:
    /// a worker process then hands back the finished file instead of the whole report.
    func parse(_ document: InputDocument, exporting format: ExportFormat?) -> ParseOutcome

    /// Stops documents being parsed now (the run is being interrupted).
    func cancelAll()
}

/// Parses in the calling process: quick, but a document that crashes the PDF library crashes
/// the batch. For tests and text-only batches; the CLI uses ``WorkerProcessParser``.
public struct InProcessParser: DocumentParser {
    /// Import options (the PDF password).
    public var options: ImportOptions

    /// Creates an in-process parser.
    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// Parses the document with ``ReportImporter``.
    public func parse(_ document: InputDocument, exporting format: ExportFormat?) -> ParseOutcome {
        do {
            let report = document.stamped(try ReportImporter().importReport(at: document.url, options: options))
            if let format { return .exported(try format.data(for: report)) }
            return .report(report)
        } catch {
            return .failure(WorkerFailure.describe(error, path: document.path))
        }
    }

    /// Nothing to stop: parsing in process cannot be interrupted midway.
    public func cancelAll() {}
}
