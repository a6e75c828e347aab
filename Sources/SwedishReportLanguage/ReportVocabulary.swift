import Foundation

/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet0 = TrimSet(",:*()")
/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet1 = TrimSet(":")

/// Words and phrases with a fixed role in Swedish municipal reports, shared by layout and recognisers.
public enum ReportVocabulary {
    /// Field labels that introduce text under a goal or indicator; never headings of their own.
    public static let fieldLabels: Set<String> = [
        "analys", "kommentar", "kommentarer", "förväntat resultat", "förväntade resultat", "bedömning",
        "måluppfyllelse", "indikator", "indikatorer", "nyckeltal", "aktivitet", "aktiviteter", "åtgärd", "åtgärder",
        "uppföljning", "beskrivning", "resultat", "status", "syfte", "motivering", "koppling agenda 2030",
        "ansvarig", "tidplan", "sammanfattande bedömning", "samlad bedömning", "händelser", "analys och kommentar",
    ]

    /// Words that name a table column: headers are rows made of these (and years).
    public static let columnWords: Set<String> = [
        "budget", "utfall", "prognos", "avvikelse", "avv", "avv.", "bokslut", "plan", "mål", "målvärde", "differens",
        "diff", "diff.", "status", "kommentar", "startdatum", "slutdatum", "indikator", "indikatorer", "nämndindikator",
        "årsmål", "resultat", "bedömning", "åtgärd", "beskrivning", "kontroll", "period", "periodens", "förändring",
        "riktning", "etappmål", "nyckeltal", "ansvarig", "klart", "tkr", "mnkr", "mkr", "%", "andel", "antal",
        "uppdrag", "aktivitet", "delprogram", "helår", "ack", "ack.", "jan-dec", "intäkter", "kostnader", "netto",
        "nettokostnad", "preliminärt", "föregående", "år", "jämförelse", "avstämningstillfälle", "identifierad",
        "risk", "utgift", "utgifter", "inkomster", "total", "totalt", "ram", "budgetram", "kf:s", "nämndmål",
        "senast", "uppmätta", "värde", "baslinje", "basår", "trend", "utveckling",
    ]

    /// Status words of internal-control and follow-up tables that are never headings.
    public static let statusWords: Set<String> = [
        "tillräcklig", "ej tillräcklig", "delvis tillräcklig", "godtagbar", "ja", "nej", "klart", "pågår", "påbörjad",
        "ej påbörjad", "genomförd", "ej genomförd", "ej aktuellt", "avslutad", "försenad", "pågående", "ny", "nytt",
        "avslutat",
    ]

    /// Marks printed in a table cell that holds no figure (`I.U.` = ingen uppgift).
    public static let emptyCellMarks: Set<String> = [
        "i.u.", "i.u", "iu", "u.a.", "u.p.", "e.u.", "e.t.", "uppgift saknas", "uppg.saknas",
        "..", "…", "x", "n/a", "-", "–", "—", "−",
    ]

    /// Party abbreviations that end a signature line (`Kent Waltersson (S)`).
    public static let partyAbbreviations: Set<String> = ["S", "M", "C", "L", "KD", "V", "MP", "SD", "FP", "FI"]

    /// True for a line that is a field label, with or without a trailing colon (`Analys`, `Kommentar:`).
    public static func isFieldLabel(_ text: String) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        let t = text.trimming(.whitespaces).trimming(trimSet1)
            .trimming(.whitespaces).lowercased()
        return fieldLabels.contains(t)
    }

    /// True when a line reads as a row of column headers: most tokens are column words or years.
    public static func isColumnHeaderRow(_ text: String) -> Bool {
        // Layout and recognisers ask this of nearly every line, most of them prose. The tokens are
        // counted first (a token is one that trimming leaves non-empty: not made only of the
        // trimmed ASCII marks, which lower-casing leaves alone), then lower-cased and looked up one
        // by one, and the line is turned away as soon as too many tokens are unknown for either
        // test to pass. Lower-casing maps each scalar on its own and never yields a space or a
        // slash, so lower-casing a token is lower-casing its part of the line.
        let pieces = text.split(whereSeparator: { $0 == " " || $0 == "/" })
        let count = pieces.reduce(0) { $0 + ($1.utf8.allSatisfy(trimSet0ASCII.contains) ? 0 : 1) }
        guard count >= 2 else { return false }
        var known = 0
        var years = 0
        var unknown = 0
        for piece in pieces where !piece.utf8.allSatisfy(trimSet0ASCII.contains) {
            let token = trimSet0.trim(piece.lowercased())
            let year = isYear(token)
            if year { years += 1 }
            if year || columnWords.contains(token) || isYearSpan(token) {
                known += 1
                continue
            }
            unknown += 1
            // The most tokens that can still be known; the tests below with that many.
            let most = count - unknown
            let shareStillPossible = most >= 2 && Double(most) / Double(count) >= 0.6
            let yearsStillPossible = most >= 3 && count <= 8
            if !shareStillPossible && !yearsStillPossible { return false }
        }
        // Mostly column words, or a table title followed by its year columns (`Sjukfrånvaro 2022 2023 Differens`).
        return (known >= 2 && Double(known) / Double(count) >= 0.6) || (years >= 2 && known >= 3 && count <= 8)
    }

    /// The bytes of `trimSet0`'s characters (all ASCII).
    private static let trimSet0ASCII: Set<UInt8> = Set(",:*()".utf8)

    /// `2023`.
    public static func isYear<S: StringProtocol>(_ token: S) -> Bool {
        token.utf8.count == 4 && token.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (token.hasPrefix("19") || token.hasPrefix("20"))
    }

    /// `2023/24`, `2025–2029`.
    public static func isYearSpan<S: StringProtocol>(_ token: S) -> Bool {
        // Character tests, not a regular expression: this runs for every token of every table.
        let chars = Array(token)
        guard chars.count == 7 || chars.count == 9, isYear(String(chars[0..<4])), "/–-".contains(chars[4]) else { return false }
        let rest = chars[5...]
        guard rest.allSatisfy(\.isNumber) else { return false }
        return rest.count == 2 || isYear(String(rest))
    }

    /// Words of a table caption that states a unit (`Belopp i tkr`, `Nettokostnad, belopp mnkr`).
    public static func isUnitCaption(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase || first == "(", !text.hasSuffix(".") else { return false }
        let lower = text.lowercased()
        if lower.hasPrefix("belopp") { return true }
        // Every unit word contains "kr": lines without it (nearly all) skip the regular expression.
        guard text.count < 60, lower.contains("kr") else { return false }
        guard unitCaptionPattern.matches(lower) else { return false }
        // An amount (`Förskola + 6 239 tkr`, `+/- 0 tkr`) names a figure, not a table's unit:
        // a number other than a year stands right before the unit word.
        let words = lower.split(separator: " ")
        for (index, word) in words.enumerated().dropFirst() where captionUnitWords.contains(word.trimmingCharacters(in: .punctuationCharacters)) {
            let before = words[index - 1]
            if before.contains(where: \.isNumber), !isYear(before.trimmingCharacters(in: .punctuationCharacters)) { return false }
        }
        return true
    }

    /// The unit words of a caption, compiled once (`range(of:options:)` with `.regularExpression`
    /// looks the pattern up on every call).
    static let unitCaptionPattern = try! NSRegularExpression(
        pattern: #"(^|[\s(,])("# + (captionUnitWords + ["tusental kronor", "miljoner kronor"]).joined(separator: "|") + #")([\s),.]|$)"#)

    /// The abbreviated units a table's caption states (`Belopp i tkr`).
    static let captionUnitWords = ["tkr", "mnkr", "mkr"]

    /// True for a signature line: a name followed by a party in parentheses.
    public static func isSignature(_ text: String) -> Bool {
        let t = text.trimming(.whitespaces)
        guard t.hasSuffix(")"), let open = t.lastIndex(of: "(") else { return false }
        let party = t[t.index(after: open)..<t.index(before: t.endIndex)]
        return partyAbbreviations.contains(String(party)) && t[..<open].split(separator: " ").count <= 4
    }
}

extension ReportVocabulary {
    /// Prepositions, lower-cased: the words after one are no subject (`Utifrån ovanstående mål`)
    /// and name no document of their own (`Uppdrag i strategisk plan`, `Bilaga till …plan`).
    public static let prepositions: Set<String> = [
        "utifrån", "av", "för", "till", "mot", "med", "inom", "enligt", "om", "från", "i", "på", "genom", "efter",
    ]
}

/// The names documents give themselves: a noun for a kind of document, alone or at the end of a
/// compound (`uppföljning` in `månadsuppföljning`, `plan` in `biblioteksplan`), with the
/// adjectives printed before it (`Fördjupad månadsuppföljning`, `Ekonomisk uppföljning`).
public enum DocumentNames {
    /// Nouns that name a kind of document, lower-cased.
    public static let nouns = [
        "uppföljning", "berättelse", "redovisning", "redogörelse", "rapport", "bokslut", "budget", "plan", "strategi",
        "program", "policy", "riktlinjer", "utredning", "analys", "skrivelse", "protokoll", "taxa", "reglemente",
        "kalkyl", "underlag", "granskning", "utlåtande", "yttrande", "prognos", "avtal", "handbok", "instruktion",
        "kontrakt", "ansökan", "anmälan", "överenskommelse",
    ]
    /// Endings of the adjectives that go with a document's name (`fördjupad`, `ekonomisk`,
    /// `reviderad`, `kommunövergripande`).
    static let adjectiveEndings = ["ad", "ade", "isk", "iska", "lig", "liga", "ig", "iga", "ell", "ella", "ande", "ende", "iv", "iva"]
    /// Adjectives taken before a document's name, at most.
    static let mostAdjectives = 2

    /// The document name among a line's words, as printed with its first letter in capitals
    /// (`Fördjupad månadsuppföljning april 2026` → `Fördjupad månadsuppföljning`, `VA-taxa 2027`
    /// → `VA-taxa`, `FÖRDJUPAD MÅNADSUPPFÖLJNING` → `Fördjupad månadsuppföljning`); nil when the
    /// line names no document, or names another one after a preposition.
    public static func name(in words: [String]) -> String? {
        let lower = words.map { $0.lowercased() }
        guard let at = lower.firstIndex(where: { word in word.count >= 4 && nouns.contains { word.hasSuffix($0) } }) else { return nil }
        var start = at
        while start > 0, at - start < mostAdjectives, lower[start - 1].count > 3,
            adjectiveEndings.contains(where: lower[start - 1].hasSuffix)
        {
            start -= 1
        }
        // After a preposition the name is another document's (`Uppdrag i strategisk plan`).
        if lower[..<start].contains(where: ReportVocabulary.prepositions.contains) { return nil }
        // As printed, but a name printed in capitals (`FÖRDJUPAD MÅNADSUPPFÖLJNING`) in lower case.
        let printed = words[start...at].joined(separator: " ")
        let phrase = printed.contains(where: \.isLowercase) ? printed : printed.lowercased()
        return phrase.prefix(1).uppercased() + phrase.dropFirst()
    }
}

extension ReportVocabulary {
    /// Word parts of the things status icons assess or explain: goals (`mål`, `nämndmål`,
    /// `måluppfyllelse`), assignments and activities, controls and risks, indicators, and the
    /// assessments and legends themselves.
    public static let statusIconContexts = [
        "mål", "uppdrag", "aktivitet", "åtgärd", "kontroll", "risk", "indikator", "nyckeltal", "bedöm", "uppfyll",
        "uppnå", "status", "förklaring",
    ]

    /// True when a page's text speaks of something a status icon could assess or explain: only
    /// there is a page rendered to find icons drawn as pictures.
    public static func mayShowStatusIcons(_ pageText: String) -> Bool {
        let lower = pageText.lowercased()
        return statusIconContexts.contains { lower.contains($0) }
    }
}

extension ReportVocabulary {
    /// Abbreviations that end on a full stop without ending a sentence (`Tillämpningsområde m.m.`).
    public static let closingAbbreviations: Set<String> = [
        "m.m.", "m.fl.", "o.s.v.", "osv.", "etc.", "bl.a.", "t.ex.", "resp.", "ca.", "jfr.", "mfl.", "mm.",
    ]

    /// True when a text's final full stop belongs to an abbreviation, not to a sentence.
    public static func endsWithAbbreviation(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last else { return false }
        return closingAbbreviations.contains(last.lowercased())
    }
}

/// The kinds of kommunalförbund, a federation of municipalities that reports for itself: the
/// word that ends its name (`Mitt Gävleborgs Räddningstjänstförbund`).
public enum FederationVocabulary {
    public static let kinds: Set<String> = [
        "räddningstjänstförbund", "räddningsförbund", "brandförsvarsförbund", "kommunalförbund", "samordningsförbund",
        "utbildningsförbund", "gymnasieförbund", "vårdförbund", "sjukvårdsförbund", "miljöförbund", "avfallsförbund",
        "renhållningsförbund", "vattenförbund", "överförmyndarförbund",
    ]

    /// Whether a word, in any case, names a kind of kommunalförbund.
    public static func isKind(_ word: String) -> Bool { kinds.contains(word.lowercased()) }
}
