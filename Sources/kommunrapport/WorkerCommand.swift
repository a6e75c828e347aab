import ArgumentParser
import BatchImport

/// `kommunrapport _worker`: reads one document for a batch (hidden; the batch runner starts it).
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Worker.subcommand,
        abstract: "Read one document for a batch import (internal).",
        shouldDisplay: false)

    @Option(help: "Where to write the report as JSON.")
    var result: String

    @Option(help: "Address-space limit in MB (0: none).")
    var memoryLimit: Int = 0

    @Argument(help: "The document.")
    var input: String

    func run() throws {
        let status = Worker.run(input: input, result: result, memoryLimitMB: memoryLimit)
        if status != 0 { throw ExitCode(status) }
    }
}
