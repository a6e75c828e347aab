import XCTest

/// The renditions of the corpus texts score at least as well as the texts themselves. (Every keyed
/// PDF is held to its committed floor by ScoreFloorTests.)
final class PDFAccuracyTests: XCTestCase {
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
