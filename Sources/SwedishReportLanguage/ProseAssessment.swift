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
    }

    /// The sentence's shape: a goal as subject, up to three words, a verb, the degree, and the
    /// word that says the goal is reached (or hard to reach). Compiled once.
    static let pattern = try! NSRegularExpression(pattern: #"(?i)(?<subject>\b(?:[\p{L}]*målet|målen|(?:[\p{L}]*mål)\s+(?:nr\.?\s+)?(?<number>\d+(?:\.\d+)*)))\s+(?:[^\s.!?]+\s+){0,3}?(?<verb>bedöms|bedömdes|anses|är|var|har|hade|blev|blir|kan)\s+(?<degree>(?:(?:inte|ej|delvis|helt|fullt|till\s+(?:stor|viss)\s+del|i\s+(?:hög|viss)\s+grad|i\s+sin\s+helhet|i\s+huvudsak|i\s+stort\s+sett|vara|ha|bli|blivit|kunna|att|som)\s+){0,5})(?<reached>uppfyllt|uppfylld|uppfyllda|uppfyllts|uppfyllas|uppnått|uppnådd|uppnådda|uppnåtts|uppnås|nått|nådd|nådda|nåtts|nås|svårt\s+att\s+nå|svårt\s+att\s+uppnå)(?<after>\s+(?:inte|ej|delvis))?\b"#)
    /// The same with the verb first, as after an adverbial (`Sammantaget bedöms målet vara uppfyllt`).
    static let invertedPattern = try! NSRegularExpression(pattern: #"(?i)\b(?<verb>bedöms|bedömdes|anses|är|var|har|hade|blev|blir|kan)\s+(?<subject>\b(?:[\p{L}]*målet|målen|(?:[\p{L}]*mål)\s+(?:nr\.?\s+)?(?<number>\d+(?:\.\d+)*)))\s+(?<degree>(?:(?:inte|ej|delvis|helt|fullt|till\s+(?:stor|viss)\s+del|i\s+(?:hög|viss)\s+grad|i\s+sin\s+helhet|i\s+huvudsak|i\s+stort\s+sett|vara|ha|bli|blivit|kunna|att|som)\s+){0,5})(?<reached>uppfyllt|uppfylld|uppfyllda|uppfyllts|uppfyllas|uppnått|uppnådd|uppnådda|uppnåtts|uppnås|nått|nådd|nådda|nåtts|nås|svårt\s+att\s+nå|svårt\s+att\s+uppnå)(?<after>\s+(?:inte|ej|delvis))?\b"#)

    /// The degree words, lower-cased, and what each says of the goal.
    static let degrees: [(String, AssessmentKind)] = [
        ("inte i sin helhet", .partially_fulfilled), ("ej i sin helhet", .partially_fulfilled),
        ("delvis", .partially_fulfilled), ("till viss del", .partially_fulfilled), ("i viss grad", .partially_fulfilled),
        ("till stor del", .largely_fulfilled), ("i hög grad", .largely_fulfilled), ("i huvudsak", .largely_fulfilled),
        ("i stort sett", .largely_fulfilled), ("inte", .not_fulfilled), ("ej", .not_fulfilled),
    ]

    /// The first sentence-level assessment of a goal in `text`, if any.
    public static func find(in text: String) -> Found? {
        // Every form names a goal (`mål…`): most paragraphs have no such word and stop here.
        guard text.contains("mål") || text.contains("Mål") || text.contains("MÅL") else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        let matches = [pattern, invertedPattern].compactMap { $0.firstMatch(in: text, range: range) }
        guard let match = matches.min(by: { $0.range.location < $1.range.location }) else { return nil }
        func group(_ name: String) -> String {
            let found = match.range(withName: name)
            guard found.location != NSNotFound, let bounds = Range(found, in: text) else { return "" }
            return String(text[bounds])
        }
        let degree = (group("degree") + " " + group("after")).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var kind = AssessmentKind.fulfilled
        if group("reached").lowercased().hasPrefix("svårt") {
            kind = .not_fulfilled
        } else if let found = degrees.first(where: { " \(degree) ".contains(" \($0.0) ") }) {
            kind = found.1
        }
        guard let whole = Range(match.range, in: text) else { return nil }
        let printed = text[whole].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let number = group("number")
        return Found(kind: kind, printed: printed, goalNumber: number.isEmpty ? nil : number)
    }
}
