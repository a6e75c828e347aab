import Layout
import ReportModel

/// A goal with the layout lines it came from.
struct GoalEntry {
    var goal: Goal
    var lineRange: Range<Int>
}

struct GoalRecogniser {
    func recognise(_ layout: LayoutDocument, headings: [OutlineEntry]) -> [GoalEntry] { [] }
}
