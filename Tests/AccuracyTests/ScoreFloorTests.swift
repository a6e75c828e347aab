import Foundation
import XCTest

/// The accuracy ratchet: every keyed corpus input (its text, its PDF, and the PDF's
/// `pdftotext -layout` text) scores at least the floor committed in `score-floors.tsv`.
///
/// A floor may rise, never fall: `scripts/floors.py raise` raises the file in the commit whose
/// change earns it. The issues' thresholds are asserted by the tests beside this one once met.
final class ScoreFloorTests: XCTestCase {
    struct Floor {
        var report: String
        var input: String
        var minimums: [String: Double]
    }

    static func floors() throws -> [Floor] {
        let file = CorpusScoring.packageRoot.appendingPathComponent("Tests/AccuracyTests/score-floors.tsv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        guard let header = lines.first?.split(separator: "\t").map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var minimums: [String: Double] = [:]
            for (name, value) in zip(header, fields).dropFirst(2) { minimums[name] = Double(value) }
            return Floor(report: fields[0], input: fields[1], minimums: minimums)
        }
    }

    /// The input file of a floor; `layout` inputs are made with `pdftotext -layout` into `scratch`.
    static func input(of floor: Floor, scratch: URL) throws -> URL {
        let corpus = CorpusScoring.shared.appendingPathComponent("corpus")
        switch floor.input {
        case "text": return corpus.appendingPathComponent("text/\(floor.report).txt")
        case "pdf": return corpus.appendingPathComponent("pdf/\(floor.report).pdf")
        default:
            let text = scratch.appendingPathComponent("\(floor.report).txt")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["pdftotext", "-layout", corpus.appendingPathComponent("pdf/\(floor.report).pdf").path, text.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw NSError(domain: "pdftotext", code: Int(process.terminationStatus)) }
            return text
        }
    }

    func testEveryKeyedInputScoresAtLeastItsFloor() throws {
        let floors = try Self.floors()
        XCTAssertGreaterThanOrEqual(floors.count, 20, "score-floors.tsv lists every keyed input")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kr-floors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for floor in floors {
            let gold = CorpusScoring.shared.appendingPathComponent("corpus/gold/\(floor.report).gold.json")
            let scores = try CorpusScoring.score(try Self.input(of: floor, scratch: scratch), gold: gold)
            for (measure, minimum) in floor.minimums.sorted(by: { $0.key < $1.key }) {
                XCTAssertGreaterThanOrEqual(
                    scores[measure] ?? -1, minimum - 1e-9, "\(floor.report) (\(floor.input)) \(measure) fell below its floor")
            }
        }
    }

    /// The table stage's thresholds (issue #9) on the keyed corpus: every PDF reads its tables'
    /// cells and columns at 0.95 or better, every `pdftotext -layout` text its cells at 0.85.
    /// The floors are what the test above holds each score to, so asserting them asserts the scores.
    func testEveryKeyedReportMeetsTheTableStageThresholds() throws {
        let floors = try Self.floors()
        for floor in floors where floor.input == "pdf" {
            XCTAssertGreaterThanOrEqual(floor.minimums["cells_f1"] ?? 0, 0.95, "\(floor.report) (pdf) cells_f1")
            // `-` (no number matched) has no columns to judge.
            if let columns = floor.minimums["columns_acc"] {
                XCTAssertGreaterThanOrEqual(columns, 0.95, "\(floor.report) (pdf) columns_acc")
            }
        }
        for floor in floors where floor.input == "layout" {
            XCTAssertGreaterThanOrEqual(floor.minimums["cells_f1"] ?? 0, 0.85, "\(floor.report) (layout) cells_f1")
        }
    }
}
