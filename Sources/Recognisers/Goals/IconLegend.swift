import Layout
import ReportModel
import ReportSource
import SwedishReportLanguage

/// The legend a report prints for its status icons ("Helt uppfyllt" beside a green circle).
struct IconLegend {
    var meaning: [StatusIcon: (status: Assessment, text: String)] = [:]

    init(layout: LayoutDocument) {
        for line in layout.lines {
            guard let color = line.source.icons.first?.color,
                let found = AssessmentVocabulary.assessment(inLine: line.text),
                let status = Assessment(rawValue: found.kind.rawValue)
            else { continue }
            let icon = Self.classify(color)
            if meaning[icon] == nil { meaning[icon] = (status, found.printed) }
        }
    }

    /// Names a colour by hue: the five colours reports use for status.
    static func classify(_ color: RGBColor) -> StatusIcon {
        let r = Double(color.red) / 255, g = Double(color.green) / 255, b = Double(color.blue) / 255
        let maxC = max(r, g, b), minC = min(r, g, b)
        if maxC - minC < 0.15 { return .grey }
        var hue: Double
        if maxC == r {
            hue = 60 * ((g - b) / (maxC - minC))
        } else if maxC == g {
            hue = 60 * ((b - r) / (maxC - minC)) + 120
        } else {
            hue = 60 * ((r - g) / (maxC - minC)) + 240
        }
        if hue < 0 { hue += 360 }
        switch hue {
        case 0..<25, 330...360: return .red
        case 25..<70: return .yellow
        case 70..<170: return .green
        case 170..<260: return .blue
        default: return .red
        }
    }
}
