import Foundation
import SwedishReportLanguage
import ReportSource

/// Finds running headers, footers and page numbers and takes them out of the flow.
///
/// Two signals: repetition (the same top or bottom line, digits aside, on many pages), and the
/// shape of a running footer that names the report and a page number (`Årsbokslut 2023 12`),
/// which text without form feeds leaves in the middle of the flow.
enum PageFurniture {
    /// Words that name a report in a running header or footer.
    static let reportWords = [
        "årsbokslut", "årsredovisning", "verksamhetsberättelse", "delårsrapport", "delårsbokslut", "internbudget",
        "verksamhetsplan", "budget", "månadsuppföljning", "tertialrapport", "årsredogörelse", "bokslut",
    ]

    static func remove(from document: inout SourceDocument) -> [(page: Int, line: SourceLine)] {
        var removed: [(page: Int, line: SourceLine)] = []
        // Each page's edges, found once for both the repetition count and the removal.
        var edgesByPage = document.pages.map(edgeIndices)
        var repeated = repeatedEdgeLines(in: document, edgesByPage: edgesByPage)
        // A letterhead or footer block several lines deep (`Alingsås kommun` over the
        // department, the address and the page number) repeats line by line at the same depth.
        let blocks = repeatedEdgeBlocks(in: document, repeated: repeated)
        for pageIndex in document.pages.indices { edgesByPage[pageIndex].formUnion(blocks.lines[pageIndex]) }
        repeated.formUnion(blocks.shapes)
        let tableHeaders = repeatedTableHeaders(in: document, edgesByPage: edgesByPage, repeated: repeated)
        let body = bodyFontSize(of: document)
        // The texts each repeated shape takes across the pages: a slide title changes its year
        // from page to page, a letterhead is the same on every page.
        var textsByShape: [String: Set<String>] = [:]
        for page in document.pages {
            for line in page.lines where isShortEnoughForFurniture(line.text) {
                let lineShape = shape(of: line.text)
                if repeated.contains(lineShape) { textsByShape[lineShape, default: []].insert(line.text) }
            }
        }
        for pageIndex in document.pages.indices {
            let page = document.pages[pageIndex]
            let edges = edgesByPage[pageIndex]
            var kept: [SourceLine] = []
            for (lineIndex, line) in page.lines.enumerated() {
                let isEdge = edges.contains(lineIndex)
                // Only a line of at most 80 characters is furniture by its shape (no edge is longer),
                // so running text, mostly longer, is not shaped.
                let isShort = isEdge || isShortEnoughForFurniture(line.text)
                let lineShape = isShort ? shape(of: line.text) : ""
                let isRepeated = isShort && repeated.contains(lineShape)
                // A running title with its year (`Stadsrevisionens årsredogörelse 2024`) that extraction
                // moved into the middle of a two-column page is still furniture.
                let runningTitle = isRepeated && lineShape.contains("#")
                    && lineShape.contains(where: \.isLetter) && isShortEnoughForFurniture(line.text)
                let furniture = isEdge && (isRepeated || isPageNumber(line.text)) || runningTitle
                    || isRunningFooter(line, at: lineIndex, in: page.lines)
                // A table's header repeated on every page it covers, and its caption, repeat like a
                // running header; they belong to the table. So does a figure in a drawn cell.
                // A repeated line of words in display type whose text changes from page to page is a
                // slide's title (`Ram 2027`, `Ram 2028` over a deck's slides): running headers are
                // set small. (A large page number or an unchanging letterhead stays furniture.)
                let displayed = isRepeated && lineShape.contains(where: \.isLetter) && !isPageNumber(line.text)
                    && (textsByShape[lineShape]?.count ?? 0) > 1
                    && body.map { size in Self.roundedSize(line.style?.fontSize ?? 0) >= Self.displayTypeRatio * size } ?? false
                if furniture && !displayed && !(isRepeated && tableHeaders.contains(lineShape)) && !RuledCellGuard.isInsideRuledCell(line, on: page) {
                    removed.append((page.number, line))
                } else {
                    kept.append(line)
                }
            }
            document.pages[pageIndex].lines = kept
        }
        return removed
    }

    /// Repeated lines that head a table wherever they appear: a table's header repeated on each
    /// page it covers, or a caption repeated in several chapters. A running header also stands
    /// over a table now and then, but not on every page.
    static func repeatedTableHeaders(in document: SourceDocument, edgesByPage: [Set<Int>], repeated: Set<String>) -> Set<String> {
        var headsEveryTime: [String: Bool] = [:]
        for (pageIndex, page) in document.pages.enumerated() {
            for lineIndex in edgesByPage[pageIndex] {
                let lineShape = shape(of: page.lines[lineIndex].text)
                guard repeated.contains(lineShape) else { continue }
                let heads = TableHeaderGuard.headsTable(at: lineIndex, in: page.lines)
                headsEveryTime[lineShape] = (headsEveryTime[lineShape] ?? true) && heads
            }
        }
        return Set(headsEveryTime.filter(\.value).keys)
    }

    /// The first and last few non-blank lines of a page (one each on a short page), if short
    /// enough to be a running header or footer.
    /// A line this many times the body's type size is display type: a title, never furniture.
    static let displayTypeRatio = 2.0

    /// The type size most of the document's characters are set in, where the source says.
    static func bodyFontSize(of document: SourceDocument) -> Double? {
        var characters: [Double: Int] = [:]
        for page in document.pages {
            for line in page.lines {
                if let size = line.style?.fontSize { characters[roundedSize(size), default: 0] += line.text.count }
            }
        }
        // The smaller size wins a tie, so the answer does not depend on dictionary order.
        return characters.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }

    /// A type size to the half point, as sizes are compared here.
    static func roundedSize(_ size: Double) -> Double { (size * 2).rounded() / 2 }

    static func edgeIndices(of page: SourcePage) -> Set<Int> {
        let nonBlank = page.lines.indices.filter { !page.lines[$0].isBlank }
        // A footer often sits above a page number and a date: look three lines deep on a full page.
        let depth = nonBlank.count >= 6 ? 2 : 1
        var edges = Set(nonBlank.prefix(depth)).union(nonBlank.suffix(depth))
        // A footer often sits above a page number and a date; that deep, only a line that carries
        // a number (a year, a date) is taken for one, so a section's last heading stays.
        if nonBlank.count >= 10 {
            for index in [nonBlank[2], nonBlank[nonBlank.count - 3]] where page.lines[index].text.contains(where: \.isNumber) {
                edges.insert(index)
            }
        }
        return edges.filter { isShortEnoughForFurniture(page.lines[$0].text) }
    }

    /// At most 80 characters once indentation and padding are off (pdftotext -layout sets a page
    /// number far to the right and a running header's halves far apart; running text is longer).
    /// At most 80 bytes is at most 80 characters, so only a longer line is counted.
    static func isShortEnoughForFurniture(_ text: String) -> Bool {
        if text.utf8.count <= 80 { return true }
        var count = 0
        var previousWasSpace = false
        for character in text.trimmingWhitespace {
            let isSpace = character == " " || character == "\t"
            if isSpace && previousWasSpace { continue }
            previousWasSpace = isSpace
            count += 1
            if count > 80 { return false }
        }
        return true
    }

    /// A line with each run of digits folded to `#`, tabs to spaces and runs of spaces to one, so
    /// `Sida 9` and `Sida 10` look alike.
    ///
    /// Every line of every page is shaped, so this is one pass over the scalars rather than two
    /// Foundation replacements (a regular expression among them), which cost more than the rest of
    /// normalisation together. The rare line this pass cannot answer exactly as Foundation does (a
    /// non-ASCII decimal digit, which `\d` also folds; after a tab, a scalar that might join it)
    /// takes the old way.
    static func shape(of text: String) -> String {
        let trimmed = text.trimmingWhitespace
        var bytes: [UInt8] = []
        bytes.reserveCapacity(trimmed.utf8.count)
        var inDigits = false
        var afterTab = false
        for scalar in trimmed.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if byte >= 0x30 && byte <= 0x39 {
                    if !inDigits { bytes.append(0x23) }  // #
                    inDigits = true
                    afterTab = false
                    continue
                }
                inDigits = false
                afterTab = byte == 0x09
                let folded = afterTab ? 0x20 : byte
                // A run of spaces is one space: pdftotext -layout pads a running header's two
                // halves apart by a different number of spaces on different pages.
                if folded == 0x20, bytes.last == 0x20 { continue }
                bytes.append(folded)
                continue
            }
            if (afterTab && !isPlainAfterTab(scalar)) || scalar.properties.generalCategory == .decimalNumber {
                return foundationShape(of: trimmed)
            }
            inDigits = false
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True for the non-ASCII scalars that commonly follow a tab (text input may keep its tabs)
    /// and are base characters by any definition (Latin letters, dashes and quotes, currency,
    /// arrows and shapes), so Foundation's replacement of the tab cannot see them as joined to it.
    private static func isPlainAfterTab(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00A1...0x00AC, 0x00AE...0x024F, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF, 0x2190...0x23FF,
            0x25A0...0x27BF:
            return true
        default:
            return false
        }
    }

    /// `shape(of:)` by Foundation's replacements, for the lines its own pass leaves to them.
    private static func foundationShape(of trimmed: String) -> String {
        trimmed.replacingOccurrences(of: "\t", with: " ")
            .replacingOccurrences(of: #"\d+"#, with: "#", options: .regularExpression)
            .replacingOccurrences(of: #" {2,}"#, with: " ", options: .regularExpression)
    }

    static func repeatedEdgeLines(in document: SourceDocument, edgesByPage: [Set<Int>]) -> Set<String> {
        guard document.pages.count >= 3 else { return [] }
        var counts: [String: Int] = [:]
        for (pageIndex, page) in document.pages.enumerated() {
            var seen = Set<String>()
            for index in edgesByPage[pageIndex] {
                let s = shape(of: page.lines[index].text)
                if s.count >= 1, seen.insert(s).inserted { counts[s, default: 0] += 1 }
            }
        }
        let threshold = repeatsNeeded(pages: document.pages.count)
        return Set(counts.filter { $0.value >= threshold }.keys)
    }

    /// The share of pages a running header must stand on: title pages, full-page pictures and
    /// two-column reading order keep it off many pages' edges.
    static let repeatedShareOfPages = 0.25
    /// Pages a running header stands on at least, however short the document.
    static let fewestRepeats = 3

    /// On how many pages a line must repeat to be furniture.
    static func repeatsNeeded(pages: Int) -> Int {
        max(fewestRepeats, Int((Double(pages) * repeatedShareOfPages).rounded(.up)))
    }

    /// Lines a letterhead or footer block may take, counted from the page's edge.
    static let deepestEdgeBlock = 6

    /// The lines of each page that stand in a block at its top or bottom edge whose every line,
    /// from the edge inwards, repeats (digits aside) at the same depth on the pages that
    /// repeated edge lines need; and their shapes. (At the same depth only: a section's label
    /// near the top of many pages, `Beslutsunderlag` in a protocol, stands at different depths.)
    static func repeatedEdgeBlocks(in document: SourceDocument, repeated: Set<String>) -> (lines: [Set<Int>], shapes: Set<String>) {
        let none = Array(repeating: Set<Int>(), count: document.pages.count)
        guard document.pages.count >= 3 else { return (none, []) }
        let threshold = repeatsNeeded(pages: document.pages.count)
        struct Key: Hashable { var fromTop: Bool; var depth: Int; var shape: String }
        // Each page's non-blank lines from the top and from the bottom, shaped.
        let sides: [[(fromTop: Bool, lines: [(index: Int, shape: String)])]] = document.pages.map { page in
            let nonBlank = page.lines.indices.filter { !page.lines[$0].isBlank && isShortEnoughForFurniture(page.lines[$0].text) }
            let shaped = { (indices: [Int]) in indices.map { ($0, shape(of: page.lines[$0].text)) } }
            return [(true, shaped(Array(nonBlank.prefix(deepestEdgeBlock)))), (false, shaped(Array(nonBlank.suffix(deepestEdgeBlock).reversed())))]
        }
        var counts: [Key: Int] = [:]
        for page in sides {
            for side in page {
                for (depth, line) in side.lines.enumerated() { counts[Key(fromTop: side.fromTop, depth: depth, shape: line.shape), default: 0] += 1 }
            }
        }
        var lines = none
        var shapes = Set<String>()
        for (pageIndex, page) in sides.enumerated() {
            let pageLines = document.pages[pageIndex].lines
            for side in page {
                // From the edge inwards while each line repeats at its depth and ends no sentence
                // (a letterhead's lines never do; running text repeated on every page would); a
                // block of one line is the edge lines' business.
                let run = side.lines.enumerated().prefix { depth, line in
                    (counts[Key(fromTop: side.fromTop, depth: depth, shape: line.shape)] ?? 0) >= threshold
                        && !pageLines[line.index].text.trimmingWhitespace.hasSuffix(".")
                }.map(\.element)
                // The block starts at the edge with a line already known for furniture (a repeated
                // edge line, a page number): a form laid out one item a page does not.
                guard run.count >= 2, let outer = run.first,
                    repeated.contains(outer.shape) || isPageNumber(pageLines[outer.index].text)
                else { continue }
                for line in run {
                    lines[pageIndex].insert(line.index)
                    shapes.insert(line.shape)
                }
            }
        }
        return (lines, shapes)
    }

    /// True when a line ends with a number, as table rows do.
    static func endsInFigures(_ text: String) -> Bool {
        guard let last = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).last else { return false }
        return last.allSatisfy { $0.isNumber || $0 == "," || $0 == "-" || $0 == "%" } && last.contains(where: \.isNumber)
    }

    /// `12`, `- 12 -`, `Sida 3`, `Sida 3 av 24`, `3 (24)`, `3/24`.
    static func isPageNumber(_ text: String) -> Bool {
        let t = text.trimmingWhitespace.lowercased()
        guard !t.isEmpty, t.count <= 16 else { return false }
        return pageNumberPatterns.contains { $0.matches(t) }
    }

    /// The shapes of a page number, compiled once: every edge line of every page is tested.
    static let pageNumberPatterns = [
        #"^[-–]?\s*\d{1,4}\s*[-–]?$"#, #"^sida\s+\d{1,4}(\s*(av|\()\s*\d{1,4}\)?)?$"#,
        #"^\d{1,4}\s*\(\d{1,4}\)$"#, #"^\d{1,4}\s*/\s*\d{1,4}$"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// `<words> <year> <page>`, compiled once: every line is tested.
    static let runningFooterPattern = try! NSRegularExpression(pattern: #"^[\p{L} –-]+[ \t](19|20)\d\d(/\d\d)?[ \t]+\d{1,4}$"#)

    /// A lone line `<report word> … <year> <page>` between blank lines: a footer left in the flow.
    static func isRunningFooter(_ line: SourceLine, at index: Int, in lines: [SourceLine]) -> Bool {
        let t = line.text.trimmingWhitespace
        // The pattern ends in a page number: a line ending in an ASCII character other than a digit
        // (or a line break, which `$` may stand before) cannot match, and skips the expression.
        if let last = t.unicodeScalars.last, last.isASCII, !(last.value >= 0x30 && last.value <= 0x39),
            last != "\n", last != "\r"
        {
            return false
        }
        guard t.utf8.count <= 80 || t.count <= 80,
            Self.runningFooterPattern.matches(t)
        else { return false }
        // A row of a table (`Bokslut 2023 178` under `Delårsbokslut 0 178`) is not a footer.
        if let previous = lines[..<index].last(where: { !$0.isBlank }), endsInFigures(previous.text) { return false }
        let lower = t.lowercased()
        guard reportWords.contains(where: { lower.hasPrefix($0) || lower.contains(" " + $0) }) else { return false }
        let before = index == 0 || lines[index - 1].isBlank
        let after = index == lines.count - 1 || lines[index + 1].isBlank
        return before && after
    }
}
