import Foundation
import Layout
import ReportModel
import SwedishReportLanguage

/// Characters trimmed from tokens, built once (building a CharacterSet per token is costly).
private let trimSet0 = TrimSet(":*")

/// Reads one table from the layout's lines: its header (wrapped over several lines), its rows
/// (labels wrapped before or after their figures, group labels, `varav` rows, notes), across
/// blank separator rows and page breaks, up to the running text after it.
struct TableReader {
    /// The layout's lines.
    let lines: [LayoutLine]
    /// The length of a full line of running text, for telling prose from rows.
    let bodyWidth: Double

    /// Label lines a figure table waits through before its figures; indicator names wrap longer.
    static let maxPendingFigures = 3
    /// Label lines an indicator table waits through: names wrap over many lines.
    static let maxPendingIndicators = 10

    // MARK: Header

    /// Reads a table whose header opens at `start`; `name` is the indicator a `Indikator:` line named.
    func read(headerAt start: Int, name: (text: String, line: Int)? = nil) -> TextTable? {
        guard let (header, headerEnd) = readHeader(at: start) else { return nil }
        var kind: TextTable.Kind = name == nil ? .figures : .indicators
        if ColumnHeader.headsIndicators(stub: header.stub, columns: header.columns) { kind = .indicators }
        var table = TextTable(
            start: name?.line ?? start, end: headerEnd, header: header, headerLine: start, kind: kind, rows: [],
            notes: [], indicatorName: name?.text)
        readBody(into: &table, from: headerEnd)
        guard !table.rows.isEmpty else { return nil }
        let hasFigures = table.rows.contains { row in row.readings.contains { $0.cells.contains { $0.value != nil } } }
        if kind == .figures && !hasFigures { return nil }
        // One column and one figure is too little to call a table (a date over an address block).
        let figureRows = table.rows.filter { row in row.readings.contains { $0.cells.contains { $0.value != nil } } }.count
        if kind == .figures, header.columns.count == 1, figureRows < 2 { return nil }
        // A lone date or year over lines with numbers in them is a dateline, not a column.
        if header.columns.count == 1, !ColumnHeader.words(header.columns[0].text).contains(where: { TableVocabulary.isHead($0.lowercased()) }) {
            return nil
        }
        if kind == .indicators && !table.rows.contains(where: { !$0.readings.isEmpty }) { return nil }
        solve(&table)
        return table
    }

    /// The header opening at `start`, wrapped over the lines after it, and the line after it.
    ///
    /// Each further header-like line may belong to the header or already be a group label of the
    /// body (`Antal anställda`); the header is the longest run whose column count the first row
    /// of figures can fill.
    func readHeader(at start: Int) -> (ColumnHeader, Int)? {
        var texts = [lines[start].text]
        // A unit caption directly above a header without a stub is the stub (`Belopp tkr` / `Budget`).
        var stubCaption: String?
        if start > 0, !lines[start - 1].isBlank, ReportVocabulary.isUnitCaption(lines[start - 1].text),
            ColumnHeader.parse(lines[start].text).stub.isEmpty
        {
            stubCaption = lines[start - 1].text
        }
        var extents: [(header: ColumnHeader, end: Int)] = []
        func add(_ end: Int) {
            var header = ColumnHeader.parse(texts.joined(separator: " "))
            if let stubCaption, header.stub.isEmpty { header.stub = stubCaption }
            extents.append((header, end))
        }
        add(start + 1)
        var index = start + 1
        var blanks = 0
        while index < lines.count, extents.count < 16 {
            if lines[index].isBlank {
                blanks += 1
                if blanks > 2 { break }
                index += 1
                continue
            }
            blanks = 0
            let text = lines[index].text
            guard ColumnHeader.canContinue(text), GoalLabels.labelledGoal(in: text) == nil else { break }
            texts.append(text)
            add(index + 1)
            index += 1
        }
        guard let first = extents.first, !first.header.columns.isEmpty else { return nil }
        // Indicator rows may carry text cells over onto the lines after them, so their first row
        // says nothing about the column count: the whole header counts.
        if ColumnHeader.words(first.header.stub).contains(where: TableVocabulary.isIndicatorStubWord) {
            let longest = extents.last { !$0.header.columns.isEmpty }!
            return (longest.header, longest.end)
        }
        // The longest extent that the first figure row can fill.
        for extent in extents.reversed() where !extent.header.columns.isEmpty {
            if let count = firstRowCounts(after: extent.end), count.contains(extent.header.columns.count) {
                return (extent.header, extent.end)
            }
        }
        let longest = extents.last { !$0.header.columns.isEmpty }!
        return (longest.header, longest.end)
    }

    /// The cell counts the first figure line after `index` can be read with.
    func firstRowCounts(after index: Int) -> ClosedRange<Int>? {
        var i = index
        var seen = 0
        while i < lines.count, seen < 12 {
            defer { i += 1 }
            if lines[i].isBlank { continue }
            seen += 1
            let tokens = ValueToken.tokens(of: lines[i].text)
            guard tokens.contains(where: { $0.kind == .number }) else { continue }
            let (_, values) = RowSplitter.split(lines[i].text, columns: 99, allowTextCells: true)
            let counts = CellSegmenter.candidates(values, columns: 99).map { $0.cells.filter { !$0.isEmpty }.count }
            guard let low = counts.min(), let high = counts.max() else { return nil }
            let empties = values.filter { $0.kind == .empty }.count
            return max(1, low)...(high + empties)
        }
        return nil
    }

    // MARK: Body

    /// Reads the rows under the header, up to the running text after the table.
    func readBody(into table: inout TextTable, from bodyStart: Int) {
        let columns = table.header.columns.count
        let indicators = table.kind == .indicators
        let maxPending = indicators ? Self.maxPendingIndicators : Self.maxPendingFigures
        let headerText = normalised(lines[table.headerLine].text)
        var pending: [Int] = []
        var blankSinceRow = false
        var group = false  // rows now sit under a group label
        var index = bodyStart
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                blankSinceRow = true
                index += 1
                continue
            }
            let text = line.text
            if normalised(text) == headerText {
                // The header repeated after a page break: skip it and read on.
                index = (readHeader(at: index)?.1) ?? (index + 1)
                continue
            }
            if startsSomethingElse(index, table: table) || isContentsLine(text) { break }
            if isProse(text) { break }
            let (label, values) = RowSplitter.split(text, columns: columns, allowTextCells: indicators)
            var readings: [RowCandidate]
            var rowLabel = label
            if let aligned = RowSplitter.alignedCells(text, columns: columns) {
                rowLabel = aligned.label
                readings = [RowCandidate(cells: aligned.cells)]
            } else if RowSplitter.holdsValue(values, allowMarkers: indicators), indicators || !isLoneYear(values, columns: columns) {
                readings = CellSegmenter.candidates(values, columns: columns)
            } else {
                readings = []
            }
            if isNote(text), readings.isEmpty || text.hasPrefix("*") && readings.allSatisfy({ $0.cells.allSatisfy { $0.value == nil } }) {
                table.notes.append(text)
                table.end = index + 1
                index += 1
                continue
            }
            if !readings.isEmpty {
                if rowLabel.isEmpty, pending.isEmpty, indicators, var last = table.rows.last,
                    let reading = last.readings.first, last.readings.count == 1, reading.cells.count < columns
                {
                    // The rest of the previous row's cells, wrapped onto a line of their own.
                    last.readings = [RowCandidate(cells: reading.cells + (readings.first?.cells ?? []))]
                    last.lines = last.lines.lowerBound...index
                    table.rows[table.rows.count - 1] = last
                } else if rowLabel.isEmpty, pending.isEmpty, table.indicatorName == nil || !table.rows.isEmpty {
                    // Figures with nothing to name them: not a row of this table.
                } else {
                    var first = index
                    var labelParts: [String] = []
                    if rowLabel.isEmpty {
                        labelParts = pending.map { lines[$0].text }
                        if labelParts.isEmpty, let name = table.indicatorName, table.rows.isEmpty { labelParts = [name] }
                        first = pending.first ?? index
                    } else {
                        // Label lines that the row's label continues join it; the others are group labels.
                        var joined: [Int] = []
                        var rest = pending
                        var continues = startsLowercase(rowLabel)
                        while let last = rest.last, continues || endsWithConnector(lines[last].text) {
                            joined.insert(last, at: 0)
                            rest.removeLast()
                            continues = startsLowercase(lines[last].text)
                        }
                        for groupLine in rest {
                            table.rows.append(TextTable.Row(label: lines[groupLine].text, lines: groupLine...groupLine, readings: []))
                            group = true
                        }
                        labelParts = joined.map { lines[$0].text } + [rowLabel]
                        first = joined.first ?? index
                    }
                    var joinedLabel = joinLabel(labelParts)
                    if table.header.identifierStubs > 0 {
                        // The codes of the identifier columns before the label (`1 P 6289 Utrustning …`).
                        let words = joinedLabel.split(separator: " ").map(String.init)
                        joinedLabel = words.dropFirst(leadingCodes(words, columns: table.header.identifierStubs)).joined(separator: " ")
                    }
                    let lower = joinedLabel.lowercased()
                    let isVarav = TableWords.isPartLabel(lower)
                    let isSum = TableVocabulary.sumWords.contains(firstWord(lower))
                    if isSum { group = false }
                    var row = TextTable.Row(label: joinedLabel, lines: first...index, readings: readings)
                    row.level = isVarav || (group && !isSum) ? 1 : 0
                    row.isSum = isSum
                    row.endsInText = values.last?.kind == .text
                    table.rows.append(row)
                }
                pending = []
                blankSinceRow = false
                table.end = index + 1
            } else {
                if var last = table.rows.last, pending.isEmpty, !blankSinceRow, startsLowercase(text) || text.hasPrefix("("),
                    !last.readings.isEmpty
                {
                    // A label or text cell wrapped onto the next line.
                    if last.endsInText, var reading = last.readings.first, last.readings.count == 1,
                        let cell = reading.cells.last
                    {
                        reading.cells[reading.cells.count - 1] = ParsedCell(text: cell.text + " " + text, value: nil, unit: nil, comparator: nil)
                        last.readings = [reading]
                    } else {
                        last.label = joinLabel([last.label, text])
                    }
                    last.lines = last.lines.lowerBound...index
                    table.rows[table.rows.count - 1] = last
                    table.end = index + 1
                } else {
                    pending.append(index)
                    if pending.count > maxPending { break }
                }
            }
            index += 1
        }
    }

    /// A line of a table of contents: a title, dot leaders, a page number.
    func isContentsLine(_ text: String) -> Bool {
        text.contains("....") || text.contains("…")
    }

    /// A line that ends the table: a goal, a labelled indicator, or the header of another table.
    func startsSomethingElse(_ index: Int, table: TextTable) -> Bool {
        let text = lines[index].text
        if GoalLabels.labelledGoal(in: text) != nil { return true }
        if TableRecogniser.indicatorLabel(in: text) != nil { return true }
        if ColumnHeader.canOpen(text) {
            // Another header; in a one-column table also a single column word (`Ram 2028` over the next block).
            let count = ColumnHeader.parse(text).columns.count
            if count >= 2 || (count == 1 && table.header.columns.count == 1 && normalised(text) != normalised(lines[table.headerLine].text)) {
                return true
            }
        }
        return false
    }

    /// How many of a row's leading pieces (cells or words) are codes of `columns` identifier
    /// columns (`1 P 6289 Utrustning …`): at most one a column, and only where a label follows.
    func leadingCodes(_ pieces: [String], columns: Int) -> Int {
        var count = 0
        while count < min(columns, pieces.count - 1), TableVocabulary.isIdentifierCode(pieces[count]) {
            count += 1
        }
        guard count > 0, count < pieces.count else { return 0 }
        let next = pieces[count]
        let isText = CellSegmenter.measuredCell(next).value == nil && !ValueToken.tokens(of: next).allSatisfy(\.isValueLike)
        return isText ? count : 0
    }

    // MARK: Solving

    /// Chooses how each row's digits split (see `TableSolver`) and sets the cells.
    func solve(_ table: inout TextTable) {
        let solver = TableSolver(readings: table.rows.map(\.readings), columns: table.header.columns.count)
        let differences = Set(table.header.columns.indices.filter { table.header.columns[$0].isDifference })
        let choices = solver.solve(differenceColumns: differences)
        for (r, choice) in choices.enumerated() where !table.rows[r].readings.isEmpty {
            var cells = table.rows[r].readings[choice.index].cells
            if choice.ambiguous {
                let others = table.rows[r].readings
                for c in cells.indices where others.contains(where: { c >= $0.cells.count || $0.cells[c].text != cells[c].text }) {
                    cells[c].ambiguous = true
                }
            }
            table.rows[r].cells = cells
        }
    }

    // MARK: Shapes

    /// A line folded for comparing headers (case and spacing aside).
    func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// A note under a table (`*utifrån …`, `Källa: …`).
    func isNote(_ text: String) -> Bool {
        let lower = text.lowercased()
        return text.hasPrefix("*") || lower.hasPrefix("not:") || lower.hasPrefix("källa:") || lower.hasPrefix("anm:")
            || lower.hasPrefix("anm.") || lower.hasPrefix("källa ")
    }

    /// Running text: many words, or a sentence. Only words count, so a long row of figures is no sentence.
    func isProse(_ text: String) -> Bool {
        let words = ValueToken.tokens(of: text).filter { $0.kind == .text && $0.text.contains(where: \.isLetter) }.count
        if words >= 10 { return true }
        if Double(text.count) >= 0.6 * bodyWidth && words >= 8 { return true }
        if let last = text.last, ".!?".contains(last), words >= 6 { return true }
        if text.hasSuffix(":"), words >= 4 { return true }
        return false
    }

    /// A year alone where a table of several columns wants figures: a sentence naming a year.
    func isLoneYear(_ values: [ValueToken], columns: Int) -> Bool {
        let numbers = values.filter { $0.kind == .number }
        return columns > 1 && numbers.count == 1 && ReportVocabulary.isYear(numbers[0].text)
            && !values.contains { $0.kind == .unit }
    }

    /// True for text that starts in lower case: it continues the line before.
    func startsLowercase(_ text: String) -> Bool { text.first?.isLowercase ?? false }

    /// A label line that the next line continues (`Expansionsinvestering -`, `Kostnader för`).
    func endsWithConnector(_ text: String) -> Bool { TableWords.endsWithConnector(text) }

    /// The first word, without a trailing colon or asterisk.
    func firstWord(_ text: String) -> String {
        String(text.split(separator: " ").first ?? "").trimming(trimSet0)
    }

    /// Joins wrapped label lines with one space; a line-start hyphen (`Europaparlaments` / `-valet`) joins without.
    func joinLabel(_ parts: [String]) -> String { Self.joinLabel(parts) }

    /// Joins wrapped label lines with one space; a line-start hyphen (`Europaparlaments` / `-valet`) joins without.
    static func joinLabel(_ parts: [String]) -> String {
        var result = ""
        for part in parts.map({ $0.trimming(.whitespaces) }) where !part.isEmpty {
            if result.isEmpty {
                result = part
            } else if part.hasPrefix("-"), part.count > 1, part.dropFirst().first?.isLetter == true {
                result += part
            } else {
                result += " " + part
            }
        }
        return result
    }
}
