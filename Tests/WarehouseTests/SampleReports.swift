import Foundation
import KommunrapportKit
import ReportModel
import ReportSource
import Warehouse

/// Reports and origins for warehouse tests.
enum SampleReports {
    /// The project's folder, from this file's place in it.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The corpus's text renditions.
    static func corpusTexts() throws -> [URL] {
        let folder = packageRoot.appendingPathComponent("corpus/text")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.path < $1.path }
    }

    /// Each corpus text imported, with its origin.
    static func corpus() throws -> [(Report, DocumentOrigin)] {
        try corpusTexts().map { url in
            let digest = try SHA256.file(at: url)
            let origin = DocumentOrigin(path: "corpus/text/" + url.lastPathComponent, sha256: digest.sha256, size: digest.size)
            return (try ReportImporter().importReport(at: url), origin)
        }
    }

    /// A report with one item of every kind, for a municipality and year.
    static func synthetic(municipality: String, code: String, year: Int, outcome: Double, name: String = "Andel elever med godkända betyg") -> Report {
        let here = Provenance(page: 1, firstLine: 1, lastLine: 2)
        return Report(
            document: DocumentInfo(fileName: "\(municipality)-\(year).txt", sourceKind: .text, pages: 3),
            metadata: ReportMetadata(
                municipality: municipality, municipalityCode: code, organisation: "Barn- och utbildningsnämnden",
                reportType: .verksamhetsberättelse, year: year),
            headings: [Heading(id: "h1", level: 1, text: "Mål och resultat", provenance: here)],
            goals: [
                Goal(id: "g1", title: "Alla elever ska nå målen", status: .partially_fulfilled, provenance: here),
                Goal(id: "g2", parentId: "g1", title: "Fler elever med godkända betyg", provenance: here),
            ],
            indicators: [Indicator(
                id: "i1", goalId: "g2", name: name, unit: "%",
                values: [
                    IndicatorValue(column: "Utfall \(year)", year: year, measure: .outcome, value: outcome, unit: "%", text: "\(outcome)", provenance: here),
                    IndicatorValue(column: "Mål \(year)", year: year, measure: .target, value: 90, unit: "%", text: "90", provenance: here),
                ],
                provenance: here)],
            tables: [ReportTable(
                id: "t1", title: "Driftredovisning", unit: "tkr",
                columns: [TableColumn(header: "Budget \(year)", year: year, measure: .budget),
                          TableColumn(header: "Utfall \(year)", year: year, measure: .outcome)],
                rows: [TableRow(label: "Intäkter", cells: [
                    TableCell(columnIndex: 0, value: 100, unit: "tkr", valueSEK: 100_000, text: "100"),
                    TableCell(columnIndex: 1, value: 95, unit: "tkr", valueSEK: 95_000, text: "95"),
                ], provenance: here)],
                provenance: here)],
            assignments: [Assignment(id: "a1", goalId: "g1", kind: .assignment, title: "Utred läxhjälp", status: "Klart", provenance: here)],
            warnings: [ImportWarning(code: "test.warning", message: "a warning", page: 1)])
    }

    /// An origin with a made-up digest.
    static func origin(path: String, content: String) -> DocumentOrigin {
        DocumentOrigin(path: path, sha256: SHA256.hex(of: Array(content.utf8)), size: content.utf8.count)
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kr-wh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
