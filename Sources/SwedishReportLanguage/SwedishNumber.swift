import Foundation

/// A number as Swedish reports print it: `91 867`, `−4,5 %`, `(73)`, `≤38`, `12,3 mnkr`.
///
/// The printed text is kept beside the parsed value so a reader can always find the source.
public struct SwedishNumber: Sendable, Hashable {
    /// The parsed value (in the printed unit: `12,3 mnkr` is 12.3).
    public var value: Double
    /// The unit printed with the number (`%`, `tkr`, `mnkr`, `mkr`, `kr`), else nil.
    public var unit: String?
    /// A comparator printed before the number: `<`, `<=`, `>`, `>=`, `~`.
    public var comparator: String?
    /// True for a value printed in parentheses, the usual mark of a preliminary figure.
    public var preliminary: Bool
    /// The text exactly as printed.
    public var text: String

    /// Creates a number.
    public init(value: Double, unit: String? = nil, comparator: String? = nil, preliminary: Bool = false, text: String) {
        self.value = value
        self.unit = unit
        self.comparator = comparator
        self.preliminary = preliminary
        self.text = text
    }

    /// Units recognised after a number, longest first so `mnkr` wins over `kr`.
    public static let units = ["mnkr", "mdkr", "tkr", "mkr", "kr", "%", "st", "procent"]

    /// The last byte of each unit (all ASCII), in both cases.
    static let unitLastBytes: Set<UInt8> = Set(units.flatMap { unit -> [UInt8] in
        let last = unit.utf8.last!
        let isLetter = (0x41...0x5A).contains(last) || (0x61...0x7A).contains(last)
        return isLetter ? [last, last ^ 0x20] : [last]
    })

    /// The word between a part and its whole (`2 av 8`).
    public static let partOfWholeWord = "av"
    /// A unit word printed after a figure is at most this long (`gånger/år`, `kwh/kvm`).
    public static let longestUnitWord = 12
    /// A measured quantity takes at most this many words (`-1 400 kg 2`).
    static let mostQuantityWords = 5
    /// Units of measure printed after indicator figures, besides rates written with a slash
    /// (`g/port`, `gånger/år`). Durations (`år`, `dagar`) are left out: `2-5 år` labels a row.
    public static let measureUnits: Set<String> = [
        "kg", "g", "ton", "km", "mil", "m", "m2", "m²", "m3", "m³", "km2", "km²", "kvm", "kwh", "mwh", "gwh", "tco2e",
        "personer", "st.",
    ]

    /// A figure with a unit of its own after it, as indicator cells print them: `17 g/port`,
    /// `1 gång/år`, `-1 400 kg`, a footnote digit after the unit (`-1 400 kg 2`), or a part of a
    /// whole (`2 av 8`). The unit is a rate (a slash) or a unit of measure; other words are text.
    public static func isMeasuredQuantity(_ words: [String]) -> Bool {
        // A quantity is a few words (a number of at most three groups, a unit, a mark); a longer
        // cell is text, and is turned away before its prefixes are parsed.
        guard (2...mostQuantityWords).contains(words.count) else { return false }
        // The longest run of leading words that reads as one number (`-1 400`).
        guard let numberWords = (1..<words.count).reversed().first(where: { parse(words[..<$0].joined(separator: " ")) != nil })
        else { return false }
        var rest = words[numberWords...]
        if rest.count >= 2, rest.first == partOfWholeWord {
            return rest.count == 2 && parse(rest.last!) != nil
        }
        // A unit of measure in any case (`MWh`, `m²`), or a rate with a slash in lower case
        // (`g/port`), its units perhaps raised to a power (`m3/s`, `kg/m²`).
        guard let unit = rest.first, unit.count <= longestUnitWord,
            measureUnits.contains(unit.lowercased())
                || unit.contains("/") && unit.first?.isLowercase == true
                    && unit.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "/" || $0 == "." })
        else { return false }
        rest = rest.dropFirst()
        // A footnote mark after the unit.
        return rest.isEmpty || rest.count == 1 && rest.first!.count == 1 && rest.first!.first!.isNumber
    }

    /// Parses a whole cell (`"-4 569"`, `"104,1 %"`, `"(73)"`, `"≥975 per år"`); nil if it is not one number.
    public static func parse(_ printed: String) -> SwedishNumber? {
        let trimmed = printed.trimming(.whitespaces)
        var s = Substring(trimmed)
        guard !s.isEmpty else { return nil }
        var preliminary = false
        if s.hasPrefix("("), s.hasSuffix(")") {
            preliminary = true
            s = s.dropFirst().dropLast()
            s = Substring(s.trimming(.whitespaces))
        }
        var comparator: String?
        for (symbol, name) in [("≤", "<="), ("≥", ">="), ("<=", "<="), (">=", ">="), ("<", "<"), (">", ">"), ("~", "~"), ("ca ", "~"), ("ca. ", "~")]
        where s.hasPrefix(symbol) {
            comparator = name
            s = s.dropFirst(symbol.count)
            s = Substring(s.trimming(.whitespaces))
            break
        }
        // Every number has an ASCII digit; most cells tested here are words, and the unit search
        // below is the costly part, so words are turned away first.
        guard s.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var unit: String?
        var body = s
        // A trailing unit, optionally followed by a short qualifier ("≥975per år"). A body ending
        // in a digit has none (a unit must end it), so the search is skipped for plain numbers.
        let endsInDigit = body.utf8.last.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
        // The body is trimmed, so a unit found must end it: a body whose last character is ASCII
        // and no unit's last letter in either case (nearly every word) skips Foundation's search.
        let mayEndInUnit = body.utf8.last.map { $0 >= 0x80 || unitLastBytes.contains($0) } ?? false
        for candidate in units where !endsInDigit && mayEndInUnit {
            if let range = body.range(of: candidate, options: [.backwards, .caseInsensitive]) {
                let after = body[range.upperBound...].trimming(.whitespaces)
                let before = body[..<range.lowerBound]
                if after.isEmpty, let last = before.last(where: { !$0.isWhitespace }), last.isNumber {
                    unit = candidate == "procent" ? "%" : candidate.lowercased()
                    body = Substring(before.trimming(.whitespaces))
                    break
                }
            }
        }
        if unit == nil, comparator != nil {
            // "975per år": keep the leading number, the rest is a qualifier.
            let digits = body.prefix { $0.isNumber || $0 == " " || $0 == "," || $0 == "\u{00A0}" }
            if !digits.isEmpty, digits.count < body.count { body = Substring(digits.trimming(.whitespaces)) }
        }
        guard let value = parseBareNumber(body) else { return nil }
        return SwedishNumber(value: value, unit: unit, comparator: comparator, preliminary: preliminary, text: trimmed)
    }

    /// Parses a bare number with Swedish grouping and decimal comma; nil otherwise.
    ///
    /// Groups after the first must have exactly three digits, so `"1 23"` is not a number.
    public static func parseBareNumber<S: StringProtocol>(_ text: S) -> Double? {
        var chars = Array(text)
        guard !chars.isEmpty else { return nil }
        var negative = false
        if let first = chars.first, first == "-" || first == "\u{2212}" || first == "\u{2013}" || first == "+" {
            negative = first != "+"
            chars.removeFirst()
            while chars.first == " " { chars.removeFirst() }
        }
        guard !chars.isEmpty else { return nil }
        // Split off decimals.
        var integerPart = chars
        var fraction: [Character] = []
        if let comma = chars.lastIndex(of: ",") {
            integerPart = Array(chars[..<comma])
            fraction = Array(chars[(comma + 1)...])
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        } else if let dot = chars.lastIndex(of: "."), chars.filter({ $0 == "." }).count == 1 {
            let after = chars[(dot + 1)...]
            // "1.5" is a decimal; "1.500" is ambiguous and read as grouping.
            if after.count != 3 {
                integerPart = Array(chars[..<dot])
                fraction = Array(after)
                guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            } else {
                integerPart = chars.filter { $0 != "." }
            }
        }
        let groups = String(integerPart).split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "\u{2009}" })
        guard let firstGroup = groups.first, !firstGroup.isEmpty else { return nil }
        guard groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if groups.count > 1 {
            guard firstGroup.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined() + (fraction.isEmpty ? "" : "." + String(fraction))
        guard let value = Double(digits) else { return nil }
        return negative ? -value : value
    }

    /// Multiplier from a money unit to kronor, nil for non-money units.
    public static func kronorFactor(unit: String?) -> Double? {
        switch unit?.lowercased() {
        case "kr": return 1
        case "tkr": return 1_000
        case "mnkr", "mkr": return 1_000_000
        case "mdkr": return 1_000_000_000
        default: return nil
        }
    }

    /// A money value in kronor. A value in thousands or millions is rounded to öre: `32,2` mnkr
    /// is 32 200 000 kr, not the 32 200 000,000000004 that binary floating point makes of
    /// 32.2 × 10⁶. A value in kronor is kept as printed (a fee of 23,125 kr/m³). Nil for non-money units.
    public static func kronor(_ value: Double, unit: String?) -> Double? {
        guard let factor = kronorFactor(unit: unit) else { return nil }
        return factor == 1 ? value : (value * factor * 100).rounded() / 100
    }

    /// A value printed the Swedish way, as reports print it: a space groups thousands, a comma
    /// marks decimals (at most `decimals`, trailing zeros dropped), `-` is minus: `-16 000`, `10,2`.
    public static func format(_ value: Double, decimals: Int = 3) -> String {
        guard value.isFinite else { return String(value) }
        let scale = pow(10, Double(decimals))
        let rounded = (abs(value) * scale).rounded() / scale
        var whole = String(Int64(rounded.rounded(.towardZero)))
        var grouped = ""
        while whole.count > 3 {
            grouped = " " + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        var fraction = String(Int64(((rounded - rounded.rounded(.towardZero)) * scale).rounded()))
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && rounded != 0 ? "-" : ""
        return sign + grouped + (fraction.isEmpty || decimals == 0 ? "" : "," + fraction)
    }
}
