import Foundation
import XCTest

/// A private PostgreSQL server for one test class (`scripts/postgres-test-server.sh`): started
/// in the class's set-up, stopped and deleted in its tear-down.
public final class PostgresTestServer {
    static var packageRoot: URL { ToolProcess.packageRoot }

    /// The folder holding the data and the socket.
    public let folder: String
    /// The loopback port.
    public let port: Int

    /// Starts a server, trying a few ports in case one is taken.
    public init() throws {
        var lastError = ""
        for _ in 0..<4 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("krpg-\(UUID().uuidString.prefix(8))").path
            let port = Int.random(in: 20_000...60_000)
            let run = try Self.script(["start", folder, String(port), String(ProcessInfo.processInfo.processIdentifier)])
            if run.status == 0 {
                self.folder = folder
                self.port = port
                return
            }
            lastError = run.output
            _ = try? Self.script(["stop", folder])
        }
        throw XCTSkip("could not start a PostgreSQL server (scripts/setup.sh installs it): \(lastError)")
    }

    /// Stops the server and deletes its folder.
    public func stop() {
        _ = try? Self.script(["stop", folder])
    }

    /// A URL for a database, reached through the socket as the trusted superuser.
    public func socketURL(_ database: String) -> String {
        "postgresql://kommunrapport@/\(database)?host=\(folder)&port=\(port)"
    }

    /// Runs SQL as the superuser with psql (set-up only: roles, databases), failing the test on an error.
    public func psql(_ sql: String, database: String = "postgres", file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", String(port), "-U", "kommunrapport",
                             "-d", database, "-c", sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "psql: \(sql)\n\(output)", file: file, line: line)
    }

    /// Makes an empty database.
    public func createDatabase(_ name: String, owner: String? = nil) throws {
        try psql("CREATE DATABASE \(name)" + (owner.map { " OWNER \($0)" } ?? ""))
    }

    private static func script(_ arguments: [String]) throws -> (status: Int32, output: String) {
        // Output to a file, not a pipe: the server started in the background inherits the
        // script's descriptors, and a pipe it holds would never reach its end.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("krpg-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = packageRoot.appendingPathComponent("scripts/postgres-test-server.sh")
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
