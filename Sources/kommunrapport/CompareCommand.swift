import ArgumentParser
import Comparison
import Foundation
import SwedishReportLanguage
import Warehouse

/// `kommunrapport compare`: one figure side by side across municipalities and years, out of a warehouse.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare one figure across municipalities and years, out of a warehouse.",
        discussion: """
            Picks one figure from every report in the warehouse (an indicator by name, or a table \
            row by its label, optionally one column), for the municipalities and years asked for, \
            and shows the values side by side with where each was printed. Names match whatever \
            their case and spacing. Money compares in kronor (tkr and mnkr are turned into kr); a \
            cost printed negative in one report and positive in another reads the same way, and \
            the output says which were turned. A report imported twice (as PDF and as text, or two \
            copies) counts once; two reports that print different values (a budget and an annual \
            report) both show, with their report types.

            Examples:
              kommunrapport compare warehouse.sqlite --indicator "Andel elever med godkända betyg"
              kommunrapport compare warehouse.sqlite --row "Verksamhetens nettokostnader" --measure budget \\
                  --focus Alingsås --lan --years 2024-2026 --format html --output nettokostnader.html
              kommunrapport compare warehouse.sqlite --indicator Sjukfrånvaro --group kommungrupp.csv --focus 1489 --format csv
              kommunrapport compare warehouse.sqlite --kpi N15428 --focus Alingsås --lan --format html -o betyg.html
            """)

    @Argument(help: ArgumentHelp("A warehouse written by `kommunrapport import --into`.", valueName: "WAREHOUSE"))
    var warehouse: String

    @Option(help: ArgumentHelp("An indicator's name, as printed.", valueName: "name"))
    var indicator: String?

    @Option(help: ArgumentHelp("A table row's label, as printed (`Verksamhetens nettokostnader`).", valueName: "label"))
    var row: String?

    @Option(help: ArgumentHelp("A Kolada KPI id (`N15428`): the indicators `kolada match` took for it, and Kolada's own values.", valueName: "id"))
    var kpi: String?

    @Flag(help: "Put Kolada's published values beside the reports' (read in with `kolada import`).")
    var kolada = false

    @Option(help: ArgumentHelp("With --row: only columns whose header contains these words (`Budget 2026`, `Prognos`).", valueName: "words"))
    var column: String?

    @Option(help: ArgumentHelp("outcome (the default), target, budget, forecast, baseline, other, or any.", valueName: "measure"))
    var measure = "outcome"

    @Option(help: ArgumentHelp("Municipalities by kommunkod or name, parted by commas (`1489,Vårgårda`); default all.", valueName: "list"))
    var municipalities: String?

    @Flag(help: "Only the municipalities of the same län as --focus.")
    var lan = false

    @Option(help: ArgumentHelp("A group file (a kommunkod and a group name a line, as Kolada or SKR's kommungrupper export): the group of --focus, else all it lists.", valueName: "file"))
    var group: String?

    @Option(help: ArgumentHelp("The municipality to highlight, by kommunkod or name.", valueName: "kommun"))
    var focus: String?

    @Option(help: ArgumentHelp("A year (`2025`) or a span of years (`2023-2025`); default all.", valueName: "years"))
    var years: String?

    @Option(help: ArgumentHelp("table (the default), csv, json or html (a chart page).", valueName: "format"))
    var format = "table"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard [indicator, row, kpi].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give one figure: --indicator NAME, --row LABEL or --kpi ID")
        }
        guard column == nil || row != nil else { throw ValidationError("--column goes with --row") }
        guard !kolada || indicator != nil else { throw ValidationError("--kolada goes with --indicator (--kpi always shows Kolada's values; a table row has none)") }
        for (name, value) in [("--indicator", indicator), ("--row", row), ("--kpi", kpi)] where value?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            throw ValidationError("\(name) needs a name, not an empty text")
        }
        guard ["table", "csv", "json", "html"].contains(format) else { throw ValidationError("--format is table, csv, json or html, not '\(format)'") }
        guard !lan || focus != nil else { throw ValidationError("--lan compares within the län of --focus: give --focus too") }
        guard ["outcome", "target", "budget", "forecast", "baseline", "other", "any"].contains(measure) else {
            throw ValidationError("--measure is outcome, target, budget, forecast, baseline, other or any, not '\(measure)'")
        }
    }

    func run() throws {
        try Console.requireWarehouseFile(warehouse, command: "compare")
        do {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: warehouse, isDirectory: &isFolder) else {
                throw MunicipalitySelection.Problem(description: "\(warehouse): no such warehouse (write one with `kommunrapport import REPORTS --into \(warehouse)`)")
            }
            guard !isFolder.boolValue else { throw MunicipalitySelection.Problem(description: "\(warehouse): a folder, not a warehouse file") }
            let focusMunicipality = try focus.map(MunicipalitySelection.municipality)
            var codes: Set<String>?
            func narrow(_ more: Set<String>) { codes = codes.map { $0.intersection(more) } ?? more }
            if let municipalities { narrow(try MunicipalitySelection.codes(inList: municipalities)) }
            if lan, let focusMunicipality { narrow(MunicipalitySelection.sameCounty(as: focusMunicipality)) }
            if let group {
                guard let text = try? String(contentsOfFile: group, encoding: .utf8) else {
                    throw MunicipalitySelection.Problem(description: "\(group): cannot be read as a UTF-8 text file (a group file: kommunkod;group a line)")
                }
                do {
                    narrow(try MunicipalitySelection.codes(inGroupFile: text, focus: focusMunicipality?.code))
                } catch let problem as MunicipalitySelection.Problem {
                    throw MunicipalitySelection.Problem(description: "\(group): \(problem.description)")
                }
            }
            let figure: ComparisonRequest.Figure = indicator.map { .indicator($0) } ?? kpi.map { .kpi($0.uppercased()) } ?? .row(label: row!, column: column)
            let request = ComparisonRequest(
                figure: figure, measure: measure == "any" ? nil : measure, municipalityCodes: codes,
                years: try years.map(Self.years), focusCode: focusMunicipality?.code, withKolada: kolada)
            let store: Warehouse
            do {
                store = try Warehouse(path: warehouse, toolVersion: KommunrapportVersion.current)
            } catch {
                throw MunicipalitySelection.Problem(description: "\(warehouse): cannot be opened as a warehouse (\(Console.describe(error)))")
            }
            var comparison = try ComparisonQuery(request).run(on: store)
            if format == "html" {
                // Links from the page reach the sources wherever the page is saved: paths made absolute.
                let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                for v in comparison.values.indices {
                    for s in comparison.values[v].sources.indices where !comparison.values[v].sources[s].path.hasPrefix("/")
                        && comparison.values[v].sources[s].document != Comparison.koladaSource
                    {
                        comparison.values[v].sources[s].path = URL(fileURLWithPath: comparison.values[v].sources[s].path, relativeTo: here).standardizedFileURL.path
                    }
                }
            }
            let text: String
            switch format {
            case "csv": text = ComparisonText.csv(comparison)
            case "json": text = try ComparisonText.json(comparison)
            case "html": text = ComparisonChart.html(comparison)
            default: text = ComparisonText.table(comparison)
            }
            if let output {
                do {
                    try text.write(toFile: output, atomically: true, encoding: .utf8)
                } catch {
                    throw MunicipalitySelection.Problem(description: "\(output): cannot be written (\(Console.describe(error)))")
                }
                Console.progress("\(comparison.values.count) values of \(comparison.municipalities.count) municipalities written to \(output)")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        } catch let problem as MunicipalitySelection.Problem {
            Console.error(problem.description)
            throw ExitCode(2)
        }
    }

    /// `2025` or `2023-2025` (an en dash too): four-digit years, the first no later than the last.
    static func years(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let years = parts.compactMap { $0.count == 4 ? Int($0) : nil }
        guard (1...2).contains(parts.count), years.count == parts.count, years[0] <= years[years.count - 1] else {
            throw MunicipalitySelection.Problem(description: "--years takes a year (2025) or a span (2023-2025), not '\(text)'")
        }
        return years[0]...years[years.count - 1]
    }
}
