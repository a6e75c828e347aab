import Foundation

/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet0 = TrimSet(" .!:;\t")

/// The normalised assessment of a goal, as named in the model's JSON.
public enum AssessmentKind: String, Sendable, CaseIterable {
    case fulfilled, largely_fulfilled, partially_fulfilled, not_fulfilled, not_evaluated
}

/// The printed forms of a goal assessment (måluppfyllelse) and how they normalise.
public enum AssessmentVocabulary {
    /// Phrases, lower-cased, each with its meaning. Matched as whole phrases, longest first.
    static let phrases: [(String, AssessmentKind)] = [
        ("i hög grad uppfyllt", .largely_fulfilled), ("uppfylls i hög grad", .largely_fulfilled),
        ("i hög grad uppfyllda", .largely_fulfilled), ("till stor del uppfyllt", .largely_fulfilled),
        ("uppfylls till stor del", .largely_fulfilled), ("i stort sett uppfyllt", .largely_fulfilled),
        ("nästan uppfyllt", .largely_fulfilled), ("i hög grad uppnått", .largely_fulfilled),
        ("uppfylls helt", .fulfilled), ("helt uppfyllt", .fulfilled), ("helt uppfyllda", .fulfilled),
        ("målet är uppfyllt", .fulfilled), ("målet uppfylls", .fulfilled), ("uppfyllt", .fulfilled),
        ("uppfylld", .fulfilled), ("uppfyllda", .fulfilled), ("uppnått", .fulfilled), ("helt uppnått", .fulfilled),
        ("målet är uppnått", .fulfilled), ("målet nås", .fulfilled), ("uppfylls", .fulfilled),
        ("uppfylls delvis", .partially_fulfilled), ("delvis uppfyllt", .partially_fulfilled),
        ("delvis uppfyllda", .partially_fulfilled), ("delvis uppnått", .partially_fulfilled),
        ("uppfylls till viss del", .partially_fulfilled), ("till viss del uppfyllt", .partially_fulfilled),
        ("målet är delvis uppfyllt", .partially_fulfilled), ("delvis", .partially_fulfilled),
        ("uppfylls inte", .not_fulfilled), ("uppfylls ej", .not_fulfilled), ("ej uppfyllt", .not_fulfilled),
        ("ej uppfyllda", .not_fulfilled), ("inte uppfyllt", .not_fulfilled), ("ej uppnått", .not_fulfilled),
        ("inte uppnått", .not_fulfilled), ("målet är inte uppfyllt", .not_fulfilled), ("målet nås inte", .not_fulfilled),
        ("ej utvärderad", .not_evaluated), ("ej utvärderat", .not_evaluated), ("inte utvärderad", .not_evaluated),
        ("ej bedömd", .not_evaluated), ("ej bedömt", .not_evaluated), ("kan ej bedömas", .not_evaluated),
        ("kan inte bedömas", .not_evaluated), ("går ej att bedöma", .not_evaluated),
        ("går inte att bedöma", .not_evaluated), ("ej mätbart", .not_evaluated), ("utvärderas ej", .not_evaluated),
        ("ingen bedömning", .not_evaluated), ("ej aktuellt att bedöma", .not_evaluated),
    ]

    /// Prefixes that introduce an assessment on the same line (`Bedömning: Helt uppfyllt`).
    public static let labels = ["bedömning", "måluppfyllelse", "status", "samlad bedömning", "bedömd måluppfyllelse"]

    /// The phrases by their text, for one lookup per line.
    static let meaning: [String: AssessmentKind] = Dictionary(phrases, uniquingKeysWith: { first, _ in first })

    /// `labels`, longest first so the longest label that starts a line wins; sorted once, as
    /// `assessment(inLine:)` runs for every line.
    static let labelsLongestFirst = labels.sorted(by: { $0.count > $1.count })

    /// Reads an assessment printed at the end of a line, in the last cell of a goal table
    /// (`Alla barn ska känna sig trygga  Delvis uppfyllt`). Returns the text before it, the meaning
    /// and the phrase as printed; the phrase must start with a capital, as a cell does.
    public static func trailingAssessment(in line: String) -> (before: String, kind: AssessmentKind, printed: String)? {
        let text = line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        let lower = text.lowercased()
        for (phrase, kind) in phrases.sorted(by: { $0.0.count > $1.0.count }) where phrase.contains(" ") || phrase.count >= 6 {
            guard lower.hasSuffix(phrase) else { continue }
            let start = text.index(text.endIndex, offsetBy: -phrase.count)
            guard start > text.startIndex else { continue }
            let separator = text[text.index(before: start)]
            guard separator == " " || separator == "\t", text[start].isUppercase else { continue }
            let before = text[..<start].trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            guard !before.isEmpty else { continue }
            return (before, kind, String(text[start...]))
        }
        return nil
    }

    /// Reads a line that is nothing but an assessment (optionally after `Bedömning:`).
    ///
    /// Returns the meaning and the phrase as printed; nil when the line says anything else,
    /// so a sentence that merely contains "uppfyllt" is not mistaken for an assessment.
    public static func assessment(inLine line: String) -> (kind: AssessmentKind, printed: String)? {
        // No printed assessment, label included, is longer than this: most lines are rejected here.
        guard line.utf8.count <= 90 else { return nil }
        var text = line.trimming(.whitespacesAndNewlines)
        let lower = text.lowercased()
        for label in labelsLongestFirst where lower.hasPrefix(label) {
            let rest = text.dropFirst(label.count).trimming(.whitespaces)
            if rest.hasPrefix(":") {
                text = String(rest.dropFirst()).trimming(.whitespaces)
            }
            break
        }
        let stripped = text.trimming(trimSet0)
        // A printed assessment starts with a capital; a lower-case one is a fragment of a wrapped cell.
        guard let first = stripped.first, first.isUppercase else { return nil }
        let strippedLower = stripped.lowercased()
        // Only a line with a double space pays for Foundation's replacement.
        let utf8 = strippedLower.utf8
        let hasDoubleSpace = zip(utf8, utf8.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
        let key = hasDoubleSpace ? strippedLower.replacingOccurrences(of: "  ", with: " ") : strippedLower
        guard !key.isEmpty else { return nil }
        return meaning[key].map { ($0, stripped) }
    }
}
