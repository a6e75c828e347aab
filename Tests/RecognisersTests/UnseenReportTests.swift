import ReportModel
import XCTest

/// A report written for the test in a layout the corpus does not have (numbered sections,
/// `Mål N:` goals, a `Bedömning:` line and an inline `Kommentar:`), from a municipality the corpus
/// does not have: the rules must come from the vocabulary, not from the corpus files.
final class UnseenReportTests: XCTestCase {
    static let text = """
        Årsredovisning 2024
        Barn- och utbildningsnämnden
        Umeå kommun

        1 Inledning
        Barn- och utbildningsnämnden ansvarar för förskola, grundskola och fritidshem i Umeå kommun och har under året
        arbetat med att öka måluppfyllelsen och att hålla budgeten. Nämnden redovisar ett underskott på 5,1 mnkr.

        2 Måluppföljning
        Mål 1: Alla elever ska nå kunskapskraven i samtliga ämnen
        Bedömning: Delvis uppfyllt
        Kommentar: Andelen elever som når kunskapskraven har ökat men målet nås inte fullt ut under året, och
        nämnden fortsätter arbetet med tidiga insatser i de lägre årskurserna.

        Indikator Utfall 2023 Utfall 2024 Mål 2024
        Andel elever med godkända betyg i alla ämnen (%) 78 81 85
        Meritvärde årskurs 9 231,5 235,0 240

        Mål 2: Förskolan ska ha hög kvalitet
        Bedömning: Helt uppfyllt
        Kommentar: Föräldraenkäten visar att nöjdheten med förskolan är fortsatt hög och att barnen trivs i sina grupper,
        vilket är i linje med nämndens mål för året.

        3 Ekonomi
        Driftredovisning (tkr) Budget 2024 Utfall 2024 Avvikelse
        Intäkter 120 500 125 300 4 800
        Personalkostnader -780 200 -790 100 -9 900
        Nettokostnad -659 700 -664 800 -5 100
        """

    func testMetadata() {
        let metadata = recognise(Self.text).metadata
        XCTAssertEqual(metadata.municipality, "Umeå")
        XCTAssertEqual(metadata.municipalityCode, "2480")
        XCTAssertEqual(metadata.organisation, "Barn- och utbildningsnämnden")
        XCTAssertEqual(metadata.reportType, .årsredovisning)
        XCTAssertEqual(metadata.year, 2024)
    }

    func testGoalsAssessmentsAndComments() {
        let report = recognise(Self.text)
        XCTAssertEqual(report.goals.map(\.title), ["Alla elever ska nå kunskapskraven i samtliga ämnen", "Förskolan ska ha hög kvalitet"])
        XCTAssertEqual(report.goals.map(\.status), [.partially_fulfilled, .fulfilled])
        XCTAssertEqual(report.goals.map(\.ref), ["1", "2"])
        XCTAssertTrue(report.goals.first?.analysis?.hasPrefix("Andelen elever som når kunskapskraven") ?? false)
        XCTAssertEqual(report.headings.map(\.text).prefix(3), ["1 Inledning", "2 Måluppföljning", "Mål 1: Alla elever ska nå kunskapskraven i samtliga ämnen"])
    }

    func testIndicatorUnderItsGoalAndTheBudgetTable() {
        let report = recognise(Self.text)
        XCTAssertEqual(report.indicators.map(\.name), ["Andel elever med godkända betyg i alla ämnen (%)", "Meritvärde årskurs 9"])
        // "9 231,5" is the label's school year and a cell, not nine thousand.
        XCTAssertEqual(report.indicators.last?.values.map(\.value), [231.5, 235, 240])
        XCTAssertEqual(report.indicators.first?.goalId, report.goals.first?.id)
        XCTAssertEqual(report.indicators.first?.values.map(\.value), [78, 81, 85])
        XCTAssertEqual(report.indicators.first?.values.map(\.measure), [.outcome, .outcome, .target])
        let table = report.tables.first
        XCTAssertEqual(table?.unit, "tkr")
        XCTAssertEqual(table?.rows.map(\.label), ["Intäkter", "Personalkostnader", "Nettokostnad"])
        XCTAssertEqual(table?.rows.last?.cells.map(\.value), [-659_700, -664_800, -5_100])
        XCTAssertEqual(table?.rows.first?.cells.first?.valueSEK, 120_500_000)
    }

    static let interim = """
        Delårsrapport januari–augusti 2024
        Socialnämnden, Västerås stad

        Nämndens mål

        Verksamhetsmål: Fler brukare ska vara nöjda med hemtjänsten
        Måluppfyllelse: Delvis uppfyllt
        Analys
        Nöjdheten har ökat något sedan förra året men ligger fortfarande under målvärdet, och arbetet med kontinuitet i
        hemtjänsten fortsätter under resten av året med fokus på färre personal per brukare.

        Nyckeltal 2022 2023 Jan-aug 2024 Målvärde 2024
        Väntetid särskilt boende, dagar 45 52 60 ≤40

        Ekonomi
        Resultaträkning, mnkr Budget helår 2024 Prognos helår 2024 Avvikelse
        Intäkter 250,3 262,1 11,8
        Kostnader -1 450,2 -1 480,6 -30,4
        Nettokostnad -1 199,9 -1 218,5 -18,6

        Uppdrag Status Kommentar

        Socialnämnden ges i uppdrag att utreda ett nytt äldreboende i norra Västerås.

        Pågår

        Utredningen redovisas för kommunstyrelsen i december.
        """

    func testAnInterimReportWithPeriodColumns() {
        let report = recognise(Self.interim)
        XCTAssertEqual(report.metadata.reportType, .delårsrapport)
        XCTAssertEqual(report.metadata.period, "januari-augusti")
        XCTAssertEqual(report.metadata.municipalityCode, "1980")
        XCTAssertEqual(report.goals.map(\.status), [.partially_fulfilled])
        let indicator = report.indicators.first
        XCTAssertEqual(indicator?.values.map(\.column), ["2022", "2023", "Jan-aug 2024", "Målvärde 2024"])
        XCTAssertEqual(indicator?.values.last?.comparator, .lessThanOrEqual)
        let table = report.tables.first
        XCTAssertEqual(table?.columns.map(\.header), ["Budget helår 2024", "Prognos helår 2024", "Avvikelse"])
        XCTAssertEqual(table?.columns.map(\.measure), [.budget, .forecast, .other])
        XCTAssertEqual(table?.rows.map { $0.cells.compactMap(\.value) }, [[250.3, 262.1, 11.8], [-1450.2, -1480.6, -30.4], [-1199.9, -1218.5, -18.6]])
        XCTAssertEqual(report.assignments.map(\.status), ["Pågår"])
    }

    func testADocumentWithNothingToCompareSaysSo() {
        let letter = recognise("""
            Beslut

            Tekniska nämnden beslutar att godkänna förslaget till yttrande och att översända det
            till länsstyrelsen.

            Ärendet har beretts av förvaltningen, som inte har något att invända mot ansökan.
            """)
        let warning = letter.warnings.first { $0.code == "report.nothingFound" }
        XCTAssertNotNil(warning)
        XCTAssertTrue(warning?.message.hasPrefix("rapport.txt: no goals, indicators, tables or assignments") == true)

        let budget = recognise("""
            Belopp i tkr                 Budget 2026    Prognos 2026
            Förskola                         -49 033         -54 240
            Grundskola                       -59 779         -60 592

            \(longLine)
            """)
        XCTAssertFalse(budget.warnings.contains { $0.code == "report.nothingFound" })
    }
}
