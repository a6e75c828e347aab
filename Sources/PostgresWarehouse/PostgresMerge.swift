import Foundation
import Warehouse

extension PostgresWarehouse {
    /// Copies every report of an SQLite warehouse file into this one, in one transaction, with
    /// the SQLite merge's rules: ids depend only on the documents, so a document in both is the
    /// same rows; where both hold different content for one input path, the later import wins;
    /// failures come over for paths no warehouse imported; Kolada's tables come over whole, a
    /// decision made by hand winning over a proposal.
    public func merge(from sourcePath: String) throws -> MergeSummary {
        guard FileManager.default.fileExists(atPath: sourcePath) else {
            throw WarehouseError.cannotOpen(path: sourcePath, reason: "no such file")
        }
        // Opening it checks that it is a warehouse and brings its schema up to date, so the
        // tables of both have the same columns.
        let source = try Warehouse(path: sourcePath, toolVersion: toolVersion)
        var summary = MergeSummary(source: sourcePath, reports: 0, keptNewer: 0, failures: 0)
        do {
            try transaction(document: sourcePath) {
                // Writers wait while a merge runs (and it for them): it replaces many reports at once.
                try script("LOCK TABLE reports IN SHARE ROW EXCLUSIVE MODE")
                let reportColumns = try source.columns(of: "reports")
                let index = { (name: String) in reportColumns.firstIndex(of: name)! }
                let sourceReports = try source.rows(of: "reports", columns: reportColumns)
                // Paths are keyed by their bytes, as the databases compare them: Swift's String
                // equality would take the composed and decomposed spellings of `å` for one path.
                var newer: [[UInt8]: (sha256: String, importedAt: String)] = [:]
                var importsHere: [(path: [UInt8], sha256: String, importedAt: String)] = []
                for row in try run("SELECT path, sha256, imported_at FROM reports") {
                    newer[Self.bytes(row[0])] = (row[1].description, row[2].description)
                    importsHere.append((Self.bytes(row[0]), row[1].description, row[2].description))
                }
                // Left out: the same import already here, and any import of the path or the
                // document older than one here, unless a report taken replaces that one; taking
                // only grows, so this settles (as in SQLite's merge).
                let isSameImport = { (row: [WarehouseValue]) -> Bool in
                    guard let here = newer[Self.bytes(row[index("path")])] else { return false }
                    return here.sha256 == row[index("sha256")].description && here.importedAt == row[index("imported_at")].description
                }
                var taken: [[WarehouseValue]] = []
                while true {
                    let takenPaths = Set(taken.map { Self.bytes($0[index("path")]) })
                    let takenDocuments = Set(taken.map { $0[index("sha256")].description })
                    let staying = importsHere.filter { !takenPaths.contains($0.path) && !takenDocuments.contains($0.sha256) }
                    var laterByPath: [[UInt8]: String] = [:], laterByDocument: [String: String] = [:]
                    for here in staying {
                        laterByPath[here.path] = max(laterByPath[here.path] ?? "", here.importedAt)
                        laterByDocument[here.sha256] = max(laterByDocument[here.sha256] ?? "", here.importedAt)
                    }
                    let next = sourceReports.filter { row in
                        if isSameImport(row) { return false }
                        let importedAt = row[index("imported_at")].description
                        if let here = laterByPath[Self.bytes(row[index("path")])], here > importedAt { return false }
                        if let here = laterByDocument[row[index("sha256")].description], here > importedAt { return false }
                        return true
                    }
                    if next.count == taken.count { break }
                    taken = next
                }
                summary.alreadyThere = sourceReports.filter(isSameImport).count
                summary.reports = taken.count
                summary.keptNewer = sourceReports.count - taken.count - summary.alreadyThere
                // A few reports at a time, so a shard of millions of cells is never held whole.
                for chunk in Self.chunks(taken, size: Self.reportsPerCopy) {
                    let shas = chunk.map { $0[index("sha256")] }
                    let paths = chunk.map { $0[index("path")] }
                    let list = { (from: Int, count: Int) in (1...count).map { "$\(from + $0)" }.joined(separator: ", ") }
                    try run("DELETE FROM reports WHERE sha256 IN (\(list(0, shas.count))) OR path IN (\(list(shas.count, paths.count)))",
                            shas + paths)
                    let ids = chunk.map { $0[index("id")].description }
                    for table in Warehouse.dataTables where table != "import_errors" {
                        let columns = try source.columns(of: table)
                        var rows = WarehouseTableRows(table: table, columns: columns)
                        rows.rows = try source.rows(of: table, columns: columns, where: table == "reports" ? "id" : "report_id", in: ids)
                        try insert(rows)
                    }
                }

                try run("DELETE FROM import_errors WHERE path IN (SELECT path FROM reports)")
                let failureColumns = try source.columns(of: "import_errors")
                let imported = Set(try run("SELECT path FROM reports").map { Self.bytes($0[0]) })
                var failedAt: [[UInt8]: String] = [:]
                for row in try run("SELECT path, failed_at FROM import_errors") {
                    failedAt[Self.bytes(row[0])] = row[1].description
                }
                var failures = WarehouseTableRows(table: "import_errors", columns: failureColumns)
                let pathIndex = failureColumns.firstIndex(of: "path")!, atIndex = failureColumns.firstIndex(of: "failed_at")!
                failures.rows = try source.rows(of: "import_errors", columns: failureColumns).filter { row in
                    let path = Self.bytes(row[pathIndex])
                    guard !imported.contains(path) else { return false }
                    return failedAt[path].map { $0 <= row[atIndex].description } ?? true
                }
                summary.failures = failures.rows.count
                try insert(failures, conflict: Self.replacing(failureColumns, key: ["path"]))

                for (table, key) in [("kolada_kpis", ["id"]), ("kolada_values", ["kpi_id", "municipality_code", "year", "gender"])] {
                    let columns = try source.columns(of: table)
                    var rows = WarehouseTableRows(table: table, columns: columns)
                    rows.rows = try source.rows(of: table, columns: columns)
                    try insert(rows, conflict: Self.replacing(columns, key: key))
                }
                let matchColumns = try source.columns(of: "kolada_matches")
                var matches = WarehouseTableRows(table: "kolada_matches", columns: matchColumns)
                matches.rows = try source.rows(of: "kolada_matches", columns: matchColumns)
                try insert(matches, conflict: Self.replacing(matchColumns, key: ["name_key"])
                    + " WHERE EXCLUDED.decided_by = 'hand' OR kolada_matches.decided_by <> 'hand'")
            }
        } catch let error as WarehouseError {
            switch error {
            case .writeFailed(let path, _, let reason), .unavailable(let path, _, let reason):
                throw WarehouseError.mergeFailed(path: path, source: sourcePath, reason: reason)
            default:
                throw error
            }
        }
        return summary
    }

    /// `ON CONFLICT (key) DO UPDATE` setting every other column to the incoming row's.
    static func replacing(_ columns: [String], key: [String]) -> String {
        let others = columns.filter { !key.contains($0) }.map { "\"\($0)\" = EXCLUDED.\"\($0)\"" }
        let keys = key.map { "\"\($0)\"" }.joined(separator: ", ")
        return others.isEmpty ? "ON CONFLICT (\(keys)) DO NOTHING" : "ON CONFLICT (\(keys)) DO UPDATE SET " + others.joined(separator: ", ")
    }

    /// A text value's bytes, compared as the databases compare text (not by Unicode equivalence).
    static func bytes(_ value: WarehouseValue) -> [UInt8] { Array(value.description.utf8) }

    /// Reports copied per round of a merge.
    static let reportsPerCopy = 50

    static func chunks<T>(_ items: [T], size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }
}
