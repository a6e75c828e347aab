import ArgumentParser
import Foundation
import BatchImport
import Warehouse

/// `kommunrapport merge`: combines warehouses written by shards into one.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine warehouses (one per shard or machine) into one.",
        discussion: """
            Copies every report of each WAREHOUSE into the --into warehouse, one transaction per \
            source. Ids come from the documents' SHA-256, so shards never collide: a document found \
            in two sources is the same rows once. Where two sources hold imports of the same input \
            path or the same document, the later import wins (an older shard never undoes a newer \
            re-import). Failures (import_errors) are carried over for \
            paths no source imported. Merging the same sources again changes nothing.

            Examples:
              kommunrapport merge shard-*.sqlite --into all.sqlite
              kommunrapport merge new-2024.sqlite --into all.sqlite
              kommunrapport merge shard-*.sqlite --into postgresql://etl@db.example/rapporter

            Exit status: 0 all merged, 1 some source could not be merged, 2 the target cannot be opened.
            """)

    @Argument(help: ArgumentHelp("Warehouses to merge in.", valueName: "warehouse"))
    var sources: [String]

    @Option(help: ArgumentHelp("The warehouse to merge into: an SQLite file (created if missing) or a postgresql:// URL.", valueName: "warehouse"))
    var into: String

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let target: any ReportStore
        do {
            target = try WarehouseSink.open(into, toolVersion: KommunrapportVersion.current)
        } catch {
            Console.error(Console.describe(error))
            throw ExitCode(2)
        }
        for source in sources { try Console.requireWarehouseFile(source, command: "merge (its sources)") }
        var failed = 0
        for source in sources {
            do {
                let summary = try target.merge(from: source)
                if !quiet {
                    var line = "\(source): \(summary.reports) report(s) merged"
                    if summary.alreadyThere > 0 { line += ", \(summary.alreadyThere) already there" }
                    if summary.keptNewer > 0 { line += ", \(summary.keptNewer) left out (a newer import of the same path or document is there)" }
                    if summary.failures > 0 { line += ", \(summary.failures) failure(s) carried over" }
                    Console.progress(line)
                }
            } catch {
                failed += 1
                Console.error(Console.describe(error))
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
