import CPoppler
import Comparison
import Foundation
import ReportModel
import ReportSource
import Warehouse
import XCTest

/// The chart page opened in a real headless browser (Debian's `chromium`, which the test set-up
/// installs): what it draws, read from the rendered page and from a screenshot.
final class ChartInBrowserTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kr-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Seconds a page may take the browser.
    static let browserTimeLimit = 90.0

    static let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs the browser headless on a page; what it printed on standard output.
    private func browse(_ page: URL, _ arguments: [String]) throws -> String {
        guard let browser = Self.browser else { throw XCTSkip("no chromium: scripts/setup.sh installs it") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)"] + arguments + [page.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A browser that hangs fails the test rather than the whole run.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.browserTimeLimit, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return String(decoding: data, as: UTF8.self)
    }

    /// A comparison of six municipalities over two years, one with a long name and board.
    private func comparison() -> Comparison {
        let names = [("Alingsås", "1489"), ("Vårgårda", "1442"), ("Lerum", "1441"), ("Herrljunga", "1466"),
                     ("Upplands Väsby", "0114"), ("Haparanda", "2583")]
        var values: [Comparison.Value] = []
        for year in [2024, 2025] {
            for (index, (name, code)) in names.enumerated() {
                let value = Double(60 + index * 7 + (year - 2024) * 3) + 0.5
                values.append(Comparison.Value(
                    municipality: name, municipalityCode: code,
                    organisation: index == 4 ? "Barn- och ungdomsnämnden med kultur- och fritidsverksamheten" : "Kommunfullmäktige",
                    year: year, measure: "outcome", value: value, unit: "%", printed: ComparisonText.number(value), turned: false,
                    label: "Andel elever med godkända betyg", column: "Utfall \(year)",
                    sources: [Comparison.Source(document: "\(code).pdf", path: "arkiv/\(code).pdf", page: 7, reportType: "årsredovisning", reportKind: nil)]))
            }
        }
        // A board's own figure beside the municipality's: its bar says whose, shortened to fit.
        var board = values[4]
        board.organisation = "Barn- och ungdomsnämnden med kultur- och fritidsverksamheten samt gymnasieskolan"
        board.value = 55.5
        values.append(board)
        return Comparison(figure: "Andel elever med godkända betyg", measure: "outcome", focus: "Alingsås", created: "2026-12-05",
                          values: values, notes: [])
    }

    func testTheBrowserDrawsEveryBarLegiblyAndCutsNothingOff() throws {
        let html = ComparisonChart.html(comparison())
        // A copy of the page with a script that measures what the browser laid out.
        let probe = """
            <script>
            const cut = [];
            for (const svg of document.querySelectorAll('svg')) {
              const box = svg.getBoundingClientRect();
              for (const element of svg.querySelectorAll('text, rect')) {
                const b = element.getBoundingClientRect();
                if (b.width === 0 || b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5) {
                  cut.push(element.getAttribute('class') + ': ' + element.textContent);
                }
              }
            }
            const text = document.querySelector('svg text.name');
            document.body.setAttribute('data-probe', JSON.stringify({
              bars: document.querySelectorAll('rect.bar').length,
              focusBars: document.querySelectorAll('rect.bar.focus').length,
              names: [...document.querySelectorAll('svg text.name')].map(t => [...t.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('')),
              cut: cut,
              fontSize: parseFloat(getComputedStyle(text).fontSize),
              pageOverflows: document.documentElement.scrollWidth > window.innerWidth
            }));
            </script>
            """
        let probed = folder.appendingPathComponent("probed.html")
        try html.replacingOccurrences(of: "</body>", with: probe + "\n</body>").write(to: probed, atomically: true, encoding: .utf8)
        let dom = try browse(probed, ["--window-size=1200,1600", "--dump-dom"])
        let attribute = try XCTUnwrap(dom.range(of: "data-probe=\"").map { dom[$0.upperBound...] }, "the page was not laid out: \(dom.prefix(300))")
        let json = String(attribute[..<attribute.firstIndex(of: "\"")!]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
        struct Probe: Decodable { var bars: Int; var focusBars: Int; var names: [String]; var cut: [String]; var fontSize: Double; var pageOverflows: Bool }
        let found = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
        XCTAssertEqual(found.bars, 13, "one bar per municipality, board and year")
        XCTAssertEqual(found.focusBars, 2)
        XCTAssertEqual(found.cut, [], "drawn outside the chart")
        XCTAssertGreaterThanOrEqual(found.fontSize, 12, "labels legible")
        XCTAssertFalse(found.pageOverflows)
        XCTAssertTrue(found.names.contains("Alingsås"))
        // Each year's bars are told apart by their names, however long a board's name is.
        let firstYear = Array(found.names.prefix(7))
        XCTAssertEqual(Set(firstYear).count, 7, "\(firstYear)")
        XCTAssertTrue(firstYear.contains { $0.hasPrefix("Upplands Väsby (") && $0.contains("…") && $0.hasSuffix("gymnasieskolan)") }, "\(firstYear)")

        // The screenshot shows bars in the focal colour and in the others'.
        let page = folder.appendingPathComponent("chart.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let shot = folder.appendingPathComponent("chart.png")
        _ = try browse(page, ["--window-size=1200,1000", "--screenshot=\(shot.path)"])
        let counts = try colourCounts(in: shot, colours: [(200, 16, 46), (74, 120, 168)])
        XCTAssertGreaterThan(counts[0], 2 * 300, "the focal municipality's two bars")
        XCTAssertGreaterThan(counts[1], 10 * 300, "the other ten bars")
    }

    /// How many pixels of a PNG have each colour (within a little, for antialiasing).
    private func colourCounts(in png: URL, colours: [(Int, Int, Int)]) throws -> [Int] {
        let surface = cairo_image_surface_create_from_png(png.path)
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            XCTFail("no screenshot at \(png.path)")
            return colours.map { _ in 0 }
        }
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var counts = colours.map { _ in 0 }
        for y in 0..<height {
            for x in 0..<width {
                let pixel = UnsafeRawPointer(data).load(fromByteOffset: y * stride + x * 4, as: UInt32.self)
                let r = Int((pixel >> 16) & 0xFF), g = Int((pixel >> 8) & 0xFF), b = Int(pixel & 0xFF)
                for (index, colour) in colours.enumerated() where abs(r - colour.0) + abs(g - colour.1) + abs(b - colour.2) <= 12 {
                    counts[index] += 1
                }
            }
        }
        return counts
    }
}
