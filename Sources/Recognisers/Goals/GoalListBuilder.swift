import Foundation
import Layout
import ReportModel
import ReportSource
import SwedishReportLanguage

/// Collects goals in document order, deciding each one's parent and finding its assessment.
struct GoalListBuilder {
    let layout: LayoutDocument
    /// The report's icon legends, read once.
    let legend: IconLegend
    private(set) var entries: [GoalEntry] = []
    /// Layout block position of each entry's heading.
    private var positions: [Int] = []
    /// Level labels in the order they first appear: a later label is a finer level.
    private var levelOrder: [String] = []
    /// Lines whose assessment was given to a goal.
    private var usedAssessmentLines = Set<Int>()
    /// The entry of each goal (not a repeat) by its normalised title, so that a new goal is
    /// checked against the earlier ones without normalising all their titles again.
    private var originalByTitle: [String: Int] = [:]
    /// `levelKey` of each entry's level ("" for none), index for index with `entries`.
    private var entryLevelKeys: [String] = []

    init(layout: LayoutDocument) {
        self.layout = layout
        legend = IconLegend(layout: layout)
    }

    /// Adds a goal (or notes a repeat of one already seen) and returns its entry index.
    /// - Parameters:
    ///   - parentIndex: the parent's entry index, when the caller knows it.
    ///   - inferParent: false for a goal that is known to have no parent.
    mutating func add(
        level: String?, ref: String?, title: String, block: Block, position: Int, parentIndex: Int? = nil,
        inferParent: Bool = true
    ) -> Int {
        let key = Self.normalised(title)
        if let existing = originalByTitle[key] {
            var repeatEntry = entries[existing]
            repeatEntry.isRepeat = true
            repeatEntry.lineRange = block.lineRange
            entries.append(repeatEntry)
            entryLevelKeys.append(entryLevelKeys[existing])
            positions.append(position)
            return entries.count - 1
        }
        let levelKey = level.map(Self.levelKey) ?? ""
        if !levelOrder.contains(levelKey) {
            // An unlabelled numbered goal is only taken as a goal when labelled goals follow it: it is the coarsest level.
            if level == nil { levelOrder.insert(levelKey, at: 0) } else { levelOrder.append(levelKey) }
        }
        let parent = parentIndex ?? (inferParent ? parentIndexFor(levelKey: levelKey, ref: ref) : nil)
        // Every goal so far that is not a repeat has its own title key: the count numbers the next.
        let goal = Goal(
            id: "g\(originalByTitle.count + 1)", parentId: parent.map { entries[$0].goal.id },
            ref: ref, level: level, title: title, provenance: layout.provenance(of: block.lineRange))
        entries.append(GoalEntry(goal: goal, lineRange: block.lineRange))
        entryLevelKeys.append(levelKey)
        originalByTitle[key] = entries.count - 1
        positions.append(position)
        return entries.count - 1
    }

    /// Dotted numbers decide first (`3.1.1` under `3.1`); otherwise the nearest earlier goal of a coarser level.
    private func parentIndexFor(levelKey: String, ref: String?) -> Int? {
        if let ref, ref.contains(".") {
            let parentRef = ref.split(separator: ".").dropLast().joined(separator: ".")
            if let index = entries.lastIndex(where: { $0.goal.ref == parentRef }) { return index }
        }
        guard let depth = levelOrder.firstIndex(of: levelKey) else { return nil }
        return entryLevelKeys.lastIndex { key in
            (levelOrder.firstIndex(of: key) ?? Int.max) < depth
        }
    }

    /// Goals whose assessment was read with them (a goal table's last column).
    private var assessedInPlace = Set<Int>()

    /// Sets a goal's assessment read together with it.
    mutating func setAssessment(of index: Int, to status: Assessment?, printed: String) {
        guard entries.indices.contains(index), !entries[index].isRepeat else { return }
        entries[index].goal.status = status
        entries[index].goal.statusText = printed
        assessedInPlace.insert(index)
        usedAssessmentLines.formUnion(entries[index].lineRange)
    }

    /// Sets a goal's assessment shown as an icon beside it (a goal table's assessment column):
    /// its status is what the report's legend nearest the line says, else unknown.
    mutating func setIconAssessment(of index: Int, icon: IconLegend.Icon, line: Int) {
        guard entries.indices.contains(index), !entries[index].isRepeat else { return }
        entries[index].goal.statusIcon = icon.colour
        entries[index].goal.statusIconShape = icon.shape
        entries[index].goal.status = legend.meaning(of: icon, at: line)?.status
        entries[index].goal.statusText = nil
        assessedInPlace.insert(index)
    }

    /// Finds each goal's assessment: printed text near the goal, or an icon mapped through the legend.
    mutating func assignAssessments() {
        for index in entries.indices where !entries[index].isRepeat && !assessedInPlace.contains(index) {
            let found = assessment(after: positions[index], goalLines: entries[index].lineRange, title: entries[index].goal.title, legend: legend)
            entries[index].goal.status = found.status
            entries[index].goal.statusText = found.text
            entries[index].goal.statusIcon = found.icon?.colour
            entries[index].goal.statusIconShape = found.icon?.shape
            let texts = followingTexts(after: positions[index])
            entries[index].goal.analysis = texts.analysis
            entries[index].goal.expectedResult = texts.expected
        }
        assignNumberedProseAssessments()
        assignNamedProseAssessments()
        // Repeats share what their original found.
        for index in entries.indices where entries[index].isRepeat {
            if let original = entries.first(where: { !$0.isRepeat && $0.goal.id == entries[index].goal.id }) {
                entries[index].goal = original.goal
            }
        }
    }

    private mutating func assessment(after position: Int, goalLines: Range<Int>, title: String, legend: IconLegend)
        -> (status: Assessment?, text: String?, icon: IconLegend.Icon?)
    {
        let lines = layout.lines
        var icon = goalLines.lazy.compactMap { lines[$0].source.icons.first.flatMap(IconLegend.Icon.init) }.first
        var iconLine = goalLines.lowerBound
        var seen = 0, tableBlocks = 0
        let nextGoal = positions.filter { $0 > position }.min() ?? layout.blocks.count
        for (offset, block) in layout.blocks[(position + 1)...].enumerated() {
            if block.kind == .heading || position + 1 + offset >= nextGoal { break }
            // The goal's indicator table between it and its assessment takes no part of the reach,
            // up to a table's length.
            if block.kind == .columnHeader || block.kind == .figures {
                tableBlocks += 1
                if tableBlocks > Self.longestIndicatorTableBlocks { break }
                continue
            }
            seen += 1
            if seen > Self.assessmentBlocksLooked { break }
            let line = layout.lines[block.lineRange.lowerBound]
            if IconLegend.isLegendRow(line) { break }  // the legend under the goals: it assesses none of them
            if icon == nil, let found = line.source.icons.first.flatMap(IconLegend.Icon.init) {
                icon = found
                iconLine = block.lineRange.lowerBound
            }
            if block.kind == .assessment, let found = AssessmentVocabulary.assessment(inLine: line.text),
                let status = Assessment(rawValue: found.kind.rawValue)
            {
                usedAssessmentLines.insert(block.lineRange.lowerBound)
                return (status, found.printed, icon)
            }
        }
        // An icon's status comes from the legend; nothing assessing is printed at the goal, so no `statusText`.
        if let icon, let mapped = legend.meaning(of: icon, at: iconLine) {
            return (mapped.status, nil, icon)
        }
        if let found = proseAssessment(after: position, goalLines: goalLines, title: title),
            let status = Assessment(rawValue: found.kind.rawValue)
        {
            return (status, found.printed, icon)
        }
        return (nil, nil, icon)
    }

    /// Blocks after a goal (its indicator table aside) searched for a printed assessment, at most.
    static let assessmentBlocksLooked = 3
    /// Rows of a goal's indicator table passed over on the way to its assessment, at most.
    static let longestIndicatorTableBlocks = 40

    /// Blocks after a goal searched for a sentence that assesses it, at most.
    static let proseBlocksLooked = 12

    /// The first sentence that assesses a goal in the running text under it (`Målet bedöms vara
    /// uppfyllt`), before the next heading or the next goal; one that names another goal's
    /// number is that goal's.
    func proseAssessment(after position: Int, goalLines: Range<Int>, title: String) -> ProseAssessment.Found? {
        func assessing(_ text: String) -> ProseAssessment.Found? {
            // A sentence that names a goal by its words speaks of this one only if the words are its.
            ProseAssessment.findAll(in: text).first { found in
                found.goalNumber == nil && (found.goalWords.map { Self.names($0, title: title) } ?? true)
            }
        }
        // The account run on under the goal's own line, in the same block.
        if layout.blocks.indices.contains(position) {
            let rest = layout.blocks[position].lineRange.filter { $0 >= goalLines.upperBound }
            if !rest.isEmpty, let found = assessing(rest.map { layout.lines[$0].text }.joined(separator: " ")) { return found }
        }
        let nextGoal = positions.filter { $0 > position }.min() ?? layout.blocks.count
        let end = min(nextGoal, layout.blocks.count, position + 1 + Self.proseBlocksLooked)
        guard position + 1 < end else { return nil }
        for block in layout.blocks[(position + 1)..<end] {
            if block.kind == .heading { break }
            guard block.kind == .paragraph || block.kind == .listItem else { continue }
            if let found = assessing(layout.text(of: block)) { return found }
        }
        return nil
    }

    /// Goals still without a status that a sentence elsewhere names by their words and assesses
    /// (`Målet om minst en behörig lärare per fritidshem nås` in a later chapter).
    mutating func assignNamedProseAssessments() {
        let unassessed = entries.indices.filter { entries[$0].goal.status == nil && !entries[$0].isRepeat }
        guard !unassessed.isEmpty else { return }
        for block in layout.blocks where block.kind == .paragraph || block.kind == .listItem {
            let text = layout.text(of: block)
            for found in ProseAssessment.findAll(in: text) {
                // `Målet` alone speaks of the goal the sentence before it states (`Nämndens mål
                // är att 100 procent … Målet bedöms svårt att nå`).
                let antecedent = found.goalNumber == nil && found.goalWords == nil ? Self.goalStated(before: found.printed, in: text) : nil
                guard let words = found.goalWords ?? antecedent, let status = Assessment(rawValue: found.kind.rawValue) else { continue }
                let named = unassessed.filter { entries[$0].goal.status == nil && Self.names(words, title: entries[$0].goal.title) }
                // Only a sentence that names one goal is that goal's: the one whose title says
                // least beyond what the sentence names, where two titles hold its words.
                guard let index = Self.closest(named, to: words, titles: { entries[$0].goal.title }) else { continue }
                entries[index].goal.status = status
                entries[index].goal.statusText = found.printed
            }
        }
    }

    /// What the sentence just before `printed` in `text` states as a goal (`… mål är att X.`).
    static func goalStated(before printed: String, in text: String) -> String? {
        let sentences = StatedGoal.sentences(text)
        guard let at = sentences.firstIndex(where: { $0.contains(printed) }), at > 0 else { return nil }
        // A longer subject than a list's introduction has (`Lagkravet och nämndens långsiktiga mål`).
        return GoalLabels.statedGoal(in: sentences[at - 1], longestSubject: GoalLabels.longestAntecedentSubject)?.title
    }

    /// The one goal among `candidates` whose title has the fewest words the sentence's `words`
    /// do not name; nil when none, or when two are as close.
    static func closest(_ candidates: [Int], to words: String, titles: (Int) -> String) -> Int? {
        guard candidates.count > 1 else { return candidates.first }
        let named = stems(words)
        let extra = candidates.map { (index: $0, count: stems(titles($0)).subtracting(named).count) }.sorted { $0.count < $1.count }
        return extra[0].count < extra[1].count ? extra[0].index : nil
    }

    /// A text's words of four letters or more by their first five letters (inflections match).
    static func stems(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.filter { $0.count >= 4 }.map { String($0.prefix(5)) })
    }

    /// The share of a sentence's words for a goal (those of four letters or more) that its
    /// title holds, at least, for the sentence to name that goal.
    static let namingShare = 0.6
    /// Words a sentence and a title share, at least, for it to name the goal.
    static let fewestNamingWords = 2

    /// Whether the words a sentence uses for a goal name this title: most of them are the
    /// title's (compared by their first five letters, so inflections match).
    static func names(_ words: String, title: String) -> Bool {
        // A figure the sentence names (`50 procent`, `till 2020`) that the title lacks makes it
        // another goal, however many words they share.
        func figures(_ text: String) -> Set<String> { Set(text.split { !$0.isNumber }.map(String.init)) }
        guard figures(words).isSubset(of: figures(title)) else { return false }
        let named = stems(words), titled = stems(title)
        let shared = named.intersection(titled).count
        return shared >= fewestNamingWords && Double(shared) >= namingShare * Double(named.count)
    }

    /// Goals still without a status whose number a sentence elsewhere assesses (`Mål 3 bedöms
    /// vara uppfyllt` in a summary or a later chapter).
    mutating func assignNumberedProseAssessments() {
        let unassessed = entries.indices.filter { entries[$0].goal.status == nil && entries[$0].goal.ref != nil && !entries[$0].isRepeat }
        guard !unassessed.isEmpty else { return }
        for block in layout.blocks where block.kind == .paragraph || block.kind == .listItem {
            for found in ProseAssessment.findAll(in: layout.text(of: block)) {
                guard let number = found.goalNumber, let status = Assessment(rawValue: found.kind.rawValue) else { continue }
                // `Mål 3` may be any level's goal 3; `Delmål 3` only a delmål's.
                for index in unassessed where entries[index].goal.ref == number && entries[index].goal.status == nil
                    && (found.goalLabel == "mål" || (entries[index].goal.level ?? "").lowercased().hasSuffix(found.goalLabel))
                {
                    entries[index].goal.status = status
                    entries[index].goal.statusText = found.printed
                }
            }
        }
    }

    /// Assessments printed where no goal claims them: seen, not understood, so the user is told.
    /// A run of assessments together is a legend and is left alone.
    func unplacedAssessmentWarnings() -> [ImportWarning] {
        let assessments = layout.blocks.enumerated().filter { _, block in
            block.kind == .assessment && AssessmentVocabulary.assessment(inLine: layout.lines[block.lineRange.lowerBound].text) != nil
        }
        var warnings: [ImportWarning] = []
        for (offset, (position, block)) in assessments.enumerated() {
            let start = block.lineRange.lowerBound
            if usedAssessmentLines.contains(start) { continue }
            let neighbours = [offset - 1, offset + 1].filter { assessments.indices.contains($0) }
            if neighbours.contains(where: { abs(assessments[$0].offset - position) <= 2 }) { continue }
            let line = layout.lines[start]
            if !line.text.contains(" ") { continue }  // a one-word answer in a table (`Delvis`) is no goal's
            warnings.append(ImportWarning(
                code: "goal.unplacedAssessment",
                message: "the assessment \"\(line.text)\" is not printed under any recognised goal",
                page: line.page, line: line.source.lineNumber))
        }
        return warnings
    }

    /// The text under `Analys`/`Kommentar` and `Förväntat resultat` labels, up to the next heading.
    private func followingTexts(after position: Int) -> (analysis: String?, expected: String?) {
        var analysis: [String] = []
        var expected: [String] = []
        var current: String?
        for block in layout.blocks[(position + 1)...] {
            if block.kind == .heading { break }
            let text = layout.text(of: block)
            if block.kind == .label {
                let name = text.lowercased()
                current = name.hasPrefix("förväntat") || name.hasPrefix("förväntade") ? "expected"
                    : (name.hasPrefix("analys") || name.hasPrefix("kommentar") ? "analysis" : nil)
                // `Kommentar: Andelen elever …`: the text may start on the label's own line.
                if let colon = text.firstIndex(of: ":") {
                    let rest = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    if !rest.isEmpty, current == "analysis" { analysis.append(rest) }
                    if !rest.isEmpty, current == "expected" { expected.append(rest) }
                }
                continue
            }
            guard block.kind == .paragraph || block.kind == .listItem else {
                if block.kind == .columnHeader || block.kind == .figures { current = nil }
                continue
            }
            if current == "analysis" { analysis.append(text) } else if current == "expected" { expected.append(text) }
        }
        return (analysis.isEmpty ? nil : analysis.joined(separator: "\n"), expected.isEmpty ? nil : expected.joined(separator: "\n"))
    }

    static func normalised(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    static func levelKey(_ level: String) -> String {
        normalised(level)
    }
}
