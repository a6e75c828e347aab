import Foundation

/// A goal assessed in a sentence of running text (`Målet bedöms vara uppfyllt`, `Verksamhetsmålet
/// bedöms delvis ha uppnåtts`, `Målet är inte i sin helhet uppnått`).
///
/// The sentence must say of a goal (`Målet`, `Delmålet`, `Målen`, `Mål 3`) that it is, is judged
/// to be, or has been reached, with the degree in between. A sentence that only talks about goals
/// (`Kommunen uppnår tre av fyra finansiella mål`, `Målet är att alla ska …`) assesses none.
public enum ProseAssessment {
    /// What was found: the meaning, the assessing phrase as printed, and the goal's number where
    /// the sentence names one (`Mål 3 bedöms …` → `3`).
    public struct Found: Sendable, Hashable {
        public var kind: AssessmentKind
        public var printed: String
        public var goalNumber: String?
        /// The goal word the sentence uses, lower-cased (`mål`, `delmål`, `verksamhetsmål`).
        public var goalLabel: String = "mål"
        /// What the sentence says the goal is, where it names it by its words (`Målet att fler
        /// ska välja bussen bedöms …` → `fler ska välja bussen`).
        public var goalWords: String?
    }

    // The parts of the sentences, each written once.
    /// The goal as subject: `Målet`, `Delmålen`, `Mål 3`, `Verksamhetsmål nr 2.1`.
    static let subject = #"(?<subject>\b(?:(?<label>[\p{L}]*mål)(?:et|en)|(?<labelled>[\p{L}]*mål)\s+(?:nr\.?\s+)?(?<number>\d+(?:\.\d+)*)))"#
    /// What stands between the goal and its verb: the goal named by its words (`att …`, `om …`),
    /// or up to three words (`inte`, `i år`).
    static let gap = #"(?:(?<named>(?:att|om)\s+(?:[^\s.!?]+\s+){1,14}?)|(?<gap>(?:[^\s.!?]+\s+){0,3}?))"#
    static let verb = #"(?<verb>bedöms|bedömdes|anses|ansågs|är|var|har|blev|blir)"#
    static let degree = #"(?<degree>(?:(?:inte|ej|delvis|helt|fullt|till\s+(?:stor|viss)\s+del|i\s+(?:hög|viss)\s+grad|i\s+sin\s+helhet|i\s+huvudsak|i\s+stort\s+sett|vara|ha|bli|blivit|kunna|att|som)\s+){0,5})"#
    static let reached = #"(?<reached>uppfyllt|uppfylld|uppfyllda|uppfyllts|uppfyllas|uppnått|uppnådd|uppnådda|uppnåtts|uppnås|nått|nådd|nådda|nåtts|nås|svårt\s+att\s+nå|svårt\s+att\s+uppnå)"#
    /// A negation or degree after the verb, not followed by a condition (`… inte uppfyllt om …`).
    static let after = #"(?<after>\s+(?:inte|ej|delvis))?\b(?!\s+(?:om|när|ifall|förrän|så\s+länge)\b)"#

    static func compiled(_ parts: String...) -> NSRegularExpression {
        try! NSRegularExpression(pattern: "(?i)" + parts.joined())
    }

    /// The sentence's shape: a goal as subject, up to three words, a verb, the degree, and the
    /// word that says the goal is reached (or hard to reach). Compiled once.
    static let pattern = compiled(subject, #"\s+"#, gap, verb, #"\s+"#, degree, reached, after)
    /// The goal as the subject of a finite verb that says it is reached (`Målet om minst en
    /// behörig lärare per fritidshem nås`, `Delmålet uppfylls inte`); not when what follows says how
    /// or when it will be (`nås genom …`, `uppnås senast 2030`).
    static let finitePattern = compiled(
        subject, #"\s+"#, gap,
        #"(?<reached>nås|uppnås|uppfylls|nåddes|uppnåddes|uppfylldes)\b(?!\s+(?:genom|om|när|då|först|bäst|senast|med|till|under|i|på|av|för|ska|kan)\b)(?<after>\s+(?:inte|ej|delvis)\b)?"#)
    /// A goal that could not be assessed (`Målet har inte kunnat bedömas`, `… kan inte bedömas`).
    static let unevaluatedPattern = compiled(
        subject, #"\s+"#, gap,
        #"(?<unevaluated>har\s+(?:inte|ej)\s+kunnat\s+bedömas|kan\s+(?:inte|ej)\s+bedömas|går\s+inte\s+att\s+bedöma|har\s+(?:inte|ej)\s+bedömts)\b"#)
    /// A goal said to remain a challenge (`… mål om 60 procent lärare i fritidshem kvarstår som
    /// en utmaning`, `Målet är fortsatt en utmaning`): not reached. The goal may stand without
    /// its article when its words follow (`mål om …`).
    static let challengePattern = compiled(
        #"(?<subject>\b(?<label>[\p{L}]*mål)(?:et|en)?)\s+"#, gap,
        #"(?<challenge>(?:kvarstår\s+som|(?:är|utgör)\s+(?:fortsatt|fortfarande|alltjämt))\s+en\s+(?:stor\s+)?utmaning)\b"#)
    /// The same with the verb first, as after an adverbial (`Sammantaget bedöms målet vara uppfyllt`).
    static let invertedPattern = compiled(#"\b"#, verb, #"\s+"#, subject, #"\s+"#, degree, reached, after)

    /// The degree words, lower-cased, and what each says of the goal.
    static let degrees: [(String, AssessmentKind)] = [
        ("inte i sin helhet", .partially_fulfilled), ("ej i sin helhet", .partially_fulfilled),
        ("delvis", .partially_fulfilled), ("till viss del", .partially_fulfilled), ("i viss grad", .partially_fulfilled),
        ("till stor del", .largely_fulfilled), ("i hög grad", .largely_fulfilled), ("i huvudsak", .largely_fulfilled),
        ("i stort sett", .largely_fulfilled), ("inte", .not_fulfilled), ("ej", .not_fulfilled),
    ]

    /// Words between a goal and its verb that say it is intended or foreseen, not assessed
    /// (`Målet ska vara uppnått 2030`, `… om målet hade varit uppfyllt`).
    static let intentionWords: Set<String> = ["ska", "skall", "bör", "måste", "kommer", "skulle", "hade"]

    /// Modal verbs that make a finite `nås`/`uppfylls` a possibility (`målet kan nås`).
    static let modalWords: Set<String> = ["kan", "kunde", "skulle", "borde"]

    /// The first sentence-level assessment of a goal in `text`, if any.
    public static func find(in text: String) -> Found? { findAll(in: text).first }

    /// Every sentence-level assessment of a goal in `text`, in order (a summary may assess
    /// several numbered goals).
    public static func findAll(in text: String) -> [Found] {
        // Every form names a goal (`mål…`): most paragraphs have no such word and stop here.
        guard text.contains("mål") || text.contains("Mål") || text.contains("MÅL") else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        let matches = [pattern, invertedPattern, finitePattern, unevaluatedPattern, challengePattern].flatMap { $0.matches(in: text, range: range) }
            .sorted { $0.range.location < $1.range.location }
            // One sentence read by two of the shapes counts once.
            .reduce(into: [NSTextCheckingResult]()) { kept, match in
                if let last = kept.last, NSIntersectionRange(last.range, match.range).length > 0 { return }
                kept.append(match)
            }
        return matches.compactMap { found(in: $0, of: text) }
    }

    static func found(in match: NSTextCheckingResult, of text: String) -> Found? {
        func group(_ name: String) -> String {
            let found = match.range(withName: name)
            guard found.location != NSNotFound, let bounds = Range(found, in: text) else { return "" }
            return String(text[bounds])
        }
        func words(_ text: String) -> [String] { text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init) }
        let gap = words(group("gap"))
        if gap.contains(where: intentionWords.contains) { return nil }
        // Before a finite `nås` a modal says it can be reached, not that it was (`målet kan nås`).
        if group("verb").isEmpty, gap.contains(where: modalWords.contains) { return nil }
        // `Målet att fler ska välja bussen bedöms …`: the goal named by what it says; its own
        // words (`ska`, `inte`) are no part of the assessment.
        let named = group("named").trimmingCharacters(in: .whitespaces)
        // The degree may stand before the verb, as in a clause (`att målet inte är uppfyllt`).
        let degree = (gap + words(group("degree")) + words(group("after"))).joined(separator: " ")
        var kind = AssessmentKind.fulfilled
        if !group("unevaluated").isEmpty {
            kind = .not_evaluated
        } else if group("reached").lowercased().hasPrefix("svårt") || !group("challenge").isEmpty {
            kind = .not_fulfilled
        } else if let found = degrees.first(where: { " \(degree) ".contains(" \($0.0) ") }) {
            kind = found.1
        }
        let number = group("number")
        // `Mål 2030` names a year, not a goal's number.
        if ReportVocabulary.isYear(number) { return nil }
        guard let whole = Range(match.range, in: text) else { return nil }
        let printed = text[whole].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let label = (group("label") + group("labelled")).lowercased()
        return Found(
            kind: kind, printed: printed, goalNumber: number.isEmpty ? nil : number, goalLabel: label,
            goalWords: named.isEmpty ? nil : String(named.drop { !$0.isWhitespace }).trimmingCharacters(in: .whitespaces))
    }
}
