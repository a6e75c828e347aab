import ArgumentParser
import BatchImport
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
        // Errors read as `import` reports them: the path as given, and exit status 2 when the
        // file is not there (nothing could be done), 1 when it could not be read.
        guard FileManager.default.fileExists(atPath: file) else {
            Console.error("\(file): no such file or folder")
            throw ExitCode(2)
        }
        let lines: [String]
        do {
            lines = try ReportImporter().inspect(
                at: URL(fileURLWithPath: file), options: ImportOptions(password: password), tables: tables)
        } catch {
            Console.error(WorkerFailure.describe(error, path: file))
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
