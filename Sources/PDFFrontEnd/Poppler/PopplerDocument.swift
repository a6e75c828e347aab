import CPoppler
import Foundation
import ReportSource

/// An open PDF: owns poppler's document object and releases it when it goes.
///
/// Not `Sendable` on purpose: poppler objects are used on the thread that opened them (a page
/// caches its text analysis without a lock). A worker that wants its own copy opens the file again.
final class PopplerDocument {
    /// poppler's document; internal so the structure-tree reader (its own file) can use it.
    let handle: OpaquePointer
    /// The path shown in messages.
    let path: String

    /// How many output intents were renamed before poppler saw the file (`OutputIntent`).
    private(set) var renamedOutputIntents = 0

    /// Opens a PDF file; errors are `FrontEndError`s that name the file.
    /// - Parameter bytes: the file's bytes with its output intent renamed, read once for all
    ///   the documents a read opens; nil reads them here.
    /// - Parameter keepsOutputIntent: open the file as it is, without renaming its output
    ///   intent (to compare what the two read).
    init(path: String, password: String?, bytes: PDFBytes? = nil, keepsOutputIntent: Bool = false) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FrontEndError.notFound(file: path)
        }
        if isDirectory.boolValue { throw FrontEndError.unreadable(file: path, reason: "it is a folder") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw FrontEndError.unreadable(file: path, reason: "permission denied")
        }
        // The size of the file itself: a symbolic link's own attributes are the link's.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? nil
        if size == 0 { throw FrontEndError.empty(file: path) }

        // poppler wants a file URI, not a path.
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var uriError: UnsafeMutablePointer<GError>?
        guard let uri = g_filename_to_uri(absolute, nil, &uriError) else {
            let reason = PopplerDocument.takeMessage(uriError) ?? "the path cannot be turned into a URI"
            throw FrontEndError.unreadable(file: path, reason: reason)
        }
        defer { g_free(uri) }

        var error: UnsafeMutablePointer<GError>?
        var document: OpaquePointer?
        if !keepsOutputIntent, let bytes = bytes ?? PDFBytes.withoutOutputIntent(path: path) {
            // poppler keeps its own reference to the bytes for as long as the document lives.
            document = poppler_document_new_from_bytes(bytes.handle, password, &error)
            renamedOutputIntents = bytes.renamed
        } else {
            document = poppler_document_new_from_file(uri, password, &error)
        }
        guard let document else {
            throw PopplerDocument.openError(error, path: path, passwordGiven: password != nil)
        }
        if let error { g_error_free(error) }
        handle = document
    }

    deinit { kr_object_unref(UnsafeMutableRawPointer(handle)) }

    /// How many pages the document has.
    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// Page `index` (0-based), or nil where poppler cannot load it.
    func page(at index: Int) -> PopplerPage? {
        guard let page = poppler_document_get_page(handle, Int32(index)) else { return nil }
        return PopplerPage(handle: page, index: index)
    }

    /// Title, author, subject, creator and producer, where the document states them.
    var info: [String: String] {
        var result: [String: String] = [:]
        let fields: [(String, (OpaquePointer) -> UnsafeMutablePointer<gchar>?)] = [
            ("title", { poppler_document_get_title($0) }),
            ("author", { poppler_document_get_author($0) }),
            ("subject", { poppler_document_get_subject($0) }),
            ("creator", { poppler_document_get_creator($0) }),
            ("producer", { poppler_document_get_producer($0) }),
        ]
        for (key, getter) in fields {
            guard let value = getter(handle) else { continue }
            let text = String(cString: value).trimmingCharacters(in: .whitespacesAndNewlines)
            g_free(value)
            if !text.isEmpty { result[key] = text }
        }
        return result
    }

    /// Turns poppler's open error into a message the user can act on, and frees it.
    private static func openError(_ error: UnsafeMutablePointer<GError>?, path: String, passwordGiven: Bool) -> FrontEndError {
        let domain = error?.pointee.domain ?? 0
        let code = error?.pointee.code ?? -1
        let message = takeMessage(error) ?? "unknown error"
        guard domain == kr_poppler_error_domain() else {
            return .unreadable(file: path, reason: message)
        }
        switch UInt32(bitPattern: code) {
        case POPPLER_ERROR_ENCRYPTED.rawValue:
            if passwordGiven {
                return .pdf(file: path, page: nil, reason: "the PDF is encrypted and the password given with --password does not open it")
            }
            return .encrypted(file: path)
        case POPPLER_ERROR_OPEN_FILE.rawValue:
            return .unreadable(file: path, reason: message)
        case POPPLER_ERROR_BAD_CATALOG.rawValue:
            return .pdf(file: path, page: nil, reason: "the PDF is damaged: its page catalogue cannot be read (\(message)); re-save or re-export it")
        default:
            // Damaged or not a PDF at all: poppler says the same for both, so say what can be checked.
            if !looksLikePDF(path) {
                return .pdf(file: path, page: nil, reason: "not a PDF file (it does not start with %PDF-)")
            }
            // poppler's own words add nothing when they only say "damaged".
            let detail = message.lowercased().contains("damaged") ? "" : " (\(message))"
            return .pdf(file: path, page: nil, reason: "the PDF is damaged or truncated and cannot be read\(detail); re-save it or download it again")
        }
    }

    private static func looksLikePDF(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1024)) ?? Data()
        return head.range(of: Data("%PDF-".utf8)) != nil
    }

    /// The message of a GError, which is freed.
    private static func takeMessage(_ error: UnsafeMutablePointer<GError>?) -> String? {
        guard let error else { return nil }
        defer { g_error_free(error) }
        guard let message = error.pointee.message else { return nil }
        return String(cString: message)
    }
}

/// A PDF file's bytes with its output intent renamed (`OutputIntent`), read once and shared by
/// every poppler document a read opens on its threads: poppler only reads them, and the
/// bytes object is immutable and counts its references atomically. No poppler object is shared.
final class PDFBytes: @unchecked Sendable {
    /// glib's bytes object, which owns the buffer.
    let handle: OpaquePointer
    /// How many output intents were renamed.
    let renamed: Int

    private init(handle: OpaquePointer, renamed: Int) {
        self.handle = handle
        self.renamed = renamed
    }

    deinit { g_bytes_unref(handle) }

    /// Files larger than this (bytes) are read by poppler from disk as they are, output intent
    /// and all, rather than held in memory to rename it.
    static let largestFileReadIntoMemory = 128 << 20

    /// The bytes of the file at `path` with its output intent renamed; nil when the file names
    /// none (poppler then reads it from disk as before), is larger than
    /// `largestFileReadIntoMemory`, or cannot be read.
    static func withoutOutputIntent(path: String) -> PDFBytes? {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? nil,
            size > 0, size <= largestFileReadIntoMemory
        else { return nil }
        var contents: UnsafeMutablePointer<gchar>?
        var length: gsize = 0
        guard g_file_get_contents(path, &contents, &length, nil) != 0, let contents else { return nil }
        let renamed = OutputIntent.rename(in: UnsafeMutableRawBufferPointer(start: contents, count: Int(length)))
        guard renamed > 0 else {
            g_free(contents)
            return nil
        }
        // The buffer passes to the bytes object, which frees it.
        guard let bytes = g_bytes_new_take(contents, length) else {
            g_free(contents)
            return nil
        }
        return PDFBytes(handle: bytes, renamed: renamed)
    }
}
