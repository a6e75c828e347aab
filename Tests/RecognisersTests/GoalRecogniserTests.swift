import Layout
import Recognisers
import ReportModel
import ReportSource
import XCTest

final class GoalRecogniserTests: XCTestCase {
    func testLabelledGoalsGetParentsFromTheirNumbersAndAssessments() {
        let report = recognise("""
            Umeå kommuns inriktningsmål: 2. Umeå ska vara en hållbar kommun

            Uppfylls delvis

            Analys
            \(longLine)

            Nämndmål: 2.1 Fler resor ska göras med kollektivtrafik

            Bedömning: Helt uppfyllt

            Nämndmål: 2.2 Energianvändningen i lokalerna ska
            minska

            Ej utvärderad
            """)
        XCTAssertEqual(report.goals.map(\.title), [
            "Umeå ska vara en hållbar kommun", "Fler resor ska göras med kollektivtrafik",
            "Energianvändningen i lokalerna ska minska",
        ])
        guard report.goals.count == 3 else { return }
        XCTAssertEqual(report.goals.map(\.status), [.partially_fulfilled, .fulfilled, .not_evaluated])
        XCTAssertEqual(report.goals.map(\.statusText), ["Uppfylls delvis", "Helt uppfyllt", "Ej utvärderad"])
        XCTAssertEqual(report.goals.map(\.ref), ["2", "2.1", "2.2"])
        XCTAssertEqual(report.goals[1].parentId, report.goals[0].id)
        XCTAssertEqual(report.goals[2].parentId, report.goals[0].id)
        XCTAssertEqual(report.goals[0].level, "Umeå kommuns inriktningsmål")
        XCTAssertEqual(report.goals[0].analysis, longLine)
    }

    func testAGoalAssessedInTheTextUnderItTakesThatAssessment() {
        let report = recognise("""
            Verksamhetsmål: 1 Fler invånare ska välja kollektivtrafik

            Resandet har ökat med tolv procent under året och fler linjer har fått tätare
            turer. Målet bedöms vara uppfyllt.

            Verksamhetsmål: 2 Energianvändningen i kommunens lokaler ska minska

            Energianvändningen har minskat i skolorna men ökat i äldreboendena. Sammantaget
            bedöms målet delvis ha uppnåtts.

            Verksamhetsmål: 3 Alla medarbetare ska ha en hållbar arbetsmiljö

            Sjukfrånvaron har ökat under året och nämnden har startat ett arbete med
            friskvård. Kommunen uppnår tre av fyra finansiella mål.

            Verksamhetsmål: 4 Fler ska lämna försörjningsstödet för arbete

            Antalet hushåll med försörjningsstöd har minskat under året.

            Sammanfattning
            Mål 4 bedöms inte vara uppnått, då arbetsmarknaden har försvagats. Delmål 3 bedöms vara
            uppfyllt inom äldreomsorgen.
            """)
        XCTAssertEqual(report.goals.map(\.ref), ["1", "2", "3", "4"])
        XCTAssertEqual(report.goals.map(\.status), [.fulfilled, .partially_fulfilled, nil, .not_fulfilled])
        XCTAssertEqual(report.goals.map(\.statusText), [
            "Målet bedöms vara uppfyllt", "bedöms målet delvis ha uppnåtts", nil, "Mål 4 bedöms inte vara uppnått",
        ])
    }

    func testAGoalThatTheSentenceBeforeStatesOrThatRemainsAChallengeTakesTheAssessment() {
        // `Målet` alone speaks of the goal the sentence before states; of two goals whose titles
        // hold its words, the one that says least beyond them is meant. A goal that `kvarstår som
        // en utmaning` is not reached.
        let report = recognise("""
            Kommunens mål för bemanningen är att;

            •    100 procent undervisning av lärare med legitimation i grundskola och behörighet i ämnet.
            •    100 procent undervisning av lärare med legitimation i anpassad grundskola och behörighet i ämnet.
            •    60 procent legitimerade lärare i fritidshem för hela förvaltningen.

            Nulägesanalys
            Lagkravet och nämndens långsiktiga mål är att 100 procent av undervisningen ska ske av lärare
            med legitimation och behörighet i ämnet. Målet bedöms svårt att nå under de kommande åren.

            Fritidshem
            Hälften av personalen har lärarutbildning, men förvaltningens övergripande mål om 60 procent
            lärare i fritidshem kvarstår som en utmaning.
            """)
        XCTAssertEqual(report.goals.map(\.status), [.not_fulfilled, nil, .not_fulfilled])
        XCTAssertEqual(report.goals.last?.statusText, "mål om 60 procent lärare i fritidshem kvarstår som en utmaning")
    }

    func testAParagraphOpeningWithWhatTheGoalIsStatesAGoal() {
        let report = recognise("""
            Samverkan

            Biblioteken i kommunen samarbetar om inköp, program och kompetensutveckling sedan flera år.

            Målet är en mer sammanhållen biblioteksverksamhet där alla invånare får tillgång till samma
            utbud. Samverkan bidrar därmed till lagens intentioner.

            Projektet

            Målet är att minska väntetiderna i handläggningen av bygglov under hösten.

            Målet för 2030 är en fossilfri fordonsflotta i alla kommunens verksamheter.
            """)
        XCTAssertEqual(report.goals.map(\.title), [
            "en mer sammanhållen biblioteksverksamhet där alla invånare får tillgång till samma utbud",
        ])
        XCTAssertEqual(report.goals.first?.status, nil)
    }

    func testAGoalNamedByItsWordsInALaterChapterTakesThatAssessment() {
        let report = recognise("""
            Kommunens mål för bemanningen är att;

            •    Minst en legitimerad lärare på varje fritidshem.
            •    Hälften av medarbetarna i förskolan ska ha en pedagogisk utbildning.

            Nulägesanalys
            Målet om minst en legitimerad lärare per fritidshem nås. Det nationella målet att minst 70
            procent av medarbetarna ska ha en pedagogisk utbildning uppfylls inte i kommunen.
            """)
        XCTAssertEqual(report.goals.map(\.title), [
            "Minst en legitimerad lärare på varje fritidshem.", "Hälften av medarbetarna i förskolan ska ha en pedagogisk utbildning.",
        ])
        // The second sentence names a goal with a figure the plan's goal does not print.
        XCTAssertEqual(report.goals.map(\.status), [.fulfilled, nil])
        XCTAssertEqual(report.goals.first?.statusText, "Målet om minst en legitimerad lärare per fritidshem nås")
    }

    func testGoalsInThePlacesAPlanPutsThem() {
        let report = recognise("""
            Mål och inriktning

            Nämndens bemanningsmål är att verksamheterna har medarbetare med rätt utbildning i
            varje arbetslag. Per verksamhet finns följande mål:

            Förskola

            •    Minst en legitimerad förskollärare i varje barngrupp.
            •    Hälften av medarbetarna ska ha en pedagogisk utbildning.

            Fritidshem

            •    Minst en legitimerad lärare på varje fritidshem.

            Uppföljning görs varje år i samband med verksamhetsberättelsen och redovisas för nämnden.

            Utifrån ovanstående mål har två insatser tagits fram:

            •    Fler platser i lärarutbildningen
            •    Handledning för nyanställda

            Utvecklingsområde Digital delaktighet

            \(longLine)

            Mål till 2035:
            Till 2035 ska kommunens utsläpp av växthusgaser vara hälften av 2020 års utsläpp.

            \(longLine)
            """)
        let titles = report.goals.map(\.title)
        XCTAssertEqual(titles, [
            "verksamheterna har medarbetare med rätt utbildning i varje arbetslag",
            "Minst en legitimerad förskollärare i varje barngrupp.", "Hälften av medarbetarna ska ha en pedagogisk utbildning.",
            "Minst en legitimerad lärare på varje fritidshem.",
            "Digital delaktighet",
            "Till 2035 ska kommunens utsläpp av växthusgaser vara hälften av 2020 års utsläpp.",
        ])
        guard report.goals.count == 6 else { return }
        XCTAssertEqual(report.goals.map(\.level), [
            "Nämndens bemanningsmål", "Mål", "Mål", "Mål", "Utvecklingsområde", "Mål till 2035",
        ])
        XCTAssertEqual(report.goals[1...3].map(\.parentId), Array(repeating: report.goals[0].id, count: 3))
    }

    func testNumberedGoalHeadsTheBoardGoalsUnderIt() {
        let report = recognise("""
            1. Kiruna växer genom ett starkt näringsliv
            Kommunstyrelsens mål 1 - Företagsklimatet ska förbättras

            Bedömning: Ej uppfyllt

            Kommunstyrelsens mål 2 - Fler ska starta företag

            Bedömning: I hög grad uppfyllt
            """)
        XCTAssertEqual(report.goals.count, 3)
        guard report.goals.count == 3 else { return }
        XCTAssertNil(report.goals[0].level)
        XCTAssertEqual(report.goals[0].ref, "1")
        XCTAssertEqual(report.goals[1].parentId, report.goals[0].id)
        XCTAssertEqual(report.goals[2].parentId, report.goals[0].id)
        XCTAssertEqual(report.goals[1].status, .not_fulfilled)
        XCTAssertEqual(report.goals[2].status, .largely_fulfilled)
        XCTAssertNil(report.goals[0].status)
    }

    func testGoalsListedUnderAGoalAreaAndRepeatsAreNotCountedTwice() {
        let report = recognise("""
            Övergripande mål
            Målområde Miljö
            \(longLine)

            En fossilfri kommun
            \(longLine)

            Målområde: Miljö
            Övergripande mål: En fossilfri kommun
            """)
        XCTAssertEqual(report.goals.map(\.title), ["Miljö", "En fossilfri kommun"])
        guard report.goals.count == 2 else { return }
        XCTAssertEqual(report.goals[1].level, "Övergripande mål")
        XCTAssertEqual(report.goals[1].parentId, report.goals[0].id)
    }

    func testAnAreaWhoseGoalsAreLabelledEndsAtTheNextUnlabelledHeading() {
        // An area's goals printed as labelled headings (`Kommunövergripande mål: …`): a heading
        // after them that no label names is the next section, not another of the area's goals,
        // even in text, where heading levels are guesses.
        let report = recognise("""
            Målområde: Verksamhet

            Kommunövergripande mål: En organisation med hög produktivitet
            \(longLine)

            Strategiska utvecklingsuppdrag
            \(longLine)

            Internkontroll
            \(longLine)
            """)
        XCTAssertEqual(report.goals.map(\.title), ["Verksamhet", "En organisation med hög produktivitet"])
    }

    func testAHeadingUnderALabelledGoalOfAnAreaIsStillAGoal() throws {
        // Styled headings: the area, its labelled goal, and under that goal (a level deeper) a
        // board's goal set as a plain heading; then a section at the area's own level.
        let lines: [(String, Double, Bool)] = [
            ("Målområde Samhälle", 18, true), (longLine, 10, false),
            ("Kommunövergripande mål: Ett tryggt Linköping", 14, true), (longLine, 10, false),
            ("Ökad trygghet i centrum", 12, true), (longLine, 10, false),
            ("Ekonomisk analys", 18, true), (longLine, 10, false),
        ]
        let source = SourceDocument(name: "r.pdf", kind: .pdf, pages: [SourcePage(number: 1, width: 595, height: 842, lines:
            lines.enumerated().map { index, line in
                SourceLine(text: line.0, lineNumber: index + 1, box: BoundingBox(x: 57, y: 60 + Double(index) * 24, width: 400, height: line.1),
                           style: TextStyle(fontName: line.2 ? "Arial-Bold" : "Arial", fontSize: line.1, isBold: line.2))
            })])
        let report = ReportRecogniser().recognise(LayoutAnalyser().analyse(source))
        XCTAssertEqual(report.goals.map(\.title), ["Samhälle", "Ett tryggt Linköping", "Ökad trygghet i centrum"])
    }

    func testAnAreaWhoseGoalsAreHeadingsKeepsThem() {
        // The same area with its goals as plain headings: each is one of the area's goals.
        let report = recognise("""
            Målområde Samhälle
            \(longLine)

            Ett tryggt och säkert Linköping
            \(longLine)

            En hållbar miljö
            \(longLine)
            """)
        XCTAssertEqual(report.goals.map(\.title), ["Samhälle", "Ett tryggt och säkert Linköping", "En hållbar miljö"])
    }

    func testALegendIsNotAnAssessmentButTheSentenceUnderTheGoalIs() {
        // The legend above the goal assesses nothing; the sentence under it assesses the goal
        // (in the words it prints, not the legend's).
        let report = recognise("""
            En bedömning görs enligt nedanstående signalfärger.

            Ej uppfyllt
            Helt uppfyllt

            Nämndmål: 1 Alla ska trivas
            \(longLine)
            Målet bedöms som helt uppfyllt.
            """)
        XCTAssertEqual(report.goals.count, 1)
        XCTAssertEqual(report.goals.first?.status, .fulfilled)
        XCTAssertEqual(report.goals.first?.statusText, "Målet bedöms som helt uppfyllt")
    }
    func testAGoalLabelledOnlyByItsNumberTakesTheSentenceBelowAsTitle() {
        // An energy plan's goals: `MÅL 11` on its own line, the goal's sentence under it, then its key figure.
        let report = recognise("""
        Mål och delmål

        MÅL 11
        Tillförd energi för uppvärmning till lokaler som ägs av kommunen ska
        kontinuerligt minska.
        Nyckeltal: kWh per m2

        MÅL 12
        Den totala elförbrukningen i den kommunala organisationen ska minska.
        Nyckeltal: GWh
        """)
        XCTAssertEqual(report.goals.map(\.ref), ["11", "12"])
        XCTAssertEqual(report.goals.first?.title,
                       "Tillförd energi för uppvärmning till lokaler som ägs av kommunen ska kontinuerligt minska.")
        XCTAssertEqual(report.goals.last?.title, "Den totala elförbrukningen i den kommunala organisationen ska minska.")
    }

    func testAGroupNameSetInABandNotAsAHeadingStillGroupsTheListedGoals() {
        // A plan whose headings are tagged throughout: the group names (`Förskola` in white on a
        // coloured band) are no headings of the document, but still name the goals' groups.
        let h1 = TextStyle(fontName: "Arial-BoldMT", fontSize: 20, isBold: true)
        let body = TextStyle(fontName: "ArialMT", fontSize: 11)
        let band = TextStyle(fontName: "Arial-BoldMT", fontSize: 11, isBold: true)
        var texts: [(String, TextStyle?, String?)] = []
        for n in 1...10 { texts += [("\(n). Avsnitt \(n)", h1, "H1"), (longLine, body, "P"), ("", nil, nil)] }
        texts += [
            ("Nämndens mål är att verksamheterna har rätt kompetens. Per verksamhet finns följande mål:", body, "P"), ("", nil, nil),
            ("Förskola", band, nil), ("", nil, nil),
            ("• 60 procent legitimerade förskollärare för hela förvaltningen.", body, nil),
            ("• I varje barngrupp ska det finnas en legitimerad förskollärare.", body, nil), ("", nil, nil),
            ("Fritidshem", band, nil), ("", nil, nil),
            ("• Minst en legitimerad lärare på varje fritidshem.", body, nil), ("", nil, nil),
            (longLine, body, "P"),
        ]
        let lines = texts.enumerated().map { SourceLine(text: $1.0, lineNumber: $0 + 1, style: $1.1, role: $1.2) }
        let source = SourceDocument(name: "plan.pdf", kind: .pdf, pages: [SourcePage(number: 1, lines: lines)])
        let report = ReportRecogniser().recognise(LayoutAnalyser().analyse(source))
        // The introducing sentence states the goal the listed ones serve.
        XCTAssertEqual(report.goals.map(\.title), [
            "verksamheterna har rätt kompetens", "60 procent legitimerade förskollärare för hela förvaltningen.", "I varje barngrupp ska det finnas en legitimerad förskollärare.",
            "Minst en legitimerad lärare på varje fritidshem.",
        ])
        XCTAssertFalse(report.headings.map(\.text).contains("Förskola"))
    }

    /// A kommunalförbund's verksamhetsmål, numbered under the heading that names their level,
    /// each on a line of its own with its account run on below it (set as a heading, or as a
    /// list item when its line holds a figure) and assessed in prose there.
    func testNumberedGoalsOnLinesOfTheirOwnUnderTheirLevelAreAssessedInTheirAccount() {
        let report = recognise("""
            Årsredovisning 2025

            Verksamhetsmål

            Förbundet har tre verksamhetsmål. Nedan redovisas måluppfyllelsen för vart och ett.

            1. Antalet bränder i bostäder ska minska
            Under året inträffade 112 bostadsbränder jämfört med 130 året innan. Målet bedöms ha uppnåtts.

            2. Insatstiden ska vara högst 20 minuter för 90 % av invånarna
            Insatstiden låg på 22 minuter för 90 % av invånarna. Målet bedöms inte i sin helhet vara uppnått.

            3. Alla elever i årskurs 5 ska få brandskyddsutbildning
            Utbildningen genomfördes för samtliga skolor. Målet är nått.

            4 Väsentliga händelser under året i förbundet

            4 Ekonomi

            Förbundet uppnår tre av fyra finansiella mål.
            """)
        XCTAssertEqual(report.goals.map(\.title), [
            "Antalet bränder i bostäder ska minska",
            "Insatstiden ska vara högst 20 minuter för 90 % av invånarna",
            "Alla elever i årskurs 5 ska få brandskyddsutbildning",
        ])
        XCTAssertEqual(report.goals.map(\.ref), ["1", "2", "3"])
        XCTAssertEqual(report.goals.map(\.status), [.fulfilled, .partially_fulfilled, .fulfilled])
        XCTAssertEqual(report.goals.map(\.statusText), [
            "Målet bedöms ha uppnåtts", "Målet bedöms inte i sin helhet vara uppnått", "Målet är nått",
        ])
    }

    /// A goal's assessment printed under its indicator table, however many rows the table has.
    func testAnAssessmentUnderTheGoalsIndicatorTableIsTheGoals() {
        let report = recognise("""
            Nämndmål: Fler invånare ska ta del av kulturutbudet

            Indikator                                   Mål 2026    Utfall 2025    Utfall 2024
            Antal besök på biblioteken                  410 000     398 200        385 100
            Andel nöjda besökare (%)                    90          88             87
            Antal deltagare i kulturskolan              1 200       1 150          1 090
            Antal utlån per invånare                    6,1         5,9            5,8

            Bedömning: Delvis uppfyllt

            Nämndmål: Idrottsanläggningarna ska vara tillgängliga för alla

            Bedömning: Uppfyllt
            """)
        XCTAssertEqual(report.goals.map(\.status), [.partially_fulfilled, .fulfilled])
        XCTAssertEqual(report.goals.map(\.statusText), ["Delvis uppfyllt", "Uppfyllt"])
    }

    /// A form's goal: the level's label alone over the goal's statement, its fields under it.
    func testAGoalLevelsLabelAloneOverAStatementAndItsFieldsLabelsThatGoal() {
        let report = recognise("""
            Inriktningsmål: Ett livslångt lärande

            Nämndmål
            Alla elever ska ges förutsättningar att nå kunskapskraven
            Måluppfyllelse: Delvis uppfyllt
            Analys
            Andelen elever med godkända betyg i alla ämnen ökade något men ligger under målvärdet.

            Nämndmål
            Nämnden har två mål för året. De följs upp i varje delårsrapport under året.
            Kommentar
            Uppföljningen sker i nämndens delårsrapporter.

            Mål
            Ett hållbart samhälle för alla
            Kommentar
            Målet gäller hela kommunen.
            """)
        XCTAssertEqual(report.goals.map(\.title), ["Ett livslångt lärande", "Alla elever ska ges förutsättningar att nå kunskapskraven"])
        XCTAssertEqual(report.goals.last?.level, "Nämndmål")
        XCTAssertEqual(report.goals.last?.status, .partially_fulfilled)
        XCTAssertEqual(report.goals.last?.parentId, report.goals.first?.id)
    }
}
