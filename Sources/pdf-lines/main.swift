// pdf-lines: prints what the PDF front-end reads from a PDF, one line a line, so a person can
// compare it with the page (and with pdftotext). A developer's tool, not part of the product.
//
//   pdf-lines FILE.pdf [--pages 3-5] [--style] [--boxes] [--rules] [--no-drawing] [--no-pictures] [--no-structure] [--workers N] [--password PW]
//
// Column gaps the front-end measured are shown as " ⇥ ", icons as [#rrggbb], page breaks as form feeds.
import Foundation
import PDFFrontEnd
import ReportSource

var arguments = Array(CommandLine.arguments.dropFirst())
var showStyle = false, showBoxes = false, showWords = false, showRules = false, pictures = true, structure = true, drawing = true
var pageRange: ClosedRange<Int>?
var password: String?
var workers: Int?
var path: String?
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--style": showStyle = true
    case "--boxes": showBoxes = true
    case "--words": showWords = true
    case "--rules": showRules = true
    case "--no-drawing": drawing = false
    case "--no-pictures": pictures = false
    case "--no-structure": structure = false
    case "--workers": workers = arguments.isEmpty ? nil : Int(arguments.removeFirst())
    case "--password": password = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--pages":
        let spec = arguments.isEmpty ? "" : arguments.removeFirst()
        let parts = spec.split(separator: "-").compactMap { Int($0) }
        if let first = parts.first { pageRange = first...(parts.last ?? first) }
    default: path = argument
    }
}
guard let path else {
    FileHandle.standardError.write(Data("usage: pdf-lines FILE.pdf [--pages A-B] [--style] [--boxes] [--words] [--rules] [--password PW]\n".utf8))
    exit(2)
}
do {
    let document = try PDFFrontEnd(options: PDFReadOptions(password: password, readsPictureIcons: pictures, workers: workers, readsStructure: structure, readsDrawing: drawing)).read(contentsOf: URL(fileURLWithPath: path))
    var out = ""
    for page in document.pages where pageRange?.contains(page.number) ?? true {
        out += "\u{0C}--- page \(page.number) (\(page.width ?? 0) x \(page.height ?? 0))\n"
        for line in page.lines {
            var text = line.hasColumnGap ? line.cellTexts.joined(separator: " ⇥ ") : line.text
            if !line.icons.isEmpty {
                text = line.icons.map { icon in
                    let size = showBoxes ? icon.box.map { String(format: " %.1fx%.1f@%.0f,%.0f", $0.width, $0.height, $0.x, $0.y) } ?? "" : ""
                    return "[\(icon.color?.hex ?? "?")\(size)]"
                }.joined() + " " + text
            }
            if showStyle, let style = line.style {
                text += String(format: "   {%@ %.1f%@ %@}", style.fontName ?? "?", style.fontSize ?? 0,
                               style.isBold ? " bold" : "", style.color?.hex ?? "")
            }
            if showStyle, let role = line.role { text += "   <\(role)>" }
            if showBoxes, let box = line.box {
                text += String(format: "   @(%.1f,%.1f %.1fx%.1f)", box.x, box.y, box.width, box.height)
            }
            out += text + "\n"
            if showWords {
                // Each word with its left edge and the gap before it, for reading word spacing.
                var previous: Double?
                out += "    " + line.words.map { word in
                    defer { previous = word.box.maxX }
                    let gap = previous.map { String(format: "+%.1f", word.box.x - $0) } ?? ""
                    return "\(gap)[\(word.text)]"
                }.joined(separator: " ") + "\n"
            }
        }
        if showRules {
            for rule in page.rules {
                let box = rule.box
                out += String(format: "rule %@ @(%.1f,%.1f %.1fx%.1f)\n", rule.direction.rawValue, box.x, box.y, box.width, box.height)
            }
            for fill in page.fills {
                let box = fill.box
                out += String(format: "fill %@ @(%.1f,%.1f %.1fx%.1f)\n", fill.color.hex, box.x, box.y, box.width, box.height)
            }
        }
    }
    for warning in document.warnings { out += "warning: \(warning.message)\n" }
    FileHandle.standardOutput.write(Data(out.utf8))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
