import Foundation
import Layout
import ReportModel
import ReportSource
import SwedishReportLanguage
import Tables

/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet0 = TrimSet(": ")
/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet2 = TrimSet(":*")

/// What the table recogniser found.
struct TableRecognition {
    /// Indicators with their values, in document order (`i1`, `i2`, …).
    var indicators: [Indicator] = []
    /// Budget, accounting and statistics tables, in document order (`t1`, `t2`, …).
    var tables: [ReportTable] = []
    /// Goals that exist only as cells of a goal column in a goal/indicator matrix.
    var goals: [GoalEntry] = []
    /// The layout lines each reading took, so the geometric table stage reads only the rest.
    var claimed: [Range<Int>] = []
    /// What the tables' arithmetic checks found wrong.
    var warnings: [ImportWarning] = []
}

/// Finds indicator tables and tables of figures, and reads every cell with its row, column,
/// year, measure and unit.
///
/// A table opens at a header line (column words and years: `Budget 2023 Bokslut 2023 …`) or at a
/// labelled indicator (`Indikator: …` over a header and a value row). Tables whose stub names
/// indicators, or whose columns set targets beside outcomes, hold one indicator per row; a stub
/// with a goal column and an indicator column is a goal/indicator matrix.
struct TableRecogniser {
    /// Recognises tables and indicators; `goals` are the goals found so far, for linking.
    /// Reads the tables of a layout; `grids` are the table stage's (read here when not given).
    func recognise(_ layout: LayoutDocument, grids: [TableGrid]? = nil, goals: [GoalEntry]) -> TableRecognition {
        var recogniser = self
        recogniser.laidOut = Self.isLaidOut(layout)
        return recogniser.recogniseTables(layout, grids: grids ?? TableStage.grids(in: layout), goals: goals)
    }

    private func recogniseTables(_ layout: LayoutDocument, grids: [TableGrid], goals: [GoalEntry]) -> TableRecognition {
        let lines = layout.lines
        // The token reader sees no word positions: it splits no columns by geometry.
        let reader = TableReader(lines: lines.map(Self.flattened), bodyWidth: layout.bodyWidth)
        // Every table whose lines carry their column gaps is the table stage's: read from its
        // grid below. The token reader here reads only lines set without column gaps (flattened
        // text, or a PDF table set with word spaces), where there is no geometry to read.
        let gridReader = GridTableReader(layout: layout, recogniser: self)
        // Which grids make a table of figures, read once: a token reading over one gives way to it.
        let readable = grids.map { gridReader.table(from: $0) != nil }
        var result = TableRecognition()
        var nextGoal = (goals.compactMap { Int($0.goal.id.dropFirst()) }.max() ?? goals.count) + 1
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            let line = lines[index]
            guard !line.isBlank else { continue }
            if let list = indicatorList(at: index, lines: lines) {
                // "Indikatorer" over a bulleted list: indicators named, their values given elsewhere.
                let goal = enclosingGoal(before: index, goals: goals, layout: layout)
                for item in list.items {
                    let range = item.lines.lowerBound..<(item.lines.upperBound + 1)
                    result.indicators.append(Indicator(
                        id: "i\(result.indicators.count + 1)", goalId: goal?.goal.id, name: item.name,
                        unit: TableVocabulary.unit(inCaption: item.name), provenance: layout.provenance(of: range)))
                }
                result.claimed.append(index..<list.end)
                index = max(index, list.end - 1)
                continue
            }
            // (Lines the table stage read as a table stay the table's.)
            if let pairs = LabelledValues.pairs(in: line), !grids.contains(where: { $0.lines.contains(index) }),
                let name = LabelledValues.nameLine(above: index, in: lines)
            {
                // An indicator's name over its values as labelled pairs (`Utfall 2025: 84,5 %   Målvärde 2025: 88 %`).
                let goal = enclosingGoal(before: name, goals: goals, layout: layout)
                var indicator = LabelledValues.indicator(pairs: pairs, name: name, at: index, goal: goal?.goal.id, layout: layout)
                indicator.id = "i\(result.indicators.count + 1)"
                result.indicators.append(indicator)
                result.claimed.append(name..<(index + 1))
                continue
            }
            if let name = Self.indicatorLabel(in: line.text) {
                // `Indikator: NAME` (wrapping onto a few lines), then a header and a value row.
                var nameText = name
                var next = index + 1
                var found: Int?
                while next < lines.count, next - index <= Self.indicatorNameLines {
                    let text = lines[next].text
                    if lines[next].isBlank {
                        next += 1
                        continue
                    }
                    if ColumnHeader.canOpen(text, cells: lines[next].source.cellTexts) {
                        found = next
                        break
                    }
                    if reader.isProse(text) || Self.indicatorLabel(in: text) != nil { break }
                    nameText = reader.joinLabel([nameText, text])
                    next += 1
                }
                if let found, !carriesColumnGaps(found..<min(lines.count, found + Self.headerAndRowLines), in: lines),
                    let table = reader.read(headerAt: found, name: (nameText, index))
                {
                    emit(table, layout: layout, goals: goals, into: &result)
                    result.claimed.append(index..<table.end)
                    index = max(index, table.end - 1)
                }
                continue
            }
            guard ColumnHeader.canOpen(line.text, cells: line.source.cellTexts), GoalLabels.labelledGoal(in: line.text) == nil,
                !carriesColumnGaps(index..<min(lines.count, index + Self.headerAndRowLines), in: lines)
            else { continue }
            if let (fullHeader, bodyStart) = reader.readHeader(at: index),
                ColumnHeader.words(fullHeader.stub).contains(where: TableVocabulary.isGoalStubWord),
                ColumnHeader.words(fullHeader.stub).contains(where: TableVocabulary.isIndicatorStubWord)
            {
                let matrixReader = GoalMatrixReader(lines: reader.lines, reader: reader)
                let matrix = matrixReader.read(from: bodyStart, columns: fullHeader.columns.count)
                if !matrix.indicators.isEmpty {
                    emit(matrix, header: fullHeader, start: index, layout: layout, goals: goals, nextGoal: &nextGoal, into: &result)
                    result.claimed.append(index..<matrix.end)
                    index = max(index, matrix.end - 1)
                }
                continue
            }
            if let table = reader.read(headerAt: index), !carriesColumnGaps(table.start..<table.end, in: lines) {
                // Some of its lines do carry gaps, and the table stage read a table there.
                if grids.indices.contains(where: { grids[$0].lines.overlaps(table.start..<table.end) && readable[$0] }) {
                    index = max(index, table.end - 1)
                    continue
                }
                emit(table, layout: layout, goals: goals, into: &result)
                result.claimed.append(table.start..<table.end)
                index = max(index, table.end - 1)
            }
        }
        GridTableReader(layout: layout, recogniser: self).add(grids, goals: goals, nextGoal: &nextGoal, into: &result)
        for index in result.tables.indices {
            let table = result.tables[index]
            result.tables[index].checks = TableChecks().checks(of: table)
            for check in result.tables[index].checks where !check.holds {
                let row = table.rows[check.row]
                let column = table.columns.indices.contains(check.column) ? table.columns[check.column].header : "column \(check.column + 1)"
                let what = check.kind == .tally ? "the marks above it count" : check.kind == .sum ? "the rows it sums make" : "the columns it compares make"
                result.warnings.append(ImportWarning(
                    code: "table.check", message: "table \(table.id) (\(table.title ?? "untitled")), row '\(row.label)', column '\(column)': "
                        + "\(what) \(TableChecks.text(of: check.expected)), printed \(TableChecks.text(of: check.printed))",
                    page: row.provenance.page))
            }
        }
        return result
    }

    /// A line as the token reader reads it: words one space apart, no word positions (so no
    /// column gaps a PDF's front-end measured).
    static func flattened(_ line: LayoutLine) -> LayoutLine {
        guard !line.source.words.isEmpty else { return line }
        var flat = line
        flat.source.words = []
        return flat
    }

    /// Whether the input sets its words where they were printed (a PDF, or text laid out the way
    /// `pdftotext -layout` lays it out) rather than one space apart (flattened text).
    var laidOut = true

    /// Text whose lines part words by runs of spaces this often is laid out (flattened text
    /// does so on about one line in a hundred, laid-out text on one in seven or more).
    static let laidOutLineShare = 0.05

    /// Lines from a header line that tell whether a table carries its column gaps (the header,
    /// a wrapped header line and the first row).
    static let headerAndRowLines = 3

    /// A line with a column gap: one the PDF front-end measured, or a run of spaces between
    /// words (laid-out text).
    static func showsColumnGap(_ line: LayoutLine) -> Bool {
        line.source.hasColumnGap || line.text.trimmingCharacters(in: .whitespaces).contains("  ")
    }

    static func isLaidOut(_ layout: LayoutDocument) -> Bool {
        guard layout.source.kind == .text else { return true }
        let printed = layout.lines.filter { !$0.isBlank }
        let gapped = printed.filter(showsColumnGap)
        return Double(gapped.count) >= laidOutLineShare * Double(printed.count)
    }

    /// Whether most printed lines of a range carry their column gaps (measured by the PDF
    /// front-end, or a run of spaces between words in laid-out input): the table stage reads those.
    func carriesColumnGaps(_ range: Range<Int>, in lines: [LayoutLine]) -> Bool {
        guard laidOut else { return false }
        let printed = lines[range].filter { !$0.isBlank }
        let placed = printed.filter(Self.showsColumnGap)
        return !printed.isEmpty && placed.count * 2 >= printed.count
    }

    /// The bulleted list under a line that is only an indicator label (`Indikatorer`, `Nyckeltal:`).
    func indicatorList(at index: Int, lines: [LayoutLine]) -> (items: [(name: String, lines: ClosedRange<Int>)], end: Int)? {
        // Every line is offered here: one whose first character after colons and spaces is an
        // ASCII character no label starts with (in either case) is turned away unchanged.
        guard let first = lines[index].text.utf8.first(where: { $0 != 0x3A && $0 != 0x20 }),
            first >= 0x80 || Self.indicatorLabelInitials.contains(first | 0x20)
        else { return nil }
        let label = lines[index].text.trimming(trimSet0).lowercased()
        guard TableVocabulary.indicatorLabels.contains(label) else { return nil }
        var items: [(name: String, lines: ClosedRange<Int>)] = []
        var next = index + 1
        while next < lines.count, !lines[next].isBlank {
            let text = lines[next].text
            if let first = text.first, "-–•●▪*".contains(first), text.dropFirst().first == " " {
                let name = text.dropFirst(2).trimming(.whitespaces)
                guard !name.isEmpty else { break }
                items.append((name, next...next))
            } else if let last = items.last, text.first?.isLowercase == true {
                items[items.count - 1] = (last.name + " " + text, last.lines.lowerBound...next)
            } else {
                break
            }
            next += 1
        }
        return items.isEmpty ? nil : (items, next)
    }

    /// The first byte of each indicator label (all start with a lower-case ASCII letter).
    static let indicatorLabelInitials = Set(TableVocabulary.indicatorLabels.map { $0.utf8.first! })

    /// The name after an indicator label (`Indikator: Företagsklimat …` → `Företagsklimat …`).
    static func indicatorLabel(in text: String) -> String? {
        // No colon byte, no colon character: most lines stop here.
        guard text.utf8.contains(0x3A) else { return nil }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = text[..<colon].trimming(.whitespaces).lowercased()
        guard TableVocabulary.indicatorLabels.contains(label) else { return nil }
        let name = text[text.index(after: colon)...].trimming(.whitespaces)
        return name.isEmpty ? nil : name
    }

    // MARK: Model

    /// The goal a table printed at `line` is under: the last goal before it, in its section.
    func enclosingGoal(before line: Int, goals: [GoalEntry], layout: LayoutDocument) -> GoalEntry? {
        goals.enclosing(line, in: layout)
    }

    /// Adds a table read from the lines as indicators or as a table of figures.
    func emit(_ table: TextTable, layout: LayoutDocument, goals: [GoalEntry], into result: inout TableRecognition) {
        var table = table
        // A sentence broken around a figure (`… ska minska med 20 % jämfört …`) is no row: its
        // "label" ends on a word that wants the figure after it.
        table.rows.removeAll { row in
            row.label.split(separator: " ").count >= Self.brokenSentenceWords && TableWords.endsWithConnector(row.label)
        }
        guard table.rows.contains(where: { !$0.cells.isEmpty }) else { return }
        switch table.kind {
        case .indicators:
            let goal = enclosingGoal(before: table.start, goals: goals, layout: layout)
            for row in table.rows where !row.cells.isEmpty {
                let name = row.label
                guard !name.isEmpty else { continue }
                let nameUnit = TableVocabulary.unit(inCaption: name)
                let provenance = layout.provenance(of: row.lines.lowerBound..<(row.lines.upperBound + 1))
                var values: [IndicatorValue] = []
                for (c, cell) in row.cells.enumerated() where c < table.header.columns.count && !cell.isEmpty {
                    let column = table.header.columns[c]
                    values.append(IndicatorValue(
                        column: column.text, year: column.year, measure: column.measure,
                        value: column.isText || cell.ambiguous && cell.value == nil ? nil : cell.value,
                        unit: cell.value == nil ? nil : cell.unit ?? column.unit ?? nameUnit,
                        comparator: cell.comparator, preliminary: cell.preliminary, text: cell.text, provenance: provenance))
                }
                let units = Set(values.compactMap(\.unit))
                result.indicators.append(Indicator(
                    id: "i\(result.indicators.count + 1)", goalId: goal?.goal.id, name: name,
                    unit: nameUnit ?? (units.count == 1 ? units.first : nil), values: values, provenance: provenance))
            }
        case .figures:
            let columns = table.header.columns
            var unit = TableVocabulary.unit(inCaption: table.header.stub) ?? captionUnit(above: table.start, layout: layout)
            let rows: [TableRow] = table.rows.map { row in
                let cells: [TableCell] = row.cells.enumerated().compactMap { c, cell in
                    guard c < columns.count, !cell.isEmpty else { return nil }
                    let column = columns[c]
                    let value = column.isText ? nil : cell.value
                    let cellUnit = value == nil ? nil : cell.unit ?? column.unit ?? unit
                    let sek = value.flatMap { SwedishNumber.kronor($0, unit: cellUnit) }
                    return TableCell(columnIndex: c, value: value, unit: cellUnit, valueSEK: sek, ambiguous: cell.ambiguous, text: cell.text)
                }
                return TableRow(
                    label: row.label, level: row.level, isSum: row.isSum, cells: cells,
                    provenance: layout.provenance(of: row.lines.lowerBound..<(row.lines.upperBound + 1)))
            }
            if unit == nil {
                // A table that states no unit but prints one in every cell (`3,4%`) has that unit.
                let cellUnits = Set(rows.flatMap(\.cells).filter { $0.value != nil }.map { $0.unit ?? "" })
                if cellUnits.count == 1, let only = cellUnits.first, !only.isEmpty { unit = only }
            }
            result.tables.append(ReportTable(
                id: "t\(result.tables.count + 1)", title: title(before: table.start, layout: layout), unit: unit,
                columns: columns.map { TableColumn(header: $0.text, year: $0.year, measure: $0.measure) },
                rows: rows, notes: table.notes, provenance: layout.provenance(of: table.start..<table.end)))
        }
    }

    /// Adds a goal/indicator matrix: its goal cells as goals (unless already known), its rows as indicators.
    func emit(
        _ matrix: GoalMatrixReader.Matrix, header: ColumnHeader, start: Int, layout: LayoutDocument, goals: [GoalEntry],
        nextGoal: inout Int, into result: inout TableRecognition
    ) {
        let parent = enclosingGoal(before: start, goals: goals, layout: layout)
        // The goal column's heading names the goals' level (`Nämndmål`, `Mål för nämndens verksamhet`).
        let level = ColumnHeader.words(header.stub).first(where: TableVocabulary.isGoalStubWord)?.trimming(trimSet2)
        var goalIds: [String] = []
        for cell in matrix.goals {
            // A goal the goal recogniser already read from these lines is not made twice.
            if let known = goals.first(where: { $0.lineRange.overlaps(cell.lines.lowerBound..<(cell.lines.upperBound + 1)) }) {
                goalIds.append(known.goal.id)
                continue
            }
            let id = "g\(nextGoal)"
            nextGoal += 1
            goalIds.append(id)
            let range = cell.lines.lowerBound..<(cell.lines.upperBound + 1)
            let goal = Goal(id: id, parentId: parent?.goal.id, level: level, title: Self.goalTitle(cell.title), provenance: layout.provenance(of: range))
            result.goals.append(GoalEntry(goal: goal, lineRange: range))
        }
        for row in matrix.indicators {
            let provenance = layout.provenance(of: row.lines.lowerBound..<(row.lines.upperBound + 1))
            let nameUnit = TableVocabulary.unit(inCaption: row.name)
            var values: [IndicatorValue] = []
            for (c, cell) in row.cells.enumerated() where c < header.columns.count && !cell.isEmpty {
                let column = header.columns[c]
                values.append(IndicatorValue(
                    column: column.text, year: column.year, measure: column.measure, value: column.isText ? nil : cell.value,
                    unit: cell.value == nil ? nil : cell.unit ?? column.unit ?? nameUnit, comparator: cell.comparator,
                    preliminary: cell.preliminary, text: cell.text, provenance: provenance))
            }
            result.indicators.append(Indicator(
                id: "i\(result.indicators.count + 1)", goalId: row.goal.map { goalIds[$0] } ?? parent?.goal.id,
                name: row.name, unit: nameUnit, values: values, provenance: provenance))
        }
    }

    /// A goal cell's title without the field that may follow it in the cell
    /// (`… miljöpåverkan. Koppling mot Agenda 2030: …`).
    static func goalTitle(_ text: String) -> String {
        guard let match = text.range(of: #"\. [A-ZÅÄÖ][^.:]{0,40}:"#, options: .regularExpression) else { return text }
        return String(text[..<text.index(after: match.lowerBound)])
    }

    /// Lines between an indicator label (`Indikator: …`, its name wrapping) and its table's header, at most.
    static let indicatorNameLines = 6

    /// A row label of this many words that ends on a connector is a sentence broken by a figure.
    static let brokenSentenceWords = 6

    /// The longest line (characters) read as a table's caption; a longer one is running text.
    static let captionLength = 90

    /// Print this much smaller than the table is small print (a note between caption and table).
    static let smallPrintRatio = 0.85
    /// Lines of small print, axis ticks and source notes skipped between a table and its caption
    /// (a chart's ticks, 0 to 100 % in steps of ten, are eleven).
    static let chartLinesSkipped = 14
    /// A subtitle is printed at most this much larger than the table (a heading is larger).
    static let subtitleSizeRatio = 1.25
    /// Lines a caption set in its own type (bold, or larger than the table) may wrap over.
    static let captionLines = 3

    /// The table's title: a short caption just above it, else the nearest heading before it.
    ///
    /// In a PDF a note in small print may stand between the caption and the table, and a
    /// caption set in its own type (bold, or larger than the table) may wrap over a few lines.
    func title(before start: Int, layout: LayoutDocument) -> String? {
        let lines = layout.lines
        let tableSize = lines[start].source.style?.fontSize
        var index = start - 1
        var steps = 0
        var skippedAboveTable = 0
        while index >= 0, steps < 3 {
            let line = lines[index]
            if let size = line.source.style?.fontSize, let tableSize, size < Self.smallPrintRatio * tableSize, !line.isBlank,
                skippedAboveTable < Self.chartLinesSkipped
            {
                skippedAboveTable += 1
                index -= 1
                continue
            }
            // A chart over its data table: its axis ticks (a lone figure a line) and a source
            // note in parentheses stand between the table and the chart's title.
            if !line.isBlank, skippedAboveTable < Self.chartLinesSkipped,
                SwedishNumber.parse(line.text) != nil || line.text.hasPrefix("(") && line.text.hasSuffix(")")
            {
                skippedAboveTable += 1
                index -= 1
                continue
            }
            if !line.isBlank {
                var text = line.text
                // A subtitle right under a title in larger type (a chart's or table's title over
                // the population it covers) gives way to the title.
                if index > 0, !lines[index - 1].isBlank, let size = line.source.style?.fontSize, let tableSize,
                    size <= Self.subtitleSizeRatio * tableSize, line.source.style?.isBold == false,
                    let titleSize = lines[index - 1].source.style?.fontSize, titleSize > size / Self.smallPrintRatio,
                    text.count <= Self.captionLength / 2
                {
                    index -= 1
                    continue
                }
                var setInCells = line.source.hasColumnGap
                if let style = line.source.style, let size = style.fontSize, style.isBold || size > (tableSize ?? size) {
                    var above = index - 1
                    var parts = [text]
                    while above >= 0, parts.count < Self.captionLines {
                        var next = above
                        // A title in large type is spaced so widely that its lines stand a blank
                        // line apart: one less than a line of its type apart is still one title.
                        if lines[next].isBlank, next > 0, LayoutLine.continuesTitle(lines[next - 1], across: lines[next + 1]) {
                            next -= 1
                        }
                        guard !lines[next].isBlank, lines[next].source.style == style else { break }
                        parts.insert(lines[next].text, at: 0)
                        setInCells = setInCells || lines[next].source.hasColumnGap
                        above = next - 1
                    }
                    text = TableWords.joinWrapped(parts)
                }
                let longest = text.count <= Self.captionLength * (text == line.text ? 1 : Self.captionLines)
                    && !setInCells  // a line set in cells is a table's row, not its caption
                if longest, let last = text.last, !".:;,".contains(last), !ReportVocabulary.isUnitCaption(text),
                    text.first?.isUppercase == true, FigureRun.trailingNumbers(in: text) == 0,
                    !TableWords.endsWithConnector(text)  // a line cut off mid-sentence is a note's, not a caption
                {
                    return text
                }
                break
            }
            index -= 1
            // Blank lines between a chart's ticks are the chart's; its budget bounds them.
            if skippedAboveTable == 0 { steps += 1 }
        }
        let heading = layout.blocks.last { $0.kind == .heading && $0.lineRange.upperBound <= start }
        return heading.map { layout.text(of: $0) }
    }

    /// The unit a caption line just above a table states (`Belopp i tkr`).
    func captionUnit(above start: Int, layout: LayoutDocument) -> String? {
        var index = start - 1
        while index >= 0, start - index <= 3 {
            let text = layout.lines[index].text
            if ReportVocabulary.isUnitCaption(text) { return TableVocabulary.unit(inCaption: text) }
            index -= 1
        }
        return nil
    }
}
