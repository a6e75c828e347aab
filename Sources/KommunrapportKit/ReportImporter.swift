import Foundation
import Layout
import Normalisation
import Recognisers
import ReportModel
import ReportSource
import TextFrontEnd

/// Options for one import.
public struct ImportOptions: Sendable {
    /// The password of an encrypted PDF.
    public var password: String?

    /// Creates options.
    public init(password: String? = nil) {
        self.password = password
    }
}

/// The whole pipeline behind one call: front-end, normalisation, layout, recognisers, model.
public struct ReportImporter: Sendable {
    /// Creates an importer.
    public init() {}

    /// The file extensions the importer reads.
    public static let supportedExtensions: Set<String> = ["txt", "text", "pdf"]

    /// Imports one file into a report.
    public func importReport(at url: URL, options: ImportOptions = ImportOptions()) throws -> Report {
        let source = try readSource(at: url, options: options)
        return importReport(source: source)
    }

    /// Runs stages 2 to 5 on a document a front-end has read.
    public func importReport(source: SourceDocument) -> Report {
        let normalised = Normaliser().normalise(source)
        let layout = LayoutAnalyser().analyse(normalised.document)
        return ReportRecogniser().recognise(layout, furniture: normalised.furniture.map(\.line))
    }

    /// Stage 1: chooses the front-end by extension, or by content for other names.
    public func readSource(at url: URL, options: ImportOptions) throws -> SourceDocument {
        let ext = url.pathExtension.lowercased()
        if ext == "pdf" || (!Self.supportedExtensions.contains(ext) && Self.looksLikePDF(url)) {
            return try PDFSource.read(url: url, password: options.password)
        }
        return try TextFrontEnd().read(contentsOf: url)
    }

    static func looksLikePDF(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1024)) ?? Data()
        return head.range(of: Data("%PDF-".utf8)) != nil
    }
}

extension ReportImporter {
    /// The layout stage's blocks as readable lines: `page:line kind[level] text`.
    public func inspect(at url: URL, options: ImportOptions = ImportOptions()) throws -> [String] {
        let source = try readSource(at: url, options: options)
        let normalised = Normaliser().normalise(source)
        let layout = LayoutAnalyser().analyse(normalised.document)
        return layout.blocks.map { block in
            let first = layout.lines[block.lineRange.lowerBound]
            let level = block.level.map { "[\($0)]" } ?? ""
            let kind = block.kind.rawValue + level + (block.isGoalHeading ? "*" : "")
            let padded = kind.padding(toLength: max(kind.count, 14), withPad: " ", startingAt: 0)
            return "\(first.page):\(first.source.lineNumber)\t\(padded) \(layout.text(of: block))"
        }
    }
}
