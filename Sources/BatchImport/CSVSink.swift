import Exporters
import Foundation
import ReportModel
import Warehouse

/// Writes the batch's facts as one CSV file per fact kind into a folder, rows in input order.
///
/// Rows go to hidden partial files that are renamed into place when the batch completes, so
/// the CSV files are either the previous run's or this run's, never half of one.
public final class CSVSink: ReportSink, @unchecked Sendable {
    /// The folder the CSV files go to.
    public let folder: URL
    /// With one kind written to a file of the user's naming: that file.
    public let file: URL?
    private var handles: [String: FileHandle] = [:]
    private var pending: [Int: [String: String]] = [:]
    private var nextIndex = 0
    /// The first write that failed (a full disk): every later document and the finish fail with
    /// it, so no CSV file is published with rows missing from its middle.
    private var writeFailure: Error?
    private let exporter: CSVExporter

    /// Creates the folder's partial files, each with its header: one per fact kind, or only
    /// `kinds`.
    public init(folder: URL, dialect: CSVExporter.Dialect = .rfc4180, kinds: [String] = CSVExporter.kinds) throws {
        self.folder = folder
        self.file = nil
        self.exporter = CSVExporter(dialect: dialect)
        try open(kinds)
    }

    /// Writes one kind's rows into one file (`--output cells.csv`).
    public init(file: URL, kind: String, dialect: CSVExporter.Dialect = .rfc4180) throws {
        self.folder = file.deletingLastPathComponent()
        self.file = file
        self.exporter = CSVExporter(dialect: dialect)
        try open([kind])
    }

    private func open(_ kinds: [String]) throws {
        for kind in kinds {
            let url = partialURL(kind)
            guard FileManager.default.createFile(atPath: url.path, contents: Data((exporter.dialect.preamble + exporter.header(of: kind)).utf8)) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
            let handle = try FileHandle(forWritingTo: url)
            _ = try handle.seekToEnd()
            handles[kind] = handle
        }
    }

    /// The folder or file, for messages.
    public var destination: String { (file ?? folder).path }

    /// Appends the report's rows once every earlier document has been written or skipped.
    public func store(_ report: Report, origin: DocumentOrigin, index: Int) throws {
        pending[index] = exporter.lines(of: report)
        try flush()
    }

    /// Lets later documents' rows through.
    public func recordFailure(path: String, sha256: String?, reason: String, index: Int) throws {
        pending[index] = [:]
        try flush()
    }

    /// Lets later documents' rows through.
    public func recordSkip(index: Int) throws {
        pending[index] = [:]
        try flush()
    }

    /// Renames the partial files into place, or removes them when the run was interrupted or a
    /// write failed.
    public func finish(interrupted: Bool) throws {
        for (kind, handle) in handles {
            try handle.close()
            let partial = partialURL(kind)
            if interrupted || writeFailure != nil {
                try? FileManager.default.removeItem(at: partial)
            } else {
                let final = file ?? folder.appendingPathComponent(kind + ".csv")
                // rename(2) replaces the old file in one step.
                if rename(partial.path, final.path) != 0 {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final.path])
                }
            }
        }
        handles = [:]
        if let writeFailure { throw writeFailure }
    }

    private func flush() throws {
        if let writeFailure { throw writeFailure }
        while let lines = pending.removeValue(forKey: nextIndex) {
            nextIndex += 1
            do {
                for (kind, text) in lines { try handles[kind]?.write(contentsOf: Data(text.utf8)) }
            } catch {
                writeFailure = error
                throw error
            }
        }
    }

    private func partialURL(_ kind: String) -> URL {
        folder.appendingPathComponent(".\(kind).csv.partial-\(ProcessInfo.processInfo.processIdentifier)")
    }
}
