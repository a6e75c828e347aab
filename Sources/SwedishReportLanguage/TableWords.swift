/// Swedish words that table reading needs, each list once.
public enum TableWords {
    /// Words a wrapped label or cell line ends on when the next line continues it
    /// (`Kostnader för` / `lokaler`, `Gator och` / `vägar`).
    public static let lineEndConnectors: Set<String> = [
        "och", "av", "för", "i", "till", "med", "samt", "inkl", "inkl.", "exkl", "exkl.", "per", "från", "om", "hur",
        "att", "på", "som", "eller", "vid", "inom", "mot", "en", "ett", "den", "det", "de", "utan",
    ]

    /// Words that say a table counts things (`Antal barn`, `Antal rektorer`).
    public static let countWords: Set<String> = ["antal", "antalet"]
    /// The unit of a table of counts, as answer keys and warehouses write it.
    public static let countUnit = "antal"

    /// First words of rows that add up the rows above them (`Summa`, `Totalt`, `Totala utgifter`).
    public static let additionWords: Set<String> = ["summa", "s:a", "totalt", "total", "totala", "sammanlagt", "sammantaget"]

    /// First words of the row under a vote that counts its marks (`Resultat 6 | 7 | 0` under
    /// the members' crosses in `Ja`, `Nej`, `Avstår`), besides the addition words.
    public static let tallyWords: Set<String> = ["resultat", "antal", "röster"]

    /// Marks a cell holds to say yes (a cross or a tick), counted by a tally row.
    public static let marks: Set<String> = ["x", "X", "✕", "×", "✓", "✔"]

    /// Words that make a row a part of the row above it (`varav personal`, `- därav bidrag`).
    public static let partWords: Set<String> = ["varav", "därav", "-varav", "-därav"]

    /// A row label that makes the row a part of the row above it: a part word among its first
    /// two words (`varav personal`, `- därav bidrag`, `– varav lokaler`).
    public static func isPartLabel(_ label: String) -> Bool {
        label.lowercased().split(separator: " ").prefix(2).contains { partWords.contains(String($0)) }
    }

    /// True when `text` ends on a connector word or on punctuation that wants a continuation.
    public static func endsWithConnector(_ text: String) -> Bool {
        let trimmed = text.trimming(.whitespaces)
        if let last = trimmed.last, "-–,/&".contains(last) { return true }
        let lastWord = trimmed.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return lineEndConnectors.contains(lastWord)
    }

    /// True when a text ends on an acronym and its hyphen (`… OPF-`): two capitals or more.
    static func endsWithAcronymHyphen(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last?.dropLast(), last.count >= 2 else { return false }
        return last.allSatisfy { $0.isUppercase || $0.isNumber } && last.contains(where: \.isLetter)
    }

    /// Words after which a line-end hyphen suspends a compound rather than breaking a word
    /// (`Kultur-` / `och fritidsnämnden`).
    public static let suspendedCompoundConnectors: Set<String> = ["och", "eller", "samt", "resp", "resp.", "respektive", "som", "till", "&"]

    /// Joins the lines of a wrapped label, caption or heading with one space; a line-end hyphen
    /// before a lower-case letter joins its word (`tillgänglighets-` / `anpassade`), unless the
    /// next line goes on with a connector (`Kultur-` / `och fritidsnämnden`).
    public static func joinWrapped(_ parts: [String]) -> String {
        var result = ""
        for part in parts where !part.isEmpty {
            let firstWord = part.split(separator: " ").first.map { $0.lowercased() } ?? ""
            if result.isEmpty {
                result = part
            } else if result.hasSuffix("-"), !result.hasSuffix(" -"), let first = part.first, first.isLowercase,
                !suspendedCompoundConnectors.contains(firstWord)
            {
                result = String(result.dropLast()) + part
            } else if result.hasSuffix("-"), Self.endsWithAcronymHyphen(result), part.first?.isUppercase == true {
                result += part  // an acronym's compound broken at its hyphen (`OPF-` / `KR 26`)
            } else {
                result += " " + part
            }
        }
        return result
    }

    /// A list item: a dash or bullet and a space before its text (`- transporter`, `• Förskola`).
    public static func isListItem(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return "-–•".contains(first) && text.dropFirst().first == " "
    }
}
