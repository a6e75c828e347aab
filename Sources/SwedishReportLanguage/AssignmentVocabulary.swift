import Foundation

/// The words of follow-up tables: the items a report follows up (uppdrag, aktiviteter,
/// åtgärder, risks, control items, audit questions), the columns that follow them up, and the
/// statuses printed in them.
public enum AssignmentVocabulary {
    /// What a follow-up table lists, named by its item column's header.
    public enum ItemKind: String, Sendable {
        case assignment, activity, risk, control, audit
    }

    /// Item-column headers and what they list, longer words before the words they start with.
    public static let itemWords: [(String, ItemKind)] = [
        ("identifierad risk", .risk), ("risk", .risk), ("kontrollmoment", .control), ("kontrollområde", .control),
        ("revisionsfrågor", .audit), ("revisionsfråga", .audit), ("granskningsfrågor", .audit), ("granskningsfråga", .audit),
        ("uppdrag", .assignment), ("aktiviteter", .activity), ("aktivitet", .activity), ("åtgärder", .activity),
        ("åtgärd", .activity),
    ]

    /// What a table's row labels are, where the text over them names items (`Åtgärd`, `Namn på
    /// åtgärd`, `Aktiviteter 2026`): the item word opens or closes a short header (a year aside).
    /// A longer text over the labels (a caption) names nothing.
    public static func itemKind(namedByStub stub: String) -> ItemKind? {
        let words = stub.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ":,.()")) }
            .filter { !$0.isEmpty && !($0.count == 4 && $0.allSatisfy(\.isNumber)) }
        guard !words.isEmpty, words.count <= mostStubWords else { return nil }
        let joined = words.joined(separator: " ")
        return itemWords.first { phrase, _ in joined == phrase || joined.hasPrefix(phrase + " ") || joined.hasSuffix(" " + phrase) }?.1
    }

    /// The most words a header over a table's row labels has when it names the items.
    static let mostStubWords = 4

    /// Header words of the columns that follow an item up.
    public static let followUpWords = [
        "status", "kommentar", "startdatum", "slutdatum", "avvikelse", "beskrivning", "kontroll", "bedömning", "resultat",
        "åtgärd", "ansvarig", "klart", "tidplan", "uppföljning", "svar", "iakttagelser", "iakttagelse",
    ]

    /// Whether a lower-cased header word is a follow-up column's head word.
    public static func isFollowUpHead(_ word: String) -> Bool {
        followUpWords.contains { isHead(word, of: $0) }
    }

    /// Whether a lower-cased header word is `head`: the word itself, or the word cut short where
    /// a narrow cell broke it over two lines (`Startdatu` / `m`); never a longer word that
    /// starts like it (`Slutsats` is no `slut`).
    public static func isHead(_ word: String, of head: String) -> Bool {
        word == head || word.count >= leastCutHeadLetters && word.count < head.count && head.hasPrefix(word)
    }

    /// The fewest letters a header word cut short keeps and still names its column.
    static let leastCutHeadLetters = 6

    /// Header words of the column that holds an item's status.
    public static let statusColumnWords = ["status", "avvikelse", "bedömning"]
    /// Header words of the column that holds an item's comment or answer.
    public static let commentColumnWords = ["kommentar", "åtgärd", "resultat", "uppföljning", "svar", "iakttagelse"]
    /// Header words of the start and end date columns.
    public static let startColumnWords = ["startdatum", "start"]
    public static let endColumnWords = ["slutdatum", "slut", "klart"]

    /// Phrases that give an assignment: a group holding one starts a new item.
    public static let assignmentPhrases = ["i uppdrag", "uppdras", "ges uppdrag", "får uppdraget"]

    /// Printed statuses of assignments.
    public static let statusPhrases = [
        "klart", "blir klart i år", "troligen klart i år", "blir inte klart i år", "ej påbörjat", "ej påbörjad", "påbörjat",
        "pågår", "avslutat", "genomfört", "delvis genomfört", "ej genomfört", "försenat", "utgår", "ej klart",
    ]
}
