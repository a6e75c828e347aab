import Foundation
import ReportSource

/// Reads PDFs. The poppler front-end is wired in here once it exists.
enum PDFSource {
    static func read(url: URL, password: String?) throws -> SourceDocument {
        throw FrontEndError.unsupported(file: url.path, detail: "PDF input is not available in this build yet")
    }
}
