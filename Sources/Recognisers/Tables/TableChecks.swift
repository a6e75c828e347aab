import Foundation
import ReportModel
import SwedishReportLanguage

/// Checks a table's arithmetic: sum rows against the rows they sum, difference columns against
/// the columns they compare, each within the rounding of the printed figures.
///
/// Which rows a sum row sums, and which two columns a difference column compares in which
/// order, the table itself decides: of the readings the layout allows, the one that holds in
/// most cells is the table's convention, and every cell is checked against it. A row or column
/// no reading explains at all is not checked (we do not know what it adds up).
struct TableChecks {
    /// Columns left of a difference column that it may compare.
    static let comparedColumnsLookedAt = 4

    func checks(of table: ReportTable) -> [TableCheck] {
        sumChecks(table) + tallyChecks(table) + differenceChecks(table)
    }

    // MARK: Tallies

    /// A tally row under a table of marks (a vote: members' crosses under `Ja`, `Nej`, `Avstår`,
    /// `Resultat 6 | 7 | 0`) counts the marks of each column above it. Only a column whose cells
    /// above are all marks is counted, and only in a table with marks in it.
    func tallyChecks(_ table: ReportTable) -> [TableCheck] {
        var result: [TableCheck] = []
        for (index, row) in table.rows.enumerated() {
            guard let first = row.label.split(separator: " ").first?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ":")),
                TableWords.tallyWords.contains(first) || TableWords.additionWords.contains(first)
            else { continue }
            let above = table.rows[..<index].enumerated().filter { !$0.element.cells.isEmpty }
            let marked = above.filter { $0.element.cells.contains { TableWords.marks.contains($0.text) } }
            guard marked.count >= Self.fewestMarkedRowsToTally else { continue }
            for cell in row.cells {
                guard let printed = cell.value, printed == printed.rounded() else { continue }
                let column = above.compactMap { row in row.element.cells.first { $0.columnIndex == cell.columnIndex }.map { (row.offset, $0) } }
                guard column.allSatisfy({ TableWords.marks.contains($0.1.text) }) else { continue }
                // A column with no mark above is counted only where the row prints 0 for it.
                if column.isEmpty, printed != 0 { continue }
                result.append(TableCheck(
                    kind: .tally, row: index, column: cell.columnIndex, expected: Double(column.count), printed: printed,
                    holds: Double(column.count) == printed, terms: column.map(\.0)))
            }
        }
        return result
    }

    /// Rows with a mark that make a table of marks.
    static let fewestMarkedRowsToTally = 2

    // MARK: Sums

    func sumChecks(_ table: ReportTable) -> [TableCheck] {
        var result: [TableCheck] = []
        for (index, row) in table.rows.enumerated() where Self.isAdditionRow(row.label) {
            let candidates = summedRows(before: index, in: table)
            guard candidates.count >= 2 else { continue }
            let minimumLevel = candidates.map { table.rows[$0].level }.min() ?? 0
            // The rows of the level nearest the top, or every row above: the reading that holds
            // in most of the sum row's cells.
            let readings = [
                candidates.filter { table.rows[$0].level == minimumLevel }, candidates,
                withoutGroupMembers(candidates, in: table),
            ]
            var best: [TableCheck] = []
            // One group total (its members left out) is a sum too: `Totala utgifter` under the
            // only group `Reinvestering`.
            for terms in readings where terms.count >= 2 || terms.count == 1 && terms != candidates {
                let checks = row.cells.compactMap { cell in sumCheck(table, row: index, cell: cell, terms: terms) }
                if checks.filter(\.holds).count > best.filter(\.holds).count { best = checks }
            }
            if best.contains(where: \.holds) { result += best }
        }
        return result
    }

    /// The rows a sum row may add up: back to the previous sum row, a group row at its level or
    /// above, or the table's start; `varav` rows (parts of the row above them) left out.
    func summedRows(before index: Int, in table: ReportTable) -> [Int] {
        var rows: [Int] = []
        var current = index - 1
        let level = table.rows[index].level
        while current >= 0 {
            let row = table.rows[current]
            if Self.isAdditionRow(row.label) || row.cells.allSatisfy({ $0.value == nil }) && row.level <= level { break }
            if !Self.isPartRow(row.label), row.cells.contains(where: { $0.value != nil }) { rows.append(current) }
            current -= 1
        }
        return rows.reversed()
    }

    /// The rows without the members of a group whose total is printed on the group's own row
    /// above them (`Reinvestering -5 800` over `Inventarier -4 200`, `Sängar -750`, …), where
    /// indentation does not show it.
    func withoutGroupMembers(_ rows: [Int], in table: ReportTable) -> [Int] {
        var result: [Int] = []
        var position = 0
        while position < rows.count {
            let group = table.rows[rows[position]]
            result.append(rows[position])
            var members = 0
            var sums: [Int: Double] = [:]
            var next = position + 1
            while next < rows.count {
                for cell in table.rows[rows[next]].cells { sums[cell.columnIndex, default: 0] += cell.value ?? 0 }
                let count = next - position
                let totals = group.cells.filter { $0.value != nil && !Self.isShare($0) }
                let matches = !totals.isEmpty && totals.allSatisfy { cell in
                    abs((sums[cell.columnIndex] ?? 0) - cell.value!) <= Self.tolerance(decimals: Self.decimals(cell.text), terms: count)
                }
                if count >= 2, matches, group.cells.contains(where: { $0.value != nil && $0.value != 0 }) {
                    members = count
                    break
                }
                next += 1
            }
            position += 1 + members
        }
        return result
    }

    func sumCheck(_ table: ReportTable, row: Int, cell: TableCell, terms: [Int]) -> TableCheck? {
        guard let printed = cell.value, !Self.isShare(cell) else { return nil }
        var expected = 0.0
        var figures = [cell.text]
        for term in terms {
            guard let value = table.rows[term].cells.first(where: { $0.columnIndex == cell.columnIndex }) else { continue }
            if Self.isShare(value) { return nil }
            expected += value.value ?? 0
            figures.append(value.text)
        }
        let holds = abs(expected - printed) <= Self.roundingError(of: figures)
        return TableCheck(kind: .sum, row: row, column: cell.columnIndex, expected: expected, printed: printed, holds: holds, terms: terms)
    }

    // MARK: Differences

    func differenceChecks(_ table: ReportTable) -> [TableCheck] {
        var result: [TableCheck] = []
        for (column, header) in table.columns.enumerated() where Self.isDifferenceColumn(header.header) {
            let compared = (0..<column).reversed().filter { !Self.isDifferenceColumn(table.columns[$0].header) }
                .prefix(Self.comparedColumnsLookedAt)
            var best: [TableCheck] = []
            for a in compared {
                for b in compared where b != a {
                    let checks = table.rows.indices.compactMap { differenceCheck(table, row: $0, column: column, minuend: a, subtrahend: b) }
                    if checks.filter(\.holds).count > best.filter(\.holds).count { best = checks }
                }
            }
            // A column whose cells mostly fit no pair compares something the table does not show.
            if best.filter(\.holds).count * 2 > best.count { result += best }
        }
        return result
    }

    func differenceCheck(_ table: ReportTable, row: Int, column: Int, minuend: Int, subtrahend: Int) -> TableCheck? {
        let cells = table.rows[row].cells
        guard let difference = cells.first(where: { $0.columnIndex == column }), let printed = difference.value,
            let a = cells.first(where: { $0.columnIndex == minuend }), let aValue = a.value,
            let b = cells.first(where: { $0.columnIndex == subtrahend }), let bValue = b.value,
            ![difference, a, b].contains(where: Self.isShare)
        else { return nil }
        let expected = aValue - bValue
        let holds = abs(expected - printed) <= Self.roundingError(of: [difference.text, a.text, b.text])
        return TableCheck(
            kind: .difference, row: row, column: column, expected: expected, printed: printed, holds: holds,
            terms: [minuend, subtrahend])
    }

    // MARK: Vocabulary and rounding

    /// A row that adds up the rows above it (`Summa`, `Totalt`, `Totala utgifter`).
    static func isAdditionRow(_ label: String) -> Bool {
        guard let first = label.split(separator: " ").first?.lowercased() else { return false }
        return TableWords.additionWords.contains(first.trimmingCharacters(in: CharacterSet(charactersIn: ":")))
    }

    /// A row that is a part of the row above it (`varav …`, `- därav …`).
    static func isPartRow(_ label: String) -> Bool { TableWords.isPartLabel(label) }

    static func isDifferenceColumn(_ header: String) -> Bool {
        let words = header.lowercased().split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",:*")) }
        return words.contains(where: TableVocabulary.isDifferenceHead)
            && !header.contains("%")
    }

    /// A share (`53%`): shares do not add up.
    static func isShare(_ cell: TableCell) -> Bool { cell.text.contains("%") || cell.unit == "%" }

    /// Digits after the decimal comma of a printed number.
    static func decimals(_ text: String) -> Int {
        guard let comma = text.lastIndex(of: ",") else { return 0 }
        return text[text.index(after: comma)...].prefix { $0.isNumber }.count
    }

    /// How far a value computed from printed figures may stand from the printed result: each
    /// figure was rounded by at most half a unit of its last digit (`1,9` by 0,05, `157` by 0,5).
    static func roundingError(of figures: [String]) -> Double {
        let unit = roundingUnit(of: figures)
        let halfUnits = figures.map { 0.5 * unit * pow(10, -Double(decimals($0))) }
        return max(halfUnits.reduce(0, +), 2 * (halfUnits.max() ?? 0)) + 1e-9
    }

    /// At least this many figures other than zero, all whole multiples of ten, tell that a table
    /// was rounded to tens (or hundreds, …) rather than to units.
    static let figuresThatTellRounding = 3
    /// The coarsest rounding told from the figures themselves.
    static let coarsestRounding = 1000.0

    /// The unit whole figures were rounded to: 10 where every figure other than zero is a
    /// multiple of ten (`350`, `110`, `60`, `20`, summed `550`: "avrundade till närmaste
    /// tiotal"), 100 where of a hundred, …; 1 otherwise and for figures with decimals.
    static func roundingUnit(of figures: [String]) -> Double {
        let values = figures.compactMap { SwedishNumber.parse($0)?.value }.filter { $0 != 0 }
        guard values.count >= figuresThatTellRounding, values.count == figures.filter({ SwedishNumber.parse($0)?.value != 0 }).count,
            figures.allSatisfy({ decimals($0) == 0 })
        else { return 1 }
        var unit = 1.0
        while unit < coarsestRounding, values.allSatisfy({ $0.truncatingRemainder(dividingBy: unit * 10) == 0 }) { unit *= 10 }
        return unit
    }

    /// How far a computed value may stand from the printed one when each of `terms` figures was
    /// rounded to `decimals` places: half a unit of the last digit each, and at least one unit.
    static func tolerance(decimals: Int, terms: Int) -> Double {
        let unit = pow(10, -Double(decimals))
        return max(unit, 0.5 * unit * Double(terms + 1)) + 1e-9
    }

    /// A number for a message: no needless decimals.
    static func text(of value: Double) -> String { SwedishNumber.format(value) }
}
