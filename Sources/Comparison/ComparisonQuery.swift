import Foundation
import GRDB
import SwedishReportLanguage
import Warehouse

/// Reads a comparison out of a warehouse.
public struct ComparisonQuery {
    public let request: ComparisonRequest

    public init(_ request: ComparisonRequest) {
        self.request = request
    }

    /// A value as the warehouse has it, before selection and dedup.
    struct Candidate {
        var municipality: String?
        var code: String?
        var organisation: String?
        var year: Int?
        var measure: String
        var value: Double
        var unit: String?
        var valueSEK: Double?
        var printed: String
        var label: String
        var column: String
        var source: Comparison.Source
    }

    public func run(on warehouse: Warehouse, today: Date = Date()) throws -> Comparison {
        let candidates = try warehouse.read { db in try self.candidates(db) }
        return compare(candidates, today: today)
    }

    func candidates(_ db: Database) throws -> [Candidate] {
        switch request.figure {
        case .indicator, .kpi:
            // The names asked for: the name itself, and every name matched to the same Kolada KPI.
            let kpi: String?
            var keys: Set<String> = []
            if case .indicator(let name) = request.figure {
                keys.insert(Warehouse.foldedName(name))
                kpi = try String.fetchOne(db, sql: "SELECT kpi_id FROM kolada_matches WHERE name_key = ?", arguments: [Warehouse.foldedName(name)])
            } else if case .kpi(let id) = request.figure {
                kpi = id
            } else {
                kpi = nil
            }
            if let kpi {
                keys.formUnion(try String.fetchAll(db, sql: "SELECT name_key FROM kolada_matches WHERE kpi_id = ?", arguments: [kpi]))
            }
            let marks = Array(repeating: "?", count: keys.count).joined(separator: ", ")
            let rows = keys.isEmpty ? [] : try Row.fetchAll(db, sql: """
                SELECT f.municipality, f.municipality_code, f.organisation, f.document, r.path, f.report_type, f.report_kind,
                       f.year, f.measure, f.value, f.unit, f.text, f.page, f."column", f.indicator
                FROM indicator_facts f JOIN reports r ON r.id = f.report_id
                WHERE f.name_key IN (\(marks)) AND f.value IS NOT NULL
                """, arguments: StatementArguments(Array(keys)))
            var found = rows.map { row in
                Candidate(
                    municipality: row["municipality"], code: row["municipality_code"], organisation: row["organisation"], year: row["year"],
                    measure: row["measure"], value: row["value"], unit: row["unit"], valueSEK: nil, printed: row["text"], label: row["indicator"],
                    column: row["column"], source: Self.source(row))
            }
            if let kpi, request.withKolada || { if case .kpi = request.figure { return true } else { return false } }() {
                found += try koladaValues(of: kpi, db)
            }
            return found
        case .row(let label, let column):
            let key = Warehouse.foldedName(label)
            let columnKey = column.map(Warehouse.foldedName)
            let rows = try Row.fetchAll(db, sql: """
                SELECT f.municipality, f.municipality_code, f.organisation, f.document, r.path, f.report_type, f.report_kind,
                       f.year, f.measure, f.value, f.unit, f.value_sek, f.text, f.page, f."column", f."row"
                FROM table_cell_facts f JOIN reports r ON r.id = f.report_id
                WHERE f.value IS NOT NULL
                """)
            return rows.compactMap { row in
                let printedLabel: String = row["row"]
                guard Warehouse.foldedName(printedLabel) == key else { return nil }
                let header: String = row["column"] ?? ""
                if let columnKey, !Warehouse.foldedName(header).contains(columnKey) { return nil }
                return Candidate(
                    municipality: row["municipality"], code: row["municipality_code"], organisation: row["organisation"], year: row["year"],
                    measure: row["measure"] ?? "other",
                    value: row["value"], unit: row["unit"], valueSEK: row["value_sek"], printed: row["text"], label: printedLabel,
                    column: header, source: Self.source(row))
            }
        }
    }

    /// Kolada's published values of a KPI (both genders together), as values from the source `Kolada`.
    func koladaValues(of kpi: String, _ db: Database) throws -> [Candidate] {
        let title = try String.fetchOne(db, sql: "SELECT title FROM kolada_kpis WHERE id = ?", arguments: [kpi]) ?? kpi
        return try Row.fetchAll(db, sql: """
            SELECT municipality_code, year, value FROM kolada_values WHERE kpi_id = ? AND gender = 'T' AND value IS NOT NULL
            """, arguments: [kpi]).map { row in
            let value: Double = row["value"]
            return Candidate(
                municipality: nil, code: row["municipality_code"], organisation: nil, year: row["year"], measure: "outcome", value: value,
                unit: nil, valueSEK: nil, printed: ComparisonText.number(value), label: title, column: kpi,
                source: Comparison.Source(document: Comparison.koladaSource, path: "https://www.kolada.se", page: 0, reportType: nil, reportKind: nil))
        }
    }

    static func source(_ row: Row) -> Comparison.Source {
        Comparison.Source(
            document: row["document"], path: row["path"], page: row["page"], reportType: row["report_type"], reportKind: row["report_kind"])
    }

    /// Selects, puts into one unit and sign, and merges the values that are the same printed twice.
    func compare(_ candidates: [Candidate], today: Date) -> Comparison {
        var notes: [String] = []
        let unplaced = candidates.filter { $0.code == nil }.count
        if unplaced > 0 { notes.append("\(unplaced) values from reports with no municipality are left out") }
        var selected = candidates.filter { candidate in
            guard let code = candidate.code else { return false }
            if let codes = request.municipalityCodes, !codes.contains(code) { return false }
            if let measure = request.measure, candidate.measure != measure { return false }
            if let years = request.years, !(candidate.year.map(years.contains) ?? false) { return false }
            return true
        }
        // Money compares in kronor, whatever the report printed it in (tkr, mnkr).
        if selected.contains(where: { $0.valueSEK != nil }) {
            for index in selected.indices {
                if let sek = selected[index].valueSEK {
                    selected[index].value = sek
                    selected[index].unit = "kr"
                }
            }
        }
        let units = Set(selected.compactMap(\.unit).filter { !$0.isEmpty })
        if units.count > 1 { notes.append("the values are printed in different units: \(units.sorted().joined(separator: ", "))") }
        // A cost printed negative in one report and positive in another reads the same way in all.
        // (A difference column's sign is its own: an overrun is negative whatever the convention.)
        var turned = Set<Int>()
        let signed = selected.indices.filter { selected[$0].measure != "other" && TableVocabulary.isCostLabel(selected[$0].label) }
        if signed.contains(where: { selected[$0].value < 0 }), signed.contains(where: { selected[$0].value > 0 }) {
            for index in signed where selected[index].value < 0 {
                selected[index].value = -selected[index].value
                turned.insert(index)
            }
            notes.append("\(turned.count) values printed as negative costs were turned to read as positive, as the other reports print them")
        }
        // The same value for the same municipality, year and measure is one value, from every report that printed it.
        var merged: [Comparison.Value] = []
        var index: [String: Int] = [:]
        for (position, candidate) in selected.enumerated() {
            let key = "\(candidate.code!)|\(candidate.organisation ?? "")|\(candidate.year.map(String.init) ?? "")|\(candidate.measure)|\((candidate.value * 1000).rounded())"
            if let at = index[key] {
                if !merged[at].sources.contains(candidate.source) { merged[at].sources.append(candidate.source) }
                continue
            }
            index[key] = merged.count
            merged.append(Comparison.Value(
                municipality: Municipality.coded(candidate.code!)?.name ?? candidate.municipality ?? candidate.code!,
                municipalityCode: candidate.code!, organisation: candidate.organisation, year: candidate.year, measure: candidate.measure, value: candidate.value,
                unit: candidate.unit, printed: candidate.printed, turned: turned.contains(position), label: candidate.label,
                column: candidate.column, sources: [candidate.source]))
        }
        merged.sort { a, b in
            if a.municipality != b.municipality { return Comparison.swedishOrder(a.municipality, b.municipality) }
            if a.organisation != b.organisation { return Comparison.swedishOrder(a.organisation ?? "", b.organisation ?? "") }
            return (a.year ?? 0, a.measure, a.value) < (b.year ?? 0, b.measure, b.value)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return Comparison(
            figure: request.figure.description, measure: request.measure,
            focus: request.focusCode.flatMap { Municipality.coded($0)?.name }, created: formatter.string(from: today),
            values: merged, notes: notes)
    }
}
