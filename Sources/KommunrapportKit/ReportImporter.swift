import Foundation
import Layout
import Normalisation
import Recognisers
import ReportModel
import ReportSource
import Tables
import TextFrontEnd

/// Options for one import.
public struct ImportOptions: Sendable {
    /// The password of an encrypted PDF.
    public var password: String?
    /// Where to report how long each stage took (for benchmarks); nil reports nothing.
    public var stageTimes: (@Sendable (StageTimes) -> Void)?
    /// Threads that read a PDF's pages at once; nil lets the front-end choose by page count.
    public var pageWorkers: Int?

    /// Creates options.
    public init(password: String? = nil, stageTimes: (@Sendable (StageTimes) -> Void)? = nil) {
        self.password = password
        self.stageTimes = stageTimes
    }
}

/// How long each stage of one import took, in seconds of wall time.
public struct StageTimes: Sendable {
    /// Stage 1: reading the file into pages of lines.
    public var frontEnd: Double = 0
    /// Stage 2: repairing extraction damage, removing page furniture.
    public var normalisation: Double = 0
    /// Stage 3: grouping lines into blocks.
    public var layout: Double = 0
    /// Stages 4 and 5: recognising goals, tables, assignments and metadata into the model.
    public var recognition: Double = 0

    /// `front-end 0.812 s, normalisation 0.104 s, …` for a benchmark's output.
    public var summary: String {
        [("front-end", frontEnd), ("normalisation", normalisation), ("layout", layout), ("recognition", recognition)]
            .map { "\($0.0) \(String(format: "%.3f", $0.1)) s" }.joined(separator: ", ")
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
        var times = StageTimes()
        let source = try Self.timed(&times.frontEnd) { try readSource(at: url, options: options) }
        let report = importReport(source: source, times: &times)
        options.stageTimes?(times)
        return report
    }

    /// Runs stages 2 to 5 on a document a front-end has read.
    public func importReport(source: SourceDocument) -> Report {
        var times = StageTimes()
        return importReport(source: source, times: &times)
    }

    private func importReport(source: SourceDocument, times: inout StageTimes) -> Report {
        let normalised = Self.timed(&times.normalisation) { Normaliser().normalise(source) }
        let layout = Self.timed(&times.layout) { LayoutAnalyser().analyse(normalised.document) }
        return Self.timed(&times.recognition) {
            ReportRecogniser().recognise(layout, furniture: normalised.furniture.map(\.line))
        }
    }

    private static func timed<T>(_ seconds: inout Double, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        return try body()
    }

    /// Stage 1: chooses the front-end by extension, or by content for other names.
    public func readSource(at url: URL, options: ImportOptions) throws -> SourceDocument {
        let ext = url.pathExtension.lowercased()
        if ext == "pdf" || (!Self.supportedExtensions.contains(ext) && Self.looksLikePDF(url)) {
            return try PDFSource.read(url: url, password: options.password, workers: options.pageWorkers)
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
    public func inspect(at url: URL, options: ImportOptions = ImportOptions(), tables: Bool = false) throws -> [String] {
        let source = try readSource(at: url, options: options)
        let normalised = Normaliser().normalise(source)
        let layout = LayoutAnalyser().analyse(normalised.document)
        if tables { return Self.describe(TableStage.grids(in: layout), layout: layout) }
        return layout.blocks.map { block in
            let first = layout.lines[block.lineRange.lowerBound]
            let level = block.level.map { "[\($0)]" } ?? ""
            let kind = block.kind.rawValue + level + (block.isGoalHeading ? "*" : "")
            let padded = kind.padding(toLength: max(kind.count, 14), withPad: " ", startingAt: 0)
            return "\(first.page):\(first.source.lineNumber)\t\(padded) \(layout.text(of: block))"
        }
    }

    /// The grids of the table stage as text: each table's pages, header, and rows with their cells.
    static func describe(_ grids: [TableGrid], layout: LayoutDocument) -> [String] {
        var out: [String] = []
        for (number, grid) in grids.enumerated() {
            let first = layout.lines[grid.lines.lowerBound]
            out.append("table \(number + 1): page \(grid.pages.map(String.init).joined(separator: ",")), line \(first.source.lineNumber), \(grid.rows.count) rows, \(grid.columns.count) columns")
            out.append("  stub: \(grid.stub)")
            for (index, column) in grid.identifierColumns.enumerated() {
                out.append("  identifier column \(index + 1): \(column.header)")
            }
            for (index, column) in grid.columns.enumerated() {
                out.append("  column \(index + 1)\(column.isNumeric ? "" : " (text)"): \(column.header)")
            }
            for row in grid.rows {
                let codes = row.identifiers.map { "<\($0.column + 1)> \($0.text) " }.joined()
                let cells = row.cells.map { "[\($0.column + 1)] \($0.text)" }.joined(separator: " | ")
                out.append("  " + String(repeating: "  ", count: row.level) + "\(codes)\(row.label) :: \(cells)")
            }
        }
        return out
    }
}
