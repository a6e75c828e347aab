import Foundation
import SwedishReportLanguage

/// Goals stated in running text and lists rather than under a goal label: the items of a list
/// under a heading that names a goal level, stages named inside them (`Etappmål är …`), a label
/// heading whose title follows it, and the financial goal every budget must state.
enum StatedGoal {
    // The expressions are built once: a regex literal in a function is parsed and compiled
    // again on every call, which made these tests most of the goal recogniser's time.
    // `Regex` is not marked Sendable, but it is immutable once built (its compiled program is
    // stored once, atomically), so documents read in parallel may share these.
    nonisolated(unsafe) static let sectionNumberPattern = /^\d+(\.\d+)*\.?\s+/
    nonisolated(unsafe) static let stagePattern = /^(?<level>[\p{L}]*mål)\s+(?:är|blir)\s+(?<title>.+)$/

    /// `3.4.2 LÅNGSIKTIGT MÅL NR 2` → level `Långsiktigt mål`, ref `2`: a goal whose title is printed below.
    static func labelOnly(_ heading: String) -> (level: String, ref: String?)? {
        let text = withoutSectionNumber(heading)
        if let label = GoalLabels.targetYearLabel(text) { return (label, nil) }
        return GoalLabels.labelOnly(text).map { ($0.level, $0.ref) }
    }

    /// A list item's text without its bullet (`•   Öka cyklingens …` → `Öka cyklingens …`).
    static func withoutBullet(_ item: String) -> String {
        String(item.drop { "•●▪◦-–*·".contains($0) || $0.isWhitespace })
    }

    /// True for a heading that names a goal level: a few words ending in a word ending in `mål`.
    static func namesGoalLevel(_ heading: String) -> Bool {
        let words = withoutSectionNumber(heading).split(separator: " ")
        guard (1...4).contains(words.count), let last = words.last?.lowercased() else { return false }
        return last.hasSuffix("mål") && last != "årsmål"
    }

    /// The heading without a leading section number (`3.4.2 `).
    static func withoutSectionNumber(_ heading: String) -> String {
        // Only a heading starting with a digit has a number to remove (an ASCII first character
        // that is no digit cannot start one).
        if let first = heading.first?.asciiValue, !(0x30...0x39).contains(first) { return heading }
        return heading.replacing(sectionNumberPattern, with: "")
    }

    /// A list item's goal: its first sentence, and stages it names (`Etappmål är 70 procent lägre … .`).
    static func split(_ item: String) -> (title: String, stages: [(level: String, title: String)]) {
        let sentences = self.sentences(item)
        var stages: [(String, String)] = []
        for sentence in sentences.dropFirst() {
            if let match = sentence.firstMatch(of: stagePattern) {
                stages.append((String(match.output.level), String(match.output.title)))
            }
        }
        return (sentences.first ?? item, stages)
    }

    /// A paragraph that opens by stating what the goal is (`Målet är en mer sammanhållen
    /// biblioteksverksamhet där …`): the goal, without the subject and verb. Only a bare `Målet`
    /// opening the paragraph and a noun phrase after `är en`/`är ett` count: `Målet är att …` is
    /// as often a project's purpose in a memo, and `Målet för 2030 är …` names a year's target.
    static func openingGoal(in paragraph: String) -> String? {
        guard let opening = GoalLabels.goalOpenings.first(where: paragraph.hasPrefix), var title = sentences(paragraph).first
        else { return nil }
        // The goal is the noun phrase after the verb, its article included (`en mer …`).
        title.removeFirst(opening.count - opening.split(separator: " ").last!.count - 1)
        if title.hasSuffix(".") { title.removeLast() }
        return title.split(separator: " ").count >= shortestOpeningGoalWords ? title : nil
    }

    /// A goal stated at a paragraph's opening has at least this many words (`en fossilfri
    /// fordonsflotta` is three; `ett av flera` says nothing).
    static let shortestOpeningGoalWords = 4

    /// `Det finansiella målet för god ekonomisk hushållning 2027 är ett positivt resultat på 1 procent av omsättningen.`
    static func financialGoal(in paragraph: String) -> String? {
        // Both phrases below start "finansiella mål": a paragraph without it (nearly all) has no
        // such sentence, and need not be split into sentences.
        // Lower-casing and searching a whole paragraph is costly; "finansiella" in any case (as
        // ASCII letters, which only ASCII letters lower-case to) must be there first.
        guard paragraph.utf8ContainsIgnoringASCIICase("finansiella"), paragraph.lowercased().contains("finansiella mål") else { return nil }
        for sentence in sentences(paragraph) {
            let lower = sentence.lowercased()
            guard let subject = lower.range(of: "finansiella mål"),
                let verb = lower.range(of: " är ", range: subject.upperBound..<lower.endIndex), lower.count == sentence.count
            else { continue }
            // The goal must be what `är` is said of (`Det finansiella målet för 2027 är …`), not
            // other goals in a relative clause (`fastställa finansiella mål och verksamhetsmål som är …`).
            let between = lower[subject.upperBound..<verb.lowerBound].split(separator: " ")
            guard !between.contains("som"), between.count <= 8 else { continue }
            // `De finansiella målen … är uppfyllda`, `… målen är det vår bedömning att …`: the goals
            // are judged, not stated.
            if lower[subject.upperBound...].hasPrefix("en") || lower[verb.upperBound...].hasPrefix("det ") { continue }
            let titleStart = sentence.index(sentence.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: verb.upperBound))
            var title = String(sentence[titleStart...]).trimming(.whitespaces)
            if title.hasPrefix("att ") { title.removeFirst(4) }
            if title.hasSuffix(".") { title.removeLast() }
            return title.count >= 10 ? title : nil
        }
        return nil
    }

    /// Sentences ending in a full stop followed by a capital or the end; abbreviations (`t.ex.`) do not end one.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            guard character == "." else { continue }
            let nextIndex = index + 1
            let atEnd = nextIndex >= characters.count
            let nextStarts = nextIndex + 1 < characters.count && characters[nextIndex] == " " && characters[nextIndex + 1].isUppercase
            let previousWord = current.split(separator: " ").last ?? ""
            if (atEnd || nextStarts) && previousWord.count > 3 {
                result.append(current.trimming(.whitespaces))
                current = ""
            }
        }
        let rest = current.trimming(.whitespaces)
        if !rest.isEmpty { result.append(rest) }
        return result
    }
}
