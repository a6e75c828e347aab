import Foundation

/// A comparison as one self-contained HTML page: a bar chart per year as inline SVG (one bar per
/// municipality, the focal one highlighted), the values under it with a link to each source
/// page, and the selection and date in the caption. Nothing is fetched from anywhere.
public enum ComparisonChart {
    /// Chart geometry, in CSS pixels.
    static let plotWidth = 360.0
    /// The widest a name column grows; a longer name is shortened with `…` in its middle (whole
    /// in its tooltip).
    static let widestLabel = 300.0
    /// A character of the chart's 13-pixel type is at most this wide (bold, a wide face's capitals).
    static let characterWidth = 8.6
    static let barHeight = 18.0
    static let rowPitch = 26.0
    static let focusColour = "#c8102e"
    static let barColour = "#4a78a8"

    public static func html(_ comparison: Comparison) -> String {
        var body: [String] = []
        let title = escaped(comparison.figure) + (comparison.measure.map { " — " + escaped(ComparisonText.measureName($0)) } ?? "")
        body.append("<h1>\(title)</h1>")
        let years = comparison.years
        let who = comparison.municipalities.count == 1 ? "1 kommun" : "\(comparison.municipalities.count) kommuner"
        let span = years.isEmpty ? "" : years.count == 1 ? ", \(years[0])" : ", \(years.first!)–\(years.last!)"
        let focus = comparison.focus.map { ", i fokus: \(escaped($0))" } ?? ""
        let kolada = comparison.showsKolada ? " Källa: Kolada (RKA) för värden märkta Kolada." : ""
        body.append("<p class=\"caption\">\(who)\(span)\(focus). Ur rapporternas egna tabeller, sammanställt \(comparison.created) med Kommunrapport.\(kolada)</p>")
        if comparison.values.isEmpty {
            body.append("<p>Inga värden i lagret motsvarar urvalet.</p>")
        }
        let groups: [(Int?, [Comparison.Value])] = years.isEmpty
            ? [(nil, comparison.values)]
            : years.map { year in (year, comparison.values.filter { $0.year == year }) } + [(nil, comparison.values.filter { $0.year == nil })].filter { !$0.1.isEmpty }
        // One scale for every year's chart, so that bars of different years compare by length.
        let scale = (min(0, comparison.values.map(\.value).min() ?? 0), max(0, comparison.values.map(\.value).max() ?? 0))
        for (year, values) in groups where !values.isEmpty {
            body.append("<h2>\(year.map(String.init) ?? "Utan år")</h2>")
            body.append(barChart(values, focus: comparison.focus, year: year, scale: scale))
        }
        body.append(valueTable(comparison))
        if !comparison.notes.isEmpty {
            body.append("<ul class=\"notes\">" + comparison.notes.map { "<li>\(escaped($0))</li>" }.joined() + "</ul>")
        }
        return """
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <style>
            body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px; color: #222; }
            h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 24px; }
            .caption { color: #555; font-size: 13px; }
            svg text { font-size: 13px; fill: #222; }
            table { border-collapse: collapse; font-size: 13px; margin-top: 24px; }
            th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.source { word-break: break-all; max-width: 420px; }
            tr.focus td { font-weight: bold; }
            .notes { font-size: 13px; color: #555; }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// Horizontal bars from a zero line, one per value, each labelled with its municipality and value.
    static func barChart(_ values: [Comparison.Value], focus: String?, year: Int?, scale: (Double, Double)? = nil) -> String {
        // Several bars of one municipality (boards, measures) say which each is.
        let labels = values.map { value -> String in
            let siblings = values.filter { $0.municipality == value.municipality }
            // Of what tells them apart (Kolada, the board, the measure, the table, the report type),
            // each bar names what differs among its municipality's bars.
            let isKolada = value.sources.first?.document == Comparison.koladaSource
            func differs(_ key: (Comparison.Value) -> String?) -> String? {
                siblings.contains { key($0) != key(value) } ? key(value) : nil
            }
            let which = isKolada ? ["Kolada"] : [
                differs(\.organisation), differs { ComparisonText.measureName($0.measure) }, differs { $0.sources.first?.table },
                differs { $0.sources.first?.reportType },
            ].compactMap { $0 }
            return value.municipality + (which.isEmpty ? "" : " (\(which.joined(separator: ", ")))")
        }
        let valueTexts = values.map { ComparisonText.number($0.value) + ($0.unit.map { " " + $0 } ?? "") }
        let longestLabel = min(widestLabel, Double(labels.map(\.count).max() ?? 0) * characterWidth)
        let labelWidth = longestLabel + 12
        let valueWidth = Double(valueTexts.map(\.count).max() ?? 0) * characterWidth + 12
        let chartWidth = labelWidth + plotWidth + valueWidth
        let fitting = Int(widestLabel / characterWidth)
        let lowest = scale?.0 ?? min(0, values.map(\.value).min() ?? 0), highest = scale?.1 ?? max(0, values.map(\.value).max() ?? 0)
        let span = max(highest - lowest, 1e-9)
        func x(_ value: Double) -> Double { labelWidth + (value - lowest) / span * plotWidth }
        let height = Double(values.count) * rowPitch + 10
        var parts: [String] = []
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(chartWidth))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"Stapeldiagram\(year.map { " \($0)" } ?? "")\">")
        parts.append("<line x1=\"\(format(x(0)))\" y1=\"0\" x2=\"\(format(x(0)))\" y2=\"\(format(height))\" stroke=\"#999\" stroke-width=\"1\"/>")
        for (index, value) in values.enumerated() {
            let top = Double(index) * rowPitch + 5
            let start = min(x(0), x(value.value)), width = max(1, abs(x(value.value) - x(0)))
            let isFocus = value.municipality == focus
            let full = labels[index]
            // Shortened in the middle: two boards' names often differ only at their ends.
            let shown = full.count > fitting ? String(full.prefix(fitting / 2)) + "…" + String(full.suffix(fitting - fitting / 2 - 1)) : full
            parts.append("<text class=\"name\" x=\"\(format(labelWidth - 8))\" y=\"\(format(top + barHeight - 4))\" text-anchor=\"end\"\(isFocus ? " font-weight=\"bold\"" : "")><title>\(escaped(full))</title>\(escaped(shown))</text>")
            parts.append("<rect class=\"bar\(isFocus ? " focus" : "")\" data-municipality=\"\(escaped(value.municipalityCode))\" data-year=\"\(value.year.map(String.init) ?? "")\" x=\"\(format(start))\" y=\"\(format(top))\" width=\"\(format(width))\" height=\"\(format(barHeight))\" fill=\"\(isFocus ? focusColour : barColour)\"/>")
            parts.append("<text class=\"value\" x=\"\(format(max(x(value.value), x(0)) + 6))\" y=\"\(format(top + barHeight - 4))\">\(escaped(valueTexts[index]))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The values under the chart, each source a link to its page.
    static func valueTable(_ comparison: Comparison) -> String {
        var rows = ["<table>", "<tr><th>Kommun</th><th>Organisation</th><th>År</th><th>Mått</th><th>Värde</th><th>Tryckt</th><th>Tabell</th><th>Källa</th></tr>"]
        for value in comparison.values {
            let links = value.sources.map { source in
                source.document == Comparison.koladaSource ? "Källa: Kolada" : "<a href=\"\(escaped(link(to: source)))\">\(escaped(source.document)) s. \(source.page)</a>\(source.reportType.map { " (\(escaped($0)))" } ?? "")"
            }.joined(separator: "<br>")
            let printed = escaped(value.printed) + (value.turned ? " (tecknet vänt)" : "") + (value.preliminary ? " (preliminärt)" : "")
            rows.append("<tr\(value.municipality == comparison.focus ? " class=\"focus\"" : "")><td>\(escaped(value.municipality))</td><td>\(escaped(value.organisation ?? ""))</td><td>\(value.year.map(String.init) ?? "")</td><td>\(escaped(ComparisonText.measureName(value.measure)))</td><td class=\"number\">\(escaped(ComparisonText.number(value.value)))\(value.unit.map { " " + escaped($0) } ?? "")</td><td>\(printed)</td><td>\(escaped(value.sources.first?.table ?? ""))</td><td class=\"source\">\(links)</td></tr>")
        }
        rows.append("</table>")
        return rows.joined(separator: "\n")
    }

    /// A link to the source page: the file as it was imported, at its page (`file:///arkiv/file.pdf#page=4`;
    /// a path still relative is kept relative, `./` first so that no part of it reads as a scheme).
    static func link(to source: Comparison.Source) -> String {
        let path = source.path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: ":"))) ?? String($0) }
            .joined(separator: "/")
        return (source.path.hasPrefix("/") ? "file://" : "./") + path + "#page=\(source.page)"
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
