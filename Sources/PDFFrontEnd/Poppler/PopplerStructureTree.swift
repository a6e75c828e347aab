import CPoppler

extension PopplerDocument {
    /// Most elements of a structure tree that are looked at: a broken or enormous tree must not
    /// stall an import (a 250-page report has a few tens of thousands).
    static let structureElementLimit = 100_000
    /// Most headings read for their text: each costs about 3 ms (one pass over its page's
    /// content per marked-content run), so this bounds the cost at a few seconds for the
    /// largest reports. Headings past it keep no role and are found by their style as before.
    static let structureHeadingLimit = 2_000
    /// Deepest nesting followed; real trees are a dozen levels deep, a cyclic one is endless.
    static let structureDepthLimit = 64

    /// The headings a tagged PDF's structure tree states, by page; empty for an untagged PDF.
    ///
    /// Only headings are read for their text. poppler finds an element's text by interpreting
    /// the page's content stream once per marked-content run, which cost 2.4 s for the 313
    /// elements of a 3-page Word report when every paragraph and cell was read, against 0.08 s
    /// for its headings alone; paragraphs and cells would make the import many times slower.
    ///
    /// Reading is shared out: with `parts` readers, each opening the file itself, reader `part`
    /// reads the text of every `parts`-th heading; `StructureRoles(merging:)` puts the shares
    /// back in document order.
    ///
    /// Call on the thread that owns the document. Every iterator and element is released here.
    func structureHeadings(part: Int = 0, of parts: Int = 1) -> [StructureRoles.Found] {
        var found: [StructureRoles.Found] = []
        guard let root = poppler_structure_element_iter_new(handle) else { return found }
        var stack: [OpaquePointer] = [root]
        var visited = 0
        var headingsRead = 0
        walk: while let iterator = stack.last, visited < Self.structureElementLimit {
            visited += 1
            var descend = true
            if let element = poppler_structure_element_iter_get_element(iterator) {
                let kind = poppler_structure_element_get_kind(element)
                if let role = Self.headingRole(kind) {
                    // The heading's text is read whole (with its spans), so its children need no visit.
                    descend = false
                    headingsRead += 1
                    if headingsRead > Self.structureHeadingLimit {
                        kr_object_unref(UnsafeMutableRawPointer(element))
                        break walk
                    }
                    // A heading whose page the tree does not state could not be matched to a line:
                    // its text (a pass over a page's content) is not read at all.
                    let page = Int(poppler_structure_element_get_page(element))
                    if (headingsRead - 1) % parts == part, page >= 0 {
                        if let text = poppler_structure_element_get_text(element, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE) {
                            found.append(StructureRoles.Found(
                                order: headingsRead, role: role, page: page, text: StructureText.repaired(String(cString: text))))
                            g_free(text)
                        }
                    }
                } else if kind == POPPLER_STRUCTURE_ELEMENT_CONTENT || kind == POPPLER_STRUCTURE_ELEMENT_OBJECT_REFERENCE {
                    descend = false
                }
                kr_object_unref(UnsafeMutableRawPointer(element))
            }
            if descend, stack.count < Self.structureDepthLimit,
                let child = poppler_structure_element_iter_get_child(iterator)
            {
                stack.append(child)
                continue walk
            }
            // On to the next sibling, or back up to the parent's next sibling.
            while let top = stack.last {
                if poppler_structure_element_iter_next(top) != 0 { continue walk }
                poppler_structure_element_iter_free(top)
                stack.removeLast()
            }
        }
        for iterator in stack { poppler_structure_element_iter_free(iterator) }
        return found
    }

    /// `H1`…`H6` for numbered headings, `H` for an unnumbered one, nil for anything else.
    private static func headingRole(_ kind: PopplerStructureElementKind) -> String? {
        switch kind {
        case POPPLER_STRUCTURE_ELEMENT_HEADING: return "H"
        case POPPLER_STRUCTURE_ELEMENT_HEADING_1: return "H1"
        case POPPLER_STRUCTURE_ELEMENT_HEADING_2: return "H2"
        case POPPLER_STRUCTURE_ELEMENT_HEADING_3: return "H3"
        case POPPLER_STRUCTURE_ELEMENT_HEADING_4: return "H4"
        case POPPLER_STRUCTURE_ELEMENT_HEADING_5: return "H5"
        case POPPLER_STRUCTURE_ELEMENT_HEADING_6: return "H6"
        default: return nil
        }
    }
}
