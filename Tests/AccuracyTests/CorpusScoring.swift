import Exporters
import Foundation
import KommunrapportKit
import XCTest

/// Imports corpus reports and scores them with the shared scorer, as the issues measure them.
enum CorpusScoring {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Every report in `../shared/corpus` of the given kind (`text` → .txt, `pdf` → .pdf) that has an answer key.
    static func keyedReports(kind: String) throws -> [(input: URL, gold: URL)] {
        let goldFolder = shared.appendingPathComponent("corpus/gold")
        let golds = try FileManager.default.contentsOfDirectory(at: goldFolder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".gold.json") }.sorted { $0.path < $1.path }
        return golds.compactMap { gold in
            let name = gold.lastPathComponent.replacingOccurrences(of: ".gold.json", with: "")
            let input = shared.appendingPathComponent("corpus/\(kind)/\(name).\(kind == "text" ? "txt" : "pdf")")
            return FileManager.default.fileExists(atPath: input.path) ? (input, gold) : nil
        }
    }

    /// score.py's measures for one report.
    static func score(_ input: URL, gold: URL) throws -> [String: Double] {
        let report = try ReportImporter().importReport(at: input)
        let facts = FileManager.default.temporaryDirectory.appendingPathComponent("kr-\(UUID().uuidString).ndjson")
        defer { try? FileManager.default.removeItem(at: facts) }
        try FactsExporter().ndjson(of: report).write(to: facts, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", shared.appendingPathComponent("tools/score.py").path, gold.path, facts.path, "--json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw NSError(domain: "score.py", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: String(decoding: data, as: UTF8.self)])
        }
        return object.compactMapValues { $0 as? Double }
    }
}
