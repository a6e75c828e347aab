import Foundation
import ReportSource
import SwedishReportLanguage

/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet0 = TrimSet("%()*")

/// Decides the role of each line and groups lines into blocks.
struct LineClassifier {
    let lines: [LayoutLine]
    let bodyWidth: Double
    let bodyFontSize: Double?
    /// Each line's text length in characters (`lines[i].text.count`), counted once.
    let lengths: [Int]
    private var headingMemo: [Int: HeadingSpan?] = [:]
    /// The vocabulary tests' answers for each line, each test run at most once per line.
    private let tests: LineTestMemos

    struct HeadingSpan {
        var end: Int
        var isGoal: Bool
    }

    /// Heading styles of the document, largest first: a heading's level is its style's rank.
    private let headingStyleRanks: [HeadingStyle: Int]

    struct HeadingStyle: Hashable {
        var size: Double
        var bold: Bool
    }

    /// The font of running text (PDF input): a heading may share its size but not its face.
    let bodyFontName: String?

    /// How many times each field label (`Analys`, `Kommentar`) stands alone on a line, by its
    /// lower-cased text: a label repeated under every goal is a form's field, not a section.
    private let fieldLabelCounts: [String: Int]

    /// The longest field label (bytes) counted for repeats (`Förväntat resultat`, `Kommentar:`).
    static let longestFieldLabelBytes = 40

    /// A field label printed this many times or more is a form's field wherever it stands.
    static let formFieldRepeats = 3

    init(lines: [LayoutLine], bodyWidth: Double, bodyFontSize: Double?, bodyFontName: String? = nil, lengths: [Int]? = nil) {
        self.lines = lines
        self.lengths = lengths ?? lines.map { $0.text.count }
        self.bodyWidth = bodyWidth
        self.bodyFontSize = bodyFontSize
        self.bodyFontName = bodyFontName
        tests = LineTestMemos(count: lines.count)
        var counts: [String: Int] = [:]
        for line in lines where !line.isBlank && line.text.utf8.count <= Self.longestFieldLabelBytes && ReportVocabulary.isFieldLabel(line.text) {
            counts[line.text.lowercased(), default: 0] += 1
        }
        fieldLabelCounts = counts
        let taggedLines = lines.filter { Self.isHeadingRole($0.source.role) }
        taggedHeadingStyles = taggedLines.count >= Self.taggedHeadingsThroughout
            ? Set(taggedLines.compactMap { $0.source.style.map(TaggedStyle.init) }) : nil
        var styles = Set<HeadingStyle>()
        if let body = bodyFontSize {
            for (index, line) in lines.enumerated() where !line.isBlank && self.lengths[index] <= 120 {
                guard let style = line.source.style, let size = style.fontSize else { continue }
                let text = line.text
                if ".,;".contains(text.last ?? ".") { continue }
                let otherFace = style.fontName != nil && bodyFontName != nil && style.fontName != bodyFontName
                if size >= body * 1.04 || ((style.isBold || otherFace) && size >= body * 0.95) {
                    styles.insert(HeadingStyle(size: (size * 2).rounded() / 2, bold: style.isBold))
                }
            }
        }
        let ranked = styles.sorted { $0.size != $1.size ? $0.size > $1.size : ($0.bold && !$1.bold) }
        headingStyleRanks = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0 + 1) })
    }

    mutating func blocks() -> [Block] {
        var blocks: [Block] = []
        var index = 0
        var lastKind: BlockKind?
        while index < lines.count {
            if lines[index].isBlank {
                index += 1
                continue
            }
            let underHeading = lastKind == .heading && blocks.last?.lineRange.upperBound == index
            if let span = headingSpan(at: index, depth: 0, chained: underHeading) {
                let level = headingLevel(at: index, previous: blocks.last, previousWasHeading: lastKind == .heading)
                blocks.append(Block(kind: .heading, lineRange: index..<span.end, level: level, isGoalHeading: span.isGoal))
                lastKind = .heading
                index = span.end
                continue
            }
            var kind = lineKind(index)
            if kind == .paragraph, lastKind == .signature, lengths[index] < 40, !endsSentence(lines[index].text) {
                kind = .signature  // the role under a signature: "Valnämndens ordförande"
            }
            var end = index + 1
            if kind == .paragraph || kind == .listItem {
                while end < lines.count, !lines[end].isBlank, lineKind(end) == .paragraph,
                    !startsNewParagraph(end), headingSpan(at: end, depth: 0) == nil
                {
                    end += 1
                }
            }
            blocks.append(Block(kind: kind, lineRange: index..<end, level: nil, isGoalHeading: false))
            lastKind = kind
            index = end
        }
        return blocks
    }

    // MARK: Headings

    mutating func headingSpan(at index: Int, depth: Int, chained: Bool = false) -> HeadingSpan? {
        if depth == 0, !chained, let memo = headingMemo[index] { return memo }
        let result = computeHeadingSpan(at: index, depth: depth, chained: chained)
        if depth == 0, !chained { headingMemo[index] = result }
        return result
    }

    /// - Parameter chained: the line sits directly under a heading, so it may start a heading
    ///   although no blank line precedes it.
    private mutating func computeHeadingSpan(at index: Int, depth: Int, chained: Bool) -> HeadingSpan? {
        // The line is read in place (a copy of a LayoutLine retains each of its strings and arrays).
        let lineText = lines[index].text
        // A line of at most 200 bytes has at most 200 characters: only a longer one is counted.
        guard !lines[index].isBlank, lineText.utf8.count <= 200 || lineText.count <= 200 else { return nil }
        if hasLabelledGoal(index) {
            // `Fokusområde 13 …` wrapping in a form's answer cell is an answer, not a goal heading.
            if continuesCellAbove(index) { return nil }
            return HeadingSpan(end: continuationEnd(after: index, maxLines: 4), isGoal: true)
        }
        // A goal's label and number alone (`MÅL 11`) heads the goal whose title runs below it.
        if index + 1 < lines.count, !lines[index + 1].isBlank, lineText.utf8.count <= 60,
            GoalLabels.labelOnly(lineText.trimmingWhitespace) != nil, !continuesCellAbove(index)
        {
            return HeadingSpan(end: index + 1, isGoal: false)
        }
        // A tagged PDF's own word: its paragraphs and table cells are not headings, and its
        // headings are, whatever their font (a heading may be set in the body's).
        let tagged = isTaggedHeading(index)
        if !tagged, let role = lines[index].source.role, Self.bodyRoles.contains(role) { return nil }
        // Where the author tagged headings throughout, a line the tags leave out is a heading
        // only in a tagged heading's type (a chart's title, a box's label, a caption are not),
        // in a title's type larger than any tagged heading, or numbered as a section (`2.1 …`).
        if !tagged, let styles = taggedHeadingStyles, let style = lines[index].source.style,
            !styles.contains(TaggedStyle(style)), TaggedStyle(style).size <= (styles.map(\.size).max() ?? 0),
            !(GoalLabels.numberedLine(lineText)?.ref?.contains(".") ?? false)  // `3 Exklusive …` is a footnote
        {
            return nil
        }
        guard chained || canStartHeading(index) || tagged else { return nil }
        // Where fonts are known, a line in the body's own font is body text, however short.
        if isInBodyStyle(index) && !tagged { return nil }
        if GoalLabels.numberedLine(lineText) != nil {
            // A numbered line heads a goal group when a labelled goal follows it (it may wrap).
            let end = continuationEnd(after: index, maxLines: 3)
            let joined = lines[index..<end].map(\.text).joined(separator: " ")
            if let next = nextNonBlank(from: end), hasLabelledGoal(next),
                isHeadingShaped(joined, gapped: lines[index..<end].contains { $0.source.hasColumnGap })
            {
                return HeadingSpan(end: end, isGoal: false)
            }
        }
        guard isHeadingShaped(lineText, line: index, styled: isStyledAsHeading(index), gapped: lines[index].source.hasColumnGap)
        else { return nil }
        var end = index + 1
        let styled = isStyledAsHeading(index)
        if end < lines.count, !lines[end].isBlank, startsLowercase(lines[end].text),
            Double(lengths[index]) >= 0.4 * bodyWidth, !endsSentence(lines[end].text)
        {
            end += 1  // a heading wrapped onto a second line
        } else if tagged {
            // A heading wrapped over lines the tag marks as its own.
            while end < lines.count, end - index < 4, !lines[end].isBlank, lines[end].source.role == lines[index].source.role {
                end += 1
            }
        } else if styled, let style = lines[index].source.style {
            // A title set over several lines in one heading style (`Månadsuppföljning` / `maj 2026`),
            // in large type perhaps so widely spaced that a blank line stands between them.
            while end < lines.count, end - index < 4 {
                var next = end
                if lines[next].isBlank, next + 1 < lines.count, continuesTitleAcrossBlank(next - 1, next + 1) {
                    next += 1
                }
                guard !lines[next].isBlank, lines[next].source.style == style, !lines[next].source.hasColumnGap,
                    !endsSentence(lines[end - 1].text)
                else { break }
                end = next + 1
            }
        }
        if end == index + 1, Double(lengths[index]) > 0.75 * bodyWidth, !styled, !isLongHeading(index) { return nil }
        if end < lines.count, !lines[end].isBlank {
            // Running text directly under the heading, in the same group.
            let next = lines[end].text
            let headerBelow = isColumnHeaderRow(next, line: end) || isUnitCaption(next, line: end)
            let followedByText = (isWide(line: end) && startsUppercase(next)) || (next.hasSuffix(":") && startsUppercase(next))
            let followedByStructure =
                isBullet(next) || isNumberedItem(next) || isPlaceholder(next) || isAssessment(next, line: end)
                || hasLabelledGoal(end)
                // A table's caption or header under a heading, unless the "heading" is itself a header fragment.
                || (headerBelow && !(containsColumnWord(lineText) && (next.first?.isNumber ?? false)))
            // A short line over running text, unlike the first line of a paragraph, is a heading.
            if followedByText && (Double(lengths[index]) <= 0.6 * bodyWidth || styled || isLongHeading(index)) {
                return HeadingSpan(end: end, isGoal: false)
            }
            if followedByStructure { return HeadingSpan(end: end, isGoal: false) }
            // A heading directly over a subheading ("Personaluppföljning" / "Personalstatistik").
            if end == index + 1, depth < 3, Double(lengths[index]) <= 0.6 * bodyWidth,
                lines[index].startsPage || styled, headingSpan(at: end, depth: depth + 1, chained: true) != nil
            {
                return HeadingSpan(end: end, isGoal: false)
            }
            if styled, !startsLowercase(next) { return HeadingSpan(end: end, isGoal: false) }
            return nil
        }
        guard let next = nextNonBlank(from: end) else { return nil }
        let text = lines[next].text
        if isWide(line: next) || isBullet(text) || isNumberedItem(text) || isUnitCaption(text, line: next)
            || isColumnHeaderRow(text, line: next) || isPlaceholder(text) || hasLabelledGoal(next)
            || isAssessment(text, line: next) || styled
        {
            return HeadingSpan(end: end, isGoal: false)
        }
        if depth < 3, headingSpan(at: next, depth: depth + 1) != nil {
            return HeadingSpan(end: end, isGoal: false)
        }
        return nil
    }

    /// Where a heading that wraps onto lower-case continuation lines ends.
    private func continuationEnd(after index: Int, maxLines: Int) -> Int {
        var end = index + 1
        while end < lines.count, end - index < maxLines, !lines[end].isBlank, startsLowercase(lines[end].text),
            !ReportVocabulary.isFieldLabel(lines[end].text)
        {
            end += 1
        }
        return end
    }

    private func canStartHeading(_ index: Int) -> Bool {
        if index == 0 || lines[index].startsPage { return true }
        if let size = lines[index].source.style?.fontSize, let body = bodyFontSize, size >= body * 1.15 { return true }
        if lines[index - 1].isBlank { return true }
        return endsSentence(lines[index - 1].text) && Double(lengths[index]) <= 0.6 * bodyWidth
    }

    /// - Parameter styled: the line is printed in a heading style (PDF), which outweighs words
    ///   that would otherwise make it a table header (`Utfall och prognos`, `Budget 2027 och ramar 2028 – 2029`).
    /// - Parameter line: the line whose own text `text` is, if it is one line's (its vocabulary tests are remembered).
    /// - Parameter gapped: the text is set in cells (a column gap the front-end measured).
    private func isHeadingShaped(_ text: String, line: Int? = nil, styled: Bool = false, gapped: Bool) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber else { return false }
        // A full stop ends a sentence, not a heading, unless an abbreviation owns it (`… m.m.`).
        if let last = text.last, ".,;:!".contains(last), !(last == "." && ReportVocabulary.endsWithAbbreviation(text)) { return false }
        // A field label set in a heading style with no colon after it (`Kommentar` in bold over
        // its paragraph) names a section; with a colon, or in plain type, it labels a field.
        // (Not a label repeated as a form's field, nor one right under a goal's assessment.)
        let labelAsHeading = styled && !text.hasSuffix(":") && !gapped
            && (fieldLabelCounts[text.lowercased()] ?? 0) < Self.formFieldRepeats
            && !(line.map(followsAssessment) ?? false)
        // A value defined on a scale (`1 = Medelhögt värde`, `N = antal`) is a legend's or a
        // table cell's, however it is set.
        if text.contains(" = ") { return false }
        // Nor is a registration number (`Dnr. KS 2013/375`), a document's field.
        if RegistrationNumber.opensWithRegistrationNumber(text) { return false }
        if ReportVocabulary.isFieldLabel(text) && !labelAsHeading || isAssessmentLike(text, line: line) || isUnitCaption(text, line: line)
            || (isColumnHeaderRow(text, line: line) && !styled && !(line.map(isOverRunningText) ?? false))
            || ReportVocabulary.isSignature(text) || isBullet(text)
        {
            return false
        }
        if styled && !gapped { return true }
        if gapped || text.contains("%") || text.contains("  ") { return false }
        let tokens = text.split(separator: " ")
        if tokens.contains(where: { ReportVocabulary.emptyCellMarks.contains($0.lowercased()) && $0.count > 1 }) { return false }
        // A leading section number (`2.3`) is the heading's own, not a figure.
        let body = GoalLabels.numberedLine(text) != nil ? Array(tokens.dropFirst()) : tokens
        // A bare number has an ASCII digit: words skip the parser.
        let numbers = body.filter {
            FigureRun.hasASCIIDigit($0) && SwedishNumber.parseBareNumber($0) != nil && !ReportVocabulary.isYear($0)
        }
        if numbers.count >= 2 { return false }
        if let last = tokens.last, FigureRun.hasASCIIDigit(last), SwedishNumber.parseBareNumber(last) != nil,
            !ReportVocabulary.isYear(last),
            GoalLabels.numberedLine(text) == nil
        {
            return false
        }
        let years = tokens.filter { ReportVocabulary.isYear($0) }
        if years.count >= 2 || (tokens.count == 1 && (years.count == 1 || ReportVocabulary.isYearSpan(tokens[0]))) { return false }
        // A form's field and its value (`Organisation: Kultur- och fritidsnämnden`) is no heading.
        if let colon = Self.firstColonSpace(in: text), text[..<colon].split(separator: " ").count <= 2,
            GoalLabels.labelledGoal(in: text) == nil
        {
            return false
        }
        // A date is written with ASCII hyphens: a line without one skips the expression.
        if text.utf8.contains(0x2D), Self.datePattern.matches(text) { return false }
        if let colon = firstColon(in: text), ReportVocabulary.isFieldLabel(String(text[..<colon])) { return false }
        return true
    }

    /// An ISO date (`2024-03-31`), compiled once: every heading candidate is tested.
    private static let datePattern = try! NSRegularExpression(pattern: #"\b(19|20)\d\d-\d\d-\d\d\b"#)

    /// Where `text.range(of: ": ")` starts, found in bytes.
    ///
    /// Nothing but the scalars `:` and ` ` side by side matches, so a text without those bytes
    /// has no match, and the first pair with ASCII on both sides (no mark or prefix joins them
    /// to another character) is the match. Any other pair is left to Foundation.
    private static func firstColonSpace(in text: String) -> String.Index? {
        let found = text.withUTF8Bytes { bytes -> (offset: Int, plain: Bool)? in
            guard bytes.count >= 2 else { return nil }
            for offset in 0..<(bytes.count - 1) where bytes[offset] == 0x3A && bytes[offset + 1] == 0x20 {
                let plainBefore = offset == 0 || bytes[offset - 1] < 0x80
                let plainAfter = offset + 2 == bytes.count || bytes[offset + 2] < 0x80
                return (offset, plainBefore && plainAfter)
            }
            return nil
        }
        guard let found else { return nil }
        guard found.plain else { return text.range(of: ": ")?.lowerBound }
        return text.utf8.index(text.utf8.startIndex, offsetBy: found.offset)
    }

    /// `text.firstIndex(of: ":")`, without walking the characters of a line that has no colon byte.
    private func firstColon(in text: String) -> String.Index? {
        text.utf8.contains(0x3A) ? text.firstIndex(of: ":") : nil
    }

    /// A long single-line heading: no comma, and running text starting a new sentence right under it.
    private func isLongHeading(_ index: Int) -> Bool {
        let text = lines[index].text
        guard Double(lengths[index]) <= 0.9 * bodyWidth, !text.contains(","), !text.contains(". "), index + 1 < lines.count
        else { return false }
        let next = lines[index + 1].text
        return !lines[index + 1].isBlank && startsUppercase(next) && isWide(line: index + 1)
    }

    private func containsColumnWord(_ text: String) -> Bool {
        text.lowercased().split(separator: " ").contains { ReportVocabulary.columnWords.contains(String($0)) }
    }

    private func isInBodyStyle(_ index: Int) -> Bool {
        guard let style = lines[index].source.style, let size = style.fontSize, let body = bodyFontSize else { return false }
        return !style.isBold && abs(size - body) <= body * 0.04 && (style.fontName == nil || style.fontName == bodyFontName)
    }

    private func isStyledAsHeading(_ index: Int) -> Bool {
        if isTaggedHeading(index) { return true }
        guard let style = lines[index].source.style else { return false }
        if let size = style.fontSize, let body = bodyFontSize, size >= body * 1.15 { return true }
        if let size = style.fontSize, let body = bodyFontSize, size < body * 0.95 { return false }
        let otherFace = style.fontName != nil && bodyFontName != nil && style.fontName != bodyFontName
            && !(style.fontName?.lowercased().contains("italic") ?? false)
        return (style.isBold || otherFace) && lengths[index] <= 90 && !endsSentence(lines[index].text)
    }

    private func headingLevel(at index: Int, previous: Block?, previousWasHeading: Bool) -> Int {
        if let numbered = GoalLabels.numberedLine(lines[index].text), let ref = numbered.ref {
            return min(4, ref.split(separator: ".").count)
        }
        if let tagged = taggedHeadingLevel(index) { return tagged }
        if let style = lines[index].source.style, let size = style.fontSize,
            let rank = headingStyleRanks[HeadingStyle(size: (size * 2).rounded() / 2, bold: style.isBold)]
        {
            return min(4, rank)
        }
        if index == firstContentLine || lines[index].startsPage { return 1 }
        if previousWasHeading, let level = previous?.level { return min(4, level + 1) }
        return 2
    }

    /// A line's type as far as telling tagged headings' styles apart needs: face, size, weight.
    struct TaggedStyle: Hashable {
        var fontName: String?
        var size: Double
        var bold: Bool
        init(_ style: TextStyle) {
            fontName = style.fontName
            size = ((style.fontSize ?? 0) * 2).rounded() / 2
            bold = style.isBold
        }
    }

    /// A document whose structure tree tags at least this many heading lines tags its headings
    /// throughout (a few tags may mark only the title).
    static let taggedHeadingsThroughout = 10

    /// The types of the tagged headings, where the document tags its headings throughout.
    private let taggedHeadingStyles: Set<TaggedStyle>?

    /// Structure roles of a tagged PDF that mark running text or table cells.
    private static let bodyRoles: Set<String> = ["P", "TD", "TH"]

    /// True when a tagged PDF marks the line as a heading (`H`, `H1`…`H6`).
    private func isTaggedHeading(_ index: Int) -> Bool { Self.isHeadingRole(lines[index].source.role) }

    /// A structure role that marks a heading: `H`, or `H1`…`H6`.
    static func isHeadingRole(_ role: String?) -> Bool {
        guard let role else { return false }
        return role == "H" || headingRoleLevel(role) != nil
    }

    /// The level a numbered heading role states (`H1`…`H6`), or nil.
    static func headingRoleLevel(_ role: String) -> Int? {
        guard role.count == 2, role.first == "H", let digit = role.last?.wholeNumberValue, (1...6).contains(digit) else { return nil }
        return digit
    }

    /// The level a tagged PDF's numbered heading role states (`H1`…`H6`, capped at 4), or nil.
    private func taggedHeadingLevel(_ index: Int) -> Int? {
        lines[index].source.role.flatMap(Self.headingRoleLevel).map { min(4, $0) }
    }

    private var firstContentLine: Int { lines.firstIndex { !$0.isBlank } ?? 0 }

    // MARK: Other lines

    /// The kind of each line, computed once: paragraphs ask it of every following line.
    private var kindMemo: [BlockKind?] = []

    mutating func lineKind(_ index: Int) -> BlockKind {
        if kindMemo.isEmpty { kindMemo = Array(repeating: nil, count: lines.count) }
        if let kind = kindMemo[index] { return kind }
        let kind = computeLineKind(index)
        kindMemo[index] = kind
        return kind
    }

    private func computeLineKind(_ index: Int) -> BlockKind {
        let text = lines[index].text
        if isPlaceholder(text) { return .placeholder }
        if isAssessmentLike(text, line: index) { return .assessment }
        if ReportVocabulary.isFieldLabel(text) { return .label }
        if let colon = firstColon(in: text), ReportVocabulary.isFieldLabel(String(text[..<colon])) {
            return .label
        }
        if ReportVocabulary.isSignature(text) { return .signature }
        if isUnitCaption(text, line: index) { return .caption }
        if isColumnHeaderRow(text, line: index) { return .columnHeader }
        if FigureRun.trailingNumbers(in: text) >= 2 { return .figures }
        if isBullet(text) || isNumberedItem(text) { return .listItem }
        return .paragraph
    }

    private func startsNewParagraph(_ index: Int) -> Bool {
        let text = lines[index].text
        return isBullet(text) || isNumberedItem(text) || (lines[index].startsPage && endsSentence(lines[index - 1].text))
    }

    // MARK: Shape tests

    func isWide(_ text: String) -> Bool { Double(text.count) >= 0.6 * bodyWidth }

    /// `isWide(lines[index].text)`.
    func isWide(line index: Int) -> Bool { Double(lengths[index]) >= 0.6 * bodyWidth }

    /// A title in display type (at least this many times the body's size) goes on over a line
    /// that starts with a capital (`Ekonomisk uppföljning maj` / `Barn- och ungdomsnämnden`).
    static let displayTypeRatio = 2.0

    /// True when the line `lower`, a blank line under `upper`, goes on with the heading `upper`
    /// starts: they are set as one widely spaced title (`LayoutLine.continuesTitle`), and the
    /// lower line starts in lower case, or the title is in display type, unnumbered, and does not
    /// repeat itself. (Two headings of one style stacked, `8 Miljöskyddsnämnden` over
    /// `Hälsoskydds- och miljöskyddsenhetens synpunkter`, stay two.)
    private func continuesTitleAcrossBlank(_ upper: Int, _ lower: Int) -> Bool {
        guard LayoutLine.continuesTitle(lines[upper], across: lines[lower]) else { return false }
        if startsLowercase(lines[lower].text) { return true }
        guard let size = lines[upper].source.style?.fontSize, let body = bodyFontSize, size >= Self.displayTypeRatio * body
        else { return false }
        return startsUppercase(lines[lower].text) && GoalLabels.numberedLine(lines[upper].text) == nil
            && lines[upper].text != lines[lower].text
    }

    func startsUppercase(_ text: String) -> Bool { text.first?.isUppercase ?? false }

    func startsLowercase(_ text: String) -> Bool { text.first?.isLowercase ?? false }

    func endsSentence(_ text: String) -> Bool {
        guard let last = text.trimmingWhitespace.last else { return false }
        return ".!?:".contains(last)
    }

    func isPlaceholder(_ text: String) -> Bool { text == "-" || text == "–" || text == "—" }

    func isBullet(_ text: String) -> Bool {
        // A line starting with an ASCII character other than `-` and `*` (most lines) starts with no
        // bullet: every bullet character is a single non-ASCII scalar.
        guard let byte = text.utf8.first, byte >= 0x80 || byte == 0x2D || byte == 0x2A else { return false }
        guard let first = text.first else { return false }
        if "●•▪◦■□►➢✓".contains(first) { return true }
        if "-–*".contains(first), text.count > 2, text.dropFirst().first == " " { return true }
        return false
    }

    func isNumberedItem(_ text: String) -> Bool {
        // Most lines do not start with a digit (`\d` is a Unicode decimal digit): they skip the
        // regular expression, which is compiled once.
        guard text.unicodeScalars.first?.properties.generalCategory == .decimalNumber else { return false }
        let whole = NSRange(text.startIndex..., in: text)
        return Self.numberedItemPattern.firstMatch(in: text, range: whole) != nil
    }

    private static let numberedItemPattern = try! NSRegularExpression(pattern: #"^\d{1,2}[.)]\s+\S"#)

    /// An assessment of a goal or of internal control: content a heading may stand over.
    func isAssessment(_ text: String, line: Int? = nil) -> Bool {
        statesAssessment(text, line: line) || text.lowercased().trimming(.punctuationCharacters).hasSuffix("tillräcklig")
    }

    /// Whether the nearest printed line above `index` states an assessment (a goal's status).
    private func followsAssessment(_ index: Int) -> Bool {
        guard let above = (0..<index).last(where: { !lines[$0].isBlank }) else { return false }
        return isAssessmentLike(lines[above].text, line: above)
    }

    func isAssessmentLike(_ text: String, line: Int? = nil) -> Bool {
        statesAssessment(text, line: line) || Self.isStatusWord(text)
    }

    // MARK: Remembered vocabulary tests
    //
    // Each takes the text and, when the text is a line's own, that line, whose answer is then
    // remembered: a line is tested for its own kind, as a heading candidate and as the line
    // under one, and each test lowercases and splits the whole line.

    private func isColumnHeaderRow(_ text: String, line: Int?) -> Bool {
        guard let line else { return ReportVocabulary.isColumnHeaderRow(text) }
        return tests.columnHeaderRow.answer(line) { ReportVocabulary.isColumnHeaderRow(text) }
    }

    private func isUnitCaption(_ text: String, line: Int?) -> Bool {
        guard let line else { return ReportVocabulary.isUnitCaption(text) }
        return tests.unitCaption.answer(line) { ReportVocabulary.isUnitCaption(text) }
    }

    /// True when the text is nothing but an assessment (`AssessmentVocabulary.assessment(inLine:)`).
    private func statesAssessment(_ text: String, line: Int?) -> Bool {
        guard let line else { return AssessmentVocabulary.assessment(inLine: text) != nil }
        return tests.assessment.answer(line) { AssessmentVocabulary.assessment(inLine: text) != nil }
    }

    /// True when line `index` is a labelled goal (`Nämndmål: …`).
    /// True when the line, with no column gap of its own, starts where an inner cell of a line
    /// above it starts, with only lines of that cell between: it continues that cell
    /// (`projektet? ⇥ Fokusområde 10 …` over `Fokusområde 11 …` and `Fokusområde 13 …` in a
    /// form's answer column). PDF input compares word boxes; text input compares character
    /// columns (an inner cell starts after a run of spaces). Asked only of lines that read as
    /// labelled goals.
    private func continuesCellAbove(_ index: Int) -> Bool {
        guard !lines[index].source.hasColumnGap else { return false }
        let box = lines[index].source.box
        // Where the line starts: its box's left edge, or for text its column.
        let start = box?.x ?? Double(lines[index].leadingSpaces)
        let tolerance = box == nil ? 0.5 : 2
        guard box != nil || lines[index].leadingSpaces >= 8 else { return false }
        func startOf(_ line: Int) -> Double? { box == nil ? Double(lines[line].leadingSpaces) : lines[line].source.box?.x }
        var above = index - 1
        // Earlier lines of the same cell: no gap of their own, starting where this one starts.
        while above >= 0, index - above <= 12, !lines[above].isBlank, lines[above].page == lines[index].page,
            !lines[above].source.hasColumnGap, let other = startOf(above), abs(other - start) < tolerance
        {
            above -= 1
        }
        // The cell's first line: a label cell, then the cell this line continues. A goal's own
        // line above (`Mål 1: ⇥ Trygg kommun` over an aligned `Delmål 1.1: …`) is not a form.
        guard above >= 0, !lines[above].isBlank, lines[above].page == lines[index].page, !hasLabelledGoal(above),
            let aboveStart = startOf(above), start > aboveStart + tolerance
        else { return false }
        guard box != nil else {
            let column = lines[index].leadingSpaces
            if Self.cellColumns(of: lines[above].source.text).contains(column) { return true }
            // Label and answer parted by one space: the answer's first word (this line's own first word) starts at the column.
            guard let ownFirstWord = lines[index].text.split(separator: " ").first else { return false }
            let aboveText = Array(lines[above].source.text)
            return column < aboveText.count && column > 0 && aboveText[column - 1] == " "
                && String(aboveText[column...].prefix(ownFirstWord.count)) == ownFirstWord
        }
        if lines[above].source.hasColumnGap {
            return lines[above].source.words.dropFirst().contains { abs($0.box.x - start) < 2 }
        }
        // A label and its answer too close for a measured column gap: the answer's first word
        // (a goal-level word like this line's own) starts exactly where this line starts.
        let ownFirstWord = lines[index].source.words.first?.text
        return lines[above].source.words.dropFirst(2).contains { abs($0.box.x - start) < 1 && $0.text == ownFirstWord }
    }

    /// The character columns where a text line's inner cells start: after a run of two or more spaces.
    static func cellColumns(of text: String) -> Set<Int> {
        var columns: Set<Int> = []
        var spaces = 0
        var sawText = false
        for (column, character) in text.enumerated() {
            if character == " " {
                spaces += 1
                continue
            }
            if sawText && spaces >= 2 { columns.insert(column) }
            sawText = true
            spaces = 0
        }
        return columns
    }

    private func hasLabelledGoal(_ index: Int) -> Bool {
        tests.labelledGoal.answer(index) { GoalLabels.labelledGoal(in: lines[index].text) != nil }
    }

    /// `statusWords.contains(text.lowercased().trimming(.punctuationCharacters))`, without lowercasing
    /// a line too long to be one (lowercasing a whole line is costly, and nearly every line is asked).
    ///
    /// Each ASCII letter and space of the text stays an ASCII letter or space when lowercased, and
    /// is not punctuation, so trimming keeps it; a string equal to a status word (canonical
    /// equivalence included) has no more of them than the word's decomposed form has scalars.
    static func isStatusWord(_ text: String) -> Bool {
        var lettersAndSpaces = 0
        for byte in text.utf8 where byte == 0x20 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
            lettersAndSpaces += 1
            if lettersAndSpaces > statusWordScalarLimit { return false }
        }
        return ReportVocabulary.statusWords.contains(text.lowercased().trimming(.punctuationCharacters))
    }

    /// The most scalars a status word has, decomposed.
    private static let statusWordScalarLimit = ReportVocabulary.statusWords
        .map { $0.decomposedStringWithCanonicalMapping.unicodeScalars.count }.max() ?? 0

    /// The most lines read under a line of column words for the end of a sentence.
    static let runningTextLinesRead = 8

    /// Whether the printed lines under `index` are running text: wide lines, the first starting
    /// a sentence, set without column gaps, ending in no figures, and ending a sentence before
    /// the next blank line. Column words over such a paragraph (`Utfall och prognos`) name a
    /// section; a table's header stands over rows, whose cells (a wrapped activity's title)
    /// end no sentence.
    func isOverRunningText(_ index: Int) -> Bool {
        guard let next = nextNonBlank(from: index + 1), lines[next].page == lines[index].page,
            isWide(line: next), startsUppercase(lines[next].text), !isColumnHeaderRow(lines[next].text, line: next)
        else { return false }
        var line = next
        while line < min(lines.count, next + Self.runningTextLinesRead), !lines[line].isBlank {
            let text = lines[line].text
            // A column gap in text is a run of spaces wider than justification makes.
            guard !lines[line].source.hasColumnGap, !text.contains("   "), FigureRun.trailingNumbers(in: text) < 2 else { return false }
            if let last = text.trimmingWhitespace.last, ".!?".contains(last) { return true }
            line += 1
        }
        return false
    }

    func nextNonBlank(from index: Int) -> Int? {
        var i = index
        while i < lines.count {
            if !lines[i].isBlank { return i }
            i += 1
        }
        return nil
    }
}

/// Counting the numbers that end a line: what makes a line a row of figures.
public enum FigureRun {
    /// How many tokens at the end of the line are numbers or empty-cell marks (`-`, `I.U.`).
    ///
    /// Tokens are taken from the end one at a time (as `split(separator: " ")` would cut them), so
    /// a line of running text, whose last word ends the count, is not split whole.
    public static func trailingNumbers(in text: String) -> Int {
        var count = 0
        var sawDigit = false
        var rest = Substring(text)
        while !rest.isEmpty {
            let token: Substring
            if let space = rest.lastIndex(of: " ") {
                token = rest[rest.index(after: space)...]
                rest = rest[..<space]
            } else {
                token = rest
                rest = rest[rest.startIndex..<rest.startIndex]
            }
            if token.isEmpty { continue }
            let t = trimSet0.trim(token)
            if t.isEmpty { continue }
            // Both parsers need an ASCII digit; words (the usual last token) skip them.
            if hasASCIIDigit(token), SwedishNumber.parseBareNumber(t) != nil || SwedishNumber.parse(String(token)) != nil {
                count += 1
                sawDigit = true
            } else if isEmptyCellMark(t) || t == "tkr" || t == "kr" {
                count += 1
            } else {
                break
            }
        }
        return sawDigit ? count : 0
    }

    static func hasASCIIDigit(_ token: Substring) -> Bool {
        token.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Marks of an empty cell, lower-cased.
    private static let emptyCellMarks: Set<String> = ["-", "–", "i.u.", "i.u", "..", "x"]

    /// True for `-`, `–`, `I.U.`, `..`, `x` in any case. None has more than four scalars, and
    /// lowercasing never shortens a text in scalars, so a longer token is not lowercased.
    static func isEmptyCellMark(_ token: String) -> Bool {
        token.utf8.count <= 16 && emptyCellMarks.contains(token.lowercased())
    }
}

/// Remembered answers of the vocabulary tests, one slot per line (see `LineClassifier`'s
/// remembered tests). A class, so the classifier's non-mutating tests can fill it.
private final class LineTestMemos {
    let columnHeaderRow: LineTestMemo
    let unitCaption: LineTestMemo
    let assessment: LineTestMemo
    let labelledGoal: LineTestMemo

    init(count: Int) {
        columnHeaderRow = LineTestMemo(count: count)
        unitCaption = LineTestMemo(count: count)
        assessment = LineTestMemo(count: count)
        labelledGoal = LineTestMemo(count: count)
    }
}

/// One test's answer for each line, computed on first use.
private final class LineTestMemo {
    private var answers: [Bool?]

    init(count: Int) {
        answers = Array(repeating: nil, count: count)
    }

    func answer(_ line: Int, _ compute: () -> Bool) -> Bool {
        if let known = answers[line] { return known }
        let value = compute()
        answers[line] = value
        return value
    }
}
