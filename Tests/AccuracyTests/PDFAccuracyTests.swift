import XCTest

/// The PDF issue's thresholds on every corpus PDF with an answer key, and on the renditions of
/// the corpus texts, every score at least the text import's.
final class PDFAccuracyTests: XCTestCase {
    func testEveryKeyedCorpusPDFMeetsTheThresholds() throws {
        let reports = try CorpusScoring.keyedReports(kind: "pdf")
        XCTAssertGreaterThanOrEqual(reports.count, 6, "the shared corpus PDFs should be beside the package")
        let thresholds: [(String, Double)] = [("cells_f1", 0.95), ("goals_f1", 0.95), ("status_acc", 0.98), ("metadata_acc", 0.90)]
        for (input, gold) in reports {
            let scores = try CorpusScoring.score(input, gold: gold)
            for (measure, minimum) in thresholds {
                XCTAssertGreaterThanOrEqual(scores[measure] ?? -1, minimum, "\(input.lastPathComponent) \(measure)")
            }
        }
    }

    func testRenditionsScoreAtLeastAsWellAsTheirTexts() throws {
        let texts = try CorpusScoring.keyedReports(kind: "text")
        XCTAssertFalse(texts.isEmpty)
        for (text, gold) in texts {
            let pdf = text.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("pdf/\(text.deletingPathExtension().lastPathComponent).pdf")
            guard FileManager.default.fileExists(atPath: pdf.path) else { continue }
            let fromText = try CorpusScoring.score(text, gold: gold)
            let fromPDF = try CorpusScoring.score(pdf, gold: gold)
            for (measure, value) in fromText where !measure.hasPrefix("_") {
                XCTAssertGreaterThanOrEqual(fromPDF[measure] ?? -1, value - 1e-9, "\(pdf.lastPathComponent) \(measure)")
            }
        }
    }
}
