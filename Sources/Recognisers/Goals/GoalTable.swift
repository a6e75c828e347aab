import Foundation
import Layout
import ReportModel
import SwedishReportLanguage

/// A table that lists goals with their assessment in its last column:
///
///     Nämndmål                                          Bedömning
///     Alla barn ska känna sig trygga i förskolan        Uppfyllt
///     Andelen elever med behörighet till gymnasiet
///     ska öka                                           Ej uppfyllt
///
/// The header's first word names a goal level and another names the assessment; each row ends
/// with a printed assessment, and a row that does not continues onto the next line.
struct GoalTable {
    /// Words of the assessment column's header.
    static let assessmentHeads: Set<String> = ["bedömning", "måluppfyllelse", "status", "uppfyllelse", "resultat"]

    /// The goal level a header names (`Nämndmål`, `Mål`), when the header also has an assessment column.
    static func level(ofHeader text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count >= 2, words.count <= 8, let first = words.first else { return nil }
        // The same test the goal/indicator matrices use for their goal column.
        guard TableVocabulary.isGoalStubWord(first), first.lowercased() != "målområde" else { return nil }
        guard words.dropFirst().contains(where: { assessmentHeads.contains($0.lowercased()) }) else { return nil }
        return first.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
    }

    /// The rows under a header at `index`: goal title, assessment and the lines they span.
    static func rows(after index: Int, in layout: LayoutDocument)
        -> [(title: String, kind: AssessmentKind, printed: String, lines: Range<Int>)]
    {
        var rows: [(String, AssessmentKind, String, Range<Int>)] = []
        var pending: [String] = []
        var start = index + 1
        var line = index + 1
        let headingStarts = Set(layout.blocks.filter { $0.kind == .heading && !$0.isGoalHeading }.map(\.lineRange.lowerBound))
        while line < layout.lines.count {
            let text = layout.lines[line].text
            if headingStarts.contains(line) { break }
            if text.isEmpty {
                // A blank line between rows is fine; one inside an unfinished row ends the table.
                if !pending.isEmpty { break }
                line += 1
                start = line
                continue
            }
            if let found = AssessmentVocabulary.trailingAssessment(in: text) {
                let title = (pending + [found.before]).joined(separator: " ")
                rows.append((title, found.kind, found.printed, start..<(line + 1)))
                pending = []
                start = line + 1
            } else {
                if pending.count >= 3 { break }  // no title wraps over four lines: this is running text
                pending.append(text)
            }
            line += 1
        }
        return rows
    }
}
