import ReportSource

/// Keeps lines printed inside a drawn table cell out of page-furniture removal.
///
/// A lone figure at the top or bottom of a page looks like a page number; inside a cell whose
/// rules are drawn around it (a vertical rule on either side, level with it) it is a table's
/// figure, and the table stage needs it.
enum RuledCellGuard {
    /// Whether the line stands between two vertical rules that run level with it.
    static func isInsideRuledCell(_ line: SourceLine, on page: SourcePage) -> Bool {
        guard let box = line.box, !page.rules.isEmpty else { return false }
        let middle = box.y + box.height / 2
        var left = false, right = false
        for rule in page.rules where rule.direction == .vertical && rule.extent.contains(middle) {
            if rule.position <= box.x { left = true }
            if rule.position >= box.maxX { right = true }
            if left && right { return true }
        }
        return false
    }
}
