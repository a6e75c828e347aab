import Foundation
import ReportModel

/// Stage 6: the nested JSON export of the whole report model.
public struct JSONExporter: Sendable {
    /// Creates a JSON exporter.
    public init() {}

    /// The report as pretty-printed JSON with sorted keys (stable across runs).
    public func json(of report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(report)
        data.append(0x0A)
        return data
    }
}
