/// Rows under a group row belong to it, indented or not.
///
/// A group row names what the rows after it are (`Barn- och ungdomsnämnden` over `Ordförande`,
/// `Vice ordförande`; `Intäkter` over its kinds) and holds no figure itself. Where the rows
/// after it stand at its own indentation, the type and the missing figures are all that show
/// the nesting: those rows go one level deeper, under it, up to the next group row at its
/// level or a row indented less. Rows with the same label in different groups (`Ordförande`
/// under each board) are then told apart by their parent.
enum GroupNesting {
    /// Group rows needed before rows at a group row's own indentation are taken for its members.
    static let fewestGroups = 2

    /// The grid with its rows nested under their group rows and every parent set again.
    static func nested(_ grid: TableGrid) -> TableGrid {
        var result = grid
        var rows = grid.rows
        func isGroup(_ row: GridRow) -> Bool { row.cells.isEmpty && row.identifiers.isEmpty && !row.label.isEmpty }
        // Group rows over rows at their own indentation; one alone may be a row left blank
        // (an indicator not measured yet) rather than a group, so two or more are needed.
        let groups = rows.indices.filter { isGroup(rows[$0]) && $0 + 1 < rows.count && rows[$0 + 1].level == rows[$0].level }
        guard groups.count >= Self.fewestGroups else { return grid }
        var index = 0
        while index < rows.count {
            guard isGroup(rows[index]) else { index += 1; continue }
            let level = rows[index].level
            // Members indented under the group are nested by their indentation already.
            guard index + 1 < rows.count, rows[index + 1].level == level else { index += 1; continue }
            var next = index + 1
            // The group's members: the rows up to the next group at its level or a row indented less.
            while next < rows.count, rows[next].level >= level, !(isGroup(rows[next]) && rows[next].level <= level) {
                next += 1
            }
            for member in (index + 1)..<next { rows[member].level = min(rows[member].level + 1, TableFinder.deepestLevel + 1) }
            index += 1
        }
        for index in rows.indices { rows[index].parent = rows[..<index].lastIndex { $0.level < rows[index].level } }
        result.rows = rows
        return result
    }
}
