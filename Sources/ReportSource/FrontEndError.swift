/// Why a front-end could not read an input. Every message names the file.
public enum FrontEndError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist.
    case notFound(file: String)
    /// The file exists but could not be read (permissions, a folder, I/O error).
    case unreadable(file: String, reason: String)
    /// The file has no content.
    case empty(file: String)
    /// The file is binary where text was expected, or of a kind no front-end reads.
    case notText(file: String, detail: String)
    /// The input is of a kind no front-end reads.
    case unsupported(file: String, detail: String)
    /// A PDF that could not be opened or read.
    case pdf(file: String, page: Int?, reason: String)
    /// A PDF that needs a password.
    case encrypted(file: String)
    /// A PDF with no text layer (scanned): OCR is needed first.
    case noTextLayer(file: String, pages: Int)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .notFound(let file): return "\(file): no such file"
        case .unreadable(let file, let reason): return "\(file): cannot be read (\(reason))"
        case .empty(let file): return "\(file): the file is empty"
        case .notText(let file, let detail): return "\(file): not a text file (\(detail))"
        case .unsupported(let file, let detail): return "\(file): \(detail)"
        case .pdf(let file, let page, let reason):
            return page.map { "\(file), page \($0): \(reason)" } ?? "\(file): \(reason)"
        case .encrypted(let file):
            return "\(file): the PDF is encrypted; give its password with --password"
        case .noTextLayer(let file, let pages):
            return "\(file): none of its \(pages) page(s) has a text layer (a scanned document?); run OCR first, e.g. ocrmypdf"
        }
    }

    /// The file the error is about.
    public var file: String {
        switch self {
        case .notFound(let f), .unreadable(let f, _), .empty(let f), .notText(let f, _), .unsupported(let f, _),
            .pdf(let f, _, _), .encrypted(let f), .noTextLayer(let f, _):
            return f
        }
    }
}
