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
