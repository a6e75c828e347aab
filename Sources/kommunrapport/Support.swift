import Foundation
import Exporters
import KommunrapportKit
import ReportModel

#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Messages to standard error.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("kommunrapport: \(message)\n".utf8))
    }

    static func progress(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// An error as one line for the user.
    static func describe(_ error: Error) -> String {
        String(describing: error)
    }
}

/// Turns paths into a list of report files: files as given, folders walked for .pdf and .txt.
enum InputCollector {
    static func collect(_ paths: [String]) throws -> (files: [URL], failures: [(String, String)]) {
        var files: [URL] = []
        var failures: [(String, String)] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failures.append((path, "\(path): no such file or folder"))
                Console.error("\(path): no such file or folder")
                continue
            }
            let url = URL(fileURLWithPath: path)
            if isDirectory.boolValue {
                var found: [URL] = []
                if let walker = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) {
                    for case let item as URL in walker
                    where ["pdf", "txt"].contains(item.pathExtension.lowercased()) {
                        found.append(item)
                    }
                }
                files += found.sorted { $0.path < $1.path }
            } else {
                files.append(url)
            }
        }
        return (files, failures)
    }
}

/// Serialises a report in the chosen format.
enum ExportFormatter {
    static func data(for report: Report, format: OutputFormat) throws -> Data {
        switch format {
        case .json: return try JSONExporter().json(of: report)
        case .facts: return Data(FactsExporter().ndjson(of: report).utf8)
        }
    }
}

/// Writes exports to standard output, a file, or one file per input in a folder.
struct OutputWriter {
    enum Target {
        case standardOutput
        case file(URL)
        case folder(URL)
    }

    let target: Target
    let format: OutputFormat

    init(output: String?, inputCount: Int, format: OutputFormat) throws {
        self.format = format
        let fm = FileManager.default
        guard let output else {
            if inputCount > 1 {
                throw ValidationErrorMessage("several inputs need --output FOLDER (one file is written per input)")
            }
            target = .standardOutput
            return
        }
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output, isDirectory: &isDirectory)
        if inputCount > 1 || (exists && isDirectory.boolValue) || output.hasSuffix("/") {
            try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
            target = .folder(URL(fileURLWithPath: output))
        } else {
            target = .file(URL(fileURLWithPath: output))
        }
    }

    var writesFiles: Bool {
        if case .standardOutput = target { return false }
        return true
    }

    var destination: String {
        switch target {
        case .standardOutput: return "standard output"
        case .file(let url), .folder(let url): return url.path
        }
    }

    func write(_ data: Data, for input: URL) throws {
        switch target {
        case .standardOutput:
            FileHandle.standardOutput.write(data)
        case .file(let url):
            try data.write(to: url, options: .atomic)
        case .folder(let folder):
            let name = input.deletingPathExtension().lastPathComponent + "." + format.fileExtension
            try data.write(to: folder.appendingPathComponent(name), options: .atomic)
        }
    }
}

/// A usage error raised outside argument parsing.
struct ValidationErrorMessage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
