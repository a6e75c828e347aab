import Foundation
import ReportSource

/// Options for reading a PDF.
public struct PDFReadOptions: Sendable {
    /// The password of an encrypted PDF.
    public var password: String?
    /// Whether to look for status icons drawn as pictures or vector shapes (which needs a
    /// partial rendering of the page); icons printed as glyphs are found either way.
    public var readsPictureIcons: Bool

    /// Creates options.
    public init(password: String? = nil, readsPictureIcons: Bool = true) {
        self.password = password
        self.readsPictureIcons = readsPictureIcons
    }
}

/// Reads PDFs through poppler-glib into pages of lines with geometry: boxes, fonts, colours,
/// words, column gaps as tabs, reading order across text columns, and status icons.
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
    public func read(contentsOf url: URL) throws -> SourceDocument {
        let path = url.path
        let document = try PopplerDocument(path: path, password: options.password)
        let count = document.pageCount
        guard count > 0 else { throw FrontEndError.pdf(file: path, page: nil, reason: "the PDF has no pages") }
        var pages: [SourcePage] = []
        pages.reserveCapacity(count)
        var warnings: [ImportWarning] = []
        var textPages = 0
        var scannedPages: [Int] = []
        for index in 0..<count {
            let number = index + 1
            // Each page object lives only for this iteration, so its text analysis is freed here.
            guard let page = document.page(at: index) else {
                warnings.append(ImportWarning(
                    code: "pdf.pageUnreadable",
                    message: "\(url.lastPathComponent), page \(number): poppler could not load the page; it is left out",
                    page: number))
                pages.append(SourcePage(number: number, lines: []))
                continue
            }
            let result = PageReader.read(page, number: number, file: url.lastPathComponent, readsPictures: options.readsPictureIcons)
            pages.append(result.page)
            warnings += result.warnings
            if result.hasText { textPages += 1 } else if result.hasPictures { scannedPages.append(number) }
        }
        guard textPages > 0 else { throw FrontEndError.noTextLayer(file: path, pages: count) }
        for number in scannedPages {
            warnings.append(ImportWarning(
                code: "pdf.noTextLayer",
                message: "\(url.lastPathComponent), page \(number): the page is a picture with no text layer (scanned?); its content is missing until the PDF is run through OCR",
                page: number))
        }
        return SourceDocument(name: url.lastPathComponent, kind: .pdf, pages: pages, warnings: warnings, info: document.info)
    }
}
