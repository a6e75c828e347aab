import SwedishReportLanguage
import XCTest

final class SwedishNumberTests: XCTestCase {
    func testGroupedThousandsAndDecimalComma() {
        XCTAssertEqual(SwedishNumber.parse("91 867")?.value, 91_867)
        XCTAssertEqual(SwedishNumber.parse("1\u{00A0}234,5")?.value, 1_234.5)
        XCTAssertEqual(SwedishNumber.parse("677 274,80")?.value, 677_274.80)
    }

    func testMinusSignsAndPercent() {
        XCTAssertEqual(SwedishNumber.parse("\u{2212}3 455")?.value, -3_455)
        XCTAssertEqual(SwedishNumber.parse("-4 %")?.value, -4)
        let percent = SwedishNumber.parse("104,1 %")
        XCTAssertEqual(percent?.value, 104.1)
        XCTAssertEqual(percent?.unit, "%")
        XCTAssertEqual(percent?.text, "104,1 %")
    }

    func testUnitsComparatorsAndPreliminary() {
        XCTAssertEqual(SwedishNumber.parse("12,3 mnkr")?.unit, "mnkr")
        XCTAssertEqual(SwedishNumber.parse("157 tkr")?.value, 157)
        let prelim = SwedishNumber.parse("(73)")
        XCTAssertEqual(prelim?.value, 73)
        XCTAssertEqual(prelim?.preliminary, true)
        XCTAssertEqual(SwedishNumber.parse("≤38")?.comparator, "<=")
        XCTAssertEqual(SwedishNumber.parse(">73,5")?.value, 73.5)
        XCTAssertEqual(SwedishNumber.parse("≥975per år")?.value, 975)
    }

    func testGroupsAfterTheFirstMustHaveThreeDigits() {
        // "149 111 75" is three numbers, so as one cell it is no number at all.
        XCTAssertNil(SwedishNumber.parse("149 111 75"))
        XCTAssertNil(SwedishNumber.parse("1 23"))
        XCTAssertNil(SwedishNumber.parse("I.U."))
        XCTAssertNil(SwedishNumber.parse("Öka"))
    }

    func testKronorFactors() {
        XCTAssertEqual(SwedishNumber.kronorFactor(unit: "tkr"), 1_000)
        XCTAssertEqual(SwedishNumber.kronorFactor(unit: "mnkr"), 1_000_000)
        XCTAssertEqual(SwedishNumber.kronorFactor(unit: "mkr"), 1_000_000)
        XCTAssertNil(SwedishNumber.kronorFactor(unit: "%"))
        // Kronor are rounded to öre, so no floating-point noise reaches a warehouse.
        XCTAssertEqual(SwedishNumber.kronor(32.2, unit: "mnkr"), 32_200_000)
        XCTAssertEqual(SwedishNumber.kronor(-1.005, unit: "tkr"), -1_005)
        XCTAssertEqual(SwedishNumber.kronor(23.125, unit: "kr"), 23.125, "kronor are kept as printed")
        XCTAssertNil(SwedishNumber.kronor(3, unit: "%"))
    }

    func testAFigureWithAUnitOfItsOwnIsAMeasuredQuantity() {
        for printed in ["17 g/port", "1 gång/år", "-1 400 kg", "-1 400 kg 2", "2 av 8", "3,5 MWh", "120 m²", "4,2 tCO2e", "45 m3/s", "0,36 m³/s", "91,4 m3", "12 kg/m2"] {
            XCTAssertTrue(SwedishNumber.isMeasuredQuantity(printed.split(separator: " ").map(String.init)), printed)
        }
        // A range of years labels a row; words after a number are no unit; a number alone is a number.
        for printed in ["2-5 år", "5- år", "3 fastigheter", "12", "Bättre än 2024", "26 Budget"] {
            XCTAssertFalse(SwedishNumber.isMeasuredQuantity(printed.split(separator: " ").map(String.init)), printed)
        }
    }
}
