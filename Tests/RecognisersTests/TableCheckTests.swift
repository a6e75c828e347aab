import ReportModel
@testable import Recognisers
import XCTest

/// The arithmetic checks of tables: sum rows and difference columns, each on a table built for it.
final class TableCheckTests: XCTestCase {
    private func table(_ text: String) throws -> ReportTable {
        try XCTUnwrap(recognise(text + "\n\n" + longLine).tables.first)
    }

    func testASumRowIsCheckedAgainstTheRowsAboveItAndVaravRowsAreLeftOut() throws {
        let table = try table("""
            Belopp i tkr                 Budget 2026    Prognos 2026
            Förskola                         -49 033         -54 240
            Grundskola                       -59 779         -60 592
              varav skolskjuts                -2 100          -2 300
            Fritidshem                       -23 358         -25 794
            Summa                           -132 170        -140 626
            """)
        let sums = table.checks.filter { $0.kind == .sum }
        XCTAssertEqual(sums.count, 2)
        XCTAssertEqual(sums.map(\.holds), [true, true])
        XCTAssertEqual(sums.first?.terms, [0, 1, 3])
        XCTAssertEqual(sums.first?.expected, -132_170)
    }

    func testFiguresRoundedToTensAddUpWithinTheTensRounding() throws {
        // Each cost rounded to the nearest ten on its own: the sum is 540 before rounding.
        let rounded = try table("""
            Kostnadspost              Alternativ A   Alternativ B
            Överföring                         350            270
            Avloppsreningsverk                 110            110
            Vattenverk                          60             60
            Grundvattentäkt                     20             20
            Summa                              550            460
            """)
        XCTAssertEqual(rounded.checks.filter { $0.kind == .sum }.map(\.holds), [true, true])
        // Figures in units add up exactly; ten off is an error there.
        let units = try table("""
            Kostnadspost              Alternativ A   Alternativ B
            Överföring                         351            270
            Avloppsreningsverk                 110            110
            Vattenverk                          60             60
            Grundvattentäkt                     20             20
            Summa                              541            460
            """)
        XCTAssertEqual(units.checks.filter { $0.kind == .sum }.map(\.holds), [true, true])
        let wrong = try table("""
            Kostnadspost              Alternativ A   Alternativ B
            Överföring                         351            270
            Avloppsreningsverk                 110            110
            Vattenverk                          60             60
            Grundvattentäkt                     20             20
            Summa                              561            460
            """)
        XCTAssertEqual(wrong.checks.filter { $0.kind == .sum }.map(\.holds), [false, true])
    }

    func testAVotesResultRowCountsTheMarksAboveIt() {
        // Members' crosses under Ja, Nej, Avstår and the result row under them (a vote as the
        // ruled tables of protocols print it).
        func vote(_ marks: [Int], result: [String]) -> ReportTable {
            let here = Provenance(page: 1)
            let rows = marks.enumerated().map { member, column in
                TableRow(label: "Ledamot \(member + 1)", cells: [TableCell(columnIndex: column, value: nil, text: "X")], provenance: here)
            } + [TableRow(
                label: "Resultat", cells: result.enumerated().map { TableCell(columnIndex: $0, value: Double($1), text: $1) },
                provenance: here)]
            return ReportTable(
                id: "t1", title: "Omröstning", unit: nil, columns: ["Ja", "Nej", "Avstår"].map { TableColumn(header: $0, measure: .other) },
                rows: rows, provenance: here)
        }
        let counted = TableChecks().checks(of: vote([0, 1, 0, 1, 0], result: ["3", "2", "0"]))
        XCTAssertEqual(counted.map(\.kind), [.tally, .tally, .tally])
        XCTAssertEqual(counted.map(\.holds), [true, true, true])
        XCTAssertEqual(counted.map(\.expected), [3, 2, 0])
        XCTAssertEqual(counted.first?.terms, [0, 2, 4])
        let miscounted = TableChecks().checks(of: vote([0, 1, 0], result: ["3", "1", "0"]))
        XCTAssertEqual(miscounted.map(\.holds), [false, true, true])
    }

    func testASumThatDoesNotAddUpFailsAndWarns() throws {
        let report = recognise("""
            NÄMND                        Ram 2027   Statsbidrag
            Socialnämnden                 274 077         9 192
            Barn- och ungdomsnämnden    1 166 294         3 625
            TOTALT                      1 440 371        13 817

            \(longLine)
            """)
        let table = try XCTUnwrap(report.tables.first)
        let failed = table.checks.filter { !$0.holds }
        XCTAssertEqual(failed.map(\.column), [1])
        XCTAssertEqual(failed.first?.expected, 12_817)
        XCTAssertEqual(failed.first?.printed, 13_817)
        XCTAssertTrue(report.warnings.contains { $0.code == "table.check" && $0.message.contains("TOTALT") })
    }

    func testADifferenceColumnIsCheckedWithTheSignConventionTheTableUses() throws {
        let table = try table("""
            Belopp i tkr          Budget 2026   Prognos 2026   Avvikelse
            Intäkter                  135 221        138 357       3 136
            Personalkostnader        -717 828       -709 944       7 884
            Lokalhyror               -155 693       -155 693           0
            """)
        let differences = table.checks.filter { $0.kind == .difference }
        XCTAssertEqual(differences.count, 3)
        XCTAssertTrue(differences.allSatisfy(\.holds))
        // Prognos minus Budget: the convention the table prints.
        XCTAssertEqual(differences.first?.terms, [1, 0])
    }

    func testAGroupTotalPrintedOnTheGroupsOwnRowIsCountedOnce() throws {
        let table = try table("""
            Investeringar           Budget 2026   Prognos 2026
            Reinvestering                -5 800         -5 800
            Inventarier                  -4 200         -4 200
            Sängar                       -1 600         -1 600
            Totala utgifter              -5 800         -5 800
            """)
        let sums = table.checks.filter { $0.kind == .sum }
        XCTAssertEqual(sums.map(\.holds), [true, true])
        XCTAssertEqual(sums.first?.terms, [0])
    }

    func testRoundedFiguresAndSharesAreNotFlagged() throws {
        // Figures rounded to one decimal may sum to a total printed from unrounded ones.
        let table = try table("""
            Mnkr                    2024    2025
            Vattenverk               1,3     1,4
            Ledningar                2,3     2,4
            Pumpstationer            0,6     0,7
            Summa                    4,3     4,4
            Andel av total          100%    100%
            """)
        XCTAssertEqual(table.checks.filter { $0.kind == .sum }.map(\.holds), [true, true])
        XCTAssertFalse(table.checks.contains { $0.printed == 100 })
    }
}
