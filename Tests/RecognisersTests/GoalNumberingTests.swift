@testable import Recognisers
import XCTest

/// Numbered goals set as headings under the heading that names their level: a heading is the
/// next goal only if it goes on with their numbering, in their style, at their level.
final class GoalNumberingTests: XCTestCase {
    func testANumberedHeadingContinuesTheGoalsOnlyInTheirStyleAndLevel() {
        XCTAssertTrue(GoalRecogniser.continues(nil, number: 1, fullStop: true, level: 3))
        XCTAssertFalse(GoalRecogniser.continues(nil, number: 2, fullStop: true, level: 3))
        XCTAssertTrue(GoalRecogniser.continues((3, true, 3), number: 4, fullStop: true, level: 3))
        // `4 Väsentliga händelser` after `1.` `2.` `3.`: the report's next section, not goal 4.
        XCTAssertFalse(GoalRecogniser.continues((3, true, nil), number: 4, fullStop: false, level: nil))
        // A section at another heading level, and a list restarting at 1 in a goal's account.
        XCTAssertFalse(GoalRecogniser.continues((3, true, 3), number: 4, fullStop: true, level: 1))
        XCTAssertFalse(GoalRecogniser.continues((2, true, nil), number: 1, fullStop: true, level: nil))
        XCTAssertTrue(GoalRecogniser.hasFullStopAfterNumber("1. Antalet bränder ska minska"))
        XCTAssertFalse(GoalRecogniser.hasFullStopAfterNumber("4 Ekonomi"))
    }
}
