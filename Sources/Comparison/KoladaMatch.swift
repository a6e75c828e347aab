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

    /// How alike two names are: the Dice coefficient of their words, a little more where both say
    /// they are shares (`andel`, `%`) or neither does.
    static func score(_ indicator: String, unit: String?, kpiTitle: String) -> Double {
        let a = words(indicator), b = words(kpiTitle)
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let dice = 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
        let shareA = a.contains("andel") || unit == "%" || indicator.contains("%")
        let shareB = b.contains("andel") || kpiTitle.contains("%")
        return min(1, dice * (shareA == shareB ? 1.0 : 0.8))
    }

    /// Reads a decisions file: an indicator name and a KPI id a line (`;`, `,` or tab between),
    /// `-` or nothing for "no Kolada KPI".
    public static func decisions(inFile text: String) -> [String: String?] {
        var result: [String: String?] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ";" || $0 == "\t" }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let name = fields.first, !name.isEmpty else { continue }
            let id = fields.count > 1 ? fields[1] : ""
            result[Warehouse.foldedName(name)] = id.isEmpty || id == "-" ? .some(nil) : .some(id)
        }
        return result
    }

    /// Proposes a KPI for every indicator name in the warehouse and stores those taken (by hand,
    /// or at or above the threshold), replacing earlier proposals but never a decision by hand
    /// unless the decisions file now says otherwise.
    public func run(on warehouse: Warehouse) throws -> [Proposal] {
        try warehouse.write { db in
            let kpis = try Row.fetchAll(db, sql: "SELECT id, title FROM kolada_kpis").map { (id: $0["id"] as String, title: $0["title"] as String) }
            let names = try Row.fetchAll(db, sql: "SELECT name_key, min(name) AS name, min(unit) AS unit FROM indicators GROUP BY name_key ORDER BY name_key")
            let earlierByHand = Set(try String.fetchAll(db, sql: "SELECT name_key FROM kolada_matches WHERE decided_by = 'hand'"))
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
                if earlierByHand.contains(key) { continue }  // decided by hand in an earlier run
                let best = kpis.map { ($0, Self.score(name, unit: unit, kpiTitle: $0.title)) }.max { $0.1 < $1.1 }
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
