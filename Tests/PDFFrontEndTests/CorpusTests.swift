import Foundation
import Layout
import Normalisation
import PDFFrontEnd
import ReportSource
import Tables
import XCTest

/// Accuracy on the corpus: the renditions against the texts they were made from, and the real
/// PDFs against their answer keys (table rows as tab-separated cells, headings as lines).
///
/// The renditions are in the package's `corpus/`; the real PDFs are read from `../shared/corpus`
/// beside the package and never copied into it. A test whose files are missing is skipped.
final class CorpusTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// Lower-case, tabs and runs of spaces folded to one space, soft hyphens out.
    func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00AD}", with: "").replacingOccurrences(of: "\u{00A0}", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ").lowercased()
    }

    func readPDF(_ url: URL) throws -> SourceDocument {
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("\(url.path) is not here") }
        return try PDFFrontEnd().read(contentsOf: url)
    }

    // MARK: Renditions against their texts

    /// Share of the text's runs of four words that the PDF gives in the same order. The
    /// renditions break lines elsewhere than the texts, so words in order are what must match.
    func wordOrderRecall(_ name: String) throws -> Double {
        let text = Self.packageRoot.appendingPathComponent("corpus/text/\(name).txt")
        guard let source = try? String(contentsOf: text, encoding: .utf8) else { throw XCTSkip("no \(text.path)") }
        let document = try readPDF(Self.packageRoot.appendingPathComponent("corpus/pdf/\(name).pdf"))
        func grams(_ text: String) -> [String] {
            let words = normalised(text).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{0C}" })
                .map { $0.trimmingCharacters(in: .punctuationCharacters) }.filter { !$0.isEmpty }
            guard words.count >= 4 else { return [] }
            return (0...(words.count - 4)).map { words[$0..<($0 + 4)].joined(separator: " ") }
        }
        let pdfText = document.pages.flatMap(\.lines).map(\.text).joined(separator: "\n")
        let found = Set(grams(pdfText))
        let expected = grams(source)
        return Double(expected.filter { found.contains($0) }.count) / Double(max(1, expected.count))
    }

    func testRenditionsGiveTheLinesOfTheirTexts() throws {
        for name in ["000_7d3792ff3fe738e4", "001_b0b526fadd4e10f8", "002_941cf6f9d2df7b9f"] {
            let recall = try wordOrderRecall(name)
            print("word-order recall \(name): \(String(format: "%.3f", recall))")
            // Table cells are read row by row with their cells side by side, so runs of words
            // that cross a cell differ from the text's; prose must match.
            XCTAssertGreaterThanOrEqual(recall, 0.8, name)
        }
    }

    func testStatusIconsOfARenditionAreRead() throws {
        let document = try readPDF(Self.packageRoot.appendingPathComponent("corpus/pdf/000_7d3792ff3fe738e4.pdf"))
        let statusLines = document.pages.flatMap(\.lines).filter { $0.text.hasPrefix("Uppfylls") }
        XCTAssertFalse(statusLines.isEmpty)
        for line in statusLines {
            XCTAssertEqual(line.icons.count, 1, line.text)
            let color = try XCTUnwrap(line.icons.first?.color)
            if line.text == "Uppfylls helt" { XCTAssertTrue(color.green > 120 && color.red < 100, "\(color.hex)") }
            if line.text == "Uppfylls delvis" { XCTAssertTrue(color.red > 200 && color.green > 150 && color.blue < 80, "\(color.hex)") }
        }
    }

    // MARK: Real PDFs against their keys

    struct Key: Decodable {
        struct Cell: Decodable { var raw: String }
        struct TableRow: Decodable { var label: String; var cells: [Cell] }
        struct Table: Decodable { var rows: [TableRow] }
        struct Value: Decodable { var raw: String }
        struct Indicator: Decodable { var name: String; var values: [Value] }
        struct Heading: Decodable { var text: String; var page: Int? }
        var pages: [Int]?
        var tables: [Table]
        var indicators: [Indicator]?
        var headings: [Heading]
    }

    /// Table rows whose label and every cell come out as one row of the table stage, and
    /// headings that come out as one line (or two lines joined), over the key's pages.
    func keyRecall(_ name: String) throws -> (rows: Double, headings: Double) {
        let keyURL = Self.shared.appendingPathComponent("gold/\(name).gold.json")
        guard let data = try? Data(contentsOf: keyURL) else { throw XCTSkip("no \(keyURL.path)") }
        let key = try JSONDecoder().decode(Key.self, from: data)
        let document = try readPDF(Self.shared.appendingPathComponent("pdf/\(name).pdf"))
        let pages = document.pages.filter { key.pages?.contains($0.number) ?? true }
        let lines = pages.flatMap(\.lines).filter { !$0.isBlank }
        // Rows as the table stage reads them: the front-end leaves stacked header cells and
        // wrapped labels on lines of their own, and the table stage puts them together.
        let layout = LayoutAnalyser().analyse(Normaliser().normalise(document).document)
        let keyed = Set(pages.map(\.number))
        let cellLines = TableStage.grids(in: layout).filter { !keyed.isDisjoint(with: $0.pages) }.flatMap(\.rows).map { row in
            ([row.label] + row.cells.map(\.text)).map(normalised)
        }
        var rows = 0, rowsFound = 0
        let expected = key.tables.flatMap(\.rows).map { ($0.label, $0.cells.map(\.raw)) }
            + (key.indicators ?? []).map { ($0.name, $0.values.map(\.raw)) }
        for (rowLabel, rowCells) in expected where !rowCells.isEmpty {
            do {
                rows += 1
                let label = normalised(rowLabel)
                let cells = rowCells.map { normalised($0) }
                // The label is a field (not always the first: nested tables put a board and a
                // goal before it), and each cell is a later field; a cell may carry a note after
                // its figure (`1,35 (2019)`), and a label may wrap onto a line of its own.
                func isLabel(_ field: String) -> Bool {
                    // An empty field (a row without a label) is a prefix of every label: it names none.
                    !field.isEmpty && (label.hasSuffix(field) || field.hasSuffix(label) || label.hasPrefix(field) || field.hasPrefix(label))
                }
                if cellLines.contains(where: { fields in
                    guard let at = fields.firstIndex(where: isLabel) else { return false }
                    return cells.allSatisfy { cell in fields[(at + 1)...].contains { $0 == cell || $0.hasPrefix(cell + " (") } }
                }) {
                    rowsFound += 1
                } else {
                    print("  missing row in \(name): \(rowLabel) \(rowCells)")
                }
            }
        }
        let texts = lines.map { normalised($0.text) }
        let pairs = zip(texts, texts.dropFirst()).map { $0 + " " + $1 }
        let joined = Set(texts + pairs + zip(pairs, texts.dropFirst(2)).map { $0 + " " + $1 })
        let headings = key.headings.filter { joined.contains(normalised($0.text)) }.count
        return (rows == 0 ? 1 : Double(rowsFound) / Double(rows), Double(headings) / Double(max(1, key.headings.count)))
    }

    func testRealPDFsGiveTheirKeysTableRowsAsTableStageRows() throws {
        let names = [
            "alingsas-vargarda_raddningstjanstforbund_budget_2027_ramar_2028-2029",
            "alingsas_socialnamnden_manadsuppfoljning_maj_2026",
            "soderkoping_samordning_mal_och_strategier_miljo_och_klimat_2022",
        ]
        for name in names {
            let recall = try keyRecall(name)
            print("key recall \(name): rows \(String(format: "%.3f", recall.rows)) headings \(String(format: "%.3f", recall.headings))")
            XCTAssertGreaterThanOrEqual(recall.rows, 0.9, name)
            XCTAssertGreaterThanOrEqual(recall.headings, 0.8, name)
        }
    }

    func testEveryCorpusPDFIsReadWithoutError() throws {
        let folder = Self.shared.appendingPathComponent("pdf")
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw XCTSkip("no \(folder.path)")
        }
        for file in files.sorted() where file.hasSuffix(".pdf") {
            let document = try PDFFrontEnd().read(contentsOf: folder.appendingPathComponent(file))
            XCTAssertFalse(document.pages.isEmpty, file)
            XCTAssertTrue(document.pages.contains { !$0.lines.isEmpty }, file)
            for page in document.pages {
                for line in page.lines where !line.isBlank {
                    XCTAssertNotNil(line.box, "\(file) p\(page.number): \(line.text)")
                    // Column gaps travel in the words, never as characters of the text.
                    XCTAssertFalse(line.text.contains("\t"), "\(file) p\(page.number): \(line.text)")
                    XCTAssertFalse(line.cellTexts.contains { $0.isEmpty })
                    XCTAssertFalse(line.text.contains("  "), "\(file) p\(page.number): \(line.text)")
                }
            }
        }
    }
}
