import Foundation
import ReportSource
import SwedishReportLanguage

/// Stage 3: groups lines into blocks (headings, paragraphs, lists, labels, figures, captions).
///
/// Text input has no geometry, so a heading is known by its shape and what follows it: a short
/// line, not ending a sentence, that begins a group of lines and is followed by running text, a
/// list, a table, a goal, or another heading. PDF input adds font size and weight as evidence.
public struct LayoutAnalyser: Sendable {
    /// Creates a layout analyser.
    public init() {}

    /// Builds the layout of a document.
    public func analyse(_ document: SourceDocument) -> LayoutDocument {
        let lines = Self.flatten(document)
        // Each line's length in characters, counted once: every measure below and the classifier use it.
        let lengths = lines.map { $0.text.count }
        let bodyWidth = Self.bodyWidth(of: lengths)
        var classifier = LineClassifier(
            lines: lines, bodyWidth: bodyWidth, bodyFontSize: Self.bodyFontSize(of: lines, lengths: lengths),
            bodyFontName: Self.bodyFontName(of: lines, lengths: lengths), lengths: lengths)
        let blocks = classifier.blocks()
        return LayoutDocument(source: document, lines: lines, blocks: blocks, bodyWidth: bodyWidth)
    }

    static func flatten(_ document: SourceDocument) -> [LayoutLine] {
        var result: [LayoutLine] = []
        // Text whose form feeds were turned into spaces shows a page start as one leading space
        // after a finished sentence; trust that only when the text has no form feeds at all.
        let guessPageStarts = document.kind == .text && document.pages.count == 1
        for page in document.pages {
            var seenText = false
            for line in page.lines {
                let text = line.text.trimmingSpaces
                let leading = line.text.leadingSpaceCount
                var starts = !seenText && !text.isEmpty
                if guessPageStarts, leading == 1, let first = text.first, first.isUppercase || first.isNumber,
                    let previous = result.last(where: { !$0.text.isEmpty })
                {
                    // The page before ended a sentence, or ended on a short line (a signature, a caption).
                    let endedSentence = ".!?".contains(previous.text.last ?? ".")
                    starts = endedSentence || previous.text.count < 40
                }
                if !text.isEmpty { seenText = true }
                result.append(LayoutLine(source: line, page: page.number, text: text, leadingSpaces: leading, startsPage: starts))
            }
        }
        return result
    }

    /// The 90th percentile of line lengths: how long a full line of running text is.
    static func bodyWidth(of lineLengths: [Int]) -> Double {
        let lengths = lineLengths.map { Double($0) }.filter { $0 > 0 }.sorted()
        guard !lengths.isEmpty else { return 80 }
        return max(50, lengths[min(lengths.count - 1, Int(Double(lengths.count) * 0.9))])
    }

    /// The most common font name weighted by characters (PDF input), else nil.
    static func bodyFontName(of lines: [LayoutLine], lengths: [Int]) -> String? {
        var weights: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            guard let name = line.source.style?.fontName else { continue }
            weights[name, default: 0] += lengths[index]
        }
        return weights.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }

    /// The most common font size weighted by characters (PDF input), else nil.
    static func bodyFontSize(of lines: [LayoutLine], lengths: [Int]) -> Double? {
        var weights: [Double: Int] = [:]
        for (index, line) in lines.enumerated() {
            guard let size = line.source.style?.fontSize else { continue }
            weights[(size * 2).rounded() / 2, default: 0] += lengths[index]
        }
        return weights.max { $0.value < $1.value }?.key
    }
}
