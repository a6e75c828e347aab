import Foundation
import SwedishReportLanguage
import Layout
import ReportModel
import ReportSource
import Tables

/// A follow-up table set in columns (PDF, or laid-out text): the table stage files each row's
/// text under the header cell it is printed beneath (`HeaderedColumns`); this gives the columns
/// their meaning (item, status, dates, comment) by the header's words.
struct MeasuredFollowUpTable {
    /// A printed date (`2024-03-31`), built once: a regex literal is compiled on every use.
    /// (`Regex` is immutable once built, its compiled program stored atomically, so sharing it is safe.)
    nonisolated(unsafe) static let datePattern = /(19|20)\d\d-\d\d-\d\d/
    static let nineteen = Array("19".utf8)
    static let twenty = Array("20".utf8)

    /// Header texts, lower-cased.
    let headers: [String]
    /// The rows: for each blank-separated group, the text of every column; or a group of running
    /// text under the table (no column gaps), kept whole.
    let rows: [(cells: [String], provenance: Provenance, isRunningText: Bool, icon: IconLegend.Icon?, line: Int)]
    /// What the report's legends say its status icons mean.
    let legend: IconLegend

    /// Nil when the header carries no measured cells (flattened text input).
    init?(header: LayoutLine, groups: [Range<Int>], layout: LayoutDocument, legend: IconLegend) {
        // Which words stand in which column is the table stage's to read; this names the columns.
        guard let columns = HeaderedColumns(header: header) else { return nil }
        headers = columns.headers.map { $0.lowercased() }
        self.legend = legend
        var rows: [(cells: [String], provenance: Provenance, isRunningText: Bool, icon: IconLegend.Icon?, line: Int)] = []
        // Rows set without space between them, each line with its own status icon: an icon per
        // line marks a row per line.
        let statusColumn = headers.firstIndex { header in AssignmentVocabulary.statusColumnWords.contains { header.hasPrefix($0) } }
        let rowGroups = groups.flatMap { group -> [Range<Int>] in
            let lines = layout.lines[group]
            guard lines.count > 1 else { return [group] }
            if lines.allSatisfy({ $0.source.icons.count == 1 }) { return group.map { $0..<($0 + 1) } }
            return statusColumn.map { Self.rowsByStatus(group, statusColumn: $0, columns: columns, layout: layout) } ?? [group]
        }
        for group in rowGroups {
            let lines = layout.lines[group]
            // A legend row under the table (`● Klar ● Pågår ● Ej påbörjad`) explains the icons: no item.
            if lines.contains(where: { IconLegend.isLegendRow($0) }) { continue }
            // A status shown as an icon: the first coloured mark on the row's lines.
            let icon = lines.lazy.flatMap(\.source.icons).compactMap(IconLegend.Icon.init).first
            if let cells = columns.cells(of: lines) {
                rows.append((cells, layout.provenance(of: group), false, icon, group.lowerBound))
            } else if let icon, lines.count == 1 {
                // A row whose only cell is its title, its status an icon (no gap before it, as an
                // icon is no word): the item, not running text.
                rows.append(([lines[lines.startIndex].text], layout.provenance(of: group), false, icon, group.lowerBound))
            } else {
                // A group of lines without a column gap is running text under the table.
                rows.append(([lines.map(\.text).joined(separator: " ")], layout.provenance(of: group), true, nil, group.lowerBound))
            }
        }
        self.rows = rows
    }

    /// Rows set without space between them, each with its status printed: a line with a status
    /// of its own starts a new row once the row it would join has one; a line without one joins
    /// the row above, unless that row has its status and the line starts a new item in the
    /// first column with a capital (a row set at its bottom line, its title wrapped above the
    /// status). A group with one status or none is one row.
    static func rowsByStatus(_ group: Range<Int>, statusColumn: Int, columns: HeaderedColumns, layout: LayoutDocument) -> [Range<Int>] {
        let cells = group.map { columns.cells(of: [layout.lines[$0]]) }
        let hasStatus = cells.map { $0.map { statusColumn < $0.count && !$0[statusColumn].isEmpty } ?? false }
        guard hasStatus.filter({ $0 }).count >= 2 else { return [group] }
        var rows: [Range<Int>] = []
        var start = group.lowerBound, rowHasStatus = false
        for (offset, line) in group.enumerated() {
            // A capital in the first column: a line in one piece (a title wrapped above its
            // status) is not parted in cells, but its first cell still has its column.
            let first = columns.firstCell(of: layout.lines[line])
            let startsItem = first?.column == 0 && first?.text.first?.isUppercase == true
            if offset > 0, hasStatus[offset] ? rowHasStatus : rowHasStatus && startsItem {
                rows.append(start..<line)
                start = line
                rowHasStatus = false
            }
            rowHasStatus = rowHasStatus || hasStatus[offset]
        }
        rows.append(start..<group.upperBound)
        return rows
    }

    private func column(named words: [String]) -> Int? {
        headers.firstIndex { header in words.contains { header.hasPrefix($0) } }
    }

    /// The table's items: the first column is the item; dates, status and comment come from the
    /// columns their headers name; running text under a row is its comment.
    func items(kind tableKind: AssignmentTableHeader.Kind) -> [Assignment] {
        let kind: Assignment.Kind
        switch tableKind {
        case .dated(let k), .followUp(let k): kind = k
        case .risk: kind = .risk
        }
        let statusColumn = column(named: AssignmentVocabulary.statusColumnWords)
        let commentColumn = column(named: AssignmentVocabulary.commentColumnWords)
        let dateColumns = [column(named: AssignmentVocabulary.startColumnWords), column(named: AssignmentVocabulary.endColumnWords)]
        var items: [Assignment] = []
        for row in rows {
            if row.isRunningText {
                guard var last = items.popLast() else { continue }
                last.comment = [last.comment, row.cells[0]].compactMap { $0 }.joined(separator: "\n")
                items.append(last)
                continue
            }
            let title = row.cells[0].trimming(.whitespaces)
            guard !title.isEmpty else {
                // A row with an empty item cell continues the previous item (a cell broken over a page).
                if var last = items.popLast(), let comment = commentColumn.map({ row.cells[$0] }), !comment.isEmpty {
                    last.comment = [last.comment, comment].compactMap { $0 }.joined(separator: "\n")
                    items.append(last)
                }
                continue
            }
            func cell(_ index: Int?) -> String? {
                guard let index, row.cells.indices.contains(index) else { return nil }
                let text = row.cells[index].trimming(.whitespaces)
                return text.isEmpty ? nil : text
            }
            let joined = row.cells.joined(separator: " ")
            // A date starts 19 or 20 (as characters, so as bytes too): rows without either skip the expression.
            let dates = joined.utf8Contains(Self.nineteen) || joined.utf8Contains(Self.twenty)
                ? joined.matches(of: Self.datePattern).map { String($0.output.0) } : []
            let start = cell(dateColumns[0]) ?? dates.first
            let end = cell(dateColumns[1]) ?? (dates.count > 1 ? dates.last : nil)
            // A status printed in words wins; an icon's status is the words its legend gives it.
            let status = kind == .risk ? nil : cell(statusColumn) ?? row.icon.flatMap { legend.assignmentStatus(of: $0, at: row.line) }
            var comment = cell(commentColumn)
            if kind == .risk, let text = comment, let header = commentColumn.map({ headers[$0] }), header.hasPrefix("åtgärd") {
                comment = "Åtgärd: " + text
            }
            items.append(Assignment(
                id: "", kind: kind, title: title, status: status, statusIcon: row.icon?.colour, statusIconShape: row.icon?.shape,
                comment: comment, start: start,
                end: end, provenance: row.provenance))
        }
        return items
    }
}
