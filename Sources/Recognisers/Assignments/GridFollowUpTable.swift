import Foundation
import Layout
import ReportModel
import SwedishReportLanguage
import Tables

/// A table the table stage found from geometry whose row labels are items a report follows up,
/// as the header over them says (`Namn på åtgärd | Startdatum | Ekonomisk effekt`, `Aktivitet
/// | Ansvarig | Status`): each row is an item, its dates, status and comment from the columns
/// their headers name. Figure columns (an action's cost or effect) stay the table's.
struct GridFollowUpTable {
    let grid: TableGrid
    let kind: Assignment.Kind

    /// Nil for a grid whose labels the header does not name as items.
    init?(_ grid: TableGrid) {
        guard let item = AssignmentVocabulary.itemKind(namedByStub: grid.stub), !grid.rows.isEmpty else { return nil }
        self.grid = grid
        kind = AssignmentTableHeader.kind(of: item)
    }

    /// The column whose header starts with one of `words`.
    private func column(named words: [String]) -> Int? {
        grid.columns.firstIndex { column in
            let header = column.header.lowercased()
            return words.contains { header.hasPrefix($0) }
        }
    }

    func items(layout: LayoutDocument) -> [Assignment] {
        let status = column(named: AssignmentVocabulary.statusColumnWords)
        let comment = column(named: AssignmentVocabulary.commentColumnWords)
        let start = column(named: AssignmentVocabulary.startColumnWords)
        let end = column(named: AssignmentVocabulary.endColumnWords)
        return grid.rows.compactMap { row in
            let title = row.label.trimming(.whitespaces)
            // A group row (no cells) heads the items under it; it is no item itself.
            guard !title.isEmpty, !row.cells.isEmpty else { return nil }
            func cell(_ column: Int?) -> String? {
                guard let column, let text = row.cells.first(where: { $0.column == column })?.text.trimming(.whitespaces),
                    !text.isEmpty
                else { return nil }
                return text
            }
            return Assignment(
                id: "", kind: kind, title: title, status: kind == .risk ? nil : cell(status), comment: cell(comment),
                start: cell(start), end: cell(end), provenance: layout.provenance(of: row.lines.lowerBound..<(row.lines.upperBound + 1)))
        }
    }
}
