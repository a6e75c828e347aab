import Foundation
import ReportSource

/// Reads pdftotext-style text: UTF-8 (Windows-1252 accepted with a warning), pages split on form feed.
public struct TextFrontEnd: Sendable {
    /// Creates a text front-end.
    public init() {}

    /// Reads a file into a source document.
    public func read(contentsOf url: URL) throws -> SourceDocument {
        let name = url.lastPathComponent
        let data: Data
        do {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw FrontEndError.notFound(file: url.path)
            }
            if isDirectory.boolValue { throw FrontEndError.unreadable(file: url.path, reason: "it is a folder") }
            data = try Data(contentsOf: url)
        } catch let error as FrontEndError {
            throw error
        } catch {
            throw FrontEndError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        return try read(data: data, name: name, path: url.path)
    }

    /// Reads bytes into a source document; `path` is used in error messages.
    public func read(data: Data, name: String, path: String? = nil) throws -> SourceDocument {
        let shown = path ?? name
        guard !data.isEmpty else { throw FrontEndError.empty(file: shown) }
        if data.starts(with: Array("%PDF".utf8)) {
            throw FrontEndError.notText(file: shown, detail: "it is a PDF; give it a .pdf name")
        }
        // A NUL byte never occurs in text; control bytes in bulk mean a binary file.
        let sample = data.prefix(65_536)
        let controlBytes = sample.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20 && $0 != 0x1B) }.count
        if sample.contains(0) || controlBytes * 20 > sample.count {
            throw FrontEndError.notText(file: shown, detail: "it holds binary data")
        }
        var warnings: [ImportWarning] = []
        var text: String
        if let utf8 = String(data: data, encoding: .utf8) {
            text = utf8
        } else if let latin = String(data: data, encoding: .windowsCP1252) {
            text = latin
            warnings.append(ImportWarning(
                code: "encoding.windows1252",
                message: "\(name) is not valid UTF-8; read as Windows-1252. Check å, ä and ö in the output."))
        } else {
            throw FrontEndError.notText(file: shown, detail: "neither UTF-8 nor Windows-1252")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Most files have Unix line ends; only those with a carriage return pay for the replacement.
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return SourceDocument(name: name, kind: .text, pages: Self.pages(of: text), warnings: warnings)
    }

    /// Splits text into pages on form feed, numbering lines through the whole file.
    static func pages(of text: String) -> [SourcePage] {
        var pages: [SourcePage] = []
        var lines: [SourceLine] = []
        var lineNumber = 1
        var current = ""
        func endLine() {
            lines.append(SourceLine(text: current, lineNumber: lineNumber))
            current = ""
        }
        for character in text {
            switch character {
            case "\n":
                endLine()
                lineNumber += 1
            case "\u{0C}":
                // The form feed ends the page; the text after it starts the next page on the same file line.
                if !current.isEmpty { endLine() }
                pages.append(SourcePage(number: pages.count + 1, lines: lines))
                lines = []
            default:
                current.append(character)
            }
        }
        if !current.isEmpty { endLine() }
        if !lines.isEmpty || pages.isEmpty {
            pages.append(SourcePage(number: pages.count + 1, lines: lines))
        }
        return pages
    }
}
