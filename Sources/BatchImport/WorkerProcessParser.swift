import Foundation
import ReportModel

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses each document in a worker process (the tool re-executed with ``Worker/subcommand``),
/// so a document that crashes, hangs or exhausts memory in the PDF library fails alone.
public final class WorkerProcessParser: DocumentParser, @unchecked Sendable {
    /// The `kommunrapport` executable to re-execute.
    public let executable: URL
    /// Seconds a worker may take before it is killed.
    public let timeout: Double
    /// The worker's address-space limit in MB (0: none).
    public let memoryLimitMB: Int
    /// The PDF password, passed to workers through the environment.
    public let password: String?
    /// A folder for the workers' result files, removed by ``removeScratch()``.
    public let scratch: URL

    private let lock = NSLock()
    private var running: Set<Int32> = []
    private var cancelled = false

    /// Creates a parser that runs `executable _worker …` for each document.
    public init(executable: URL, timeout: Double, memoryLimitMB: Int, password: String? = nil) throws {
        self.executable = executable
        self.timeout = timeout
        self.memoryLimitMB = memoryLimitMB
        self.password = password
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("kommunrapport-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    /// The running executable as an absolute path (what the worker re-executes).
    public static func currentExecutable() -> URL {
        #if os(Linux)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: resolved)
        }
        #endif
        if let path = Bundle.main.executablePath { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }

    /// Deletes the scratch folder.
    public func removeScratch() {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Parses one document in a fresh worker process. A worker that crashes (a signal, not the
    /// memory limit or the timeout) is tried once more with the pages read in one thread: the
    /// rare crash of a C library under threads loses no document that reads alone.
    public func parse(_ document: InputDocument, exporting format: ExportFormat?) -> ParseOutcome {
        let first = runWorker(document, exporting: format, pageWorkers: nil)
        guard first.crashed else { return first.outcome }
        return runWorker(document, exporting: format, pageWorkers: 1).outcome
    }

    /// Runs one worker on the document; `crashed` when a signal ended it that a second try may
    /// escape (neither the memory limit nor the timeout).
    private func runWorker(_ document: InputDocument, exporting format: ExportFormat?, pageWorkers: Int?) -> (outcome: ParseOutcome, crashed: Bool) {
        let token = UUID().uuidString
        let resultURL = scratch.appendingPathComponent(token + ".json")
        let errorURL = scratch.appendingPathComponent(token + ".err")
        defer {
            try? FileManager.default.removeItem(at: resultURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        guard FileManager.default.createFile(atPath: errorURL.path, contents: nil),
              let errorHandle = try? FileHandle(forWritingTo: errorURL)
        else {
            return (.failure("\(document.path): could not create a scratch file in \(scratch.path)"), false)
        }

        let process = Process()
        process.executableURL = executable
        var arguments = [Worker.subcommand, "--result", resultURL.path, "--memory-limit", String(memoryLimitMB)]
        if let format { arguments += ["--export", format.rawValue] }
        process.arguments = arguments + ["--", document.path]
        var environment = ProcessInfo.processInfo.environment
        if let password { environment[Worker.passwordVariable] = password }
        if let pageWorkers { environment[Worker.pageWorkersVariable] = String(pageWorkers) }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        // A file, not a pipe: nothing to drain while waiting, however much the worker writes.
        process.standardError = errorHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }

        lock.lock()
        if cancelled {
            lock.unlock()
            try? errorHandle.close()
            return (.interrupted, false)
        }
        do {
            try process.run()
        } catch {
            lock.unlock()
            try? errorHandle.close()
            return (.failure("\(document.path): could not start a worker (\(executable.path): \(error.localizedDescription))"), false)
        }
        let pid = process.processIdentifier
        running.insert(pid)
        lock.unlock()
        try? errorHandle.close()

        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(pid, SIGKILL)
            finished.wait()
        }
        lock.lock()
        running.remove(pid)
        let wasCancelled = cancelled
        lock.unlock()
        process.waitUntilExit()

        let stderr = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal {
            // Ctrl-C reaches the workers too; their death is the interruption, not the document's fault.
            if wasCancelled || status == SIGINT || status == SIGTERM || status == SIGHUP { return (.interrupted, false) }
            if timedOut { return (.failure(WorkerFailure.timedOut(path: document.path, seconds: timeout)), false) }
            let message = WorkerFailure.crashed(path: document.path, signal: status, memoryLimitMB: memoryLimitMB, stderr: stderr)
            return (.failure(message), !WorkerFailure.isMemoryLimit(stderr) && status != SIGKILL)
        }
        if wasCancelled { return (.interrupted, false) }
        guard status == 0 else {
            return (.failure(WorkerFailure.exited(path: document.path, status: status, stderr: stderr)), false)
        }
        do {
            let data = try Data(contentsOf: resultURL)
            // An export is handed on as it is; a report comes as JSON to be read back.
            if format != nil { return (.exported(data), false) }
            return (.report(try JSONDecoder().decode(Report.self, from: data)), false)
        } catch {
            return (.failure("\(document.path): the worker's report could not be read back (\(error.localizedDescription))"), false)
        }
    }

    /// Kills every running worker and starts no more.
    public func cancelAll() {
        lock.lock()
        cancelled = true
        let pids = running
        lock.unlock()
        for pid in pids { kill(pid, SIGKILL) }
    }
}
