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
            let fromText = try ReportImporter().importReport(at: text).contentFingerprint
            XCTAssertEqual(try ReportImporter().importReport(at: pdf).contentFingerprint, fromText, text.lastPathComponent)
            fingerprints.append(fromText)
        }
        XCTAssertGreaterThanOrEqual(fingerprints.count, 3)
        XCTAssertEqual(Set(fingerprints).count, fingerprints.count, "different reports, different fingerprints")
    }
}
