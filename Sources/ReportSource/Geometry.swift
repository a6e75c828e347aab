/// A rectangle on a page, in PDF points, origin top-left, y growing downward.
public struct BoundingBox: Codable, Sendable, Hashable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width.
    public var width: Double
    /// Height.
    public var height: Double

    /// Creates a box from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Right edge.
    public var maxX: Double { x + width }
    /// Bottom edge.
    public var maxY: Double { y + height }

    /// The smallest box that holds both boxes.
    public func union(_ other: BoundingBox) -> BoundingBox {
        let minX = Swift.min(x, other.x), minY = Swift.min(y, other.y)
        let maxX = Swift.max(self.maxX, other.maxX), maxY = Swift.max(self.maxY, other.maxY)
        return BoundingBox(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// The smallest box that holds all boxes, or nil for none.
    public static func union(of boxes: [BoundingBox]) -> BoundingBox? {
        guard var result = boxes.first else { return nil }
        for box in boxes.dropFirst() { result = result.union(box) }
        return result
    }
}

/// A colour with 8-bit channels.
public struct RGBColor: Codable, Sendable, Hashable {
    /// Red channel.
    public var red: UInt8
    /// Green channel.
    public var green: UInt8
    /// Blue channel.
    public var blue: UInt8

    /// Creates a colour from 8-bit channels.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#rrggbb`.
    public var hex: String {
        func pair(_ value: UInt8) -> String {
            let digits = String(value, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return "#" + pair(red) + pair(green) + pair(blue)
    }
}

/// How a run of text is printed, where the source says (PDF); nil fields are unknown.
public struct TextStyle: Codable, Sendable, Hashable {
    /// Font name without subset prefix, e.g. `LiberationSans-Bold`.
    public var fontName: String?
    /// Font size in points.
    public var fontSize: Double?
    /// Whether the font is bold (from the font name or weight).
    public var isBold: Bool
    /// Fill colour of the glyphs.
    public var color: RGBColor?

    /// Creates a style.
    public init(fontName: String? = nil, fontSize: Double? = nil, isBold: Bool = false, color: RGBColor? = nil) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.isBold = isBold
        self.color = color
    }
}
