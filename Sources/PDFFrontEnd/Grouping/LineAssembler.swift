import Foundation
import ReportSource
import SwedishReportLanguage

/// Turns rows in reading order into the pipeline's lines: text, box, dominant style, words
/// (each marked where a column gap starts a cell) and icons; and a blank line wherever the
/// page leaves more than the usual space between lines, as pdftotext does, since later stages
/// read blank lines as the ends of paragraphs.
enum LineAssembler {
    static func lines(regions: [ReadingOrder.Region], words: [Word], styles: [GlyphStyle]) -> [SourceLine] {
        let textStyles = styles.map(\.textStyle)
        let leading = usualGap(regions: regions, words: words)
        var lines: [SourceLine] = []
        var previous: (rect: Rect, size: Double, hasColumns: Bool)?
        for region in regions {
            let body = region.rows.map { RowCells.isBodyRow($0, words: words) }
            for (offset, row) in region.rows.enumerated() {
                guard var line = line(of: row, words: words, styles: textStyles) else { continue }
                let size = rowFontSize(row, words: words)
                if let previous {
                    let gap = row.rect.minY - previous.rect.maxY
                    let em = min(size, previous.size)
                    // Rows of figures stay together even where the table spaces them out, and so
                    // does a group label between them (`Antal årsarbetare` over its rows); rows of
                    // wordy cells keep the blank line that shows where one row's cells end.
                    let groupLabel = !body[offset] && !row.columnGapBefore.contains(true) && offset + 1 < body.count
                        && body[offset + 1] && region.rows[offset + 1].rect.minY - row.rect.maxY < 1.5 * em
                    let sameTable = previous.hasColumns && (body[offset] && gap < 1.5 * em || groupLabel && gap < 2.5 * em)
                    if (offset == 0 && region.startsColumn) || (!sameTable && gap > leading + 0.45 * em) || gap < -0.5 * em {
                        lines.append(SourceLine(text: "", lineNumber: lines.count + 1))
                    }
                }
                line.lineNumber = lines.count + 1
                lines.append(line)
                previous = (row.rect, size, body[offset] || row.columnGapBefore.contains(true))
            }
        }
        return lines
    }

    /// The usual space between consecutive lines of the page: the median of small gaps.
    static func usualGap(regions: [ReadingOrder.Region], words: [Word]) -> Double {
        var gaps: [Double] = []
        for region in regions where region.rows.count > 1 {
            for i in 1..<region.rows.count {
                let gap = region.rows[i].rect.minY - region.rows[i - 1].rect.maxY
                let em = rowFontSize(region.rows[i], words: words)
                if gap > -0.3 * em && gap < 1.2 * em { gaps.append(gap) }
            }
        }
        guard !gaps.isEmpty else { return 0 }
        gaps.sort()
        return max(0, gaps[gaps.count / 2])
    }

    static func rowFontSize(_ row: Row, words: [Word]) -> Double {
        var size = 0.0
        for index in row.words where !words[index].isIcon { size = max(size, words[index].fontSize) }
        return size > 0 ? size : row.rect.height
    }

    /// One row as a line; nil for a row with nothing in it.
    static func line(of row: Row, words: [Word], styles: [TextStyle]) -> SourceLine? {
        var text = ""
        var sourceWords: [SourceWord] = []
        // Sized once: a document keeps every line's words to the end, so growth slack would stay too.
        sourceWords.reserveCapacity(row.words.count)
        var icons: [IconMark] = []
        var box: Rect?
        var characters: [Int32: Int] = [:]
        var gapPending = false
        // A coloured mark before a long line of text is a list bullet, not a status.
        let leadingBullet = row.words.first.map { words[$0].isIcon } == true
            && row.words.dropFirst().filter { !words[$0].isIcon }.count >= 5
            && row.words.dropFirst().allSatisfy { !words[$0].isIcon } && !row.columnGapBefore.contains(true)
        for (position, index) in row.words.enumerated() {
            let word = words[index]
            if position > 0, row.columnGapBefore[position - 1] { gapPending = true }
            if let color = word.icon, !(position == 0 && leadingBullet) {
                icons.append(IconMark(color: color, box: word.rect.box, shape: word.iconShape))
                continue
            }
            if !text.isEmpty, isFootnoteMark(word, in: row, words: words) { continue }
            var joined = false
            if !text.isEmpty {
                if !gapPending, let last = sourceWords.last, continuesHyphenated(last, with: word) {
                    // A word split at the end of a printed line, its end on the lower line of the
                    // same row (cells set vertically offset): made whole again.
                    text.removeLast()
                    joined = true
                } else {
                    text += " "
                }
            }
            text += word.text
            box = box.map { $0.union(word.rect) } ?? word.rect
            characters[word.style, default: 0] += word.text.count
            let style = word.style >= 0 ? styles[Int(word.style)] : nil
            sourceWords.append(
                SourceWord(
                    text: word.text, box: word.rect.box, style: style, startsColumn: gapPending && !sourceWords.isEmpty,
                    continuesPrevious: joined))
            gapPending = false
        }
        if text.isEmpty && icons.isEmpty { return nil }
        let dominant = characters.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? -1
        let lineBox = box ?? row.rect
        return SourceLine(
            text: text, lineNumber: 0, box: lineBox.box, style: dominant >= 0 ? styles[Int(dominant)] : nil,
            words: sourceWords, icons: icons)
    }


    /// True when `next` starts a lower line of the same cell and finishes the word `last` broke
    /// off with a hyphen (`ackumu-` / `lerade`).
    static func continuesHyphenated(_ last: SourceWord, with next: Word) -> Bool {
        guard last.text.count >= 3, last.text.hasSuffix("-"), last.text.dropLast().last?.isLetter == true,
            next.rect.minY > last.box.maxY - 0.2 * last.box.height,
            let first = next.text.first, first.isLetter, first.isLowercase
        else { return false }
        let bare = next.text.trimmingCharacters(in: .punctuationCharacters).lowercased()
        // Suspended compounds keep their hyphen: `miljö- och klimatnämnden`.
        return !TableWords.suspendedCompoundConnectors.contains(bare)
    }

    /// A footnote reference after a word: one or two digits, smaller than the text of its row
    /// and raised above its baseline (`-1 400 kg²`). It would otherwise read as a figure of the
    /// cell. (At the start of a footnote the number stays.)
    static func isFootnoteMark(_ word: Word, in row: Row, words: [Word]) -> Bool {
        guard word.text.count <= 2, word.text.allSatisfy(\.isNumber) else { return false }
        var size = 0.0, baseline = 0.0
        for id in row.words where !words[id].isIcon && words[id].fontSize > size {
            size = words[id].fontSize
            baseline = words[id].rect.maxY
        }
        return word.fontSize < 0.8 * size && word.rect.maxY < baseline - 0.2 * word.rect.height
    }
}
