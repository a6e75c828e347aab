import Layout
import ReportModel
import ReportSource
import SwedishReportLanguage

/// The legends a report prints for its status icons: a line per icon (`● Helt uppfyllt`, a
/// legend table's rows), or a row of icons each with its words beside it (`● Ej uppfyllt
/// ● Delvis uppfyllt ● Helt uppfyllt`). A report may print one legend per section and give an
/// icon different words in each, so an icon is read through the legend nearest before it.
struct IconLegend {
    /// An icon as a legend and a goal both see it: its colour, and its outline where known.
    struct Icon: Hashable {
        var colour: StatusIcon
        var shape: IconShape?

        /// Nil for a mark with no colour (an icon glyph that repair blanked).
        init?(_ mark: IconMark) {
            guard let color = mark.color else { return nil }
            self.colour = IconLegend.classify(color)
            self.shape = mark.shape
        }

        init(colour: StatusIcon, shape: IconShape? = nil) {
            self.colour = colour
            self.shape = shape
        }
    }

    /// One icon's meaning as a legend prints it.
    struct Entry {
        /// The legend's line.
        var line: Int
        var icon: Icon
        var status: Assessment
    }

    /// An assignment status a legend gives an icon (`● Klart`), as printed.
    struct StatusEntry {
        var line: Int
        var icon: Icon
        var words: String
    }

    /// The longest text (bytes) read as a legend of colour words: a legend is a line or two.
    static let longestColourLegend = 300

    private(set) var entries: [Entry] = []
    private(set) var statusEntries: [StatusEntry] = []

    init(layout: LayoutDocument) {
        // A legend in words that names the colours (`Grön = uppfyllt, gul = delvis uppfyllt`):
        // an entry per colour, for icons of any shape, at the block's first line.
        for block in layout.blocks where block.kind != .heading {
            let text = layout.text(of: block)
            guard text.utf8.count <= Self.longestColourLegend else { continue }
            for entry in ColourLegend.entries(in: text) {
                guard let colour = StatusIcon(rawValue: entry.colour), let status = Assessment(rawValue: entry.kind.rawValue) else { continue }
                entries.append(Entry(line: block.lineRange.lowerBound, icon: Icon(colour: colour), status: status))
            }
        }
        for (index, line) in layout.lines.enumerated() where !line.source.icons.isEmpty {
            for (mark, label) in Self.labelledIcons(of: line) {
                guard let icon = Icon(mark) else { continue }
                if let found = AssessmentVocabulary.assessment(inLine: label), let status = Assessment(rawValue: found.kind.rawValue) {
                    entries.append(Entry(line: index, icon: icon, status: status))
                }
                let words = label.trimming(.whitespaces)
                if AssignmentVocabulary.statusPhrases.contains(words.lowercased()) {
                    statusEntries.append(StatusEntry(line: index, icon: icon, words: words))
                }
            }
        }
        // In line order (`nearest` reads them so), the order found kept within a line.
        entries = entries.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// What an icon on a line means for a goal: the nearest legend entry for it before the line,
    /// else the nearest after it (a legend printed under the goals it explains).
    func meaning(of icon: Icon, at line: Int) -> Entry? {
        Self.nearest(Self.matching(icon, in: entries, by: \.icon), to: line, at: \.line)
    }

    /// The assignment status an icon on a line stands for, found the same way.
    func assignmentStatus(of icon: Icon, at line: Int) -> String? {
        Self.nearest(Self.matching(icon, in: statusEntries, by: \.icon), to: line, at: \.line)?.words
    }

    /// The entries for an icon: those of its colour, and of those, the ones of its shape where
    /// the legend draws it (same-coloured arrows told apart by direction), else the ones pointing
    /// its way (a legend's `↑` for a report's `▲`). An icon whose shape no entry draws (a legend
    /// of plain discs) is read by colour alone.
    static func matching<E>(_ icon: Icon, in entries: [E], by key: (E) -> Icon) -> [E] {
        let sameColour = entries.filter { key($0).colour == icon.colour }
        guard let shape = icon.shape else { return sameColour }
        let sameShape = sameColour.filter { key($0).shape == shape }
        if !sameShape.isEmpty { return sameShape }
        if let pointing = shape.pointing {
            let sameWay = sameColour.filter { key($0).shape?.pointing == pointing }
            if !sameWay.isEmpty { return sameWay }
        }
        return sameColour
    }

    /// The entry nearest before `line`, else the nearest after (entries in line order).
    static func nearest<E>(_ entries: [E], to line: Int, at position: (E) -> Int) -> E? {
        entries.last { position($0) <= line } ?? entries.first { position($0) > line }
    }

    /// A line's icons, each with the words that label it. One icon labels the whole line; on a
    /// line of several, each icon's label is the words between it and the next icon, on the side
    /// the line's first icon shows (icons before their words, or after them).
    static func labelledIcons(of line: LayoutLine) -> [(IconMark, String)] {
        let icons = line.source.icons
        guard icons.count > 1 else {
            return icons.first.map { $0.color == nil ? [] : [($0, line.text)] } ?? []
        }
        let words = line.source.words
        let boxes = icons.compactMap(\.box)
        guard boxes.count == icons.count, !words.isEmpty else { return [] }
        let iconsLead = boxes[0].x <= words[0].box.x
        var result: [(IconMark, String)] = []
        for (index, icon) in icons.enumerated() {
            guard icon.color != nil else { continue }
            let from = iconsLead ? boxes[index].maxX : (index > 0 ? boxes[index - 1].maxX : -Double.infinity)
            let to = iconsLead ? (index + 1 < boxes.count ? boxes[index + 1].x : Double.infinity) : boxes[index].x
            let label = words.filter { $0.box.x >= from && $0.box.maxX <= to }.map(\.text).joined(separator: " ")
            if !label.isEmpty { result.append((icon, label)) }
        }
        return result
    }

    /// True when a line is a legend of several icons, each with words that name a status (an
    /// assessment or an assignment's status): it explains the icons and assesses nothing itself.
    /// A row of a table with a status icon and a trend icon beside its text is no legend.
    static func isLegendRow(_ line: LayoutLine) -> Bool {
        let labels = labelledIcons(of: line).map(\.1)
        return labels.count > 1 && labels.allSatisfy { label in
            AssessmentVocabulary.assessment(inLine: label) != nil
                || AssignmentVocabulary.statusPhrases.contains(label.trimming(.whitespaces).lowercased())
        }
    }

    /// Names a colour by hue: the five colours reports use for status.
    static func classify(_ color: RGBColor) -> StatusIcon {
        let r = Double(color.red) / 255, g = Double(color.green) / 255, b = Double(color.blue) / 255
        let maxC = max(r, g, b), minC = min(r, g, b)
        if maxC - minC < 0.15 { return .grey }
        var hue: Double
        if maxC == r {
            hue = 60 * ((g - b) / (maxC - minC))
        } else if maxC == g {
            hue = 60 * ((b - r) / (maxC - minC)) + 120
        } else {
            hue = 60 * ((r - g) / (maxC - minC)) + 240
        }
        if hue < 0 { hue += 360 }
        switch hue {
        case 0..<25, 330...360: return .red
        case 25..<70: return .yellow
        case 70..<170: return .green
        case 170..<260: return .blue
        default: return .red
        }
    }
}
