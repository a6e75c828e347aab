import ReportSource

/// What a tagged PDF's structure tree says about the text of each page, and the matching of
/// that text to the lines the front-end built from glyph geometry.
///
/// The tree and the lines are two independent readings of the same page, so they are joined by
/// text alone: white space is removed before comparing (the tree joins marked-content runs with
/// or without spaces, and the lines part every word by one space), which makes the match indifferent to
/// how either side spaced the words.
struct StructureRoles: Sendable {
    /// One element of the tree with the role it gives its text.
    struct Element: Sendable, Hashable {
        /// `H1`…`H6` or `H`.
        var role: String
        /// The element's text, white space removed.
        var key: String
    }

    /// A heading as read from the tree: its place among the tree's headings, role, page and text.
    struct Found: Sendable {
        var order: Int
        var role: String
        var page: Int
        var text: String
    }

    /// Elements by 0-based page index.
    private(set) var elementsByPage: [Int: [Element]] = [:]

    init() {}

    /// The roles of headings read in shares by several readers, in the tree's order.
    init(merging shares: [[Found]]) {
        for heading in shares.joined().sorted(by: { $0.order < $1.order }) {
            add(role: heading.role, page: heading.page, text: heading.text)
        }
    }

    /// True when the tree gave nothing usable (untagged PDF, or a tree without headings).
    var isEmpty: Bool { elementsByPage.isEmpty }

    /// Longest heading text believed (white space removed). Taggers do wrap whole paragraphs in
    /// a heading element (a Göteborg report tags a heading and the 600 characters under it as
    /// one `H`); a heading that long is a tagging error, and its lines are body text.
    static let longestHeading = 200

    /// Records an element found on page `page` (0-based); text that is blank or too long for a
    /// heading is ignored.
    mutating func add(role: String, page: Int, text: String) {
        let key = Self.key(text)
        guard page >= 0, !key.isEmpty, key.count <= Self.longestHeading else { return }
        elementsByPage[page, default: []].append(Element(role: role, key: key))
    }

    /// Gives the lines of `page` the roles the tree states for them (lines without one keep theirs).
    ///
    /// A line takes an element's role when its text equals the element's, or when it and the
    /// lines right under it together spell the element's text (a wrapped heading). Part of a
    /// heading's text is not enough on its own: body text often starts or ends with a heading's
    /// words (`Rollen som rektor upplevdes som tydlig av de` under the heading that says so).
    func apply(to page: inout SourcePage) {
        let index = page.number - 1
        guard let elements = elementsByPage[index] else { return }
        // A heading whose first lines matched: its role, the text still to come, its first line.
        var pending: (role: String, rest: Substring, first: Int)?
        for line in page.lines.indices {
            let key = Self.key(page.lines[line].text)
            if key.isEmpty {
                pending = nil
                continue
            }
            if let open = pending, let rest = Self.rest(of: open.rest, after: key) {
                if rest.isEmpty {
                    for wrapped in open.first...line where page.lines[wrapped].role == nil {
                        page.lines[wrapped].role = open.role
                    }
                    pending = nil
                } else {
                    pending = (open.role, rest, open.first)
                }
                continue
            }
            pending = nil
            guard page.lines[line].role == nil else { continue }
            if let exact = elements.first(where: { $0.key == key }) {
                page.lines[line].role = exact.role
                continue
            }
            // Three characters at least, so a stray letter or digit does not open a heading.
            guard key.count >= 3 else { continue }
            for element in elements where element.key.count > key.count {
                if let rest = Self.rest(of: element.key[...], after: key) {
                    pending = (element.role, rest, line)
                    break
                }
            }
        }
    }

    /// What is left of `text` after `line`, where `text` starts with the line (or with the line
    /// less a hyphen it was broken at); nil where it does not.
    private static func rest(of text: Substring, after line: String) -> Substring? {
        if text.hasPrefix(line) { return text.dropFirst(line.count) }
        if line.hasSuffix("-"), line.count > 1, text.hasPrefix(line.dropLast()) { return text.dropFirst(line.count - 1) }
        return nil
    }

    /// The comparison form of a text: no white space, no soft hyphens.
    static func key(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !$0.properties.isWhitespace && $0 != "\u{00AD}"
        }))
    }
}
