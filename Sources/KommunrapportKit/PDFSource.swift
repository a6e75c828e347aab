import Foundation
import PDFFrontEnd
import ReportSource
import SwedishReportLanguage

/// Reads PDFs through the poppler front-end, which reports every failure as a `FrontEndError`
/// naming the file (encrypted, damaged, no text layer, no pages).
enum PDFSource {
    static func read(url: URL, password: String?, workers: Int? = nil) throws -> SourceDocument {
        let options = PDFReadOptions(password: password, workers: workers, iconPages: ReportVocabulary.mayShowStatusIcons)
        return try PDFFrontEnd(options: options).read(contentsOf: url)
    }
}
