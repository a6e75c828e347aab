import Foundation
import ToolTestSupport
import XCTest

/// Inputs and helpers shared by the batch tests.
enum Fixtures {
    /// The project's folder, from this file's place in it.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built tool.
    static var binary: URL { ToolProcess.binary }

    /// The corpus's text renditions.
    static func corpusTexts() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: packageRoot.appendingPathComponent("corpus/text"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.path < $1.path }
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kr-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies the corpus texts into a folder, `copies` times each, every copy made unique by a
    /// last line naming it (so no two have the same digest). Returns the file names.
    @discardableResult
    static func writeCorpus(into folder: URL, copies: Int = 1) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var names: [String] = []
        for copy in 0..<copies {
            for source in try corpusTexts() {
                let stem = source.deletingPathExtension().lastPathComponent
                let name = copies == 1 ? source.lastPathComponent : String(format: "%03d-", copy) + stem + ".txt"
                var data = try Data(contentsOf: source)
                if copies > 1 { data.append(Data("\nkopia \(copy)\n".utf8)) }
                try data.write(to: folder.appendingPathComponent(name))
                names.append(name)
            }
        }
        return names
    }

    /// The bad documents of the acceptance batch, by file name. The crash is triggered by
    /// `KOMMUNRAPPORT_TEST_CRASH_ON=crash-me`.
    static func writeBadDocuments(into folder: URL) throws -> [String] {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ name: String, _ data: Data) throws { try data.write(to: folder.appendingPathComponent(name)) }
        try write("empty.txt", Data())
        try write("renamed-text.pdf", Data("Verksamhetsberättelse 2023\nDetta är ingen PDF.\n".utf8))
        let pdf = try Data(contentsOf: packageRoot.appendingPathComponent("corpus/pdf/000_7d3792ff3fe738e4.pdf"))
        try write("truncated.pdf", pdf.prefix(pdf.count / 2))
        try write("encrypted.pdf", MinimalPDF.make(encrypted: true))
        try write("scanned-no-text.pdf", MinimalPDF.make(encrypted: false))
        try write("crash-me.txt", try Data(contentsOf: try corpusTexts()[0]) + Data("\ncrash\n".utf8))
        return ["empty.txt", "renamed-text.pdf", "truncated.pdf", "encrypted.pdf", "scanned-no-text.pdf", "crash-me.txt"]
    }

    /// The result of running the tool.
    typealias Run = ToolProcess.Run

    /// Starts the tool without waiting; its output goes to files in `folder`.
    static func start(
        _ arguments: [String], in folder: URL, environment: [String: String] = [:], stdin: String? = nil
    ) throws -> (Process, URL, URL) {
        try ToolProcess.start(arguments, in: folder, environment: environment, stdin: stdin)
    }

    /// Runs the tool in `folder` and waits for it.
    static func run(
        _ arguments: [String], in folder: URL, environment: [String: String] = [:], stdin: String? = nil
    ) throws -> Run {
        try ToolProcess.run(arguments, in: folder, environment: environment, stdin: stdin)
    }
}

/// Hand-written one-page PDFs with no text: a plain one (a "scan") and one with an /Encrypt
/// dictionary whose password is not empty.
enum MinimalPDF {
    static func make(encrypted: Bool) -> Data {
        let content = "0.2 0.4 0.8 rg 72 72 300 400 re f\n"
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
        ]
        let hex32 = String(repeating: "5a3c", count: 16)
        if encrypted {
            objects.append("<< /Filter /Standard /V 1 /R 2 /O <\(hex32)> /U <\(hex32)> /P -44 >>")
        }
        let encryption = " /Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]"
        return HandWrittenPDF.file(objects: objects, trailer: encrypted ? encryption : "")
    }
}
