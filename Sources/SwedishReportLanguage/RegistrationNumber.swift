import Foundation

/// A document's registration number (diarienummer) as Swedish municipalities print it:
/// `Dnr KS 2013/375`, `Diarienummer: BUN 2026.027`, `Dnr. SN 2024-00112`. Where the number has a
/// letter prefix, the prefix names the registry that keeps the case, which is a board's: the
/// board's initials (`BUN`, Barn- och ungdomsnämnden), or `KS`, the kommunstyrelse's registry
/// in every municipality that prefixes its numbers.
public enum RegistrationNumber {
    /// Labels that introduce a registration number, lower-cased, without their `.` or `:`.
    static let labels: Set<String> = ["dnr", "diarienummer", "diarienr", "ärendenummer", "ärendenr"]
    /// Registry prefixes that mean the same board everywhere, with the board's name as printed.
    public static let nationalRegistries: [String: String] = ["KS": "Kommunstyrelsen"]
    /// Prefixes are short runs of capitals: two to six letters.
    static let prefixLengths = 2...6

    /// The registry prefix of every labelled registration number in a text (`KS` in
    /// `Dnr. KS 2013/375`), as printed; a number without a prefix (`Dnr: 2016.127`) gives none.
    public static func registryPrefixes(in text: String) -> [String] {
        // Nearly every line lacks a label; only lines with `nr` or `nummer` are split.
        let lower = text.lowercased()
        guard lower.contains("nr") || lower.contains("nummer") else { return [] }
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }).map(String.init)
        var prefixes: [String] = []
        for index in tokens.indices.dropLast(2) {
            let label = tokens[index].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".:("))
            guard labels.contains(label) else { continue }
            let prefix = tokens[index + 1]
            guard prefixLengths.contains(prefix.count), prefix.allSatisfy({ $0.isUppercase && $0.isLetter }),
                isCaseNumber(tokens[index + 2])
            else { continue }
            prefixes.append(prefix)
        }
        return prefixes
    }

    /// Whether a line opens with a labelled registration number (`Dnr. KS 2013/375`,
    /// `Diarienummer: 2026.027`): a document's field, never a heading.
    public static func opensWithRegistrationNumber(_ text: String) -> Bool {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }).prefix(3).map(String.init)
        guard tokens.count >= 2, labels.contains(tokens[0].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".:")))
        else { return false }
        return tokens.dropFirst().contains(where: isCaseNumber)
    }

    /// `2013/375`, `2026.027`, `2024-00112`: a year, a separator and a serial number.
    static func isCaseNumber(_ token: String) -> Bool {
        // Punctuation after the number (`2013/375,`, `2013/375)`) is the sentence's.
        let parts = token.trimmingCharacters(in: CharacterSet(charactersIn: ",;:)(")).split(whereSeparator: { "/.-–".contains($0) })
        guard parts.count == 2, let year = parts.first, year.count == 4 || year.count == 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// The initials a board's name gives as a registry prefix, upper-cased: a letter for each
    /// area it is named for and one for its head word (`barn- och ungdomsnämnden` → `BUN`,
    /// `tekniska nämnden` → `TN`, `kommunstyrelsen` → `KS`). `heads` are the board words the
    /// name may end in (`nämnden`, `styrelsen`).
    public static func initials(ofBoard name: String, heads: [String]) -> String {
        let words = name.lowercased().split(separator: " ").filter { !["och", "samt"].contains($0) }
        guard let last = words.last else { return "" }
        var letters = words.compactMap(\.first).map { String($0) }
        // A compound (`ungdomsnämnden`) adds its head's letter; a bare head (`nämnden`) has it already.
        if let head = heads.first(where: { last.hasSuffix($0) }), last.count > head.count, let headLetter = head.first {
            letters.append(String(headLetter))
        }
        return letters.joined().uppercased()
    }
}
