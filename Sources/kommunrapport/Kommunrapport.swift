import ArgumentParser

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
            """,
        version: KommunrapportVersion.current,
        subcommands: [ImportCommand.self, InspectCommand.self],
        defaultSubcommand: nil)
}

/// The tool's version, written into exports.
enum KommunrapportVersion {
    static let current = "0.1.0"
}
