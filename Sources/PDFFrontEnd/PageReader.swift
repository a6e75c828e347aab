import ReportSource

/// Reads one poppler page into the pipeline's page: glyphs, words, rows, reading order, lines.
enum PageReader {
    /// What one page gave.
    struct Result {
        var page: SourcePage
        var warnings: [ImportWarning]
        /// True when the page has a text layer.
        var hasText: Bool
        /// True when the page has pictures (so a page without text is probably scanned).
        var hasPictures: Bool
    }

    /// Pages larger than this (in points, either side) are read for text only: rendering them to
    /// find icon colours would need an unreasonable amount of memory.
    static let largestRenderedSide = 14_400.0

    static func read(
        _ page: PopplerPage, number: Int, file: String, readsPictures: Bool, readsDrawing: Bool,
        iconPages: (@Sendable (String) -> Bool)? = nil
    ) -> Result {
        let size = page.size
        var warnings: [ImportWarning] = []
        let (scalars, rects) = page.textLayout()
        if scalars.count != rects.count, !rects.isEmpty {
            warnings.append(ImportWarning(
                code: "pdf.layoutMismatch",
                message: "\(file), page \(number): poppler gave \(rects.count) glyph boxes for \(scalars.count) characters; text past the shorter was dropped",
                page: number))
        }
        var glyphs = PageGlyphs(scalars: scalars, rects: rects, runs: scalars.isEmpty ? [] : page.textAttributes(),
                                pageWidth: size.width, pageHeight: size.height)
        // A page with no text of its own is a picture (a scan), whatever is typed over it.
        if glyphs.glyphs.isEmpty {
            let pictures = !page.imageAreas().isEmpty
            return Result(page: SourcePage(number: number, width: size.width, height: size.height, lines: []),
                          warnings: warnings, hasText: false, hasPictures: pictures)
        }
        // Typed notes and filled-in fields are printed text that poppler's page text leaves out.
        glyphs.append(page.annotationTexts(), pageWidth: size.width, pageHeight: size.height)
        var words = WordBuilder.words(of: glyphs)
        var regions = Self.regions(words: words)
        // Icons drawn as pictures need a rendering, which costs as much as reading the text: it
        // is made only for pages with a line that has room for an icon in it or before it, and
        // whose text speaks of what icons assess.
        if readsPictures, max(size.width, size.height) <= largestRenderedSide,
            iconPages?(words.lazy.filter { !$0.isIcon }.map(\.text).joined(separator: " ")) ?? true
        {
            let rows = regions.flatMap(\.rows)
            let strips = PictureIcons.candidateStrips(words: words, rows: rows)
            let columnStrips = PictureIcons.statusColumnStrips(words: words, rows: rows)
            if !strips.isEmpty || !columnStrips.isEmpty {
                var found = page.withRendering(scale: 1.5, clip: strips + columnStrips) { (rendered: RenderedPage) -> [Word] in
                    let plain = columnStrips.filter { PictureIcons.isPlainGround(rendered, $0) }
                    return PictureIcons.icons(in: rendered, strips: strips, barStrips: plain, words: words)
                } ?? []
                if !found.isEmpty {
                    // What shape each is (an arrow's direction), from a finer rendering of them alone.
                    found = IconOutline.withShapes(found, page: page)
                    words += found
                    regions = Self.regions(words: words)
                }
            }
        }
        let lines = LineAssembler.lines(regions: regions, words: words, styles: glyphs.styles)
        // A picture of a table or of text among the page's text: its figures need OCR.
        if readsPictures, max(size.width, size.height) <= largestRenderedSide {
            let candidates = PicturedText.candidates(pictures: page.imageAreas(), words: words, pageHeight: size.height)
            if !candidates.isEmpty {
                let pictured = page.withRendering(scale: PicturedText.scale, clip: candidates) { rendered in
                    candidates.filter { PicturedText.looksLikeText(rendered, area: $0) }
                } ?? []
                for area in pictured {
                    warnings.append(ImportWarning(
                        code: "pdf.pictureOfText",
                        message: "\(file), page \(number): a picture (\(Int(area.width.rounded())) × \(Int(area.height.rounded())) pt) shows text or a table with no text layer; what it holds is missing until the page is run through OCR",
                        page: number))
                }
            }
        }
        // Rules and shading serve the tables printed over them, and reading a page's drawing costs
        // more than reading its text: it is read only on pages that may hold a table.
        var graphics = DrawingReader.Graphics()
        if readsDrawing, Self.mayHoldTable(lines), max(size.width, size.height) <= largestRenderedSide {
            let bands = Self.tableBands(lines, pageWidth: size.width)
            if let svg = page.vectorDrawing(clip: bands, holes: Self.textHoles(lines, in: bands)) {
                graphics = DrawingReader.graphics(svg: svg, pageWidth: size.width, pageHeight: size.height)
            }
        }
        return Result(page: SourcePage(number: number, width: size.width, height: size.height, lines: lines,
                                       rules: graphics.rules, fills: graphics.fills),
                      warnings: warnings, hasText: true, hasPictures: false)
    }

    /// How far above and below its lines set in cells a table's rules and shading may reach, in
    /// line heights (a caption's band, a header row without a gap, a rule under the last row).
    static let tableBandMarginLines = 4.0

    /// The least height (points) a line's margin is measured in: a line of tiny type still has
    /// room for a rule above it.
    static let smallestLineHeight = 8.0

    /// The bands of the page, full width, where tables may be: around each run of lines set in
    /// cells. Only there is the drawing read (a rule elsewhere bounds no table).
    static func tableBands(_ lines: [SourceLine], pageWidth: Double) -> [Rect] {
        var bands: [(top: Double, bottom: Double)] = []
        // Reading order may run down one text column and up the next: bands go top to bottom.
        for box in lines.filter(\.hasColumnGap).compactMap(\.box).sorted(by: { $0.y < $1.y }) {
            let margin = tableBandMarginLines * max(box.height, smallestLineHeight)
            let top = box.y - margin, bottom = box.maxY + margin
            if let last = bands.last, top <= last.bottom {
                bands[bands.count - 1].bottom = max(last.bottom, bottom)
            } else {
                bands.append((top, bottom))
            }
        }
        return bands.map { Rect(minX: 0, minY: max(0, $0.top), maxX: pageWidth, maxY: $0.bottom) }
    }

    /// A line's box at most this many times its type size high is one printed line.
    static let singleLineHeightRatio = 1.6

    /// The boxes of the page's lines within the table bands, each cut to its band and none
    /// overlapping another (a line that overlaps one kept is left out). The drawing need not
    /// show their glyphs (poppler draws a line's or a cell's text in one run, which cairo leaves
    /// out only when the run is wholly outside the clip), while rules and shading reach beyond
    /// the text they frame and are written whole.
    static func textHoles(_ lines: [SourceLine], in bands: [Rect]) -> [Rect] {
        var holes: [Rect] = []
        for band in bands {
            var kept: [Rect] = []
            // A line taller than one printed line (cells set vertically offset, which the row
            // builder puts in one row) may have rules inside its box: only a line one printed
            // line high is left out.
            for line in lines where (line.box?.height ?? .infinity) <= Self.singleLineHeightRatio * (line.style?.fontSize ?? 0) {
                guard let box = line.box, let hole = Rect(box).intersection(band),
                    !kept.contains(where: { $0.intersection(hole) != nil })
                else { continue }
                kept.append(hole)
            }
            holes += kept
        }
        return holes
    }

    /// A page with at least this many lines parted in columns may hold a table.
    static let columnLinesOnATablePage = 2

    /// Whether a page's lines look as if a table may be printed there: lines parted in columns
    /// (a column gap the front-end measured) and a figure somewhere on the page. Running text
    /// makes none, whatever dates and page numbers it holds. (Requiring the figures on the
    /// parted lines spares a tenth of the drawn pages of the archive, and loses tables whose
    /// figures stand centred on lines of their own.)
    static func mayHoldTable(_ lines: [SourceLine]) -> Bool {
        var columnLines = 0
        var figures = false
        for line in lines {
            if line.hasColumnGap { columnLines += 1 }
            if !figures { figures = line.words.contains { $0.text.unicodeScalars.contains { $0.properties.numericType != nil } } }
            if figures, columnLines >= columnLinesOnATablePage { return true }
        }
        return false
    }

    /// Rows in reading order. Table structure (aligned columns, stacked header cells, wrapped
    /// labels) is left to the table stage, which reads it for PDF and text alike.
    static func regions(words: [Word]) -> [ReadingOrder.Region] {
        ReadingOrder.regions(of: RowBuilder.rows(of: Array(words.indices), in: words), words: words)
    }
}
