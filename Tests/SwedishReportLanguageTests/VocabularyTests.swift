import SwedishReportLanguage
import XCTest

final class VocabularyTests: XCTestCase {
    func testAssessmentsInEveryPrintedForm() {
        let cases: [(String, AssessmentKind)] = [
            ("Uppfylls helt", .fulfilled), ("Helt uppfyllt", .fulfilled), ("Bedömning:  Delvis uppfyllt", .partially_fulfilled),
            ("Uppfylls delvis", .partially_fulfilled), ("I hög grad uppfyllt", .largely_fulfilled),
            ("Uppfylls inte", .not_fulfilled), ("Ej uppfyllt", .not_fulfilled), ("Ej utvärderad", .not_evaluated),
        ]
        for (text, kind) in cases {
            XCTAssertEqual(AssessmentVocabulary.assessment(inLine: text)?.kind, kind, text)
        }
        XCTAssertEqual(AssessmentVocabulary.assessment(inLine: " Uppfylls helt ")?.printed, "Uppfylls helt")
    }

    func testPagesThatSpeakOfWhatStatusIconsAssess() {
        XCTAssertTrue(ReportVocabulary.mayShowStatusIcons("Nämndmål 2025 Alla barn ska känna sig trygga"))
        XCTAssertTrue(ReportVocabulary.mayShowStatusIcons("Uppdrag Status Kommentar"))
        XCTAssertTrue(ReportVocabulary.mayShowStatusIcons("Teckenförklaring: Helt uppfyllt Delvis uppfyllt"))
        XCTAssertFalse(ReportVocabulary.mayShowStatusIcons("Extra kärl Avgift, kr/år Restavfall, 190 liter 1 575"))
        XCTAssertFalse(ReportVocabulary.mayShowStatusIcons("§ 12 Justering av protokoll. Ordföranden förklarar sammanträdet öppnat."))
    }

    func testUnitsACaptionOrTitleStates() {
        XCTAssertEqual(TableVocabulary.unit(inCaption: "Belopp i tkr"), "tkr")
        XCTAssertEqual(TableVocabulary.unit(inCaption: "Personalomsättning extern i procent (tillsvidareanställda)"), "%")
        XCTAssertEqual(TableVocabulary.unit(inCaption: "Andel behöriga lärare i %"), "%")
        XCTAssertNil(TableVocabulary.unit(inCaption: "Procentuell förändring av befolkningen"))
    }

    func testWrappedLinesJoinBrokenWordsButNotSuspendedCompounds() {
        XCTAssertEqual(TableWords.joinWrapped(["Andel tillgänglighets-", "anpassade lokaler"]), "Andel tillgänglighetsanpassade lokaler")
        XCTAssertEqual(TableWords.joinWrapped(["Kultur-", "och fritidsnämnden"]), "Kultur- och fritidsnämnden")
        XCTAssertEqual(TableWords.joinWrapped(["Tillämpningsanvisningar OPF-", "KR 26"]), "Tillämpningsanvisningar OPF-KR 26")
        XCTAssertEqual(TableWords.joinWrapped(["Intäkter -", "Kostnader"]), "Intäkter - Kostnader")
    }

    func testRegistrationNumbersAndTheInitialsOfBoards() {
        XCTAssertEqual(RegistrationNumber.registryPrefixes(in: "Dnr. KS 2013/375"), ["KS"])
        XCTAssertEqual(RegistrationNumber.registryPrefixes(in: "Diarienummer:\u{00A0}BUN 2026.027  Datum: 2026-05-05"), ["BUN"])
        XCTAssertEqual(RegistrationNumber.registryPrefixes(in: "Vårt dnr: SN 2024-00112"), ["SN"])
        XCTAssertEqual(RegistrationNumber.registryPrefixes(in: "(dnr KS 2013/375)"), ["KS"])
        // No prefix, a word rather than a prefix, or no case number after it.
        XCTAssertEqual(RegistrationNumber.registryPrefixes(in: "Dnr: 2016.127"), [])
        XCTAssertEqual(RegistrationNumber.registryPrefixes(in: "Dnr Kommunstyrelsen 2013/375"), [])
        XCTAssertEqual(RegistrationNumber.registryPrefixes(in: "Dnr KS saknas"), [])
        let heads = ["nämnden", "styrelsen", "förbundet"]
        XCTAssertEqual(RegistrationNumber.initials(ofBoard: "barn- och ungdomsnämnden", heads: heads), "BUN")
        XCTAssertEqual(RegistrationNumber.initials(ofBoard: "tekniska nämnden", heads: heads), "TN")
        XCTAssertEqual(RegistrationNumber.initials(ofBoard: "kommunstyrelsen", heads: heads), "KS")
        XCTAssertEqual(RegistrationNumber.initials(ofBoard: "socialnämnden", heads: heads), "SN")
    }

    func testAHeaderOverRowLabelsNamesTheItemsItLists() {
        XCTAssertEqual(AssignmentVocabulary.itemKind(namedByStub: "Namn på åtgärd"), .activity)
        XCTAssertEqual(AssignmentVocabulary.itemKind(namedByStub: "Aktiviteter 2026"), .activity)
        XCTAssertEqual(AssignmentVocabulary.itemKind(namedByStub: "Uppdrag"), .assignment)
        XCTAssertEqual(AssignmentVocabulary.itemKind(namedByStub: "Identifierad risk"), .risk)
        XCTAssertNil(AssignmentVocabulary.itemKind(namedByStub: "Belopp i tkr"))
        XCTAssertNil(AssignmentVocabulary.itemKind(namedByStub: "Åtgärdsplan"))
        XCTAssertNil(AssignmentVocabulary.itemKind(namedByStub: "Kostnad för varje åtgärd som nämnden beslutat"))
    }

    func testSentencesAreNotAssessments() {
        XCTAssertNil(AssessmentVocabulary.assessment(inLine: "Detta innebär att målet anses vara delvis uppfyllt."))
        XCTAssertNil(AssessmentVocabulary.assessment(inLine: "Målet om uppfyllt resultat"))
    }

    func testLabelledGoalLines() {
        let kf = GoalLabels.labelledGoal(in: "KF:s inriktningsmål: 1. Ett Stockholm som håller samman med en")
        XCTAssertEqual(kf?.level, "KF:s inriktningsmål")
        XCTAssertEqual(kf?.ref, "1")
        XCTAssertEqual(kf?.title, "Ett Stockholm som håller samman med en")
        let board = GoalLabels.labelledGoal(in: "Kommunstyrelsens mål 3 - Andelen hushåll ska öka")
        XCTAssertEqual(board?.level, "Kommunstyrelsens mål")
        XCTAssertEqual(board?.ref, "3")
        XCTAssertEqual(board?.title, "Andelen hushåll ska öka")
        XCTAssertEqual(GoalLabels.labelledGoal(in: "Nämndmål: 3.1.1 Alla ska ha goda möjligheter att rösta")?.ref, "3.1.1")
        XCTAssertEqual(GoalLabels.labelledGoal(in: "KF:s mål för verksamhetsområdet: 3.1 Ekonomin är stark")?.level,
                       "KF:s mål för verksamhetsområdet")
        XCTAssertEqual(GoalLabels.labelledGoal(in: "Kommunövergripande mål: En hållbar ekonomi")?.level, "Kommunövergripande mål")
        XCTAssertEqual(GoalLabels.labelledGoal(in: "Verksamhetsmål 2: Fler äldre ska vara nöjda")?.ref, "2")
        XCTAssertEqual(GoalLabels.labelledGoal(in: "Målområde Samhälle")?.title, "Samhälle")
        XCTAssertEqual(GoalLabels.labelledGoal(in: "Mål 1: Alla elever ska nå kunskapskraven i samtliga ämnen")?.ref, "1")
        XCTAssertEqual(GoalLabels.labelledGoal(in: "Mål 2: Förskolan ska ha hög kvalitet")?.title, "Förskolan ska ha hög kvalitet")
        XCTAssertEqual(GoalLabels.labelledGoal(in: "Fokusområde: Livsmiljö")?.level, "Fokusområde")
    }

    func testALabelAndNumberAloneHaveTheirTitleBelow() {
        // `MÅL 11` is goal 11 with its title on the next lines, not goal 1 titled "1".
        XCTAssertNil(GoalLabels.labelledGoal(in: "MÅL 11"))
        XCTAssertNil(GoalLabels.labelledGoal(in: "Nämndmål: 12"))
        XCTAssertEqual(GoalLabels.labelOnly("MÅL 11")?.ref, "11")
        XCTAssertEqual(GoalLabels.labelOnly("MÅL 11")?.level, "Mål")
        XCTAssertEqual(GoalLabels.labelOnly("Långsiktigt mål nr 2")?.level, "Långsiktigt mål")
        XCTAssertNil(GoalLabels.labelOnly("Mål 2: Förskolan ska ha hög kvalitet"))
        // A number that runs on into the title is still read whole.
        XCTAssertEqual(GoalLabels.labelledGoal(in: "Mål 12 Alla ska ha en trygg skolgång")?.ref, "12")
        XCTAssertEqual(GoalLabels.labelledGoal(in: "Mål 12 Alla ska ha en trygg skolgång")?.title, "Alla ska ha en trygg skolgång")
    }

    func testLinesThatOnlyMentionGoalsAreNotGoals() {
        // A sentence about a numbered goal, not the goal itself.
        XCTAssertNil(GoalLabels.labelledGoal(in: "Mål 6 handlar om att försäkra att alla människor har tillgång till rent vatten."))
        XCTAssertNil(GoalLabels.labelledGoal(in: "Mål 12 har av OECD identifierats som den största utmaningen för Sverige."))
        XCTAssertEqual(GoalLabels.labelledGoal(in: "Mål 3 - öka andelen förnybar energi")?.ref, "3")
        XCTAssertNil(GoalLabels.labelledGoal(in: "Målområde samhälle beskriver vad kommunen ska uppnå för att utveckla närmiljön"))
        XCTAssertNil(GoalLabels.labelledGoal(in: "Mål 2023 Preliminärt utfall 2023 Utfall 2022 Utfall 2021"))
        XCTAssertNil(GoalLabels.labelledGoal(in: "Inom målet - arbetet har fortsatt"))
    }

    func testColumnHeaderRowsAndCaptions() {
        XCTAssertTrue(ReportVocabulary.isColumnHeaderRow("Delprogram Budget Utfall Utfall %"))
        XCTAssertTrue(ReportVocabulary.isColumnHeaderRow("Sjukfrånvaro* 2022 2023 Differens"))
        XCTAssertFalse(ReportVocabulary.isColumnHeaderRow("Internbudget 2024 med plan för 2025–2029"))
        XCTAssertTrue(ReportVocabulary.isUnitCaption("Belopp i tkr"))
        XCTAssertTrue(ReportVocabulary.isUnitCaption("Nettokostnad, belopp mnkr"))
        XCTAssertFalse(ReportVocabulary.isUnitCaption("med 6,7 mnkr gentemot redovisat resultat."))
        // An amount heading a comment names a figure, not a table's unit; a year before the unit does not.
        XCTAssertFalse(ReportVocabulary.isUnitCaption("Förskola + 6 239 tkr"))
        XCTAssertFalse(ReportVocabulary.isUnitCaption("Politisk verksamhet +/- 0 tkr"))
        XCTAssertTrue(ReportVocabulary.isUnitCaption("Driftbudget 2026 tkr"))
        XCTAssertTrue(ReportVocabulary.isSignature("Kent Waltersson (S)"))
    }

    func testAGoalAssessedInASentence() {
        let cases: [(String, AssessmentKind, String)] = [
            ("Sammantaget bedöms målet vara uppfyllt för året.", .fulfilled, "bedöms målet vara uppfyllt"),
            ("Därmed bedöms målet som delvis uppfyllt.", .partially_fulfilled, "bedöms målet som delvis uppfyllt"),
            ("Målet är nått.", .fulfilled, "Målet är nått"),
            ("Verksamhetsmålet bedöms delvis ha uppnåtts under 2025.", .partially_fulfilled, "Verksamhetsmålet bedöms delvis ha uppnåtts"),
            ("Målet bedöms inte i sin helhet vara uppnått.", .partially_fulfilled, "Målet bedöms inte i sin helhet vara uppnått"),
            ("Målet bedöms inte uppnått.", .not_fulfilled, "Målet bedöms inte uppnått"),
            ("Delmålet om tillgänglighet bedöms svårt att nå till 2030.", .not_fulfilled, "Delmålet om tillgänglighet bedöms svårt att nå"),
            ("Målet bedöms till stor del vara uppfyllt.", .largely_fulfilled, "Målet bedöms till stor del vara uppfyllt"),
            ("Mål 3 bedöms vara uppfyllt.", .fulfilled, "Mål 3 bedöms vara uppfyllt"),
            // The degree before the verb, as a clause puts it.
            ("Nämnden konstaterar att målet inte är uppfyllt.", .not_fulfilled, "målet inte är uppfyllt"),
            ("Vi bedömer att målet delvis är uppnått.", .partially_fulfilled, "målet delvis är uppnått"),
            ("Målet kan inte anses vara uppfyllt.", .not_fulfilled, "Målet kan inte anses vara uppfyllt"),
            // The goal named by its words, with a finite verb.
            ("Målet om minst en behörig lärare per skola nås.", .fulfilled, "Målet om minst en behörig lärare per skola nås"),
            ("Delmålet uppfylls inte i år.", .not_fulfilled, "Delmålet uppfylls inte"),
            ("Målet har inte kunnat bedömas då mätningen uteblev.", .not_evaluated, "Målet har inte kunnat bedömas"),
            // A goal that remains a challenge is not reached.
            ("Nämndens mål om fler behöriga lärare kvarstår som en utmaning.", .not_fulfilled,
             "mål om fler behöriga lärare kvarstår som en utmaning"),
            ("Målet är fortsatt en stor utmaning för förvaltningen.", .not_fulfilled, "Målet är fortsatt en stor utmaning"),
        ]
        for (sentence, kind, printed) in cases {
            let found = ProseAssessment.find(in: sentence)
            XCTAssertEqual(found?.kind, kind, sentence)
            XCTAssertEqual(found?.printed, printed, sentence)
        }
        XCTAssertEqual(ProseAssessment.find(in: "Mål 3 bedöms vara uppfyllt.")?.goalNumber, "3")
        XCTAssertEqual(ProseAssessment.find(in: "Målet om minst en behörig lärare per skola nås.")?.goalWords, "minst en behörig lärare per skola")
        // Sentences about goals that assess none.
        for sentence in [
            "Kommunen uppnår tre av fyra finansiella mål.", "Målet är att alla barn ska känna sig trygga.",
            "Målet för 2030 är en fossilfri fordonsflotta.", "Nämnden har antagit nya mål för verksamheten.",
            // Intended or foreseen, not assessed; a year is no goal's number.
            "Målet ska vara uppnått senast 2030.", "För att målet kan nås behövs fler laddplatser.",
            "Mål 2030 är uppnått när utsläppen har halverats.",
            // How or when it is to be reached.
            "Målet uppnås genom fler insatser i skolan.", "Målet nås senast 2030.",
            // A condition that defines the goal.
            "Målet är inte uppfyllt om färre än 90 procent svarar.",
        ] {
            XCTAssertNil(ProseAssessment.find(in: sentence), sentence)
        }
    }

    func testADocumentsNameIsItsDocumentNounWithItsAdjectives() {
        func name(_ line: String) -> String? { DocumentNames.name(in: line.split(separator: " ").map(String.init)) }
        XCTAssertEqual(name("Fördjupad månadsuppföljning april 2026"), "Fördjupad månadsuppföljning")
        XCTAssertEqual(name("EKONOMISK UPPFÖLJNING MAJ"), "Ekonomisk uppföljning")
        XCTAssertEqual(name("VA-taxa 2027"), "VA-taxa")
        XCTAssertEqual(name("Biblioteksplan 2027–2030"), "Biblioteksplan")
        XCTAssertNil(name("Uppdrag i strategisk plan 2022-2025"))
        XCTAssertNil(name("Tekniska nämnden"))
    }
}
