import Foundation
import Layout
import ReportModel
import ReportSource
import Tables

/// Stage 4: gives a layout its Swedish-report meaning and builds the report model.
public struct ReportRecogniser: Sendable {
    /// Creates a recogniser.
    public init() {}

    /// Recognises outline, goals, indicators, tables, assignments and metadata.
    ///
    /// - Parameters:
    ///   - layout: the document's blocks.
    ///   - furniture: running headers and footers removed by normalisation (evidence for metadata).
    public func recognise(_ layout: LayoutDocument, furniture: [SourceLine] = []) -> Report {
        let grids = TableStage.grids(in: layout)
        let layout = Self.headersOfTables(grids, in: layout)
        var context = RecognitionContext(layout: layout)
        let outline = OutlineRecogniser().recognise(layout)
        context.headings = outline
        let (headingGoals, goalWarnings) = GoalRecogniser().recognise(layout, headings: outline)
        var goals = headingGoals
        let figures = TableRecogniser().recognise(layout, grids: grids, goals: goals)
        goals += figures.goals  // goals printed only as cells of a goal/indicator matrix
        context.goals = goals
        context.warnings += goalWarnings + figures.warnings
        let assignments = AssignmentRecogniser().recognise(layout, goals: goals, grids: grids)
        // In turn on purpose: metadata on a second core beside the rest saved ~0.1 s on 500
        // pages, but in-process batches then crashed with heap corruption in 2 test runs of 20
        // (ThreadSanitizer saw no race in this package's code; the shared state is in a library).
        let metadata = MetadataRecogniser().recognise(layout, furniture: furniture)
        let source = layout.source
        var warnings = source.warnings + context.warnings
        if goals.isEmpty, figures.indicators.isEmpty, figures.tables.isEmpty, assignments.isEmpty {
            warnings.append(Self.nothingFound(in: source))
        }
        return Report(
            document: DocumentInfo(fileName: source.name, sourceKind: source.kind, pages: source.pages.count,
                                   producer: source.info["producer"]),
            metadata: metadata,
            headings: outline.map(\.heading),
            goals: goals.filter { !$0.isRepeat }.map(\.goal),
            indicators: figures.indicators,
            tables: figures.tables,
            assignments: assignments,
            warnings: warnings)
    }

    /// The layout with every heading block that lies in a table's header read as the column
    /// header it is, for every recogniser alike: the top line of a stacked header cell
    /// (`Avvikelse från` over `bokslut`) stands alone and bold like a heading, and the table's
    /// geometry outweighs the line's typography.
    static func headersOfTables(_ grids: [TableGrid], in layout: LayoutDocument) -> LayoutDocument {
        var result = layout
        for index in result.blocks.indices where result.blocks[index].kind == .heading {
            let lines = result.blocks[index].lineRange
            if grids.contains(where: { $0.headerLines.lowerBound <= lines.lowerBound && lines.upperBound <= $0.headerLines.upperBound }) {
                result.blocks[index].kind = .columnHeader
            }
        }
        return result
    }

    /// The warning for a document with nothing to compare in it (a decision letter, a map, a
    /// scanned document), saying why where the front-end knows.
    static func nothingFound(in source: SourceDocument) -> ImportWarning {
        let pictured = source.warnings.filter { $0.code == "pdf.noTextLayer" }.count
        let why = pictured > 0
            ? "; \(pictured) of its \(source.pages.count) pages are pictures with no text layer"
            : " (a letter, a decision or a map has none); its headings and metadata are imported"
        return ImportWarning(
            code: ImportWarning.nothingFoundCode,
            message: "\(source.name): no goals, indicators, tables or assignments were found\(why)")
    }
}

/// What recognisers share while they run.
struct RecognitionContext {
    var layout: LayoutDocument
    var headings: [OutlineEntry] = []
    var goals: [GoalEntry] = []
    var warnings: [ImportWarning] = []
}

extension LayoutDocument {
    /// Provenance of a range of lines.
    func provenance(of range: Range<Int>) -> Provenance {
        let slice = lines[range].filter { !$0.isBlank }
        let first = slice.first ?? lines[range.lowerBound]
        let last = slice.last ?? first
        let boxes = slice.compactMap { $0.source.box }
        return Provenance(page: first.page, firstLine: first.source.lineNumber, lastLine: last.source.lineNumber,
                          box: BoundingBox.union(of: boxes))
    }
}
