import ReportSource

/// Keeps lines printed inside a drawn table cell out of page-furniture removal.
///
/// A lone figure at the top or bottom of a page looks like a page number; inside a cell whose
/// rules are drawn around it (a vertical rule on either side, level with it) it is a table's
/// figure, and the table stage needs it.
enum RuledCellGuard {
    /// A cell is narrower than this share of the page; two rules further apart are a border
    /// drawn round the page, which makes no cell of everything inside it.
    static let widestCellShare = 0.6

    /// Whether the line stands between two vertical rules that run level with it, and either
    /// they are no further apart than a cell, or rules part the line's own words (a table's
    /// header row, repeated on every page, set across several drawn cells).
    static func isInsideRuledCell(_ line: SourceLine, on page: SourcePage) -> Bool {
        guard let box = line.box, !page.rules.isEmpty else { return false }
        let middle = box.y + box.height / 2
        let widest = widestCellShare * (page.width ?? .infinity)
        var nearestLeft = -Double.infinity, nearestRight = Double.infinity
        var parted = false
        for rule in page.rules where rule.direction == .vertical && rule.extent.contains(middle) {
            if rule.position <= box.x { nearestLeft = max(nearestLeft, rule.position) }
            if rule.position >= box.maxX { nearestRight = min(nearestRight, rule.position) }
            if rule.position > box.x, rule.position < box.maxX { parted = true }
        }
        guard nearestLeft.isFinite, nearestRight.isFinite else { return false }
        return parted || nearestRight - nearestLeft <= widest
    }
}
