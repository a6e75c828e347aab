import CPoppler
import ReportSource

/// One page of an open PDF: owns poppler's page object and every buffer read from it.
///
/// Callers get Swift values only. A page is used on one thread and dropped when done, so its
/// text analysis (which poppler caches per page) is freed page by page.
final class PopplerPage {
    private let handle: OpaquePointer
    /// 0-based page index.
    let index: Int

    init(handle: OpaquePointer, index: Int) {
        self.handle = handle
        self.index = index
    }

    deinit { kr_object_unref(UnsafeMutableRawPointer(handle)) }

    /// Width and height in points as displayed (rotation applied).
    var size: (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        poppler_page_get_size(handle, &width, &height)
        return (width, height)
    }

    /// The rotation as displayed, in degrees (0 or 90; 180 and 270 cannot be told from the sizes
    /// poppler-glib exposes, and text coordinates are already in display space either way).
    var rotation: Int {
        var crop = PopplerRectangle()
        poppler_page_get_crop_box(handle, &crop)
        let cropWidth = abs(crop.x2 - crop.x1), cropHeight = abs(crop.y2 - crop.y1)
        let shown = size
        let swapped = abs(cropWidth - shown.height) < 0.5 && abs(cropHeight - shown.width) < 0.5
            && abs(cropWidth - cropHeight) > 0.5
        return swapped ? 90 : 0
    }

    /// The page text as unicode scalars, with one rectangle per scalar (spaces and line breaks
    /// included), in poppler's order.
    func textLayout() -> (scalars: [Unicode.Scalar], rects: [Rect]) {
        guard let text = poppler_page_get_text(handle) else { return ([], []) }
        let scalars = Array(String(cString: text).unicodeScalars)
        g_free(text)
        guard !scalars.isEmpty else { return ([], []) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(handle, &rectangles, &count) != 0, let rectangles else {
            return (scalars, [])
        }
        defer { g_free(rectangles) }
        let buffer = UnsafeBufferPointer(start: rectangles, count: Int(count))
        var rects: [Rect] = []
        rects.reserveCapacity(buffer.count)
        for r in buffer {
            rects.append(Rect(minX: min(r.x1, r.x2), minY: min(r.y1, r.y2), maxX: max(r.x1, r.x2), maxY: max(r.y1, r.y2)))
        }
        return (scalars, rects)
    }

    /// Runs of one font, size and colour over the page text, by scalar offset (inclusive ends).
    func textAttributes() -> [AttributeRun] {
        guard let list = poppler_page_get_text_attributes(handle) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var runs: [AttributeRun] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let data = current.pointee.data {
                let attributes = data.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                var name = attributes.font_name.map { String(cString: $0) } ?? ""
                // poppler strips six-letter subset tags (ABCDEF+) but not Microsoft's `CIDFont+F1`.
                if let plus = name.firstIndex(of: "+"), name[..<plus] == "CIDFont" { name = String(name[name.index(after: plus)...]) }
                let color = RGBColor(
                    red: UInt8(attributes.color.red >> 8), green: UInt8(attributes.color.green >> 8),
                    blue: UInt8(attributes.color.blue >> 8))
                runs.append(AttributeRun(
                    fontName: name, fontSize: attributes.font_size, color: color,
                    start: Int(attributes.start_index), end: Int(attributes.end_index)))
            }
            node = current.pointee.next
        }
        return runs
    }

    /// Where raster images are drawn on the page.
    func imageAreas() -> [Rect] {
        guard let list = poppler_page_get_image_mapping(handle) else { return [] }
        defer { poppler_page_free_image_mapping(list) }
        var areas: [Rect] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let data = current.pointee.data {
                let area = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                areas.append(Rect(minX: min(area.x1, area.x2), minY: min(area.y1, area.y2),
                                  maxX: max(area.x1, area.x2), maxY: max(area.y1, area.y2)))
            }
            node = current.pointee.next
        }
        return areas
    }

    /// Text the page shows through annotations rather than its content: typed notes and stamped
    /// registration numbers (FreeText annotations) and filled-in form fields. poppler-glib's
    /// page text leaves these out, though a reader sees them as printed. Areas are in display
    /// space, top-left origin, as the text's are. Hidden annotations and fields are left out;
    /// so are fields on a rotated page, whose areas poppler-glib gives unrotated.
    func annotationTexts() -> [AnnotationText] {
        let height = size.height
        func displayed(_ area: PopplerRectangle) -> Rect {
            // Mappings are in PDF space (y up) relative to the crop box.
            Rect(minX: min(area.x1, area.x2), minY: height - max(area.y1, area.y2),
                 maxX: max(area.x1, area.x2), maxY: height - min(area.y1, area.y2))
        }
        let unseen = POPPLER_ANNOT_FLAG_HIDDEN.rawValue | POPPLER_ANNOT_FLAG_NO_VIEW.rawValue
        var texts: [AnnotationText] = []
        // Fields are widget annotations: a hidden one (a template's helper field) is found by its area.
        var hiddenWidgets: [Rect] = []
        if let list = poppler_page_get_annot_mapping(handle) {
            var node: UnsafeMutablePointer<GList>? = list
            while let current = node {
                if let data = current.pointee.data {
                    let mapping = data.assumingMemoryBound(to: PopplerAnnotMapping.self).pointee
                    let hidden = poppler_annot_get_flags(mapping.annot).rawValue & unseen != 0
                    switch poppler_annot_get_annot_type(mapping.annot) {
                    case POPPLER_ANNOT_FREE_TEXT where !hidden:
                        if let contents = poppler_annot_get_contents(mapping.annot) {
                            texts.append(AnnotationText(text: String(cString: contents), area: displayed(mapping.area)))
                            g_free(contents)
                        }
                    case POPPLER_ANNOT_WIDGET where hidden:
                        hiddenWidgets.append(displayed(mapping.area))
                    default:
                        break
                    }
                }
                node = current.pointee.next
            }
            poppler_page_free_annot_mapping(list)
        }
        if rotation == 0, let list = poppler_page_get_form_field_mapping(handle) {
            var node: UnsafeMutablePointer<GList>? = list
            while let current = node {
                if let data = current.pointee.data {
                    let mapping = data.assumingMemoryBound(to: PopplerFormFieldMapping.self).pointee
                    let area = displayed(mapping.area)
                    if !hiddenWidgets.contains(where: { $0.isClose(to: area) }), let text = Self.shownValue(of: mapping.field) {
                        texts.append(AnnotationText(text: text, area: area))
                    }
                }
                node = current.pointee.next
            }
            poppler_page_free_form_field_mapping(list)
        }
        return texts
    }

    /// What a form field shows: a text field's value (not a password's), a choice field's
    /// selected items; nil for buttons and signatures, whose faces are pictures.
    private static func shownValue(of field: OpaquePointer) -> String? {
        switch poppler_form_field_get_field_type(field) {
        case POPPLER_FORM_FIELD_TEXT:
            guard poppler_form_field_text_is_password(field) == 0, let value = poppler_form_field_text_get_text(field) else { return nil }
            defer { g_free(value) }
            return String(cString: value)
        case POPPLER_FORM_FIELD_CHOICE:
            let count = poppler_form_field_choice_get_n_items(field)
            var selected: [String] = []
            for index in 0..<max(count, 0) where poppler_form_field_choice_is_item_selected(field, index) != 0 {
                if let item = poppler_form_field_choice_get_item(field, index) {
                    selected.append(String(cString: item))
                    g_free(item)
                }
            }
            return selected.isEmpty ? nil : selected.joined(separator: ", ")
        default:
            return nil
        }
    }

    /// Draws the page onto a cairo context.
    fileprivate func renderInto(_ cr: OpaquePointer) { poppler_page_render(handle, cr) }

    /// Renders the page (only inside `clip`, where given) at `scale` pixels per point into memory
    /// and hands the pixels to `body`.
    ///
    /// Used to read the colour of small pictures (status icons). The surface is freed on return.
    /// - Parameter area: the part of the page the rendering covers (page points); nil for all of
    ///   it. A small area can be rendered finely without a page-sized surface.
    func withRendering<T>(scale: Double, clip: [Rect], area: Rect? = nil, _ body: (RenderedPage) -> T) -> T? {
        let (width, height) = size
        let covered = area ?? Rect(minX: 0, minY: 0, maxX: width, maxY: height)
        let pixelWidth = Int32((covered.width * scale).rounded(.up)), pixelHeight = Int32((covered.height * scale).rounded(.up))
        guard pixelWidth > 0, pixelHeight > 0 else { return nil }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixelWidth, pixelHeight) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return nil }
        if area != nil {
            // A small rendering is painted white whole before clipping: a clip edge part-way
            // through a pixel would otherwise leave a grey rim of unpainted black in it.
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
        }
        cairo_scale(cr, scale, scale)
        cairo_translate(cr, -covered.minX, -covered.minY)
        // Only the strips asked for are drawn; poppler still reads the page, cairo skips the rest.
        for rect in clip { cairo_rectangle(cr, rect.minX, rect.minY, rect.width, rect.height) }
        if !clip.isEmpty { cairo_clip(cr) }
        // White paper under what is drawn: pictures are judged against it. Outside the clip the
        // new surface stays zero (black), which no icon test takes for a colour or a grey, so
        // painting the whole page (megabytes per page) would change nothing.
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        renderInto(cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let page = RenderedPage(
            pixels: UnsafeRawPointer(data), width: Int(pixelWidth), height: Int(pixelHeight),
            stride: Int(cairo_image_surface_get_stride(surface)), scale: scale, origin: (covered.minX, covered.minY))
        return body(page)
    }
}

extension PopplerPage {
    /// Renders the page through cairo's SVG surface and returns the SVG: poppler-glib has no call
    /// for a page's vector paths, but everything it draws reaches cairo, and the SVG surface
    /// writes each stroke and fill out with its geometry. Nil when cairo fails, or when the
    /// drawing grows past `largestDrawingBytes` (a hostile page), which is read as no drawing.
    /// - Parameter clip: where the drawing is wanted (page points, y down); cairo leaves out of
    ///   the SVG what falls wholly outside. Empty: all.
    /// - Parameter holes: areas inside `clip` left out of it (each within one clip rectangle,
    ///   none overlapping): the boxes of the words, whose glyphs would otherwise be written as
    ///   outlines, most of the SVG. A rule or fill that reaches outside them is written whole.
    func vectorDrawing(clip: [Rect] = [], holes: [Rect] = []) -> [UInt8]? {
        let (width, height) = size
        guard width > 0, height > 0 else { return nil }
        let sink = DrawingSink(limit: Self.largestDrawingBytes)
        let retained = Unmanaged.passRetained(sink)
        defer { retained.release() }
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<DrawingSink>.fromOpaque(closure).takeUnretainedValue()
            return sink.append(data, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
        }
        guard let surface = cairo_svg_surface_create_for_stream(write, retained.toOpaque(), width, height) else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        for rect in clip + holes { cairo_rectangle(cr, rect.minX, rect.minY, rect.width, rect.height) }
        if !clip.isEmpty {
            // Even-odd: a hole inside a clip rectangle is outside the clip.
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD)
            cairo_clip(cr)
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING)
        }
        // Rendered as for printing: poppler then hands cairo a picture's JPEG data as it is
        // stored, which the SVG surface embeds without decoding and re-encoding it.
        poppler_page_render_for_printing(handle, cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let failed = cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS
        cairo_surface_destroy(surface)
        return failed || sink.overflowed ? nil : sink.bytes
    }

    /// The most SVG a page's drawing may take; past it the page is read without its drawing.
    /// (cairo 1.16 builds the whole SVG before its first write, so this bounds the copy kept
    /// here, not cairo's own work; the front-end's page-size limit bounds that.)
    static let largestDrawingBytes = 64 << 20
}

/// Collects what cairo writes, up to a limit.
private final class DrawingSink {
    private(set) var bytes: [UInt8] = []
    private(set) var overflowed = false
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func append(_ data: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard bytes.count + count <= limit else {
            overflowed = true
            return false
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: count))
        return true
    }
}

/// Text shown by an annotation or form field, and where it stands. poppler-glib does not give
/// its font size (`poppler_form_field_get_font_size` always returns 0).
struct AnnotationText: Sendable {
    var text: String
    var area: Rect
}

/// One run of text attributes: font, size and colour from `start` to `end` (inclusive scalar offsets).
struct AttributeRun {
    var fontName: String
    var fontSize: Double
    var color: RGBColor
    var start: Int
    var end: Int
}

/// A page rendered into memory, valid only inside `PopplerPage.withRendering`.
struct RenderedPage {
    let pixels: UnsafeRawPointer
    let width: Int
    let height: Int
    let stride: Int
    let scale: Double
    /// The page point (x, y) at the rendering's top-left pixel.
    var origin: (x: Double, y: Double) = (0, 0)

    /// The pixel a page point falls in (it may lie outside the rendering, by one pixel at most).
    func pixel(x: Double, y: Double) -> (x: Int, y: Int) {
        (Self.clamped((x - origin.x) * scale, limit: width), Self.clamped((y - origin.y) * scale, limit: height))
    }

    /// A pixel coordinate held to one pixel past the rendering's edges: a damaged or hostile file
    /// may place text or a shape at 1e30 or NaN, which no integer holds.
    static func clamped(_ value: Double, limit: Int) -> Int {
        guard value.isFinite else { return -1 }
        return Int(min(max(value.rounded(.down), -1), Double(limit + 1)))
    }

    /// The colour of one pixel (cairo's RGB24 is native-endian 0x00RRGGBB).
    func color(x: Int, y: Int) -> RGBColor {
        let value = pixels.load(fromByteOffset: y * stride + x * 4, as: UInt32.self)
        return RGBColor(red: UInt8((value >> 16) & 0xFF), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
    }
}
