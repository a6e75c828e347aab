import ReportModel
import XCTest

@testable import Recognisers

/// How the digits of a text row split into numbers when a space is both the thousands separator
/// and the column gap: by the column count, by arithmetic, by the other rows, or not at all.
final class TableSegmentationTests: XCTestCase {
    private func readings(_ text: String, columns: Int) -> [[String]] {
        CellSegmenter.candidates(ValueToken.tokens(of: text), columns: columns).map { $0.cells.map(\.text) }
    }

    private func cellTexts(_ table: ReportTable) -> [[String]] {
        table.rows.filter { !$0.cells.isEmpty }.map { $0.cells.map(\.text) }
    }

    // MARK: One row on its own

    func testThreeDigitGroupsAreTheOnlyUndecidedTokens() {
        // Signs, two-digit and four-digit tokens start numbers; "028" can only be a group.
        let all = readings("91 867 91 728 -139 77 028 14 700", columns: 5)
        XCTAssertTrue(all.contains(["91 867", "91 728", "-139", "77 028", "14 700"]))
        XCTAssertEqual(all.filter { $0.count == 5 }, [["91 867", "91 728", "-139", "77 028", "14 700"]])
        XCTAssertEqual(readings("7 700 7424 96", columns: 3).filter { $0.count == 3 }, [["7 700", "7424", "96"]])
    }

    func testAZeroNeverTakesAThousandsGroup() {
        let all = readings("0 178 178 600 -423", columns: 5)
        XCTAssertFalse(all.contains { $0.first == "0 178" })
        XCTAssertEqual(all.filter { $0.count == 5 }, [["0", "178", "178", "600", "-423"]])
    }

    func testUnitsCommentsAndParenthesesStayWithTheirNumber() {
        let cells = CellSegmenter.candidates(ValueToken.tokens(of: "≤38 (73) 104,1 % >73,5"), columns: 4)[0].cells
        XCTAssertEqual(cells.map(\.text), ["≤38", "(73)", "104,1 %", ">73,5"])
        XCTAssertEqual(cells.map(\.value), [38, 73, 104.1, 73.5])
        XCTAssertEqual(cells[0].comparator, .lessThanOrEqual)
        XCTAssertEqual(cells[3].comparator, .greaterThan)
        XCTAssertTrue(cells[1].preliminary)
        XCTAssertEqual(cells[2].unit, "%")
    }

    func testExtraSpacesAreEmptyCellsWhereTheColumnsNeedThem() {
        // Cells joined with one space: two extra spaces are two empty cells.
        let cells = CellSegmenter.candidates(ValueToken.tokens(of: "104,1 %   105,7 % 100 % 100 % VB 2023"), columns: 7)[0].cells
        XCTAssertEqual(cells.map(\.text), ["104,1 %", "", "", "105,7 %", "100 %", "100 %", "VB 2023"])
    }

    func testRunsOfSpacesAreColumnGapsInALaidOutLine() throws {
        let aligned = try XCTUnwrap(RowSplitter.alignedCells("Verksamhetens intäkter         1 250            250          1 180", columns: 3))
        XCTAssertEqual(aligned.label, "Verksamhetens intäkter")
        XCTAssertEqual(aligned.cells.map(\.text), ["1 250", "250", "1 180"])
        // Extra spaces between single-spaced cells are empty cells, not a layout.
        XCTAssertNil(RowSplitter.alignedCells("Andel inköp 9,82 %    80 % Tas fram", columns: 7))
        XCTAssertNil(RowSplitter.alignedCells("Transport  763 0 600 0", columns: 4))
    }

    func testALabelKeepsItsOwnNumbers() {
        XCTAssertEqual(RowSplitter.split("10 Nämnd 149 111 75", columns: 3, allowTextCells: false).label, "10 Nämnd")
        XCTAssertEqual(RowSplitter.split("<29 år 1,9% 3,2% 1,4%", columns: 3, allowTextCells: false).label, "<29 år")
        XCTAssertEqual(RowSplitter.split("Bokslut 2023 178", columns: 2, allowTextCells: false).label, "Bokslut 2023")
        let split = RowSplitter.split("Andel elektroniska inköp 9,82 %    80 % Tas fram", columns: 7, allowTextCells: true)
        XCTAssertEqual(split.label, "Andel elektroniska inköp")
    }

    // MARK: The column count decides

    func testTheHeaderColumnCountSplitsTheRow() throws {
        let report = recognise("""
            Det ekonomiska utfallet ser ut på följande sätt:

            Delprogram Budget Utfall Utfall %

            10 Nämnd 149 111 75

            20 Kansli 6 364 6 208 98

            Summa 6 513 6 319 97

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.columns.map(\.header), ["Budget", "Utfall", "Utfall %"])
        XCTAssertEqual(cellTexts(table), [["149", "111", "75"], ["6 364", "6 208", "98"], ["6 513", "6 319", "97"]])
        XCTAssertFalse(table.rows.flatMap(\.cells).contains(where: \.ambiguous))
        XCTAssertEqual(table.rows.last?.isSum, true)
    }

    // MARK: Arithmetic decides

    func testADifferenceColumnDecidesWhereTheColumnCountDoesNot() throws {
        // "-39 198 -40 118 -921 -41 084 965" reads as five numbers three ways; only one has
        // Avv. = Bokslut − Budget and Diff. = Bokslut 2023 − Bokslut 2022, as the other rows do.
        let report = recognise("""
            Drift
            Belopp i tkr Budget 2023 Bokslut 2023 Avv. Bokslut 2023/ Budget 2023 Bokslut 2022 Diff. Bokslut 2023/ Bokslut 2022

            Personalkostnader -109 688 -102 266 7 422 -88 880 -13 385
            Lokalhyror -7 431 -7 622 -191 -7 093 -529
            Köp av tjänster -44 617 -50 641 -6 024 -40 211 -10 430
            Övriga kostnader -39 198 -40 118 -921 -41 084 965

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.columns.count, 5)
        XCTAssertEqual(table.rows.last?.cells.map(\.text), ["-39 198", "-40 118", "-921", "-41 084", "965"])
        XCTAssertEqual(table.rows.last?.cells.contains(where: \.ambiguous), false)
        XCTAssertEqual(table.unit, "tkr")
        XCTAssertEqual(table.rows.first?.cells.first?.valueSEK, -109_688_000)
    }

    func testASumRowAndItsVaravRowsDecideAmongFifteenReadings() throws {
        // "2 001 620 1226 699 1 265 699 699 1 389" has 15 readings of eight numbers. The Summa row
        // and the varav rows under it fix which one the report printed.
        let header = """
            Driftsammandrag

            Nettokostnad, belopp mnkr
            Utfall
            2022

            Budget
            2023

            Budget
            2024

            Plan
            2025

            Plan
            2026

            Plan
            2027

            Plan
            2028

            Plan
            2029

            Statsbidrag -4 569 0 -3 455 0 -3 455 0 0 -3 455
            Personalkostnader 2 001 620 1226 699 1 265 699 699 1 389
            Arvoden 406 113 300 116 300 116 116 300
            Övriga kostnader 1 091 300 900 200 800 190 190 700
            """
        let sums = """

            Summa nämndens budget -1 071 1 033 -1 029 1 015 -1 090 1 005 1 005 -1 066
            varav intäkter -4 569 0 -3 455 0 -3 455 0 0 -3 455
            varav kostnader 3 498 1 033 2 426 1 015 2 365 1 005 1 005 2 389
            """
        let withSums = try XCTUnwrap(recognise(header + sums + "\n\n" + longLine).tables.first)
        let personal = try XCTUnwrap(withSums.rows.first { $0.label == "Personalkostnader" })
        XCTAssertEqual(personal.cells.map(\.text), ["2 001", "620", "1226", "699", "1 265", "699", "699", "1 389"])
        XCTAssertFalse(personal.cells.contains(where: \.ambiguous))
        XCTAssertEqual(withSums.unit, "mnkr")
        XCTAssertEqual(personal.cells.first?.valueSEK, 2_001_000_000)
        XCTAssertEqual(withSums.rows.filter { $0.label.hasPrefix("varav") }.map(\.level), [1, 1])
        XCTAssertEqual(withSums.rows.first { $0.label.hasPrefix("Summa") }?.isSum, true)
    }

    func testArithmeticOutweighsTheSizeOfTheOtherRows() throws {
        // "1 100 100" is 1 100 and 100, or 1 and 100 100. The other rows' sizes point to the
        // second; the Summa row, equal to the sum of the rows above in both columns, to the first.
        let rows = """
            Verksamhet Antal Utfall

            Stöd 1 95 000
            Bidrag 2 98 000
            Lokaler 1 100 100
            """
        let summed = try XCTUnwrap(recognise(rows + "\nSumma 1103 193 100\n\n" + longLine).tables.first)
        XCTAssertEqual(summed.rows.first { $0.label == "Lokaler" }?.cells.map(\.text), ["1 100", "100"])
        let unsummed = try XCTUnwrap(recognise(rows + "\n\n" + longLine).tables.first)
        XCTAssertEqual(unsummed.rows.first { $0.label == "Lokaler" }?.cells.map(\.text), ["1", "100 100"])
    }

    func testRowsNothingDecidesAreMarkedAmbiguous() throws {
        let report = recognise("""
            Verksamhet Budget Utfall

            Kultur 1 100 100
            Fritid 2 200 300

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.rows.count, 2)
        for row in table.rows {
            XCTAssertEqual(row.cells.count, 2)
            XCTAssertTrue(row.cells.allSatisfy(\.ambiguous), row.label)
        }
    }

    // MARK: The other rows decide

    func testTheOtherRowsSizeDecidesBetweenAFullAndAShortRow() throws {
        // "-10 523" under columns of thousands is one number with an empty cell after it, not -10 and 523.
        let report = recognise("""
            Prognossäkerhet
            Avstämningstillfälle Prognos Avvikelse från

            bokslut

            Delårsbokslut -3 798 -6 725
            Fördjupad uppföljning -4 100 -6 423

            Slutligt -10 523

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        XCTAssertEqual(table.columns.map(\.header), ["Prognos", "Avvikelse från bokslut"])
        XCTAssertEqual(table.rows.last?.cells.map(\.text), ["-10 523"])
    }
}
