import Layout
import ReportModel
import SwedishReportLanguage

/// A heading with the layout block it came from.
struct OutlineEntry {
    var heading: Heading
    var block: Block
}

/// Section headings with levels, so every block knows its section.
struct OutlineRecogniser {
    func recognise(_ layout: LayoutDocument) -> [OutlineEntry] {
        var entries: [OutlineEntry] = []
        for block in layout.blocks where block.kind == .heading {
            let heading = Heading(
                id: "h\(entries.count + 1)", level: block.level ?? 2,
                // A word broken at a line-end hyphen is made whole (`pröv-` / `ning`).
                text: TableWords.joinWrapped(layout.lines[block.lineRange].map(\.text)),
                provenance: layout.provenance(of: block.lineRange))
            entries.append(OutlineEntry(heading: heading, block: block))
        }
        return entries
    }
}
