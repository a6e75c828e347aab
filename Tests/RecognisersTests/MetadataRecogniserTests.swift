import ReportModel
import XCTest

final class MetadataRecogniserTests: XCTestCase {
    func testMunicipalityBoardTypeAndYearFromTheDocumentsOwnWords() {
        let report = recognise("""
            Delårsrapport januari–augusti 2024
            Socialnämnden

            Socialnämndens verksamhet i Västerås kommun har under perioden utvecklats enligt plan.
            Västerås växer och socialnämnden följer utvecklingen noga i alla delar av staden.
            """)
        XCTAssertEqual(report.metadata.municipality, "Västerås")
        XCTAssertEqual(report.metadata.municipalityCode, "1980")
        XCTAssertEqual(report.metadata.organisation, "Socialnämnden")
        XCTAssertEqual(report.metadata.reportType, .delårsrapport)
        XCTAssertEqual(report.metadata.year, 2024)
        XCTAssertEqual(report.metadata.period, "januari-augusti")
        // The year after the type's name and its period, not a target year in the text.
        let interim = recognise("""
            Delårsrapport augusti 2024
            Socialnämnden

            Målet ska vara uppnått 2030. Nämnden arbetar vidare med målen under hösten 2030.
            """)
        XCTAssertEqual(interim.metadata.year, 2024)
    }

    func testWhatTheDocumentCallsItselfIsKeptAsPrinted() {
        // The fixed list calls it `other`; the document calls itself a fördjupad månadsuppföljning.
        let report = recognise("""
            FÖRDJUPAD MÅNADSUPPFÖLJNING
            april 2026
            Tekniska nämnden

            Innehåll
            1 Sammanfattning ........................................ 3
            2 Investeringsplan ...................................... 5

            Nämnden redovisar här sin prognos per april enligt den plan som fullmäktige har antagit.
            """)
        XCTAssertEqual(report.metadata.reportKind, "Fördjupad månadsuppföljning")
        // A document that names itself as none of the listed types is of another type.
        XCTAssertEqual(report.metadata.reportType, .other)
        XCTAssertEqual(recognise("HYRESKONTRAKT\nFÖR LOKAL\n\nUndertecknande parter har träffat följande avtal.").metadata.reportKind, "Hyreskontrakt")
        // A document named only after a preposition (a commission in another document's plan),
        // and contents lines naming sections, give no name.
        let commission = recognise("""
            Samordning av mål för miljö och klimat
            Uppdrag i strategisk plan 2022-2025

            1 Klimatstrategi ........................................ 5

            Arbetet har samordnats mellan förvaltningarna under våren.
            """)
        XCTAssertNil(commission.metadata.reportKind)
        // A heading under the running text names a section, not the document.
        let memo = recognise("""
            Kommunstyrelsen
            Samla ekonomiska anslag 2027
            Ärendebeskrivning
            Kommunfullmäktige beslutade den 6 september 2017 att godkänna den interimistiska samverkan mellan kommunerna.

            Förvaltningens yttrande
            Förvaltningen föreslår att anslagen samlas i en post från och med nästa år.
            """)
        XCTAssertNil(memo.metadata.reportKind)
    }

    func testABoardsNameSetOverTwoLinesAtASuspendedCompound() {
        let report = recognise("""
            Barn- och
            ungdomsnämndens
            arbetsutskott
            Protokoll 2026-05-12

            Förändring av planeringsområden för skolskjuts i kommunen.
            """)
        XCTAssertEqual(report.metadata.organisation, "Barn- och ungdomsnämnden")
    }

    func testABoardNamedByAnAdjectiveAndTheBareHead() {
        let report = recognise("""
            Fördjupad månadsuppföljning 2026
            tekniska nämnden

            Tekniska nämnden i Alingsås kommun redovisar här sin prognos per april. Berörda nämnden
            har informerats om avvikelserna i verksamheten.
            """)
        XCTAssertEqual(report.metadata.organisation, "Tekniska nämnden")
    }

    func testAFederationOfMunicipalitiesHasNoKommunkod() {
        let report = recognise("""
            Budget 2027 för Mjölby-Boxholm räddningstjänstförbund

            Förbundet ska ha ett positivt resultat. Mjölby och Boxholm finansierar verksamheten gemensamt.
            """)
        XCTAssertEqual(report.metadata.municipality, "Mjölby-Boxholm Räddningstjänstförbund")
        XCTAssertNil(report.metadata.municipalityCode)
        XCTAssertEqual(report.metadata.reportType, .other)
        XCTAssertEqual(report.metadata.year, 2027)
    }

    func testAFederationByItsOwnNameOnItsCoverWroteTheReport() {
        let report = recognise("""
            Årsredovisning 2025
            Mitt Gävleborgs Räddningstjänstförbund

            Förbundet har fem verksamhetsmål och redovisar här hur de har uppnåtts under året.
            """)
        XCTAssertEqual(report.metadata.municipality, "Mitt Gävleborgs Räddningstjänstförbund")
        XCTAssertNil(report.metadata.municipalityCode)
        XCTAssertEqual(report.metadata.organisation, "Mitt Gävleborgs Räddningstjänstförbund")
        // One a municipality's report names in passing, in its text, is not its writer.
        let mentioned = recognise("""
            Delårsrapport 2025
            Socialnämnden

            \(Array(repeating: longLine, count: 45).joined(separator: "\n"))

            Mitt Gävleborgs Räddningstjänstförbund

            \(longLine)
            """)
        XCTAssertNil(mentioned.metadata.municipality)
        XCTAssertEqual(mentioned.metadata.organisation, "Socialnämnden")
        // A cover set in capitals; a förbund that is no federation of municipalities is none.
        XCTAssertEqual(recognise("ÅRSREDOVISNING 2025\nSÖDERTÖRNS BRANDFÖRSVARSFÖRBUND\n\n\(longLine)").metadata.municipality,
                       "SÖDERTÖRNS BRANDFÖRSVARSFÖRBUND")
        let sport = recognise("Verksamhetsberättelse 2025\nKultur- och fritidsnämnden i Växjö kommun\nSmålands Idrottsförbund\n\n\(longLine)")
        XCTAssertEqual(sport.metadata.municipality, "Växjö")
    }

    func testAMonthlyFollowUpNamesItsMonth() {
        let report = recognise("Månadsuppföljning maj 2026 Socialnämnden\n\(longLine)")
        XCTAssertEqual(report.metadata.reportType, .other)
        XCTAssertEqual(report.metadata.period, "maj")
        XCTAssertEqual(report.metadata.year, 2026)
        // Any follow-up named with its month (`Ekonomisk uppföljning maj`) names its period.
        let economic = recognise("Ekonomisk uppföljning maj\n\nBarn- och ungdomsnämnden\n\n\(longLine)")
        XCTAssertEqual(economic.metadata.period, "maj")
    }

    func testATemplateFieldNamesTheBoardAndASpanItsFirstYear() {
        let report = recognise("""
            Budgetskrivelse
            för investeringar
            2027-2031

            Status: Påbörjad\tRapportperiod: 2027-12-31\tOrganisation: Kultur- och fritidsnämnden
            Avser investeringar i Ystads kommun under perioden 2027 till 2031 enligt plan.
            """)
        XCTAssertEqual(report.metadata.organisation, "Kultur- och fritidsnämnden")
        XCTAssertEqual(report.metadata.year, 2027)
        XCTAssertEqual(report.metadata.reportType, .other)
    }

    func testARegistrationNumbersPrefixNamesTheBoardWhoseRegistryKeepsIt() {
        // `KS` is the kommunstyrelse's registry in every municipality, named or not.
        let strategy = recognise("""
            Dnr. KS 2013/375

            Klimatstrategi 2020-2050
            Strategin gäller för hela kommunens organisation och ska följas upp vartannat år.
            """)
        XCTAssertEqual(strategy.metadata.organisation, "Kommunstyrelsen")
        // Another prefix names the board it abbreviates, among those the document names: here it
        // outweighs a board named more often.
        let plan = recognise("""
            Diarienummer: BUN 2026.027

            Plan för skolskjuts
            Socialnämnden och socialnämndens förvaltning har lämnat synpunkter på planen.
            Barn- och ungdomsnämnden fattar beslut om planen.
            """)
        XCTAssertEqual(plan.metadata.organisation, "Barn- och ungdomsnämnden")
        // A number cited in the text, far from the cover, is another case's.
        let cited = recognise("""
            Uppföljning av internkontroll 2025
            Socialnämnden

            \(Array(repeating: longLine, count: 45).joined(separator: "\n"))
            Arbetet utgår från uppdrag från kommunfullmäktige (dnr KS 2021/45) och (dnr KS 2022/12).
            """)
        XCTAssertEqual(cited.metadata.organisation, "Socialnämnden")
        // A number without a prefix names no board.
        let unprefixed = recognise("Diarienummer: 2026.027\n\nPlan för skolskjuts\n\(longLine)")
        XCTAssertNil(unprefixed.metadata.organisation)
    }

    func testNothingIsGuessedWithoutSupport() {
        let report = recognise("Inledning\n\(longLine)")
        XCTAssertNil(report.metadata.municipality)
        XCTAssertNil(report.metadata.municipalityCode)
        XCTAssertNil(report.metadata.organisation)
        XCTAssertNil(report.metadata.reportType)
        XCTAssertNil(report.metadata.period)
    }

    func testNamesThatAreAlsoWordsCountOnlyBesideKommun() {
        let report = recognise("Vara ska vara en bra kommun.\nMark och vatten.\nVara kommun\nVara kommun har en plan.")
        XCTAssertEqual(report.metadata.municipality, "Vara")
        let plain = recognise("Vara nöjd.\nMark och exploatering.\nVara ett stöd.")
        XCTAssertNil(plain.metadata.municipality)
    }
}
