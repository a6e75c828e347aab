import CPoppler
import Foundation
import PDFFrontEnd
import ReportSource
import XCTest

/// Status icons as glyphs, vector circles and pictures, with their colours, on the line they sit on.
final class IconTests: XCTestCase {
    func read(_ build: (PDFMaker) -> Void) throws -> SourceDocument {
        let folder = TemporaryFolder()
        let url = folder.file("icons.pdf")
        let maker = PDFMaker(url: url)
        build(maker)
        maker.finish()
        return try PDFFrontEnd().read(contentsOf: url)
    }

    func line(_ document: SourceDocument, _ text: String) throws -> SourceLine {
        try XCTUnwrap(document.pages[0].lines.first { $0.cellsShown == text }, "no line \(text)")
    }

    func isGreen(_ color: RGBColor?) -> Bool {
        guard let color else { return false }
        return color.green > 120 && color.red < 90 && color.blue < 110
    }

    func testColouredCircleGlyphIsAnIconNotText() throws {
        let document = try read { pdf in
            pdf.text("Mål 1: Alla ska ha goda möjligheter att rösta", x: 60, y: 100, size: 12, bold: true)
            pdf.text("●", x: 60, y: 120, color: .green)
            pdf.text("Uppfylls helt", x: 76, y: 120)
        }
        let status = try line(document, "Uppfylls helt")
        XCTAssertEqual(status.icons.count, 1)
        XCTAssertTrue(isGreen(status.icons[0].color), "\(String(describing: status.icons[0].color))")
        XCTAssertEqual(status.icons[0].box?.x ?? 0, 60, accuracy: 1)
    }

    func testVectorCircleBeforeAStatusLineIsFoundWithItsColour() throws {
        let document = try read { pdf in
            pdf.text("KF:s inriktningsmål: 1. Ett Stockholm som håller samman", x: 57, y: 100, size: 12, bold: true)
            pdf.circle(centerX: 62, centerY: 116.5, radius: 4.5, color: .yellow)
            pdf.text("Uppfylls delvis", x: 71, y: 120)
            pdf.text("Analys", x: 57, y: 140, bold: true)
            pdf.text("Nämnden ska planera för att valet kan organiseras väl.", x: 57, y: 154)
        }
        let status = try line(document, "Uppfylls delvis")
        XCTAssertEqual(status.icons.count, 1)
        let color = try XCTUnwrap(status.icons[0].color)
        XCTAssertGreaterThan(color.red, 200)
        XCTAssertGreaterThan(color.green, 150)
        XCTAssertLessThan(color.blue, 60)
        XCTAssertTrue(try line(document, "Analys").icons.isEmpty)
    }

    func testVectorCircleInsideALineAndALegend() throws {
        let document = try read { pdf in
            pdf.text("Bedömning:", x: 60, y: 100)
            let after = 60 + pdf.width(of: "Bedömning:") + 4
            pdf.circle(centerX: after + 5, centerY: 96.5, radius: 4.5, color: .green)
            pdf.text("Helt uppfyllt", x: after + 14, y: 100)
            // A legend: icon, label, icon, label ...
            let entries: [(PDFMaker.Color, String)] = [(.red, "Ej uppfyllt"), (.yellow, "Delvis uppfyllt"), (.green, "Helt uppfyllt")]
            for (index, entry) in entries.enumerated() {
                let x = 60 + Double(index) * 130
                pdf.circle(centerX: x + 5, centerY: 136.5, radius: 4.5, color: entry.0)
                pdf.text(entry.1, x: x + 14, y: 140)
            }
        }
        let assessed = try line(document, "Bedömning: Helt uppfyllt")
        XCTAssertEqual(assessed.icons.count, 1)
        XCTAssertTrue(isGreen(assessed.icons[0].color))
        let legend = try line(document, "Ej uppfyllt\tDelvis uppfyllt\tHelt uppfyllt")
        XCTAssertEqual(legend.icons.count, 3)
        XCTAssertEqual(legend.icons.map { ($0.color?.red ?? 0) > 180 }, [true, true, false])
        XCTAssertTrue(isGreen(legend.icons[2].color))
        // Each icon stands just before its label.
        for (icon, word) in zip(legend.icons, ["Ej", "Delvis", "Helt"]) {
            let label = try XCTUnwrap(legend.words.first { $0.text == word })
            XCTAssertLessThan(icon.box?.maxX ?? 0, label.box.x)
            XCTAssertGreaterThan(icon.box?.maxX ?? 0, label.box.x - 10)
        }
    }

    /// Pictures are rendered for icons only on pages that speak of what icons assess: a
    /// coloured band behind a price list's header is no status.
    func testIconsDrawnAsPicturesAreLookedForOnlyWherePageTextSpeaksOfWhatTheyAssess() throws {
        let folder = TemporaryFolder()
        let url = folder.file("bands.pdf")
        let maker = PDFMaker(url: url)
        maker.picture(x: 57, y: 110, size: 9, color: .red)
        maker.text("Restavfall", x: 71, y: 118)
        maker.text("Avgift per år och kärl enligt taxan för hämtning av hushållsavfall", x: 57, y: 140)
        maker.finish()
        let everyPage = try PDFFrontEnd().read(contentsOf: url)
        XCTAssertEqual(try XCTUnwrap(everyPage.pages[0].lines.first { $0.text == "Restavfall" }).icons.count, 1)
        let options = PDFReadOptions(iconPages: { text in text.contains("mål") })
        let filtered = try PDFFrontEnd(options: options).read(contentsOf: url)
        XCTAssertEqual(try XCTUnwrap(filtered.pages[0].lines.first { $0.text == "Restavfall" }).icons.count, 0)
    }

    func testIconsAloneInAStatusColumnBelongToTheirRows() throws {
        // A scorecard: each goal's row ends in a column of its own holding only its status,
        // drawn as a disc or as a small picture, past the end of the goal's words.
        let document = try read { pdf in
            pdf.text("Mål", x: 57, y: 110, bold: true)
            pdf.text("Bedömning", x: 420, y: 110, bold: true)
            pdf.text("Alla barn ska känna sig trygga i förskolan", x: 57, y: 130)
            pdf.circle(centerX: 445, centerY: 126.5, radius: 4.5, color: .green)
            pdf.text("Elevernas kunskapsresultat ska öka", x: 57, y: 150)
            pdf.picture(x: 440, y: 142, size: 9, color: .red)
            pdf.text("Fler ungdomar ska gå vidare till studier", x: 57, y: 170)
            pdf.text("Målen följs upp varje år i nämndens verksamhetsberättelse.", x: 57, y: 200)
        }
        let first = try line(document, "Alla barn ska känna sig trygga i förskolan")
        XCTAssertEqual(first.icons.count, 1)
        XCTAssertTrue(isGreen(first.icons.first?.color))
        XCTAssertEqual(first.icons.first?.box?.x ?? 0, 440.5, accuracy: 1.5)
        let second = try line(document, "Elevernas kunskapsresultat ska öka")
        XCTAssertEqual(second.icons.count, 1)
        XCTAssertGreaterThan(second.icons.first?.color?.red ?? 0, 180)
        // A row whose status cell is empty, and running text, have none.
        XCTAssertTrue(try line(document, "Fler ungdomar ska gå vidare till studier").icons.isEmpty)
        XCTAssertTrue(try line(document, "Mål\tBedömning").icons.isEmpty)
    }

    func testAProgressBarInAStatusColumnIsTheStatusOfItsRow() throws {
        // A scorecard whose status column draws a progress bar: a coloured part as far as the
        // goal has come, on a grey track. The coloured part is the row's status; the track is
        // no icon of its own, and an empty track alone is a grey one.
        let document = try read { pdf in
            pdf.text("Mål", x: 57, y: 110, bold: true)
            pdf.text("Måluppfyllelse", x: 400, y: 110, bold: true)
            let rows: [(String, Double, PDFMaker.Color)] = [
                ("Alla barn ska känna sig trygga i förskolan", 48, .green),
                ("Elevernas kunskapsresultat ska öka", 20, .red),
                ("Fler ungdomar ska gå vidare till studier", 0, .green),
                ("Sjukfrånvaron ska minska", 57, .green),
                ("Andelen förnybar energi ska öka", 3, .red),
            ]
            for (index, (goal, filled, colour)) in rows.enumerated() {
                let baseline = 130 + Double(index) * 20
                pdf.text(goal, x: 57, y: baseline)
                pdf.rectangle(x: 405, y: baseline - 7, width: 60, height: 6, color: .lightGrey)
                if filled > 0 { pdf.rectangle(x: 405, y: baseline - 7, width: filled, height: 6, color: colour) }
            }
        }
        let first = try line(document, "Alla barn ska känna sig trygga i förskolan")
        XCTAssertEqual(first.icons.count, 1)
        XCTAssertTrue(isGreen(first.icons.first?.color))
        XCTAssertEqual(first.icons.first?.shape, .bar)
        XCTAssertEqual(first.icons.first?.box?.width ?? 0, 48, accuracy: 1.5)
        let second = try line(document, "Elevernas kunskapsresultat ska öka")
        XCTAssertEqual(second.icons.count, 1)
        XCTAssertGreaterThan(second.icons.first?.color?.red ?? 0, 180)
        let third = try line(document, "Fler ungdomar ska gå vidare till studier")
        XCTAssertEqual(third.icons.count, 1)
        XCTAssertEqual(third.icons.first?.box?.width ?? 0, 60, accuracy: 1.5)
        // Nearly full, and nearly empty: still one icon, in the filled part's colour.
        let full = try line(document, "Sjukfrånvaron ska minska")
        XCTAssertEqual(full.icons.count, 1)
        XCTAssertTrue(isGreen(full.icons.first?.color))
        let empty = try line(document, "Andelen förnybar energi ska öka")
        XCTAssertEqual(empty.icons.count, 1)
        XCTAssertGreaterThan(empty.icons.first?.color?.red ?? 0, 180)
        XCTAssertEqual(empty.icons.first?.shape, .bar)
    }

    func testABarBesideAWordIsNoStatusOutsideAStatusColumn() throws {
        // A chart legend's line swatch before its label: no status column above it.
        let document = try read { pdf in
            pdf.text("Antal besökare per månad visas i diagrammet nedan för hela året.", x: 57, y: 100)
            pdf.rectangle(x: 57, y: 124, width: 24, height: 4, color: .blue)
            pdf.text("Utfall", x: 86, y: 130)
            pdf.rectangle(x: 122, y: 124, width: 24, height: 4, color: .red)
            pdf.text("Mål", x: 150, y: 130)
        }
        XCTAssertTrue(try line(document, "Utfall\tMål").icons.isEmpty)
    }

    func testAColumnCrossedByTextBelowItsHeaderHoldsNoStatus() throws {
        // A running header parted in two, then a paragraph across the page: the chart legend's
        // square further down stands under no status column.
        let document = try read { pdf in
            pdf.text("Alingsås kommun", x: 57, y: 60)
            pdf.text("Verksamhetsberättelse", x: 420, y: 60)
            pdf.text("Nämndens mål följs upp i diagrammet nedan, där utfallet jämförs med målvärdet för året.", x: 57, y: 100)
            pdf.text("Utfall mot mål", x: 57, y: 140)
            pdf.picture(x: 440, y: 132, size: 9, color: .red)
        }
        XCTAssertTrue(try line(document, "Utfall mot mål").icons.isEmpty)
    }

    func testTextOverAPhotographHasNoStatusColumn() throws {
        // Goals set over a photograph (a plan's cover): the room under `Bedömning` shows the
        // photograph, whose patches are no icons.
        let document = try read { pdf in
            pdf.rasterPicture(x: 40, y: 90, width: 480, height: 60) { painter in
                for column in 0..<48 {
                    for band in 0..<6 {
                        let shade = Double((column * 7 + band * 13) % 10) / 10
                        cairo_set_source_rgb(painter, 0.2 + 0.5 * shade, 0.45 + 0.4 * shade, 0.2 + 0.3 * shade)
                        cairo_rectangle(painter, Double(column) * 10, Double(band) * 10, 10, 10)
                        cairo_fill(painter)
                    }
                }
                // A grey patch of an icon's size where a status column would stand.
                cairo_set_source_rgb(painter, 0.55, 0.55, 0.55)
                cairo_rectangle(painter, 360, 22, 9, 9)
                cairo_fill(painter)
            }
            pdf.text("Mål", x: 57, y: 104, bold: true)
            pdf.text("Bedömning", x: 340, y: 104, bold: true)
            pdf.text("Minskade utsläpp av växthusgaser", x: 57, y: 120)
        }
        XCTAssertTrue(try line(document, "Minskade utsläpp av växthusgaser").icons.isEmpty)
    }

    func testSmallPictureBesideAGoalGivesItsColour() throws {
        let document = try read { pdf in
            pdf.text("Nämndmål", x: 57, y: 100, size: 12, bold: true)
            pdf.picture(x: 57, y: 110, size: 9, color: .red)
            pdf.text("Ej uppfyllt", x: 71, y: 118)
            pdf.text("Kommentar", x: 57, y: 140)
        }
        let status = try line(document, "Ej uppfyllt")
        XCTAssertEqual(status.icons.count, 1)
        XCTAssertGreaterThan(status.icons[0].color?.red ?? 0, 180)
        XCTAssertLessThan(status.icons[0].color?.green ?? 255, 80)
    }

    /// Trend icons alike in colour are told apart by shape: arrows in discs and bare arrows as
    /// 16- and 31-pixel pictures, vector triangles, and arrow glyphs.
    func testIconShapesTellSameColouredIconsApart() throws {
        let rows: [(String, (PDFMaker, Double) -> Void, IconShape)] = [
            ("Ökar", { $0.arrowPicture(x: 57, y: $1, size: 10, color: .blue, pointing: .up, inDisc: true) }, .arrowUp),
            ("Minskar", { $0.arrowPicture(x: 57, y: $1, size: 10, color: .blue, pointing: .down, inDisc: true, pixels: 31) }, .arrowDown),
            ("Oförändrat", { $0.arrowPicture(x: 57, y: $1, size: 10, color: .blue, pointing: .right, inDisc: true) }, .arrowRight),
            ("Förbättras", { $0.arrowPicture(x: 57, y: $1, size: 10, color: .green, pointing: .up, inDisc: false, pixels: 31) }, .arrowUp),
            ("Försämras", { $0.triangle(x: 57, y: $1, size: 9, color: .red, up: false) }, .triangleDown),
            ("Uppfyllt", { $0.circle(centerX: 62, centerY: $1 + 5, radius: 4.5, color: .green) }, .round),
        ]
        let document = try read { pdf in
            pdf.text("Utveckling mot målet", x: 57, y: 100, size: 12, bold: true)
            // Each status under its goal's comment, indented by its icon.
            for (index, row) in rows.enumerated() {
                let y = 112 + Double(index) * 32
                pdf.text("Kommentar till bedömningen av målet", x: 57, y: y + 8)
                row.1(pdf, y + 14)
                pdf.text(row.0, x: 71, y: y + 22)
            }
            pdf.text("↑ Ökning", x: 57, y: 330, color: .green)
        }
        for row in rows {
            let found = try line(document, row.0)
            XCTAssertEqual(found.icons.count, 1, row.0)
            XCTAssertEqual(found.icons.first?.shape, row.2, row.0)
        }
        XCTAssertEqual(try line(document, "Ökning").icons.first?.shape, .arrowUp)
    }

    func testColouredBulletBeforeALongLineStaysABullet() throws {
        let document = try read { pdf in
            pdf.text("●", x: 60, y: 100, color: PDFMaker.Color(red: 0, green: 0.29, blue: 0.53))
            pdf.text("genomförande av val i enlighet med bestämmelserna i vallagen", x: 75, y: 100)
        }
        let item = try line(document, "● genomförande av val i enlighet med bestämmelserna i vallagen")
        XCTAssertTrue(item.icons.isEmpty)
    }

    func testBlackSymbolFontBulletBecomesABulletCharacter() throws {
        let document = try read { pdf in
            // Word's Wingdings bullet arrives as a private-use code point.
            pdf.text("\u{F0B7}", x: 60, y: 100)
            pdf.text("Öka andelen upphandlingar", x: 78, y: 100)
        }
        let texts = document.pages[0].lines.map(\.text).filter { !$0.isEmpty }
        XCTAssertEqual(texts, ["• Öka andelen upphandlingar"])
    }

    func testNoIconOnPlainText() throws {
        let document = try read { pdf in
            pdf.text("Verksamhet", x: 60, y: 80, size: 14, bold: true)
            pdf.text("Kort rad", x: 80, y: 100)
            pdf.text("En vanlig mening om verksamheten.", x: 60, y: 114)
        }
        XCTAssertTrue(document.pages[0].lines.allSatisfy { $0.icons.isEmpty })
    }
}
