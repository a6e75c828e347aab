import Layout
@testable import Recognisers
import ReportModel
import ReportSource
import XCTest

/// Goals assessed by coloured icons alone, read through the legend the report prints.
final class IconLegendTests: XCTestCase {
    static let red = RGBColor(red: 220, green: 30, blue: 30)
    static let yellow = RGBColor(red: 245, green: 200, blue: 20)
    static let green = RGBColor(red: 40, green: 160, blue: 60)

    /// A line of words 5 pt a letter wide from x = 70, with an icon in the margin before it.
    private func line(_ text: String, number: Int, icon: RGBColor? = nil) -> SourceLine {
        var line = measuredLine([(text, 70)], number: number, letterWidth: 5)
        if let icon {
            line.icons = [IconMark(color: icon, box: BoundingBox(x: 55, y: Double(number) * 14, width: 9, height: 9))]
        }
        return line
    }

    /// A legend row: each icon followed by its words, the entries parted by column gaps.
    private func legendRow(_ entries: [(RGBColor, String)], number: Int) -> SourceLine {
        let xs = entries.indices.map { 70 + Double($0) * 150 }
        var row = measuredLine(zip(entries, xs).map { ($0.1, $1 + 14) }, number: number, letterWidth: 5)
        row.icons = zip(entries, xs).map { IconMark(color: $0.0, box: BoundingBox(x: $1, y: Double(number) * 14, width: 9, height: 9)) }
        return row
    }

    /// The same line with its icons given an outline.
    private func shaped(_ line: SourceLine, _ shapes: [IconShape]) -> SourceLine {
        var line = line
        for (index, shape) in zip(line.icons.indices, shapes) { line.icons[index].shape = shape }
        return line
    }

    private func goals(_ lines: [SourceLine]) -> [Goal] {
        let numbered = lines.enumerated().map { index, line in
            var line = line
            line.lineNumber = index + 1
            return line
        }
        let source = SourceDocument(name: "rapport.pdf", kind: .pdf, pages: [SourcePage(number: 1, width: 595, height: 842, lines: numbered)])
        return ReportRecogniser().recognise(LayoutAnalyser().analyse(source)).goals
    }

    private let comment = "Arbetet har fortsatt under året enligt den plan som nämnden beslutade om i början av året."

    /// Three goals, each its line with an icon of the colour given, a comment and a blank line.
    private func threeGoals(icons: [RGBColor]) -> [SourceLine] {
        let titles = ["Mål 1: Alla barn ska klara skolan", "Mål 2: Fler ska ha ett arbete", "Mål 3: Kommunens klimatpåverkan ska minska"]
        return zip(titles, icons).flatMap { title, icon in
            [line(title, number: 0, icon: icon), line(comment, number: 0), SourceLine(text: "", lineNumber: 0)]
        }.dropLast()
    }

    /// Trend arrows all in one colour: the legend tells them apart by direction, and each
    /// goal's arrow is read through the entry of its own shape.
    func testSameColouredIconsAreReadThroughTheLegendEntryOfTheirShape() throws {
        let blue = RGBColor(red: 30, green: 90, blue: 190)
        let found = goals([
            shaped(line("Mål 1: Alla barn ska klara skolan", number: 0, icon: blue), [.arrowUp]),
            line(comment, number: 0),
            SourceLine(text: "", lineNumber: 0),
            shaped(line("Mål 2: Fler ska ha ett arbete", number: 0, icon: blue), [.arrowDown]),
            line(comment, number: 0),
            SourceLine(text: "", lineNumber: 0),
            shaped(line("Mål 3: Kommunens klimatpåverkan ska minska", number: 0, icon: blue), [.arrowRight]),
            line(comment, number: 0),
            SourceLine(text: "", lineNumber: 0),
            shaped(legendRow([(blue, "Helt uppfyllt"), (blue, "Delvis uppfyllt"), (blue, "Ej uppfyllt")], number: 0),
                   [.arrowUp, .arrowRight, .arrowDown]),
        ])
        XCTAssertEqual(found.map(\.status), [.fulfilled, .not_fulfilled, .partially_fulfilled])
        XCTAssertEqual(found.map(\.statusIconShape), [.arrowUp, .arrowDown, .arrowRight])
        XCTAssertEqual(found.map(\.statusIcon), [.blue, .blue, .blue])
    }

    /// A legend that draws a trend as an arrow reads a report's triangle pointing the same way.
    func testAnIconIsReadThroughTheLegendEntryPointingItsWay() {
        let blue = RGBColor(red: 30, green: 90, blue: 190)
        let entries = [IconLegend.Icon(colour: .blue, shape: .arrowUp), IconLegend.Icon(colour: .blue, shape: .arrowDown)]
        let found = IconLegend.matching(IconLegend.Icon(colour: .blue, shape: .triangleDown), in: entries, by: { $0 })
        XCTAssertEqual(found, [IconLegend.Icon(colour: .blue, shape: .arrowDown)])
        XCTAssertEqual(IconLegend.Icon(IconMark(color: blue, shape: .arrowUpRight))?.shape?.pointing, "up-right")
    }

    func testEachIconOfALegendRowIsReadThroughTheWordsBesideIt() throws {
        let found = goals(threeGoals(icons: [Self.red, Self.yellow, Self.green]) + [
            SourceLine(text: "", lineNumber: 0),
            legendRow([(Self.red, "Ej uppfyllt"), (Self.yellow, "Delvis uppfyllt"), (Self.green, "Helt uppfyllt")], number: 0),
        ])
        XCTAssertEqual(found.map(\.title), ["Alla barn ska klara skolan", "Fler ska ha ett arbete", "Kommunens klimatpåverkan ska minska"])
        XCTAssertEqual(found.map(\.status), [.not_fulfilled, .partially_fulfilled, .fulfilled])
        XCTAssertEqual(found.map(\.statusText), [nil, nil, nil])  // nothing assessing is printed at the goals
        XCTAssertEqual(found.map(\.statusIcon), [.red, .yellow, .green])
    }

    func testALegendThatNamesTheColoursInWordsReadsTheIcons() throws {
        // No icons in the legend: it names each colour (`Grön = uppfyllt`, `Röd betyder att …`).
        let found = goals([
            line("Grön = uppfyllt, gul = delvis uppfyllt, röd betyder att målet inte är uppfyllt.", number: 0),
            SourceLine(text: "", lineNumber: 0),
        ] + threeGoals(icons: [Self.red, Self.yellow, Self.green]))
        XCTAssertEqual(found.map(\.status), [.not_fulfilled, .partially_fulfilled, .fulfilled])
        XCTAssertEqual(found.map(\.statusText), [nil, nil, nil])
    }

    func testAnIconIsReadThroughTheLegendOfItsOwnSection() throws {
        let found = goals([
            legendRow([(Self.green, "Uppfyllt"), (Self.yellow, "Delvis uppfyllt")], number: 0),
            SourceLine(text: "", lineNumber: 0),
            line("Mål 1: Alla barn ska klara skolan", number: 0, icon: Self.yellow),
            line(comment, number: 0),
            SourceLine(text: "", lineNumber: 0),
            legendRow([(Self.green, "Helt uppfyllt"), (Self.yellow, "Ej uppfyllt")], number: 0),
            SourceLine(text: "", lineNumber: 0),
            line("Mål 2: Fler ska ha ett arbete", number: 0, icon: Self.yellow),
            line(comment, number: 0),
            SourceLine(text: "", lineNumber: 0),
            line("Mål 3: Kommunens klimatpåverkan ska minska", number: 0, icon: Self.green),
            line(comment, number: 0),
        ])
        XCTAssertEqual(found.map(\.status), [.partially_fulfilled, .not_fulfilled, .fulfilled])
    }

    func testWithoutALegendAnIconIsKeptAndTheStatusLeftOpen() throws {
        let found = goals([
            line("Mål 1: Alla barn ska klara skolan", number: 0, icon: Self.green),
            line(comment, number: 0),
        ])
        XCTAssertEqual(found.map(\.statusIcon), [.green])
        XCTAssertEqual(found.map(\.status), [nil])
    }

    /// An uppdrag table whose Status column holds only icons, and a legend row under it.
    func testAssignmentStatusIconsAreReadThroughTheirLegend() {
        func row(_ cells: [(String, Double)], _ number: Int, icon: RGBColor? = nil) -> SourceLine {
            var line = measuredLine(cells, number: number, letterWidth: 5)
            if let icon { line.icons = [IconMark(color: icon, box: BoundingBox(x: 300, y: Double(number) * 14, width: 9, height: 9))] }
            return line
        }
        let lines = [
            row([("Uppdrag", 60), ("Status", 300), ("Kommentar", 360)], 1),
            row([("Utreda samlokalisering av", 60), ("Utredningen redovisas", 360)], 2, icon: Self.green),
            row([("förvaltningens kontor", 60), ("i mars.", 360)], 3),
            SourceLine(text: "", lineNumber: 4),
            row([("Ta fram en handlingsplan", 60), ("Arbetet har inte", 360)], 5, icon: Self.red),
            row([("för digitala tjänster", 60), ("påbörjats.", 360)], 6),
            SourceLine(text: "", lineNumber: 7),
            row([("Se över taxorna", 60), ("Klart i juni.", 360)], 8, icon: Self.yellow),
            SourceLine(text: "", lineNumber: 9),
            legendRow([(Self.green, "Klart"), (Self.yellow, "Pågår"), (Self.red, "Ej påbörjat")], number: 10),
        ]
        let source = SourceDocument(name: "r.pdf", kind: .pdf, pages: [SourcePage(number: 1, width: 595, height: 842, lines: lines)])
        let assignments = ReportRecogniser().recognise(LayoutAnalyser().analyse(source)).assignments
        XCTAssertEqual(assignments.map(\.title), [
            "Utreda samlokalisering av förvaltningens kontor", "Ta fram en handlingsplan för digitala tjänster", "Se över taxorna",
        ])
        XCTAssertEqual(assignments.map(\.statusIcon), [.green, .red, .yellow])
        XCTAssertEqual(assignments.map(\.status), ["Klart", "Ej påbörjat", "Pågår"])
        XCTAssertEqual(assignments.first?.comment, "Utredningen redovisas i mars.")
    }

    /// Rows of one line each, set without space between them, each with its own status icon and
    /// nothing else past its title: an icon per line marks a row per line.
    func testAssignmentRowsOfOneLineEachWithTheirOwnIconAreItemsEach() {
        func row(_ cells: [(String, Double)], _ number: Int, icon: RGBColor? = nil) -> SourceLine {
            var line = measuredLine(cells, number: number, letterWidth: 5)
            if let icon { line.icons = [IconMark(color: icon, box: BoundingBox(x: 300, y: Double(number) * 14, width: 9, height: 9))] }
            return line
        }
        let lines = [
            row([("Uppdrag", 60), ("Status", 300)], 1),
            row([("Ta fram en plan för kompetensförsörjning", 60)], 2, icon: Self.green),
            row([("Utreda nya lokaler för förskolan", 60)], 3, icon: Self.yellow),
            row([("Införa digital signering av beslut", 60)], 4, icon: Self.red),
            SourceLine(text: "", lineNumber: 5),
            legendRow([(Self.green, "Klart"), (Self.yellow, "Pågår"), (Self.red, "Ej påbörjat")], number: 6),
        ]
        let source = SourceDocument(name: "r.pdf", kind: .pdf, pages: [SourcePage(number: 1, width: 595, height: 842, lines: lines)])
        let assignments = ReportRecogniser().recognise(LayoutAnalyser().analyse(source)).assignments
        XCTAssertEqual(assignments.map(\.title), [
            "Ta fram en plan för kompetensförsörjning", "Utreda nya lokaler för förskolan", "Införa digital signering av beslut",
        ])
        XCTAssertEqual(assignments.map(\.status), ["Klart", "Pågår", "Ej påbörjat"])
    }

    /// A goal table whose assessment column holds icons (`Nämndmål | Bedömning`), a legend under it.
    func testAGoalTableWhoseAssessmentColumnHoldsIconsGivesEachGoalItsStatus() {
        func row(_ text: String, _ number: Int, icon: RGBColor? = nil) -> SourceLine {
            var line = measuredLine([(text, 60)], number: number, letterWidth: 5)
            if let icon { line.icons = [IconMark(color: icon, box: BoundingBox(x: 400, y: Double(number) * 14, width: 9, height: 9))] }
            return line
        }
        let found = goals([
            measuredLine([("Nämndmål", 60), ("Bedömning", 400)], number: 1, letterWidth: 5),
            row("Alla barn ska känna sig trygga i förskolan", 2, icon: Self.green),
            row("Andelen elever med behörighet till gymnasiet", 3),
            row("ska öka", 4, icon: Self.red),
            SourceLine(text: "", lineNumber: 5),
            legendRow([(Self.green, "Uppfyllt"), (Self.red, "Ej uppfyllt")], number: 6),
        ])
        XCTAssertEqual(found.map(\.title), ["Alla barn ska känna sig trygga i förskolan", "Andelen elever med behörighet till gymnasiet ska öka"])
        XCTAssertEqual(found.map(\.statusIcon), [.green, .red])
        XCTAssertEqual(found.map(\.status), [.fulfilled, .not_fulfilled])
        XCTAssertEqual(found.map(\.statusText), [nil, nil])
    }

    /// A table row with a status icon and a trend icon beside its words is no legend: only icons
    /// labelled with status words make one.
    func testARowWithTwoIconsBesideOrdinaryWordsIsNoLegend() {
        let row = legendRow([(Self.green, "Utreda samlokalisering"), (Self.red, "Redovisas i mars")], number: 1)
        let legend = legendRow([(Self.green, "Klart"), (Self.red, "Ej påbörjat")], number: 2)
        let layout = LayoutAnalyser().analyse(SourceDocument(name: "r.pdf", kind: .pdf, pages: [SourcePage(number: 1, lines: [row, legend])]))
        XCTAssertEqual(layout.lines.filter { !$0.isBlank }.map(IconLegend.isLegendRow), [false, true])
    }
}
