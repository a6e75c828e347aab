import Foundation

/// Messages to standard error.
enum Console {
    /// An error, prefixed with the tool's name.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("kommunrapport: \(message)\n".utf8))
    }

    /// A progress or summary line.
    static func progress(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// An error as one line for the user.
    static func describe(_ error: Error) -> String {
        if error is CocoaError || type(of: error) == NSError.self { return error.localizedDescription }
        return String(describing: error)
    }
}
