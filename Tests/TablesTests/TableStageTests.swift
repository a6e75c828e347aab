import Layout
import ReportSource
import Tables
import XCTest

/// The table stage on text set the way `pdftotext -layout` sets it: one rule a test, each on a
/// text built for it. Pages are parted by form feeds.
final class TableStageTests: XCTestCase {
    private func grids(_ text: String) -> [TableGrid] {
        let pages = text.components(separatedBy: "\u{0C}").enumerated().map { number, page in
            SourcePage(number: number + 1, lines: page.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                SourceLine(text: String($1), lineNumber: $0 + 1)
            })
        }
        let layout = LayoutAnalyser().analyse(SourceDocument(name: "t.txt", kind: .text, pages: pages))
        return TableStage.grids(in: layout)
    }

    private func cells(_ row: GridRow) -> [String] { row.cells.map(\.text) }

    func testRowsAfterAGroupRowAtItsOwnIndentationAreItsChildren() throws {
        let grid = try XCTUnwrap(grids("""
            Arvoden                                   2027        2028
            Kommunstyrelsens ordförande                100 %       100 %
            Barn- och ungdomsnämnden
            Ordförande                                  15 %        20 %
            Vice ordförande                             10 %        13 %
            Socialnämnden
            Ordförande                                  15 %        20 %
            Vice ordförande                             10 %        13 %

            Arvodena räknas som andel av inkomstbasbeloppet och följer det när det ändras.
            """).first)
        XCTAssertEqual(grid.rows.map(\.label), ["Kommunstyrelsens ordförande", "Barn- och ungdomsnämnden", "Ordförande",
                                                "Vice ordförande", "Socialnämnden", "Ordförande", "Vice ordförande"])
        XCTAssertEqual(grid.rows.map(\.level), [0, 0, 1, 1, 0, 1, 1])
        XCTAssertEqual(grid.rows.map(\.parent), [nil, nil, 1, 1, nil, 4, 4])
    }

    /// One indicator table under each goal: the second's header prints the stub again over
    /// other columns, and starts a table of its own however its columns line up with the first's.
    func testTheStubPrintedAgainOverOtherColumnsStartsTheNextTable() throws {
        let found = grids("""
            Indikator                                   Mål 2026    Utfall 2025    Utfall 2024
            Antal besök på biblioteken                  410 000     398 200        385 100
            Andel nöjda besökare (%)                    90          88             87

            Bedömning: Delvis uppfyllt

            Nämndmål: Idrottsanläggningarna ska vara tillgängliga för alla

            Indikator                                   Mål (utfall) 2026
            Andel tider till flickor                    45 (41)
            Beläggning i sporthallar, %                 85 (87)
            """)
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found.first?.rows.map(\.label), ["Antal besök på biblioteken", "Andel nöjda besökare (%)"])
        XCTAssertEqual(found.last?.columns.map(\.header), ["Mål (utfall) 2026"])
        XCTAssertEqual(found.last?.rows.map(\.label), ["Andel tider till flickor", "Beläggning i sporthallar, %"])
    }

    func testOneRowLeftBlankIsNoGroup() throws {
        // An indicator not measured yet has no figures; the rows after it are not its members.
        let grid = try XCTUnwrap(grids("""
            Indikator                                 2024        2025
            Andel nöjda brukare                         82          85
            Andel med genomförandeplan
            Antal avvikelser                            41          37
            Antal klagomål                              12           9

            Utfallet för 2025 är preliminärt och kan ändras när årsredovisningen fastställs.
            """).first)
        XCTAssertEqual(grid.rows.map(\.level), [0, 0, 0, 0])
        XCTAssertEqual(grid.rows.map(\.parent), [nil, nil, nil, nil])
    }

    func testRowsIndentedUnderAGroupRowKeepTheirIndentation() throws {
        let grid = try XCTUnwrap(grids("""
            Investeringar (tkr)                       Budget    Prognos
            Insamling
              Nya kärl                                 1 000      1 000
              Containrar                                 900        900
            Reinvestering                             17 250      8 000

            Prognosen för reinvesteringar är lägre än budget, då upphandlingen av fordon dröjer.
            """).first)
        XCTAssertEqual(grid.rows.map(\.level), [0, 1, 1, 0])
        XCTAssertEqual(grid.rows.map(\.parent), [nil, 0, 0, nil])
    }

    func testATableIsFoundWhateverItsHeaderSays() throws {
        // No word of this header is report vocabulary: the columns are found from alignment.
        let found = grids("""
            Taxor för hämtning

            Kärlstorlek              Tömning varannan vecka      Tömning var fjärde vecka
            140 liter                        1 250                        980
            190 liter                        1 540                      1 120
            370 liter                        2 860                      2 010

            Avgiften tas ut per hushåll och år och gäller från den första januari.
            """)
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(grid.columns.map(\.header), ["Tömning varannan vecka", "Tömning var fjärde vecka"])
        XCTAssertEqual(grid.stub, "Kärlstorlek")
        XCTAssertEqual(grid.rows.map(\.label), ["140 liter", "190 liter", "370 liter"])
        XCTAssertEqual(grid.rows.map(cells), [["1 250", "980"], ["1 540", "1 120"], ["2 860", "2 010"]])
    }

    func testProseWithNumbersIsNoTable() {
        let found = grids("""
            Under 2025 ökade antalet elever med 120 till 4 987, och kostnaden per elev steg med 3,2 procent.
            Nämnden har 14 förskolor och 9 skolor, där 1 250 barn och 4 987 elever går.

            Prognosen för helåret visar ett överskott på 5 000 tkr jämfört med budget.
            """)
        XCTAssertTrue(found.isEmpty)
    }

    func testStackedHeaderCellsJoinTopDown() throws {
        let grid = try XCTUnwrap(grids("""
            Belopp i tkr          Budget 2026      Prognos         Avv.
                                                 helår 2026     prognos/
                                                               budget 2026
            Verksamhetens intäkter     34 956       37 201         2 245
            Personalkostnader         -57 455      -56 595           860
            """).first)
        XCTAssertEqual(grid.stub, "Belopp i tkr")
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2026", "Prognos helår 2026", "Avv. prognos/ budget 2026"])
        XCTAssertEqual(grid.columns[1].headerParts, ["Prognos", "helår 2026"])
    }

    /// Header cells set flush left over right-aligned figures: the shorter lower cell (`2027`)
    /// ends further from its column than a header cell may, yet is stacked under `Budget`.
    func testAShortHeaderCellStackedUnderAColumnsCellIsThatColumns() throws {
        let grid = try XCTUnwrap(grids("""
                                                 Budget           Ram          Ram
                                                 2027             2028         2029
            Ingående eget kapital                        9 279       10 259       11 280
            Årets resultat                                 980        1 021        1 060
            Utgående eget kapital                       10 259       11 280       12 340
            """).first)
        XCTAssertEqual(grid.stub, "")
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2027", "Ram 2028", "Ram 2029"])
    }

    /// A row's figures set a character or two off their columns (laid-out text from a
    /// proportional font) stay in those columns instead of making columns of their own.
    func testFiguresSetSlightlyOffTheirColumnStayInIt() throws {
        let grid = try XCTUnwrap(grids("""
                                         (tkr)     2027          2028          2029          2030
            Fordon                                 12 250         9 600         4 650           950
            Räddningsmaterial                       1 130         1 166         1 202         1 238
            Inventarier                                 50              50            50           50
            Totalt                                 13 930        10 816         5 902         2 238
            """).first)
        XCTAssertEqual(grid.columns.map(\.header), ["2027", "2028", "2029", "2030"])
        XCTAssertEqual(grid.rows[2].cells.map(\.column), [0, 1, 2, 3])
    }

    /// Header cells of two columns set a word space apart part where the columns part, not at
    /// the first word space (`Budget 2026 | Prognos helår`).
    func testHeaderCellsSetAWordSpaceApartPartAtTheColumnBoundary() throws {
        let grid = try XCTUnwrap(grids("""
            Belopp i tkr                      Budget 2026 Prognos helår   Avv. prognos/
                                                                  2026     budget 2026
            Verksamhetens intäkter                148 248       146 428          -1 821
            Personalkostnader                     -45 581       -45 346             235
            """).first)
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2026", "Prognos helår 2026", "Avv. prognos/ budget 2026"])
    }

    func testGroupCellsPrefixTheColumnsBeneathWhenNamesWouldCollide() throws {
        let grid = try XCTUnwrap(grids("""
                                  Perioden                      Helår
                           Budget    Utfall     Avv.     Budget   Prognos    Avv.
            Intäkter         120       130       10        360      380       20
            Kostnader       -400      -390       10     -1 200   -1 150       50
            """).first)
        XCTAssertEqual(grid.columns.map(\.header), [
            "Perioden Budget", "Perioden Utfall", "Perioden Avv.", "Helår Budget", "Helår Prognos", "Helår Avv.",
        ])
    }

    func testAHeaderLineWithoutColumnGapsIsSplitOverItsColumns() throws {
        // In text one space is all the gap there is: each word over a column names it.
        let grid = try XCTUnwrap(grids("""
            Belopp tkr      Budget Plan  Plan
                             2024  2025  2026
            Intäkter          -45   -45   -45
            Kostnader         900   910   920
            """).first)
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2024", "Plan 2025", "Plan 2026"])
    }

    func testRowsWrapNestAndGroup() throws {
        let grid = try XCTUnwrap(grids("""
            Belopp i tkr                     Budget 2026    Prognos 2026
            Intäkter
              Taxor och avgifter                   1 200           1 300
              Bidrag från staten för
              särskilda insatser                     400             450
            Kostnader
              Personal                            -9 000          -9 100
            Summa                                 -7 400          -7 350
            """).first)
        XCTAssertEqual(grid.rows.map(\.label), [
            "Intäkter", "Taxor och avgifter", "Bidrag från staten för särskilda insatser", "Kostnader", "Personal", "Summa",
        ])
        XCTAssertEqual(grid.rows.map(\.level), [0, 1, 1, 0, 1, 0])
        XCTAssertEqual(grid.rows[2].parent, 0)
        XCTAssertEqual(grid.rows[4].parent, 3)
        XCTAssertTrue(grid.rows[0].cells.isEmpty)
        XCTAssertEqual(cells(grid.rows[2]), ["400", "450"])
    }

    func testTheLastRowsLabelGoesOnBelowItsFiguresForSeveralLines() throws {
        // Cells set top-aligned: the last row's label wraps over more lines than its figures
        // take, and every line of it belongs to the row; the note after a blank line does not.
        let grid = try XCTUnwrap(grids("""
            Nämndmål                     Indikator                   2023     2024
            Säkerställa en effektiv      Antal möten                    7        7
            valorganisation
            Skapa förutsättningar för    Fler förvaltningar           I.U.     Öka
            att valet ska bli en         involveras i valet
            kommunal angelägenhet i
            form av ökad samverkan
            mellan nämnders verksamheter

            *I.U. betyder ingen uppgift.
            """).first)
        // A source note set right under the last row is no part of its label.
        let noted = try XCTUnwrap(grids("""
            Indikator                    2023     2024
            Andel nöjda brukare            82       85
            Antal avvikelser               41       37
            Källa egen mätning
            Uppdaterad mars 2025
            """).first)
        XCTAssertEqual(noted.rows.map(\.label), ["Andel nöjda brukare", "Antal avvikelser"])
        XCTAssertEqual(grid.rows.map(\.label), [
            "Säkerställa en effektiv valorganisation",
            "Skapa förutsättningar för att valet ska bli en kommunal angelägenhet i form av ökad samverkan mellan nämnders verksamheter",
        ])
    }

    func testATableGoesOnOnTheNextPageWithoutItsHeader() throws {
        let found = grids("""
            Antal årsarbetare          2024      2025
            Förskola                    412       420
            Grundskola                  655       661
            \u{0C}Fritidshem              101       104
            Gymnasium                  233       240
            """)
        XCTAssertEqual(found.count, 1)
        let grid = try XCTUnwrap(found.first)
        XCTAssertEqual(grid.pages, [1, 2])
        XCTAssertEqual(grid.rows.map(\.label), ["Förskola", "Grundskola", "Fritidshem", "Gymnasium"])
        XCTAssertEqual(grid.rows[3].cells.map(\.column), [0, 1])
    }

    func testChartTicksAndContentsPagesAreNoTables() {
        XCTAssertTrue(grids("""
                  100%
                   80%
                   60%
                   40%
                   20%
                    0%
                       2021    2022    2023
            """).isEmpty)
        XCTAssertTrue(grids("""
            Innehåll
            Inledning ........................................ 3
            Ekonomi ........................................... 5
            Verksamhet ........................................ 9
            """).isEmpty)
    }

    func testCodesBeforeTheLabelAreIdentifierColumns() throws {
        let grid = try XCTUnwrap(grids("""
            Pri   Proj nr   Investering                  Budget 2027   Plan 2028
            1     6289      Ny förskola i Väster               5 000       3 000
            2     6301      Renovering av simhall              1 200         800
            """).first)
        XCTAssertEqual(grid.identifierColumns.map(\.header), ["Pri", "Proj nr"])
        XCTAssertEqual(grid.rows[1].identifiers.map(\.text), ["2", "6301"])
        XCTAssertEqual(grid.rows.map(\.label), ["Ny förskola i Väster", "Renovering av simhall"])
        XCTAssertEqual(grid.columns.map(\.header), ["Budget 2027", "Plan 2028"])
    }

    func testRowLabelsSetAroundTheirFiguresAreJoined() throws {
        // Labels wrapped over lines above and below a row's figures (cells centred vertically),
        // and a stub cell centred on the header the same way.
        let grid = try XCTUnwrap(grids("""
            Visstidsanställda
                                   2023       2024       2025
            timavlönade

            Utförd tid av
            timavlönade*
                                   63,0       48,0       51,1
            (omräknad till
            antal årsarbetare)

            Andel
                                   5,5%       4,4%       4,4%
            timavlönade
            """).first)
        XCTAssertEqual(grid.stub, "Visstidsanställda timavlönade")
        XCTAssertEqual(grid.columns.map(\.header), ["2023", "2024", "2025"])
        XCTAssertEqual(grid.rows.map(\.label), [
            "Utförd tid av timavlönade* (omräknad till antal årsarbetare)", "Andel timavlönade",
        ])
    }

    func testAHeaderCellOverAColumnNoRowFillsMakesItsColumn() throws {
        let grid = try XCTUnwrap(grids("""
                                      Periodens     Utfall      Utfall     Utfall VB
            Indikator                    utfall     män/        kvinnor/        2022     Årsmål
                                                    pojkar      flickor
            Budgetföljsamhet            104,1 %                                105,7 %     100 %
            Prognossäkerhet                -4 %                                   6 %     +/-1 %
            """).first)
        XCTAssertEqual(grid.columns.map(\.header), [
            "Periodens utfall", "Utfall män/ pojkar", "Utfall kvinnor/ flickor", "Utfall VB 2022", "Årsmål",
        ])
        XCTAssertEqual(grid.rows[0].cells.map(\.column), [0, 3, 4])
    }

    func testTheSameHeaderUnderANewCaptionOnTheNextPageIsANewTable() throws {
        let found = grids("""
            Ram 2028
            Nämnd                      Ram         Förändring
            Socialnämnden          274 077               -50
            Tekniska nämnden        88 604            -3 250
            \u{0C}Ram 2029
            Nämnd                      Ram         Förändring
            Socialnämnden          280 000               -40
            Tekniska nämnden        90 000            -1 000
            """)
        XCTAssertEqual(found.map(\.pages), [[1], [2]])
    }

    func testACaptionRunIntoTheHeaderLineLeavesTheHeader() throws {
        // With several rows of figures the columns are certain: the caption before the stub's
        // own words is dropped, the header kept.
        let grid = try XCTUnwrap(grids("""
            Tabell 10 Uppskattad kostnad för nya verk. Investering (mnkr)   Minsta   Trolig   Maximal
            Nytt avloppsreningsverk                                              50       65        90
            Befintligt avloppsreningsverk                                         1        2         3
            """).first)
        XCTAssertEqual(grid.stub, "Investering (mnkr)")
        XCTAssertEqual(grid.columns.map(\.header), ["Minsta", "Trolig", "Maximal"])
    }

    func testTheYearAFigureWasMeasuredStaysWithItsCell() throws {
        // `(2019)` under `1,35` is when the value was measured, not a second row of figures.
        let grid = try XCTUnwrap(grids("""
            Indikator                                                  Senast       Mål      Mål
                                                                       uppmätta     2022     2025
            Slutanvändning energi inom offentlig verksamhet inom det   1,35         1,28     1,20
            geografiska området, MWh/inv                               (2019)
            Antal fastigheter med fossil energikälla                   4            2        0
                                                                       (2020)
            """).first)
        XCTAssertEqual(grid.rows.map(\.label), [
            "Slutanvändning energi inom offentlig verksamhet inom det geografiska området, MWh/inv",
            "Antal fastigheter med fossil energikälla",
        ])
        XCTAssertEqual(grid.rows[0].cells.first?.text, "1,35 (2019)")
    }

    func testADescriptionUnderARowLabelStaysInTheTableAndNamesNoRow() throws {
        // Running text inside the labels' column says what a row measures; the rows below it
        // belong to the same table.
        let grid = try XCTUnwrap(grids("""
            Nyckeltal                                              Utfall     Mål 2030
            Andel förnybar energi i kommunens fordon               62         80
            Andel av alla fordon som drivs med el, biogas eller
            förnybar diesel, räknat vid årets slut. Källa:
            kommunens fordonsregister.

            Antal laddplatser vid kommunala arbetsplatser          45         120
            """).first)
        XCTAssertEqual(grid.rows.map(\.label), ["Andel förnybar energi i kommunens fordon", "Antal laddplatser vid kommunala arbetsplatser"])
        XCTAssertEqual(grid.rows.map(cells), [["62", "80"], ["45", "120"]])
    }

    func testANoteBesideADescriptionGoesOnTheFiguresAbove() throws {
        // The year a figure was measured printed beside the first line of the row's description.
        let grid = try XCTUnwrap(grids("""
            Nyckeltal                                              Utfall     Mål 2030
            Resor med kollektivtrafik per invånare                 118        150
            Påstigande på buss och tåg i kommunen delat            (2024)
            med antalet invånare den sista december.
            Antal cykelparkeringar vid stationer                   430        600
            """).first)
        XCTAssertEqual(grid.rows.map(\.label), ["Resor med kollektivtrafik per invånare", "Antal cykelparkeringar vid stationer"])
        XCTAssertEqual(grid.rows[0].cells.map(\.text), ["118 (2024)", "150"])
    }

    func testRowsSetFarApartStayOneTableWhenTheirFiguresLineUp() throws {
        let found = grids("""
            Verksamhet                     Budget      Utfall
            Gator och vägar                 4 200       4 350




            Parker                          1 900       1 720




            Belysning                         800         910
            """)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.rows.map(\.label), ["Gator och vägar", "Parker", "Belysning"])
    }

    func testALineOfWordsThatStartsAnewIsARowOfItsOwn() throws {
        // Values in words (`Nytt`, `Fler än i fjol`) make a row, not the tail of the row above.
        let grid = try XCTUnwrap(grids("""
            Indikator                          Utfall      Mål
            Andel elbilar i kommunens flotta   34 %        50 %
            Antal nya laddplatser              Nytt        Fler än i fjol
            Nöjdhet med laddnätet              71          75
            """).first)
        XCTAssertEqual(grid.rows.map(\.label), ["Andel elbilar i kommunens flotta", "Antal nya laddplatser", "Nöjdhet med laddnätet"])
        XCTAssertEqual(grid.rows[1].cells.map(\.text), ["Nytt", "Fler än i fjol"])
    }

    func testAFigureUnderAFigureStartsARowAndALoneZeroIsNone() throws {
        let grid = try XCTUnwrap(grids("""
            Mål                      Indikator                  Utfall        Mål
            Fler resor med buss      Resor per invånare         41            50
            och tåg                  och år
                                     Andel sanerade deponier    2 av 8        6 av 8
                                     Andel nöjda resenärer      78            80
                                                                              0
            """).first)
        XCTAssertEqual(grid.rows.count, 3)
        XCTAssertEqual(grid.rows.map { $0.cells.map(\.text) }, [
            ["Resor per invånare och år", "41", "50"], ["Andel sanerade deponier", "2 av 8", "6 av 8"],
            ["Andel nöjda resenärer", "78", "80"],
        ])
        XCTAssertEqual(grid.rows[0].label, "Fler resor med buss och tåg")
    }

    func testCellsThatGoOnInLowerCaseOrBracketsAreNoNewHeader() throws {
        // Under a row with a column of text, a wrapped line over the figure columns continues
        // the row; a new table's header would start its names.
        let grid = try XCTUnwrap(grids("""
            Mål                      Indikator                  Utfall        Mål
            Minskad energianvändning Energi i kommunens         218           170
                                     lokaler per kvadratmeter   (aug 2025)
            Fler resor med buss      Resor per invånare         41            50
            """).first)
        XCTAssertEqual(grid.rows.count, 2)
        XCTAssertEqual(grid.rows[0].cells.map(\.text), ["Energi i kommunens lokaler per kvadratmeter", "218 (aug 2025)", "170"])
    }

    func testAHeaderRepeatedUnderTheFirstRowIsNoRow() throws {
        // A form that prints its column names again before its second row (areas in a lease),
        // its row label at the margin and the names of the areas in a column of text: the
        // repeated names end the first table, they are no row of it.
        let found = grids("""
            Lokalens storlek   Areatyp        Plan      ca m²      Areatyp        Plan      ca m²
            och omfattning     Kontor         2         37,5       Förråd         1         117
                               Areatyp        Plan      ca m²
                               Omklädning     1         170
            """)
        let first = try XCTUnwrap(found.first)
        XCTAssertEqual(first.rows.map { $0.cells.first?.text }, ["Kontor"])
        XCTAssertFalse(found.flatMap(\.rows).flatMap(\.cells).contains { $0.text.contains("Areatyp") }, "\(found)")
    }

    func testAFigureSetLowerInAColumnItsRowLeavesEmptyIsThatRowsCell() throws {
        let grid = try XCTUnwrap(grids("""
            Område              Lärare      Assistenter    Vikarier
            Norra               3 (33%)     2 (22%)        4 (44%)
            Södra               5 (38%)     8 (62%)
                                                           0
            Västra              7 (39%)     2 (11%)        9 (50%)
            """).first)
        XCTAssertEqual(grid.rows.map(\.label), ["Norra", "Södra", "Västra"])
        XCTAssertEqual(grid.rows[1].cells.map(\.text), ["5 (38%)", "8 (62%)", "0"])
    }

    func testRowsFillingDifferentColumnsAreOneTableWhenARowBelowFillsThemAll() throws {
        // Each alternative has costs of its own: the first rows share no column, the rows below
        // fill them all.
        let found = grids("""
            Investering (mnkr)          Lokalt      Väster      Sjön
            Nytt reningsverk              65
            Del i befintligt verk                     2           2
            Ledningar                     32         129         104
            Summa                         97         131         106
            """)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.rows.map(\.label), ["Nytt reningsverk", "Del i befintligt verk", "Ledningar", "Summa"])
        XCTAssertEqual(found.first?.columns.map(\.header), ["Lokalt", "Väster", "Sjön"])
    }

    func testALabelThatReadsAsAFigureLabelsItsRow() throws {
        // Age bands among text labels, at the labels' margin, make no column of figures.
        let grid = try XCTUnwrap(grids("""
            Sjukfrånvaro         2024      2025      Differens
            Totalt               3,4%      3,7%      0,3%
            Kvinnor              3,9%      3,8%      -0,1%
            Män                  2,7%      3,6%      0,8%
            <29 år               1,9%      3,2%      1,4%
            30–49 år             4,1%      4,4%      0,3%
            """).first)
        XCTAssertEqual(grid.columns.map(\.header), ["2024", "2025", "Differens"])
        XCTAssertEqual(grid.rows.map(\.label), ["Totalt", "Kvinnor", "Män", "<29 år", "30–49 år"])
        XCTAssertEqual(grid.rows[3].cells.map(\.text), ["1,9%", "3,2%", "1,4%"])
    }

    func testAFigureWithANoteInBracketsIsStillAFigure() throws {
        // `140 000 kr (50 %)`: an amount with its share in brackets makes a row of figures.
        let grid = try XCTUnwrap(grids("""
            Namn på åtgärd        Startdatum   Effekt (helår)
            Beslutade timmar      2026-04-01   360 000 kr
            Samplanering          2026-04-01   Effekt på helheten
            Övertid               2026-02-01   140 000 kr (50 %)
            """).first)
        XCTAssertEqual(grid.rows.map(\.label), ["Beslutade timmar", "Samplanering", "Övertid"])
        XCTAssertEqual(grid.rows.last?.cells.last?.text, "140 000 kr (50 %)")
    }

    func testAHeaderOverRowsOfFiguresWithNoLabelsNamesEveryColumn() throws {
        // One indicator's figures under its header, its name printed above as a label that wraps
        // (neither line of it a header line): the first column is figures like the rest, not a
        // column of row labels under a stub.
        let grid = try XCTUnwrap(grids("""
            Indikator: Andel brukare som är nöjda med stödet de får från
            hemtjänsten i sin helhet (%)

                                  Preliminärt utfall
                 Mål 2023                2023           Utfall 2022         Utfall 2021

                    72                   (73)               72                  71

            Kommentar:
            Utfallet för 2023 är preliminärt och kan ändras när årsredovisningen har fastställts av fullmäktige.
            """).first)
        XCTAssertEqual(grid.stub, "")
        XCTAssertEqual(grid.columns.map(\.header), ["Mål 2023", "Preliminärt utfall 2023", "Utfall 2022", "Utfall 2021"])
        XCTAssertEqual(grid.rows.map(\.label), [""])
        XCTAssertEqual(grid.rows.first.map(cells), ["72", "(73)", "72", "71"])
    }

    func testListsSetOneUnderTheOtherEachUnderACaptionNamingItsColumnAreTablesOfTheirOwn() throws {
        // A member contribution by year: one column of figures under a caption naming it, a
        // second list (the members' shares) set beside the total, and the next year's list
        // under a caption of the same kind.
        let found = grids("""
            Förbundets medlemsbidrag

            Budget 2026
            Medlemsbidrag 2025                         51 200
            Uppräkning med PKV                          1 536
            Nytt larmsystem                               400

            Medlemsbidrag 2026                         53 136 Kungälv      31 880
                                                              Stenungsund  21 256
            Plan 2027
            Medlemsbidrag 2026                         53 136
            Uppräkning med PKV                          1 700

            Medlemsbidrag 2027                         54 836 Kungälv      32 900
                                                              Stenungsund  21 936

            Förbundet redovisar sina kostnader per verksamhet i bilagan till budgeten.
            """)
        XCTAssertEqual(found.count, 2, "\(found.map(\.columns))")
        XCTAssertEqual(found.map { $0.columns.map(\.header) }, [["Budget 2026"], ["Plan 2027"]])
        XCTAssertEqual(found.first?.rows.map(\.label), [
            "Medlemsbidrag 2025", "Uppräkning med PKV", "Nytt larmsystem", "Medlemsbidrag 2026", "Kungälv", "Stenungsund",
        ])
        XCTAssertEqual(found.first?.rows.map { $0.cells.map(\.text) }, [["51 200"], ["1 536"], ["400"], ["53 136"], ["31 880"], ["21 256"]])
        XCTAssertEqual(found.last?.rows.last?.label, "Stenungsund")
    }

    func testALineAfterTheTableThatGoesOnInLowerCaseOverItsColumnsIsNoRow() throws {
        // A heading after the table whose last words extraction set apart, over the columns.
        let grid = try XCTUnwrap(grids("""
            Förpackningsslag           Kärlvolym        Intervall
            Pappersförpackningar       660 liter        52 ggr/år
            Plastförpackningar         370 liter        26 ggr/år
            Glasförpackningar          190 liter        13 ggr/år
            Avgift för utökat intervall                 av förpackningar

            Avgiften tas ut per hämtning och kärl enligt taxans bilaga.
            """).first)
        XCTAssertEqual(grid.rows.map(\.label), ["Pappersförpackningar", "Plastförpackningar", "Glasförpackningar"])
        XCTAssertEqual(grid.rows.first?.cells.map(\.text), ["660 liter", "52 ggr/år"])
    }
}
