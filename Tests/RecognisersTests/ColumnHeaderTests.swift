import ReportModel
import XCTest

@testable import Recognisers

/// Header text into a stub and columns, with year and measure, by Swedish column vocabulary.
final class ColumnHeaderTests: XCTestCase {
    func testDifferenceColumnsKeepWhatTheyCompare() {
        let header = ColumnHeader.parse("Belopp i tkr Budget 2023 Bokslut 2023 Avv. Bokslut 2023/ Budget 2023 Bokslut 2022 Diff. Bokslut 2023/ Bokslut 2022")
        XCTAssertEqual(header.stub, "Belopp i tkr")
        XCTAssertEqual(header.columns.map(\.text), [
            "Budget 2023", "Bokslut 2023", "Avv. Bokslut 2023/ Budget 2023", "Bokslut 2022", "Diff. Bokslut 2023/ Bokslut 2022",
        ])
        XCTAssertEqual(header.columns.map(\.isDifference), [false, false, true, false, true])
        XCTAssertEqual(ColumnHeader.parse("Avstämningstillfälle Prognos Avvikelse från bokslut").columns.map(\.text), ["Prognos", "Avvikelse från bokslut"])
    }

    func testModifiersQualifiersAndBareYearsOpenColumns() {
        let header = ColumnHeader.parse("Indikator Periodens utfall Utfall män/ pojkar Utfall VB 2022 Årsmål KF:s årsmål Period")
        XCTAssertEqual(header.stub, "Indikator")
        XCTAssertEqual(header.columns.map(\.text), ["Periodens utfall", "Utfall män/ pojkar", "Utfall VB 2022", "Årsmål", "KF:s årsmål", "Period"])
        XCTAssertEqual(header.columns.map(\.measure), [.outcome, .outcome, .outcome, .target, .target, .other])
        XCTAssertEqual(header.columns.last?.isText, true)
        let years = ColumnHeader.parse("Indikatorer 2021 2022 2023 Etappmål Målvärde 2030")
        XCTAssertEqual(years.columns.map(\.text), ["2021", "2022", "2023", "Etappmål", "Målvärde 2030"])
        XCTAssertEqual(years.columns.map(\.year), [2021, 2022, 2023, nil, 2030])
    }

    func testAGoalAndAnIndicatorColumnFormTheStubOfAMatrix() {
        XCTAssertEqual(ColumnHeader.parse("Nämndmål Nämndindikator 2022 2023 Riktning 2024").stub, "Nämndmål Nämndindikator")
        let bare = ColumnHeader.parse("Mål Indikator 2022 2023")
        XCTAssertEqual(bare.stub, "Mål Indikator")
        XCTAssertEqual(bare.columns.map(\.text), ["2022", "2023"])
    }

    func testRunningTextDoesNotOpenAHeader() {
        XCTAssertFalse(ColumnHeader.canOpen("Budget 2024 med plan för 2025–2029 innefattar inte utrymme för att kunna genomföra ett eventuellt extraval."))
        XCTAssertFalse(ColumnHeader.canOpen("Kommunstyrelsens mål 1 - Kommunens företagsklimat ska förbättras"))
        XCTAssertFalse(ColumnHeader.canOpen("verksamheter är bra, andel (%)"))
        XCTAssertTrue(ColumnHeader.canOpen("Mål 2023 Preliminärt utfall 2023 Utfall 2022 Utfall 2021"))
        XCTAssertTrue(ColumnHeader.canOpen("Bränsle Antal bilar."))
    }

    func testIdentifierColumnsBeforeTheLabelColumnMayMakeTheStubLong() {
        // A header line whose cells the front-end measured: text one space apart, and its cells.
        func canOpenMeasured(_ cells: [String]) -> Bool { ColumnHeader.canOpen(cells.joined(separator: " "), cells: cells) }
        XCTAssertTrue(canOpenMeasured(["Pri o", "Stat us", "Proj Nr", "Investeringar (tkr)", "Budget 2027", "Plan 2028", "Plan 2029", "Total utgift"]))
        let header = ColumnHeader.parse("Prio Status Proj nr Investeringar (tkr) Budget 2027 Plan 2028 Plan 2029")
        XCTAssertEqual(header.identifierStubs, 3)
        XCTAssertEqual(header.columns.map(\.text), ["Budget 2027", "Plan 2028", "Plan 2029"])
        XCTAssertEqual(ColumnHeader.parse("Nr Projekt Budget 2027 Plan 2028").identifierStubs, 1)
        XCTAssertTrue(ColumnHeader.canOpen("Prio Status Projektnr Nya investeringar i verksamheten (tkr) Budget 2027 Plan 2028"))
        // Short cells that name no identifier column, or a label column as long as a sentence: prose.
        XCTAssertFalse(canOpenMeasured(["Vi", "har", "i år", "lagt om arbetet med", "budget 2027 och plan 2028"]))
        XCTAssertFalse(canOpenMeasured(["Status", "Nämnden har fortsatt arbetet med den nya", "Budget 2027", "Plan 2028"]))
        XCTAssertFalse(ColumnHeader.canOpen("Status och utveckling av verksamheten inom ramen för Budget 2027"))
        // A goal/indicator matrix keeps its stub cells: they are no identifier columns.
        XCTAssertEqual(ColumnHeader.parse("Nämndmål Nämndindikator Utfall 2022 Mål 2023").identifierStubs, 0)
        XCTAssertEqual(ColumnHeader.parse("Nr Mål Indikator 2022 2023").identifierStubs, 0)
    }
}
