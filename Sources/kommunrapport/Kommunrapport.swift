import ArgumentParser
import Foundation

/// The `kommunrapport` command-line tool.
@main
struct Kommunrapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kommunrapport",
        abstract: "Turn Swedish municipal reports (PDF or text) into data.",
        discussion: """
            Reads årsredovisningar, verksamhetsberättelser, delårsrapporter, årsbokslut and internbudgetar \
            and finds their goals and assessments, indicators, tables, assignments and metadata.

            Examples:
              kommunrapport import report.pdf                      nested JSON on standard output
              kommunrapport import report.txt --format facts       tidy facts (NDJSON) on standard output
              kommunrapport import reports/ --output out/          one file per input into out/
              kommunrapport import archive/ --into warehouse.sqlite
                                                                   every report into an SQLite warehouse
              kommunrapport merge shard-*.sqlite --into all.sqlite combine the warehouses of shards
              kommunrapport compare all.sqlite --indicator NAME    one figure across municipalities and years
              kommunrapport schema > report.schema.json            the JSON Schema of the JSON export
              kommunrapport checks archive/                        the table sums and differences that do not add up
            """,
        version: KommunrapportVersion.current,
        subcommands: [ImportCommand.self, MergeCommand.self, CompareCommand.self, KoladaCommand.self, SchemaCommand.self, InspectCommand.self, ChecksCommand.self, WorkerCommand.self],
        defaultSubcommand: nil)

    /// Runs the command; usage errors exit with status 2 ("nothing could be done"), like the
    /// other failures that stop a run before it starts.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The tool's version, written into exports.
enum KommunrapportVersion {
    static let current = "0.1.0"
}
