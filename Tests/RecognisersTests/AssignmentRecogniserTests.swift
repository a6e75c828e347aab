import Layout
import Recognisers
import ReportModel
import ReportSource
import XCTest

final class AssignmentRecogniserTests: XCTestCase {
    func testDatedActivitiesWithTitlesOverSeveralLinesAndComments() {
        let report = recognise("""
            Aktivitet Startdatum Slutdatum Avvikelse

            Rutinerna för arkivering ska ses över
            och dokumenteras

            2024-01-01 2024-12-31

            Utbildning av personal. 2024-02-01 2024-06-30

            Aktiviteten har genomförts under året.

            Ny rutin för
            diarieföring

            2024-03-01 2024-09-30
            """)
        XCTAssertEqual(report.assignments.map(\.title), [
            "Rutinerna för arkivering ska ses över och dokumenteras", "Utbildning av personal.", "Ny rutin för diarieföring",
        ])
        XCTAssertEqual(report.assignments.map(\.start), ["2024-01-01", "2024-02-01", "2024-03-01"])
        XCTAssertEqual(report.assignments.map(\.end), ["2024-12-31", "2024-06-30", "2024-09-30"])
        XCTAssertEqual(report.assignments.dropFirst().first?.comment, "Aktiviteten har genomförts under året.")
        XCTAssertEqual(report.assignments.first?.kind, .activity)
    }

    func testAssignmentsWithStatusAndCommentsSplitOnTheWordsThatGiveAnAssignment() {
        let report = recognise("""
            Uppdrag Status Kommentar

            Socialförvaltningen får i uppdrag att ta fram
            en plan för hemtjänsten.

            Klart

            Planen antogs i maj.

            Socialförvaltningen ges i uppdrag att utreda
            boendeplaneringen.

            Utredningen pågår och redovisas
            under hösten.
            """)
        XCTAssertEqual(report.assignments.count, 2)
        XCTAssertEqual(report.assignments[0].status, "Klart")
        XCTAssertEqual(report.assignments[0].comment, "Planen antogs i maj.")
        XCTAssertEqual(report.assignments[1].comment, "Utredningen pågår och redovisas under hösten.")
    }

    func testInternalControlRisksAreItemsNamedBeforeTheirDescription() {
        let report = recognise("""
            Identifierad risk Beskrivning Kontroll Bedömning Resultat Åtgärd

            Felaktiga
            utbetalningar

            Risk för ekonomisk skada
            för enskilda.

            Stickprov av utbetalningar.

            Inga fel hittades.

            Inga åtgärder.

            Bristande
            informationssäkerhet

            Risk att uppgifter
            sprids.

            Granskning av behörigheter.

            Två avvikelser.

            Utbildning genomförs.
            """)
        XCTAssertEqual(report.assignments.map(\.title), ["Felaktiga utbetalningar", "Bristande informationssäkerhet"])
        XCTAssertEqual(report.assignments.map(\.comment), ["Inga åtgärder.", "Utbildning genomförs."])
        XCTAssertEqual(report.assignments.first?.kind, .risk)
    }

    func testAFollowUpTableLaidOutInColumnsOfText() {
        // `pdftotext -layout` text: the assignment and its comment side by side, each wrapping
        // in its own column; the columns are the cells.
        let report = recognise("""
            Uppdrag
             Uppdrag                                                     Status   Kommentar

             Förvaltningen får i uppdrag att ta fram en                           Planen antogs av nämnden i
             handlingsplan för digitala tjänster till                             december.
             invånarna.

             Förvaltningen får i uppdrag att utreda                     Pågår     Utredningen redovisas i
             samlokalisering av kontoren.                                         mars.
            """)
        XCTAssertEqual(report.assignments.map(\.title), [
            "Förvaltningen får i uppdrag att ta fram en handlingsplan för digitala tjänster till invånarna.",
            "Förvaltningen får i uppdrag att utreda samlokalisering av kontoren.",
        ])
        XCTAssertEqual(report.assignments.map(\.comment), ["Planen antogs av nämnden i december.", "Utredningen redovisas i mars."])
        XCTAssertEqual(report.assignments.map(\.status), [nil, "Pågår"])
    }

    /// Audit questions and control items are followed up like assignments, and say which they are.
    func testAuditQuestionsAndControlItemsAreItemsOfTheirOwnKind() {
        let report = recognise("""
            Revisionsfråga                                              Bedömning          Kommentar

             Har nämnden en antagen internkontrollplan för året?        Uppfyllt           Planen antogs i
                                                                                           februari.

             Följer nämnden upp sin internkontrollplan?                 Delvis uppfyllt    Uppföljningen saknas
                                                                                           vid delåret.

            Kontrollmoment                                              Status             Kommentar

             Attest av leverantörsfakturor                              Genomfört          Inga avvikelser.
            """)
        XCTAssertEqual(report.assignments.map(\.title), [
            "Har nämnden en antagen internkontrollplan för året?", "Följer nämnden upp sin internkontrollplan?",
            "Attest av leverantörsfakturor",
        ])
        XCTAssertEqual(report.assignments.map(\.kind), [.audit, .audit, .control])
        XCTAssertEqual(report.assignments.map(\.status), ["Uppfyllt", "Delvis uppfyllt", "Genomfört"])
        XCTAssertEqual(report.assignments.first?.comment, "Planen antogs i februari.")
    }

    /// A table found from geometry whose header over the row labels names them as items (an
    /// action plan: `Namn på åtgärd | Startdatum | Effekt tkr`), its first item's name wrapped.
    func testATableWhoseLabelsTheHeaderNamesAsItemsListsThoseItems() {
        func lines(stub: String) -> [SourceLine] {
            [
                measuredLine([("Åtgärder i handlingsplanen", 50)], number: 1, letterWidth: 4.5),
                SourceLine(text: "", lineNumber: 2),
                measuredLine([(stub, 50), ("Startdatum", 260), ("Effekt tkr", 400)], number: 3, letterWidth: 4.5),
                measuredLine([("Samlokalisering av", 50), ("2026-04-01", 262), ("200", 410)], number: 4, letterWidth: 4.5),
                measuredLine([("verksamheterna", 50)], number: 5, letterWidth: 4.5),
                measuredLine([("Minskad övertid", 50), ("2026-10-01", 262), ("150", 410)], number: 6, letterWidth: 4.5),
                measuredLine([("Summa", 50), ("350", 410)], number: 7, letterWidth: 4.5),
            ]
        }
        func report(_ lines: [SourceLine]) -> Report {
            let source = SourceDocument(name: "plan.pdf", kind: .pdf, pages: [SourcePage(number: 1, width: 595, height: 842, lines: lines)])
            return ReportRecogniser().recognise(LayoutAnalyser().analyse(source))
        }
        let plan = report(lines(stub: "Namn på åtgärd"))
        XCTAssertEqual(plan.assignments.map(\.title), ["Samlokalisering av verksamheterna", "Minskad övertid"])
        XCTAssertEqual(plan.assignments.map(\.kind), [.activity, .activity])
        XCTAssertEqual(plan.assignments.map(\.start), ["2026-04-01", "2026-10-01"])
        XCTAssertEqual(plan.assignments.map(\.id), ["a1", "a2"])
        // The figures stay a table of their own, its total no item.
        XCTAssertEqual(plan.tables.first?.rows.count, 3)
        // Labels under a unit, or under a caption that only mentions actions, are no items.
        XCTAssertEqual(report(lines(stub: "Belopp i tkr")).assignments, [])
        XCTAssertEqual(report(lines(stub: "Kostnad för varje åtgärd som nämnden beslutat")).assignments, [])
        // Activities counted, not followed up: no column of dates, status or comment.
        let counted = report([
            measuredLine([("Aktivitet", 50), ("Antal 2024", 260), ("Antal 2025", 400)], number: 1, letterWidth: 4.5),
            measuredLine([("Simskola", 50), ("120", 270), ("135", 410)], number: 2, letterWidth: 4.5),
            measuredLine([("Lovaktiviteter", 50), ("48", 270), ("52", 410)], number: 3, letterWidth: 4.5),
        ])
        XCTAssertEqual(counted.assignments, [])
        XCTAssertFalse(counted.tables.isEmpty)
    }

    /// Rows set without space between them, each with its status: a row per status, whether a
    /// title wraps below its status (lower case) or above it (the row set at its bottom line).
    func testRowsSetWithoutSpaceBetweenThemAreOneItemPerStatus() {
        let report = recognise("""
            Uppdrag                                            Status         Kommentar
            Utreda samlokalisering av                          Pågår          Klart i december.
            boenden
            Ta fram en plan för heltid som norm                Klart          Planen antogs i maj.
            Se över avgifterna för
            hemtjänsten                                        Ej påbörjat    Startar 2026.
            """)
        XCTAssertEqual(report.assignments.map(\.title), [
            "Utreda samlokalisering av boenden", "Ta fram en plan för heltid som norm", "Se över avgifterna för hemtjänsten",
        ])
        XCTAssertEqual(report.assignments.map(\.status), ["Pågår", "Klart", "Ej påbörjat"])
        XCTAssertEqual(report.assignments.map(\.comment), ["Klart i december.", "Planen antogs i maj.", "Startar 2026."])
    }

    /// Items from a table found from geometry and items from a table read from its header's
    /// words are numbered in the order they are printed.
    func testItemsOfBothReadingsAreNumberedInPrintedOrder() {
        let lines = [
            measuredLine([("Namn på åtgärd", 50), ("Startdatum", 260), ("Effekt tkr", 400)], number: 1, letterWidth: 4.5),
            measuredLine([("Samlokalisering", 50), ("2026-04-01", 262), ("200", 410)], number: 2, letterWidth: 4.5),
            measuredLine([("Minskad övertid", 50), ("2026-10-01", 262), ("150", 410)], number: 3, letterWidth: 4.5),
            SourceLine(text: "", lineNumber: 4),
            measuredLine([("Nämnden har därutöver gett förvaltningen ett uppdrag under året, som följs upp här.", 50)], number: 5, letterWidth: 4.5),
            SourceLine(text: "", lineNumber: 6),
            measuredLine([("Uppdrag", 50), ("Status", 260), ("Kommentar", 400)], number: 7, letterWidth: 4.5),
            measuredLine([("Utreda samlokalisering av boenden", 50), ("Pågår", 260), ("Klart i december.", 400)], number: 8, letterWidth: 4.5),
        ]
        let source = SourceDocument(name: "plan.pdf", kind: .pdf, pages: [SourcePage(number: 1, width: 595, height: 842, lines: lines)])
        let report = ReportRecogniser().recognise(LayoutAnalyser().analyse(source))
        XCTAssertEqual(report.assignments.map(\.title), ["Samlokalisering", "Minskad övertid", "Utreda samlokalisering av boenden"])
        XCTAssertEqual(report.assignments.map(\.id), ["a1", "a2", "a3"])
    }

    func testANumberedListOfAssignmentsGivenIsNotAFollowUp() {
        let report = recognise("""
            Strategiska utvecklingsuppdrag

            1. Samtliga nämnder ska fortsätta arbetet med civil beredskap.

            2. Samtliga nämnder ska minska sjukfrånvaron.
            """)
        XCTAssertEqual(report.assignments, [])
    }

    func testAnAssignmentInALaterChapterBelongsToNoGoalButOneUnderTheGoalDoes() {
        // Activities printed under a goal are the goal's; the assignments of a chapter of their
        // own (after a heading that closes the goal's section) are no goal's.
        let report = recognise("""
            Måluppföljning

            Nämndmål: Alla barn ska ha en trygg skolväg

            Uppfylls delvis

            Aktivitet Startdatum Slutdatum Avvikelse

            Ny skolskjutsplanering 2024-01-01 2024-12-31

            Uppdrag från fullmäktige

            Uppdrag Status Kommentar

            Socialförvaltningen får i uppdrag att ta fram
            en plan för hemtjänsten.

            Klart
            """)
        XCTAssertEqual(report.goals.count, 1)
        XCTAssertEqual(report.assignments.map(\.goalId), [report.goals.first?.id, nil])
    }
}
