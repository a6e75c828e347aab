import Foundation

/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet0 = TrimSet(":*")

/// The words of Swedish table headers and rows: which start a column, what a column measures,
/// which rows are sums, which cells hold no number.
///
/// Everything here is Swedish report vocabulary, not the strings of any one report. The table
/// stage finds tables without it; the recognisers name what it found with it.
public enum TableVocabulary {
    /// What a figure column measures, as its head word says (the model's `Measure`, by name).
    public enum ColumnMeasure: String, Sendable {
        case outcome, target, baseline, forecast, budget, other
    }

    /// Column head words and what a column headed by them measures.
    public static let heads: [String: ColumnMeasure] = [
        "utfall": .outcome, "bokslut": .outcome, "resultat": .outcome, "årsutfall": .outcome, "nuläge": .outcome,
        "ack": .outcome, "ack.": .outcome, "ackumulerat": .outcome, "mätvärde": .outcome, "helårsutfall": .outcome,
        "värde": .outcome, "uppmätt": .outcome,
        "budget": .budget, "plan": .budget, "ram": .budget, "budgetram": .budget, "årsbudget": .budget,
        "helårsbudget": .budget, "periodbudget": .budget,
        "prognos": .forecast, "helårsprognos": .forecast, "årsprognos": .forecast,
        "mål": .target, "målvärde": .target, "årsmål": .target, "etappmål": .target, "målnivå": .target,
        "riktning": .target, "målsättning": .target,
        "baslinje": .baseline, "basår": .baseline, "startvärde": .baseline, "utgångsvärde": .baseline,
        "utgångsläge": .baseline, "referensvärde": .baseline,
        "avvikelse": .other, "avv": .other, "avv.": .other, "diff": .other, "diff.": .other, "differens": .other,
        "förändring": .other, "förändr.": .other, "skillnad": .other, "budgetavvikelse": .other,
        "prognosavvikelse": .other, "period": .other, "antal": .other, "andel": .other,
        "not": .other, "noter": .other,
        "datum": .other, "startår": .other, "slutår": .other,
    ]

    /// True for a head word of a column holding the difference of two others, compounds
    /// included (`Budgetavvikelse`, `Prognosavvikelse`).
    public static func isDifferenceHead(_ lower: String) -> Bool {
        differenceHeads.contains(lower) || lower.hasSuffix("avvikelse")
    }

    /// Head words of columns that hold the difference of two others (`Avv. Bokslut 2023/ Budget 2023`).
    public static let differenceHeads: Set<String> = [
        "avvikelse", "avv", "avv.", "diff", "diff.", "differens", "förändring", "förändr.", "skillnad",
        "budgetavvikelse", "prognosavvikelse",
    ]

    /// Columns whose cells are labels of the row, not figures (`Period`: `VB 2023`; `Not`: the
    /// number of the note that explains the row, in the financial statements).
    public static let textHeads: Set<String> = ["period", "not", "noter"]

    /// Whether a lower-cased header word names a column of dates (`Datum`, `Startdatum`,
    /// `Uppföljningsdatum`, `Startår`): a date, printed `2026-04-01` or `260401`, is no amount.
    public static func isDateHead(_ word: String) -> Bool {
        word.hasSuffix("datum") || word == "startår" || word == "slutår"
    }

    /// Words that open a column and bind to the head word after them (`Periodens utfall`, `KF:s årsmål`).
    public static let modifiers: Set<String> = [
        "periodens", "preliminärt", "preliminär", "prel.", "prel", "reviderad", "ursprunglig", "justerad",
        "föregående", "senaste", "senast", "beräknat", "beräknad", "förväntat",
    ]

    /// Words that keep the next head word in the same column (`Avvikelse från bokslut`).
    public static let binders: Set<String> = ["från", "mot", "jämfört", "med", "per", "i", "av", "och", "vs", "vs."]

    /// Units printed in headers or after numbers: the units numbers are printed with, and the
    /// abbreviation `st.` a header may add.
    public static let units: Set<String> = Set(SwedishNumber.units).union(["st."])

    /// Cells that say a number is missing (`I.U.`: ingen uppgift): the empty-cell marks that
    /// are not dashes, and words that say so when they are a cell's whole text but end
    /// sentences too (`ej`, `saknas`), so that layout does not take them for marks.
    public static let missingMarkers: Set<String> = ReportVocabulary.emptyCellMarks.subtracting(dashes)
        .union(["ej", "saknas", "*"])

    /// Cells that are an empty cell written as a dash.
    public static let dashes: Set<String> = ["-", "–", "—", "−"]

    /// Comparators that may stand as their own token before a number.
    public static let comparatorTokens: Set<String> = [
        "≤", "≥", "<", ">", "<=", ">=", "~", "ca", "ca.", "±", "+/-", "+/–",
    ]

    /// First words of rows that sum the rows above (or below), or state a result (`Netto`,
    /// `Årets resultat`): a row to show as a total. The arithmetic checks add up only rows
    /// that add (`TableWords.additionWords`), since a result row is not a sum of the rows over it.
    public static let sumWords: Set<String> = [
        "summa", "totalt", "total", "totala", "netto", "nettokostnad", "nettokostnader", "resultat", "årets",
    ]

    /// Word stems of rows that state a cost (`Personalkostnader`, `Verksamhetens nettokostnader`):
    /// reports print costs negative or positive by their own convention, so a comparison across
    /// reports reads them one way.
    public static let costStems: [String] = ["kostnad", "kostnader", "utgift", "utgifter"]

    /// Whether a row label states a cost: one of its words ends in a cost stem.
    public static func isCostLabel(_ label: String) -> Bool {
        label.lowercased().split(whereSeparator: { !$0.isLetter }).contains { word in costStems.contains { word.hasSuffix($0) } }
    }

    /// Stub-column words that make a table one of indicators (one row per indicator).
    public static let indicatorStubWords: [String] = ["indikator", "nyckeltal", "mått", "mätetal", "resultatmått"]

    /// Field labels that introduce one indicator by name (`Indikator: Företagsklimat …`).
    public static let indicatorLabels: Set<String> = [
        "indikator", "indikatorer", "nyckeltal", "mått", "mätetal", "nämndindikator", "resultatmått",
        "kf-indikator", "kf:s indikator",
    ]

    /// The measure a lower-cased header word names, if it is a head word.
    public static func measure(ofHead word: String) -> ColumnMeasure? {
        if let measure = heads[word] { return measure }
        // Compounds ending in a head word name the same thing (`helårsprognos`, `nettobudget`),
        // except goal words, which head goal columns (`nämndmål`) rather than figure columns.
        // A word can end in a suffix only if it ends in the suffix's last letter: most words stop there.
        guard let last = word.utf8.last, compoundSuffixLastBytes.contains(last) else { return nil }
        for (suffix, measure) in compoundSuffixes
        where word.hasSuffix(suffix) && word.count > suffix.count + 2 {  // suffix first: counting is the slower test
            return measure
        }
        return nil
    }

    /// Head words that compounds end in, with what the compound measures.
    static let compoundSuffixes: [(String, ColumnMeasure)] = [
        ("prognos", .forecast), ("budget", .budget), ("utfall", .outcome), ("avvikelse", .other), ("datum", .other),
    ]
    /// The last UTF-8 byte of each compound suffix (all ASCII letters).
    static let compoundSuffixLastBytes = Set(compoundSuffixes.map { $0.0.utf8.last! })

    /// `text.contains(where: \.isNumber)`, with ASCII characters tested by their code (an ASCII
    /// character is a number exactly when it is a digit) and only others by Unicode properties.
    public static func containsNumber<S: StringProtocol>(_ text: S) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
        return text.contains { character in
            if let ascii = character.asciiValue { return ascii >= 0x30 && ascii <= 0x39 }
            return character.isNumber
        }
    }

    /// Words that name the period a column covers: they sit between a head word and its year
    /// (`Budget helår 2024`, `Utfall jan–aug 2024`) or open a column of their own (`Jan-aug 2024`).
    public static let periodWords: Set<String> = [
        "helår", "helåret", "delår", "ack", "ack.", "ackumulerat", "ackumulerad", "tertial", "prel", "prel.",
        "t1", "t2", "t3", "kv1", "kv2", "kv3", "kv4", "q1", "q2", "q3", "q4", "vb", "db", "helårs",
    ]
    public static let monthStems = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

    /// True for a period word or a month span (`jan-aug`, `januari–april`, `per augusti`).
    public static func isPeriodWord(_ lower: String) -> Bool {
        if periodWords.contains(lower) { return true }
        // A span needs a hyphen or an en dash (UTF-8 E2 80 93); words without one stop here.
        guard lower.utf8.contains(where: { $0 == 0x2D || $0 == 0xE2 }) else { return false }
        let parts = lower.split(whereSeparator: { $0 == "-" || $0 == "–" })
        return parts.count == 2 && parts.allSatisfy { part in monthStems.contains { part.hasPrefix($0) } }
    }

    /// True for a word that heads a figure column.
    public static func isHead(_ word: String) -> Bool { measure(ofHead: word) != nil }

    /// True for a modifier (`Periodens`, `KF:s`).
    public static func isModifier(_ word: String) -> Bool {
        modifiers.contains(word) || (word.utf8.last == 0x73 && word.hasSuffix(":s") && word.count <= 6)
    }

    /// True for a year or a year with a slash (`2023`, `2023/`, `2023/24`, `2025–2029`).
    public static func isYearToken(_ token: String) -> Bool {
        // Years, spans and dates all start with 1 or 2 (1900s or 2000s); other words stop here.
        guard let first = token.utf8.first, first == 0x31 || first == 0x32 else { return false }
        var t = token
        while t.hasSuffix("/") || t.hasSuffix(":") || t.hasSuffix(",") { t.removeLast() }
        // A balance-sheet date heads a column as its year does (`2023-12-31`).
        return ReportVocabulary.isYear(t) || ReportVocabulary.isYearSpan(t)
            || isDate(t)
    }

    /// `2023-12-31`, by character tests (this runs for every token of every table).
    public static func isDate(_ t: String) -> Bool {
        let c = Array(t.utf8)
        guard c.count == 10, c[4] == 0x2D, c[7] == 0x2D else { return false }
        let digits = c[0..<4] + c[5..<7] + c[8..<10]
        return digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && ReportVocabulary.isYear(t.prefix(4))
            && (c[5] == 0x30 || c[5] == 0x31) && c[8] <= 0x33
    }

    /// The first year a token names.
    public static func year(in token: String) -> Int? {
        let chars = Array(token)
        guard chars.count >= 4 else { return nil }
        for start in 0...(chars.count - 4) {
            let candidate = String(chars[start..<(start + 4)])
            let before = start > 0 ? chars[start - 1] : " "
            let after = start + 4 < chars.count ? chars[start + 4] : " "
            if ReportVocabulary.isYear(candidate), !before.isNumber, !after.isNumber { return Int(candidate) }
        }
        return nil
    }

    /// True for a word that names a goal column in a goal/indicator matrix (`Nämndmål`, `Mål`, `Verksamhetsmål`).
    public static func isGoalStubWord(_ word: String) -> Bool {
        let w = word.lowercased().trimming(trimSet0)
        return w.hasSuffix("mål") && !["årsmål", "etappmål", "målvärde"].contains(w) && w != "mål"
            || w == "målområde" || w == "mål"
    }

    /// True for a word that names the indicator column (`Indikator`, `Nämndindikator`, `Nyckeltal`).
    public static func isIndicatorStubWord(_ word: String) -> Bool {
        let w = word.lowercased()
        return indicatorStubWords.contains { w.contains($0) }
    }

    /// Headings of short identifier columns printed before a table's label column: priority,
    /// status, number, code, responsibility (`Prio`, `Status`, `Proj nr`, `Id`, `Kod`, `Ansvar`).
    public static let identifierHeaders: Set<String> = [
        "nr", "nr.", "nummer", "pri", "prio", "prioritet", "prioritering", "status", "id", "kod", "ansvar", "ansv",
        "kst", "konto", "ref", "objekt", "proj", "litt", "#",
    ]

    /// True for the heading of an identifier column, letter-spaced (`Pri o`, `Stat us`) or
    /// abbreviated (`Proj Nr`, `Projektnr`, `Objektnummer`) as printed.
    public static func isIdentifierHeader(_ text: String) -> Bool {
        let key = String(text.lowercased().filter { !$0.isWhitespace && $0 != ":" && $0 != "." })
        guard !key.isEmpty, key.count <= 14 else { return false }
        if identifierHeaders.contains(key) { return true }
        // A number column named for what it numbers (`Projnr`, `Objektnummer`, `Löpnr`).
        return key.count > 2 && (key.hasSuffix("nr") || key.hasSuffix("nummer")) && key.allSatisfy(\.isLetter)
    }

    /// True for a code printed in an identifier column: one short token with a digit (`6289`,
    /// `1`, `A12`) or a capital abbreviation of up to three letters (`P`, `N`, `KS`).
    public static func isIdentifierCode(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 8, !text.contains(where: \.isWhitespace) else { return false }
        if text.contains(where: \.isNumber) { return true }
        return text.count <= 3 && text.first?.isUppercase == true && text.allSatisfy(\.isLetter)
    }

    /// The unit a caption, stub or name states (`Belopp i tkr` → tkr, `andel (%)` → %).
    public static func unit(inCaption text: String) -> String? {
        let lower = text.lowercased()
        return captionUnits.first { $0.pattern.matches(lower) }?.unit
    }

    /// The units a caption may state, in the order they are tried, each with its pattern;
    /// compiled once, as captions are tested for many lines.
    static let captionUnits: [(pattern: NSRegularExpression, unit: String)] = [
        (#"(^|[\s(,])(tkr|tusental kronor|tusentals kronor)([\s),.;]|$)"#, "tkr"),
        (#"(^|[\s(,])(mnkr|miljoner kronor)([\s),.;]|$)"#, "mnkr"),
        (#"(^|[\s(,])(mkr)([\s),.;]|$)"#, "mkr"),
        (#"(^|[\s(,])(mdkr|miljarder kronor)([\s),.;]|$)"#, "mdkr"),
        (#"\(%\)|\(procent\)|(^|\s)%$|(^|\s)i (procent|%)([\s),.;]|$)"#, "%"),
        (#"(^|[\s(,])(kr|kronor)([\s),.;]|$)"#, "kr"),
        (#"(^|[\s(,])index([\s),.;]|$)"#, "index"),
        (#"\(antal\)"#, "antal"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
}
