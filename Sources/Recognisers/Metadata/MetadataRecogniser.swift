import Foundation
import Layout
import ReportModel
import ReportSource
import SwedishReportLanguage

/// Reads municipality, board, report type, year and period from the text.
///
/// Every answer is a vote over the document's own words, with more weight for the first page,
/// headings and running headers or footers; a field with no support stays nil.
struct MetadataRecogniser {
    func recognise(_ layout: LayoutDocument, furniture: [SourceLine]) -> ReportMetadata {
        let evidence = Evidence(layout: layout, furniture: furniture)
        var metadata = ReportMetadata()
        let federation = FederationVote.best(in: evidence)
        if let federation {
            // A kommunalförbund of several municipalities reports for itself: it has no kommunkod.
            metadata.municipality = federation
        } else if let municipality = MunicipalityVote.best(in: evidence) {
            metadata.municipality = municipality.name
            metadata.municipalityCode = municipality.code
        }
        // A kommunalförbund that names no board of its own wrote the report itself.
        metadata.organisation = OrganisationVote.best(in: evidence) ?? federation
        let type = ReportTypeVote.best(in: evidence)
        metadata.reportType = type?.type
        metadata.reportKind = ReportKindVote.best(in: evidence)
        // A document that names itself, as none of the listed types, is of another type: the
        // same `other` whether its title or only its opening lines say so.
        if metadata.reportType == nil, metadata.reportKind != nil { metadata.reportType = .other }
        metadata.year = type?.year ?? YearVote.best(in: evidence)
        if metadata.reportType == .delårsrapport || metadata.reportType == .other {
            metadata.period = PeriodVote.best(in: evidence, monthly: metadata.reportType == .other)
        }
        return metadata
    }
}

/// The document's text in weighted pieces.
struct Evidence {
    struct Piece {
        let text: String
        var weight: Int
        /// A heading, a running header or footer, the document's title or file name: where a
        /// report says what it is.
        var isTitle = false
        /// One of the document's opening lines (its cover and the page after it).
        var isOpening = false
        /// The text's words as `MunicipalityVote.tokenize` splits them, computed once here
        /// because every vote walks every piece's words.
        let words: [String]
        /// `words` lower-cased, index for index, for the votes that compare lower-case words.
        let lowercasedWords: [String]

        init(text: String, weight: Int, isTitle: Bool = false, isOpening: Bool = false) {
            self.text = text
            self.weight = weight
            self.isTitle = isTitle
            self.isOpening = isOpening
            self.words = MunicipalityVote.tokenize(text)
            self.lowercasedWords = words.map { $0.lowercased() }
        }
    }

    var pieces: [Piece] = []

    /// Whether a line ends in the first half of a suspended compound (`Barn- och`, `Kultur- och`).
    static func endsInSuspendedCompound(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 2, let last = words.last, ["och", "eller", "samt"].contains(last.lowercased()) else { return false }
        return words[words.count - 2].hasSuffix("-")
    }

    /// The document's opening lines (a cover page and the page after it), where it says what it is.
    static let openingLines = 40
    /// The weight of a running header or footer, and of the title the PDF states.
    static let furnitureWeight = 5
    static let documentTitleWeight = 8

    /// Template fields that name what a report is about.
    static let fieldLabels = ["organisation:", "nämnd:", "styrelse:", "förvaltning:", "rapportperiod:"]

    init(layout: LayoutDocument, furniture: [SourceLine]) {
        let firstContent = layout.lines.firstIndex { !$0.isBlank } ?? 0
        let headingLines = Set(layout.blocks.filter { $0.kind == .heading }.flatMap { Array($0.lineRange) })
        for (index, line) in layout.lines.enumerated() where !line.isBlank {
            var weight = 1
            // The opening lines (a cover page and the page after it) say what the report is.
            if index - firstContent < Self.openingLines { weight = 3 }
            if headingLines.contains(index) { weight = max(weight, 3) }
            // A template's field (`Organisation: Kultur- och fritidsnämnden`, `Nämnd: …`) is
            // the report's own statement of what it is about. Every field ends in a colon, so only
            // lines with one (a few) pay for lower-casing and Foundation's search.
            if line.text.utf8.contains(0x3A) {
                let lower = line.text.lowercased()
                if Self.fieldLabels.contains(where: lower.contains) { weight = max(weight, 6) }
            }
            // A name set over two lines at a suspended compound (`Barn- och` / `ungdomsnämndens`)
            // is read whole on the second line.
            var text = line.text
            if let previous = pieces.last?.text, Self.endsInSuspendedCompound(previous), text.first?.isLowercase == true {
                text = previous + " " + text
            }
            pieces.append(Piece(
                text: text, weight: weight, isTitle: headingLines.contains(index), isOpening: index - firstContent < Self.openingLines))
        }
        for line in furniture { pieces.append(Piece(text: line.text, weight: Self.furnitureWeight, isTitle: true)) }
        if let title = layout.source.info["title"] { pieces.append(Piece(text: title, weight: Self.documentTitleWeight, isTitle: true)) }
        fileName = (layout.source.name as NSString).deletingPathExtension.replacingOccurrences(of: "_", with: " ")
        pieces.append(Piece(text: fileName, weight: 4))
    }

    /// The input's file name without extension, underscores as spaces: archives often name
    /// files after municipality and board (`alingsas_socialnamnden_…`), without diacritics.
    var fileName: String

    /// Lower-cased text with Swedish letters folded to ASCII, to match file names.
    static func folded(_ text: String) -> String {
        text.lowercased().folding(options: [.diacriticInsensitive], locale: Locale(identifier: "sv_SE"))
    }
}

enum MunicipalityVote {
    /// Names that are also common Swedish words count only beside `kommun`.
    static let ambiguousNames: Set<String> = ["Vara", "Mark", "Ale", "Kil", "Ed", "Boden", "Säter"]

    static func best(in evidence: Evidence) -> Municipality? {
        var scores: [String: Int] = [:]
        for piece in evidence.pieces {
            let words = piece.words
            for (index, word) in words.enumerated() {
                guard let first = word.first, first.isUppercase else { continue }
                let nextIsKommun = index + 1 < words.count && piece.lowercasedWords[index + 1].hasPrefix("kommun")
                for candidate in candidates(for: word, next: index + 1 < words.count ? words[index + 1] : nil) {
                    guard let municipality = Municipality.named(candidate.name) else { continue }
                    if ambiguousNames.contains(municipality.name) && !nextIsKommun { continue }
                    scores[municipality.name, default: 0] += piece.weight * (nextIsKommun ? 3 : 1) * candidate.strength
                }
            }
        }
        if let fromFile = fromFileName(evidence.fileName) { scores[fromFile.name, default: 0] += 4 }
        guard let best = scores.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }), best.value >= 3
        else { return nil }
        return Municipality.named(best.key)
    }

    /// A municipality named by the file name's first word, diacritics folded (`alingsas_…` → Alingsås).
    static func fromFileName(_ name: String) -> Municipality? {
        let words = Evidence.folded(name).split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard let first = words.first else { return nil }
        let candidates = Municipality.all.filter { Evidence.folded($0.name).split(whereSeparator: { !$0.isLetter }).first.map(String.init) == first }
        guard candidates.count == 1, let municipality = candidates.first else { return nil }
        let nameWords = Evidence.folded(municipality.name).split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard Array(words.prefix(nameWords.count)) == nameWords, !ambiguousNames.contains(municipality.name) else { return nil }
        return municipality
    }

    /// A word as a municipality name: as printed, in the genitive (`Linköpings`), or as a
    /// two-word name (`Upplands Väsby`).
    static func candidates(for word: String, next: String?) -> [(name: String, strength: Int)] {
        var result: [(String, Int)] = [(word, 1)]
        if word.hasSuffix("s") { result.append((String(word.dropLast()), 1)) }
        if let next { result.append((word + " " + next, 2)) }
        return result
    }

    static func tokenize(_ text: String) -> [String] {
        latinTokens(text) ?? text.split(whereSeparator: { !isWordCharacter($0) }).map(String.init)
    }

    /// `isWordCharacter` of each scalar up to U+024F (ASCII, Latin-1, Latin Extended-A and -B).
    static let latinWordCharacter: [Bool] = (0...0x24F).map { isWordCharacter(Character(Unicode.Scalar($0)!)) }

    /// `tokenize` by bytes, for a text of scalars up to U+024F (nearly every Swedish line); nil
    /// for any other text. None of those scalars joins another into one character (CR LF aside,
    /// both separators), so each scalar is a character and the runs of word scalars are the words.
    static func latinTokens(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var tokens: [String] = []
            var start: Int?
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                var value = Int(lead)
                var width = 1
                if lead >= 0x80 {
                    // Two-byte sequences only (up to U+07FF), and of those only up to U+024F.
                    guard lead >= 0xC2, lead <= 0xDF, i + 1 < bytes.count else { return nil }
                    value = (Int(lead & 0x1F) << 6) | Int(bytes[i + 1] & 0x3F)
                    guard value <= 0x24F else { return nil }
                    width = 2
                }
                if latinWordCharacter[value] {
                    if start == nil { start = i }
                } else if let s = start {
                    tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<i]), as: UTF8.self))
                    start = nil
                }
                i += width
            }
            if let s = start { tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<bytes.count]), as: UTF8.self)) }
            return tokens
        }
    }

    /// A letter, a digit or a hyphen. ASCII characters (most of them) are classified by their
    /// code, without the Unicode property lookups of `isLetter` and `isNumber`.
    @inline(__always)
    static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x41 && ascii <= 0x5A) || (ascii >= 0x30 && ascii <= 0x39)
                || ascii == 0x2D
        }
        return character.isLetter || character.isNumber || character == "-"
    }
}

/// A federation of municipalities named after its members: `Alingsås-Vårgårda räddningstjänstförbund`.
enum FederationVote {
    static let pattern = try! NSRegularExpression(pattern: #"\b([A-ZÅÄÖ][\p{L}]+(?:\s*[-–]\s*[A-ZÅÄÖ][\p{L}]+)+)\s+(\p{L}*förbund)"#)
    /// The literal every match of `pattern` holds, as UTF-8 (the expression matches code points
    /// literally, so a piece without these bytes has no match).
    static let förbundUTF8 = Array("förbund".utf8)

    /// A definite adjective (`tekniska`, `sociala`): a word of letters ending in -a, long
    /// enough not to be a pronoun (`denna`, `andra`), and not one that points at a board
    /// rather than naming it (`berörda nämnden`).
    static func isDefiniteAdjective(_ word: String) -> Bool {
        word.count >= 6 && word.hasSuffix("a") && word.allSatisfy(\.isLetter) && !notAdjectives.contains(word)
    }

    /// Words ending in -a that stand before a board without naming it.
    static let notAdjectives: Set<String> = ["nämnda", "samtliga", "berörda", "aktuella", "enskilda", "ansvariga"]

    static func best(in evidence: Evidence) -> String? {
        var scores: [String: Int] = [:]
        // Every match ends in "förbund": pieces without it (nearly all) skip the expression.
        for piece in evidence.pieces where piece.text.utf8Contains(Self.förbundUTF8) {
            let text = piece.text
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let namesRange = Range(match.range(at: 1), in: text), let kindRange = Range(match.range(at: 2), in: text)
                else { continue }
                let members = text[namesRange].split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == " " }).map(String.init)
                guard members.count >= 2, members.allSatisfy({ Municipality.named($0) != nil }) else { continue }
                let kind = text[kindRange]
                let name = members.joined(separator: "-") + " " + kind.prefix(1).uppercased() + kind.dropFirst()
                scores[name, default: 0] += piece.weight
            }
        }
        // A federation's own name, only where a report names its writer: its cover, running header
        // or stated title (a heading in the text may name a federation the report is about).
        for piece in evidence.pieces where piece.isOpening || piece.isTitle && piece.weight >= Evidence.furnitureWeight {
            if let name = ownName(piece.text) { scores[name, default: 0] += piece.weight }
        }
        if let fromFile = fromFileName(evidence) { scores[fromFile, default: 0] += 4 }
        guard let best = scores.max(by: { $0.value < $1.value }), best.value >= 3 else { return nil }
        return best.key
    }

    /// A federation named by a name of its own rather than its members (`Mitt Gävleborgs
    /// Räddningstjänstförbund`): a cover line or heading that is nothing but capitalised words
    /// ending in a kind of förbund, as a federation names itself. (A name that puts its kind
    /// first, `Samordningsförbundet Västra Skaraborg`, is not read.)
    static func ownName(_ text: String) -> String? {
        let words = text.trimming(.whitespaces).split(separator: " ").map(String.init)
        // The name's words are capitalised, or the whole cover line is set in capitals; a
        // county's genitive may be in lower case (`Norra Örebro läns Räddningstjänstförbund`).
        guard words.count >= 2, words.count <= mostOwnNameWords, let kind = words.last, FederationVocabulary.isKind(kind),
            words.first?.first?.isUppercase == true, words.allSatisfy({ $0.allSatisfy(\.isLetter) })
        else { return nil }
        return words.joined(separator: " ")
    }

    /// The most words a federation's own name has, kind word included.
    static let mostOwnNameWords = 5

    /// `alingsas-vargarda_raddningstjanstforbund_…`: members from the list, the federation's kind
    /// word spelt as the text spells it where it does (`Räddningstjänstförbundet`).
    static func fromFileName(_ evidence: Evidence) -> String? {
        let words = Evidence.folded(evidence.fileName).split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        let memberNames = words[0].split(separator: "-").map(String.init)
        guard memberNames.count >= 2, words[1].hasSuffix("forbund") else { return nil }
        let members = memberNames.compactMap { folded in Municipality.all.first { Evidence.folded($0.name) == folded } }
        guard members.count == memberNames.count else { return nil }
        var kind = words[1]
        for piece in evidence.pieces {
            for word in piece.words where Evidence.folded(word).hasPrefix(kind) {
                kind = String(word.prefix(kind.count))
                break
            }
        }
        return members.map(\.name).joined(separator: "-") + " " + kind.prefix(1).uppercased() + kind.dropFirst()
    }
}

enum OrganisationVote {
    /// Board words; a board's name is a word ending in one of these (`Valnämnden`, `Kommunstyrelsen`).
    static let boardSuffixes = ["nämnden", "nämndens", "styrelsen", "styrelsens", "förbundet", "förbundets", "revisionen", "revisionens"]
    /// The last UTF-8 byte of each suffix (all ASCII letters), for a cheap first test.
    static let suffixLastBytes = Set(boardSuffixes.map { $0.utf8.last! })
    /// Heads that are not a board's name on their own.
    static let generic: Set<String> = ["nämnden", "styrelsen", "förbundet", "revisionen", "bolagsstyrelsen"]

    /// A definite adjective (`tekniska`, `sociala`): a word of letters ending in -a, long
    /// enough not to be a pronoun (`denna`, `andra`), and not one that points at a board
    /// rather than naming it (`berörda nämnden`).
    static func isDefiniteAdjective(_ word: String) -> Bool {
        word.count >= 6 && word.hasSuffix("a") && word.allSatisfy(\.isLetter) && !notAdjectives.contains(word)
    }

    /// Words ending in -a that stand before a board without naming it.
    static let notAdjectives: Set<String> = ["nämnda", "samtliga", "berörda", "aktuella", "enskilda", "ansvariga"]

    /// Board words in their base form, the heads a board's initials end in.
    static let heads = boardSuffixes.filter { !$0.hasSuffix("s") }
    /// A registration number's prefix on the cover or in the running header is the document's
    /// own statement of its board, as a template's `Nämnd:` field is.
    static let registryWeight = 6

    static func best(in evidence: Evidence) -> String? {
        var scores: [String: Int] = [:]
        // Each registry once: a number repeated in a running header says it no more strongly.
        var registries: Set<String> = []
        for piece in evidence.pieces {
            let words = piece.lowercasedWords
            for (index, lower) in words.enumerated() {
                // A word that does not end as some suffix does (n, s, t) skips the suffix tests.
                guard let last = lower.utf8.last, suffixLastBytes.contains(last),
                    let suffix = boardSuffixes.first(where: { lower.hasSuffix($0) })
                else { continue }
                var name = lower
                if suffix.hasSuffix("s") { name.removeLast() }
                // A board named by an adjective before the bare head (`Tekniska nämnden`,
                // `Sociala nämnden`, `Gemensamma nämnden`): the adjective's definite form ends in -a.
                if generic.contains(name), index >= 1, isDefiniteAdjective(words[index - 1]) {
                    scores[words[index - 1] + " " + name, default: 0] += piece.weight
                    continue
                }
                guard !generic.contains(name), name.count > 8, !name.hasPrefix("-") else { continue }
                // A board named for two areas: `Barn- och utbildningsnämnden`, `Kultur- och fritidsnämnden`.
                if index >= 2, words[index - 2].hasSuffix("-"), ["och", "samt"].contains(words[index - 1]) {
                    name = words[index - 2] + " " + words[index - 1] + " " + name
                }
                scores[name, default: 0] += piece.weight
            }
            // The document's own number stands on its cover, its first page or its running
            // header; one cited in the text (`uppdrag från KF, dnr KS 2021/45`) is another case's.
            if piece.isOpening || piece.isTitle { registries.formUnion(RegistrationNumber.registryPrefixes(in: piece.text)) }
        }
        // A registration number's prefix names the board whose registry keeps the document:
        // `KS` everywhere, or the initials of a board the document names (`BUN`).
        for prefix in registries.sorted() {
            if let board = RegistrationNumber.nationalRegistries[prefix] {
                scores[board.lowercased(), default: 0] += registryWeight
                continue
            }
            for name in scores.keys where RegistrationNumber.initials(ofBoard: name, heads: heads) == prefix {
                scores[name, default: 0] += registryWeight
            }
        }
        guard let best = scores.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }), best.value >= 2
        else { return nil }
        return best.key.prefix(1).uppercased() + best.key.dropFirst()
    }
}

enum ReportTypeVote {
    /// Words naming each report type, with abbreviations used in running text (`VB 2023`).
    static let words: [(String, ReportType)] = [
        ("verksamhetsberättelse", .verksamhetsberättelse), ("vb", .verksamhetsberättelse),
        ("årsredovisning", .årsredovisning), ("årsredogörelse", .årsredovisning),
        ("årsbokslut", .årsbokslut),
        ("delårsrapport", .delårsrapport), ("delårsbokslut", .delårsrapport), ("delårsredovisning", .delårsrapport),
        ("tertialrapport", .delårsrapport), ("tertialuppföljning", .delårsrapport),
        // A monthly follow-up or a budget proposal is none of the named types.
        ("månadsuppföljning", .other), ("månadsrapport", .other), ("budgetskrivelse", .other),
        ("internbudget", .internbudget), ("detaljbudget", .internbudget), ("budget", .other),
        ("verksamhetsplan", .verksamhetsplan),
    ]

    /// `words` grouped by their first character, in order, so a token is compared only with the
    /// words it could be or begin with (every token of the document is looked up).
    static let wordsByInitial: [Character: [(String, ReportType)]] = Dictionary(grouping: words, by: { $0.0.first! })

    /// Words by which a title names a document of no listed type (a strategy, a plan, a follow-up).
    static let otherDocumentWords = ["strategi", "plan", "program", "policy", "riktlinje", "utredning", "rapport",
                                     "redogörelse", "uppföljning", "analys", "budget"]

    /// Words (a month, a period: `januari–augusti`) that may stand between a type's name and its year.
    static let wordsBeforeTheYear = 2

    static func best(in evidence: Evidence) -> (type: ReportType, year: Int?)? {
        var scores: [ReportType: Int] = [:]
        var years: [ReportType: [Int: Int]] = [:]
        var prominent = Set<ReportType>()
        var mentions: [ReportType: Int] = [:]
        for piece in evidence.pieces {
            // An en dash is no letter, digit or hyphen, so tokenising already splits at it.
            let tokens = piece.words
            for (index, token) in tokens.enumerated() {
                let lower = piece.lowercasedWords[index]
                // Equal or a prefix: either way the first character is the word's.
                guard let initial = lower.first, let candidates = wordsByInitial[initial],
                    let (word, type) = candidates.first(where: { lower == $0.0 || (lower.hasPrefix($0.0) && $0.0.count > 3 && lower.count <= $0.0.count + 3) })
                else { continue }
                if word == "vb" && token != "VB" { continue }
                // "Budget" names the document only in a title; in text and column headers it says little.
                if word == "budget" && !piece.isTitle { continue }
                let weight = piece.weight * (word == "budget" ? 1 : 2)
                scores[type, default: 0] += weight
                if piece.weight >= 3 { prominent.insert(type) }
                mentions[type, default: 0] += 1
                // The year after the type's name, a period between them or not (`Delårsrapport
                // augusti 2024`, `Budget 2027`).
                if let year = tokens.dropFirst(index + 1).prefix(Self.wordsBeforeTheYear + 1).lazy.compactMap({ Int($0) }).first,
                    (1990...2100).contains(year)
                {
                    years[type, default: [:]][year, default: 0] += weight
                }
            }
        }
        // On a tie a named type wins over "other".
        func rank(_ type: ReportType) -> Int { type == .other ? 0 : 1 }
        guard let best = scores.max(by: { ($0.value, rank($0.key), $1.key.rawValue) < ($1.value, rank($1.key), $0.key.rawValue) }),
            prominent.contains(best.key) || mentions[best.key, default: 0] >= 3
        else {
            // A report that names no type where its title stands, nor often in its text (a plan, a
            // strategy, a survey), is "other".
            let namesADocument = evidence.pieces.contains { piece in
                piece.isTitle && piece.lowercasedWords.contains { lower in
                    return otherDocumentWords.contains { lower.hasPrefix($0) || lower.hasSuffix($0) }
                }
            }
            return namesADocument ? (.other, nil) : nil
        }
        let year = years[best.key]?.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) })?.key
        return (best.key, year)
    }
}

/// What the document calls itself: the name of a document (a word ending in a document noun,
/// `månadsuppföljning`, `biblioteksplan`, with the adjectives before it, `Fördjupad`) in the
/// lines where a report names itself: its title, headings, cover page and running headers.
enum ReportKindVote {
    /// A line that names the document is short; a longer one is a sentence that mentions one.
    static let longestNamingLine = 8
    /// A line of this many words is running text: the title area ends before it.
    static let runningTextWords = 12

    /// The document's name where a report states it, in order of trust: the PDF's own title,
    /// its running headers or footers, then the first of its opening lines that names a document
    /// (a heading further on names a section: `Nulägesanalys`).
    static func best(in evidence: Evidence) -> String? {
        // (A contents line, with its section number or leader dots, names a section or another
        // document, not this one.)
        let naming = evidence.pieces.filter { piece in
            piece.words.count <= longestNamingLine && !piece.text.contains("....") && !piece.text.contains("…")
                && !(piece.text.trimmingCharacters(in: .whitespaces).first?.isNumber ?? false)
        }
        func name(_ pieces: [Evidence.Piece]) -> String? {
            pieces.lazy.compactMap { DocumentNames.name(in: $0.words) }.first
        }
        if let title = name(naming.filter { $0.weight >= Evidence.documentTitleWeight }) { return title }
        let furniture = naming.filter { $0.weight == Evidence.furnitureWeight && $0.isTitle }.compactMap { DocumentNames.name(in: $0.words) }
        // The name the running lines print most often; on a tie the one printed first.
        let counts = Dictionary(furniture.map { ($0, 1) }, uniquingKeysWith: +)
        if let most = counts.values.max(), let common = furniture.first(where: { counts[$0] == most }) {
            return common
        }
        // A title stands before the running text begins: a heading after a paragraph names a
        // section (`Förvaltningens yttrande` under the matter's description).
        let opening = evidence.pieces.filter(\.isOpening)
        let textStarts = opening.firstIndex { $0.text.split(whereSeparator: \.isWhitespace).count >= runningTextWords } ?? opening.count
        let titleArea = Set(opening[..<textStarts].map(\.text))
        return name(naming.filter { $0.isOpening && titleArea.contains($0.text) })
    }
}

enum YearVote {
    /// A span of years (`2022-2025`), built once: a regex literal is compiled on every use.
    /// (`Regex` is immutable once built, its compiled program stored atomically, so sharing it is safe.)
    nonisolated(unsafe) static let spanPattern = /((?:19|20)[0-9]{2}) ?[-–] ?(?:19|20)[0-9]{2}/

    /// The most mentioned plausible year on the first page and in headings.
    static func best(in evidence: Evidence) -> Int? {
        var scores: [Int: Int] = [:]
        for piece in evidence.pieces where piece.weight >= 3 {
            // Years inside dates and spans count too (`2022-04-21`, `2022-2025`).
            let runs = piece.text.split(whereSeparator: { !$0.isNumber })
            for run in runs where ReportVocabulary.isYear(run) {
                if let year = Int(run) { scores[year, default: 0] += piece.weight }
            }
            // A span's first year is the one reported on or budgeted for (`Budget 2027–2031`, `plan 2022-2025`).
            for match in piece.text.matches(of: spanPattern) {
                if let year = Int(match.output.1) { scores[year, default: 0] += piece.weight }
            }
        }
        return scores.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) })?.key
    }
}

enum PeriodVote {
    static let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]

    /// `januari-april` from a printed span or `per augusti`; for a monthly follow-up, its month
    /// (`Månadsuppföljning maj 2026`, `Ekonomisk uppföljning maj` → `maj`).
    static func best(in evidence: Evidence, monthly: Bool) -> String? {
        let pattern = try! NSRegularExpression(pattern: #"(?i)\b(januari|jan)\s*[-–]\s*(\p{L}+)"#)
        let pieces = evidence.pieces.sorted(by: { $0.weight > $1.weight })
        if monthly {
            // The title may be set over several lines (`Månadsuppföljning` / `maj 2026`): read them as one.
            let title = evidence.pieces.filter { $0.weight >= 3 }.map(\.text).joined(separator: " ")
            for piece in [Evidence.Piece(text: title, weight: 3)] {
                let words = piece.text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
                for (index, word) in words.enumerated().dropLast()
                where word.hasSuffix("uppföljning") || word.hasPrefix("månadsuppföljning") || word.hasPrefix("månadsrapport") {
                    // The month follows the word, perhaps after what is followed up (`… ekonomi november 2017`).
                    if let month = words[(index + 1)...].prefix(3).first(where: { months.contains($0) }) { return month }
                }
            }
            return nil
        }
        for piece in pieces {
            let text = piece.text
            if let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                let range = Range(match.range(at: 2), in: text)
            {
                let end = text[range].lowercased()
                if let month = months.first(where: { $0.hasPrefix(end.prefix(3)) }) { return "januari-" + month }
            }
            let lower = text.lowercased()
            if let range = lower.range(of: "per ") {
                let rest = lower[range.upperBound...]
                if let month = months.first(where: { rest.hasPrefix($0) }) { return "januari-" + month }
            }
        }
        return nil
    }
}
