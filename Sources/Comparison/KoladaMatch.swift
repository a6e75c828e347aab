import Foundation
import GRDB
import Warehouse

/// Proposes the Kolada KPI each imported indicator is, from its name (and unit), with a score;
/// a file of decisions made by hand wins over any proposal, in this run and later ones.
public struct KoladaMatch {
    /// A proposal for one indicator name.
    public struct Proposal: Sendable, Equatable {
        public var name: String
        public var nameKey: String
        public var kpiId: String?
        public var kpiTitle: String?
        public var score: Double
        /// `hand` for a decision from the file, `match` for a proposal at or above the threshold,
        /// `below` for the best candidate under it (not stored).
        public var decidedBy: String
    }

    /// The score a proposal needs to be taken.
    public var threshold: Double
    /// Decisions by hand: folded indicator name → KPI id, or nil for "no Kolada KPI".
    public var decisions: [String: String?]

    public init(threshold: Double = 0.6, decisions: [String: String?] = [:]) {
        self.threshold = threshold
        self.decisions = decisions
    }

    /// Words that say nothing about what a KPI measures.
    static let fillerWords: Set<String> = ["av", "i", "och", "som", "med", "för", "på", "till", "den", "det", "de", "en", "ett", "inom", "per", "från", "vid", "om", "har"]

    /// The words of a name that tell what it measures, folded (`Andel elever …, %` → andel, elever, …).
    static func words(_ name: String) -> Set<String> {
        Set(Warehouse.foldedName(name).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            .filter { $0.count > 1 && !fillerWords.contains($0) })
    }

    /// A name that is a share and one that is not score this share of their words' likeness.
    static let shareMismatchFactor = 0.8
    /// Names that print different abbreviations (`NKI` and `NUI`) score this share: an
    /// abbreviation names the measure itself.
    static let abbreviationMismatchFactor = 0.5

    /// The abbreviations of a name: words of two or more capitals (`NKI`, `SCB`).
    static func abbreviations(_ name: String) -> Set<String> {
        Set(name.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 2 && $0.allSatisfy(\.isUppercase) })
    }

    /// How alike two names are: the Dice coefficient of their words, less where one is a share
    /// (`andel`, `%`) and the other not, or where they print different abbreviations.
    static func score(_ indicator: String, unit: String?, kpiTitle: String) -> Double {
        score(indicator, words: words(indicator), unit: unit, kpiTitle: kpiTitle, kpiWords: words(kpiTitle))
    }

    static func score(_ indicator: String, words a: Set<String>, unit: String?, kpiTitle: String, kpiWords b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var score = 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
        let shareA = a.contains("andel") || unit == "%" || indicator.contains("%")
        let shareB = b.contains("andel") || kpiTitle.contains("%")
        if shareA != shareB { score *= shareMismatchFactor }
        let abbreviationsA = abbreviations(indicator), abbreviationsB = abbreviations(kpiTitle)
        if !abbreviationsA.isEmpty, !abbreviationsB.isEmpty, abbreviationsA.isDisjoint(with: abbreviationsB) { score *= abbreviationMismatchFactor }
        return min(1, score)
    }

    /// Reads a decisions file: an indicator name and a KPI id a line, a semicolon or tab between
    /// (names hold commas), `-` for "no Kolada KPI"; `#` starts a comment. Lines it cannot read
    /// are returned as problems, each with its line number.
    public static func decisions(inFile text: String) -> [String: String?] { readDecisions(text).decisions }

    public static func readDecisions(_ text: String) -> (decisions: [String: String?], problems: [String]) {
        var result: [String: String?] = [:]
        var problems: [String] = []
        for (number, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ";" || $0 == "\t" }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                problems.append("line \(number + 1): expected an indicator name, a semicolon or tab, and a KPI id or -: '\(line)'")
                continue
            }
            result[Warehouse.foldedName(fields[0])] = fields[1] == "-" ? .some(nil) : .some(fields[1].uppercased())
        }
        return (result, problems)
    }

    /// Proposes a KPI for every indicator name in the warehouse and stores those taken (by hand,
    /// or at or above the threshold), replacing earlier proposals but never a decision by hand
    /// unless the decisions file now says otherwise.
    public func run(on warehouse: Warehouse) throws -> [Proposal] {
        try warehouse.write { db in
            // Each KPI's words once, in id order so that a tie goes the same way every run.
            let kpis = try Row.fetchAll(db, sql: "SELECT id, title FROM kolada_kpis ORDER BY id").map { row in
                (id: row["id"] as String, title: row["title"] as String, words: Self.words(row["title"] as String))
            }
            let names = try Row.fetchAll(db, sql: "SELECT name_key, min(name) AS name, min(unit) AS unit FROM indicators GROUP BY name_key ORDER BY name_key")
            var earlierByHand: [String: String?] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name_key, kpi_id FROM kolada_matches WHERE decided_by = 'hand'") {
                earlierByHand[row["name_key"] as String] = .some(row["kpi_id"] as String?)
            }
            var proposals: [Proposal] = []
            for row in names {
                let key: String = row["name_key"], name: String = row["name"], unit: String? = row["unit"]
                if let decided = decisions[key] {
                    let title = decided.flatMap { id in kpis.first { $0.id == id }?.title }
                    proposals.append(Proposal(name: name, nameKey: key, kpiId: decided, kpiTitle: title, score: 1, decidedBy: "hand"))
                    try db.execute(sql: "INSERT OR REPLACE INTO kolada_matches (name_key, kpi_id, score, decided_by) VALUES (?, ?, NULL, 'hand')",
                                   arguments: [key, decided])
                    continue
                }
                if let earlier = earlierByHand[key] {
                    // Decided by hand in an earlier run: it stands, and is listed so it can be seen.
                    let title = earlier.flatMap { id in kpis.first { $0.id == id }?.title }
                    proposals.append(Proposal(name: name, nameKey: key, kpiId: earlier, kpiTitle: title, score: 1, decidedBy: "hand"))
                    continue
                }
                let nameWords = Self.words(name)
                var best: (kpi: (id: String, title: String, words: Set<String>), score: Double)?
                for kpi in kpis where !kpi.words.isDisjoint(with: nameWords) {
                    let score = Self.score(name, words: nameWords, unit: unit, kpiTitle: kpi.title, kpiWords: kpi.words)
                    if score > (best?.score ?? 0) { best = (kpi, score) }
                }
                guard let (kpi, score) = best else { continue }
                let taken = score >= threshold
                proposals.append(Proposal(name: name, nameKey: key, kpiId: kpi.id, kpiTitle: kpi.title, score: score, decidedBy: taken ? "match" : "below"))
                if taken {
                    try db.execute(sql: "INSERT OR REPLACE INTO kolada_matches (name_key, kpi_id, score, decided_by) VALUES (?, ?, ?, 'match')",
                                   arguments: [key, kpi.id, score])
                } else {
                    try db.execute(sql: "DELETE FROM kolada_matches WHERE name_key = ? AND decided_by = 'match'", arguments: [key])
                }
            }
            return proposals
        }
    }
}
