import ReportSource

/// Character-level repairs of one line: spaces, minus signs, icon glyphs, letter-spacing.
enum CharacterRepair {
    static func repair(_ line: SourceLine) -> SourceLine {
        var line = line
        if needsRepair(line.text) {
            line.text = repairCharacters(of: line.text, icons: &line.icons)
            // The table stage reads the words: they get the same minus signs and spaces.
            var ignored: [IconMark] = []
            for index in line.words.indices where needsRepair(line.words[index].text) {
                line.words[index].text = repairCharacters(of: line.words[index].text, icons: &ignored).trimmingWhitespace
            }
        }
        if let spaced = LetterSpacedLine.rejoined(line) { return spaced }
        guard line.hasColumnGap else {
            line.text = LetterSpacing.repair(line.text)
            return line
        }
        // A line set in cells is repaired cell by cell: a narrow letter never joins across a column gap.
        var changed = false
        var words: [SourceWord] = []
        for cell in cellWords(of: line.words) {
            let text = SourceLine.cellText(of: cell)
            let repaired = LetterSpacing.repair(text)
            guard repaired != text, let merged = merged(cell, into: repaired) else {
                words += cell
                continue
            }
            changed = true
            words += merged
        }
        if changed {
            line.words = words
            line.text = line.cellTexts.joined(separator: " ")
        }
        return line
    }

    /// A line's words, one array per cell.
    static func cellWords(of words: [SourceWord]) -> [[SourceWord]] {
        var cells: [[SourceWord]] = []
        for word in words {
            if word.startsColumn || cells.isEmpty { cells.append([]) }
            cells[cells.count - 1].append(word)
        }
        return cells
    }

    /// A cell's words joined where letter-spacing repair joined their text (`Utfa` `l` `l` →
    /// `Utfall`), each joined word boxed around its pieces; nil when the pieces do not spell the
    /// repaired words.
    static func merged(_ cell: [SourceWord], into repaired: String) -> [SourceWord]? {
        var result: [SourceWord] = []
        var next = 0
        for token in repaired.split(separator: " ") {
            guard next < cell.count else { return nil }
            var word = cell[next]
            next += 1
            while word.text.count < token.count, next < cell.count, !cell[next].startsColumn {
                word.text += cell[next].text
                word.box = word.box.union(cell[next].box)
                next += 1
            }
            guard word.text == token else { return nil }
            result.append(word)
        }
        return next == cell.count ? result : nil
    }

    /// True when a text holds a character `repairCharacters` changes: most lines hold none, and
    /// are kept as they are instead of being rebuilt scalar by scalar.
    static func needsRepair(_ text: String) -> Bool {
        // Every such character is encoded with a lead byte C2, E2, EE or EF; Swedish letters
        // (C3 ..) and plain ASCII are settled without decoding.
        var hasControl = false
        let mayNeedRepair = text.withUTF8Bytes { bytes in
            bytes.contains { byte in
                // A control character other than a tab (a font's stray glyph code, `\u{07}`).
                if byte < 0x20 && byte != 0x09 || byte == 0x7F { hasControl = true }
                return hasControl || byte == 0xC2 || byte == 0xE2 || byte == 0xEE || byte == 0xEF
            }
        }
        guard mayNeedRepair else { return false }
        if hasControl { return true }
        for scalar in text.unicodeScalars where !scalar.isASCII {
            switch scalar.value {
            case 0x00A0, 0x2007, 0x2009, 0x202F, 0x2002, 0x2003, 0x2212, 0x00AD, 0x200B, 0xFEFF, 0xFB01, 0xFB02,
                0xE000...0xF8FF:
                return true
            default:
                continue
            }
        }
        return false
    }

    /// The text with spaces, minus signs and ligatures repaired, and an icon noted for each private-use glyph.
    static func repairCharacters(of original: String, icons: inout [IconMark]) -> String {
        var text = ""
        text.reserveCapacity(original.utf8.count)
        for scalar in original.unicodeScalars {
            switch scalar.value {
            case 0x00A0, 0x2007, 0x2009, 0x202F, 0x2002, 0x2003:
                text.append(" ")  // no-break and thin spaces group thousands; one space is enough
            case 0x2212:
                text.append("-")  // U+2212 MINUS SIGN
            case 0x00AD, 0x200B, 0xFEFF:
                continue  // soft hyphen, zero-width space, stray BOM
            case 0xFB01:
                text.append("fi")
            case 0xFB02:
                text.append("fl")
            case 0xE000...0xF8FF:
                // Private-use glyphs are symbol-font icons (status circles, arrows): keep them as icons.
                icons.append(IconMark())
                text.append(" ")
            case 0x09:
                text.append("\t")  // laid-out text may keep a tab where it was printed
            case 0x00...0x08, 0x0A...0x1F, 0x7F:
                continue  // a control character prints nothing: a font's stray code
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}

/// Rejoins a line set letter by letter (a display title tracked wide, `P r o dukti o n vs . k o n`)
/// from its word boxes: most of its "words" are a letter or two, and the gaps between them fall
/// into letter gaps and word gaps several times wider.
enum LetterSpacedLine {
    /// A line is letter-spaced when at least this share of its pieces are one or two letters.
    static let shortPieceShare = 0.5
    /// Pieces a letter-spaced line has at least (a short heading of two words).
    static let fewestPieces = 6
    /// A gap this many times the line's usual (median) gap parts two words.
    static let wordGapRatio = 2.0

    static func rejoined(_ line: SourceLine) -> SourceLine? {
        let words = line.words.filter { !$0.text.trimmingWhitespace.isEmpty }
        guard words.count >= fewestPieces, !line.hasColumnGap else { return nil }
        // Pieces of one or two letters: figures set with word spaces are no letter-spaced word.
        let short = words.filter { $0.text.count <= 2 && $0.text.allSatisfy(\.isLetter) }.count
        guard Double(short) >= shortPieceShare * Double(words.count) else { return nil }
        let gaps = zip(words, words.dropFirst()).map { $1.box.x - $0.box.maxX }
        let usual = gaps.sorted()[gaps.count / 2]
        guard usual > 0, gaps.contains(where: { $0 >= wordGapRatio * usual }) else { return nil }
        var joined: [SourceWord] = [words[0]]
        for (gap, word) in zip(gaps, words.dropFirst()) {
            if gap < wordGapRatio * usual, !word.text.contains(where: \.isNumber), !(joined.last?.text.contains(where: \.isNumber) ?? false) {
                var last = joined.removeLast()
                last.text += word.text
                last.box = BoundingBox(x: last.box.x, y: min(last.box.y, word.box.y), width: word.box.maxX - last.box.x,
                                       height: max(last.box.maxY, word.box.maxY) - min(last.box.y, word.box.y))
                joined.append(last)
            } else {
                joined.append(word)
            }
        }
        var repaired = line
        repaired.words = joined
        let indent = line.text.prefix { $0 == " " }
        repaired.text = indent + joined.map(\.text).joined(separator: " ")
        return repaired
    }
}

/// Repairs letter-spaced words (`Utfa l l` → `Utfall`, `deta l jplaner` → `detaljplaner`).
///
/// Extraction inserts spaces around narrow glyphs (l, i, j, f, t, r) when a font is tracked, so a
/// lone narrow letter between letters is an artefact. Swedish abbreviations written with spaces
/// (`m m`, `t ex`, `bl a`) and real one-letter words (`i`, `å`, `ö`) are left alone.
enum LetterSpacing {
    static let narrowLetters: Set<Character> = ["l", "j", "f", "t", "r", "ı"]
    /// Words that stand alone in running Swedish text, so a fragment is never glued to them.
    static let functionWords: Set<String> = [
        "och", "eller", "samt", "av", "på", "för", "med", "till", "som", "är", "om", "att", "en", "ett", "de",
        "den", "det", "i", "vid", "per", "mot", "inom", "under", "över", "från", "år", "män", "kvinnor",
    ]
    /// Swedish abbreviations printed with spaces between their letters.
    static let spacedAbbreviations: [[String]] = [
        ["t", "ex"], ["t", "o", "m"], ["fr", "o", "m"], ["bl", "a"], ["m", "m"], ["s", "k"], ["p", "g", "a"],
        ["o", "s", "v"], ["f", "d"], ["f", "n"], ["i", "o", "m"], ["m", "fl"], ["d", "v", "s"], ["t", "v"],
    ]

    static func hasLoneNarrowLetter(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 1..<bytes.count where bytes[index - 1] == 0x20 {
                let letter = bytes[index]
                let endsToken = index + 1 == bytes.count || bytes[index + 1] == 0x20
                // l j f t r
                if endsToken, letter == 0x6C || letter == 0x6A || letter == 0x66 || letter == 0x74 || letter == 0x72 {
                    return true
                }
            }
            return false
        }
    }

    static func repair(_ text: String) -> String {
        // Fast path: most lines have no lone narrow letter at all.
        guard hasLoneNarrowLetter(text) else { return text }
        var tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard tokens.count >= 2 else { return text }
        var protected = Set<Int>()
        for index in tokens.indices {
            for abbreviation in spacedAbbreviations where index + abbreviation.count <= tokens.count {
                if Array(tokens[index..<(index + abbreviation.count)]).map({ $0.lowercased() }) == abbreviation {
                    protected.formUnion(index..<(index + abbreviation.count))
                }
            }
        }
        func isLoneNarrow(_ index: Int) -> Bool {
            guard !protected.contains(index), tokens[index].count == 1, let c = tokens[index].first else { return false }
            return narrowLetters.contains(c)
        }
        func isWordPiece(_ token: String) -> Bool {
            guard let first = token.first, let last = token.last else { return false }
            return first.isLetter && last.isLetter
        }
        var result: [String] = []
        var index = 0
        var gluedIntoPrevious = false
        while index < tokens.count {
            let token = tokens[index]
            if isLoneNarrow(index), let previous = result.last, isWordPiece(previous), previous.count >= 2 || gluedIntoPrevious,
                !functionWords.contains(previous.lowercased()) || gluedIntoPrevious
            {
                result[result.count - 1] = previous + token
                gluedIntoPrevious = true
                index += 1
                // The piece after the run of narrow letters belongs to the word too, unless it is a word of its own.
                if index < tokens.count, !isLoneNarrow(index), let next = tokens[index].first, next.isLowercase,
                    tokens[index].count >= 2, !functionWords.contains(tokens[index].lowercased())
                {
                    if index + 1 == tokens.count || !isLoneNarrow(index + 1) {
                        result[result.count - 1] += tokens[index]
                        index += 1
                        gluedIntoPrevious = false
                    }
                }
                continue
            }
            gluedIntoPrevious = false
            result.append(token)
            index += 1
        }
        return result.joined(separator: " ")
    }
}
