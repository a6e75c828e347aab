import ReportModel
import XCTest

/// Goals listed in a table with their assessment in the last column.
final class GoalTableTests: XCTestCase {
    func testEachRowIsAGoalWithItsAssessmentAndWrappedTitlesJoin() {
        let report = recognise("""
            Verksamhetsberättelse 2023
            Förskolenämnden i Lund

            Nämndmål Bedömning
            Alla barn ska känna sig trygga i förskolan Uppfyllt
            Andelen legitimerade förskollärare ska öka och
            nå minst 60 procent Delvis uppfyllt
            Sjukfrånvaron bland medarbetarna ska minska Ej uppfyllt

            Kommentar
            \(longLine)
            """)
        XCTAssertEqual(report.goals.map(\.title), [
            "Alla barn ska känna sig trygga i förskolan",
            "Andelen legitimerade förskollärare ska öka och nå minst 60 procent",
            "Sjukfrånvaron bland medarbetarna ska minska",
        ])
        XCTAssertEqual(report.goals.map(\.status), [.fulfilled, .partially_fulfilled, .not_fulfilled])
        XCTAssertEqual(report.goals.map(\.statusText), ["Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt"])
        XCTAssertEqual(report.goals.first?.level, "Nämndmål")
        XCTAssertEqual(report.metadata.municipality, "Lund")
        XCTAssertTrue(report.warnings.isEmpty, "\(report.warnings)")
    }

    func testATableOfFiguresUnderAGoalWordIsNoGoalTable() {
        let report = recognise("""
            Mål Utfall 2023 Utfall 2024
            Andel nöjda brukare 80 82
            """)
        XCTAssertEqual(report.goals, [])
    }
}
