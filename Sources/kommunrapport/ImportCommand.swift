import ArgumentParser
import BatchImport
import Exporters
import Foundation
import KommunrapportKit
import PostgresWarehouse
import Warehouse

extension ExportFormat: ExpressibleByArgument {}

/// `kommunrapport import`: reports in; a warehouse, JSON, facts or CSV out.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import reports into a warehouse, or export them as JSON, facts or CSV.",
        discussion: """
            PATH may be a .pdf or .txt file (pdftotext-style text, pages split by form \
            feed), a folder, searched recursively for .pdf and .txt files, or - to read \
            paths (files or folders) from standard input, one per line.

            Where the reports go:
              --into FILE.sqlite
                  The SQLite warehouse: one row per document in `reports`, its goals,
                  indicators, tables and assignments beside it, and views such as
                  indicator_comparison. A second run skips documents already there
                  (same SHA-256); a changed file replaces its old version.
              --into postgresql://USER@HOST:PORT/DATABASE
                  The same warehouse in PostgreSQL (tables, ids and views alike), for
                  shards or machines writing into one server at once. The password comes
                  from the URL, PGPASSWORD or ~/.pgpass, as for psql; PGHOST, PGPORT,
                  PGUSER and PGDATABASE fill what the URL leaves out. Add
                  ?host=/var/run/postgresql to reach a local server by its socket,
                  ?sslmode=require to encrypt.
              no --into, one input
                  Standard output, or the file --output names.
              no --into, several inputs or a folder
                  --output FOLDER, one file per input (NAME.json or NAME.facts.ndjson);
                  with --format csv, one CSV per fact kind (goal.csv, tableCell.csv, …).

            A batch reads its documents in worker processes (one per job, each reading \
            many documents), with a time and a memory limit per document, so a document \
            that crashes, hangs or exhausts memory fails alone, its worker is replaced and \
            the batch goes on. A single document is read in the tool's own process unless \
            --isolate asks for a worker. Progress goes to standard error: a bar on a \
            terminal, one line per document otherwise. The failures, each with its file and reason, are \
            always listed at the end (and kept in the warehouse's import_errors table).

            Exit status: 0 every document imported (or skipped as already there), 1 some \
            failed, 2 nothing could be done (bad arguments, no inputs, a destination that \
            cannot be written), 130 interrupted: run the same command again to continue.

            Examples:
              kommunrapport import arsbokslut-2023.pdf > ks-2023.json
              kommunrapport import vb-2023.txt --format facts
              kommunrapport import archive/ --into warehouse.sqlite
              find archive -name '*.pdf' -mtime -7 | kommunrapport import - --into w.sqlite
              kommunrapport import archive/ --into shard-3.sqlite --shard 3/16
              kommunrapport import archive/ --shard 3/16 --into postgresql://etl@db.example/rapporter
              kommunrapport import archive/ --format csv --output csv/
            """)

    @Argument(help: ArgumentHelp("Report files or folders to import, or - for a list on standard input.", valueName: "PATH"))
    var paths: [String]

    @Option(help: ArgumentHelp("Import into this warehouse: an SQLite file (created if missing) or a postgresql:// URL.", valueName: "warehouse"))
    var into: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("json (the nested model), facts (NDJSON, one fact per line) or csv (one file per fact kind).", valueName: "format"))
    var format: ExportFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (one input) or folder (several inputs, or csv).", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("With --format csv: only this fact kind (report, heading, goal, indicator, indicatorValue, tableCell, tableCheck, assignment, warning); with --output FILE.csv it is written to that one file.", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("With --format csv: rfc4180 (the default: comma, decimal point, for loaders and databases) or excel (semicolon, decimal comma and a byte-order mark: what Swedish Excel opens directly).", valueName: "dialect"))
    var csvDialect: String = "rfc4180"

    @Option(help: ArgumentHelp("Password of encrypted PDFs.", valueName: "password"))
    var password: String?

    @Option(name: .customShort("j"), help: ArgumentHelp("Documents read at once; the default is the number of cores.", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Seconds one document may take before its worker is stopped.", valueName: "seconds"))
    var timeout: Double = 120

    @Option(help: ArgumentHelp("Memory limit of one document's worker, in MB (0: none).", valueName: "MB"))
    var memoryLimit: Int = 4096

    @Option(help: ArgumentHelp("Import only slice K of N of the inputs, e.g. 3/16, for spreading an archive over machines.", valueName: "K/N"))
    var shard: String?

    @Flag(help: "Read even a single document in a worker process, under --timeout and --memory-limit (a batch always does).")
    var isolate = false

    @Flag(help: "Import documents again even if the warehouse already holds them.")
    var force = false

    @Flag(help: "With --into: pass over documents that failed in an earlier run into the same warehouse (same content), so a scanned PDF need not fail every night's run.")
    var skipFailed = false

    @Flag(name: .shortAndLong, help: "Print no progress; failures are still listed on standard error.")
    var quiet = false

    func validate() throws {
        if skipFailed && into == nil {
            throw ValidationError("--skip-failed goes with --into: the warehouse remembers which documents failed")
        }
        if into != nil && (output != nil || format != nil) {
            throw ValidationError("--into writes the warehouse; --output and --format are for files. Use one or the other.")
        }
        if format == .csv && output == nil {
            throw ValidationError("--format csv writes one file per fact kind: add --output FOLDER (or --kind KIND --output FILE.csv)")
        }
        if let kind, !CSVExporter.kinds.contains(kind) {
            throw ValidationError("--kind is one of \(CSVExporter.kinds.joined(separator: ", ")), not '\(kind)'")
        }
        if (kind != nil || csvDialect != "rfc4180") && format != .csv {
            throw ValidationError("--kind and --csv-dialect go with --format csv")
        }
        if CSVExporter.Dialect(rawValue: csvDialect) == nil {
            throw ValidationError("--csv-dialect is rfc4180 or excel, not '\(csvDialect)'")
        }
        var outputIsFolder: ObjCBool = false
        if format == .csv, kind != nil, let output, output.lowercased().hasSuffix(".csv"),
            FileManager.default.fileExists(atPath: output, isDirectory: &outputIsFolder), outputIsFolder.boolValue
        {
            throw ValidationError("--output \(output) is a folder: give a file name for the one kind, or a folder name without .csv")
        }
        if format == .csv, let output, output.lowercased().hasSuffix(".csv"), kind == nil {
            throw ValidationError("--output \(output) is one file: name the fact kind it holds with --kind (tableCell, goal, …), or give a folder for every kind")
        }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 3/16; got '\(shard)'")
        }
        if jobs < 1 { throw ValidationError("-j must be at least 1") }
        if timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds") }
        if memoryLimit < 0 { throw ValidationError("--memory-limit must be 0 (none) or a number of MB") }
    }

    func run() throws {
        if let address = paths.first(where: PostgresAddress.isAddress) {
            // Named without its password, which the input-problem message would repeat.
            Console.error("\(PostgresAddress.redacted(address)): a server address is where reports go, not a report; give it to --into")
            throw ExitCode(2)
        }
        var (documents, problems) = InputCollector().collect(paths)
        let slice = shard.flatMap(Shard.init(parsing:))
        if let slice {
            documents = documents.filter { slice.contains($0.path) }
            // A missing path is reported once, by shard 1, not by every machine of the job array.
            if slice.index != 1 { problems = [] }
        }
        guard !documents.isEmpty else {
            for problem in problems { Console.error(problem.reason) }
            if let slice, problems.isEmpty {
                if !quiet { Console.progress("shard \(slice): no documents fall in this slice") }
                return
            }
            // A path that does not exist was said above: one message for one mistake.
            if problems.isEmpty { Console.error("nothing to import: no .pdf or .txt files in \(paths.joined(separator: ", "))") }
            throw ExitCode(2)
        }

        let sink: any ReportSink
        let showsProgress: Bool
        do {
            (sink, showsProgress) = try makeSink(documents: documents, inputCount: documents.count + problems.count)
        } catch let error as ValidationError {
            throw error
        } catch {
            Console.error(Console.describe(error))
            throw ExitCode(2)
        }

        // One document needs no worker to protect the others (unless asked for); a batch does.
        let parser: any DocumentParser
        var workers: WorkerProcessParser?
        if documents.count == 1 && !isolate {
            parser = InProcessParser(options: ImportOptions(password: password))
        } else {
            do {
                let pool = try WorkerProcessParser(
                    executable: WorkerProcessParser.currentExecutable(), timeout: timeout, memoryLimitMB: memoryLimit,
                    password: password)
                workers = pool
                parser = pool
            } catch {
                Console.error("cannot create a scratch folder for workers (\(Console.describe(error)))")
                throw ExitCode(2)
            }
        }
        defer { workers?.removeScratch() }

        let progress = ProgressDisplay(
            style: showsProgress ? ProgressDisplay.automaticStyle(quiet: quiet) : .quiet, total: documents.count)
        let runner = BatchRunner(
            documents: documents, parser: parser, sink: sink, progress: progress,
            options: { var options = BatchOptions(jobs: jobs, force: force); options.skipFailed = skipFailed; return options }())
        let interruption = Interruption { runner.cancel() }
        let summary: BatchSummary
        do {
            summary = try runner.run(problems: problems)
        } catch {
            progress.end()
            Console.error(Console.describe(error))
            throw ExitCode(2)
        }
        interruption.restore()
        progress.end()
        report(summary, destination: sink.destination, showsCounts: showsProgress && !quiet, total: documents.count + problems.count)
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }

    /// The destination, and whether the run shows progress (not when one report goes to standard output).
    private func makeSink(documents: [InputDocument], inputCount: Int) throws -> (any ReportSink, Bool) {
        if let into {
            return (WarehouseSink(warehouse: try WarehouseSink.open(into, toolVersion: KommunrapportVersion.current)), true)
        }
        let format = format ?? .json
        let fm = FileManager.default
        guard let output else {
            if inputCount > 1 {
                throw ValidationError("several inputs need --output FOLDER (one file is written per input) or --into WAREHOUSE")
            }
            return (FileSink(target: .standardOutput, format: format, documents: documents), false)
        }
        if format == .csv {
            let dialect = CSVExporter.Dialect(rawValue: csvDialect) ?? .rfc4180
            if let kind, output.lowercased().hasSuffix(".csv") {
                let file = URL(fileURLWithPath: output)
                try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                return (try CSVSink(file: file, kind: kind, dialect: dialect), true)
            }
            try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
            return (try CSVSink(folder: URL(fileURLWithPath: output), dialect: dialect, kinds: kind.map { [$0] } ?? CSVExporter.kinds), true)
        }
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output, isDirectory: &isDirectory)
        if inputCount > 1 || (exists && isDirectory.boolValue) || output.hasSuffix("/") {
            try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
            return (FileSink(target: .folder(URL(fileURLWithPath: output)), format: format, documents: documents), true)
        }
        return (FileSink(target: .file(URL(fileURLWithPath: output)), format: format, documents: documents), true)
    }

    /// The closing summary on standard error: counts unless quiet, failures always.
    private func report(_ summary: BatchSummary, destination: String, showsCounts: Bool, total: Int) {
        if let reason = summary.destinationFailure {
            Console.error("stopped: \(destination) took none of the last \(BatchRunner.refusalsThatStopTheBatch) reports; "
                + "the last refusal: \(reason). \(summary.counts) so far; documents imported before are kept; "
                + "run the same command again once it takes reports")
            return
        }
        if summary.interrupted {
            // What a re-run does depends on where the reports went: a warehouse remembers them,
            // output files do not.
            let rerun = into != nil
                ? "run the same command again to continue (documents already imported are skipped)"
                : format == .csv
                    ? "the CSV files were left as they were before this run; run the same command again to write them whole"
                    : "files written so far are complete; running the same command again reads every document again"
            Console.error("interrupted: \(summary.counts) so far; \(rerun)")
            return
        }
        if showsCounts {
            Console.progress("\(summary.counts) of \(total) document(s) into \(destination) "
                + "in \(String(format: "%.1f", summary.seconds)) s")
            if let checks = summary.checks {
                Console.progress(checks + (summary.checksFailed > 0 ? "; the failed ones: kommunrapport checks PATH…" : ""))
            }
            if let empty = summary.empty { Console.progress(empty) }
        }
        guard !summary.failures.isEmpty else { return }
        if total == 1 {
            Console.error(summary.failures[0].reason)
            return
        }
        Console.error("\(summary.failures.count) document(s) failed:")
        for failure in summary.failures { Console.progress("  \(failure.reason)") }
    }
}
