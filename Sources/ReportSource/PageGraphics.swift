/// A straight rule drawn on a page: a stroked line, or a filled box so thin that it prints as
/// one (word processors draw cell borders that way). Tables use rules for their extent, their
/// rows and their columns.
public struct PageRule: Sendable, Hashable {
    /// Which way the rule runs.
    public enum Direction: String, Sendable, Hashable {
        case horizontal
        case vertical
    }

    /// Which way the rule runs.
    public var direction: Direction
    /// Where the rule is printed, its thickness included.
    public var box: BoundingBox

    /// Creates a rule.
    public init(direction: Direction, box: BoundingBox) {
        self.direction = direction
        self.box = box
    }

    /// The rule's position across its run: y of a horizontal rule, x of a vertical one.
    public var position: Double {
        direction == .horizontal ? box.y + box.height / 2 : box.x + box.width / 2
    }

    /// Where the rule starts and ends along its run.
    public var extent: ClosedRange<Double> {
        direction == .horizontal ? box.x...box.maxX : box.y...box.maxY
    }
}

/// A filled box drawn on a page that is not white: the shading of a header or of every other
/// row, a coloured cell.
public struct FilledArea: Sendable, Hashable {
    /// Where it is.
    public var box: BoundingBox
    /// Its colour.
    public var color: RGBColor

    /// Creates a filled area.
    public init(box: BoundingBox, color: RGBColor) {
        self.box = box
        self.color = color
    }
}
