import Exporters
import Foundation
import KommunrapportKit
import ReportModel
import XCTest

/// The JSON Schema of the JSON export, and every corpus report against it.
final class JSONSchemaTests: XCTestCase {
    private func validator() throws -> SchemaValidator {
        let schema = try JSONSerialization.jsonObject(with: JSONSchemaExporter().schema())
        return SchemaValidator(root: try XCTUnwrap(schema as? [String: Any]))
    }

    func testTheSchemaIsDraft2020_12AndNamesTheModelVersion() throws {
        let schema = try validator().root
        XCTAssertEqual(schema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(schema["$id"] as? String, "urn:kommunrapport:report:\(Report.currentSchemaVersion)")
    }

    func testTheJSONOfEveryCorpusReportIsValid() throws {
        let validator = try validator()
        let folder = Fixtures.packageRoot.appendingPathComponent("corpus")
        let files = (try Fixtures.corpusTexts())
            + ((try? FileManager.default.contentsOfDirectory(at: folder.appendingPathComponent("pdf"), includingPropertiesForKeys: nil)) ?? [])
        var checked = 0
        for file in files {
            // PDFs count once the PDF front-end can read them; until then only text is checked.
            guard let report = try? ReportImporter().importReport(at: file) else {
                XCTAssertEqual(file.pathExtension, "pdf", "\(file.lastPathComponent) should import")
                continue
            }
            let json = try JSONSerialization.jsonObject(with: JSONExporter().json(of: report))
            XCTAssertEqual(validator.errors(of: json), [], file.lastPathComponent)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 3)
    }

    func testAReportWithEveryFieldSetIsValid() throws {
        let here = Provenance(page: 2, firstLine: 3, lastLine: 4)
        let report = Report(
            document: DocumentInfo(fileName: "a.pdf", sourceKind: .pdf, pages: 9, producer: "Word"),
            metadata: ReportMetadata(municipality: "Alingsås", municipalityCode: "1489", organisation: "Kommunstyrelsen",
                                     reportType: .årsredovisning, year: 2023, period: "januari-april"),
            headings: [Heading(id: "h1", level: 1, text: "Mål", provenance: here)],
            goals: [Goal(id: "g1", parentId: "g0", ref: "1.1", level: "Nämndmål", title: "T", status: .fulfilled,
                         statusText: "Uppfyllt", statusIcon: .green, analysis: "A", expectedResult: "E", provenance: here)],
            indicators: [Indicator(id: "i1", goalId: "g1", name: "N", unit: "%", values: [
                IndicatorValue(column: "Mål 2023", year: 2023, measure: .target, value: 3.5, unit: "%", comparator: .lessThanOrEqual,
                               preliminary: true, text: "≤3,5", provenance: here),
            ], provenance: here)],
            tables: [ReportTable(id: "t1", title: "D", unit: "tkr", columns: [TableColumn(header: "B", year: 2023, measure: .budget)],
                                 rows: [TableRow(label: "R", level: 1, isSum: true,
                                                 cells: [TableCell(columnIndex: 0, value: -1, unit: "tkr", valueSEK: -1000, ambiguous: true, text: "-1")],
                                                 provenance: here)],
                                 notes: ["*not"], provenance: here)],
            assignments: [Assignment(id: "a1", goalId: "g1", kind: .risk, title: "R", status: "Klart", comment: "C",
                                     start: "2023-01-01", end: "2023-12-31", provenance: here)])
        let json = try JSONSerialization.jsonObject(with: JSONExporter().json(of: report))
        XCTAssertEqual(try validator().errors(of: json), [])
    }

    func testTheValidatorCatchesWhatTheSchemaForbids() throws {
        let validator = try validator()
        let report = Report(document: DocumentInfo(fileName: "a.txt", sourceKind: .text, pages: 1))
        var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: JSONExporter().json(of: report)) as? [String: Any])
        json["surprise"] = 1
        json["goals"] = [["id": "g1", "title": 7]]
        let errors = validator.errors(of: json)
        XCTAssertTrue(errors.contains("$: 'surprise' is not in the schema"), "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix("$.goals[0].title: expected string") }, "\(errors)")
        XCTAssertTrue(errors.contains("$.goals[0]: missing required 'provenance'"), "\(errors)")
    }

    func testTheSchemaCommandPrintsTheSchema() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Fixtures.run(["schema"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(Data(run.stdout.utf8), try JSONSchemaExporter().schema())
    }
}
