import Foundation
import Exporters
import KommunrapportKit

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The worker side of document isolation: the tool re-executed as `kommunrapport _worker`.
///
/// With `--serve` (a batch's long-lived worker, ``serve(memoryLimitMB:export:)``) it reads
/// document after document as its batch runner asks over a pipe. Given one document and
/// `--result` (``run(input:result:memoryLimitMB:export:)``) it reads that one and writes its
/// report as JSON to the file named: exit status 0 means the report was written;
/// ``documentFailed`` means the document could not be imported and the last line of standard
/// error says why. Anything else (a signal, a status the worker never uses) is a crash.
public enum Worker {
    /// The hidden subcommand that runs a worker.
    public static let subcommand = "_worker"
    /// Exit status for a document that could not be imported (reason on standard error).
    public static let documentFailed: Int32 = 3
    /// The environment variable that passes the PDF password (not the command line, which `ps` shows).
    public static let passwordVariable = "KOMMUNRAPPORT_PASSWORD"

    /// When set to a number, the worker reads a PDF's pages in that many threads (a crashed
    /// document is tried again in one).
    public static let pageWorkersVariable = "KOMMUNRAPPORT_PAGE_WORKERS"

    /// Benchmarks: when set (to anything), the worker prints how long each stage took to standard error.
    public static let stageTimesVariable = "KOMMUNRAPPORT_STAGE_TIMES"

    /// Test-only: a worker whose input path contains this variable's value calls `abort()`,
    /// standing in for a PDF that crashes the PDF library. Never set it in production.
    public static let testCrashVariable = "KOMMUNRAPPORT_TEST_CRASH_ON"
    /// Test-only: a worker whose input path contains this variable's value calls `abort()` unless
    /// it reads pages in one thread, standing in for a crash that threads bring about.
    public static let testCrashThreadedVariable = "KOMMUNRAPPORT_TEST_CRASH_THREADED_ON"
    /// Test-only: a worker whose input path contains this value sleeps forever (a hanging parse).
    public static let testHangVariable = "KOMMUNRAPPORT_TEST_HANG_ON"
    /// Test-only: a worker whose input path contains this value allocates memory until the limit stops it.
    public static let testAllocateVariable = "KOMMUNRAPPORT_TEST_ALLOCATE_ON"

    /// One document asked of a serving worker: a line of JSON on its standard input.
    struct Request: Codable {
        /// The document's path.
        var input: String
        /// Where the worker writes the report (or export).
        var result: String
        /// Threads to read a PDF's pages in (nil: the importer's choice).
        var pageWorkers: Int?
        /// The file's SHA-256, which the report carries (nil: not known).
        var sha256: String? = nil
    }

    /// A serving worker's answer to a request: a line of JSON on its standard output.
    struct Response: Codable {
        /// True when the result file was written.
        var ok: Bool
        /// Why the document could not be imported (a message naming the file).
        var reason: String?
    }

    /// Serves documents one after another until its standard input ends: the long-lived worker
    /// of a batch. Each request is a line of JSON (``Request``); each answer a line of JSON
    /// (``Response``) once the result file is written. A crash, a hang or the memory limit ends
    /// the worker; the batch runner sees that, records the document, and starts another worker.
    /// Exits with ``documentFailed`` when the batch runner is gone (its answer cannot be written).
    public static func serve(memoryLimitMB: Int, export: ExportFormat? = nil) -> Int32 {
        // The batch runner ignores Ctrl-C while it stops its workers; they inherit that, but
        // must die of the signals anyone sends them.
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        limitMemory(megabytes: memoryLimitMB)
        exitWhenOrphaned()
        // Answers go out on a descriptor of their own; anything a library prints to standard
        // output lands on standard error instead of in the middle of an answer.
        let answers = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        guard answers >= 0 else { return documentFailed }
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        while let line = readLine(strippingNewline: true) {
            let response: Response
            if let request = try? decoder.decode(Request.self, from: Data(line.utf8)) {
                response = handle(request, export: export)
            } else {
                response = Response(ok: false, reason: "the batch runner sent a request the worker could not read")
            }
            var data = (try? encoder.encode(response)) ?? Data(#"{"ok":false}"#.utf8)
            data.append(0x0A)
            let written = data.withUnsafeBytes { write(answers, $0.baseAddress, $0.count) }
            if written != data.count { return documentFailed }  // the batch runner is gone
        }
        return 0
    }

    /// Reads one requested document, honouring the test switches.
    static func handle(_ request: Request, export: ExportFormat?) -> Response {
        let environment = ProcessInfo.processInfo.environment
        func switched(_ variable: String) -> Bool {
            guard let value = environment[variable], !value.isEmpty else { return false }
            return request.input.contains(value)
        }
        if switched(testCrashVariable) { abort() }
        if switched(testCrashThreadedVariable), request.pageWorkers != 1 { abort() }
        if switched(testHangVariable) { while true { sleep(60) } }
        if switched(testAllocateVariable) { allocateUntilStopped() }

        var options = ImportOptions(password: environment[passwordVariable])
        options.pageWorkers = request.pageWorkers
        if environment[stageTimesVariable] != nil {
            options.stageTimes = { times in FileHandle.standardError.write(Data("stages: \(times.summary)\n".utf8)) }
        }
        do {
            var document = InputDocument(path: request.input)
            document.sha256 = request.sha256
            let report = document.stamped(try ReportImporter().importReport(at: URL(fileURLWithPath: request.input), options: options))
            let data = try export.map { try $0.data(for: report) } ?? JSONEncoder().encode(report)
            try data.write(to: URL(fileURLWithPath: request.result))
            return Response(ok: true)
        } catch {
            return Response(ok: false, reason: WorkerFailure.describe(error, path: request.input))
        }
    }

    /// Runs the worker on one document and returns its exit status.
    ///
    /// The result file gets the report as JSON, or, with `export`, the document's finished export in
    /// that format (so the batch runner need not read the report back only to write it out again).
    public static func run(input: String, result: String, memoryLimitMB: Int, export: ExportFormat? = nil) -> Int32 {
        limitMemory(megabytes: memoryLimitMB)
        exitWhenOrphaned()
        // One document is one request: the same switches and import as a serving worker's.
        let pageWorkers = ProcessInfo.processInfo.environment[pageWorkersVariable].flatMap { Int($0) }
        let response = handle(Request(input: input, result: result, pageWorkers: pageWorkers), export: export)
        guard response.ok else {
            FileHandle.standardError.write(Data(((response.reason ?? "\(input): not imported") + "\n").utf8))
            return documentFailed
        }
        return 0
    }

    /// Caps the worker's address space, so a document that makes the PDF library allocate without
    /// bound fails alone instead of pushing the machine into swap.
    static func limitMemory(megabytes: Int) {
        guard megabytes > 0 else { return }
        let bytes = rlim_t(megabytes) * 1024 * 1024
        var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
        #if os(Linux)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        #else
        _ = setrlimit(RLIMIT_AS, &limit)
        #endif
    }

    /// A worker whose batch runner was killed outright (kill -9) must not run on alone: it checks
    /// once a second that its parent is still the one that started it.
    static func exitWhenOrphaned() {
        let parent = getppid()
        let thread = Thread {
            while true {
                sleep(1)
                if getppid() != parent { _exit(Worker.documentFailed) }
            }
        }
        thread.start()
    }

    static func allocateUntilStopped() -> Never {
        var blocks: [UnsafeMutableRawPointer] = []
        while true {
            // A C++ library meeting the limit throws bad_alloc and aborts; do the same.
            guard let block = malloc(64 << 20) else {
                FileHandle.standardError.write(Data("std::bad_alloc: cannot allocate memory\n".utf8))
                abort()
            }
            memset(block, 1, 64 << 20)
            blocks.append(block)
        }
    }
}
