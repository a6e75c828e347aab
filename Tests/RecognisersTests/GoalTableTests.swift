import Layout
import Recognisers
import ReportModel
import ReportSource
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

    func testAHeaderSetInCellsUnderALineOfItsBlockStartsTheTable() {
        // A caption stands right above the header, nothing but line spacing between, and the
        // rows' statuses are icons (no words): the layout joins caption, header and rows in one
        // block, and the header is the block's second line.
        let green = RGBColor(red: 40, green: 160, blue: 60), red = RGBColor(red: 220, green: 30, blue: 30)
        func row(_ title: String, _ number: Int, icon: RGBColor) -> SourceLine {
            var line = measuredLine([(title, 70)], number: number, letterWidth: 5)
            line.icons = [IconMark(color: icon, box: BoundingBox(x: 420, y: Double(number) * 14, width: 9, height: 9))]
            return line
        }
        let lines = [
            measuredLine([("Nämndens mål och hur de bedöms i år.", 70)], number: 1, letterWidth: 5),
            measuredLine([("Mål", 70), ("Måluppfyllelse", 400)], number: 2, letterWidth: 5),
            row("Alla barn ska känna sig trygga i förskolan", 3, icon: green),
            row("Sjukfrånvaron ska minska", 4, icon: red),
        ]
        let source = SourceDocument(name: "rapport.pdf", kind: .pdf, pages: [SourcePage(number: 1, width: 595, height: 842, lines: lines)])
        let report = ReportRecogniser().recognise(LayoutAnalyser().analyse(source))
        XCTAssertEqual(report.goals.map(\.title), ["Alla barn ska känna sig trygga i förskolan", "Sjukfrånvaron ska minska"])
        XCTAssertEqual(report.goals.map(\.statusIcon), [.green, .red])
        // A line of running text that starts with a goal word and names a status is no header.
        let prose = recognise("""
            Målen bedöms med tre nivåer enligt nedan.
            Mål och status följs upp varje tertial av nämnden.
            Alla barn ska känna sig trygga i förskolan Uppfyllt
            """)
        XCTAssertEqual(prose.goals, [])
    }

    func testAnAssessmentInACellBeforeTheCommentEndsItsRow() {
        let report = recognise("""
            Mål                                                         Bedömning      Kommentar
            Brukarna ska vara nöjda med hemtjänsten                     Uppfyllt       Nöjdheten var 91 %.
            Väntetiden till särskilt boende ska minska                  Ej uppfyllt    Väntetiden ökade till 74 dagar.
            """)
        XCTAssertEqual(report.goals.map(\.title), ["Brukarna ska vara nöjda med hemtjänsten", "Väntetiden till särskilt boende ska minska"])
        XCTAssertEqual(report.goals.map(\.status), [.fulfilled, .not_fulfilled])
        XCTAssertEqual(report.goals.map(\.statusText), ["Uppfyllt", "Ej uppfyllt"])
    }

    func testATableOfFiguresUnderAGoalWordIsNoGoalTable() {
        let report = recognise("""
            Mål Utfall 2023 Utfall 2024
            Andel nöjda brukare 80 82
            """)
        XCTAssertEqual(report.goals, [])
    }
    /// A goal table set in columns with indicators and figures between goal and assessment: the
    /// goal is the first column's text, whether a row's lines wrap below the assessment's line
    /// or above it, and another column's wrapped text stays out of it.
    func testTheGoalOfARowSetInCellsIsItsFirstColumn() {
        let header = "Mål                                  Indikator                              Målvärde   Utfall   Bedömning"
        let atTop = recognise("""
            Nämndens mål 2025

            \(header)
            Alla elever ska nå                   Andel elever med godkända              90         87       Delvis uppfyllt
            kunskapskraven                       betyg (%)
            Fler ska välja att bo i kommunen     Befolkningsökning (antal)              200        240      Uppfyllt
            Minskad klimatpåverkan               Utsläpp av koldioxid                   1 000      1 250    Ej uppfyllt
                                                 (ton)
            """)
        let atBottom = recognise("""
            Nämndens mål 2025

            \(header)
            Alla elever ska nå                   Andel elever med godkända
            kunskapskraven                       betyg (%)                              90         87       Delvis uppfyllt
            Fler ska välja att bo i kommunen     Befolkningsökning (antal)              200        240      Uppfyllt
            Minskad klimatpåverkan               Utsläpp av koldioxid
                                                 (ton)                                  1 000      1 250    Ej uppfyllt
            """)
        for report in [atTop, atBottom] {
            XCTAssertEqual(report.goals.map(\.title), ["Alla elever ska nå kunskapskraven", "Fler ska välja att bo i kommunen", "Minskad klimatpåverkan"])
            XCTAssertEqual(report.goals.map(\.status), [.partially_fulfilled, .fulfilled, .not_fulfilled])
        }
    }
}
