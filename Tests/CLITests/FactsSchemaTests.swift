import Exporters
import Foundation
import KommunrapportKit
import ReportModel
import XCTest

/// The JSON Schema of one facts line, and every facts line of the corpus against it.
final class FactsSchemaTests: XCTestCase {
    private func validator() throws -> SchemaValidator {
        let schema = try JSONSerialization.jsonObject(with: FactsSchemaExporter().schema())
        return SchemaValidator(root: try XCTUnwrap(schema as? [String: Any]))
    }

    func testEveryFieldTheFactsWriteHasATypeAndTheSchemaNamesTheModel() throws {
        XCTAssertEqual(FactsSchemaExporter.untypedFields, [])
        let schema = try validator().root
        XCTAssertEqual(schema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(schema["$id"] as? String, "urn:kommunrapport:facts:\(Report.currentSchemaVersion)")
        XCTAssertEqual((schema["oneOf"] as? [Any])?.count, CSVExporter.kinds.count)
    }

    func testEveryFactsLineOfTheCorpusIsValid() throws {
        let validator = try validator()
        let folder = Fixtures.packageRoot.appendingPathComponent("corpus")
        let files = (try Fixtures.corpusTexts())
            + ((try? FileManager.default.contentsOfDirectory(at: folder.appendingPathComponent("pdf"), includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension == "pdf" }
        var lines = 0
        for file in files {
            var report = try ReportImporter().importReport(at: file)
            report.document.path = file.path
            report.document.sha256 = String(repeating: "ab", count: 32)
            for line in FactsExporter().ndjson(of: report).split(separator: "\n") {
                let fact = try JSONSerialization.jsonObject(with: Data(line.utf8))
                XCTAssertEqual(validator.errors(of: fact), [], "\(file.lastPathComponent): \(line.prefix(120))")
                lines += 1
            }
        }
        XCTAssertGreaterThan(lines, 300)
        // A cell standing outside its table's header columns has no column name or measure.
        var odd = Report(document: DocumentInfo(fileName: "x.txt", sourceKind: .text, pages: 1))
        odd.tables = [ReportTable(id: "t1", title: nil, unit: nil, columns: [TableColumn(header: "Utfall", measure: .outcome)],
                                  rows: [TableRow(label: "Rad", cells: [TableCell(columnIndex: 3, value: 1, text: "1")], provenance: Provenance(page: 1))],
                                  provenance: Provenance(page: 1))]
        for line in FactsExporter().ndjson(of: odd).split(separator: "\n") {
            XCTAssertEqual(validator.errors(of: try JSONSerialization.jsonObject(with: Data(line.utf8))), [], String(line))
        }
        // A line of no kind, or with a field the schema does not know, is refused.
        XCTAssertFalse(validator.errors(of: ["kind": "rumour", "document": "x"]).isEmpty)
        XCTAssertFalse(validator.errors(of: ["kind": "warning", "document": "x", "reportId": NSNull(), "path": NSNull(), "code": "c",
                                             "message": "m", "page": NSNull(), "line": NSNull(), "extra": 1]).isEmpty)
    }
}

/// Renditions of one report share a fingerprint of what they print; other reports do not.
final class ContentFingerprintTests: XCTestCase {
    func testThePDFAndTextRenditionsOfAReportShareAFingerprint() throws {
        let corpus = Fixtures.packageRoot.appendingPathComponent("corpus")
        var fingerprints: [String] = []
        for text in try Fixtures.corpusTexts() {
            let pdf = corpus.appendingPathComponent("pdf/\(text.deletingPathExtension().lastPathComponent).pdf")
            guard FileManager.default.fileExists(atPath: pdf.path) else { continue }
            let fromText = try XCTUnwrap(try ReportImporter().importReport(at: text).contentFingerprint)
            XCTAssertEqual(try ReportImporter().importReport(at: pdf).contentFingerprint, fromText, text.lastPathComponent)
            fingerprints.append(fromText)
        }
        XCTAssertGreaterThanOrEqual(fingerprints.count, 3)
        XCTAssertEqual(Set(fingerprints).count, fingerprints.count, "different reports, different fingerprints")
    }

    func testAReportWithNothingToTellItByHasNoFingerprintAndTemplatesStayApart() {
        let empty = Report(document: DocumentInfo(fileName: "karta.pdf", sourceKind: .pdf, pages: 1))
        XCTAssertNil(empty.contentFingerprint)
        // Two interim reports of one template (the same headings, few figures) of different years.
        var spring = Report(document: DocumentInfo(fileName: "a.pdf", sourceKind: .pdf, pages: 4),
                            metadata: ReportMetadata(municipalityCode: "1489", year: 2024),
                            headings: [Heading(id: "h1", level: 1, text: "Ekonomisk uppföljning", provenance: Provenance(page: 1))])
        let autumn = spring
        spring.metadata.year = 2025
        XCTAssertNotNil(spring.contentFingerprint)
        XCTAssertNotEqual(spring.contentFingerprint, autumn.contentFingerprint)
    }
}
