import SwedishReportLanguage
import XCTest

/// Legends that name status colours in words.
final class ColourLegendTests: XCTestCase {
    func testEntriesAreReadAndColourWordsInRunningTextAreNoLegend() {
        XCTAssertEqual(ColourLegend.entries(in: "Grön = uppfyllt; Gult: delvis uppnått. Röd färg innebär ej uppfyllt").map(\.colour),
                       ["green", "yellow", "red"])
        XCTAssertEqual(ColourLegend.entries(in: "Grön = uppfyllt; Gult: delvis uppnått. Röd färg innebär ej uppfyllt").map(\.kind),
                       [.fulfilled, .partially_fulfilled, .not_fulfilled])
        // After an introduction, and with no spaces round the mark.
        XCTAssertEqual(ColourLegend.entries(in: "Bedömningen görs enligt följande: Grön=uppfyllt, gul = delvis uppfyllt").map(\.colour),
                       ["green", "yellow"])
        XCTAssertEqual(ColourLegend.entries(in: "Gröna ytor och parker ska bli fler i alla stadsdelar, så att målet uppfylls."), [])
        XCTAssertEqual(ColourLegend.entries(in: "Den röda linjen visar utfallet för 2024."), [])
        XCTAssertEqual(ColourLegend.entries(in: "Röd: 12 ärenden"), [])
    }
}
