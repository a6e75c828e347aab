import Foundation
import ReportModel

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses each document in a long-lived worker process (the tool re-executed with
/// ``Worker/subcommand`` `--serve`), so a document that crashes, hangs or exhausts memory in the
/// PDF library fails alone.
///
/// Workers are pooled: each batch thread takes an idle worker (or starts one), sends it one
/// document over a pipe and waits for its answer. A worker that crashes, runs past the timeout
/// or meets the memory limit is gone with its document, which is recorded as failed with the
/// reason; the next document gets a fresh worker. A worker is also replaced after
/// ``documentsPerWorker`` documents or ``bytesPerWorker`` bytes of input, so a slow leak in a C
/// library cannot grow without bound.
public final class WorkerProcessParser: DocumentParser, @unchecked Sendable {
    /// The `kommunrapport` executable to re-execute.
    public let executable: URL
    /// Seconds a worker may take over one document before it is killed.
    public let timeout: Double
    /// The worker's address-space limit in MB (0: none).
    public let memoryLimitMB: Int
    /// The PDF password, passed to workers through the environment.
    public let password: String?
    /// A folder for the workers' result and error files, removed by ``removeScratch()``.
    public let scratch: URL
    /// Documents a worker reads before it is replaced.
    public var documentsPerWorker = 200
    /// Bytes of input a worker reads before it is replaced.
    public var bytesPerWorker = 512 << 20

    private let lock = NSLock()
    private var idle: [ServingWorker] = []
    private var live: [ObjectIdentifier: ServingWorker] = [:]
    private var cancelled = false
    private var started = 0

    /// Creates a parser whose workers run `executable _worker --serve …`.
    public init(executable: URL, timeout: Double, memoryLimitMB: Int, password: String? = nil) throws {
        self.executable = executable
        self.timeout = timeout
        self.memoryLimitMB = memoryLimitMB
        self.password = password
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("kommunrapport-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // A worker that died leaves its request pipe without a reader: writing to it must fail
        // with EPIPE, not end the batch.
        signal(SIGPIPE, SIG_IGN)
    }

    deinit { shutdown() }

    /// Workers started so far (one per batch thread, plus one for each that was replaced),
    /// counting attempts that failed to start.
    public var workersStarted: Int {
        lock.lock()
        defer { lock.unlock() }
        return started
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

    /// Ends every worker and deletes the scratch folder.
    public func removeScratch() {
        shutdown()
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Ends every idle worker (their input closes and they exit), and waits for them.
    public func shutdown() {
        lock.lock()
        let workers = idle
        idle = []
        for worker in workers { live[ObjectIdentifier(worker)] = nil }
        lock.unlock()
        for worker in workers { worker.stop() }
    }

    /// Parses one document in a worker. A worker that crashes (a signal, not the memory limit
    /// or the timeout) is tried once more with the pages read in one thread: the rare crash of
    /// a C library under threads loses no document that reads alone.
    public func parse(_ document: InputDocument, exporting format: ExportFormat?) -> ParseOutcome {
        let first = read(document, exporting: format, pageWorkers: nil)
        guard first.crashed else { return first.outcome }
        return read(document, exporting: format, pageWorkers: 1).outcome
    }

    /// An idle worker writing `format`, or a new one; nil after cancellation.
    private func checkOut(format: ExportFormat?) throws -> ServingWorker? {
        var retired: [ServingWorker] = []
        // Workers that cannot serve this document are stopped (and waited for) after the lock.
        defer { for worker in retired { worker.stop() } }
        lock.lock()
        defer { lock.unlock() }
        if cancelled { return nil }
        while let worker = idle.popLast() {
            if worker.format == format, !worker.isFinished() { return worker }
            live[ObjectIdentifier(worker)] = nil
            retired.append(worker)
        }
        var environment = ProcessInfo.processInfo.environment
        if let password { environment[Worker.passwordVariable] = password }
        started += 1
        // Started under the lock: no other start may inherit this one's pipes in between.
        let worker = try ServingWorker(
            executable: executable, memoryLimitMB: memoryLimitMB, format: format, environment: environment,
            errorURL: scratch.appendingPathComponent("worker-\(started).err"))
        live[ObjectIdentifier(worker)] = worker
        return worker
    }

    /// Returns a worker to the pool, or ends it when it has served its share.
    private func checkIn(_ worker: ServingWorker) {
        let spent = worker.documents >= documentsPerWorker || worker.bytes >= bytesPerWorker
        lock.lock()
        if spent || cancelled {
            live[ObjectIdentifier(worker)] = nil
            lock.unlock()
            worker.stop()
            return
        }
        idle.append(worker)
        lock.unlock()
    }

    /// Ends a worker that will serve no more (killed if it still runs) and forgets it.
    private func discard(_ worker: ServingWorker) {
        lock.lock()
        live[ObjectIdentifier(worker)] = nil
        lock.unlock()
        worker.killNow()
        worker.waitForExit()
        worker.closePipes()
        try? FileManager.default.removeItem(at: worker.errorURL)
    }

    /// Reads one document in a worker; `crashed` when a second try on a fresh worker may
    /// succeed: the worker crashed (a fault signal, not a kill or the timeout), or the memory
    /// limit was met by a worker that had grown over earlier documents.
    private func read(_ document: InputDocument, exporting format: ExportFormat?, pageWorkers: Int?) -> (outcome: ParseOutcome, crashed: Bool) {
        let resultURL = scratch.appendingPathComponent(UUID().uuidString + ".result")
        defer { try? FileManager.default.removeItem(at: resultURL) }
        let worker: ServingWorker
        do {
            guard let found = try checkOut(format: format) else { return (.interrupted, false) }
            worker = found
        } catch {
            return (.failure("\(document.path): could not start a worker (\(executable.path): \(error.localizedDescription))"), false)
        }
        let request = Worker.Request(input: document.path, result: resultURL.path, pageWorkers: pageWorkers, sha256: document.sha256)
        let errorsBefore = worker.errorOffset()
        let deadline = ServingWorker.now() + timeout
        let reply: ServingWorker.Reply
        if let line = try? JSONEncoder().encode(request), worker.send(line) {
            reply = worker.reply(before: deadline)
        } else {
            reply = .ended
        }

        switch reply {
        case .answer(let line):
            worker.documents += 1
            worker.bytes += (try? FileManager.default.attributesOfItem(atPath: document.url.path)[.size] as? Int) ?? 0
            checkIn(worker)
            guard let response = try? JSONDecoder().decode(Worker.Response.self, from: Data(line.utf8)) else {
                return (.failure("\(document.path): the worker's answer could not be read"), false)
            }
            guard response.ok else {
                return (.failure(response.reason ?? "\(document.path): the worker could not import it and gave no reason"), false)
            }
            do {
                let data = try Data(contentsOf: resultURL)
                // An export is handed on as it is; a report comes as JSON to be read back.
                if format != nil { return (.exported(data), false) }
                return (.report(try JSONDecoder().decode(Report.self, from: data)), false)
            } catch {
                return (.failure("\(document.path): the worker's report could not be read back (\(error.localizedDescription))"), false)
            }
        case .timedOut:
            discard(worker)
            if isCancelled { return (.interrupted, false) }
            return (.failure(WorkerFailure.timedOut(path: document.path, seconds: timeout)), false)
        case .ended:
            // The pipe may have failed with the worker still running: it is ended either way.
            worker.killNow()
            worker.waitForExit()
            let stderr = worker.errorText(from: errorsBefore)
            discard(worker)
            // Workers are killed when the batch is interrupted: then the document is not done.
            if isCancelled { return (.interrupted, false) }
            let status = worker.process.terminationStatus
            if worker.process.terminationReason == .uncaughtSignal {
                let message = WorkerFailure.crashed(path: document.path, signal: status, memoryLimitMB: memoryLimitMB, stderr: stderr)
                let grown = worker.documents > 0
                let retry = WorkerFailure.isMemoryLimit(stderr) ? grown : Self.crashSignals.contains(status)
                return (.failure(message), retry)
            }
            return (.failure(WorkerFailure.exited(path: document.path, status: status, stderr: stderr)), false)
        }
    }

    /// Signals of a crash inside the worker, which a second try in one thread may escape; a
    /// kill from outside (SIGKILL, SIGTERM, SIGHUP) is no reason to read the document again.
    static let crashSignals: Set<Int32> = [SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP]

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Kills every worker and starts no more.
    public func cancelAll() {
        lock.lock()
        cancelled = true
        let workers = Array(live.values)
        lock.unlock()
        for worker in workers { worker.killNow() }
    }
}
