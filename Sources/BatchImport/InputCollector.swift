import Foundation

/// Turns command-line inputs into the ordered list of documents of a batch.
///
/// Files are taken as given, whatever their extension; folders are walked recursively for
/// `.pdf` and `.txt` files; `-` reads further paths (files or folders), one per line, from
/// standard input, so `find … | kommunrapport import - …` works for any number of files.
public struct InputCollector: Sendable {
    /// The extensions a folder walk picks up.
    public static let folderExtensions: Set<String> = ["pdf", "txt"]

    /// Creates a collector.
    public init() {}

    /// The documents and the paths that do not exist, in the order given, folders sorted,
    /// each document once.
    public func collect(
        _ paths: [String], standardInput: () -> String? = { readLine(strippingNewline: true) }
    ) -> (documents: [InputDocument], problems: [InputProblem]) {
        var expanded: [String] = []
        for path in paths {
            if path == "-" {
                while let line = standardInput() {
                    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !trimmed.isEmpty { expanded.append(trimmed) }
                }
            } else {
                expanded.append(path)
            }
        }

        var documents: [InputDocument] = []
        var problems: [InputProblem] = []
        var seen: Set<String> = []
        func add(_ path: String) {
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            if seen.insert(key).inserted { documents.append(InputDocument(path: path)) }
        }
        let fm = FileManager.default
        for path in expanded {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(InputProblem(path: path, reason: "\(path): no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                walk(path).forEach(add)
            } else {
                add(path)
            }
        }
        return (documents, problems)
    }

    /// The `.pdf` and `.txt` files under a folder, as paths starting with the folder as given, sorted.
    func walk(_ folder: String) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        for case let relative as String in walker {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard Self.folderExtensions.contains(ext) else { continue }
            let path = base + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path)
            }
        }
        // Byte order, not locale order: the same list on every machine, which sharding needs.
        return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
