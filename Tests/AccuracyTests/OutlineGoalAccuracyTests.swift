import XCTest

/// The first issue's thresholds on every corpus text with an answer key.
final class OutlineGoalAccuracyTests: XCTestCase {
    func testEveryKeyedCorpusTextMeetsTheThresholds() throws {
        let reports = try CorpusScoring.keyedReports(kind: "text")
        XCTAssertGreaterThanOrEqual(reports.count, 3, "the shared corpus should be beside the package")
        let thresholds: [(String, Double)] = [
            ("goals_f1", 0.95), ("status_acc", 1.0), ("assignments_f1", 0.90), ("headings_f1", 0.80), ("metadata_acc", 0.90),
        ]
        for (input, gold) in reports {
            let scores = try CorpusScoring.score(input, gold: gold)
            for (measure, minimum) in thresholds {
                XCTAssertGreaterThanOrEqual(scores[measure] ?? -1, minimum, "\(input.lastPathComponent) \(measure)")
            }
        }
    }
}
