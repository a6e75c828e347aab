import ReportSource

/// Joins words split by a line-end hyphen (`tillgänglighets-` + `anpassade`).
///
/// The continuation is moved up to the first line, so both lines keep their line numbers; a line
/// left empty is dropped. Real hyphens stay: a suspended compound (`region- och kommun…`), a hyphen
/// after a space (`Expansionsinvestering -`), and a next line that starts with a capital or digit.
enum Hyphenation {
    static let conjunctions: Set<String> = ["och", "eller", "samt", "resp", "resp.", "respektive", "som", "till", "&"]

    static func join(_ lines: [SourceLine]) -> [SourceLine] {
        var lines = lines
        var index = 0
        while index < lines.count - 1 {
            defer { index += 1 }
            let trimmed = trimRight(lines[index].text)
            // The suffix first: counting characters walks the whole line, and few lines end in a hyphen.
            guard trimmed.hasSuffix("-"), trimmed.count >= 3 else { continue }
            let beforeHyphen = trimmed.dropLast()
            guard let lastLetter = beforeHyphen.last, lastLetter.isLetter else { continue }
            guard let nextIndex = nextNonBlank(after: index, in: lines), nextIndex == index + 1 else { continue }
            let nextText = lines[nextIndex].text.drop(while: { $0 == " " })
            guard let firstNext = nextText.first, firstNext.isLetter, firstNext.isLowercase else { continue }
            let nextWordEnd = nextText.firstIndex(where: { $0 == " " }) ?? nextText.endIndex
            let nextWord = String(nextText[..<nextWordEnd])
            if conjunctions.contains(nextWord.lowercased()) { continue }
            lines[index].text = String(beforeHyphen) + nextWord
            let rest = nextText[nextWordEnd...].drop(while: { $0 == " " })
            if rest.isEmpty {
                lines.remove(at: nextIndex)
            } else {
                // The rest keeps the line's indentation: in laid-out text the column a line
                // starts in is the cell it belongs to (`(kwh/kvm)` stays under its cell). Cells
                // after a column gap keep their own columns.
                let original = lines[nextIndex].text
                let indentation = original.prefix { $0 == " " }
                var text = String(indentation + rest)
                if let gap = rest.range(of: "  ") {
                    let nextCell = rest[gap.upperBound...].drop { $0 == " " }
                    let column = original.distance(from: original.startIndex, to: nextCell.startIndex)
                    text = String(indentation) + rest[..<gap.lowerBound]
                    text += String(repeating: " ", count: max(2, column - text.count)) + nextCell
                }
                lines[nextIndex].text = text
            }
        }
        return lines
    }

    static func trimRight(_ text: String) -> Substring {
        var s = Substring(text)
        while let last = s.last, last == " " { s = s.dropLast() }
        return s
    }

    static func nextNonBlank(after index: Int, in lines: [SourceLine]) -> Int? {
        var next = index + 1
        while next < lines.count {
            if !lines[next].isBlank { return next }
            next += 1
        }
        return nil
    }
}
