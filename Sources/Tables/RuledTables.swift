import ReportSource
import SwedishReportLanguage

/// Tables whose cells are drawn: where rules cross in a grid, the grid decides the cells
/// outright (pdfplumber's "lines" strategy), including cells whose text wraps over several
/// printed lines.
///
/// Rules that nearly line up are snapped together and collinear pieces joined (word processors
/// draw each cell's border on its own); the joined rules that touch form a grid; a grid with
/// at least two columns and rows of figures in them is a table. A row band is the space between
/// two horizontal rules, a cell the space between the vertical rules that cross the band, so
/// a cell merged over several columns (a group cell in the header) spans them.
struct RuledTables {
    /// Rules this close (points) across their run are one rule.
    static let snapDistance = 2.0
    /// Pieces of one rule this far apart (points) along their run are still one rule.
    static let joinGap = 3.0
    /// How far (points) a rule may stop short of one it meets.
    static let meetTolerance = 3.0
    /// A band lower than this (points) is the space between a double rule, not a row.
    static let thinnestRow = 6.0
    /// Grids this close (points) above one another, with the same outer edges, are one table:
    /// a header box drawn apart from the body, under a double rule.
    static let stackedGap = 8.0
    /// The most pairs of a horizontal and a vertical rule a page's grids are looked for among.
    static let mostRulePairs = 250_000
    /// The most cells (column edges × row edges) a grid is read with; a larger one is a pattern.
    static let mostGridCells = 20_000
    /// Header bands stacked over a ruled table's columns at most.
    static let maximumHeaderBands = 4

    /// One joined rule: where it stands across its run, and the run.
    struct Line: Hashable {
        var position: Double
        var start: Double
        var end: Double
    }

    /// A grid of rules: column boundaries left to right, row boundaries top to bottom, and for
    /// each row band the boundaries that cross it.
    struct Frame {
        var xs: [Double]
        var ys: [Double]
        /// For each band, the indices into `xs` of the vertical rules crossing it.
        var crossings: [[Int]]
        /// For each band and column, whether a rule closes the cell at the top: where none
        /// does, the cell goes on from the band above (a label merged down over several rows).
        var closedAbove: [[Bool]] = []
    }

    let lines: [PlacedLine]

    // MARK: Frames from rules

    /// Joins rules of one direction into lines: snapped across, joined along.
    static func joined(_ rules: [PageRule]) -> [Line] {
        let pieces = rules.map { Line(position: $0.position, start: $0.extent.lowerBound, end: $0.extent.upperBound) }
            .sorted { ($0.position, $0.start) < ($1.position, $1.start) }
        // Group by position first (snapped to the group's first rule), then join along.
        var groups: [[Line]] = []
        for piece in pieces {
            if let first = groups.last?.first, piece.position - first.position <= snapDistance {
                groups[groups.count - 1].append(piece)
            } else {
                groups.append([piece])
            }
        }
        var result: [Line] = []
        for group in groups {
            let position = group.map(\.position).reduce(0, +) / Double(group.count)
            var current: Line?
            for piece in group.sorted(by: { $0.start < $1.start }) {
                if var line = current, piece.start - line.end <= joinGap {
                    line.end = max(line.end, piece.end)
                    current = line
                } else {
                    if let line = current { result.append(line) }
                    current = Line(position: position, start: piece.start, end: piece.end)
                }
            }
            if let line = current { result.append(line) }
        }
        return result
    }

    static func meets(_ horizontal: Line, _ vertical: Line) -> Bool {
        vertical.position >= horizontal.start - meetTolerance && vertical.position <= horizontal.end + meetTolerance
            && horizontal.position >= vertical.start - meetTolerance && horizontal.position <= vertical.end + meetTolerance
    }

    /// The grids the rules of one page form: groups of horizontal and vertical lines that meet.
    static func frames(of rules: [PageRule]) -> [Frame] {
        let horizontals = joined(rules.filter { $0.direction == .horizontal })
        let verticals = joined(rules.filter { $0.direction == .vertical })
        // Every rule of one kind is tested against every rule of the other: a page with more
        // pairs than this (a map, a pattern) is read without a grid.
        guard horizontals.count >= 2, verticals.count >= 2, horizontals.count * verticals.count <= mostRulePairs else { return [] }
        // Connected groups: a union-find over horizontals (0..<h) and verticals (h..<h+v).
        var parent = Array(0..<(horizontals.count + verticals.count))
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { parent[index] = parent[parent[index]]; index = parent[index] }
            return index
        }
        for (h, horizontal) in horizontals.enumerated() {
            for (v, vertical) in verticals.enumerated() where meets(horizontal, vertical) {
                parent[root(h)] = root(horizontals.count + v)
            }
        }
        var found: [Int: (h: [Line], v: [Line])] = [:]
        for (h, line) in horizontals.enumerated() { found[root(h), default: ([], [])].h.append(line) }
        for (v, line) in verticals.enumerated() { found[root(horizontals.count + v), default: ([], [])].v.append(line) }
        // Groups with both kinds of rule, top down; one stacked right under another with the same
        // outer edges goes on with it.
        var groups = found.values.filter { !$0.h.isEmpty && !$0.v.isEmpty }
            .sorted { ($0.h.map(\.position).min()!, $0.v.map(\.position).min()!) < ($1.h.map(\.position).min()!, $1.v.map(\.position).min()!) }
        var stacked: [(h: [Line], v: [Line])] = []
        while !groups.isEmpty {
            var group = groups.removeFirst()
            while let below = groups.firstIndex(where: { stacks($0, under: group) }) {
                let next = groups.remove(at: below)
                group.h += next.h
                group.v += next.v
            }
            stacked.append(group)
        }
        // A column rule whose row rules were left out where it stands (a row's top rule drawn
        // round the cell it would cross, the bottom rule at a page break) meets none, yet parts
        // the cells of the grid it stands inside.
        let floating = found.values.filter { $0.h.isEmpty }.flatMap(\.v)
        for vertical in floating {
            guard let index = stacked.firstIndex(where: { encloses($0, vertical) }) else { continue }
            stacked[index].v.append(vertical)
        }
        return stacked.compactMap { frame(horizontals: $0.h, verticals: $0.v) }
            .sorted { ($0.ys[0], $0.xs[0]) < ($1.ys[0], $1.xs[0]) }
    }

    /// Whether a vertical rule stands inside a group's grid: between its outer edges (where its
    /// row rules run from and to), along the run its sides cover, and at least a row high (a
    /// tick or a bar inside a cell is no column rule).
    static func encloses(_ group: (h: [Line], v: [Line]), _ vertical: Line) -> Bool {
        guard let left = group.h.map(\.start).min(), let right = group.h.map(\.end).max(),
            let top = group.v.map(\.start).min(), let bottom = group.v.map(\.end).max()
        else { return false }
        return vertical.end - vertical.start >= thinnestRow
            && vertical.position > left + snapDistance && vertical.position < right - snapDistance
            && vertical.start >= top - meetTolerance && vertical.end <= bottom + meetTolerance
    }

    /// Whether a group of rules starts right under another with the same left and right edges.
    static func stacks(_ lower: (h: [Line], v: [Line]), under upper: (h: [Line], v: [Line])) -> Bool {
        let upperBottom = upper.h.map(\.position).max()!, lowerTop = lower.h.map(\.position).min()!
        let upperEdges = (upper.v.map(\.position).min()!, upper.v.map(\.position).max()!)
        let lowerEdges = (lower.v.map(\.position).min()!, lower.v.map(\.position).max()!)
        return lowerTop >= upperBottom - snapDistance && lowerTop - upperBottom <= stackedGap
            && abs(upperEdges.0 - lowerEdges.0) <= snapDistance && abs(upperEdges.1 - lowerEdges.1) <= snapDistance
    }

    /// Positions within `snapDistance` of each other as one.
    static func distinct(_ values: [Double]) -> [Double] {
        var result: [Double] = []
        for value in values.sorted() {
            if let last = result.last, value - last <= snapDistance { continue }
            result.append(value)
        }
        return result
    }

    static func frame(horizontals: [Line], verticals: [Line]) -> Frame? {
        guard horizontals.count >= 2, verticals.count >= 2 else { return nil }
        var horizontals = horizontals, verticals = verticals
        // A grid drawn without its outer sides (or without its top or bottom rule) still ends
        // where its rules end: those ends are its edges.
        let left = horizontals.map(\.start).min()!, right = horizontals.map(\.end).max()!
        let top = verticals.map(\.start).min()!, bottom = verticals.map(\.end).max()!
        let firstRule = horizontals.map(\.position).min()!, lastRule = horizontals.map(\.position).max()!
        let firstSide = verticals.map(\.position).min()!, lastSide = verticals.map(\.position).max()!
        if firstSide - left > snapDistance { verticals.append(Line(position: left, start: min(top, firstRule), end: max(bottom, lastRule))) }
        if right - lastSide > snapDistance { verticals.append(Line(position: right, start: min(top, firstRule), end: max(bottom, lastRule))) }
        if firstRule - top >= thinnestRow { horizontals.append(Line(position: top, start: min(left, firstSide), end: max(right, lastSide))) }
        if bottom - lastRule >= thinnestRow { horizontals.append(Line(position: bottom, start: min(left, firstSide), end: max(right, lastSide))) }
        let xs = distinct(verticals.map(\.position))
        // The space between a double rule is no row.
        var ys: [Double] = []
        for y in distinct(horizontals.map(\.position)) where ys.last.map({ y - $0 >= thinnestRow }) ?? true { ys.append(y) }
        guard xs.count >= 3, ys.count >= 3, xs.count * ys.count <= mostGridCells else { return nil }
        var crossings: [[Int]] = []
        for band in 0..<(ys.count - 1) {
            let middle = (ys[band] + ys[band + 1]) / 2
            let crossing = xs.indices.filter { index in
                verticals.contains { abs($0.position - xs[index]) <= snapDistance && $0.start <= middle && $0.end >= middle }
            }
            crossings.append(crossing)
        }
        // A grid draws its outer frame and at least one inner rule down most bands; rules that
        // only box a paragraph or underline headings make none.
        let banded = crossings.filter { $0.count >= 3 }.count
        guard banded * 2 >= crossings.count else { return nil }
        let closedAbove = (0..<(ys.count - 1)).map { band in
            (0..<(xs.count - 1)).map { column in
                let middle = (xs[column] + xs[column + 1]) / 2
                return horizontals.contains { abs($0.position - ys[band]) <= snapDistance && $0.start <= middle && $0.end >= middle }
            }
        }
        return Frame(xs: xs, ys: ys, crossings: crossings, closedAbove: closedAbove)
    }

    /// The share of a grid's width that filled boxes right above it must cover to be its header.
    static let shadedHeaderCover = 0.9

    /// A grid with the header row above it drawn as filled cells and no rules (dark cells with
    /// white between them) gains that row as its first band, parted by the grid's columns.
    static func withShadedHeader(_ frame: Frame, fills: [FilledArea]) -> Frame {
        let left = frame.xs[0], right = frame.xs[frame.xs.count - 1], top = frame.ys[0]
        let above = fills.filter { fill in
            fill.box.maxY <= top + snapDistance && top - fill.box.maxY <= stackedGap
                && fill.box.x >= left - snapDistance && fill.box.maxX <= right + snapDistance
                && fill.box.height >= thinnestRow
        }
        // The width the boxes cover together (boxes drawn over one another count once).
        var covered = 0.0, reached = -Double.infinity
        for box in above.map(\.box).sorted(by: { $0.x < $1.x }) {
            covered += max(0, box.maxX - max(box.x, reached))
            reached = max(reached, box.maxX)
        }
        guard let headerTop = above.map(\.box.y).min(), covered >= shadedHeaderCover * (right - left),
            top - headerTop >= thinnestRow
        else { return frame }
        var result = frame
        result.ys.insert(headerTop, at: 0)
        result.crossings.insert(frame.crossings[0], at: 0)
        result.closedAbove.insert(Array(repeating: true, count: frame.xs.count - 1), at: 0)
        return result
    }

    // MARK: Grids from frames

    /// The ruled tables of a document: the frames of each page with the words printed in them.
    func grids(drawings: [Int: SourcePage]) -> [TableGrid] {
        var result: [TableGrid] = []
        let linesByPage = Dictionary(grouping: lines.indices.filter { !lines[$0].isBlank }, by: { lines[$0].page })
        for page in drawings.keys.sorted() {
            guard let pageLines = linesByPage[page], let drawing = drawings[page] else { continue }
            for frame in Self.frames(of: drawing.rules) {
                let framed = Self.withShadedHeader(frame, fills: drawing.fills)
                result += grids(framed, page: page, lineIndices: pageLines)
            }
        }
        return result.sorted { $0.lines.lowerBound < $1.lines.lowerBound }
    }

    /// The words of one cell, and the layout lines they came from.
    struct Cell {
        var words: [PlacedWord] = []
        /// The layout line of each word.
        var wordLines: [Int] = []
        var lines: Set<Int> = []
        /// The cell's words top down, each printed line left to right.
        var ordered: [PlacedWord] { Segment.printedLines(words).flatMap { $0 } }
        var text: String { words.isEmpty ? "" : Segment(words: ordered).text }
        var kind: Segment.Kind? { words.isEmpty ? nil : Segment.kind(of: ordered.map(\.text)) }
        var isFigure: Bool { kind == .number || kind == .numbers || kind == .empty }
        /// Whether the cell holds a figure, with its unit or a note in brackets (`17 g/port`,
        /// `218 (2020)`): a value, not a header's name.
        var holdsFigure: Bool { isFigure || !words.isEmpty && TableFinder.isFigureCell(text) }
        /// Whether the cell holds figures parted by a column gap on one printed line (`15 %   20 %`):
        /// a column the rules leave undrawn.
        var partsFigures: Bool {
            Segment.printedLines(words).contains { line in
                let pieces = RuledTables.phrases(line, boundaries: []).map { Segment(words: $0) }
                return pieces.count > 1 && pieces.allSatisfy(\.isFigure)
            }
        }

        /// How many of the printed lines the cell's words stand on are figures by themselves.
        var figureLines: Int { Segment.printedLines(words).filter { Segment(words: $0).isFigure }.count }
    }

    /// A cell's words as phrases: runs on one printed line with no column gap inside and no
    /// column boundary between their words.
    static func phrases(_ words: [PlacedWord], boundaries: [Double]) -> [[PlacedWord]] {
        // A column gap in characters of the word's own size (its height stands for its font size).
        let gap = TableFinder.columnGapCharacters * PlacedLine.characterWidthPerFontSize
        var result: [[PlacedWord]] = []
        for line in Segment.printedLines(words) {
            var previous: PlacedWord?
            for word in line {
                if let last = previous, word.minX - last.maxX < gap * max(last.height, 1),
                    !boundaries.contains(where: { $0 > last.maxX && $0 < word.minX })
                {
                    result[result.count - 1].append(word)
                } else {
                    result.append([word])
                }
                previous = word
            }
        }
        return result
    }

    func grids(_ frame: Frame, page: Int, lineIndices: [Int]) -> [TableGrid] {
        let xs = frame.xs, ys = frame.ys
        let columnCount = xs.count - 1
        // cells[band][column]: the words whose centre falls in a cell, filed under the cell's
        // first column (a merged cell's words go to where it starts).
        var cells = Array(repeating: Array(repeating: Cell(), count: columnCount), count: ys.count - 1)
        var spans = Array(repeating: [ClosedRange<Int>](), count: ys.count - 1)
        for band in spans.indices {
            let crossing = frame.crossings[band]
            spans[band] = zip(crossing, crossing.dropFirst()).map { $0...($1 - 1) }
        }
        for index in lineIndices {
            for word in lines[index].words {
                let x = (word.minX + word.maxX) / 2, y = word.y + word.height / 2
                guard x > xs[0], x < xs[columnCount], y > ys[0], y < ys[ys.count - 1],
                    let band = ys.indices.dropLast().first(where: { y >= ys[$0] && y < ys[$0 + 1] }),
                    let span = spans[band].first(where: { x >= xs[$0.lowerBound] && x < xs[$0.upperBound + 1] })
                else { continue }
                cells[band][span.lowerBound].words.append(word)
                cells[band][span.lowerBound].wordLines.append(index)
                cells[band][span.lowerBound].lines.insert(index)
            }
        }
        var bands = cells.indices.filter { band in cells[band].contains { !$0.words.isEmpty } }
        // A first band drawn as one cell over the whole width is the table's caption, printed
        // inside its frame: it is left out, so that it stands above the table as its title.
        func startColumns(_ band: Int) -> Set<Int> {
            let phrases = Self.phrases(cells[band][0].words, boundaries: [])
            return Set(phrases.map { phrase in (0..<columnCount).last { xs[$0] <= phrase.map(\.minX).min()! } ?? 0 })
        }
        func isWholeWidthText(_ band: Int) -> Bool {
            spans[band].count == 1 && spans[band][0] == 0...(columnCount - 1) && startColumns(band).count == 1
        }
        while let first = bands.first, isWholeWidthText(first) {
            for column in cells[first].indices { cells[first][column] = Cell() }
            bands.removeFirst()
        }
        // So is a note drawn in the frame's last row, or in a box drawn round table and note.
        while let last = bands.last, isWholeWidthText(last) {
            for column in cells[last].indices { cells[last][column] = Cell() }
            bands.removeLast()
        }
        // Several tables drawn in one frame, one under another: a band of text cells and no
        // figures after rows of figures is the next table's header when it names columns, by a
        // year in its cells or its own or the next figure-less band's (`Summa avgift` over
        // `2026 | 2027`), or by bold type the rows above lack. A band of words among rows of
        // values (`Nytt | Bättre än föregående år`) is a row.
        // Asked of each band once per band it may head: worked out once.
        let bandHasFigures = cells.map { $0.dropFirst().contains(where: \.holdsFigure) }
        func hasFigures(_ band: Int) -> Bool { bandHasFigures[band] }
        // (A year alone names a column, or years side by side, or a year with a column's head
        // word, `Budget 2026`; one year among other words is a value, `Klart 2025`.)
        func namesColumns(_ band: Int, after previous: Int?) -> Bool {
            cells[band].contains { cell in
                let years = cell.words.filter { ReportVocabulary.isYear($0.text) }.count
                return cell.kind == .year || years >= 2
                    || years == 1 && cell.words.contains { TableVocabulary.isHead($0.text.lowercased()) }
            } || isBold(cells[band]) && !(previous.map { isBold(cells[$0]) } ?? true)
        }
        var chunks: [[Int]] = []
        var current: [Int] = []
        var seenFigures = false
        for (position, band) in bands.enumerated() {
            let figures = hasFigures(band)
            // A header names most of its cells; a row with a comment filled in names few.
            let filled = spans[band].filter { !cells[band][$0.lowerBound].words.isEmpty }.count
            let headerBands = bands[position...].prefix(Self.maximumHeaderBands).prefix { !hasFigures($0) }
            if seenFigures, !figures, filled >= 2, 2 * filled >= spans[band].count,
                headerBands.contains(where: { namesColumns($0, after: current.last) })
            {
                chunks.append(current)
                current = []
                seenFigures = false
            }
            seenFigures = seenFigures || figures
            current.append(band)
        }
        chunks.append(current)
        return chunks.compactMap { table(bands: $0, cells: cells, spans: spans, xs: xs, closedAbove: frame.closedAbove, page: page) }
    }

    /// Whether a band's words are set in bold, every one of its lines.
    func isBold(_ band: [Cell]) -> Bool {
        let lineIndices = band.flatMap(\.wordLines)
        return !lineIndices.isEmpty && lineIndices.allSatisfy { lines[$0].isBold }
    }

    /// One table from bands of a frame, header bands first.
    func table(bands: [Int], cells: [[Cell]], spans: [[ClosedRange<Int>]], xs: [Double], closedAbove: [[Bool]], page: Int) -> TableGrid? {
        let columnCount = xs.count - 1
        // A table of figures: the stage reads those; ruled boxes of text are left to the text.
        guard columnCount >= 2, bands.count >= 2,
            bands.contains(where: { band in cells[band].dropFirst().contains(where: \.isFigure) })
        else { return nil }
        // Header bands: from the top, bands with no figure beside their label.
        var header: [Int] = []
        for band in bands.prefix(Self.maximumHeaderBands) {
            guard !cells[band].dropFirst().contains(where: \.isFigure) else { break }
            header.append(band)
        }
        if header.count == bands.count { return nil }
        let body = bands.filter { !header.contains($0) }
        // A band with figures on two printed lines of one cell holds several rows the rules do
        // not part (only some rows ruled): the cells are not drawn, and alignment reads them.
        // So does a cell with figures parted by a column gap: columns the rules leave undrawn.
        guard !body.contains(where: { band in cells[band].dropFirst().contains { $0.figureLines > 1 || $0.partsFigures } })
        else { return nil }

        // Leading columns of short codes in every row (a row number, a priority, a project
        // number) stand before the labels, as identifier columns.
        // Columns nothing is printed in (the margin between a box drawn round a table and the
        // table's own rules) are no columns.
        let printed = (0..<columnCount).filter { column in bands.contains { !cells[$0][column].words.isEmpty } }
        guard let firstPrinted = printed.first else { return nil }
        var labelColumn = firstPrinted
        while labelColumn + 1 < columnCount - 1, body.allSatisfy({ band in
            let cell = cells[band][labelColumn]
            // A cell drawn over the code and the name columns (`Summa`) is a label, not a code.
            let merged = spans[band].contains { $0.lowerBound == labelColumn && $0.upperBound > labelColumn }
            return cell.words.isEmpty || merged || TableFinder.isCode(Segment(words: cell.words))
        }), body.contains(where: { !cells[$0][labelColumn].words.isEmpty }),
            body.filter({ cells[$0][labelColumn + 1].kind == .text }).count * 2 > body.count
        {
            labelColumn += 1
        }
        // Header cells by column, top down. A header cell the rules draw over several columns
        // is parted where its words stand over different columns (the rules between header
        // cells are often left out); a phrase over several columns names each of them.
        var headerParts = Array(repeating: [(y: Double, text: String)](), count: columnCount)
        for band in header {
            for span in spans[band] {
                let words = cells[band][span.lowerBound].words
                guard !words.isEmpty else { continue }
                for phrase in Self.phrases(words, boundaries: span.dropFirst().map { xs[$0] }) {
                    let minX = phrase.map(\.minX).min()!, maxX = phrase.map(\.maxX).max()!
                    let covered = span.filter { xs[$0] < maxX && xs[$0 + 1] > minX }
                    let text = Segment(words: phrase).text
                    for column in covered.isEmpty ? [span.lowerBound] : covered {
                        headerParts[column].append((phrase.map(\.y).min()!, text))
                    }
                }
            }
        }
        func column(_ column: Int) -> GridColumn {
            var parts: [String] = []
            for part in headerParts[column].sorted(by: { $0.y < $1.y }) where parts.last != part.text { parts.append(part.text) }
            let filled = body.map { cells[$0][column] }.filter { !$0.words.isEmpty }
            return GridColumn(
                header: HeaderTree.join(parts), headerParts: parts, isNumeric: filled.filter(\.isFigure).count * 2 > filled.count,
                span: xs[column]...xs[column + 1])
        }
        // A first column of figures under a header cell of its own labels no rows: the table
        // holds one thing's figures (an indicator's target and outcomes), every column data.
        // (Many such rows are a lookup table whose first column is its key: the rows' labels.)
        let labelsAreFigures = labelColumn == firstPrinted && !headerParts[labelColumn].isEmpty
            && body.count <= TableFinder.unlabelledRowsUnderHeader
            && body.allSatisfy { cells[$0][labelColumn].words.isEmpty || cells[$0][labelColumn].isFigure }
            && body.contains { cells[$0][labelColumn].kind == .number || cells[$0][labelColumn].kind == .numbers }
        let firstData = labelsAreFigures ? labelColumn : labelColumn + 1
        let dataColumns = (firstData..<columnCount).filter { printed.contains($0) || !headerParts[$0].isEmpty }
        let columns = dataColumns.map(column)
        let stub = labelsAreFigures ? "" : column(labelColumn).header

        let labelMargin = body.compactMap { cells[$0][labelColumn].words.map(\.minX).min() }.min() ?? xs[labelColumn]
        // A label cell merged down over several rows (no rule closes it between them) holds one
        // label, however its lines fall into the rows beside it: each of those rows takes it whole.
        var labelGroup: [Int: Int] = [:]  // band → the band its label cell starts in
        var mergedLabels: [Int: Cell] = [:]  // start band → the whole label cell
        for band in body {
            let start = labelGroup[band - 1].flatMap { closedAbove[band][labelColumn] ? nil : $0 } ?? band
            labelGroup[band] = start
            let own = cells[band][labelColumn]
            mergedLabels[start, default: Cell()].words += own.words
            mergedLabels[start]!.wordLines += own.wordLines
            mergedLabels[start]!.lines.formUnion(own.lines)
        }
        var rows: [GridRow] = []
        var lastRowBand = -1
        for band in body {
            let label = labelsAreFigures ? Cell() : mergedLabels[labelGroup[band] ?? band] ?? cells[band][labelColumn]
            let lineSet = cells[band].reduce(Set<Int>()) { $0.union($1.lines) }
            guard let first = lineSet.min(), let last = lineSet.max() else { continue }
            let rowCells = dataColumns.enumerated().compactMap { index, column -> GridCell? in
                let text = cells[band][column].text
                return text.isEmpty ? nil : GridCell(column: index, text: text)
            }
            // A lone zero with no label is a stray mark (an empty cell's placeholder left in a
            // spacer row), not a row.
            if label.words.isEmpty, TableFinder.isStrayZero(label: "", cells: rowCells) { continue }
            var labelText = label.text
            // A name in bold over a description in plain type (an indicator and how it is
            // measured) is the row's label; the description is not.
            let labelLines = Set(label.wordLines).sorted()
            if labelLines.count > 1, lines[labelLines[0]].isBold, labelLines.contains(where: { !lines[$0].isBold }) {
                let nameLines = Set(labelLines.prefix { lines[$0].isBold })
                labelText = Segment(words: Segment.printedLines(zip(label.words, label.wordLines).filter { nameLines.contains($1) }.map(\.0)).flatMap { $0 }).text
            }
            // A label cell merged down over several rows names each of them.
            if label.words.isEmpty, !closedAbove[band][labelColumn], let above = rows.last, lastRowBand == band - 1 {
                labelText = above.label
            }
            // A paragraph inside the frame (a note under the table, in the box drawn round
            // both) is no row.
            if rowCells.isEmpty, TableFinder.isSentence(labelText) { continue }
            var row = GridRow(label: labelText, lines: first...last, cells: rowCells)
            row.identifiers = (firstPrinted..<labelColumn).compactMap { column in
                let text = cells[band][column].text
                return text.isEmpty ? nil : GridCell(column: column - firstPrinted, text: text)
            }
            if let left = label.words.map(\.minX).min() {
                let step = TableFinder.indentPerLevelCharacters * (lines[first].characterWidth)
                row.level = min(TableFinder.deepestLevel, max(0, Int(((left - labelMargin) / step).rounded(.down))))
            }
            row.parent = rows.indices.last { rows[$0].level < row.level }
            rows.append(row)
            lastRowBand = band
        }
        guard rows.contains(where: { !$0.cells.isEmpty }) else { return nil }
        let covered = bands.flatMap { band in cells[band].flatMap(\.lines) }
        guard let top = covered.min(), let bottom = covered.max() else { return nil }
        let headerCovered = header.flatMap { band in cells[band].flatMap(\.lines) }
        let headerLines = headerCovered.min().map { $0..<(headerCovered.max()! + 1) } ?? top..<top
        var grid = TableGrid(lines: top..<(bottom + 1), headerLines: headerLines, stub: stub, columns: columns, rows: rows, pages: [page])
        grid.identifierColumns = (firstPrinted..<labelColumn).map(column)
        return grid
    }
}
