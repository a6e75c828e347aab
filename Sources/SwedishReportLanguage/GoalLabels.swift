import Foundation

/// A goal line as printed: its level label, its number and its title.
public struct GoalLabel: Sendable, Hashable {
    /// The level label (`KF:s inriktningsmål`, `Nämndmål`, `Kommunstyrelsens mål`), nil for a numbered goal without one.
    public var level: String?
    /// The goal's number (`3.1.1`), nil where none is printed.
    public var ref: String?
    /// The title text on this line (the rest may wrap onto the next lines).
    public var title: String
}

/// Recognises goal lines from the Swedish vocabulary of goal levels, not from any one report's strings.
///
/// A level label is a phrase whose head word ends in `mål` (inriktningsmål, nämndmål, verksamhetsmål,
/// kommunfullmäktigemål, `mål` itself), optionally after a genitive owner (`KF:s`, `Kommunstyrelsens`,
/// `Nämndens`) and before a qualifier (`för verksamhetsområdet`); or the area words `Målområde`,
/// `Fokusområde`, `Perspektiv`. The label ends at a colon, a number or a dash.
public enum GoalLabels {
    static let labelPattern = #"""
    ^(?<label>(?:(?:[A-ZÅÄÖ][\p{L}\-]*\s+(?:kommuns|stads|stadens|regionens)|[A-ZÅÄÖ][\p{L}\-]*:s|[A-ZÅÄÖ][\p{L}\-]*s|[A-ZÅÄÖ][\p{L}\-]*(?:ande|ade|iska|iga|ska))\s+)?(?:[\p{L}\-]*mål|Mål|MÅL|[A-ZÅÄÖ][\p{L}]*målet|Målområde|Fokusområde|Perspektiv|Strategiskt mål|Övergripande mål|Prioriterat mål)(?:\s+för\s+[\p{L}\- ]{3,40}?)?)\s*(?:(?::\s*(?<ref1>\d+(?:\.\d+)*(?!\d))?\.?\s*(?:[-–]\s+)?)|(?:\s+(?<ref2>\d+(?:\.\d+)*)(?!\d)\.?\s*(?:[-–:]\s*)?)|(?:\s+[-–]\s+))(?<title>\S.*)$
    """#
    static let labelRegex = try! NSRegularExpression(pattern: labelPattern)
    static let areaPattern = try! NSRegularExpression(
        pattern: #"^(?<label>Målområde|Fokusområde|Perspektiv|Målområdet|Utvecklingsområde|Insatsområde)\s*:?\s+(?<title>[A-ZÅÄÖ][\p{L}\- ,&]*)$"#)
    static let numberedPattern = try! NSRegularExpression(pattern: #"^(?<ref>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?<title>[A-ZÅÄÖ].*)$"#)

    /// Literals one of which every match of `labelRegex` or `areaPattern` contains, as UTF-8.
    static let labelLiterals: [[UInt8]] = ["ål", "ÅL", "Fokusområde", "Perspektiv", "Utvecklingsområde", "Insatsområde"].map { Array($0.utf8) }

    /// Words that may end a level label without being a goal level (`Inom målet`, `mot målet`).
    static let rejectedHeads: Set<String> = ["målet", "målen", "delmålet"]

    /// Reads a labelled goal line (`Nämndmål: 3.1.1 Alla ska …`, `Kommunstyrelsens mål 1 - …`, `Målområde Samhälle`).
    public static func labelledGoal(in line: String) -> GoalLabel? {
        // Both expressions match code points literally and case-sensitively, and every match
        // holds one of these words (`mål`, `Mål`, `MÅL` all end in ål/ÅL): a line with none of
        // them (nearly all) cannot match, and is turned away before the expressions run.
        guard labelLiterals.contains(where: line.utf8Contains) else { return nil }
        let text = line.trimming(.whitespaces)
        let range = NSRange(text.startIndex..., in: text)
        // A goal area with a short name: `Målområde Samhälle`, `Fokusområde: Livsmiljö`.
        if let match = areaPattern.firstMatch(in: text, range: range),
            let labelRange = Range(match.range(withName: "label"), in: text),
            let titleRange = Range(match.range(withName: "title"), in: text)
        {
            let title = String(text[titleRange]).trimming(.whitespaces)
            if title.split(separator: " ").count <= 4 {
                return GoalLabel(level: String(text[labelRange]), ref: nil, title: title)
            }
            return nil
        }
        if let match = labelRegex.firstMatch(in: text, range: range),
            let labelRange = Range(match.range(withName: "label"), in: text),
            let titleRange = Range(match.range(withName: "title"), in: text)
        {
            let label = String(text[labelRange]).trimming(.whitespaces)
            let head = label.split(separator: " ").last.map { String($0).lowercased() } ?? ""
            if rejectedHeads.contains(head) { return nil }
            // Owners must be a body that sets goals, not an arbitrary word ending in s ("Alltmer mål").
            let words = label.split(separator: " ")
            let municipalOwner = words.count >= 3 && ["kommuns", "stads", "stadens", "regionens"].contains(words[1].lowercased())
            if words.count >= 2, let first = words.first, !first.hasSuffix(":s"), !municipalOwner {
                let owner = first.lowercased()
                let bodies = ["kommunstyrelsens", "nämndens", "styrelsens", "förvaltningens", "kommunfullmäktiges", "fullmäktiges", "kommunens", "regionens", "förbundets", "bolagets"]
                let describesLevel = head == "mål" || owner.hasSuffix("ande") || owner.hasSuffix("ade") || owner.hasSuffix("iska") || owner.hasSuffix("iga") || owner.hasSuffix("ska")
                if !bodies.contains(where: { owner == $0 }) && !owner.hasSuffix("nämndens") && !owner.hasSuffix("styrelsens") && !describesLevel {
                    // "Kommunövergripande mål" is one label; anything else needs a known owner.
                    if !(words.count == 2 && head == "mål") { return nil }
                }
            }
            var ref: String?
            for name in ["ref1", "ref2"] {
                if let r = Range(match.range(withName: name), in: text) { ref = String(text[r]) }
            }
            let title = String(text[titleRange]).trimming(.whitespaces)
            // `Mål 6 handlar om …`: a sentence about goal 6 goes on in lower case where a goal's
            // title, after its number and no colon or dash, starts a new phrase in upper case.
            if let refRange = Range(match.range(withName: "ref2"), in: text), title.first?.isLowercase == true,
                !text[refRange.upperBound..<titleRange.lowerBound].contains(where: { "-–:".contains($0) })
            {
                return nil
            }
            // A bare "Mål 2023" is a column header, not a goal.
            if head == "mål" && words.count == 1 && ReportVocabulary.isYear(ref ?? "") { return nil }
            if title.isEmpty || ReportVocabulary.isColumnHeaderRow(text) { return nil }
            // A number is no title (`Nämndmål: 12`: the goal's title is printed below).
            if title.allSatisfy({ $0.isNumber || $0 == "." }) { return nil }
            // The area words take a short name, not a sentence ("Målområde samhälle beskriver vad …").
            if ["målområde", "fokusområde", "perspektiv"].contains(head), ref == nil,
                !text.contains(":"), title.split(separator: " ").count > 4
            {
                return nil
            }
            if ["målområde", "fokusområde", "perspektiv"].contains(head), let first = title.first, first.isLowercase {
                return nil
            }
            return GoalLabel(level: label, ref: ref, title: title)
        }
        return nil
    }

    /// A goal's label and number with nothing after them (`MÅL 11`, `Långsiktigt mål nr 2`,
    /// `Nämndmål 3`): the goal whose title is printed on the lines below. The level comes back
    /// capitalised (`Mål`, `Långsiktigt mål`).
    public static func labelOnly(_ line: String) -> (level: String, ref: String)? {
        // The label ends in a number: a line whose last character is ASCII and neither a digit
        // nor a line break (nearly all) cannot match.
        if let last = line.last?.asciiValue, !(0x30...0x39).contains(last), !(0x0A...0x0D).contains(last) { return nil }
        guard let match = line.firstMatch(of: labelOnlyPattern) else { return nil }
        let label = String(match.output.label).lowercased()
        return (label.prefix(1).uppercased() + label.dropFirst(), String(match.output.ref))
    }

    nonisolated(unsafe) static let labelOnlyPattern = /^(?<label>[\p{L}:\- ]*?mål)\s+(?:nr\.?\s*|nummer\s+)?(?<ref>\d{1,2})$/.ignoresCase()

    /// Whether a label is one of the fields a report's form prints under each goal (`Analys`,
    /// `Kommentar`, `Måluppfyllelse`, `Indikatorer`).
    public static func isGoalFormField(_ label: String) -> Bool {
        goalFormFields.contains(label.trimming(.whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ":")).lowercased())
    }

    static let goalFormFields: Set<String> = [
        "analys", "kommentar", "måluppfyllelse", "bedömning", "indikatorer", "indikator", "aktiviteter", "förväntat resultat",
    ]

    /// A goal label for a target year with its title on the lines below (`Mål till 2030:`,
    /// `Delmål 2025:`, `Etappmål för 2035:`): the label, capitalised, as the goal's level.
    public static func targetYearLabel(_ line: String) -> String? {
        let text = line.trimming(.whitespaces)
        guard text.hasSuffix(":"), text.count <= longestTargetYearLabel else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = targetYearPattern.firstMatch(in: text, range: range),
            let labelRange = Range(match.range(withName: "label"), in: text)
        else { return nil }
        let label = String(text[labelRange])
        return label.prefix(1).uppercased() + label.dropFirst()
    }

    /// A target-year label is a short line (`Kommunens etappmål till 2030:`).
    static let longestTargetYearLabel = 40

    static let targetYearPattern = try! NSRegularExpression(
        pattern: #"^(?<label>(?:[\p{L}]+\s+)?[\p{L}]*mål(?:\s+(?:till|för|år))?\s+(?:19|20)\d\d)\s*:$"#, options: [.caseInsensitive])

    /// A paragraph that opens a list of goals (`Kommunens mål för cykling är att;`, `Per
    /// verksamhet finns följande mål:`): it ends in a colon or semicolon with a goal word as its
    /// subject or after `följande`. Returns the goals' level (`Mål`, `Inriktningsmål`).
    public static func goalListLevel(introducedBy paragraph: String) -> String? {
        let text = paragraph.trimming(.whitespaces)
        guard let last = text.last, last == ":" || last == ";" else { return nil }
        let sentence = text.split(separator: ".").last.map(String.init) ?? text
        let words = sentence.split(whereSeparator: \.isWhitespace).map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
        guard words.count <= maximumListIntroductionWords else { return nil }
        func isGoalWord(_ word: String) -> Bool {
            word == "mål" || word == "målen" || word.hasSuffix("mål") && !rejectedGoalWords.contains(word)
        }
        // The goal word is the subject (among the first words) or what `följande` names.
        // (After a preposition a goal word is no subject: `Utifrån ovanstående mål har …`.)
        let subject = words.prefix(subjectWords).firstIndex(where: isGoalWord)
            .flatMap { at in words[..<at].contains(where: ReportVocabulary.prepositions.contains) ? nil : at }
        let named = words.indices.dropFirst().first { words[$0 - 1] == "följande" && isGoalWord(words[$0]) }
        guard let at = subject ?? named else { return nil }
        let word = words[at] == "målen" ? "mål" : words[at]
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// A list's introduction is one short sentence.
    static let maximumListIntroductionWords = 12
    /// The subject of an introduction stands among its first words (`Kommunens mål för …`).
    static let subjectWords = 3
    /// Words ending in `mål` that name no goal: a town (Åmål), meals (mellanmål, kvällsmål).
    static let rejectedGoalWords: Set<String> = ["åmål", "mellanmål", "kvällsmål"]

    /// The goal a sentence states (`Nämndens kompetensförsörjningsmål är att verksamheterna har …`):
    /// its subject as the level and what follows `är att` as the title; nil for any other sentence.
    public static func statedGoal(in sentence: String, longestSubject: Int = longestStatedGoalSubject) -> (level: String, title: String)? {
        let text = sentence.trimming(.whitespaces)
        guard let verb = text.range(of: " är att ") else { return nil }
        let subject = text[..<verb.lowerBound]
        let subjectWords = subject.split(separator: " ")
        guard (1...longestSubject).contains(subjectWords.count), let head = subjectWords.last?.lowercased(),
            head.hasSuffix("mål") || head == "målet", subject.first?.isUppercase == true
        else { return nil }
        var title = String(text[verb.upperBound...]).trimming(.whitespaces)
        if title.hasSuffix(".") { title.removeLast() }
        return title.split(separator: " ").count >= shortestStatedGoalTitle ? (String(subject), title) : nil
    }

    /// The subject of a stated goal is a few words (`Nämndens kompetensförsörjningsmål`).
    public static let longestStatedGoalSubject = 3
    /// Words the subject of a goal stated just before the sentence that assesses it may take
    /// (`Lagkravet och nämndens långsiktiga mål`).
    public static let longestAntecedentSubject = 6
    /// How a paragraph opens when it states what the goal is (`Målet är en mer sammanhållen …`).
    public static let goalOpenings = ["Målet är en ", "Målet är ett "]
    /// A stated goal's title says something: a phrase of a few words at least.
    static let shortestStatedGoalTitle = 3

    /// Reads a numbered line (`1. Alingsås växer …`, `3.2 I Stockholm …`); whether it is a goal depends on context.
    public static func numberedLine(_ line: String) -> GoalLabel? {
        let text = line.trimming(.whitespaces)
        let range = NSRange(text.startIndex..., in: text)
        guard let match = numberedPattern.firstMatch(in: text, range: range),
            let refRange = Range(match.range(withName: "ref"), in: text),
            let titleRange = Range(match.range(withName: "title"), in: text)
        else { return nil }
        return GoalLabel(level: nil, ref: String(text[refRange]), title: String(text[titleRange]))
    }
}
