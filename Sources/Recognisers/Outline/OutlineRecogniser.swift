import Layout
import ReportModel
import SwedishReportLanguage

/// A heading with the layout block it came from.
struct OutlineEntry {
    var heading: Heading
    var block: Block
}

/// Section headings with levels, so every block knows its section.
///
/// A line the table stage reads as part of a table's header is no heading, however it is set
/// (the top line of a stacked header cell, `Avvikelse från` over `bokslut`, stands alone and
/// bold like a heading): the table's geometry outweighs the line's typography.
struct OutlineRecogniser {
    func recognise(_ layout: LayoutDocument, tableHeaders: [Range<Int>] = []) -> [OutlineEntry] {
        var entries: [OutlineEntry] = []
        for block in layout.blocks where block.kind == .heading {
            if tableHeaders.contains(where: { $0.lowerBound <= block.lineRange.lowerBound && block.lineRange.upperBound <= $0.upperBound }) {
                continue
            }
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
