import ArgumentParser
import Foundation
import KommunrapportKit

/// Output formats of `import`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case facts

    var fileExtension: String { self == .json ? "json" : "facts.ndjson" }
}

/// `kommunrapport import`: reports in, JSON or facts out.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import reports into the report model and export them.",
        discussion: """
            PATH may be a .pdf or .txt file (pdftotext-style text, pages split by form feed) or a folder, \
            which is searched recursively for .pdf and .txt files.

            One input without --output writes to standard output. Several inputs, or a folder, need \
            --output FOLDER and get one file each, named after the input (NAME.json or NAME.facts.ndjson).
            A file that cannot be imported is reported on standard error with its name and the reason; \
            the others are still imported, and the exit status is 1.

            Examples:
              kommunrapport import arsbokslut-2023.pdf > ks-2023.json
              kommunrapport import vb-2023.txt --format facts
              kommunrapport import archive/ --format facts --output facts/
            """)

    @Argument(help: ArgumentHelp("Report files or folders to import.", valueName: "PATH"))
    var paths: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("json (the nested model) or facts (NDJSON, one fact per line).", valueName: "format"))
    var format: OutputFormat = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (one input) or folder (several inputs).", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Password of encrypted PDFs.", valueName: "password"))
    var password: String?

    @Flag(name: .shortAndLong, help: "Print no progress; errors are still printed.")
    var quiet = false

    func run() throws {
        let inputs = try InputCollector.collect(paths)
        if inputs.files.isEmpty && inputs.failures.isEmpty {
            throw ValidationError("no .pdf or .txt files found in \(paths.joined(separator: ", "))")
        }
        let writer = try OutputWriter(output: output, inputCount: inputs.files.count + inputs.failures.count, format: format)
        var failures = inputs.failures
        let importer = ReportImporter()
        let options = ImportOptions(password: password)
        for (number, file) in inputs.files.enumerated() {
            if !quiet && writer.writesFiles {
                Console.progress("[\(number + 1)/\(inputs.files.count)] \(file.path)")
            }
            do {
                let report = try importer.importReport(at: file, options: options)
                let data = try ExportFormatter.data(for: report, format: format)
                try writer.write(data, for: file)
            } catch {
                failures.append((file.path, Console.describe(error)))
                Console.error("\(Console.describe(error))")
            }
        }
        if !quiet && writer.writesFiles {
            Console.progress("imported \(inputs.files.count - (failures.count - inputs.failures.count)) of \(inputs.files.count + inputs.failures.count) into \(writer.destination)")
        }
        if !failures.isEmpty {
            if inputs.files.count + inputs.failures.count > 1 {
                Console.error("\(failures.count) input(s) failed:")
                for failure in failures { Console.error("  \(failure.0): \(failure.1)") }
            }
            throw ExitCode(1)
        }
    }
}
