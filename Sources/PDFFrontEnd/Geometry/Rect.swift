import ReportSource

/// A rectangle by its edges, in points, origin top-left, y downward: the working form of boxes
/// inside the front-end (edges are what the grouping rules compare).
struct Rect: Hashable, Sendable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }
    var midX: Double { (minX + maxX) / 2 }
    var midY: Double { (minY + maxY) / 2 }

    /// The smallest rectangle holding both.
    func union(_ other: Rect) -> Rect {
        Rect(minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
             maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// How far the two overlap vertically (0 when apart).
    func verticalOverlap(_ other: Rect) -> Double {
        Swift.max(0, Swift.min(maxY, other.maxY) - Swift.max(minY, other.minY))
    }

    /// The part both cover; nil when they do not overlap.
    func intersection(_ other: Rect) -> Rect? {
        let result = Rect(minX: Swift.max(minX, other.minX), minY: Swift.max(minY, other.minY),
                          maxX: Swift.min(maxX, other.maxX), maxY: Swift.min(maxY, other.maxY))
        return result.width > 0 && result.height > 0 ? result : nil
    }

    /// Whether every edge lies within half a point of the other's: the same area, read twice.
    func isClose(to other: Rect) -> Bool {
        abs(minX - other.minX) <= 0.5 && abs(minY - other.minY) <= 0.5 && abs(maxX - other.maxX) <= 0.5 && abs(maxY - other.maxY) <= 0.5
    }

    /// Whether a point lies inside.
    func contains(x: Double, y: Double) -> Bool { x >= minX && x <= maxX && y >= minY && y <= maxY }

    /// The rectangle as the pipeline's box.
    var box: BoundingBox { BoundingBox(x: minX, y: minY, width: width, height: height) }
}

extension Rect {
    /// The rectangle of a box of the pipeline's.
    init(_ box: BoundingBox) {
        self.init(minX: box.x, minY: box.y, maxX: box.maxX, maxY: box.maxY)
    }
}
