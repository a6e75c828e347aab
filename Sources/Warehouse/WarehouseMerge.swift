import Foundation
import GRDB

/// What merging one warehouse into another did.
public struct MergeSummary: Sendable, Hashable {
    /// The warehouse merged in.
    public var source: String
    /// Reports copied in.
    public var reports: Int
    /// Reports of the source left out because the target holds a newer import of the same path.
    public var keptNewer: Int
    /// Import failures copied in (for paths no warehouse imported).
    public var failures: Int
    /// Reports of the source the target already holds as they are (same document, path and
    /// import), left as they are: merging the same source again rewrites nothing.
    public var alreadyThere: Int

    /// A summary of merging a source in.
    public init(source: String, reports: Int, keptNewer: Int, failures: Int, alreadyThere: Int = 0) {
        self.source = source
        self.reports = reports
        self.keptNewer = keptNewer
        self.failures = failures
        self.alreadyThere = alreadyThere
    }
}

extension Warehouse {
    /// Copies every report of another warehouse into this one, in one transaction.
    ///
    /// Ids depend only on the documents, so shards of one archive never collide: a document in
    /// both is the same rows. Where both hold an import of the same input path or the same
    /// document, the later import wins (a re-import by a newer version of the tool is not
    /// undone by merging an older shard). The source is migrated to the current schema first if it is older.
    public func merge(from sourcePath: String) throws -> MergeSummary {
        let here = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let there = URL(fileURLWithPath: sourcePath).resolvingSymlinksInPath().path
        guard here != there else {
            throw WarehouseError.mergeFailed(path: path, source: sourcePath, reason: "it is the target warehouse itself")
        }
        guard FileManager.default.fileExists(atPath: sourcePath) else {
            throw WarehouseError.cannotOpen(path: sourcePath, reason: "no such file")
        }
        // Opening it checks that it is a warehouse and brings its schema up to date, so the
        // tables of both have the same columns.
        do { _ = try Warehouse(path: sourcePath, toolVersion: toolVersion) }

        do {
            return try queue.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS src", arguments: [sourcePath])
                defer { try? db.execute(sql: "DETACH DATABASE src") }
                var summary = MergeSummary(source: sourcePath, reports: 0, keptNewer: 0, failures: 0)
                try db.inTransaction {
                    // A source report is left out where the target holds a later import of its
                    // path or its document, unless a report taken from the source replaces that
                    // import (a later one at its path): then it comes in after all, which may free
                    // others. Taking only grows, so this settles within one round per report.
                    try db.execute(sql: "CREATE TEMP TABLE merge_take (id TEXT, sha256 TEXT, path TEXT)")
                    var taken = -1
                    while true {
                        try db.execute(sql: """
                            CREATE TEMP TABLE merge_next AS
                            SELECT s.id, s.sha256, s.path FROM src.reports s
                            WHERE NOT EXISTS (
                                SELECT 1 FROM main.reports m
                                WHERE (m.path = s.path OR m.sha256 = s.sha256) AND m.imported_at > s.imported_at
                                  AND NOT EXISTS (SELECT 1 FROM merge_take t WHERE t.sha256 = m.sha256 OR t.path = m.path))
                              AND NOT EXISTS (
                                SELECT 1 FROM main.reports m
                                WHERE m.sha256 = s.sha256 AND m.path = s.path AND m.imported_at = s.imported_at)
                            """)
                        try db.execute(sql: "DELETE FROM merge_take; INSERT INTO merge_take SELECT * FROM merge_next; DROP TABLE merge_next")
                        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM merge_take") ?? 0
                        if count == taken { break }
                        taken = count
                    }
                    let sourceCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM src.reports") ?? 0
                    summary.alreadyThere = try Int.fetchOne(db, sql: """
                        SELECT count(*) FROM src.reports s JOIN main.reports m
                        ON m.sha256 = s.sha256 AND m.path = s.path AND m.imported_at = s.imported_at
                        """) ?? 0
                    summary.reports = try Int.fetchOne(db, sql: "SELECT count(*) FROM merge_take") ?? 0
                    summary.keptNewer = sourceCount - summary.reports - summary.alreadyThere
                    try db.execute(sql: """
                        DELETE FROM main.reports
                        WHERE sha256 IN (SELECT sha256 FROM merge_take) OR path IN (SELECT path FROM merge_take)
                        """)
                    for table in Self.dataTables where table != "import_errors" {
                        let columns = try Row.fetchAll(db, sql: "PRAGMA main.table_info(\(table))")
                            .map { "\"\(($0["name"] as String?) ?? "")\"" }.joined(separator: ", ")
                        let owner = table == "reports" ? "id" : "report_id"
                        try db.execute(sql: """
                            INSERT INTO main.\(table) (\(columns))
                            SELECT \(columns) FROM src.\(table) WHERE \(owner) IN (SELECT id FROM merge_take)
                            """)
                    }
                    try db.execute(sql: "DELETE FROM main.import_errors WHERE path IN (SELECT path FROM main.reports)")
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO main.import_errors
                        SELECT * FROM src.import_errors e
                        WHERE NOT EXISTS (SELECT 1 FROM main.reports m WHERE m.path = e.path)
                          AND NOT EXISTS (SELECT 1 FROM main.import_errors o WHERE o.path = e.path AND o.failed_at > e.failed_at)
                        """)
                    summary.failures = db.changesCount
                    // Kolada's catalogue and values are the same wherever they were read in; a
                    // decision made by hand wins over a proposal, and the source's over the target's.
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO main.kolada_kpis SELECT * FROM src.kolada_kpis;
                        INSERT OR REPLACE INTO main.kolada_values SELECT * FROM src.kolada_values;
                        INSERT OR REPLACE INTO main.kolada_matches
                        SELECT * FROM src.kolada_matches s
                        WHERE s.decided_by = 'hand'
                           OR NOT EXISTS (SELECT 1 FROM main.kolada_matches m WHERE m.name_key = s.name_key AND m.decided_by = 'hand');
                        """)
                    try db.execute(sql: "DROP TABLE merge_take")
                    return .commit
                }
                return summary
            }
        } catch let error as WarehouseError {
            throw error
        } catch {
            throw WarehouseError.mergeFailed(path: path, source: sourcePath, reason: Self.reason(error))
        }
    }
}
