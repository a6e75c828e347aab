import Foundation

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Messages for documents whose worker did not come back with a report.
public enum WorkerFailure {
    /// An error as one line that names the file.
    public static func describe(_ error: Error, path: String) -> String {
        var text = self.text(of: error)
        // Front-ends name the absolute path; the user knows the file by the path they gave.
        let absolute = URL(fileURLWithPath: path).path
        if absolute != path { text = text.replacingOccurrences(of: absolute, with: path) }
        return text.contains(path) ? text : "\(path): \(text)"
    }

    /// An error's message: Foundation's errors by their localized text (their description is
    /// for programmers), the project's own errors by their description.
    static func text(of error: Error) -> String {
        if error is CocoaError || type(of: error) == NSError.self { return error.localizedDescription }
        return String(describing: error)
    }

    /// Whether a worker's last words say it ran out of memory. Whole phrases only: a crash's
    /// backtrace names runtime functions such as `swift_allocObject` whatever the cause.
    public static func isMemoryLimit(_ stderr: String) -> Bool {
        let lower = stderr.lowercased()
        return memoryPhrases.contains { lower.contains($0) }
    }

    /// What C, C++ and Swift print when an allocation fails.
    static let memoryPhrases = [
        "bad_alloc", "out of memory", "cannot allocate", "could not allocate", "failed to allocate", "allocation failed",
    ]

    /// A worker ended by a signal.
    static func crashed(path: String, signal: Int32, memoryLimitMB: Int, stderr: String) -> String {
        if isMemoryLimit(stderr) {
            return "\(path): reading it needed more than the \(memoryLimitMB) MB memory limit; "
                + "the document was skipped (raise --memory-limit to try again)"
        }
        if signal == SIGKILL {
            return "\(path): the worker reading it was killed (SIGKILL), probably by the system for using "
                + "too much memory; the document was skipped"
        }
        return "\(path): the worker reading it crashed (\(name(of: signal))), most likely on damaged or unusual "
            + "content; the document was skipped"
    }

    /// A worker that ran past the time limit.
    static func timedOut(path: String, seconds: Double) -> String {
        "\(path): reading it took longer than \(format(seconds)) s and was stopped "
            + "(raise --timeout for very large documents)"
    }

    /// A worker that exited with a status but no report.
    static func exited(path: String, status: Int32, stderr: String) -> String {
        let lines = stderr.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        if let last = lines.last {
            return last.contains(path) ? last : "\(path): \(last)"
        }
        return "\(path): the worker reading it stopped with status \(status) and gave no reason"
    }

    static func name(of signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGABRT: "SIGABRT", SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGILL: "SIGILL", SIGFPE: "SIGFPE",
            SIGTRAP: "SIGTRAP", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGINT: "SIGINT",
        ]
        return "signal \(signal)" + (names[signal].map { ", \($0)" } ?? "")
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
