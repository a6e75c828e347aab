import ArgumentParser
import Foundation
import KommunrapportKit

/// `kommunrapport inspect`: shows how the layout stage read a report, line by line.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the blocks the layout stage found (to see why a heading or table was or was not recognised).",
        discussion: """
            Prints one line per block: its first source line, its kind (heading, paragraph, figures, …), \
            heading level, and its text.

            With --tables, prints instead every table the geometric table stage found: its page, \
            the column names read from the header, and each row's label and cells by column number.

            Examples:
              kommunrapport inspect report.txt | grep heading
              kommunrapport inspect report.pdf --tables
            """)

    @Argument(help: ArgumentHelp("A report file (.pdf or .txt).", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("Password of an encrypted PDF.", valueName: "password"))
    var password: String?

    @Flag(help: "Show the tables the table stage found (header columns, rows, cells) instead of the blocks.")
    var tables = false

    func run() throws {
        let lines = try ReportImporter().inspect(
            at: URL(fileURLWithPath: file), options: ImportOptions(password: password), tables: tables)
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
