import Foundation
import Layout
import ReportModel
import ReportSource

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
        // Metadata needs nothing the other recognisers find, so it runs beside them on a second
        // core; goals, tables and assignments build on each other and run in turn.
        let metadataResult = ResultSlot<ReportMetadata>()
        let mainResult = ResultSlot<MainItems>()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                metadataResult.value = MetadataRecogniser().recognise(layout, furniture: furniture)
            } else {
                mainResult.value = Self.recogniseItems(layout)
            }
        }
        guard let metadata = metadataResult.value, let main = mainResult.value else {
            preconditionFailure("both parts of recognition run before concurrentPerform returns")
        }
        let source = layout.source
        return Report(
            document: DocumentInfo(fileName: source.name, sourceKind: source.kind, pages: source.pages.count,
                                   producer: source.info["producer"]),
            metadata: metadata,
            headings: main.outline.map(\.heading),
            goals: main.goals.filter { !$0.isRepeat }.map(\.goal),
            indicators: main.figures.indicators,
            tables: main.figures.tables,
            assignments: main.assignments,
            warnings: source.warnings + main.context.warnings)
    }
}

extension ReportRecogniser {
    /// What the chain of outline, goal, table and assignment recognisers finds.
    struct MainItems {
        var outline: [OutlineEntry]
        var goals: [GoalEntry]
        var figures: TableRecognition
        var assignments: [Assignment]
        var context: RecognitionContext
    }

    static func recogniseItems(_ layout: LayoutDocument) -> MainItems {
        var context = RecognitionContext(layout: layout)
        let outline = OutlineRecogniser().recognise(layout)
        context.headings = outline
        let (headingGoals, goalWarnings) = GoalRecogniser().recognise(layout, headings: outline)
        var goals = headingGoals
        let figures = TableRecogniser().recognise(layout, goals: goals)
        goals += figures.goals  // goals printed only as cells of a goal/indicator matrix
        context.goals = goals
        context.warnings += goalWarnings
        let assignments = AssignmentRecogniser().recognise(layout, goals: goals)
        return MainItems(outline: outline, goals: goals, figures: figures, assignments: assignments, context: context)
    }
}

/// A value one concurrent task writes and the caller reads after every task has finished
/// (`concurrentPerform` returns only then, which orders the write before the read).
private final class ResultSlot<Value>: @unchecked Sendable {
    var value: Value?
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
