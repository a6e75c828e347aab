import ReportSource

/// What a glyph is to a reader: a letter, a list bullet, or a status icon with its colour.
enum GlyphRole: Equatable {
    case letter
    case bullet
    case icon(RGBColor)
}

/// Tells status icons printed as glyphs (symbol fonts, private-use code points, geometric
/// shapes, coloured emoji) from letters and list bullets.
///
/// A status icon is a shape whose colour carries the meaning, so a shape is an icon when it is
/// coloured or grey; a black shape in a symbol font is a list bullet (Word's Wingdings bullets).
enum IconGlyphs {
    static func role(of scalar: Unicode.Scalar, style: GlyphStyle?) -> GlyphRole {
        if let color = emojiColor(scalar) { return .icon(color) }
        let isPrivateUse = (0xE000...0xF8FF).contains(scalar.value) || (0xF0000...0x10FFFF).contains(scalar.value)
        let isSymbolFont = style?.isSymbolFont ?? false
        let isShape = isShapeScalar(scalar)
        guard isPrivateUse || isSymbolFont || isShape else { return .letter }
        // The list bullets Word writes through Symbol and Wingdings stay bullets in any colour.
        if bulletCodes.contains(scalar.value) { return .bullet }
        let color = style?.color ?? RGBColor(red: 0, green: 0, blue: 0)
        if isColoured(color) || isGrey(color) { return .icon(color) }
        if isPrivateUse || isSymbolFont { return .bullet }
        return .letter
    }

    /// Circles, squares, diamonds, triangles, arrows, check marks and crosses: the shapes used
    /// as status icons.
    static func isShapeScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x25A0...0x25FF, 0x2B1B...0x2B2F, 0x2B55, 0x2713...0x2718, 0x26AB, 0x26AA, 0x2605, 0x2606,
            0x2190...0x2199, 0x21D0...0x21D9, 0x2B05...0x2B0B, 0x27A1:
            return true
        default:
            return false
        }
    }

    /// The outline a shape glyph draws, where it tells a status apart (nil for a symbol font's
    /// private code points, whose drawing the code point does not say).
    static func shape(of scalar: Unicode.Scalar) -> IconShape? {
        switch scalar.value {
        case 0x2191, 0x21D1, 0x2B06: return .arrowUp
        case 0x2193, 0x21D3, 0x2B07: return .arrowDown
        case 0x2192, 0x21D2, 0x27A1: return .arrowRight
        case 0x2190, 0x21D0, 0x2B05: return .arrowLeft
        case 0x2197, 0x21D7, 0x2B08: return .arrowUpRight
        case 0x2198, 0x21D8, 0x2B0A: return .arrowDownRight
        case 0x2196, 0x21D6, 0x2B09: return .arrowUpLeft
        case 0x2199, 0x21D9, 0x2B0B: return .arrowDownLeft
        case 0x25B2, 0x25B3, 0x25B4, 0x25B5: return .triangleUp
        case 0x25BC, 0x25BD, 0x25BE, 0x25BF: return .triangleDown
        case 0x25A0...0x25AB, 0x2B1B, 0x2B1C: return .square
        case 0x25C6, 0x25C7, 0x25C8, 0x2B25...0x2B29: return .diamond
        case 0x25CB...0x25CF, 0x25EF, 0x2B24, 0x2B55, 0x26AA, 0x26AB, 0x1F534...0x1F535, 0x1F7E0...0x1F7E2: return .round
        case 0x1F7E5...0x1F7E9: return .square
        case 0x2713, 0x2714: return .check
        case 0x2715...0x2718: return .cross
        default: return nil
        }
    }

    /// Symbol- and Wingdings-font list bullets (`·`, `§`, `Ø`, `v`, `¨` as Word maps them), in private use and plain.
    static let bulletCodes: Set<UInt32> = [0xF0B7, 0xF0A7, 0xF0D8, 0xF076, 0xF0A8, 0xF0D2, 0x00B7, 0x00A7, 0x2022, 0x2219]

    /// True for a colour with a clear hue (green, yellow, red, blue), not black, grey or white.
    static func isColoured(_ color: RGBColor) -> Bool {
        let high = max(color.red, color.green, color.blue), low = min(color.red, color.green, color.blue)
        // Saturated, not a pastel shading (#bde3ff behind a table cell).
        return Int(high) - Int(low) >= 50 && (Int(high) - Int(low)) * 100 >= Int(high) * 35
    }

    /// True for a mid grey: lighter than text black, darker than paper.
    static func isGrey(_ color: RGBColor) -> Bool {
        let high = max(color.red, color.green, color.blue), low = min(color.red, color.green, color.blue)
        return Int(high) - Int(low) < 50 && low >= 90 && high <= 225
    }

    /// Coloured circle and square emoji, whose colour is the glyph itself rather than its fill.
    static func emojiColor(_ scalar: Unicode.Scalar) -> RGBColor? {
        switch scalar.value {
        case 0x1F534, 0x1F7E5: return RGBColor(red: 0xDD, green: 0x2E, blue: 0x44)
        case 0x1F7E0, 0x1F7E7: return RGBColor(red: 0xF4, green: 0x90, blue: 0x0C)
        case 0x1F7E1, 0x1F7E8: return RGBColor(red: 0xFD, green: 0xCB, blue: 0x58)
        case 0x1F7E2, 0x1F7E9: return RGBColor(red: 0x78, green: 0xB1, blue: 0x59)
        case 0x1F535, 0x1F7E6: return RGBColor(red: 0x55, green: 0xAC, blue: 0xEE)
        case 0x26AA, 0x1F518: return RGBColor(red: 0xA0, green: 0xA0, blue: 0xA0)
        default: return nil
        }
    }
}
