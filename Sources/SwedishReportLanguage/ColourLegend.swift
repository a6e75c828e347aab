import Foundation

/// A legend that names its status colours in words instead of drawing them: `Grön = uppfyllt,
/// gul = delvis uppfyllt, röd = ej uppfyllt`, `Grönt: målet är uppnått`, `Röd färg betyder att
/// målet inte är uppfyllt`. Each entry is a colour and the assessment it stands for.
public enum ColourLegend {
    /// Colour words in each form, with the colour they name (as the model's `StatusIcon` names
    /// it). Orange is the middle light of a traffic light, as yellow is.
    public static let colours: [String: String] = [
        "grön": "green", "grönt": "green", "gröna": "green",
        "gul": "yellow", "gult": "yellow", "gula": "yellow", "orange": "yellow",
        "röd": "red", "rött": "red", "röda": "red",
        "grå": "grey", "grått": "grey", "gråa": "grey",
        "blå": "blue", "blått": "blue", "blåa": "blue",
    ]
    /// Nouns a colour word may take before its meaning (`Grön färg =`, `Röd markering:`).
    static let colourNouns: Set<String> = ["färg", "markering", "cirkel", "symbol", "ruta", "pil"]
    /// Marks that join a colour to its meaning.
    static let joiningMarks: Set<String> = ["=", ":", "–", "-", "—"]
    /// Words that join a colour to its meaning (`Röd betyder …`), with an `att` after them or not.
    static let joiningWords: [[String]] = [["betyder"], ["innebär"], ["står", "för"], ["motsvarar"], ["visar"]]

    public struct Entry: Sendable, Hashable {
        /// The colour's name (`green`, `yellow`, `red`, `grey`, `blue`).
        public var colour: String
        public var kind: AssessmentKind
        /// The entry as printed (`gul = delvis uppfyllt`).
        public var printed: String
    }

    /// The entries of a text that is a legend of colour words, in order; empty for any other
    /// text. Entries are parted by commas, semicolons and sentence ends.
    public static func entries(in text: String) -> [Entry] {
        var found: [Entry] = []
        for piece in text.split(whereSeparator: { ",;\n".contains($0) }).flatMap({ $0.components(separatedBy: ". ") }) {
            var printed = piece.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ".!"))
            // `Grön=uppfyllt` is `Grön = uppfyllt`.
            var tokens = printed.lowercased().replacingOccurrences(of: "=", with: " = ").split(separator: " ").map(String.init)
            // A legend may follow an introduction (`Bedömningen görs enligt följande: Grön = …`).
            if let start = tokens.indices.dropFirst().first(where: { tokens[$0 - 1].hasSuffix(":") && colours[tokens[$0]] != nil }),
                colours[tokens[0].trimmingCharacters(in: CharacterSet(charactersIn: ":="))] == nil
            {
                tokens.removeFirst(start)
                if let colon = printed.range(of: ":") { printed = printed[colon.upperBound...].trimmingCharacters(in: .whitespaces) }
            }
            guard let first = tokens.first else { continue }
            // `Grön:` and `Grön=` carry their joining mark.
            var colourWord = first, joined = false
            if let mark = first.last, joiningMarks.contains(String(mark)) {
                colourWord = String(first.dropLast())
                joined = true
            }
            guard let colour = colours[colourWord] else { continue }
            tokens.removeFirst()
            if !joined, let noun = tokens.first, colourNouns.contains(noun.trimmingCharacters(in: CharacterSet(charactersIn: ":="))) {
                if let mark = noun.last, joiningMarks.contains(String(mark)) { joined = true }
                tokens.removeFirst()
            }
            if !joined {
                if let mark = tokens.first, joiningMarks.contains(mark) {
                    tokens.removeFirst()
                } else if let words = joiningWords.first(where: { tokens.starts(with: $0) }) {
                    tokens.removeFirst(words.count)
                    if tokens.first == "att" { tokens.removeFirst() }
                } else {
                    continue
                }
            }
            let meaning = tokens.joined(separator: " ")
            guard !meaning.isEmpty else { continue }
            // A phrase is looked up as a cell prints it, with a capital.
            if let phrase = AssessmentVocabulary.assessment(inLine: meaning.prefix(1).uppercased() + meaning.dropFirst()) {
                found.append(Entry(colour: colour, kind: phrase.kind, printed: printed))
            } else if let prose = ProseAssessment.find(in: meaning) {
                found.append(Entry(colour: colour, kind: prose.kind, printed: printed))
            }
        }
        return found
    }
}
