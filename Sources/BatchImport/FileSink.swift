import Foundation
import ReportModel
import Warehouse

/// Writes one JSON or NDJSON file per document: to standard output, to a file, or into a folder.
///
/// Files are written atomically (a temporary file renamed into place), so an interrupted run
/// never leaves a half-written export.
public final class FileSink: ReportSink, @unchecked Sendable {
    /// Where the files go.
    public enum Target: Sendable, Equatable {
        /// One document to standard output.
        case standardOutput
        /// One document to this file.
        case file(URL)
        /// One file per document in this folder, named after the input.
        case folder(URL)
    }

    /// Where the files go.
    public let target: Target
    /// The format of the files.
    public let format: ExportFormat
    private let names: [String: String]

    /// Creates a sink. `documents` is the batch, so that inputs with the same name in different
    /// folders get distinct, deterministic output names.
    public init(target: Target, format: ExportFormat, documents: [InputDocument]) {
        self.target = target
        self.format = format
        var byName: [String: [String]] = [:]
        for document in documents {
            byName[document.url.deletingPathExtension().lastPathComponent, default: []].append(document.path)
        }
        var names: [String: String] = [:]
        for (name, paths) in byName {
            for path in paths {
                // `2023.json` unless another input is also called 2023: then `2023-1a2b3c4d.json`,
                // the suffix a digest of the path, the same whatever order the batch ran in.
                let stem = paths.count == 1 ? name : name + "-" + SHA256.hex(of: Array(path.utf8)).prefix(8)
                names[path] = stem + "." + format.fileExtension
            }
        }
        self.names = names
    }

    /// Where the files go, for messages.
    public var destination: String {
        switch target {
        case .standardOutput: return "standard output"
        case .file(let url), .folder(let url): return url.path
        }
    }

    /// The file name a document's export gets in a folder.
    public func outputName(for path: String) -> String {
        names[path] ?? (URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + "." + format.fileExtension)
    }

    /// The format of the files: each document's file can be made where it is parsed.
    public var exportFormat: ExportFormat? { format }

    /// Writes the report's file.
    public func store(_ report: Report, origin: DocumentOrigin, index: Int) throws {
        try store(exported: try format.data(for: report), origin: origin, index: index)
    }

    /// Writes a document's file, already made in ``format``.
    public func store(exported data: Data, origin: DocumentOrigin, index: Int) throws {
        switch target {
        case .standardOutput:
            FileHandle.standardOutput.write(data)
        case .file(let url):
            try data.write(to: url, options: .atomic)
        case .folder(let folder):
            try data.write(to: folder.appendingPathComponent(outputName(for: origin.path)), options: .atomic)
        }
    }
}
