import ArgumentParser
import BatchImport

/// `kommunrapport _worker`: reads documents for a batch (hidden; the batch runner starts it).
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Worker.subcommand,
        abstract: "Read documents for a batch import (internal).",
        shouldDisplay: false)

    @Option(help: "Where to write the report as JSON (one document).")
    var result: String?

    @Flag(help: "Serve documents asked for on standard input, one JSON request per line, until it ends.")
    var serve = false

    @Option(help: "Address-space limit in MB (0: none).")
    var memoryLimit: Int = 0

    @Option(help: "Write the document's export in this format (json, facts) instead of the report.")
    var export: String?

    @Argument(help: "The document (without --serve).")
    var input: String?

    func run() throws {
        var format: ExportFormat?
        if let export {
            guard let known = ExportFormat(rawValue: export) else {
                throw ValidationError("--export must be one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            format = known
        }
        let status: Int32
        if serve {
            status = Worker.serve(memoryLimitMB: memoryLimit, export: format)
        } else {
            guard let input, let result else { throw ValidationError("give --serve, or a document and --result") }
            status = Worker.run(input: input, result: result, memoryLimitMB: memoryLimit, export: format)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
