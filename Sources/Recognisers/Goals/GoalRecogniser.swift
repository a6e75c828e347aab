import Foundation
import Layout
import ReportModel
import ReportSource
import SwedishReportLanguage

/// A goal with the layout lines it came from.
struct GoalEntry {
    /// The goal.
    var goal: Goal
    /// The lines of its heading (or cell), indices into `LayoutDocument.lines`.
    var lineRange: Range<Int>
    /// True when the goal repeats one printed earlier (a document restating its goal framework):
    /// it is not a new goal, but what follows it belongs to the earlier one.
    var isRepeat = false
}

/// Finds goal blocks: labelled goals (`Nämndmål: 3.1.1 …`), numbered goals that head a group of
/// labelled goals, and the goals a goal area (`Målområde`) lists under it; with their parent, their
/// assessment in any printed form (or icon colour), and the analysis text that follows them.
struct GoalRecogniser {
    func recognise(_ layout: LayoutDocument, headings: [OutlineEntry]) -> (goals: [GoalEntry], warnings: [ImportWarning]) {
        var builder = GoalListBuilder(layout: layout)
        let blocks = layout.blocks
        // The goal area being read (`Målområde Samhälle`) and the heading level of its goals
        // where they are printed as labelled headings (`Kommunövergripande mål: …`): then an
        // unlabelled heading at that level or above is a section of the report, not another of
        // its goals. One deeper may still be a goal under them where type sizes set the levels;
        // in text, where levels are guesses, none is.
        var area: (level: Int, goalIndex: Int, labelledGoalLevel: Int?)?
        let styled = layout.lines.contains { $0.source.style?.fontSize != nil }
        // A heading that names a goal level (`Övergripande mål`) lists its goals as numbered items.
        var listLevel: String?
        // The numbering of that list's goals: the last number, whether a full stop follows the
        // numbers (`1.` or `1`), and the heading level the goals are set at where they are headings.
        var numbering: (last: Int, fullStop: Bool, level: Int?)?
        // The heading level of the heading that names the goal level, and whether its goals
        // have been set as headings.
        var listHeadingLevel: Int?
        var numberedHeadings = false
        // A heading that is a goal level's label alone (`Nämndmål`), awaiting the goal it labels.
        var levelAwaitingStatement: (level: String, position: Int)?
        // A heading that is a goal's label and number only (`Långsiktigt mål nr 2`) has its title below it.
        var labelAwaitingTitle: (level: String, ref: String?, block: Block, position: Int)?
        // A paragraph that opens a list of goals (`Kommunens mål för cykling är att;`): the
        // goals' level, and the goal the paragraph itself states, their parent, where it states one.
        var openedList: (level: String, parent: Int?)?
        for (position, block) in blocks.enumerated() {
            if let list = openedList {
                if block.kind == .listItem {
                    let title = StatedGoal.withoutBullet(layout.text(of: block))
                    // A one-word item (`Förskola`) names a group, not a goal.
                    if title.split(separator: " ").count >= Self.shortestListedGoalWords {
                        _ = builder.add(level: list.level, ref: nil, title: title, block: block, position: position,
                                        parentIndex: list.parent, inferParent: false)
                    }
                    continue
                }
                // A short line between its items names a group of them (`Förskola`), set as a
                // heading or not (a label in a coloured band is no heading of the document).
                if isGroupName(at: position, in: blocks, layout: layout) { continue }
                openedList = nil
            }
            if block.kind == .columnHeader || block.kind == .paragraph,
                let (headerLine, level) = GoalTable.header(in: block.lineRange, of: layout)
            {
                for row in GoalTable.rows(after: headerLine, in: layout) {
                    let rowBlock = Block(kind: .paragraph, lineRange: row.lines, level: nil, isGoalHeading: false)
                    let index = builder.add(level: level, ref: nil, title: row.title, block: rowBlock, position: position)
                    if let kind = row.kind, let printed = row.printed {
                        builder.setAssessment(of: index, to: Assessment(rawValue: kind.rawValue), printed: printed)
                    } else if let icon = row.icon {
                        builder.setIconAssessment(of: index, icon: icon, line: row.lines.lowerBound)
                    }
                }
                continue
            }
            if block.kind != .heading {
                let text = layout.text(of: block)
                if let pending = levelAwaitingStatement {
                    levelAwaitingStatement = nil
                    if block.kind == .paragraph, Self.isStatement(block, at: position, after: pending.position, level: pending.level, in: blocks, layout: layout) {
                        _ = builder.add(level: pending.level, ref: nil, title: text, block: block, position: position)
                        continue
                    }
                }
                if let pending = labelAwaitingTitle {
                    labelAwaitingTitle = nil
                    if block.kind == .paragraph, block.lineRange.count <= Self.longestStatementLines, text.count <= Self.longestStatementCharacters {
                        _ = builder.add(level: pending.level, ref: pending.ref, title: text, block: block, position: pending.position)
                        continue
                    }
                }
                // Once goals are set as numbered headings, a list item is one only if it goes on
                // with their numbering (a numbered list in a goal's account is no goal).
                if let level = listLevel, block.kind == .listItem, let item = GoalLabels.numberedLine(text),
                    !numberedHeadings
                        || Self.continues(numbering, number: item.ref.flatMap { Int($0) }, fullStop: Self.hasFullStopAfterNumber(text), level: nil)
                {
                    // A goal on a line of its own with its account run on below it: the goal is the line.
                    let statement = Self.statementLine(of: block, in: layout)
                    let goal = StatedGoal.split(statement.flatMap { GoalLabels.numberedLine($0.text)?.title } ?? item.title)
                    let goalBlock = statement.map { Block(kind: block.kind, lineRange: $0.line..<($0.line + 1), level: block.level, isGoalHeading: false) } ?? block
                    let index = builder.add(level: level, ref: item.ref, title: goal.title, block: goalBlock, position: position,
                                            parentIndex: nil, inferParent: false)
                    if let number = item.ref.flatMap({ Int($0) }) { numbering = (number, Self.hasFullStopAfterNumber(text), numbering?.level) }
                    for stage in goal.stages {
                        _ = builder.add(level: stage.level, ref: nil, title: stage.title, block: block, position: position,
                                        parentIndex: index)
                    }
                    continue
                }
                if block.kind == .paragraph, let level = GoalLabels.goalListLevel(introducedBy: text),
                    blocks.indices.contains(position + 1), blocks[position + 1].kind == .listItem
                        || isGroupName(at: position + 1, in: blocks, layout: layout)
                {
                    var parent: Int?
                    if let stated = StatedGoal.sentences(text).first.flatMap({ GoalLabels.statedGoal(in: $0) }) {
                        parent = builder.add(level: stated.level, ref: nil, title: stated.title, block: block, position: position,
                                             parentIndex: nil, inferParent: false)
                    }
                    openedList = (level, parent)
                    continue
                }
                // A label for a target year (`Mål till 2030:`) over the goal's sentence.
                if block.lineRange.count == 1, let label = GoalLabels.targetYearLabel(text) {
                    labelAwaitingTitle = (label, nil, block, position)
                    continue
                }
                if block.kind == .paragraph, let financial = StatedGoal.financialGoal(in: text) ?? StatedGoal.openingGoal(in: text) {
                    _ = builder.add(level: nil, ref: nil, title: financial, block: block, position: position,
                                    parentIndex: nil, inferParent: false)
                }
                continue
            }
            // The statement under a goal level's label alone may be set as a heading too.
            if let pending = levelAwaitingStatement, Self.isStatement(block, at: position, after: pending.position, level: pending.level, in: blocks, layout: layout) {
                levelAwaitingStatement = nil
                _ = builder.add(level: pending.level, ref: nil, title: layout.text(of: block), block: block, position: position)
                continue
            }
            // Under a heading that names a goal level, numbered goals may be set as headings of
            // their own (`1. Antalet bränder i bostäder ska minska` over its account): each
            // continues the numbering (1, 2, 3 …) and states something, not a section's name.
            // In a styled document they stand below the heading that names their level, all at one level.
            let first = layout.lines[block.lineRange.lowerBound].text
            if let level = listLevel, !block.isGoalHeading, let item = GoalLabels.numberedLine(first),
                let number = item.ref.flatMap({ Int($0) }),
                Self.continues(numbering, number: number, fullStop: Self.hasFullStopAfterNumber(first), level: styled ? block.level : nil),
                !styled || (block.level ?? 0) > (listHeadingLevel ?? 0)
            {
                let title = Self.title(item.title, continuation: block, in: layout)
                if title.split(separator: " ").count >= Self.shortestNumberedGoalWords {
                    _ = builder.add(level: level, ref: item.ref, title: title, block: block, position: position,
                                    parentIndex: nil, inferParent: false)
                    numbering = (number, Self.hasFullStopAfterNumber(first), styled ? block.level : nil)
                    numberedHeadings = true
                    continue
                }
            }
            listLevel = nil
            numbering = nil
            numberedHeadings = false
            levelAwaitingStatement = nil
            if let pending = labelAwaitingTitle {
                // The title under a label-only heading may itself look like a heading.
                labelAwaitingTitle = nil
                let text = layout.text(of: block)
                if !block.isGoalHeading, StatedGoal.labelOnly(text) == nil, text.count <= 250 {
                    _ = builder.add(level: pending.level, ref: pending.ref, title: text, block: block, position: position)
                    continue
                }
            }
            let firstLine = layout.lines[block.lineRange.lowerBound].text
            let text = layout.text(of: block)
            let level = block.level ?? 2
            if let current = area, level < current.level || (styled && level <= current.level && !block.isGoalHeading) {
                area = nil
            }
            if block.isGoalHeading, let label = GoalLabels.labelledGoal(in: firstLine) {
                let title = Self.title(label.title, continuation: block, in: layout)
                let index = builder.add(level: label.level, ref: label.ref, title: title, block: block, position: position)
                if Self.isArea(label.level) {
                    area = (level, index, nil)
                } else if var current = area {
                    current.labelledGoalLevel = max(current.labelledGoalLevel ?? level, level)
                    area = current
                }
                continue
            }
            // A numbered goal statement heads the labelled goals under it; a numbered section name
            // (`2 Måluppföljning`) is no goal, so a goal statement takes a few words.
            if let numbered = GoalLabels.numberedLine(firstLine), nextHeadingIsLabelledGoal(after: position, in: blocks),
                Self.title(numbered.title, continuation: block, in: layout).split(separator: " ").count >= 4
            {
                let title = Self.title(numbered.title, continuation: block, in: layout)
                _ = builder.add(level: nil, ref: numbered.ref, title: title, block: block, position: position)
                continue
            }
            if let label = StatedGoal.labelOnly(text) {
                labelAwaitingTitle = (label.level, label.ref, block, position)
                continue
            }
            if StatedGoal.namesGoalLevel(text) {
                listLevel = StatedGoal.withoutSectionNumber(text)
                listHeadingLevel = block.level
                // The level's label alone, as a form prints it over each goal (`Nämndmål` / the
                // goal / `Måluppfyllelse: …` / `Analys`).
                if listLevel?.contains(" ") == false { levelAwaitingStatement = (listLevel ?? text, position) }
            }
            if let current = area, current.goalIndex < builder.entries.count,
                current.labelledGoalLevel.map({ styled && level > $0 }) ?? true
            {
                // A heading under a goal area is one of the area's goals.
                let levelName = enclosingLevelName(before: block, headings: headings)
                _ = builder.add(level: levelName, ref: nil, title: text, block: block, position: position,
                                parentIndex: current.goalIndex)
            }
        }
        builder.assignAssessments()
        return (builder.entries, builder.unplacedAssessmentWarnings())
    }

    /// A numbered goal set as a heading takes at least this many words (a numbered section's
    /// name, `2 Ekonomi`, takes fewer).
    static let shortestNumberedGoalWords = 4

    /// The first line of a list item that states a goal on its own, its account run on below it
    /// without a blank line: the line ends no sentence and no clause, the next starts a new
    /// sentence with a capital, and the line ends short of the block's width by more than the
    /// next line's first word (a wrapped goal would have taken it). Nil for a goal wrapped over
    /// its lines.
    static func statementLine(of block: Block, in layout: LayoutDocument) -> (line: Int, text: String)? {
        let lines = block.lineRange.filter { !layout.lines[$0].isBlank }
        guard lines.count >= 2 else { return nil }
        let first = layout.lines[lines[0]].text.trimming(.whitespaces), next = layout.lines[lines[1]].text.trimming(.whitespaces)
        guard let last = first.last, !".,;:-–".contains(last), next.first?.isUppercase == true,
            let nextWord = next.split(separator: " ").first
        else { return nil }
        if let box = layout.lines[lines[0]].source.box, let nextBox = layout.lines[lines[1]].source.words.first?.box {
            // PDF: the block's right edge, against where the first line ends plus the next word.
            let right = lines.compactMap { layout.lines[$0].source.box.map { $0.x + $0.width } }.max() ?? box.x + box.width
            guard box.x + box.width + nextBox.width < right else { return nil }
        } else {
            let widest = lines.map { layout.lines[$0].text.trimming(.whitespaces).count }.max() ?? first.count
            guard first.count + 1 + nextWord.count < widest else { return nil }
        }
        return (lines[0], first)
    }

    /// Whether a numbered goal continues a list's numbering: the next number in the same style
    /// (`1.` `2.` or `1` `2`), at the same heading level where headings carry levels; the
    /// first must be number 1.
    static func continues(_ numbering: (last: Int, fullStop: Bool, level: Int?)?, number: Int?, fullStop: Bool, level: Int?) -> Bool {
        guard let number else { return false }
        guard let numbering else { return number == 1 }
        return number == numbering.last + 1 && fullStop == numbering.fullStop && (numbering.level == nil || level == numbering.level)
    }

    /// Whether a full stop follows a line's leading number (`1. Antalet …`, not `4 Ekonomi`).
    static func hasFullStopAfterNumber(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        return trimmed.drop { $0.isNumber }.first == "."
    }

    /// Whether a block is a goal's statement under a goal level's label alone: right under the
    /// label, one sentence of a few lines, with the goal's form fields right under it (its
    /// assessment, `Analys`, `Kommentar`, `Indikatorer`). A generic `Mål` heading labels no
    /// single goal.
    static func isStatement(_ block: Block, at position: Int, after label: Int, level: String, in blocks: [Block], layout: LayoutDocument) -> Bool {
        let text = layout.text(of: block)
        guard position == label + 1, level.count > "mål".count, block.lineRange.count <= Self.longestStatementLines,
            text.count <= Self.longestStatementCharacters, !block.isGoalHeading,
            text.split(separator: " ").count >= Self.shortestStatementWords, StatedGoal.sentences(text).count <= 1,
            blocks.indices.contains(position + 1)
        else { return false }
        let under = blocks[position + 1]
        if under.kind == .assessment { return true }
        return under.kind == .label && GoalLabels.isGoalFormField(layout.text(of: under))
    }

    /// A goal's statement under its label is at most this many lines and characters, and at
    /// least this many words.
    static let longestStatementLines = 3
    static let longestStatementCharacters = 250
    static let shortestStatementWords = 3

    /// A listed goal takes at least this many words.
    static let shortestListedGoalWords = 2
    /// A line of at most this many words (a heading, a label, a line of its own) between the items of a goal list names a group.
    static let groupNameWords = 3

    /// Whether the block at `position` names a group of listed goals: a short heading, label or
    /// line of its own that ends no sentence, with the group's items right after it.
    func isGroupName(at position: Int, in blocks: [Block], layout: LayoutDocument) -> Bool {
        guard blocks.indices.contains(position + 1), blocks[position + 1].kind == .listItem else { return false }
        let block = blocks[position]
        guard [.heading, .label, .paragraph].contains(block.kind), block.lineRange.count == 1 else { return false }
        let text = layout.text(of: block)
        return text.split(separator: " ").count <= Self.groupNameWords && !".:;".contains(text.last ?? ".")
    }

    /// A goal title joined across wrapped lines.
    static func title(_ first: String, continuation block: Block, in layout: LayoutDocument) -> String {
        let rest = layout.lines[block.lineRange].dropFirst().map(\.text).filter { !$0.isEmpty }
        return ([first] + rest).joined(separator: " ")
    }

    static func isArea(_ level: String?) -> Bool {
        guard let head = level?.split(separator: " ").last?.lowercased() else { return false }
        return ["målområde", "fokusområde", "perspektiv"].contains(head)
    }

    private func nextHeadingIsLabelledGoal(after position: Int, in blocks: [Block]) -> Bool {
        for block in blocks[(position + 1)...] where block.kind == .heading {
            return block.isGoalHeading
        }
        return false
    }

    /// The nearest section heading that names a goal level (`Kommunövergripande mål`), if any.
    private func enclosingLevelName(before block: Block, headings: [OutlineEntry]) -> String? {
        for entry in headings.reversed() where entry.block.lineRange.lowerBound < block.lineRange.lowerBound {
            let text = entry.heading.text.trimming(.whitespaces)
            if !entry.block.isGoalHeading, StatedGoal.namesGoalLevel(text) { return StatedGoal.withoutSectionNumber(text) }
        }
        return nil
    }
}
