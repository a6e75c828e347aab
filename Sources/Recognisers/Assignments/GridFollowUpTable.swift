import Foundation
import Layout
import ReportModel
import SwedishReportLanguage
import Tables

/// A table the table stage found from geometry whose row labels are items a report follows up,
/// as the header over them says, and which follows them up in a column of dates, status or
/// comment (`Namn på åtgärd | Startdatum | Ekonomisk effekt`): each row is an item, its dates,
/// status and comment from the columns their headers name. Figure columns (an action's cost or
/// effect) stay the table's. (The table stage reads tables of figures; a table of words only is
/// read from its header's words by `MeasuredFollowUpTable`.)
struct GridFollowUpTable {
    let grid: TableGrid
    let kind: Assignment.Kind

    /// Nil for a grid whose labels the header does not name as items, or that has no column
    /// following them up (`Aktivitet | Antal 2024 | Antal 2025` counts activities).
    init?(_ grid: TableGrid) {
        guard let item = AssignmentVocabulary.itemKind(namedByStub: grid.stub), !grid.rows.isEmpty,
            grid.columns.contains(where: { column in
                Self.headWords(column.header).contains { AssignmentVocabulary.isFollowUpHead($0) || TableVocabulary.isDateHead($0) }
            })
        else { return nil }
        self.grid = grid
        kind = AssignmentTableHeader.kind(of: item)
    }

    /// A header's words, lower-cased, without punctuation.
    static func headWords(_ header: String) -> [String] {
        header.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "/" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,:;()")) }
    }

    /// The column one of whose header words is one of `words`; figure columns only where a
    /// figure is wanted.
    private func column(named words: [String], figures: Bool) -> Int? {
        grid.columns.firstIndex { column in
            (figures || !column.isNumeric) && Self.headWords(column.header).contains { word in
                words.contains { AssignmentVocabulary.isHead(word, of: $0) }
            }
        }
    }

    func items(layout: LayoutDocument) -> [Assignment] {
        let status = column(named: AssignmentVocabulary.statusColumnWords, figures: false)
        let comment = column(named: AssignmentVocabulary.commentColumnWords, figures: false)
        // A date column may hold figures (`260401`) as far as the table stage can tell.
        let start = column(named: AssignmentVocabulary.startColumnWords, figures: true)
        let end = column(named: AssignmentVocabulary.endColumnWords, figures: true)
        let parents = Set(grid.rows.compactMap(\.parent))
        return grid.rows.enumerated().compactMap { index, row in
            let title = row.label.trimming(.whitespaces)
            // A group row heads the items under it, and a total sums them: neither is an item.
            guard !title.isEmpty, !(row.cells.isEmpty && parents.contains(index)),
                !TableVocabulary.sumWords.contains(String(title.lowercased().split(separator: " ").first ?? ""))
            else { return nil }
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
