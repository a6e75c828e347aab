import Foundation
import ReportSource

/// Options for reading a PDF.
public struct PDFReadOptions: Sendable {
    /// The password of an encrypted PDF.
    public var password: String?
    /// Whether to look for status icons drawn as pictures or vector shapes (which needs a
    /// partial rendering of the page); icons printed as glyphs are found either way.
    public var readsPictureIcons: Bool

    /// How many threads read pages at once; nil chooses by core count and page count.
    public var workers: Int?

    /// Whether a tagged PDF's structure tree is read to give lines their role (`SourceLine.role`).
    public var readsStructure: Bool

    /// Whether the page's drawing is read for rules and shading (`SourcePage.rules`, `fills`),
    /// which tables use for their rows and columns.
    public var readsDrawing: Bool

    /// Says from a page's text whether status icons on it could mean anything (the page speaks
    /// of goals, assignments or assessments); a page it turns down is not rendered to find
    /// icons drawn as pictures. Nil: every page with room for an icon is rendered.
    public var iconPages: (@Sendable (String) -> Bool)?

    /// Creates options.
    public init(
        password: String? = nil, readsPictureIcons: Bool = true, workers: Int? = nil, readsStructure: Bool = true,
        readsDrawing: Bool = true, iconPages: (@Sendable (String) -> Bool)? = nil
    ) {
        self.iconPages = iconPages
        self.password = password
        self.readsDrawing = readsDrawing
        self.readsPictureIcons = readsPictureIcons
        self.workers = workers
        self.readsStructure = readsStructure
    }
}

/// Reads PDFs through poppler-glib into pages of lines with geometry: boxes, fonts, colours,
/// words, the column gaps measured between them, reading order across text columns, status icons, and the
/// heading roles a tagged PDF's structure tree states.
///
/// Pages are read one at a time and released, so memory does not grow with poppler's per-page
/// caches. Errors are `FrontEndError`s naming the file (and page, where one is at fault).
public struct PDFFrontEnd: Sendable {
    /// How the PDF is read.
    public var options: PDFReadOptions

    /// Creates a PDF front-end.
    public init(options: PDFReadOptions = PDFReadOptions()) {
        self.options = options
    }

    /// Reads a PDF file into a source document.
    ///
    /// Pages are shared out among worker threads, each with its own poppler document (poppler's
    /// page objects are never shared between threads), and every worker has finished before
    /// this returns or throws.
    public func read(contentsOf url: URL) throws -> SourceDocument {
        let path = url.path
        let name = url.lastPathComponent
        // Read once: every worker's document reads the same bytes.
        let bytes = PDFBytes.withoutOutputIntent(path: path)
        let (count, info): (Int, [String: String]) = try {
            let document = try PopplerDocument(path: path, password: options.password, bytes: bytes)
            return (document.pageCount, document.info)
        }()
        guard count > 0 else { throw FrontEndError.pdf(file: path, page: nil, reason: "the PDF has no pages") }

        let workers = max(1, min(options.workers ?? Self.defaultWorkers(pages: count), count))
        let results = PageResults(count: count)
        let password = options.password
        let readsPictures = options.readsPictureIcons
        let readsStructure = options.readsStructure
        let readsDrawing = options.readsDrawing
        let iconPages = options.iconPages
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                let document = try PopplerDocument(path: path, password: password, bytes: bytes)
                // A tagged PDF's headings cost a pass over their page each: every worker reads
                // its share, on its own document, before its pages.
                if readsStructure { results.setHeadings(worker, document.structureHeadings(part: worker, of: workers)) }
                var index = worker
                while index < count {
                    // Each page object lives only for this iteration, so its text analysis is freed here.
                    if let page = document.page(at: index) {
                        results.set(index, PageReader.read(
                            page, number: index + 1, file: name, readsPictures: readsPictures, readsDrawing: readsDrawing,
                            iconPages: iconPages))
                    }
                    index += workers
                }
            } catch {
                results.fail(error)
            }
        }
        if let error = results.failure { throw error }
        let structure = StructureRoles(merging: results.headings)

        var pages: [SourcePage] = []
        pages.reserveCapacity(count)
        var warnings: [ImportWarning] = []
        var textPages = 0
        var scannedPages: [Int] = []
        for (index, result) in results.all.enumerated() {
            let number = index + 1
            guard let result else {
                warnings.append(ImportWarning(
                    code: "pdf.pageUnreadable",
                    message: "\(name), page \(number): poppler could not load the page; it is left out",
                    page: number))
                pages.append(SourcePage(number: number, lines: []))
                continue
            }
            var page = result.page
            structure.apply(to: &page)
            pages.append(page)
            warnings += result.warnings
            if result.hasText { textPages += 1 } else if result.hasPictures { scannedPages.append(number) }
        }
        guard textPages > 0 else { throw FrontEndError.noTextLayer(file: path, pages: count) }
        for number in scannedPages {
            warnings.append(ImportWarning(
                code: "pdf.noTextLayer",
                message: "\(name), page \(number): the page is a picture with no text layer (scanned?); its content is missing until the PDF is run through OCR",
                page: number))
        }
        return SourceDocument(name: name, kind: .pdf, pages: pages, warnings: warnings, info: info)
    }

    /// One worker per core (at most four), and one for short documents, where starting more
    /// costs more than it saves.
    static func defaultWorkers(pages: Int) -> Int {
        pages < 6 ? 1 : min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
    }
}

/// What the workers read, page by page, behind a lock.
private final class PageResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [PageReader.Result?]
    private var headingShares: [Int: [StructureRoles.Found]] = [:]
    private var error: Error?

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func setHeadings(_ worker: Int, _ found: [StructureRoles.Found]) {
        lock.lock()
        headingShares[worker] = found
        lock.unlock()
    }

    var headings: [[StructureRoles.Found]] {
        lock.lock()
        defer { lock.unlock() }
        return Array(headingShares.values)
    }

    func set(_ index: Int, _ result: PageReader.Result) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func fail(_ error: Error) {
        lock.lock()
        if self.error == nil { self.error = error }
        lock.unlock()
    }

    var failure: Error? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }

    var all: [PageReader.Result?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
