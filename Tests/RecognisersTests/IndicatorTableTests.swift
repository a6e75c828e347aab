import ReportModel
import XCTest

/// Indicator tables in their printed forms, with values that carry column, year, measure and unit.
final class IndicatorTableTests: XCTestCase {
    func testOneIndicatorPerGoalUnderAnIndikatorLine() throws {
        let report = recognise("""
            Kommunstyrelsens mål 1 - Kommunens företagsklimat ska förbättras

            Bedömning: Helt uppfyllt
            Indikator: Företagsklimat enl. ÖJ (Insikt) - Totalt, NKI

            Mål 2023 Preliminärt utfall 2023 Utfall 2022 Utfall 2021

            72 (73) 72 -

            Indikator: Andel chefer som upplever att tillgängligheten är bra
            (%)

            Mål 2023 Utfall 2023 Utfall 2022 Utfall 2021

            60% 53% 40% 38%

            Kommentar:
            \(longLine)
            """)
        XCTAssertEqual(report.indicators.map(\.name), [
            "Företagsklimat enl. ÖJ (Insikt) - Totalt, NKI", "Andel chefer som upplever att tillgängligheten är bra (%)",
        ])
        let first = report.indicators[0]
        XCTAssertEqual(first.values.map(\.column), ["Mål 2023", "Preliminärt utfall 2023", "Utfall 2022", "Utfall 2021"])
        XCTAssertEqual(first.values.map(\.value), [72, 73, 72, nil])
        XCTAssertEqual(first.values.map(\.measure), [.target, .outcome, .outcome, .outcome])
        XCTAssertEqual(first.values.map(\.year), [2023, 2023, 2022, 2021])
        XCTAssertEqual(first.values.map(\.preliminary), [false, true, false, false])
        XCTAssertEqual(first.values[3].text, "-")
        let second = report.indicators[1]
        XCTAssertEqual(second.unit, "%")
        XCTAssertEqual(second.values.map(\.unit), ["%", "%", "%", "%"])
        // Both are linked to the goal they are printed under.
        XCTAssertNotNil(first.goalId)
        XCTAssertEqual(first.goalId, report.goals.first { $0.title.hasPrefix("Kommunens företagsklimat") }?.id)
        XCTAssertEqual(second.goalId, first.goalId)
    }

    func testAnIndicatorTableWithAWrappedHeaderEmptyCellsAndTextCells() throws {
        let report = recognise("""
            Nämndmål: 3.1.1 Ekonomin är i balans

               Indikator Periodens
            utfall

            Utfall
            män/
            pojkar

            Utfall
            kvinnor/
            flickor

            Utfall VB
            2022 Årsmål KF:s

            årsmål Period

              Nämndens
            budgetföljsamhet

            104,1 %   105,7 % 100 % ≥98 % VB 2023

              Nämndens
            prognossäkerhet T2

            -4 %   6 % +/-1 % +/- 1 % 2023

            Analys
            \(longLine)
            """)
        XCTAssertEqual(report.indicators.map(\.name), ["Nämndens budgetföljsamhet", "Nämndens prognossäkerhet T2"])
        let budget = report.indicators[0]
        XCTAssertEqual(budget.values.map(\.column), ["Periodens utfall", "Utfall VB 2022", "Årsmål", "KF:s årsmål", "Period"])
        XCTAssertEqual(budget.values.map(\.value), [104.1, 105.7, 100, 98, nil])
        XCTAssertEqual(budget.values.map(\.measure), [.outcome, .outcome, .target, .target, .other])
        XCTAssertEqual(budget.values[3].comparator, .greaterThanOrEqual)
        XCTAssertEqual(budget.values[4].text, "VB 2023")
        let forecast = report.indicators[1]
        // A tolerance (±1 %) is kept as text, with no number.
        XCTAssertEqual(forecast.values.map(\.text), ["-4 %", "6 %", "+/-1 %", "+/- 1 %", "2023"])
        XCTAssertEqual(forecast.values.map(\.value), [-4, 6, nil, nil, nil])
        XCTAssertEqual(budget.goalId, report.goals.first?.id)
    }

    func testAnIndicatorTableWithNamesAndValuesOnOneLine() throws {
        let report = recognise("""
            Indikatorer 2021 2022 2023 Etappmål Målvärde 2030

            Andel förnybar energi (%) 45 47 50 60 >73,5
            Antal besök per invånare 3,1 3,4 I.U. Öka ≥975per år

            \(longLine)
            """)
        XCTAssertEqual(report.indicators.map(\.name), ["Andel förnybar energi (%)", "Antal besök per invånare"])
        XCTAssertEqual(report.indicators[0].unit, "%")
        XCTAssertEqual(report.indicators[0].values.map(\.column), ["2021", "2022", "2023", "Etappmål", "Målvärde 2030"])
        XCTAssertEqual(report.indicators[0].values.map(\.measure), [.outcome, .outcome, .outcome, .target, .target])
        XCTAssertEqual(report.indicators[0].values.last?.comparator, .greaterThan)
        XCTAssertEqual(report.indicators[0].values.last?.value, 73.5)
        let visits = report.indicators[1]
        XCTAssertEqual(visits.values.map(\.text), ["3,1", "3,4", "I.U.", "Öka", "≥975per år"])
        XCTAssertEqual(visits.values.map(\.value), [3.1, 3.4, nil, nil, 975])
        XCTAssertEqual(visits.values.last?.comparator, .greaterThanOrEqual)
        XCTAssertTrue(report.tables.isEmpty)
    }

    func testAGoalIndicatorMatrixGivesGoalsFromItsGoalColumn() throws {
        let report = recognise("""
            Målområde: Verksamhet
            Kommunövergripande mål: En organisation med hög produktivitet

             Nämndmål Nämndindikator 2022 2023
            Riktning

            2024

            Genomföra korrekta, rättssäkra
            och tillgängliga val

            Samtliga vallokaler
            är tillgängliga

            I.U. I.U. 100% -
             Samtliga röstmottagare
            har utbildats

            98% I.U 100% -

             Säkerställa en effektiv och
            ändamålsenlig organisation

            Antal möten med
            arbetsforum

            7 I.U. Öka -

            *I.U. betyder ingen uppgift.
            """)
        let parent = try XCTUnwrap(report.goals.first { $0.title == "En organisation med hög produktivitet" })
        let cellGoals = report.goals.filter { $0.level == "Nämndmål" }
        XCTAssertEqual(cellGoals.map(\.title), ["Genomföra korrekta, rättssäkra och tillgängliga val", "Säkerställa en effektiv och ändamålsenlig organisation"])
        XCTAssertEqual(cellGoals.map(\.parentId), [parent.id, parent.id])
        XCTAssertEqual(report.indicators.map(\.name), [
            "Samtliga vallokaler är tillgängliga", "Samtliga röstmottagare har utbildats", "Antal möten med arbetsforum",
        ])
        XCTAssertEqual(report.indicators.map(\.goalId), [cellGoals[0].id, cellGoals[0].id, cellGoals[1].id])
        XCTAssertEqual(report.indicators[1].values.map(\.column), ["2022", "2023", "Riktning 2024"])
        XCTAssertEqual(report.indicators[1].values.map(\.value), [98, nil, 100])
        XCTAssertEqual(report.indicators[2].values.map(\.text), ["7", "I.U.", "Öka"])
        XCTAssertEqual(Set(report.goals.map(\.id)).count, report.goals.count, "goal ids are unique")
    }

    func testAGoalIndicatorMatrixLaidOutInColumnsIsReadFromItsGrid() throws {
        // A goal cell spans the indicator rows beside it; the goal goes on as a list after its
        // colon, a row's values may be words, and a figure may print its unit (`17 kg/inv`).
        let report = recognise("""
            Nämnd  Mål för nämndens verksamhet       Indikator                  Utfall        Mål
                                                                                               2026
            KS     Minskad energianvändning          Energi i kommunens         218           170
                   i kommunens lokaler               lokaler per kvm            (2024)
                                                     Antal lokaler med olja     3             0
            TN     Mindre avfall från                Hushållsavfall per         17 kg/inv     15 kg/inv
                   kommunens verksamheter:           invånare
                   - matavfall                       Nya insamlingskärl         Nytt          Fler än i fjol
                   - förpackningar                   Sorterade fraktioner       2 av 8        6 av 8
            """)
        let goals = report.goals.filter { $0.level == "Mål för nämndens verksamhet" }
        XCTAssertEqual(goals.map(\.title), [
            "Minskad energianvändning i kommunens lokaler",
            "Mindre avfall från kommunens verksamheter: - matavfall - förpackningar",
        ])
        XCTAssertEqual(report.indicators.map(\.name), [
            "Energi i kommunens lokaler per kvm", "Antal lokaler med olja", "Hushållsavfall per invånare",
            "Nya insamlingskärl", "Sorterade fraktioner",
        ])
        XCTAssertEqual(report.indicators.map(\.goalId), [goals[0].id, goals[0].id, goals[1].id, goals[1].id, goals[1].id])
        let waste = try XCTUnwrap(report.indicators.first { $0.name == "Hushållsavfall per invånare" })
        XCTAssertEqual(waste.values.map(\.value), [17, 15])
        XCTAssertEqual(waste.values.map(\.unit), ["kg/inv", "kg/inv"])
        XCTAssertEqual(waste.values.last?.year, 2026)
        XCTAssertEqual(report.indicators.last?.values.map(\.value), [2, 6])
        XCTAssertEqual(report.indicators[3].values.map(\.text), ["Nytt", "Fler än i fjol"])
    }

    func testAGoalTableWithATargetAndAnOutcomeColumn() throws {
        let report = recognise("""
            Verksamhetsberättelse 2025
            Kultur- och fritidsnämnden

            Mål                                  Indikator                      Målvärde     Utfall
            Fler barn och unga ska delta i       Antal deltagartillfällen       12 000       11 400
            kulturskolans verksamhet             Andel flickor                  50 %         58 %
            Biblioteken ska vara öppna för fler  Öppettimmar per vecka          60           64
                                                 Antal besök                    200 000      214 500
            """)
        XCTAssertEqual(report.goals.map(\.title), ["Fler barn och unga ska delta i kulturskolans verksamhet", "Biblioteken ska vara öppna för fler"])
        XCTAssertEqual(report.goals.map(\.status), [nil, nil])
        XCTAssertEqual(report.indicators.map(\.name), ["Antal deltagartillfällen", "Andel flickor", "Öppettimmar per vecka", "Antal besök"])
        guard report.goals.count == 2 else { return }
        XCTAssertEqual(report.indicators.map(\.goalId), ["g1", "g1", "g2", "g2"].map { id in id == "g1" ? report.goals[0].id : report.goals[1].id })
        let visits = try XCTUnwrap(report.indicators.last)
        XCTAssertEqual(visits.values.map(\.measure), [.target, .outcome])
        XCTAssertEqual(visits.values.map(\.value), [200_000, 214_500])
    }

    func testEachGoalsOwnIndicatorTableUnderItsHeadingIsItsOwn() throws {
        // One goal per heading, each followed by its indicator table with the same header: the
        // header printed again starts the next goal's table.
        let report = recognise("""
            Nämndmål 1: Fler barn och unga ska delta i kulturskolan

            Indikator                        Utfall 2024     Utfall 2025     Mål 2025
            Antal elever i kulturskolan      820             870             900
            Andel flickor                    52 %            58 %            50 %

            Målet bedöms vara uppfyllt.

            Nämndmål 2: Biblioteken ska nå fler invånare

            Indikator                        Utfall 2024     Utfall 2025     Mål 2025
            Antal besök                      198 000         214 500         200 000

            Målet bedöms delvis ha uppnåtts.
            """)
        XCTAssertEqual(report.goals.map(\.status), [.fulfilled, .partially_fulfilled])
        guard report.goals.count == 2 else { return }
        XCTAssertEqual(report.indicators.map(\.name), ["Antal elever i kulturskolan", "Andel flickor", "Antal besök"])
        XCTAssertEqual(report.indicators.map(\.goalId), [report.goals[0].id, report.goals[0].id, report.goals[1].id])
    }

    func testCellsThatPrintTargetAndOutcomeTogetherGiveBoth() throws {
        // `Mål (utfall)` over `90 (88)`: the target, and the outcome in brackets.
        let report = recognise("""
            Indikator                                 Mål (utfall) 2024    Mål (utfall) 2025
            Nöjda brukare inom hemtjänsten, %         90 (88)              90 (92)
            Antal nya företag                         120 (131)            130 (118)
            """)
        XCTAssertEqual(report.indicators.map(\.name), ["Nöjda brukare inom hemtjänsten, %", "Antal nya företag"])
        let firms = try XCTUnwrap(report.indicators.last)
        XCTAssertEqual(firms.values.map(\.value), [120, 131, 130, 118])
        XCTAssertEqual(firms.values.map(\.measure), [.target, .outcome, .target, .outcome])
        XCTAssertEqual(firms.values.map(\.year), [2024, 2024, 2025, 2025])
        XCTAssertEqual(firms.values.map(\.text), ["120 (131)", "120 (131)", "130 (118)", "130 (118)"])
    }

    func testAGoalCellFlattenedAfterItsFirstIndicatorStillOwnsIt() {
        let report = recognise("""
            Nämndmål Nämndindikator 2022 2023

            Lättillgänglig
            information om
            valet

            I.U. I.U.

            -  Säkerställa att kommunen
            informerar om hur
            valet går till

            Ändamålsenlig
            utbildning hålls

            Genomfördes

            I.U

            *I.U. betyder ingen uppgift.
            """)
        XCTAssertEqual(report.goals.map(\.title), ["Säkerställa att kommunen informerar om hur valet går till"])
        XCTAssertEqual(report.indicators.map(\.name), ["Lättillgänglig information om valet", "Ändamålsenlig utbildning hålls"])
        XCTAssertEqual(report.indicators.map(\.goalId), [report.goals[0].id, report.goals[0].id])
        XCTAssertEqual(report.indicators[1].values.map(\.text), ["Genomfördes", "I.U"])
    }

    /// A form's indicators: each name over a line of labelled values.
    func testAnIndicatorsValuesPrintedAsLabelledPairsUnderItsName() throws {
        let report = recognise("""
            Nämndmål: Alla elever ska ges förutsättningar att nå kunskapskraven

            Andel elever i åk 9 som är behöriga till gymnasiet
            Utfall 2025: 84,5 %    Målvärde 2025: 88 %    Utfall 2024: 83,9 %
            Andel nöjda vårdnadshavare i förskolan
            Utfall 2025: 92 %      Målvärde 2025: ≥90 %   Utfall 2024: (91 %)

            Resultat: 12 mnkr efter finansnetto, vilket är bättre än budget.

            Nämnden har under året arbetat vidare med de mål som fullmäktige har satt upp för
            andelen elever med godkända betyg
            Utfall 2025: 80 %    Mål 2025: 85 %
            """)
        XCTAssertEqual(report.indicators.map(\.name), ["Andel elever i åk 9 som är behöriga till gymnasiet", "Andel nöjda vårdnadshavare i förskolan"])
        XCTAssertEqual(report.indicators.map(\.goalId), [report.goals.first?.id, report.goals.first?.id])
        let second = try XCTUnwrap(report.indicators.last)
        XCTAssertEqual(second.values.map(\.measure), [.outcome, .target, .outcome])
        XCTAssertEqual(second.values.map(\.year), [2025, 2025, 2024])
        XCTAssertEqual(second.values.map(\.value), [92, 90, 91])
        XCTAssertEqual(second.values.map(\.text), ["92 %", "≥90 %", "(91 %)"])
        XCTAssertEqual(second.values[1].comparator, .greaterThanOrEqual)
        XCTAssertEqual(second.values[2].preliminary, true)
    }
}
