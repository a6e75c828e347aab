import ArgumentParser
import Foundation
import PostgresWarehouse

/// Messages to standard error.
enum Console {
    /// Commands that read an SQLite warehouse file (compare, kolada) refuse a server address
    /// up front, naming it without its password.
    static func requireWarehouseFile(_ path: String, command: String) throws {
        guard PostgresAddress.isAddress(path) else { return }
        error("\(PostgresAddress.redacted(path)): \(command) reads an SQLite warehouse file, not a server; "
            + "on a server, query its views (indicator_comparison, table_cell_facts, …) directly")
        throw ExitCode(2)
    }


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
