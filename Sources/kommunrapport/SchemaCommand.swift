import ArgumentParser
import Exporters
import Foundation

/// `kommunrapport schema`: prints the JSON Schema of the JSON export.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of `import --format json`, or with --facts of one facts line.",
        discussion: """
            The schema's $id names the model version it describes (schemaVersion in every export), \
            so a consumer can tell which shape it validates. Objects are closed: a field the schema \
            does not list is an error, so a newer model is noticed rather than silently accepted.

            Examples:
              kommunrapport schema > report.schema.json
              kommunrapport schema --facts > fact.schema.json
              kommunrapport import report.txt > report.json && check-jsonschema --schemafile report.schema.json report.json
            """)

    @Flag(help: "The schema of one line of `import --format facts` instead: a oneOf over the fact kinds.")
    var facts = false

    func run() throws {
        FileHandle.standardOutput.write(try facts ? FactsSchemaExporter().schema() : JSONSchemaExporter().schema())
    }
}
