import Foundation
import Exporters
import KommunrapportKit

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The worker side of document isolation: the tool re-executed as `kommunrapport _worker`
/// reads one document and writes its report as JSON to a file the batch runner names.
///
/// Exit status 0 means the report was written; ``documentFailed`` means the document could
/// not be imported and the last line of standard error says why. Anything else (a signal, a
/// status the worker never uses) is a crash, and the runner says so.
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

    /// Runs the worker and returns its exit status.
    ///
    /// The result file gets the report as JSON, or, with `export`, the document's finished export in
    /// that format (so the batch runner need not read the report back only to write it out again).
    public static func run(input: String, result: String, memoryLimitMB: Int, export: ExportFormat? = nil) -> Int32 {
        limitMemory(megabytes: memoryLimitMB)
        exitWhenOrphaned()
        let environment = ProcessInfo.processInfo.environment
        func switched(_ variable: String) -> Bool {
            guard let value = environment[variable], !value.isEmpty else { return false }
            return input.contains(value)
        }
        if switched(testCrashVariable) { abort() }
        if switched(testCrashThreadedVariable), environment[pageWorkersVariable] != "1" { abort() }
        if switched(testHangVariable) { while true { sleep(60) } }
        if switched(testAllocateVariable) { allocateUntilStopped() }

        var options = ImportOptions(password: environment[passwordVariable])
        options.pageWorkers = environment[pageWorkersVariable].flatMap { Int($0) }
        if environment[stageTimesVariable] != nil {
            options.stageTimes = { times in FileHandle.standardError.write(Data("stages: \(times.summary)\n".utf8)) }
        }
        do {
            let report = try ReportImporter().importReport(at: URL(fileURLWithPath: input), options: options)
            let data = try export.map { try $0.data(for: report) } ?? JSONEncoder().encode(report)
            try data.write(to: URL(fileURLWithPath: result))
            return 0
        } catch {
            FileHandle.standardError.write(Data((WorkerFailure.describe(error, path: input) + "\n").utf8))
            return documentFailed
        }
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
