import Layout

extension [GoalEntry] {
    /// The goal whose section `line` stands in: the last goal printed before it, unless a
    /// heading that closes the goal's section stands between them (a heading of the goal
    /// heading's level or higher; after a goal that is no heading, any heading). Indicators,
    /// tables and assignments in a later chapter (`Uppdrag`, `Intern kontroll`) are no goal's.
    func enclosing(_ line: Int, in layout: LayoutDocument) -> GoalEntry? {
        guard let goal = filter({ $0.lineRange.lowerBound < line }).max(by: { $0.lineRange.lowerBound < $1.lineRange.lowerBound })
        else { return nil }
        let goalHeading = layout.blocks.first { $0.kind == .heading && $0.lineRange.contains(goal.lineRange.lowerBound) }
        let closes = layout.blocks.contains { block in
            guard block.kind == .heading, !block.isGoalHeading, block.lineRange.lowerBound >= goal.lineRange.upperBound,
                block.lineRange.lowerBound < line
            else { return false }
            guard let goalHeading else { return true }
            return (block.level ?? Int.max) <= (goalHeading.level ?? 0)
        }
        return closes ? nil : goal
    }
}
