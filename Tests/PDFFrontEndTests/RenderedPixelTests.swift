@testable import PDFFrontEnd
import XCTest

/// A damaged or hostile file may place text or shapes at coordinates no integer holds: the pixel
/// a point falls in is held to one past the rendering's edges (a broken PDF of the batch test
/// crashed a worker this way, through a status column's strip).
final class RenderedPixelTests: XCTestCase {
    func testPixelCoordinatesAreHeldToTheRenderingWhateverThePoint() {
        XCTAssertEqual(RenderedPage.clamped(12.7, limit: 100), 12)
        XCTAssertEqual(RenderedPage.clamped(1e300, limit: 100), 101)
        XCTAssertEqual(RenderedPage.clamped(-1e300, limit: 100), -1)
        XCTAssertEqual(RenderedPage.clamped(.nan, limit: 100), -1)
        XCTAssertEqual(RenderedPage.clamped(.infinity, limit: 100), -1)
    }
}
