import Foundation
import XCTest

/// Runs the built `kommunrapport` for tests that use it as a user would (the batch tests, the
/// PostgreSQL warehouse tests).
public enum ToolProcess {
    /// The project's folder, from this file's place in it.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built tool (`swift build` or `swift test` builds it); `KOMMUNRAPPORT_BINARY` overrides.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["KOMMUNRAPPORT_BINARY"] { return URL(fileURLWithPath: path) }
        return packageRoot.appendingPathComponent(".build/debug/kommunrapport")
    }

    /// The result of running the tool.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Starts the tool without waiting; its output goes to files in `folder`.
    public static func start(
        _ arguments: [String], in folder: URL, environment: [String: String] = [:], stdin: String? = nil
    ) throws -> (Process, URL, URL) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let token = UUID().uuidString
        let out = folder.appendingPathComponent(".out-\(token)"), err = folder.appendingPathComponent(".err-\(token)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        if let stdin {
            let input = folder.appendingPathComponent(".in-\(token)")
            try Data(stdin.utf8).write(to: input)
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        return (process, out, err)
    }

    /// Runs the tool in `folder` and waits for it.
    public static func run(
        _ arguments: [String], in folder: URL, environment: [String: String] = [:], stdin: String? = nil
    ) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("\(binary.path) is not built; run `swift build` first")
        }
        let (process, out, err) = try start(arguments, in: folder, environment: environment, stdin: stdin)
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
