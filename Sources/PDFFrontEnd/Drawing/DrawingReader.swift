import ReportSource

/// Reads the rules and filled boxes of a page from the SVG that cairo writes of it.
///
/// cairo's SVG surface puts glyph outlines, clip paths and pictures in `<defs>` and then writes
/// the page as a flat list of `<path>` (and `<rect>`) elements, each with its `style` (fill or
/// stroke, colour, stroke width), its `d` (absolute `M`, `L`, `C`, `Z` in points, y down) and,
/// for strokes, a `transform`. Only that list is read: straight axis-aligned pieces become rules,
/// larger filled rectangles become filled areas; curves (glyphs drawn as shapes, icons, charts'
/// pies) are left alone.
enum DrawingReader {
    /// A filled box no thicker than this (points) is a rule, not an area.
    static let thickestRule = 2.5
    /// A rule shorter than this (points) is a tick or a bullet, not a rule.
    static let shortestRule = 6.0
    /// A line within this much (points) of horizontal or vertical counts as such.
    static let straightnessTolerance = 0.5
    /// The most drawing elements, and the most rules and areas, read on one page; a page with
    /// more (a map, a hostile file) is read as having no drawing, since half a grid misleads.
    static let mostElements = 50_000
    static let mostShapes = 20_000
    /// A fill this light on every channel is paper, not shading.
    static let paperLightness: UInt8 = 250

    struct Graphics {
        var rules: [PageRule] = []
        var fills: [FilledArea] = []
    }

    static func graphics(svg bytes: [UInt8], pageWidth: Double, pageHeight: Double) -> Graphics {
        var result = Graphics()
        let body = bodyStart(bytes)
        var index = body
        var elements = 0
        while index < bytes.count {
            guard elements < mostElements, result.rules.count + result.fills.count < mostShapes else { return Graphics() }
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            let isPath = matches(bytes, at: index + 1, "path "), isRect = matches(bytes, at: index + 1, "rect ")
            guard isPath || isRect else { index += 1; continue }
            guard let end = tagEnd(bytes, from: index) else { break }
            elements += 1
            let tag = bytes[index..<end]
            index = end
            // cairo 1.16 states the paint in `style`; later versions in attributes of their own.
            let paint = Paint(style: attribute("style", in: tag) ?? "", attributes: { attribute($0, in: tag) })
            guard paint.fill != nil || paint.strokeWidth != nil else { continue }
            let transform = attribute("transform", in: tag).flatMap(Transform.init(matrix:)) ?? .identity
            var subpaths: [[Point]]
            if isRect {
                guard let x = attribute("x", in: tag).flatMap(Double.init), let y = attribute("y", in: tag).flatMap(Double.init),
                    let w = attribute("width", in: tag).flatMap(Double.init), let h = attribute("height", in: tag).flatMap(Double.init)
                else { continue }
                subpaths = [[Point(x: x, y: y), Point(x: x + w, y: y), Point(x: x + w, y: y + h), Point(x: x, y: y + h), Point(x: x, y: y)]]
            } else {
                guard let d = attribute("d", in: tag), let parsed = straightSubpaths(d) else { continue }
                subpaths = parsed
            }
            subpaths = subpaths.map { $0.map(transform.apply) }
            if let color = paint.fill {
                for points in subpaths { addFill(points, color: color, pageWidth: pageWidth, pageHeight: pageHeight, to: &result) }
            }
            if let width = paint.strokeWidth {
                let thickness = max(width * transform.scale, 0.1)
                for points in subpaths { addStrokes(points, thickness: thickness, to: &result) }
            }
        }
        return result
    }

    // MARK: Shapes

    /// A filled axis-aligned rectangle: a rule when thin, an area when not paper-white and
    /// smaller than the page (a page's background is no table's shading).
    static func addFill(_ points: [Point], color: RGBColor, pageWidth: Double, pageHeight: Double, to result: inout Graphics) {
        guard let box = rectangle(points) else { return }
        if box.height <= thickestRule, box.width >= shortestRule {
            result.rules.append(PageRule(direction: .horizontal, box: box))
        } else if box.width <= thickestRule, box.height >= shortestRule {
            result.rules.append(PageRule(direction: .vertical, box: box))
        } else if box.width > thickestRule, box.height > thickestRule,
            !(color.red >= paperLightness && color.green >= paperLightness && color.blue >= paperLightness),
            box.width * box.height < 0.9 * pageWidth * pageHeight
        {
            result.fills.append(FilledArea(box: box, color: color))
        }
    }

    /// Each straight horizontal or vertical piece of a stroked path is a rule.
    static func addStrokes(_ points: [Point], thickness: Double, to result: inout Graphics) {
        for (a, b) in zip(points, points.dropFirst()) {
            let dx = abs(a.x - b.x), dy = abs(a.y - b.y)
            if dy <= straightnessTolerance, dx >= shortestRule {
                let y = (a.y + b.y) / 2
                result.rules.append(PageRule(direction: .horizontal, box: BoundingBox(
                    x: min(a.x, b.x), y: y - thickness / 2, width: dx, height: thickness)))
            } else if dx <= straightnessTolerance, dy >= shortestRule {
                let x = (a.x + b.x) / 2
                result.rules.append(PageRule(direction: .vertical, box: BoundingBox(
                    x: x - thickness / 2, y: min(a.y, b.y), width: thickness, height: dy)))
            }
        }
    }

    /// The box of a closed subpath whose every point is a corner of it (a rectangle drawn as
    /// four or five points), nil for any other shape.
    static func rectangle(_ points: [Point]) -> BoundingBox? {
        guard points.count >= 4, points.count <= 6 else { return nil }
        let xs = points.map(\.x), ys = points.map(\.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        let onCorners = points.allSatisfy { point in
            (abs(point.x - minX) <= straightnessTolerance || abs(point.x - maxX) <= straightnessTolerance)
                && (abs(point.y - minY) <= straightnessTolerance || abs(point.y - maxY) <= straightnessTolerance)
        }
        // All four corners drawn (a triangle's three are an arrow, not a box).
        let corners = Set(points.map { point in
            (point.x - minX <= maxX - point.x ? 0 : 1) + (point.y - minY <= maxY - point.y ? 0 : 2)
        })
        return onCorners && corners.count == 4 ? BoundingBox(x: minX, y: minY, width: maxX - minX, height: maxY - minY) : nil
    }

    // MARK: Path data

    struct Point: Hashable {
        var x: Double
        var y: Double
    }

    /// The subpaths of path data made of straight lines only (closing ones end at their start);
    /// nil when the path has a curve or anything else this reader does not follow.
    static func straightSubpaths(_ d: Substring) -> [[Point]]? {
        var subpaths: [[Point]] = []
        var current: [Point] = []
        var numbers: [Double] = []
        var command: Character = " "
        func flush() -> Bool {
            switch command {
            case "M", "L":
                guard numbers.count % 2 == 0 else { return false }
                for pair in stride(from: 0, to: numbers.count, by: 2) {
                    if command == "M", pair == 0 {
                        if current.count > 1 { subpaths.append(current) }
                        current = []
                    }
                    current.append(Point(x: numbers[pair], y: numbers[pair + 1]))
                }
            case "Z":
                if let first = current.first { current.append(first) }
                if current.count > 1 { subpaths.append(current) }
                current = current.first.map { [$0] } ?? []
            case " ": break
            default: return false
            }
            numbers.removeAll(keepingCapacity: true)
            return true
        }
        var token = ""
        for character in d + " " {
            if character.isLetter, character != "e" {
                if !token.isEmpty { guard let value = Double(token) else { return nil }; numbers.append(value); token = "" }
                guard flush() else { return nil }
                command = character
            } else if character == " " || character == "," {
                if !token.isEmpty { guard let value = Double(token) else { return nil }; numbers.append(value); token = "" }
            } else {
                token.append(character)
            }
        }
        guard flush() else { return nil }
        if current.count > 1 { subpaths.append(current) }
        return subpaths
    }

    /// An affine transform `matrix(a,b,c,d,e,f)`.
    struct Transform {
        var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0
        static let identity = Transform()

        init() {}

        init?(matrix: Substring) {
            guard let open = matrix.firstIndex(of: "("), let close = matrix.lastIndex(of: ")"),
                matrix[..<open].hasSuffix("matrix") else { return nil }
            let values = matrix[matrix.index(after: open)..<close].split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
            guard values.count == 6 else { return nil }
            (a, b, c, d, e, f) = (values[0], values[1], values[2], values[3], values[4], values[5])
        }

        func apply(_ point: Point) -> Point {
            Point(x: a * point.x + c * point.y + e, y: b * point.x + d * point.y + f)
        }

        /// How much the transform scales lengths (a stroke's width), on average over both axes.
        var scale: Double { ((a * a + b * b).squareRoot() + (c * c + d * d).squareRoot()) / 2 }
    }

    /// How an element is painted: its fill colour (nil for `fill:none`) and stroke width (nil
    /// for `stroke:none`).
    struct Paint {
        var fill: RGBColor?
        var strokeWidth: Double?

        /// Reads `fill`, `stroke` and `stroke-width` from the style's declarations, else from
        /// the element's attributes of those names. Nothing stated is no fill and no stroke (the
        /// writer always states what it paints). A stroke in paper white draws nothing to read.
        init(style: Substring, attributes: (String) -> Substring?) {
            var declared: [Substring: Substring] = [:]
            for declaration in style.split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                declared[parts[0].trimmingSpaces] = parts[1].trimmingSpaces
            }
            func value(_ name: String) -> Substring? { declared[Substring(name)] ?? attributes(name).map(\.trimmingSpaces) }
            if let fill = value("fill"), fill != "none" { self.fill = Self.color(fill) } else { self.fill = nil }
            if let stroke = value("stroke"), stroke != "none",
                !(Self.color(stroke).map { $0.red >= DrawingReader.paperLightness && $0.green >= DrawingReader.paperLightness && $0.blue >= DrawingReader.paperLightness } ?? false)
            {
                self.strokeWidth = value("stroke-width").flatMap { Double($0) } ?? 1
            } else {
                self.strokeWidth = nil
            }
        }

        /// `rgb(12.5%,50%,100%)` or `rgb(32,128,255)` or `#2080ff`; nil for anything else (a
        /// pattern or gradient), which is then not read as a plain fill.
        static func color(_ value: Substring) -> RGBColor? {
            if value.hasPrefix("#"), value.count == 7, let number = UInt32(value.dropFirst(), radix: 16) {
                return RGBColor(red: UInt8(number >> 16 & 0xFF), green: UInt8(number >> 8 & 0xFF), blue: UInt8(number & 0xFF))
            }
            guard value.hasPrefix("rgb("), value.hasSuffix(")") else { return nil }
            let channels = value.dropFirst(4).dropLast().split(separator: ",").map { part -> Double? in
                let part = part.trimmingSpaces
                if part.hasSuffix("%") { return Double(part.dropLast()).map { $0 * 2.55 } }
                return Double(part)
            }
            guard channels.count == 3, let red = channels[0], let green = channels[1], let blue = channels[2] else { return nil }
            func byte(_ value: Double) -> UInt8 { UInt8(max(0, min(255, value.rounded()))) }
            return RGBColor(red: byte(red), green: byte(green), blue: byte(blue))
        }
    }

    // MARK: Bytes

    /// Where the page's drawing starts: after the last `</defs>` (glyphs, clips and pictures
    /// are defined before it), or at the start when there is none.
    static func bodyStart(_ bytes: [UInt8]) -> Int {
        let marker = Array("</defs>".utf8)
        guard bytes.count >= marker.count else { return 0 }
        var index = bytes.count - marker.count
        while index >= 0 {
            if bytes[index] == marker[0], matches(bytes, at: index, "</defs>") { return index + marker.count }
            index -= 1
        }
        return 0
    }

    static func matches(_ bytes: [UInt8], at index: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { pattern in
            for offset in 0..<count where bytes[index + offset] != pattern[offset] { return false }
            return true
        }
    }

    /// The index after the `>` that ends the tag starting at `start` (attribute values hold no `>`).
    static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ">") { return index + 1 }
            index += 1
        }
        return nil
    }

    /// The value of `name="…"` in a tag.
    static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> Substring? {
        let pattern = Array((" " + name + "=\"").utf8)
        var index = tag.startIndex
        while index + pattern.count <= tag.endIndex {
            if tag[index] == pattern[0], tag[index..<index + pattern.count].elementsEqual(pattern) {
                let valueStart = index + pattern.count
                var valueEnd = valueStart
                while valueEnd < tag.endIndex, tag[valueEnd] != UInt8(ascii: "\"") { valueEnd += 1 }
                return Substring(decoding: tag[valueStart..<valueEnd], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var result = self
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return result
    }
}
