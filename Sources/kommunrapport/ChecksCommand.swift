import ArgumentParser
import BatchImport
import Foundation
import KommunrapportKit
import ReportModel
import SwedishReportLanguage

/// `kommunrapport checks`: the arithmetic checks of every table of the reports given.
struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "Check the arithmetic of every table: sum rows against their rows, difference columns against their columns.",
        discussion: """
            A sum row (Summa, Totalt, Totala …) is checked against the rows it adds up, and a \
            difference column (Avvikelse, Avv., Differens, Förändring …) against the two columns it \
            compares, within the rounding of the printed figures; a vote's result row (Resultat) \
            against the marks (X) counted in each column above it. A check that fails means the table \
            was printed, or read, inconsistently there; the same checks are in every export \
            (facts of kind tableCheck, the warehouse's table_checks).

            Prints the failed checks, one a line, and a count of all; with --all every check.
            Exit status 0 when every check holds, 1 when one failed or a file could not be read.

            Examples:
              kommunrapport checks budget.pdf
              kommunrapport checks archive/ --all | grep difference
            """)

    @Argument(help: ArgumentHelp("Report files (.pdf, .txt) or folders searched for them.", valueName: "PATH"))
    var paths: [String]

    @Flag(help: "List the checks that hold too.")
    var all = false

    @Option(help: ArgumentHelp("Password of encrypted PDFs.", valueName: "password"))
    var password: String?

    func run() throws {
        let (documents, problems) = InputCollector().collect(paths)
        var held = 0, failed = 0, unreadable = problems.count
        for problem in problems { FileHandle.standardError.write(Data("\(problem.reason)\n".utf8)) }
        guard !documents.isEmpty || !problems.isEmpty else {
            Console.error("nothing to check: no .pdf or .txt files in \(paths.joined(separator: ", "))")
            throw ExitCode(2)
        }
        for (number, document) in documents.enumerated() {
            // Reading a folder takes a while: say which document is being read (on standard error,
            // so the list of checks on standard output stays clean).
            if documents.count > 1 { Console.progress("[\(number + 1)/\(documents.count)] \(document.path)") }
            let report: Report
            do {
                report = try ReportImporter().importReport(at: URL(fileURLWithPath: document.path), options: ImportOptions(password: password))
            } catch {
                unreadable += 1
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                continue
            }
            for table in report.tables {
                for check in table.checks {
                    if check.holds { held += 1 } else { failed += 1 }
                    guard all || !check.holds else { continue }
                    print(Self.line(check, table: table, file: document.path))
                }
            }
        }
        let total = held + failed
        print("\(held) of \(total) checks held\(total > 0 ? String(format: " (%.1f %%)", 100.0 * Double(held) / Double(total)) : "")"
            + (unreadable > 0 ? "; \(unreadable) file(s) could not be read" : ""))
        if failed > 0 || unreadable > 0 { throw ExitCode(1) }
    }

    /// `file, page 2: table t1 "Ram 2027", row "TOTALT", column "Statsbidrag": sum of rows 1–8 is 14371, printed 15371`.
    static func line(_ check: TableCheck, table: ReportTable, file: String) -> String {
        let row = table.rows[check.row]
        let column = table.columns.indices.contains(check.column) ? table.columns[check.column].header : "\(check.column + 1)"
        let what: String
        switch check.kind {
        case .sum:
            what = "sum of \(check.terms.count) row(s) above is \(number(check.expected))"
        case .difference:
            let names = check.terms.map { table.columns.indices.contains($0) ? "\"\(table.columns[$0].header)\"" : "\($0 + 1)" }
            what = "difference \(names.joined(separator: " − ")) is \(number(check.expected))"
        case .tally:
            what = "marks counted above: \(number(check.expected))"
        }
        let verdict = check.holds ? "holds" : "FAILS"
        return "\(file), page \(row.provenance.page): table \(table.id) \"\(table.title ?? "")\", row \"\(row.label)\", "
            + "column \"\(column)\": \(what), printed \(number(check.printed)) — \(verdict)"
    }

    static func number(_ value: Double) -> String { SwedishNumber.format(value) }
}
