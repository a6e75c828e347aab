import ReportSource
import SwedishReportLanguage

/// Finds tables from geometry: runs of lines whose cells line up in columns, with figures in at
/// least one column. No header word needs to be known for a table to be found.
///
/// Every distance is measured in characters of the line's font (`PlacedLine.characterWidth`), so
/// the same rules read PDF word boxes and the character columns of `pdftotext -layout` text.
struct TableFinder {
    /// A gap of this many characters or more parts two cells on a line (two spaces in text).
    static let columnGapCharacters = 1.6
    /// Cells closer than this (characters) to a column still overlap it (right-aligned jitter).
    static let alignmentToleranceCharacters = 0.6
    /// Blank lines a table's body may hold between two rows.
    static let maximumBlankLinesBetweenRows = 3
    /// Lines without figures a body may hold in a row (wrapped labels, group rows, notes).
    static let maximumLinesWithoutFiguresBetweenRows = 3
    /// Header lines stacked over a table's columns at most (`Avv.` / `prognos/` / `budget 2026`).
    static let maximumHeaderLines = 4
    /// Blank lines allowed between the header and the first row.
    static let maximumBlankLinesUnderHeader = 3
    /// A line of running text has at least this many words in one cell.
    static let proseWords = 9
    /// The share of a table's cells (figure rows × columns) that hold something, at least.
    static let minimumFilledShare = 0.4
    /// A label of this many words is a sentence (an indicator's name, joined over lines, may run
    /// to a dozen words; the assessments written beside scores run longer).
    static let sentenceWords = 14
    /// A label that ends with a full stop is a sentence from this many words.
    static let stoppedSentenceWords = 5

    /// Stub cells of this many words together are a sentence, not a header's caption or unit
    /// (captions over the labels, such as a measure with its date, run to six or seven).
    static let sentenceStubWords = 8
    /// A row label of this many words is a sentence: a line of text with a figure beside it.
    static let sentenceLabelWords = 12
    /// How far (layout lines) the next line of wrapped text may stand: extraction leaves a blank
    /// line between the lines of a wrapped cell now and then.
    static let wrappedLineDistance = 2
    /// How far (characters) a wrapped label line may start from the labels' margin.
    static let labelMarginSlackCharacters = 2.4
    /// The deepest row level told from indentation.
    static let deepestLevel = 3
    /// Indentation (characters) that puts a row label one level deeper.
    static let indentPerLevelCharacters = 1.5

    let lines: [PlacedLine]
    let segments: [[Segment]]
    /// The pages with rules drawn on them (PDF input), by page number: their rules and fills.
    let drawings: [Int: SourcePage]

    init(lines: [PlacedLine], drawings: [Int: SourcePage] = [:]) {
        self.lines = lines
        self.drawings = drawings
        self.segments = Self.partedAtFigureEdges(
            lines.map { Segment.segments(of: $0, minimumGap: Self.columnGapCharacters) }, lines: lines)
    }

    /// A gap wider than two word spaces of print (characters) after a figure that ends on a
    /// figure column's right edge parts two cells, though it is narrower than a column gap (a
    /// second list set close beside the first: `90 362  Alingsås  69 994`). One space of text
    /// is not that wide: there a figure and a word after it (`1 gång/år`) stay one cell.
    static let figureEdgeGapCharacters = 1.1
    /// The gap (characters: one space of text) that parts a figure on a column's edge from a
    /// capitalised word after it.
    static let capitalisedCellGapCharacters = 1.0
    /// Figures ending at one x on this many lines of a page make a column's right edge.
    static let figureEdgeSupport = 2

    /// Parts text segments that begin with a figure ending on a figure column's right edge (the
    /// right ends of figures after the first cell on other lines of the page) and go on after a
    /// gap wider than a word space.
    static func partedAtFigureEdges(_ segments: [[Segment]], lines: [PlacedLine]) -> [[Segment]] {
        var edgesByPage: [Int: [Double]] = [:]
        for (index, parts) in segments.enumerated() {
            for part in parts.dropFirst() where part.kind == .number { edgesByPage[lines[index].page, default: []].append(part.maxX) }
        }
        var result = segments
        for (index, parts) in segments.enumerated() where parts.dropFirst().contains(where: { $0.kind == .text && $0.words.count >= 2 }) {
            let line = lines[index]
            let tolerance = alignmentToleranceCharacters * line.characterWidth
            let edges = edgesByPage[line.page] ?? []
            func onEdge(_ x: Double) -> Bool { edges.filter { abs($0 - x) <= tolerance }.count >= figureEdgeSupport }
            // A row's first cell is its label, whatever it starts with.
            result[index] = [parts[0]] + parts.dropFirst().flatMap { part -> [Segment] in
                guard part.kind == .text, part.words.count >= 2 else { return [part] }
                for cut in 1..<part.words.count {
                    let head = Array(part.words[..<cut]), gap = part.words[cut].minX - part.words[cut - 1].maxX
                    // A capitalised word after one space of text starts a new cell: units and
                    // what a figure counts are written in lower case (`1 gång/år`).
                    let next = part.words[cut].text
                    let startsName = next.first?.isUppercase == true && next.dropFirst().first?.isLowercase == true
                        && !SwedishNumber.units.contains(next.lowercased())
                    let wide = gap >= figureEdgeGapCharacters * line.characterWidth
                        || startsName && gap >= capitalisedCellGapCharacters * line.characterWidth
                    guard wide else { continue }
                    let figure = Segment(words: head)
                    guard figure.kind == .number, onEdge(figure.maxX) else { break }
                    return [figure, Segment(words: Array(part.words[cut...]))]
                }
                return [part]
            }
        }
        return result
    }

    // MARK: Lines

    /// The middle value (the upper one of an even count), nil for none.
    static func median(_ values: [Double]) -> Double? {
        let sorted = values.sorted()
        return sorted.isEmpty ? nil : sorted[sorted.count / 2]
    }

    /// A label of single letters (`n t s k s`) is a chart's rotated axis title read across.
    static func isSpelledOut(_ label: String) -> Bool {
        let words = label.split(separator: " ")
        return words.count >= 2 && words.allSatisfy { $0.count == 1 }
    }

    /// A row label that is a sentence: text set beside a figure, not the name of a row.
    static func isSentence(_ label: String) -> Bool {
        let words = label.split(separator: " ").count
        return words >= sentenceWords || label.hasSuffix(".") && words >= stoppedSentenceWords
    }

    /// A line that is a table row: figures after a label, or several figures.
    func isBody(_ index: Int) -> Bool {
        let parts = segments[index]
        guard !parts.isEmpty, !hasLeaderDots(index) else { return false }
        // A line of years is a header, whatever stands before them (a chart's last axis tick).
        if parts.count >= 3, parts.dropFirst().allSatisfy({ $0.kind == .year }) { return false }
        // A line of one cell is no row: a row has a label and figures, or several cells.
        guard parts.count >= 2 else { return false }
        // Quantities with units of their own (`17 g/port`, `2 av 8`) are figures of a row too.
        let figures = parts.filter(\.holdsFigure)
        // Dashes alone do not make a row of figures; a number must be among them.
        guard figures.contains(where: { $0.kind != .empty }) else { return false }
        if !parts[0].isFigure, parts[0].words.count >= Self.sentenceLabelWords { return false }
        return true
    }

    /// Whether a line follows the one before it with no blank line between.
    func adjacentLine(_ index: Int, after previous: Int?) -> Bool {
        guard let previous else { return false }
        return index - previous == 1
    }

    /// A lone zero with no label: an empty cell's placeholder left in a spacer row, not a row.
    static func isStrayZero(label: String, cells: [GridCell]) -> Bool {
        label.isEmpty && cells.count == 1 && SwedishNumber.parse(cells[0].text)?.value == 0
    }

    /// A cell that holds a figure: a number, a dash, or a quantity with its unit (`17 g/port`),
    /// with a note in brackets after it or not (`218 (2020)`, `3 (aug 2021)`).
    static func isFigureCell(_ text: String) -> Bool {
        var words = text.split(separator: " ").map(String.init)
        if let open = words.firstIndex(where: { $0.hasPrefix("(") }), open > 0 { words = Array(words[..<open]) }
        return Segment(words: words.map { PlacedWord(text: $0, minX: 0, maxX: 0) }).isFigure
            || SwedishNumber.isMeasuredQuantity(words)
    }

    /// A contents line (`Inledning ........ 3`) lines up its page numbers but is no table.
    func hasLeaderDots(_ index: Int) -> Bool {
        segments[index].contains { $0.text.contains("....") || $0.text.contains("……") || $0.text.contains("…") && $0.words.count > 1 }
    }

    /// A line of running text: one cell of many words.
    func isProse(_ index: Int) -> Bool {
        let parts = segments[index]
        return parts.count == 1 && parts[0].words.count >= Self.proseWords || hasLeaderDots(index)
    }

    // MARK: Regions

    /// Runs of body lines that line up, with the lines between them.
    func regions() -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var first: Int?
        var last = 0
        var figureSpans: [ClosedRange<Double>] = []
        var cellSpans: [ClosedRange<Double>] = []  // every cell after the labels, text ones too
        var labelMargin = Double.infinity
        var blankRun = 0
        var otherRun = 0
        var labelRun = 0
        var textMargin = Double.infinity
        func close() {
            if let start = first { result.append(start...last) }
            first = nil
            figureSpans = []
            cellSpans = []
            labelMargin = .infinity
            textMargin = .infinity
        }
        var descriptionRun = 0
        func linesUp(_ index: Int) -> Bool { sharesFigureColumn(index, with: figureSpans) }
        for index in lines.indices {
            if lines[index].isBlank {
                blankRun += 1
                continue
            }
            // Blank space ends a table, unless the next line is a row that lines up with its
            // figures (rows set tall, or far apart, leave several blank lines between them).
            if first != nil, blankRun > Self.maximumBlankLinesBetweenRows {
                let nextRowLinesUp = blankRun <= Self.maximumBlankLinesBeforeAlignedRow && isBody(index)
                    && lines[index].page == lines[last].page && linesUp(index)
                if !nextRowLinesUp { close() }
            }
            if isBody(index) {
                let spans = segments[index].filter(\.holdsFigure).map { $0.minX...$0.maxX }
                if first != nil, lines[index].page != lines[last].page || !linesUp(index) && !laterRowJoins(index, figureSpans) {
                    close()
                }
                if first == nil { first = index }
                last = index
                figureSpans += spans
                cellSpans += segments[index].dropFirst((labelPosition(index) ?? -1) + 1).map { $0.minX...$0.maxX }
                if let label = labelSegment(index) { labelMargin = min(labelMargin, label.minX) }
                textMargin = min(textMargin, segments[index].first?.minX ?? textMargin)
                blankRun = 0
                otherRun = 0
                labelRun = 0
                descriptionRun = 0
                continue
            }
            blankRun = 0
            // Text wrapped inside the cells of a row (every piece of it under a cell above) is
            // part of the row however many lines it takes.
            if first != nil, lines[index].page == lines[last].page, !isProse(index),
                !isNewHeader(index, under: figureSpans, cellSpans: cellSpans, labelMargin: labelMargin, regionStart: first),
                wrapsInCells(index, cellSpans: cellSpans, labelMargin: labelMargin)
            {
                last = index
                continue
            }
            // A row label wrapped over lines above and below its figures (set vertically centred)
            // comes in short lines at the labels' margin.
            let figuresLeft = figureSpans.map(\.lowerBound).min() ?? -.infinity
            // The margin of the lines before this one; a region whose rows have no labels takes
            // the first short line left of its figures as the labels' margin.
            let margin = min(labelMargin, textMargin.isFinite ? textMargin : (segments[index].first?.minX ?? .infinity))
            if first != nil, let start = segments[index].first?.minX, start < figuresLeft { textMargin = min(textMargin, start) }
            if first != nil, lines[index].page == lines[last].page, isWrappedLabelLine(index, margin: margin),
                labelRun < Self.maximumWrappedLabelLines, let only = segments[index].first, only.maxX < figuresLeft
            {
                labelRun += 1
                // The last row's label may go on below its figures (set top-aligned): its first
                // line, and further lines directly under it that go on with its phrase in lower
                // case (a note under the table, `Källa: SCB`, starts its own). Lines that turn out
                // to label no row are dropped with the grid's trailing label rows.
                let goesOn = labelRun == 1 ? index - last <= Self.wrappedLineDistance
                    : index - last == 1 && (segments[index].first?.text.first?.isLowercase ?? false)
                if goesOn { last = index }
                continue
            }
            // Running text under a row's label that stays inside the labels' column (what an
            // indicator measures, its source) describes that row; the table goes on below it.
            if first != nil, lines[index].page == lines[last].page, descriptionRun < Self.maximumDescriptionLines,
                isDescriptionLine(index, labelMargin: labelMargin, figuresLeft: figuresLeft)
            {
                descriptionRun += 1
                continue
            }
            otherRun += 1
            if otherRun > Self.maximumLinesWithoutFiguresBetweenRows || isProse(index) || isNewHeader(index, under: figureSpans, cellSpans: cellSpans, labelMargin: labelMargin, regionStart: first) {
                close()
            }
        }
        close()
        return result
    }

    /// Blank lines a table may hold between two rows when the row below lines up with the
    /// figures above (rows set tall leave this much space in `pdftotext -layout` text).
    static let maximumBlankLinesBeforeAlignedRow = 6
    /// Lines of running text a row's description under its label may take, at most.
    static let maximumDescriptionLines = 8

    /// A line of one cell that starts at the labels' margin and ends a column gap short of the
    /// figures: text set inside the labels' column.
    func isDescriptionLine(_ index: Int, labelMargin: Double, figuresLeft: Double) -> Bool {
        let parts = segments[index]
        let width = lines[index].characterWidth
        guard parts.count == 1, labelMargin.isFinite, let only = parts.first, !only.isFigure else { return false }
        return abs(only.minX - labelMargin) <= Self.labelMarginSlackCharacters * width
            && only.maxX < figuresLeft - Self.columnGapCharacters * width
    }

    /// Whether a line has a figure in a column of `figureSpans`.
    func sharesFigureColumn(_ index: Int, with figureSpans: [ClosedRange<Double>]) -> Bool {
        let tolerance = Self.alignmentToleranceCharacters * lines[index].characterWidth
        return segments[index].filter(\.holdsFigure).contains { span in
            figureSpans.contains { $0.lowerBound - tolerance <= span.maxX && span.minX <= $0.upperBound + tolerance }
        }
    }

    /// Rows ahead that may tie a row to the table above it.
    static let rowsAheadToTieColumns = 3
    /// How far (lines) those rows may stand.
    static let linesAheadToTieColumns = 8

    /// Whether a row whose figures stand in other columns than the rows above (each row
    /// filling only some of a table's columns) belongs with them: a row just below fills a
    /// column of each.
    func laterRowJoins(_ index: Int, _ figureSpans: [ClosedRange<Double>]) -> Bool {
        let own = segments[index].filter(\.holdsFigure).map { $0.minX...$0.maxX }
        var rowsSeen = 0
        var next = index + 1
        while next < lines.count, next - index <= Self.linesAheadToTieColumns, lines[next].page == lines[index].page,
            rowsSeen < Self.rowsAheadToTieColumns, !isProse(next)
        {
            if isBody(next) {
                if sharesFigureColumn(next, with: figureSpans), sharesFigureColumn(next, with: own) { return true }
                rowsSeen += 1
            }
            next += 1
        }
        return false
    }

    /// Short lines of a row label wrapped above and below its figures, at most.
    static let maximumWrappedLabelLines = 6
    /// A wrapped label line has at most this many words.
    static let wrappedLabelWords = 6

    /// A short line of one cell at the labels' margin that ends no sentence.
    func isWrappedLabelLine(_ index: Int, margin: Double) -> Bool {
        let parts = segments[index]
        guard parts.count == 1, margin.isFinite, let only = parts.first, only.words.count <= Self.wrappedLabelWords,
            !only.text.hasSuffix(".")
        else { return false }
        return abs(only.minX - margin) <= Self.labelMarginSlackCharacters * lines[index].characterWidth
    }

    /// A line whose pieces each stand under a cell of the rows above, or start at the labels'
    /// margin as the next line of a wrapped label.
    func wrapsInCells(_ index: Int, cellSpans: [ClosedRange<Double>], labelMargin: Double) -> Bool {
        let tolerance = Self.alignmentToleranceCharacters * lines[index].characterWidth
        let parts = segments[index]
        guard parts.contains(where: { part in cellSpans.contains { $0.lowerBound - tolerance <= part.maxX && part.minX <= $0.upperBound + tolerance } })
        else { return false }
        return parts.allSatisfy { part in
            cellSpans.contains { $0.lowerBound - tolerance <= part.maxX && part.minX <= $0.upperBound + tolerance }
                || abs(part.minX - labelMargin) <= Self.labelMarginSlackCharacters * lines[index].characterWidth
        }
    }

    /// A line of column names over the figure columns, with nothing among the labels: the
    /// header of the next table, which ends the one above it.
    func isNewHeader(
        _ index: Int, under figureSpans: [ClosedRange<Double>], cellSpans: [ClosedRange<Double>], labelMargin: Double,
        regionStart: Int?
    ) -> Bool {
        let parts = segments[index]
        guard parts.count >= 2 else { return false }
        // The header over the rows printed again, stub and all: the next table's header (one
        // indicator table under each goal), however it lines up with the rows above.
        if repeatsHeader(index, regionStart: regionStart) { return true }
        // The stub printed again over column names of words or years (`Indikator | Mål (utfall)
        // 2026` under a table headed `Indikator | Mål 2026 | Utfall 2025`): the next table's
        // header, though its columns differ.
        if repeatsStub(index, regionStart: regionStart), parts.dropFirst().allSatisfy({ $0.kind == .year || $0.kind == .text }) {
            return true
        }
        // A piece in a column of text cells between the labels and the figures (an indicator's
        // name beside its goal) is a row's cell (a header repeated there was taken above).
        let figuresLeft = figureSpans.map(\.lowerBound).min() ?? .infinity
        let textCellSpans = cellSpans.filter { $0.upperBound < figuresLeft }
        if parts.contains(where: { part in
            part.maxX < figuresLeft && textCellSpans.contains { $0.lowerBound <= part.maxX && part.minX <= $0.upperBound }
        }) {
            return false
        }
        // Pieces that go on in lower case or in brackets continue the cells above them (a
        // wrapped name, `(aug 2021)` under its figure); a header starts its column names.
        if parts.allSatisfy({ part in part.text.first.map { $0.isLowercase || $0 == "(" } ?? false }) { return false }
        let tolerance = Self.alignmentToleranceCharacters * lines[index].characterWidth
        let overFigures = parts.contains { part in figureSpans.contains { $0.lowerBound <= part.maxX && part.minX <= $0.upperBound } }
        return overFigures && parts.allSatisfy { ($0.kind == .year || $0.kind == .text) && $0.minX > labelMargin + tolerance }
    }

    /// Whether a line's first piece is the first piece of a header line over a region's first
    /// row (its stub, `Indikator`), in words, not a figure.
    func repeatsStub(_ index: Int, regionStart: Int?) -> Bool {
        guard let start = regionStart, let first = segments[index].first, first.kind == .text else { return false }
        let above = (max(0, start - Self.maximumHeaderLines - Self.maximumBlankLinesUnderHeader)..<start)
            .filter { lines[$0].page == lines[start].page && segments[$0].count >= 2 }
        return above.contains { segments[$0].first?.text == first.text }
    }

    /// Whether every piece of a line is printed on one of the header lines over a region's first
    /// row: the header repeated further down.
    func repeatsHeader(_ index: Int, regionStart: Int?) -> Bool {
        guard let start = regionStart else { return false }
        let above = (max(0, start - Self.maximumHeaderLines - Self.maximumBlankLinesUnderHeader)..<start)
            .filter { lines[$0].page == lines[start].page }
        let printed = Set(above.flatMap { segments[$0].map(\.text) })
        return segments[index].allSatisfy { printed.contains($0.text) }
    }

    // MARK: Grids

    /// Ruled grids replace a table found from alignment over their lines when together they
    /// hold at least this share of its lines; smaller ones (a ruled header over an open body)
    /// give way to it.
    static let ruledShareToReplace = 0.6

    /// Every table on the lines: ruled grids where rules draw the cells, tables found from
    /// alignment elsewhere.
    func grids() -> [TableGrid] {
        var ruled = RuledTables(lines: lines).grids(drawings: drawings)
        var regions = regions()
        // Where ruled grids and an aligned region overlap, the ruled grids stand when together
        // they hold most of the region's lines; else the region does, and the grids over it
        // give way, everywhere (so no region they displaced elsewhere stays lost). Repeated until
        // nothing changes: each round only removes grids.
        func overlaps(_ grid: TableGrid, _ region: ClosedRange<Int>) -> Bool {
            grid.lines.overlaps(region.lowerBound..<(region.upperBound + 1))
        }
        var changed = true
        while changed {
            changed = false
            for region in regions {
                let inside = ruled.filter { overlaps($0, region) }
                guard !inside.isEmpty else { continue }
                let regionLines = region.filter { !lines[$0].isBlank }
                let held = regionLines.filter { line in inside.contains { $0.lines.contains(line) } }
                if Double(held.count) < Self.ruledShareToReplace * Double(regionLines.count) {
                    ruled.removeAll { overlaps($0, region) }
                    changed = true
                }
            }
        }
        regions = regions.filter { region in !ruled.contains { overlaps($0, region) } }
        var result: [TableGrid] = []
        func add(_ grid: TableGrid) {
            if let last = result.last, continues(last, with: grid) {
                result[result.count - 1] = stitched(last, grid)
            } else {
                result.append(grid)
            }
        }
        for whole in regions {
          for region in regionsParted(atColumnCaptions: whole) {
            while let next = ruled.first, next.lines.lowerBound < region.lowerBound { add(ruled.removeFirst()) }
            if let grid = grid(from: region) {
                if let last = result.last, continues(last, with: grid) {
                    result[result.count - 1] = stitched(last, grid)
                } else {
                    result.append(grid)
                }
            } else if let last = result.last, let rest = grid(from: region, continuing: true), continues(last, with: rest) {
                // Rows that would be too few to stand as a table of their own go on the table
                // of the page before.
                result[result.count - 1] = stitched(last, rest)
            }
          }
        }
        ruled.forEach(add)
        return result
    }

    /// Most lines of page furniture left between a table's last row on one page and its first
    /// row on the next (a running header that normalisation did not recognise).
    static let maximumLinesBetweenPages = 2

    /// How far (share of the table's width) a column may stand from where it stood on the page
    /// before, for the table to continue there.
    static let continuedColumnShift = 0.1

    /// Whether `next` continues `table` on the next page: it starts the next page with the same
    /// columns at the same places, and either has no header or repeats the same one.
    func continues(_ table: TableGrid, with next: TableGrid) -> Bool {
        guard let lastPage = table.pages.last, next.pages.first == lastPage + 1,
            next.columns.count == table.columns.count,
            next.identifierColumns.isEmpty || next.identifierColumns.count == table.identifierColumns.count
        else { return false }
        let between = (table.lines.upperBound..<next.lines.lowerBound).filter { !lines[$0].isBlank }
        guard between.count <= Self.maximumLinesBetweenPages else { return false }
        // A header repeated under a caption of its own (`Ram 2029` after `Ram 2028`) starts a new
        // table; the same caption repeated over the header goes on with the old one.
        if !next.headerLines.isEmpty, let newCaption = captionText(above: next.lines.lowerBound),
            newCaption != captionText(above: table.lines.lowerBound)
        {
            return false
        }
        let sameHeader = next.headerLines.isEmpty || zip(next.columns, table.columns).allSatisfy { $0.header == $1.header }
        guard sameHeader else { return false }
        // The columns stand in the same proportions between the first and the last (text
        // extraction packs a page's columns tighter or looser by a few characters).
        func centers(_ grid: TableGrid) -> [Double] { grid.columns.map { ($0.span.lowerBound + $0.span.upperBound) / 2 } }
        let above = centers(table), below = centers(next)
        guard above.count > 1 else {
            let tolerance = 2 * Self.alignmentToleranceCharacters * lines[next.lines.lowerBound].characterWidth
            return abs(above[0] - below[0]) <= tolerance + (table.columns[0].span.upperBound - table.columns[0].span.lowerBound)
        }
        func relative(_ xs: [Double]) -> [Double] { xs.map { ($0 - xs[0]) / max(xs[xs.count - 1] - xs[0], 1e-9) } }
        return zip(relative(above), relative(below)).allSatisfy { abs($0 - $1) <= Self.continuedColumnShift }
    }

    /// The text of the nearest non-blank line above a line on its page.
    func captionText(above index: Int) -> String? {
        var current = index - 1
        while current >= 0, lines[current].page == lines[index].page {
            if !lines[current].isBlank { return text(of: current) }
            current -= 1
        }
        return nil
    }

    func text(of index: Int) -> String { segments[index].map(\.text).joined(separator: " ") }

    /// One table from a table and its continuation on the next page.
    func stitched(_ table: TableGrid, _ next: TableGrid) -> TableGrid {
        var result = table
        let offset = table.rows.count
        result.rows += next.rows.map { row in
            var row = row
            row.parent = row.parent.map { $0 + offset }
            if !table.identifierColumns.isEmpty { row.label = Self.withoutLeadingCode(row.label) }
            return row
        }
        result.lines = table.lines.lowerBound..<next.lines.upperBound
        result.pages = Array(Set(table.pages + next.pages)).sorted()
        for index in result.columns.indices {
            let a = result.columns[index].span, b = next.columns[index].span
            result.columns[index].span = min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
        }
        return result
    }

    /// The label of a line: its first cell when that is not a figure, or the first long text
    /// cell after a run of short codes (`1 | P | 6289 | Utrustning …`: priority, status and
    /// project number columns before the name).
    func labelSegment(_ index: Int) -> Segment? {
        labelPosition(index).map { segments[index][$0] }
    }

    /// Where the label stands among a line's cells.
    func labelPosition(_ index: Int) -> Int? {
        let parts = segments[index]
        guard let first = parts.first else { return nil }
        var position = 0
        while position + 1 < parts.count, Self.isCode(parts[position]) { position += 1 }
        if position > 0, parts[position].kind == .text, !Self.isCode(parts[position]) { return position }
        return first.isFigure ? nil : 0
    }

    /// A label without the project number set before it with no gap (`6016 Reinvesteringar`),
    /// in a table with identifier columns.
    static func withoutLeadingCode(_ label: Segment) -> Segment {
        guard label.words.count > 1, isCode(Segment(words: [label.words[0]])), label.words[0].text.allSatisfy(\.isNumber)
        else { return label }
        return Segment(words: Array(label.words.dropFirst()))
    }

    static func withoutLeadingCode(_ label: String) -> String {
        let words = label.split(separator: " ")
        guard words.count > 1, words[0].count <= identifierLength, words[0].allSatisfy(\.isNumber) else { return label }
        return words.dropFirst().joined(separator: " ")
    }

    /// Longest code (characters) in an identifier column before the labels.
    static let identifierLength = 6

    /// A short code of one word: a number, a letter or two, or letters with digits (`1`, `P`,
    /// `6289`, `A12`); a short word (`Boende`) is a label.
    static func isCode(_ segment: Segment) -> Bool {
        let text = segment.text
        guard segment.words.count == 1, text.count <= identifierLength, segment.kind != .empty else { return false }
        return text.count <= 2 || text.contains(where: \.isNumber)
    }

    /// Reads a region into a grid, with the header above it; nil when it is no table.
    func grid(from region: ClosedRange<Int>, continuing: Bool = false) -> TableGrid? {
        let body = region.filter(isBody)
        guard let firstBody = body.first else { return nil }
        let width = lines[firstBody].characterWidth
        let tolerance = Self.alignmentToleranceCharacters * width
        // Columns from the cells after the labels.
        var cellSegments: [Segment] = []
        // A label that reads as a figure (`<29 år`, `30–49 år`) stands where most rows have
        // their text labels: it labels its row, and makes no column of figures.
        let textLabelStarts = body.compactMap { labelSegment($0)?.minX }
        let textLabelMargin = textLabelStarts.count * 2 >= body.count ? textLabelStarts.min() : nil
        // Where cells start on the lines just above the rows: header cells, if any.
        let headerCellStarts = (max(0, region.lowerBound - Self.maximumHeaderLines)..<region.lowerBound)
            .filter { lines[$0].page == lines[firstBody].page }.flatMap { segments[$0].map(\.minX) }
        for index in body {
            let parts = segments[index]
            if let position = labelPosition(index) {
                cellSegments += parts.dropFirst(position + 1)
            } else if let margin = textLabelMargin, parts.count >= 2,
                abs(parts[0].minX - margin) <= Self.labelMarginSlackCharacters * width
            {
                cellSegments += parts.dropFirst()
            } else {
                cellSegments += parts
            }
        }
        var clusters = ColumnClusters(cellSegments, tolerance: tolerance).columns
        guard !clusters.isEmpty else { return nil }
        // A text column left of every figure column is part of the labels (a label that the
        // line's spacing parted in two); text columns between figures stay columns.
        // Only a text column few rows fill is such a piece; one most rows fill is a column.
        // (A text column under a header cell of its own, beside a header cell over the labels,
        // is a column however few rows fill it: an indicator beside its goal, which spans rows.)
        func headed(_ x: Double) -> Bool { headerCellStarts.contains { abs($0 - x) <= tolerance } }
        let labelsHeaded = textLabelMargin.map(headed) ?? false
        while let first = clusters.first, !first.holdsFigures, first.cells * 2 < body.count, clusters.count > 1,
            !(labelsHeaded && headed(first.minX))
        {
            clusters.removeFirst()
        }
        let figuresStart = clusters[0].minX
        let figureColumns = clusters.filter(\.holdsFigures)
        guard !figureColumns.isEmpty else { return nil }

        let labels = body.compactMap(labelSegment)
        let labelEnds = labels.map(\.maxX).sorted()
        // Codes before the labels (priority, status, project number) make columns of their own.
        let codeSegments = body.flatMap { index in segments[index].prefix(labelPosition(index) ?? 0) }
        let codeClusters = ColumnClusters(codeSegments, tolerance: tolerance).columns
        var frame = Frame(
            clusters: clusters, codeClusters: codeClusters, figuresStart: figuresStart,
            labelMargin: labels.map(\.minX).min() ?? figuresStart,
            labelEnd: labelEnds.isEmpty ? figuresStart : labelEnds[labelEnds.count / 2],
            bodyFontSize: Self.median(body.compactMap { lines[$0].fontSize }), figureRowCount: body.count)
        frame.hasLabels = !labels.isEmpty
        var header = findHeader(above: region.lowerBound, firstBody: firstBody, frame: frame)
        if let found = header, let widened = withEmptyColumns(frame, header: found) {
            // Columns no row fills (`Utfall kvinnor/flickor` left blank) are named by the
            // header alone; read the header again over all of them.
            frame = widened
            clusters = widened.clusters
            header = findHeader(above: region.lowerBound, firstBody: firstBody, frame: frame)
        }
        // With no row labels, a header names every column or it is none (a chart's title over
        // its value labels names one).
        if !frame.hasLabels, let found = header, clusters.indices.contains(where: { found.parts[$0].isEmpty }) { header = nil }
        var rows = readRows(region, frame: frame, groupRowsAbove: header?.groupRows ?? [])
        if header == nil, let folded = Self.foldingSecondList(rows, clusters: clusters) {
            rows = folded.rows
            clusters = folded.clusters
        }
        if header == nil, clusters.count == 1, let caption = columnCaption(above: region.lowerBound) {
            // One column of figures under a caption that names it (`Budget 2027`): the caption
            // is its header; there is nowhere else for a name to stand.
            header = Header(lines: caption..<(caption + 1), stub: "", parts: [[segments[caption][0].text]], groupRows: [])
        }
        // A table ends with its last row of cells; label lines after it (a footer, the next
        // heading) are not its group rows.
        // Nor is a line of words after it with no label (`Kommentar:` under a table of figures
        // that has no row labels), or a line whose words over the figure columns go on in lower
        // case (a heading after the table that runs across them).
        while let last = rows.last, last.identifiers.isEmpty,
            last.cells.isEmpty
                || !last.cells.contains(where: { Self.isFigureCell($0.text) })
                && (last.label.isEmpty || last.cells.allSatisfy { $0.text.first?.isLowercase == true })
        {
            rows.removeLast()
        }
        // Rows of words (`Ja`, `Nytt`) under figure columns do not make a table of figures.
        let figureRows = rows.filter { row in
            row.cells.contains { cell in clusters[cell.column].holdsFigures && Self.isFigureCell(cell.text) }
        }
        // A table has two rows of figures, or one under a header. A single column of figures
        // with no header is a list with numbers in it (a contents page, a chart's axis).
        guard continuing || figureRows.count >= 2 || (figureRows.count == 1 && header != nil && figureColumns.count >= 2) else { return nil }
        guard continuing || figureColumns.count >= 2 || header != nil else { return nil }
        // A chart's value labels line up too, but they have no row labels and leave most of the
        // grid empty; a table labels its rows and fills most of its cells.
        // (A row under a label cell that spans several rows is named by its cell in a column of
        // text, such as an indicator under its goal.)
        let labelled = figureRows.filter { row in
            !row.label.isEmpty && !Self.isSpelledOut(row.label) || row.cells.contains { !clusters[$0.column].holdsFigures }
        }.count
        // Figures with no labels under a header that names every column are a table of one
        // thing (an indicator named above it); a chart's value labels have no such header.
        let namedColumns = header.map { found in clusters.indices.allSatisfy { !found.parts[$0].isEmpty } } ?? false
        let unlabelledUnderHeader = labelled == 0 && namedColumns && figureRows.count <= Self.unlabelledRowsUnderHeader
        guard labelled * 2 >= figureRows.count && labelled > 0 || unlabelledUnderHeader else { return nil }
        // Rows labelled by sentences are running text set in columns (an assessment written
        // out beside its score), not a table of figures.
        // (A row with words in a column of text besides its figures is a row of a matrix, such as
        // a goal beside its indicator, whatever the length of its label.)
        let sentences = figureRows.filter { row in
            Self.isSentence(row.label) && !row.cells.contains { !clusters[$0.column].holdsFigures }
        }.count
        guard sentences * 2 < figureRows.count else { return nil }
        let filled = figureRows.reduce(0) { $0 + $1.cells.count }
        // Columns only the header names (left blank in every row) do not count against the fill.
        let filledColumns = clusters.filter { $0.cells > 0 }.count
        guard Double(filled) >= Self.minimumFilledShare * Double(figureRows.count * filledColumns) else { return nil }

        var columns = clusters.enumerated().map { index, cluster in
            GridColumn(
                header: "", headerParts: header?.parts[index] ?? [], isNumeric: cluster.holdsFigures,
                span: cluster.minX...cluster.maxX)
        }
        HeaderTree.name(&columns)
        let start = header?.lines.lowerBound ?? rows.first.map { $0.lines.lowerBound } ?? region.lowerBound
        let end = (rows.last?.lines.upperBound ?? region.upperBound) + 1
        let pages = Array(Set(lines[start..<end].map(\.page))).sorted()
        var grid = TableGrid(
            lines: start..<end, headerLines: header?.lines ?? start..<start, stub: header?.stub ?? "",
            columns: columns, rows: rows, pages: pages)
        grid.identifierColumns = codeClusters.enumerated().map { index, cluster in
            let parts = header.flatMap { $0.codeParts.indices.contains(index) ? $0.codeParts[index] : nil } ?? []
            return GridColumn(
                header: HeaderTree.join(parts), headerParts: parts, isNumeric: cluster.holdsFigures,
                span: cluster.minX...cluster.maxX)
        }
        return grid
    }

    // MARK: Header

    /// Where a table's parts lie across the page: the columns, where the figures start, and the
    /// margin and usual right end of the row labels.
    struct Frame {
        var clusters: [ColumnClusters.Column]
        /// Columns of codes before the labels.
        var codeClusters: [ColumnClusters.Column] = []
        var figuresStart: Double
        var labelMargin: Double
        /// The median right end of the row labels: header text right of it stands over columns.
        var labelEnd: Double
        /// Whether any row has a label (a table of one indicator's figures may have none).
        var hasLabels = true
        /// The usual font size of the rows (PDF input).
        var bodyFontSize: Double?
        /// How many rows of figures the body has: with several, the columns are certain enough
        /// that a caption run into the header line's stub does not unmake the header.
        var figureRowCount = 0
    }

    /// Rows of figures with no labels that a header naming every column makes a table (the
    /// values of one indicator by year); more unlabelled rows are a chart's or a list's.
    static let unlabelledRowsUnderHeader = 2

    /// A region read as one column of figures under a caption that names it (`Budget 2027`),
    /// parted where a caption of the same kind stands among its rows (`Ram 2028`): lists set
    /// one under the other, each a column of its own.
    func regionsParted(atColumnCaptions region: ClosedRange<Int>) -> [ClosedRange<Int>] {
        guard let grid = grid(from: region), grid.columns.count == 1, grid.headerLines.count == 1,
            isColumnCaption(grid.headerLines.lowerBound)
        else { return [region] }
        let captions = grid.rows.filter { $0.cells.isEmpty && $0.lines.count == 1 && isColumnCaption($0.lines.lowerBound) }
            .map(\.lines.lowerBound)
        guard !captions.isEmpty else { return [region] }
        var parts: [ClosedRange<Int>] = []
        var start = region.lowerBound
        for caption in captions where caption > start {
            parts.append(start...(caption - 1))
            start = caption + 1
        }
        if start <= region.upperBound { parts.append(start...region.upperBound) }
        return parts
    }

    /// A caption naming a column has at most this many words (`Budget 2027`, `Ram 2028`).
    static let columnCaptionWords = 3

    /// The line just above `top` (no blank between) when it is a short caption over the labels
    /// whose last word is a year: the name of a lone column of figures under it.
    func columnCaption(above top: Int) -> Int? {
        let index = top - 1
        guard index >= 0, isColumnCaption(index), lines[index].page == lines[top].page else { return nil }
        return index
    }

    /// A line of one short cell ending in a year (`Budget 2027`): what a lone figure column's
    /// header says when it is set over the labels.
    func isColumnCaption(_ index: Int) -> Bool {
        let parts = segments[index]
        guard parts.count == 1, let words = parts.first?.words, words.count <= Self.columnCaptionWords,
            let last = words.last
        else { return false }
        return Segment.kind(of: [last.text]) == .year && words.dropLast().allSatisfy { Segment.kind(of: [$0.text]) == .text }
    }

    /// Two lists set side by side with no header (`Medlemsbidrag 2027  90 362  Alingsås  69 994`,
    /// then `Vårgårda  20 367` under the second): a column of short labels right of the first
    /// figure column, each with a figure in the column after it, is the second list. Its rows
    /// join the table after the row they are printed on, their figures in the first column.
    static func foldingSecondList(_ rows: [GridRow], clusters: [ColumnClusters.Column])
        -> (rows: [GridRow], clusters: [ColumnClusters.Column])?
    {
        guard clusters.count == 3, clusters[0].holdsFigures, !clusters[1].holdsFigures, clusters[2].holdsFigures else { return nil }
        // Every label of the second list has its figure, and every figure there its label.
        let paired = rows.filter { row in row.cells.contains { $0.column == 1 } || row.cells.contains { $0.column == 2 } }
        guard !paired.isEmpty, paired.allSatisfy({ row in
            guard let label = row.cells.first(where: { $0.column == 1 }), let figure = row.cells.first(where: { $0.column == 2 })
            else { return false }
            return label.text.split(separator: " ").count <= wrappedLabelWords && label.text.first?.isUppercase == true
                && isFigureCell(figure.text)
        }) else { return nil }
        var result: [GridRow] = []
        for row in rows {
            var own = row
            own.cells = row.cells.filter { $0.column == 0 }
            if !own.cells.isEmpty || !own.label.isEmpty { result.append(own) }
            guard let label = row.cells.first(where: { $0.column == 1 }), let figure = row.cells.first(where: { $0.column == 2 })
            else { continue }
            result.append(GridRow(label: label.text, lines: row.lines, level: 0, cells: [GridCell(column: 0, text: figure.text)]))
        }
        for index in result.indices { result[index].parent = nil; result[index].level = 0 }
        return (result, [clusters[0]])
    }

    /// Lone figures passed over between a table's header and its first row.
    static let loneFiguresSkipped = 1

    /// A line set this much larger than the rows is a heading, not a header line.
    static let headingSizeRatio = 1.15

    struct Header {
        var lines: Range<Int>
        var stub: String
        /// Header cells per column, top down.
        var parts: [[String]]
        /// Header cells per identifier column, top down.
        var codeParts: [[String]] = []
        /// Label-only lines between the header and the first row: group rows of the body.
        var groupRows: [Int]
    }

    /// The header over a table: up to four lines above the first row whose cells stand over the
    /// columns (stub cells left of them are allowed), with label-only lines between it and the
    /// body read as the body's group rows.
    func findHeader(above top: Int, firstBody: Int, frame: Frame) -> Header? {
        let clusters = frame.clusters, figuresStart = frame.figuresStart
        var headerLines: [Int] = []
        var pending: [Int] = []  // label-only lines not yet known to be group rows
        var stubBetween: [Int] = []  // stub-only lines above a header line
        var skippedFigures = 0
        var blanks = 0
        var index = top - 1
        let page = lines[firstBody].page
        while index >= 0, lines[index].page == page {
            if lines[index].isBlank {
                blanks += 1
                // Stacked header cells follow each other closely; with no row labels beside
                // them, a line a blank line above the header is a caption (an indicator's name
                // wrapping over two lines), not a header line.
                let limit = headerLines.isEmpty ? Self.maximumBlankLinesUnderHeader : frame.hasLabels ? 1 : 0
                if blanks > limit { break }
                index -= 1
                continue
            }
            blanks = 0
            // A lone figure with no label (a stray zero, a chart's tick) is no header line and
            // does not end the header either.
            if segments[index].count == 1, segments[index][0].isFigure, skippedFigures < Self.loneFiguresSkipped {
                skippedFigures += 1
                index -= 1
                continue
            }
            if isBody(index) || isProse(index) { break }
            if isHeaderLine(index, frame: frame) {
                headerLines += stubBetween
                stubBetween = []
                headerLines.append(index)
                if headerLines.count == Self.maximumHeaderLines { break }
            } else if headerLines.isEmpty, segments[index].allSatisfy({ $0.maxX < figuresStart }), pending.count < Self.maximumWrappedLabelLines {
                pending.append(index)
            } else if !headerLines.isEmpty, headerLines.count + stubBetween.count < Self.maximumHeaderLines,
                segments[index].allSatisfy({ isStubCell($0, line: index, frame: frame) })
            {
                // Stub text set between header lines (centred on a stacked header) is the
                // header's once a header line is found above it.
                stubBetween.append(index)
            } else {
                break
            }
            index -= 1
        }
        guard !headerLines.isEmpty else { return nil }
        headerLines.reverse()
        var perLine: [[Int: String]] = []
        var lineCells: [[Segment]] = []
        var codeParts = Array(repeating: [String](), count: frame.codeClusters.count)
        var stub: [String] = []
        for index in headerLines {
            let tolerance = Self.alignmentToleranceCharacters * lines[index].characterWidth
            var cells: [(column: Int, text: String)] = []
            var inColumns: [Segment] = []
            for segment in segments[index] {
                var segment = segment
                if !frame.codeClusters.isEmpty, segment.minX < frame.labelMargin - tolerance {
                    // The part left of the labels names the identifier columns (`Nummer`); the
                    // rest, if any, is the stub (`Urvals-`).
                    // A word nearer the codes than the labels is the codes' (text extraction may
                    // set the stub's word a character or two left of the labels).
                    let codesEnd = frame.codeClusters.map(\.maxX).max() ?? frame.labelMargin
                    let boundary = (codesEnd + frame.labelMargin) / 2
                    func isCodeWord(_ word: PlacedWord) -> Bool { (word.minX + word.maxX) / 2 < boundary }
                    let codeWords = segment.words.filter(isCodeWord)
                    if !codeWords.isEmpty {
                        let part = Segment(words: codeWords)
                        codeParts[HeaderTree.nearestColumn(to: part, clusters: frame.codeClusters)].append(part.text)
                    }
                    let rest = segment.words.filter { !isCodeWord($0) }
                    guard !rest.isEmpty else { continue }
                    segment = Segment(words: rest)
                }
                if isStubCell(segment, line: index, frame: frame),
                    !stacksWithColumnCell(segment, line: index, headerLines: headerLines, frame: frame)
                {
                    stub.append(segment.text)
                    continue
                }
                inColumns.append(segment)
                cells += HeaderTree.assign(segment, to: clusters)
            }
            // Cells of one line that fall in one column are one header cell.
            var byColumn: [Int: String] = [:]
            for cell in cells { byColumn[cell.column] = byColumn[cell.column].map { $0 + " " + cell.text } ?? cell.text }
            perLine.append(byColumn)
            lineCells.append(inColumns)
        }
        HeaderTree.spreadGroupCells(&perLine, lineCells: lineCells, clusters: clusters)
        let parts = clusters.indices.map { column in perLine.compactMap { $0[column] } }
        var stubText = TableWords.joinWrapped(stub)
        // A caption run into the stub on the same line (`Tabell 10 … befintliga verk. Investering
        // (miljoner kr)`): the stub is what follows its last full stop.
        if stubText.split(separator: " ").count >= Self.sentenceStubWords, let stop = stubText.range(of: ". ", options: .backwards) {
            stubText = String(stubText[stop.upperBound...])
        }
        var groupRows = Array(pending.reversed())
        var lastHeaderLine = headerLines.last!
        // The stub's own wrapped line under the header (`Urvals-` / `kriterier`) is no group row.
        if let first = groupRows.first, first - lastHeaderLine <= 2, !stubText.isEmpty,
            Self.continuesAfter(stubText, with: segments[first].map(\.text).joined(separator: " "))
        {
            stubText = TableWords.joinWrapped([stubText] + segments[first].map(\.text))
            lastHeaderLine = first
            groupRows.removeFirst()
        }
        var firstHeaderLine = headerLines.first!
        // A stub cell set vertically centred on a one-line header (`Visstidsanställda` above the
        // years, `timavlönade` below them) is one cell, not a caption and a group row.
        if stubText.isEmpty, let below = groupRows.first, below == lastHeaderLine + 1, firstHeaderLine > 0,
            segments[firstHeaderLine - 1].count == 1, segments[firstHeaderLine - 1][0].maxX < figuresStart,
            lines[firstHeaderLine - 1].page == lines[firstHeaderLine].page
        {
            let above = segments[firstHeaderLine - 1][0].text
            let under = segments[below].map(\.text).joined(separator: " ")
            if Self.continuesAfter(above, with: under) {
                stubText = TableWords.joinWrapped([above, under])
                firstHeaderLine -= 1
                lastHeaderLine = below
                groupRows.removeFirst()
            }
        }
        return Header(
            lines: firstHeaderLine..<(lastHeaderLine + 1), stub: stubText, parts: parts, codeParts: codeParts,
            groupRows: groupRows)
    }

    /// The frame with a column for each cell of the header's bottom line that stands over no
    /// column of the body; nil when there is none.
    func withEmptyColumns(_ frame: Frame, header: Header) -> Frame? {
        guard let bottom = header.lines.reversed().first(where: { isHeaderLine($0, frame: frame) }) else { return nil }
        let tolerance = Self.alignmentToleranceCharacters * lines[bottom].characterWidth
        var added: [ColumnClusters.Column] = []
        for segment in segments[bottom] where !isStubCell(segment, line: bottom, frame: frame) && segment.minX >= frame.figuresStart - tolerance {
            let overlapsBody = frame.clusters.contains { segment.minX <= $0.maxX + tolerance && segment.maxX >= $0.minX - tolerance }
            if !overlapsBody { added.append(ColumnClusters.Column(minX: segment.minX, maxX: segment.maxX, cells: 0, figures: 0)) }
        }
        guard !added.isEmpty else { return nil }
        var widened = frame
        widened.clusters = (frame.clusters + added).sorted { $0.minX < $1.minX }
        return widened
    }

    /// A header cell over the row labels (a unit, a caption), not over a column.
    /// True when a header cell that would be the stub's stands stacked under or over a column's
    /// header cell on the next header line, sharing most of its width (`Budget` / `2027`, both
    /// left-set over right-aligned figures, the year too short to reach its column): the two
    /// name one column.
    func stacksWithColumnCell(_ segment: Segment, line: Int, headerLines: [Int], frame: Frame) -> Bool {
        // Header cells are a few words; a unit (`Belopp i tkr`) is the stub's whatever stands by it.
        guard segment.words.count <= Self.stackedCellWords, TableVocabulary.unit(inCaption: segment.text) == nil else { return false }
        for other in [line - 1, line + 1] where headerLines.contains(other) {
            for cell in segments[other] where cell.words.count <= Self.stackedCellWords && !isStubCell(cell, line: other, frame: frame) {
                let shared = min(segment.maxX, cell.maxX) - max(segment.minX, cell.minX)
                if shared > Self.stackedCellShare * min(segment.maxX - segment.minX, cell.maxX - cell.minX) { return true }
            }
        }
        return false
    }

    /// The share of the narrower cell's width two stacked header cells have in common.
    static let stackedCellShare = 0.5
    /// Most words of a header cell taken as stacked with another (a longer one is prose or a caption).
    static let stackedCellWords = 3

    func isStubCell(_ segment: Segment, line: Int, frame: Frame) -> Bool {
        let width = lines[line].characterWidth
        guard segment.maxX < frame.figuresStart - Self.alignmentToleranceCharacters * width else { return false }
        // Left of the figures, a header cell stands close to its column (left-set over
        // right-aligned figures); one over the labels or far from the columns is stub.
        return segment.minX < frame.labelEnd || frame.figuresStart - segment.maxX > Self.headerCellReachCharacters * width
    }

    /// A cell that labels what follows it after a colon (`Indikator: Andel nöjda brukare`).
    static func isLabelled(_ segment: Segment) -> Bool {
        let words = segment.words.map(\.text)
        return words.dropLast().contains { $0.count > 1 && $0.hasSuffix(":") }
    }

    /// How far (characters) left of its column a header cell may end.
    static let headerCellReachCharacters = 2.5

    /// A header line: cells over the columns (stub cells left of them allowed), none straddling
    /// the labels and the columns the way running text does.
    func isHeaderLine(_ index: Int, frame: Frame) -> Bool {
        let parts = segments[index]
        guard parts.contains(where: { !isStubCell($0, line: index, frame: frame) }) else { return false }
        // Over the columns a header names them: words or years, not figures (a chart's labels).
        guard parts.contains(where: { !isStubCell($0, line: index, frame: frame) && ($0.kind == .text || $0.kind == .year) })
        else { return false }
        // A sentence among the cells makes the line running text whose words happen to align.
        if parts.contains(where: {
            $0.words.count >= Self.proseWords && (frame.figureRowCount < 2 || !isStubCell($0, line: index, frame: frame))
        }) {
            return false
        }
        // A sentence over the labels makes the line running text whose words happen to align.
        // (Only the words over the labels: names of identifier columns left of them are no sentence.)
        let tolerance = Self.alignmentToleranceCharacters * lines[index].characterWidth
        let stubWords = parts.filter { isStubCell($0, line: index, frame: frame) }.flatMap(\.words)
            .filter { $0.minX >= frame.labelMargin - tolerance }.count
        if stubWords >= Self.sentenceStubWords, frame.figureRowCount < 2 { return false }
        if let size = lines[index].fontSize, let body = frame.bodyFontSize, size > Self.headingSizeRatio * body { return false }
        // A labelled line (`Indikator: Andel nöjda brukare`) captions the table; a header cell
        // names its column and does not label anything after a colon.
        if parts.contains(where: Self.isLabelled) { return false }
        return parts.allSatisfy { part in
            guard part.minX < frame.figuresStart, part.maxX > frame.figuresStart else { return true }
            // A header cell may start left of the first column, centred over right-aligned
            // figures; text that starts at the labels' margin and runs on over the columns, or
            // runs over a second column, is a title or a sentence.
            // (With no row labels there is no margin to run on from: a cell centred over the
            // first column starts left of it, and stands over that column alone.)
            let assigned = HeaderTree.assign(part, to: frame.clusters)
            if !frame.hasLabels { return assigned.count <= 1 }
            guard part.minX > frame.labelMargin + tolerance else { return false }
            return assigned.count <= 1 || Set(assigned.map(\.text)).count == assigned.count
        }
    }

    // MARK: Rows

    /// Reads the body: one row per line of figures; wrapped labels and cells joined to their
    /// row; label-only lines become group rows.
    func readRows(_ region: ClosedRange<Int>, frame: Frame, groupRowsAbove: [Int]) -> [GridRow] {
        let clusters = frame.clusters, figuresStart = frame.figuresStart
        var rows: [GridRow] = []
        var labelIndents: [Int: Double] = [:]  // row → left edge of its label
        var pendingLabel: (text: String, line: Int, indent: Double)?
        var previousLine: Int?
        // Whether the lines are a row's description (running text under its label).
        var describing = false
        let lineIndices = groupRowsAbove + Array(region)
        let bodyLines = Set(region.filter(isBody))
        let rowPitch = usualRowPitch(bodyLines.sorted())
        let hasIdentifierColumns = bodyLines.contains { (labelPosition($0) ?? 0) > 0 }
        for index in lineIndices where !lines[index].isBlank {
            defer { previousLine = index }
            // Extraction leaves a blank line between the lines of a wrapped cell now and then.
            let adjacent = previousLine.map { index - $0 <= Self.wrappedLineDistance } ?? false
            var (label, cells) = split(index, clusters: clusters, figuresStart: figuresStart)
            if hasIdentifierColumns, let found = label { label = Self.withoutLeadingCode(found) }
            if bodyLines.contains(index) {
                describing = false
                var text = label?.text ?? ""
                var first = index
                var indent = label?.minX ?? figuresStart
                if let pending = pendingLabel {
                    if Self.continues(pending.text, with: text) {
                        text = Self.join(pending.text, text)
                        first = pending.line
                        indent = pending.indent
                    } else {
                        rows.append(GridRow(label: pending.text, lines: pending.line...pending.line, cells: []))
                        labelIndents[rows.count - 1] = pending.indent
                    }
                    pendingLabel = nil
                }
                var row = GridRow(label: text, lines: first...index, cells: cells)
                if !frame.codeClusters.isEmpty {
                    for code in segments[index].prefix(labelPosition(index) ?? 0) {
                        row.identifiers.append(GridCell(column: HeaderTree.bestColumn(for: code, clusters: frame.codeClusters), text: code.text))
                    }
                }
                rows.append(row)
                labelIndents[rows.count - 1] = indent
                continue
            }
            // A line without figures.
            // The description goes on until its sentence ends or blank space does.
            if describing, !adjacentLine(index, after: previousLine) { describing = false }
            if let label, cells.isEmpty, describing, let above = previousLine.map(text(of:)),
                !above.hasSuffix(".") || Self.continuesAfter(above, with: label.text)
            {
                continue
            }
            // Running text under a row with figures describes that row (what an indicator
            // measures, its source): it names no row. It starts a sentence of its own; a line
            // that goes on the label above is the label's.
            if let label, cells.isEmpty, let last = rows.last, !last.cells.isEmpty, pendingLabel == nil,
                label.words.count >= Self.proseWords, label.text.first?.isUppercase == true,
                !Self.continuesAfter(last.label, with: label.text)
            {
                describing = true
                continue
            }
            if let label, cells.isEmpty {
                if let last = rows.last, adjacent, last.lines.upperBound == previousLine, pendingLabel == nil,
                    Self.continuesAfter(last.label, with: label.text) || setsCloser(index, under: previousLine, than: rowPitch)
                {
                    rows[rows.count - 1].label = Self.join(last.label, label.text)
                    rows[rows.count - 1].lines = last.lines.lowerBound...index
                } else if let pending = pendingLabel, adjacent, Self.continuesAfter(pending.text, with: label.text) {
                    pendingLabel = (Self.join(pending.text, label.text), pending.line, pending.indent)
                } else {
                    if let pending = pendingLabel {
                        rows.append(GridRow(label: pending.text, lines: pending.line...pending.line, cells: []))
                        labelIndents[rows.count - 1] = pending.indent
                    }
                    pendingLabel = (label.text, index, label.minX)
                }
                continue
            }
            // Cells that each go on a cell of the row above: in lower case under words, or as a
            // note in brackets under a figure (a figure is whole: `(2019)` under `1,35`).
            var notesUnderFigures = false
            let cellsContinue = !cells.isEmpty && cells.allSatisfy { cell in
                guard let above = rows.last?.cells.first(where: { $0.column == cell.column }), let first = cell.text.first
                else { return false }
                let aboveIsFigure = Self.isFigureCell(above.text)
                if aboveIsFigure, first == "(" { notesUnderFigures = true }
                return first == "(" || first.isLowercase && !aboveIsFigure
            }
            let labelStartsAnew = label.map { !Self.continuesAfter(rows.last?.label ?? "", with: $0.text) } ?? false
            // A new sentence among the labels beside notes that go on the figures above: the
            // row's description starts beside the last lines of its cells.
            if labelStartsAnew, cellsContinue, notesUnderFigures, let last = rows.last, adjacent {
                rows[rows.count - 1].cells = Self.appending(cells, to: last.cells, addingColumns: false)
                describing = true
                continue
            }
            // A line of words in the columns that starts anew (a label that goes on no label
            // above, or, after blank space, a cell that starts a new sentence under a cell of the
            // row above) is a row whose values are words (`Nytt`, `Behov identifierat`).
            let afterBlank = previousLine.map { index - $0 > 1 } ?? false
            // Cells that each start something new beside the row above (figures, or words in
            // capitals, one figure at least) start a row, even where the label goes on (a goal
            // cell spanning the indicator rows beside it).
            // (Cells only in columns the row above leaves empty fill them: a figure set lower in
            // its cell.)
            let underFilledCell = cells.contains { cell in rows.last?.cells.contains { $0.column == cell.column } == true }
            let cellsStartAnew = underFilledCell && cells.contains { Self.isFigureCell($0.text) } && cells.allSatisfy { cell in
                Self.isFigureCell(cell.text) && cell.text.first != "(" || cell.text.first?.isUppercase == true
            }
            // Under a figure only a note in brackets or a unit goes on it; under words, a new
            // sentence after blank space starts a new cell.
            let cellStartsAnew = cells.contains { cell in
                guard let above = rows.last?.cells.first(where: { $0.column == cell.column }), let first = cell.text.first else { return false }
                // (`(2020)`, `kr/år`, `%` or `Mkr` under a figure go on it.)
                let goesOnFigure = first == "(" || first.isLowercase || TableVocabulary.units.contains(cell.text.lowercased())
                return Self.isFigureCell(above.text) ? !goesOnFigure : label == nil && afterBlank && first.isUppercase
            }
            let startsAnew = (label != nil && labelStartsAnew) || cellsStartAnew || cellStartsAnew
            if !cells.isEmpty, startsAnew, Self.isStrayZero(label: label?.text ?? "", cells: cells) { continue }
            if !cells.isEmpty, startsAnew, let last = rows.last, !last.cells.isEmpty {
                rows.append(GridRow(label: label?.text ?? "", lines: index...index, cells: cells))
                labelIndents[rows.count - 1] = label?.minX ?? figuresStart
                continue
            }
            // Text in the columns under a row: its cells wrapped onto this line.
            if let last = rows.last, adjacent, label == nil || Self.continuesAfter(last.label, with: label!.text) {
                var row = last
                if let label { row.label = Self.join(row.label, label.text) }
                row.cells = Self.appending(cells, to: row.cells, addingColumns: true)
                row.lines = row.lines.lowerBound...index
                rows[rows.count - 1] = row
            }
        }
        // Levels from indentation, relative to the leftmost label.
        let margin = labelIndents.values.min() ?? 0
        let step = Self.indentPerLevelCharacters * (lines[region.lowerBound].characterWidth)
        for r in rows.indices {
            let indent = (labelIndents[r] ?? margin) - margin
            rows[r].level = min(Self.deepestLevel, Int((indent / step).rounded(.down)))
            rows[r].parent = rows[..<r].lastIndex { $0.level < rows[r].level }
        }
        return rows
    }

    /// A wrapped line stands this share of the usual row pitch under its row at most: a label's
    /// second line is set at the font's line spacing, rows further apart.
    static let wrappedPitchShare = 0.8
    /// Pairs of adjacent rows of figures needed to tell the usual row pitch.
    static let fewestRowPitches = 2
    /// A label's second line is in the type of the first: sizes within this ratio.
    static let sameTypeSizeRatio = 1.1

    /// The usual distance (points, top to top) from one row of figures to the next line's, on
    /// the same page, where the source places lines (PDF input) and enough such pairs tell it.
    /// The lower middle value: extra space before a sum row must not make rows seem far apart.
    func usualRowPitch(_ body: [Int]) -> Double? {
        var pitches: [Double] = []
        for (upper, lower) in zip(body, body.dropFirst()) where lower == upper + 1 {
            guard lines[upper].page == lines[lower].page, let top = lines[upper].top, let next = lines[lower].top, next > top else { continue }
            pitches.append(next - top)
        }
        guard pitches.count >= Self.fewestRowPitches else { return nil }
        return pitches.sorted()[(pitches.count - 1) / 2]
    }

    /// Whether line `index` is set much closer under line `above` than rows are to one another,
    /// in the same type: the second line of the label above (`Expansionsinvestering` /
    /// `- Exploatering`), whatever its first word. (A source note in smaller type, or a line in
    /// another weight, is not.) Text input places no lines, so only words tell there.
    func setsCloser(_ index: Int, under above: Int?, than rowPitch: Double?) -> Bool {
        guard let above, let rowPitch, lines[above].page == lines[index].page, let top = lines[above].top,
            let next = lines[index].top, next > top, lines[index].isBold == lines[above].isBold,
            let size = lines[index].fontSize, let aboveSize = lines[above].fontSize,
            max(size, aboveSize) <= Self.sameTypeSizeRatio * min(size, aboveSize)
        else { return false }
        return next - top < Self.wrappedPitchShare * rowPitch
    }

    /// A line's label (the text left of the figure columns) and its cells, column by column.
    func split(_ index: Int, clusters: [ColumnClusters.Column], figuresStart: Double) -> (label: Segment?, cells: [GridCell]) {
        let width = lines[index].characterWidth
        let tolerance = Self.alignmentToleranceCharacters * width
        var labelWords: [PlacedWord] = []
        var pieces: [Segment] = []
        // Codes in identifier columns before the label are no part of it.
        let codes = labelPosition(index) ?? 0
        for segment in segments[index].dropFirst(codes) {
            if segment.minX < figuresStart - tolerance, segment.maxX > figuresStart + tolerance, !segment.isFigure,
                let first = clusters.first, !first.holdsFigures,
                let cut = segment.words.firstIndex(where: { $0.minX >= figuresStart - tolerance }), cut > 0
            {
                // Two text columns set so close that a line's label runs into the next cell: the
                // words from where the column starts are the cell's.
                labelWords += segment.words[..<cut]
                pieces.append(Segment(words: Array(segment.words[cut...])))
            } else if segment.maxX < figuresStart - tolerance || segment.minX < figuresStart - tolerance && !segment.isFigure {
                // A label that ran into the first column: the figures at its end are cells
                // when they stand where a column of figures stands (`Ombyggnad/tillgängliggörande 400`).
                let (text, trailing) = Self.trailingFigures(of: segment, clusters: clusters, tolerance: tolerance)
                labelWords += text
                pieces += trailing
            } else {
                pieces += HeaderTree.splitAtGutters(segment, clusters: clusters, tolerance: tolerance)
            }
        }
        var cells: [GridCell] = []
        for piece in pieces {
            let column = HeaderTree.bestColumn(for: piece, clusters: clusters)
            if let at = cells.firstIndex(where: { $0.column == column }) {
                cells[at].text += " " + piece.text
            } else {
                cells.append(GridCell(column: column, text: piece.text))
            }
        }
        cells.sort { $0.column < $1.column }
        return (labelWords.isEmpty ? nil : Segment(words: labelWords), cells)
    }

    /// Splits number words off the end of a label segment when they stand where a column of
    /// figures stands: ending on its right edge (right-aligned figures), or starting on its left
    /// edge (left-aligned ones, `Ombyggnad/tillgängliggöran 400` over `1 000` set flush left).
    static func trailingFigures(of segment: Segment, clusters: [ColumnClusters.Column], tolerance: Double) -> ([PlacedWord], [Segment]) {
        var words = segment.words
        guard words.count > 1, let last = words.last else { return (words, []) }
        var start = words.count - 1
        while start > 1, Segment.isNumberWord(words[start - 1].text), words[start - 1].text.count <= 3 || !words[start].text.contains(",") {
            // Stop at a word that is far from the number (the label's own number).
            if words[start].minX - words[start - 1].maxX > 2 * tolerance { break }
            start -= 1
        }
        let figureColumns = clusters.filter(\.holdsFigures)
        if !figureColumns.contains(where: { abs($0.maxX - last.maxX) <= tolerance }) {
            // Flush left: the figure starts where its column starts, whichever number word that
            // is (`Väg 5 400`: the label's own `5` stays the label's).
            guard let flush = (start..<words.count).first(where: { index in
                figureColumns.contains { abs($0.minX - words[index].minX) <= tolerance }
            }) else { return (words, []) }
            start = flush
        }
        let figure = Segment(words: Array(words[start...]))
        guard figure.isFigure, Segment.isNumberWord(words[start].text) else { return (words, []) }
        words.removeSubrange(start...)
        return (words, [figure])
    }

    // MARK: Joining text

    /// Whether a label-only line starts the label the next row's figures end.
    static func continues(_ above: String, with below: String) -> Bool {
        continuesAfter(above, with: below) || below.isEmpty
    }

    /// Whether `next` continues `text` on the next line: a hyphen or connector at the end, or a
    /// lower-case start.
    static func continuesAfter(_ text: String, with next: String) -> Bool {
        guard let first = next.first else { return false }
        if first.isLowercase || first == "(" { return true }
        // The next item of a list that a colon or an item above opened.
        if isListItem(next), text.hasSuffix(":") || isListItem(text) || text.contains(": - ") { return true }
        return TableWords.endsWithConnector(text)
    }

    static func isListItem(_ text: String) -> Bool { TableWords.isListItem(text) }

    /// A row's cells with the text of the line under them joined on, column by column; cells in
    /// columns the row leaves empty are added when `addingColumns`, else dropped.
    static func appending(_ more: [GridCell], to cells: [GridCell], addingColumns: Bool) -> [GridCell] {
        var result = cells
        for cell in more {
            if let at = result.firstIndex(where: { $0.column == cell.column }) {
                result[at].text = join(result[at].text, cell.text)
            } else if addingColumns {
                result.append(cell)
            }
        }
        return result.sorted { $0.column < $1.column }
    }

    /// Joins wrapped text: a line-end hyphen before a lower-case letter joins its word.
    static func join(_ first: String, _ second: String) -> String { TableWords.joinWrapped([first, second]) }
}
