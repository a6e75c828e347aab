import SwedishReportLanguage
import XCTest

/// Numbers written back the way Swedish reports print them, for messages to users.
final class SwedishNumberFormatTests: XCTestCase {
    func testThousandsAreGroupedAndDecimalsTakeAComma() {
        XCTAssertEqual(SwedishNumber.format(-16_000), "-16 000")
        XCTAssertEqual(SwedishNumber.format(3_162_851), "3 162 851")
        XCTAssertEqual(SwedishNumber.format(10.2), "10,2")
        XCTAssertEqual(SwedishNumber.format(4.553), "4,553")
        XCTAssertEqual(SwedishNumber.format(0.0004), "0")
        XCTAssertEqual(SwedishNumber.format(-0.5), "-0,5")
        XCTAssertEqual(SwedishNumber.parse(SwedishNumber.format(-1_234.5))?.value, -1_234.5)
    }
}
