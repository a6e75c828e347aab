import Foundation
import Layout
import ReportModel
import SwedishReportLanguage
import Tables

/// Gives the grids of the geometric table stage their meaning: each column's year, measure and
/// unit from its header words, each cell's number and unit, the table's title and unit.
///
/// Grids are tables of figures, indicator tables or goal/indicator matrices, as their header
/// and stub words say; grids over lines the token reader took (lines set without column gaps)
/// are left to it.
struct GridTableReader {
    let layout: LayoutDocument
    let recogniser: TableRecogniser

    func add(_ grids: [TableGrid], goals: [GoalEntry], nextGoal: inout Int, into result: inout TableRecognition) {
        for grid in grids where !result.claimed.contains(where: { $0.overlaps(grid.lines) }) {
            // A header that names a goal column and an indicator column makes the grid a
            // goal/indicator matrix, not a table of figures.
            if let matrix = GridGoalMatrix(grid) {
                let parent = recogniser.enclosingGoal(before: grid.lines.lowerBound, goals: goals, layout: layout)
                add(matrix, of: grid, parent: parent, goals: goals, nextGoal: &nextGoal, into: &result)
                result.claimed.append(grid.lines)
                continue
            }
            // A grid whose vocabulary makes it an indicator table holds one indicator a row.
            if let name = indicatorTable(grid) {
                let goal = recogniser.enclosingGoal(before: grid.lines.lowerBound, goals: goals, layout: layout)
                let found = indicators(from: grid, goal: goal?.goal.id, firstId: result.indicators.count + 1, name: name)
                if !found.isEmpty {
                    result.indicators += found
                    result.claimed.append(grid.lines)
                    continue
                }
            }
            guard let table = table(from: grid) else { continue }
            result.tables.append(table)
            result.claimed.append(grid.lines)
        }
        // Ids follow document order whichever reading found a table.
        result.tables.sort { ($0.provenance.page, $0.provenance.firstLine ?? 0) < ($1.provenance.page, $1.provenance.firstLine ?? 0) }
        for index in result.tables.indices { result.tables[index].id = "t\(index + 1)" }
    }

    /// A table of figures from a grid; nil when no cell holds a number.
    func table(from grid: TableGrid) -> ReportTable? {
        // Identifier columns (`Nr`, `Proj nr`) come first; their codes are numbers of no unit.
        let codeColumns = grid.identifierColumns.map { column in
            ColumnHeader.Column(text: column.header, year: nil, measure: .other, isDifference: false, isText: !column.isNumeric, unit: nil)
        }
        let offset = codeColumns.count
        var columns = grid.columns.map { column in
            ColumnHeader.column(from: ColumnHeader.words(column.header))
        }
        let title = recogniser.title(before: grid.lines.lowerBound, layout: layout)
        // The unit the stub or a caption over the table states, else the one its title states
        // (`Personalomsättning extern i procent`, `Kostnad per elev, kr`).
        var unit = TableVocabulary.unit(inCaption: grid.stub) ?? recogniser.captionUnit(above: grid.lines.lowerBound, layout: layout)
            ?? title.flatMap(TableVocabulary.unit(inCaption:))
        var rows: [TableRow] = []
        for row in grid.rows {
            let codes: [TableCell] = row.identifiers.map { code in
                let value = codeColumns[code.column].isText ? nil : SwedishNumber.parse(code.text)?.value
                return TableCell(columnIndex: code.column, value: value, text: code.text)
            }
            let cells: [TableCell] = codes + row.cells.flatMap { cell -> [TableCell] in
                let column = columns[cell.column]
                let numeric = !column.isText && grid.columns[cell.column].isNumeric
                // A count with its share (`16 (53%)`): two values of one cell.
                if numeric, let (count, share) = Self.countAndShare(cell.text) {
                    return [
                        TableCell(columnIndex: offset + cell.column, value: count.value, unit: column.unit ?? unit, text: cell.text),
                        TableCell(columnIndex: offset + cell.column, value: share.value, unit: "%", text: cell.text),
                    ]
                }
                let parsed = CellSegmenter.measuredCell(cell.text)
                let value = numeric ? parsed.value : nil
                guard value != nil || !cell.text.isEmpty else { return [] }
                let cellUnit = value == nil ? nil : parsed.unit ?? column.unit ?? unit
                let sek = value.flatMap { SwedishNumber.kronor($0, unit: cellUnit) }
                return [TableCell(columnIndex: offset + cell.column, value: value, unit: cellUnit, valueSEK: sek, text: cell.text)]
            }
            // `isSum` marks every total the vocabulary names (Summa, Netto, Årets resultat), as the
            // text reader does; the checks add up only rows that sum the rows above them.
            let lower = row.label.lowercased()
            let isSum = TableVocabulary.sumWords.contains(String(lower.split(separator: " ").first ?? ""))
            rows.append(TableRow(
                label: row.label, level: row.level, isSum: isSum, parent: row.parent, cells: cells,
                provenance: layout.provenance(of: row.lines.lowerBound..<(row.lines.upperBound + 1))))
        }
        guard rows.contains(where: { $0.cells.contains { $0.value != nil } }) else { return nil }
        // Columns named by a year alone take the measure the title names, where it names one
        // (`Investeringsbudget` over `2027 2028 2029`); else they stay outcomes.
        if let measure = title.flatMap(Self.onlyMeasure(namedIn:)) {
            for index in columns.indices where columns[index].year != nil && Self.onlyMeasure(namedIn: columns[index].text) == nil {
                columns[index].measure = measure
            }
        }
        // One provenance a page: a box never unions boxes of different pages.
        let spans = grid.pages.map { page in
            let onPage = grid.lines.filter { layout.lines[$0].page == page }
            return layout.provenance(of: onPage.first!..<(onPage.last! + 1))
        }
        if unit == nil {
            // A table that states no unit but prints one in every cell (`3,4%`) has that unit.
            let cellUnits = Set(rows.flatMap(\.cells).filter { $0.value != nil && $0.columnIndex >= offset }.map { $0.unit ?? "" })
            if cellUnits.count == 1, let only = cellUnits.first, !only.isEmpty { unit = only }
        }
        if unit == nil, countsThings(grid, title: title) {
            unit = TableWords.countUnit
            for r in rows.indices {
                for c in rows[r].cells.indices where rows[r].cells[c].value != nil && rows[r].cells[c].unit == nil
                    && rows[r].cells[c].columnIndex >= offset
                {
                    rows[r].cells[c].unit = unit
                }
            }
        }
        return ReportTable(
            id: "t0", title: title, unit: unit,
            columns: (codeColumns + columns).map { TableColumn(header: $0.text, year: $0.year, measure: $0.measure) },
            rows: rows, provenance: spans[0], spans: spans)
    }

    /// The one measure a text's words name (`Investeringsbudget 2027–2031` → budget); nil when
    /// they name none, or two (`Utfall och budget`).
    static func onlyMeasure(namedIn text: String) -> Measure? {
        let named = Set(ColumnHeader.words(text).compactMap { TableVocabulary.measure(ofHead: $0.lowercased()) })
        guard named.count == 1, let only = named.first else { return nil }
        return Measure(only)
    }

    /// A table of counts: it names what it counts (`Antal …` in its stub, title, a column header
    /// or a row label) and prints whole numbers without a unit of their own.
    func countsThings(_ grid: TableGrid, title: String?) -> Bool {
        let texts = [grid.stub, title ?? ""] + grid.columns.map(\.header) + grid.rows.map(\.label)
        guard texts.contains(where: { text in
            ColumnHeader.words(text.lowercased()).contains { TableWords.countWords.contains($0) }
        }) else { return false }
        let values = grid.rows.flatMap(\.cells).compactMap { cell -> SwedishNumber? in
            Self.countAndShare(cell.text)?.count ?? SwedishNumber.parse(cell.text)
        }
        return !values.isEmpty && values.allSatisfy { $0.unit == nil && $0.value == $0.value.rounded() }
    }

    /// A count followed by its share in parentheses (`16 (53%)`, `1 204 (12,5 %)`).
    static func countAndShare(_ text: String) -> (count: SwedishNumber, share: SwedishNumber)? {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex else { return nil }
        let countText = text[..<open].trimmingCharacters(in: .whitespaces)
        let shareText = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)
        guard shareText.hasSuffix("%"), let count = SwedishNumber.parse(countText), count.unit == nil,
            let share = SwedishNumber.parse(shareText), share.unit == "%"
        else { return nil }
        return (count, share)
    }

    /// Whether a grid's vocabulary makes it an indicator table: its stub names indicators, its
    /// columns set targets beside outcomes (and the stub names no unit of money), or a label
    /// line just above names the one indicator it holds (`Indikator: …`). The name so given, or
    /// an empty string.
    func indicatorTable(_ grid: TableGrid) -> String? {
        var above = grid.lines.lowerBound - 1
        while above >= 0, grid.lines.lowerBound - above <= TableRecogniser.indicatorNameLines {
            let line = layout.lines[above]
            if !line.isBlank {
                if let name = TableRecogniser.indicatorLabel(in: line.text) {
                    // The name wraps onto the lines down to the table's header.
                    let wrapped = (above + 1..<grid.lines.lowerBound).map { layout.lines[$0] }.filter { !$0.isBlank }.map(\.text)
                    return TableReader.joinLabel([name] + wrapped)
                }
                if SwedishNumber.parse(line.text) == nil, line.text.count > TableRecogniser.captionLength { break }
            }
            above -= 1
        }
        let columns = grid.columns.map { ColumnHeader.column(from: ColumnHeader.words($0.header)) }
        return ColumnHeader.headsIndicators(stub: grid.stub, columns: columns) ? "" : nil
    }

    /// The rows of a grid whose vocabulary makes it an indicator table (one indicator a row, its
    /// columns outcomes and targets), read with the grid's header tree and cells. A row with no
    /// label is the indicator `name` (`Indikator: …` above the table).
    func indicators(from grid: TableGrid, goal: String?, firstId: Int, name: String = "") -> [Indicator] {
        let columns = grid.columns.map { ColumnHeader.column(from: ColumnHeader.words($0.header)) }
        var result: [Indicator] = []
        for row in grid.rows where !row.cells.isEmpty && !(row.label.isEmpty && name.isEmpty) {
            result.append(indicator(
                id: "i\(firstId + result.count)", goal: goal, name: row.label.isEmpty ? name : row.label, cells: row.cells,
                columns: columns, lines: row.lines))
        }
        return result
    }

    /// One indicator of a grid: its name, and a value for each cell under the column it stands in.
    func indicator(
        id: String, goal: String?, name: String, cells: [GridCell], columns: [ColumnHeader.Column], lines: ClosedRange<Int>
    ) -> Indicator {
        let provenance = layout.provenance(of: lines.lowerBound..<(lines.upperBound + 1))
        let nameUnit = TableVocabulary.unit(inCaption: name)
        let values: [IndicatorValue] = cells.flatMap { cell -> [IndicatorValue] in
            let column = columns[cell.column]
            func value(_ text: String, measure: Measure) -> IndicatorValue {
                let parsed = CellSegmenter.measuredCell(text)
                let value = column.isText ? nil : parsed.value
                return IndicatorValue(
                    column: column.text, year: column.year, measure: measure, value: value,
                    unit: value == nil ? nil : parsed.unit ?? column.unit ?? nameUnit, comparator: parsed.comparator,
                    preliminary: parsed.preliminary && measure == column.measure, text: cell.text, provenance: provenance)
            }
            // A header naming a second measure in brackets (`Mål (utfall) 2025`) over cells that
            // print two figures the same way (`90 (88)`): a value of each measure.
            if let second = Self.bracketedMeasure(column.text), let (first, bracketed) = Self.bracketedPair(cell.text) {
                return [value(first, measure: column.measure), value(bracketed, measure: second)]
            }
            return [value(cell.text, measure: column.measure)]
        }
        let units = Set(values.compactMap(\.unit))
        return Indicator(
            id: id, goalId: goal, name: name, unit: nameUnit ?? (units.count == 1 ? units.first : nil), values: values,
            provenance: provenance)
    }

    /// The measure a header names in brackets after its own (`Mål (utfall)` → outcome), if any.
    static func bracketedMeasure(_ header: String) -> Measure? {
        guard let open = header.firstIndex(of: "("), let close = header[open...].firstIndex(of: ")") else { return nil }
        let inside = header[header.index(after: open)..<close].split(separator: " ").map(String.init)
        guard let head = inside.first, TableVocabulary.isHead(head.lowercased()) else { return nil }
        return ColumnHeader.column(from: inside).measure
    }

    /// A cell of two figures, the second in brackets (`90 (88)`, `1,2 (1,4)`).
    static func bracketedPair(_ text: String) -> (String, String)? {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex else { return nil }
        let first = text[..<open].trimmingCharacters(in: .whitespaces)
        let second = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard SwedishNumber.parse(first) != nil, SwedishNumber.parse(second) != nil else { return nil }
        return (first, second)
    }

    /// Adds a goal/indicator matrix read from its grid: its goal cells as goals (unless a goal the
    /// goal recogniser read stands on the same lines), its rows as indicators.
    func add(
        _ matrix: GridGoalMatrix, of grid: TableGrid, parent: GoalEntry?, goals known: [GoalEntry], nextGoal: inout Int,
        into result: inout TableRecognition
    ) {
        let columns = grid.columns.map { ColumnHeader.column(from: ColumnHeader.words($0.header)) }
        var goalIds: [String] = []
        for cell in matrix.goals {
            let range = cell.lines.lowerBound..<(cell.lines.upperBound + 1)
            if let same = known.first(where: { $0.lineRange.overlaps(range) }) {
                goalIds.append(same.goal.id)
                continue
            }
            let id = "g\(nextGoal)"
            nextGoal += 1
            goalIds.append(id)
            let goal = Goal(
                id: id, parentId: parent?.goal.id, level: matrix.goalHeading.isEmpty ? nil : matrix.goalHeading,
                title: TableRecogniser.goalTitle(cell.title), provenance: layout.provenance(of: range))
            result.goals.append(GoalEntry(goal: goal, lineRange: range))
        }
        for row in matrix.indicators {
            result.indicators.append(indicator(
                id: "i\(result.indicators.count + 1)", goal: row.goal.map { goalIds[$0] } ?? parent?.goal.id, name: row.name,
                cells: row.cells, columns: columns, lines: row.lines))
        }
    }
}
