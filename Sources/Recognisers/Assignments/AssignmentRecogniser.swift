import Foundation
import Layout
import ReportModel
import ReportSource
import SwedishReportLanguage
import Tables

/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet0 = TrimSet(" .")

/// Finds assignments (uppdrag), activities (aktiviteter) and internal-control items in the
/// follow-up tables that list them, with printed status, dates and comment.
///
/// Only items in such a table count: a numbered list under a heading that mentions uppdrag is a
/// statement of the assignments given, not a follow-up of them.
struct AssignmentRecogniser {
    func recognise(_ layout: LayoutDocument, goals: [GoalEntry], grids: [TableGrid] = []) -> [Assignment] {
        var items: [Assignment] = []
        // The lines each item table read from its header's words covers.
        var regions: [Range<Int>] = []
        var index = 0
        let lines = layout.lines
        // The report's legends, read once for all its tables (reading them reads every block).
        var legend: IconLegend?
        while index < lines.count {
            guard let header = AssignmentTableHeader(lines[index].text) else {
                index += 1
                continue
            }
            let end = regionEnd(from: index + 1, header: header, layout: layout)
            let groups = Self.groups(in: (index + 1)..<end, layout: layout, header: header)
            let goalId = goals.enclosing(index, in: layout)?.goal.id
            let parsedItems: [Assignment]
            let tableLegend = legend ?? IconLegend(layout: layout)
            legend = tableLegend
            if let table = MeasuredFollowUpTable(header: layout.lines[index], groups: groups, layout: layout, legend: tableLegend) {
                parsedItems = table.items(kind: header.kind)
            } else {
                parsedItems = header.kind.parse(groups, layout: layout)
            }
            for parsed in parsedItems {
                var item = parsed
                item.goalId = goalId
                items.append(item)
            }
            regions.append(index..<end)
            index = end
        }
        // Tables whose header names their rows as items, where no header above was read as one.
        for grid in grids where !regions.contains(where: { $0.overlaps(grid.lines) }) {
            guard let table = GridFollowUpTable(grid) else { continue }
            let goalId = goals.enclosing(grid.lines.lowerBound, in: layout)?.goal.id
            items += table.items(layout: layout).map { parsed in
                var item = parsed
                item.goalId = goalId
                return item
            }
        }
        // Ids follow document order whichever reading found an item.
        let ordered = items.enumerated().sorted {
            ($0.element.provenance.page, $0.element.provenance.firstLine ?? 0, $0.offset)
                < ($1.element.provenance.page, $1.element.provenance.firstLine ?? 0, $1.offset)
        }.map(\.element)
        return ordered.enumerated().map { position, item in
            var numbered = item
            numbered.id = "a\(position + 1)"
            return numbered
        }
    }

    /// A table runs until the next heading, the next goal, or a different table header.
    private func regionEnd(from start: Int, header: AssignmentTableHeader, layout: LayoutDocument) -> Int {
        let headingStarts = Set(layout.blocks.filter { $0.kind == .heading }.map(\.lineRange.lowerBound))
        var index = start
        while index < layout.lines.count {
            if headingStarts.contains(index) { return index }
            let text = layout.lines[index].text
            let other = AssignmentTableHeader(text)  // read once: this runs for every line of the region
            if let other, other.kind != header.kind { return index }
            if other == nil, ReportVocabulary.isColumnHeaderRow(text) { return index }
            index += 1
        }
        return index
    }

    /// Groups of non-blank lines, leaving out repeated headers.
    static func groups(in range: Range<Int>, layout: LayoutDocument, header: AssignmentTableHeader) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for index in range {
            let line = layout.lines[index]
            let repeatedHeader = AssignmentTableHeader(line.text)?.kind == header.kind
            if line.isBlank || repeatedHeader {
                if let s = start { result.append(s..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let s = start { result.append(s..<range.upperBound) }
        return result
    }
}

/// The header row of a follow-up table: an item column and follow-up columns.
struct AssignmentTableHeader {
    enum Kind: Equatable {
        /// Items with start and end dates (`Aktivitet Startdatum Slutdatum`).
        case dated(Assignment.Kind)
        /// Items with status and comment (`Uppdrag Status Kommentar`).
        case followUp(Assignment.Kind)
        /// Internal-control risks (`Identifierad risk Beskrivning Kontroll …`).
        case risk
    }

    var kind: Kind

    static let itemWords = AssignmentVocabulary.itemWords.map { ($0.0, kind(of: $0.1)) }

    /// The model's kind of a vocabulary item kind.
    static func kind(of item: AssignmentVocabulary.ItemKind) -> Assignment.Kind {
        switch item {
        case .assignment: return .assignment
        case .activity: return .activity
        case .risk: return .risk
        case .control: return .control
        case .audit: return .audit
        }
    }
    static let followUpWords = AssignmentVocabulary.followUpWords

    /// The first UTF-8 byte each item word can start with, lower-cased: its first letter, or the
    /// base letter of a decomposed one (`a` for `å`).
    static let itemInitials = Set(itemWords.compactMap { $0.0.decomposedStringWithCanonicalMapping.utf8.first })

    init?(_ text: String) {
        // Every line is offered here. A header starts with an item word, so a line whose first
        // character (after white space) is ASCII and not the first letter of one, in either
        // case, is turned away before any lower-casing or Foundation call.
        guard let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }),
            first >= 0x80 || ((0x41...0x5A).contains(first) || (0x61...0x7A).contains(first)) && Self.itemInitials.contains(first | 0x20)
        else { return nil }
        let lower = text.trimming(.whitespaces).lowercased()
        guard let (word, itemKind) = Self.itemWords.first(where: { lower.hasPrefix($0.0 + " ") }) else { return nil }
        let rest = lower.dropFirst(word.count).split(separator: " ").map(String.init)
        let known = rest.filter { Self.followUpWords.contains($0) }
        guard !rest.isEmpty, known.count >= 1, Double(known.count) / Double(rest.count) >= 0.6 else { return nil }
        if itemKind == .risk {
            kind = .risk
        } else if rest.contains("startdatum") || rest.contains("slutdatum") {
            kind = .dated(itemKind)
        } else {
            kind = .followUp(itemKind)
        }
    }
}

extension AssignmentTableHeader.Kind {
    static let datePattern = try! NSRegularExpression(pattern: #"\b(19|20)\d\d-\d\d-\d\d\b"#)
    static let assignmentPhrases = AssignmentVocabulary.assignmentPhrases
    static let statusPhrases = AssignmentVocabulary.statusPhrases

    func parse(_ groups: [Range<Int>], layout: LayoutDocument) -> [Assignment] {
        switch self {
        case .dated(let kind): return parseDated(groups, kind: kind, layout: layout)
        case .followUp(let kind): return parseFollowUp(groups, kind: kind, layout: layout)
        case .risk: return parseRisks(groups, layout: layout)
        }
    }

    private func text(_ range: Range<Int>, _ layout: LayoutDocument) -> String {
        layout.lines[range].map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
    }

    private func parseDated(_ groups: [Range<Int>], kind: Assignment.Kind, layout: LayoutDocument) -> [Assignment] {
        var items: [Assignment] = []
        var pendingTitle: [Range<Int>] = []
        func datesIn(_ text: String) -> [String] {
            Self.datePattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .compactMap { Range($0.range, in: text).map { String(text[$0]) } }
        }
        for (position, group) in groups.enumerated() {
            let joined = text(group, layout)
            let dates = datesIn(joined)
            if dates.isEmpty {
                // Text is an item's title when its dates follow (a group that starts with a date),
                // else the comment of the item before it.
                let next = position + 1 < groups.count ? text(groups[position + 1], layout) : ""
                let nextStartsWithDate = datesIn(next).first.map { next.hasPrefix($0) } ?? false
                if items.isEmpty || !pendingTitle.isEmpty || nextStartsWithDate {
                    pendingTitle.append(group)
                } else if var last = items.popLast() {
                    last.comment = [last.comment, joined].compactMap { $0 }.joined(separator: " ")
                    items.append(last)
                }
                continue
            }
            let firstDate = joined.range(of: dates[0])!
            let before = String(joined[..<firstDate.lowerBound]).trimming(.whitespaces)
            let after = String(joined[joined.range(of: dates.last!)!.upperBound...]).trimming(.whitespaces)
            let titleParts = pendingTitle.map { text($0, layout) } + (before.isEmpty ? [] : [before])
            let lineRange = (pendingTitle.first?.lowerBound ?? group.lowerBound)..<group.upperBound
            pendingTitle = []
            guard !titleParts.isEmpty else { continue }
            items.append(Assignment(
                id: "", kind: kind, title: titleParts.joined(separator: " "), status: after.isEmpty ? nil : after,
                start: dates.first, end: dates.count > 1 ? dates.last : nil, provenance: layout.provenance(of: lineRange)))
        }
        return items
    }

    private func parseFollowUp(_ groups: [Range<Int>], kind: Assignment.Kind, layout: LayoutDocument) -> [Assignment] {
        var items: [Assignment] = []
        for group in groups {
            let joined = text(group, layout)
            let lower = joined.lowercased()
            let givesAssignment = Self.assignmentPhrases.contains { lower.contains($0) }
            if items.isEmpty || givesAssignment {
                items.append(Assignment(id: "", kind: kind, title: joined, provenance: layout.provenance(of: group)))
                continue
            }
            var last = items.removeLast()
            let trimmed = lower.trimming(trimSet0)
            if last.status == nil, last.comment == nil, Self.statusPhrases.contains(trimmed) {
                last.status = joined.trimming(trimSet0)
            } else {
                last.comment = [last.comment, joined].compactMap { $0 }.joined(separator: "\n")
            }
            items.append(last)
        }
        return items
    }

    /// A risk row: the risk's name is the group printed just before its description (`Risk för …`, `Risk att …`).
    private func parseRisks(_ groups: [Range<Int>], layout: LayoutDocument) -> [Assignment] {
        var items: [Assignment] = []
        var rowStart: Int?
        func close(upTo end: Int) {
            guard let start = rowStart else { return }
            let rowGroups = Array(groups[start..<end])
            guard let titleGroup = rowGroups.first else { return }
            let comment = rowGroups.count > 2 ? text(rowGroups.last!, layout) : nil
            let lineRange = titleGroup.lowerBound..<(rowGroups.last?.upperBound ?? titleGroup.upperBound)
            items.append(Assignment(id: "", kind: .risk, title: text(titleGroup, layout), comment: comment,
                                    provenance: layout.provenance(of: lineRange)))
        }
        for (position, group) in groups.enumerated() {
            let lower = text(group, layout).lowercased()
            let describesRisk = lower.hasPrefix("risk för") || lower.hasPrefix("risk att") || lower.hasPrefix("risken")
            if describesRisk, position > 0, rowStart != position - 1 {
                close(upTo: position - 1)
                rowStart = position - 1
            }
        }
        close(upTo: groups.count)
        return items
    }
}
