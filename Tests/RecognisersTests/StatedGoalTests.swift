import ReportModel
import XCTest

/// Goals stated in lists and prose rather than under a goal label.
final class StatedGoalTests: XCTestCase {
    func testNumberedItemsUnderAGoalLevelHeadingAreGoalsWithTheirStages() {
        let report = recognise("""
            Övergripande mål

            1. År 2040 ska utsläppen i länet vara 80 procent lägre än år 1990. Etappmål är 50 procent lägre utsläpp år 2030. Nuläge år 2020: 30 procent.

            Underliggande mål

            2. År 2030 ska all el vara förnybar. Nuläge år 2020: 60 procent.
            """)
        XCTAssertEqual(report.goals.map(\.title), [
            "År 2040 ska utsläppen i länet vara 80 procent lägre än år 1990.", "50 procent lägre utsläpp år 2030.",
            "År 2030 ska all el vara förnybar.",
        ])
        XCTAssertEqual(report.goals.map(\.level), ["Övergripande mål", "Etappmål", "Underliggande mål"])
        XCTAssertEqual(report.goals.map(\.ref), ["1", nil, "2"])
        guard report.goals.count == 3 else { return }
        XCTAssertEqual(report.goals[1].parentId, report.goals[0].id)
        XCTAssertNil(report.goals[2].parentId)
    }

    func testALabelOnlyHeadingTakesTheLineBelowAsItsTitle() {
        let report = recognise("""
            2.3 STRATEGISKT MÅL NR 4

            Minska kommunens energianvändning i egna lokaler

            \(longLine)
            """)
        XCTAssertEqual(report.goals.map(\.title), ["Minska kommunens energianvändning i egna lokaler"])
        XCTAssertEqual(report.goals.first?.level, "Strategiskt mål")
        XCTAssertEqual(report.goals.first?.ref, "4")
    }

    func testTheFinancialGoalInProse() {
        let report = recognise("""
            Ekonomi
            Kravet på god ekonomisk hushållning gäller. Det finansiella målet för 2025 är att resultatet ska vara 2 procent av skatteintäkterna. Det nåddes inte.
            """)
        XCTAssertEqual(report.goals.map(\.title), ["resultatet ska vara 2 procent av skatteintäkterna"])
    }

    func testProseAboutSettingFinancialGoalsStatesNone() {
        // What the law asks of a budget, not a goal: `är` belongs to a relative clause.
        let report = recognise("""
            God ekonomisk hushållning
            I enlighet med kommunallagen ska kommunfullmäktige i sin budget fastställa finansiella mål och verksamhetsmål som är av betydelse för god ekonomisk hushållning. Målen ska användas för styrning.
            """)
        XCTAssertEqual(report.goals.map(\.title), [])
        // An auditor's judgement of the goals states none either.
        let judged = recognise("""
            God ekonomisk hushållning
            När det gäller de finansiella målen för god ekonomisk hushållning är det vår bedömning att resultatet är förenligt med dem. Verksamheten följer planen.
            """)
        XCTAssertEqual(judged.goals.map(\.title), [])
    }

    func testOrdinaryNumberedListsAreNotGoals() {
        let report = recognise("""
            Insatsområden

            1. Förnybar energiproduktion i hela länet.

            2. Hållbara transporter för alla invånare.
            """)
        XCTAssertEqual(report.goals, [])
    }
}
