import Foundation

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One long-lived worker process (`kommunrapport _worker --serve`) and the pipes to it.
///
/// One batch thread at a time sends it documents (the pool hands it out); only killing it and
/// asking whether it has ended may come from another thread (an interruption), and those are
/// safe from any thread.
final class ServingWorker: @unchecked Sendable {
    /// What came back for a request.
    enum Reply {
        /// The worker's answer line.
        case answer(String)
        /// No answer before the deadline (the worker is still running).
        case timedOut
        /// No answer can come: the worker ended, or its pipe failed (it may still be running).
        case ended
    }

    let process: Process
    /// The export the worker writes (nil: the report as JSON); fixed for its life.
    let format: ExportFormat?
    /// Where the worker's standard error goes; a crash's last words are read from here.
    let errorURL: URL
    /// Documents served, and their bytes: a worker is replaced after enough of either.
    var documents = 0
    var bytes = 0

    private let requests: Pipe
    private let answers: Pipe
    /// Entered before the process starts, left when it has ended: waiting on it consumes nothing,
    /// so any thread may ask, any number of times.
    private let running = DispatchGroup()
    private var pending: [UInt8] = []

    /// How long a worker asked to stop may take before it is killed.
    static let stopGraceSeconds = 5.0
    /// How often a waiting batch thread looks whether its worker is still alive, in milliseconds.
    static let livenessPollMilliseconds: Int32 = 200

    /// Starts a worker. The caller serialises starts, so no other start inherits these pipes
    /// between their creation and their close-on-exec flag.
    init(executable: URL, memoryLimitMB: Int, format: ExportFormat?, environment: [String: String], errorURL: URL) throws {
        self.format = format
        self.errorURL = errorURL
        requests = Pipe()
        answers = Pipe()
        // Only the worker's own standard input and output may reach it: a worker started later
        // must not hold this one's pipe ends open (its input would never end). Foundation closes
        // other descriptors in the child too; this does not depend on it.
        for handle in [requests.fileHandleForReading, requests.fileHandleForWriting, answers.fileHandleForReading,
                       answers.fileHandleForWriting] {
            _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC)
        }
        guard FileManager.default.createFile(atPath: errorURL.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: errorURL.path])
        }
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        defer { try? errorHandle.close() }

        process = Process()
        process.executableURL = executable
        var arguments = [Worker.subcommand, "--serve", "--memory-limit", String(memoryLimitMB)]
        if let format { arguments += ["--export", format.rawValue] }
        process.arguments = arguments
        process.environment = environment
        process.standardInput = requests
        process.standardOutput = answers
        // A file, not a pipe: nothing to drain, however much a library writes there.
        process.standardError = errorHandle
        let running = self.running
        running.enter()
        process.terminationHandler = { _ in running.leave() }
        do {
            try process.run()
        } catch {
            running.leave()  // no process will end: the group must not be freed while entered
            throw error
        }
        // The worker's ends are its own now (Foundation has closed them already; closing a
        // closed FileHandle again does nothing).
        try? requests.fileHandleForReading.close()
        try? answers.fileHandleForWriting.close()
    }

    var pid: Int32 { process.processIdentifier }

    /// The size of the worker's standard error so far: what it writes after this is about the
    /// next document.
    func errorOffset() -> UInt64 {
        var info = stat()
        return stat(errorURL.path, &info) == 0 ? UInt64(info.st_size) : 0
    }

    /// What the worker wrote to standard error from `offset` on.
    func errorText(from offset: UInt64) -> String {
        guard let handle = FileHandle(forReadingAtPath: errorURL.path) else { return "" }
        defer { try? handle.close() }
        try? handle.seek(toOffset: offset)
        return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Sends one request line; false when the worker can no longer take it.
    func send(_ line: Data) -> Bool {
        var data = line
        data.append(0x0A)
        let fd = requests.fileHandleForWriting.fileDescriptor
        return data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false  // EPIPE: the worker is gone (SIGPIPE is ignored by the parser)
                }
                offset += written
            }
            return true
        }
    }

    /// Seconds since boot: deadlines do not move when the wall clock is set.
    static func now() -> Double { ProcessInfo.processInfo.systemUptime }

    /// Waits for the worker's answer line until `deadline` (in ``now()``'s seconds).
    func reply(before deadline: Double) -> Reply {
        let fd = answers.fileHandleForReading.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return .answer(line)
            }
            let left = deadline - Self.now()
            if left <= 0 { return .timedOut }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = Int32(min(Double(Self.livenessPollMilliseconds), left * 1000).rounded(.up))
            let ready = poll(&poller, 1, max(1, wait))
            if ready < 0 {
                if errno == EINTR { continue }
                return .ended
            }
            if ready == 0 {
                // Nothing yet. A worker's death closes the pipe's only write end, so the end of
                // the pipe says so by itself; this look at the process is a second safeguard.
                if isFinished() { return drainedAfterExit(fd: fd, chunk: &chunk) }
                continue
            }
            let count = read(fd, &chunk, chunk.count)
            if count > 0 {
                pending.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                return .ended
            } else if errno != EINTR {
                return .ended
            }
        }
    }

    /// After the worker exited: an answer it managed to write, or its end.
    private func drainedAfterExit(fd: Int32, chunk: inout [UInt8]) -> Reply {
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 0) > 0 else { break }
            let count = read(fd, &chunk, chunk.count)
            guard count > 0 else { break }
            pending.append(contentsOf: chunk[..<count])
        }
        if let newline = pending.firstIndex(of: 0x0A) {
            let line = String(decoding: pending[..<newline], as: UTF8.self)
            pending.removeSubrange(...newline)
            return .answer(line)
        }
        return .ended
    }

    /// True once the worker process has ended (and been reaped).
    func isFinished() -> Bool {
        running.wait(timeout: .now()) == .success
    }

    /// Waits until the worker has ended.
    func waitForExit() {
        running.wait()
        process.waitUntilExit()
    }

    /// Kills the worker at once. Its pid is signalled only while Foundation has not reaped it,
    /// so the signal cannot reach another process that got the number since.
    func killNow() {
        if !isFinished(), process.isRunning { _ = kill(pid, SIGKILL) }
    }

    /// Closes the pipes (once the worker is gone).
    func closePipes() {
        try? requests.fileHandleForWriting.close()
        try? answers.fileHandleForReading.close()
    }

    /// Ends the worker: its input closes, so it finishes and exits; one that does not within
    /// the grace period is killed.
    func stop() {
        try? requests.fileHandleForWriting.close()
        if running.wait(timeout: .now() + Self.stopGraceSeconds) == .timedOut { killNow() }
        waitForExit()
        closePipes()
        try? FileManager.default.removeItem(at: errorURL)
    }
}
