import Exporters
import Foundation
import SwedishReportLanguage

/// A comparison as text a terminal shows, as CSV, and as JSON.
public enum ComparisonText {
    /// Aligned columns, the focal municipality marked with `▶`, then the notes.
    public static func table(_ comparison: Comparison) -> String {
        var rows: [[String]] = [["", "Kommun", "Organisation", "År", "Mått", "Värde", "Enhet", "Tryckt", "Tabell", "Källa"]]
        for value in comparison.values {
            let focus = value.municipality == comparison.focus ? "▶" : ""
            let sources = value.sources.map(Self.describe).joined(separator: "; ")
            rows.append([
                focus, value.municipality, value.organisation ?? "", value.year.map(String.init) ?? "", measureName(value.measure), number(value.value),
                value.unit ?? "", value.printed + (value.turned ? " (vänt)" : "") + (value.preliminary ? " (preliminärt)" : ""),
                value.sources.first?.table ?? "", sources,
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = ["\(comparison.figure)\(comparison.measure.map { " — \(measureName($0))" } ?? "")"]
        for row in rows {
            var line = zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        if comparison.values.isEmpty { lines.append("(no values: nothing in the warehouse matches the selection)") }
        lines += comparison.notes.map { "Note: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV, one row per value and source, a header first; a spreadsheet and a
    /// database both take it.
    public static func csv(_ comparison: Comparison) -> String {
        var lines = [[
            "municipality", "municipality_code", "organisation", "year", "measure", "value", "unit", "printed", "turned", "label", "column",
            "report_type", "report_kind", "table", "document", "page", "path", "focus", "preliminary",
        ].joined(separator: ",")]
        for value in comparison.values {
            for source in value.sources {
                lines.append([
                    value.municipality, value.municipalityCode, value.organisation ?? "", value.year.map(String.init) ?? "", value.measure, plain(value.value),
                    value.unit ?? "", value.printed, value.turned ? "true" : "false", value.label, value.column, source.reportType ?? "",
                    source.reportKind ?? "", source.table ?? "", source.document, source.page > 0 ? String(source.page) : "", source.path,
                    value.municipality == comparison.focus ? "true" : "false", value.preliminary ? "true" : "false",
                ].map(quoted).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The comparison as JSON (sorted keys, so the same comparison prints the same text).
    public static func json(_ comparison: Comparison) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(comparison), as: UTF8.self) + "\n"
    }

    /// A measure as a Swedish reader names it (`outcome` → `utfall`).
    public static func measureName(_ measure: String) -> String {
        ["outcome": "utfall", "budget": "budget", "target": "mål", "forecast": "prognos", "baseline": "basvärde", "other": "annat"][measure] ?? measure
    }

    /// A number at full precision for a machine (`2400500000`, `81.5`).
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A source as a reader cites it: the document and page and report type, or Kolada.
    static func describe(_ source: Comparison.Source) -> String {
        if source.document == Comparison.koladaSource { return "Kolada" }
        return "\(source.document) s. \(source.page)\(source.reportType.map { " (\($0))" } ?? "")"
    }

    /// A text as an RFC 4180 field, as the facts' CSV writes one.
    static func quoted(_ field: String) -> String { CSVExporter.field(field) }

    /// A number as a Swedish reader writes it (`1 049 382`, `12,5`), as the rest of the tool prints one.
    public static func number(_ value: Double) -> String { SwedishNumber.format(value, decimals: 2) }
}
