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

    /// Two values within a thousandth of each other are the same value printed twice.
    static let sameValueScale = 1000.0

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
        /// The warehouse id of the table it stands in (table rows).
        var tableId: String? = nil
        /// Printed as preliminary (`(73)`, indicators).
        var preliminary = false
    }

    public func run(on warehouse: Warehouse, today: Date = Date()) throws -> Comparison {
        try warehouse.read { db in
            var widened: [String] = []
            let candidates = try self.candidates(db, widened: &widened)
            // A cost reads positive, whatever sign its report's table gives costs.
            let costTables = Set(candidates.filter { $0.measure != "other" && TableVocabulary.isCostLabel($0.label) }.compactMap(\.tableId))
            let negative = try tablesPrintingCostsNegative(costTables, db)
            var result = compare(candidates, negativeCostTables: negative, today: today)
            if case .indicator = request.figure, !widened.isEmpty {
                result.notes.append("also the indicators matched to the same Kolada KPI: \(widened.joined(separator: "; "))")
            }
            if case .kpi(let id) = request.figure {
                let title = try String.fetchOne(db, sql: "SELECT title FROM kolada_kpis WHERE id = ?", arguments: [id])
                result.figure = title.map { "\(id) \($0)" } ?? id
                if result.values.isEmpty {
                    let known = try Int.fetchOne(db, sql: "SELECT count(*) FROM kolada_values WHERE kpi_id = ?", arguments: [id]) ?? 0
                    if known == 0 { result.notes.append("the warehouse holds no Kolada values of \(id): read them in with `kolada import`") }
                }
            }
            return result
        }
    }

    func candidates(_ db: Database) throws -> [Candidate] {
        var widened: [String] = []
        return try candidates(db, widened: &widened)
    }

    /// The candidates, and in `widened` the other indicator names taken in as the same Kolada KPI.
    func candidates(_ db: Database, widened: inout [String]) throws -> [Candidate] {
        switch request.figure {
        case .indicator, .kpi:
            // The names asked for: the name itself, and every name matched to the same Kolada KPI.
            let kpi: String?
            var keys: Set<String> = []
            if case .indicator(let name) = request.figure {
                keys.insert(Warehouse.foldedName(name))
                // Names matched to the same Kolada KPI are the same indicator (the notes list them,
                // so that a wrong match shows).
                kpi = try String.fetchOne(db, sql: "SELECT kpi_id FROM kolada_matches WHERE name_key = ?", arguments: [Warehouse.foldedName(name)])
            } else if case .kpi(let id) = request.figure {
                kpi = id
            } else {
                kpi = nil
            }
            if let kpi {
                let asked = keys
                keys.formUnion(try String.fetchAll(db, sql: "SELECT name_key FROM kolada_matches WHERE kpi_id = ? ORDER BY name_key", arguments: [kpi]))
                widened = keys.subtracting(asked).sorted().map { "\($0) (\(kpi))" }
            }
            let marks = Array(repeating: "?", count: keys.count).joined(separator: ", ")
            let rows = keys.isEmpty ? [] : try Row.fetchAll(db, sql: """
                SELECT f.municipality, f.municipality_code, f.organisation, f.document, r.path, f.report_type, f.report_kind,
                       f.year, f.measure, f.value, f.unit, f.text, f.page, f."column", f.indicator, f.preliminary
                FROM indicator_facts f JOIN reports r ON r.id = f.report_id
                WHERE f.name_key IN (\(marks)) AND f.value IS NOT NULL
                ORDER BY f.report_id, f.page, f.value_id
                """, arguments: StatementArguments(Array(keys)))
            var found = rows.map { row in
                Candidate(
                    municipality: row["municipality"], code: row["municipality_code"], organisation: row["organisation"], year: row["year"],
                    measure: row["measure"], value: row["value"], unit: row["unit"], valueSEK: nil, printed: row["text"], label: row["indicator"],
                    column: row["column"], source: Self.source(row), preliminary: (row["preliminary"] as Bool?) ?? false)
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
                       f.year, f.measure, f.value, f.unit, f.value_sek, f.text, f.page, f."column", f."row", f.table_id, f."table"
                FROM table_cell_facts f JOIN reports r ON r.id = f.report_id
                WHERE f.value IS NOT NULL AND f.row_id IN (SELECT id FROM table_rows WHERE label_key = ?)
                ORDER BY f.report_id, f.table_id, f.page, f."row", f."column", f.value
                """, arguments: [Warehouse.labelKey(label)])
            return rows.compactMap { row in
                let printedLabel: String = row["row"]
                let header: String = row["column"] ?? ""
                if let columnKey, !Warehouse.foldedName(header).contains(columnKey) { return nil }
                return Candidate(
                    municipality: row["municipality"], code: row["municipality_code"], organisation: row["organisation"], year: row["year"],
                    measure: row["measure"] ?? "other",
                    value: row["value"], unit: row["unit"], valueSEK: row["value_sek"], printed: row["text"], label: printedLabel,
                    column: header, source: Self.source(row, table: row["table"]), tableId: row["table_id"])
            }
        }
    }

    /// Kolada's published values of a KPI (both genders together), as values from the source `Kolada`.
    func koladaValues(of kpi: String, _ db: Database) throws -> [Candidate] {
        let title = try String.fetchOne(db, sql: "SELECT title FROM kolada_kpis WHERE id = ?", arguments: [kpi]) ?? kpi
        return try Row.fetchAll(db, sql: """
            SELECT municipality_code, year, value FROM kolada_values WHERE kpi_id = ? AND gender = 'T' AND value IS NOT NULL
            ORDER BY municipality_code, year
            """, arguments: [kpi]).map { row in
            let value: Double = row["value"]
            return Candidate(
                municipality: nil, code: row["municipality_code"], organisation: nil, year: row["year"], measure: "outcome", value: value,
                unit: nil, valueSEK: nil, printed: ComparisonText.number(value), label: title, column: kpi,
                source: Comparison.Source(document: Comparison.koladaSource, path: "https://www.kolada.se", page: 0, reportType: "kolada", reportKind: nil))
        }
    }

    static func source(_ row: Row, table: String? = nil) -> Comparison.Source {
        Comparison.Source(
            document: row["document"], path: row["path"], page: row["page"], reportType: row["report_type"], reportKind: row["report_kind"],
            table: table)
    }


    /// The tables, among those given, that print costs as negative numbers: most of their cost
    /// rows' budget, outcome and forecast figures are negative. Read from the whole table, so
    /// the answer does not depend on what a comparison selects.
    func tablesPrintingCostsNegative(_ tableIds: Set<String>, _ db: Database) throws -> Set<String> {
        var result: Set<String> = []
        for id in tableIds {
            let rows = try Row.fetchAll(db, sql: """
                SELECT tr.label, c.value FROM table_cells c
                JOIN table_rows tr ON tr.id = c.row_id
                LEFT JOIN table_columns tc ON tc.table_id = c.table_id AND tc.column_index = c.column_index
                WHERE c.table_id = ? AND c.value IS NOT NULL AND coalesce(tc.measure, 'other') <> 'other'
                """, arguments: [id])
            var negative = 0, positive = 0
            for row in rows where TableVocabulary.isCostLabel(row["label"] as String) {
                let value: Double = row["value"]
                if value < 0 { negative += 1 } else if value > 0 { positive += 1 }
            }
            if negative > positive { result.insert(id) }
        }
        return result
    }

    /// Selects, puts into one unit and sign, and merges the values that are the same printed twice.
    func compare(_ candidates: [Candidate], negativeCostTables: Set<String> = [], today: Date) -> Comparison {
        var notes: [String] = []
        let measured = candidates.filter { candidate in request.measure.map { candidate.measure == $0 } ?? true }
        if request.years != nil {
            let undated = measured.filter { $0.year == nil }.count
            if undated > 0 { notes.append("\(undated) values with no year are left out by --years") }
        }
        let wanted = measured.filter { candidate in request.years.map { years in candidate.year.map(years.contains) ?? false } ?? true }
        let unplaced = wanted.filter { $0.code == nil }.count
        if unplaced > 0 { notes.append("\(unplaced) values from reports that name no municipality are left out") }
        // Kolada's national and regional figures (`0000`, `0014`) are no municipality's.
        let beyond = wanted.filter { $0.code != nil && Municipality.coded($0.code!) == nil }.count
        if beyond > 0 { notes.append("\(beyond) values of the nation or a region (Kolada) are left out") }
        var selected = wanted.filter { candidate in
            guard let code = candidate.code, Municipality.coded(code) != nil else { return false }
            if let codes = request.municipalityCodes, !codes.contains(code) { return false }
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
        // A cost printed negative in one report and positive in another reads the same way in
        // all: every value of a table that prints costs negative is turned (a surplus it prints
        // positive then reads negative, as a surplus does among positive costs).
        var turned = Set<Int>()
        for index in selected.indices {
            guard let table = selected[index].tableId, negativeCostTables.contains(table), selected[index].measure != "other" else { continue }
            selected[index].value = -selected[index].value
            turned.insert(index)
        }
        // The same value for the same municipality, year and measure is one value, from every report that printed it.
        var merged: [Comparison.Value] = []
        var index: [String: Int] = [:]
        for (position, candidate) in selected.enumerated() {
            let key = "\(candidate.code!)|\(candidate.organisation ?? "")|\(candidate.year.map(String.init) ?? "")|\(candidate.measure)|\((candidate.value * Self.sameValueScale).rounded())"
            if let at = index[key] {
                if !merged[at].sources.contains(candidate.source) { merged[at].sources.append(candidate.source) }
                // Preliminary only while every report that prints it says so.
                merged[at].preliminary = merged[at].preliminary && candidate.preliminary
                continue
            }
            index[key] = merged.count
            merged.append(Comparison.Value(
                municipality: Municipality.coded(candidate.code!)?.name ?? candidate.municipality ?? candidate.code!,
                municipalityCode: candidate.code!, organisation: candidate.organisation, year: candidate.year, measure: candidate.measure, value: candidate.value,
                unit: candidate.unit, printed: candidate.printed, turned: turned.contains(position), label: candidate.label,
                column: candidate.column, sources: [candidate.source], preliminary: candidate.preliminary))
        }
        // Sources in the order a reader looks them up: by document, then page.
        for index in merged.indices { merged[index].sources.sort { ($0.document, $0.page) < ($1.document, $1.page) } }
        let turnedValues = merged.filter(\.turned).count
        if turnedValues > 0 {
            notes.append("\(turnedValues) values come from tables that print costs as negative numbers and were turned, so that costs read positive")
        }
        if merged.contains(where: { $0.sources.contains { $0.document == Comparison.koladaSource } }) {
            notes.append("Källa: Kolada (RKA), CC BY 4.0, for the values from Kolada")
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
