import ReportSource

/// The outline of an icon drawn as a picture, from the pixels of its coloured area: a disc or a
/// square, a triangle's point, an arrow's direction, or the arrow cut out of a disc (a white
/// arrow in a coloured circle, as trend icons are drawn).
///
/// Works on a mask of the icon's box (true where the icon's colour is), so it is the same for
/// raster images and vector shapes rendered for their colour.
enum IconOutline {
    /// An inner symbol (the paper showing through the icon) counts from this share of the box.
    static let innerSymbolShare = 0.06
    /// A mask this full of its box is a square.
    static let squareFill = 0.88
    /// A disc fills π/4 of its box; one this full or more, and less than a square, is round.
    static let roundFill = 0.66
    /// An arrow's stem is at most this share of its head's width.
    static let stemWidthShare = 0.6
    /// Masks smaller than this (pixels a side) are too coarse to tell a shape by.
    static let smallestSide = 7

    /// The outline of the mask (rows top down, each left to right), nil where none is clear.
    static func shape(of mask: [[Bool]]) -> IconShape? {
        guard let shape = trimmed(mask), shape.count >= smallestSide, shape[0].count >= smallestSide else { return nil }
        let inner = enclosedPaper(of: shape)
        let area = Double(shape.count * shape[0].count)
        if Double(inner.joined().filter { $0 }.count) >= innerSymbolShare * area, let symbol = trimmed(inner),
            let pointing = direction(of: symbol)
        {
            return pointing
        }
        // Filled in: the paper inside an outline belongs to the shape.
        let filled = zip(shape, inner).map { row, holes in zip(row, holes).map { $0 || $1 } }
        return outline(of: filled)
    }

    /// The shape of a filled mask: square, round, a triangle or an arrow.
    static func outline(of mask: [[Bool]]) -> IconShape? {
        let area = Double(mask.count * mask[0].count)
        let fill = Double(mask.joined().filter { $0 }.count) / area
        if fill >= squareFill { return .square }
        if let pointed = direction(of: mask) { return pointed }
        if fill >= roundFill { return .round }
        return nil
    }

    /// A triangle's or an arrow's direction, read from its width along each axis: the point is
    /// narrow, the far side wide (a triangle's base, or an arrow's stem behind its head).
    static func direction(of mask: [[Bool]]) -> IconShape? {
        let rows = mask.map { $0.filter { $0 }.count }
        let columns = mask[0].indices.map { x in mask.filter { $0[x] }.count }
        if let vertical = pointed(rows) {
            return vertical.arrow ? (vertical.first ? .arrowUp : .arrowDown) : (vertical.first ? .triangleUp : .triangleDown)
        }
        if let horizontal = pointed(columns) {
            return horizontal.arrow ? (horizontal.first ? .arrowLeft : .arrowRight) : nil
        }
        return nil
    }

    /// Whether widths along one axis come to a point at one end: `first` when the point is at
    /// the start; `arrow` when the far end is a narrow stem (an arrow behind its head), not the
    /// widest part (a triangle's base). A point widens steadily away from its end; a stem keeps
    /// its width and a base narrows. Shapes alike at both ends (a disc, a diamond) have none.
    static func pointed(_ widths: [Int]) -> (first: Bool, arrow: Bool)? {
        guard let widest = widths.max(), widest > 0, widths.count >= smallestSide else { return nil }
        let w = Double(widest), n = widths.count
        let startWidth = Double(widths[0] + widths[1]) / 2, endWidth = Double(widths[n - 1] + widths[n - 2]) / 2
        let startGrowth = Double(widths[n / 4]) / max(1, startWidth), endGrowth = Double(widths[n - 1 - n / 4]) / max(1, endWidth)
        let pointFirst = startGrowth >= pointGrowth && endGrowth < flatGrowth
        let pointLast = endGrowth >= pointGrowth && startGrowth < flatGrowth
        guard pointFirst || pointLast else { return nil }
        let far = pointFirst ? endWidth : startWidth
        if far >= baseWidthShare * w { return (pointFirst, false) }
        if far <= stemWidthShare * w { return (pointFirst, true) }
        return nil
    }

    /// A point's width grows at least this many times over the first quarter of the shape.
    static let pointGrowth = 2.0
    /// The far end's width grows less than this over its quarter (a stem, a base).
    static let flatGrowth = 1.5
    /// A triangle's base is at least this share of its widest part (it is the widest part).
    static let baseWidthShare = 0.85

    /// The mask cut to the box of its set pixels; nil when none is set.
    static func trimmed(_ mask: [[Bool]]) -> [[Bool]]? {
        let rows = mask.indices.filter { mask[$0].contains(true) }
        guard let top = rows.first, let bottom = rows.last else { return nil }
        let columns = mask[0].indices.filter { x in mask.contains { $0[x] } }
        let left = columns.first!, right = columns.last!
        return mask[top...bottom].map { Array($0[left...right]) }
    }

    /// The unset pixels the mask encloses: paper that no path of unset pixels joins to the
    /// box's edge (the white arrow cut out of a disc).
    static func enclosedPaper(of mask: [[Bool]]) -> [[Bool]] {
        let h = mask.count, w = mask[0].count
        var outside = Array(repeating: Array(repeating: false, count: w), count: h)
        var stack: [(Int, Int)] = []
        for x in 0..<w { stack += [(x, 0), (x, h - 1)] }
        for y in 0..<h { stack += [(0, y), (w - 1, y)] }
        while let (x, y) = stack.popLast() {
            guard x >= 0, y >= 0, x < w, y < h, !mask[y][x], !outside[y][x] else { continue }
            outside[y][x] = true
            stack += [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)]
        }
        return (0..<h).map { y in (0..<w).map { x in !mask[y][x] && !outside[y][x] } }
    }

    // MARK: From the page

    /// Pixels (at least) a point an icon is rendered at for its shape: a 16-pixel icon set at
    /// 10 pt comes out about 40 pixels wide.
    static let shapeScale = 4.0
    /// A shape rendering covers at most this many pixels; a wider spread of icons is rendered
    /// coarser.
    static let largestShapeRendering = 4_000_000.0

    /// The icons with their shapes read from a fine rendering of just where they stand.
    static func withShapes(_ icons: [Word], page: PopplerPage) -> [Word] {
        let boxes = icons.map { $0.rect }
        guard let first = boxes.first else { return icons }
        let union = boxes.dropFirst().reduce(first) { $0.union($1) }
        let area = Rect(minX: union.minX - 1, minY: union.minY - 1, maxX: union.maxX + 1, maxY: union.maxY + 1)
        let scale = min(shapeScale, (largestShapeRendering / max(1, area.width * area.height)).squareRoot())
        let shapes = page.withRendering(scale: scale, clip: boxes, area: area) { rendered in
            // A bar's shape is its proportions, known already.
            icons.map { icon in icon.iconShape == .bar ? .bar : icon.icon.flatMap { shape(of: mask(of: icon.rect, colour: $0, in: rendered)) } }
        }
        guard let shapes else { return icons }
        return zip(icons, shapes).map { icon, shape in
            var shaped = icon
            shaped.iconShape = shape
            return shaped
        }
    }

    /// The pixels of a box that have the icon's colour, rows top down.
    static func mask(of box: Rect, colour: RGBColor, in page: RenderedPage) -> [[Bool]] {
        let (x0, y0) = page.pixel(x: box.minX, y: box.minY)
        let (x1, y1) = page.pixel(x: box.maxX, y: box.maxY)
        // The pixel the box's far edge falls in lies outside it (and outside the clip, unpainted).
        let left = max(0, x0), top = max(0, y0), right = min(page.width - 1, x1 - 1), bottom = min(page.height - 1, y1 - 1)
        guard left <= right, top <= bottom else { return [[false]] }
        return (top...bottom).map { y in
            (left...right).map { x in
                let c = page.color(x: x, y: y)
                let toColour = abs(Int(c.red) - Int(colour.red)) + abs(Int(c.green) - Int(colour.green)) + abs(Int(c.blue) - Int(colour.blue))
                let toPaper = 3 * 255 - Int(c.red) - Int(c.green) - Int(c.blue)
                // A rim pixel blended with the paper is the icon's while it is nearer its colour.
                return toColour < toPaper
            }
        }
    }
}
