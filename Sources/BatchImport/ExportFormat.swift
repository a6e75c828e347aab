import Foundation
import Exporters
import ReportModel

/// The file formats of `import` (the warehouse is chosen with `--into` instead).
public enum ExportFormat: String, Sendable, CaseIterable {
    /// The nested report model, one JSON file per document.
    case json
    /// Tidy facts, one NDJSON file per document.
    case facts
    /// Tidy facts, one CSV file per fact kind for the whole batch.
    case csv

    /// The extension of a per-document file.
    public var fileExtension: String {
        switch self {
        case .json: return "json"
        case .facts: return "facts.ndjson"
        case .csv: return "csv"
        }
    }

    /// A report as one document's file (JSON or NDJSON).
    public func data(for report: Report) throws -> Data {
        switch self {
        case .json: return try JSONExporter().json(of: report)
        case .facts: return Data(FactsExporter().ndjson(of: report).utf8)
        case .csv:
            // One document on its own: its facts of every kind, each kind's block with its header.
            let files = CSVExporter().files(of: [report])
            return Data(CSVExporter.kinds.compactMap { files[$0] }.joined(separator: "\r\n").utf8)
        }
    }
}
