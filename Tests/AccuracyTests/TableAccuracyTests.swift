import XCTest

/// The tables issue's thresholds on every corpus text with an answer key, scored by the shared
/// scorer: numbers by row label and value, cells also by column, indicators by name.
final class TableAccuracyTests: XCTestCase {
    static let thresholds: [(String, Double)] = [("numbers_f1", 0.95), ("cells_f1", 0.92), ("indicators_f1", 0.90)]

    func testEveryKeyedCorpusTextMeetsTheTableThresholds() throws {
        let reports = try CorpusScoring.keyedReports(kind: "text")
        XCTAssertGreaterThanOrEqual(reports.count, 3, "the shared corpus should be beside the package")
        for (input, gold) in reports {
            let scores = try CorpusScoring.score(input, gold: gold)
            for (measure, minimum) in Self.thresholds {
                XCTAssertGreaterThanOrEqual(scores[measure] ?? -1, minimum, "\(input.lastPathComponent) \(measure)")
            }
        }
    }
}
