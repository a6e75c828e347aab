import Foundation
import PDFFrontEnd
import ReportSource

/// Reads PDFs through the poppler front-end, which reports every failure as a `FrontEndError`
/// naming the file (encrypted, damaged, no text layer, no pages).
enum PDFSource {
    static func read(url: URL, password: String?, workers: Int? = nil) throws -> SourceDocument {
        try PDFFrontEnd(options: PDFReadOptions(password: password, workers: workers)).read(contentsOf: url)
    }
}
