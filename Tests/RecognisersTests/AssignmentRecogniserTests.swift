import ReportModel
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
