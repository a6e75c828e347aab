import Foundation
import GRDB

/// The warehouse's tables, indexes and views, as a list of migrations, for SQLite and PostgreSQL.
///
/// Each migration is the DDL of its tables, written once in SQLite's types (`ddl(_:for:)` gives
/// PostgreSQL's), and applied in order by either database's migrator, which records the
/// identifiers it applied (`grdb_migrations` in SQLite, `kommunrapport_migrations` in PostgreSQL), so a
/// warehouse written by an older tool is brought up to date when it is opened. Migrations are
/// never edited once released: a change of schema is a new step appended here.
///
/// Views are not migrated step by step: `views(for:)` is the current set, and a migration that
/// changes a view drops every view and creates the current set (`recreatesViews`), because
/// PostgreSQL, unlike SQLite, fixes a view's columns when it is created.
public enum WarehouseSchema {
    /// One migration: the identifier recorded once applied, and its tables' DDL.
    public struct Step: Sendable {
        /// The identifier recorded in the warehouse once applied.
        public var identifier: String
        /// The DDL of tables and indexes, in SQLite's types.
        public var tables: String
        /// Whether the step drops every view and creates the current ones.
        public var recreatesViews = false
        /// What the step fills in for rows an SQLite warehouse stored before it (a PostgreSQL
        /// warehouse starts at the last version, with no such rows).
        var fillsSQLiteRows: (@Sendable (Database) throws -> Void)? = nil
    }

    /// The databases a warehouse can be kept in.
    public enum Dialect: Sendable {
        case sqlite
        case postgresql
    }

    /// The identifiers of all migrations, oldest first; the last one is the current schema version.
    public static var versions: [String] { steps.map(\.identifier) }

    /// The schema version a warehouse written by this tool has.
    public static var currentVersion: String { versions.last ?? "" }

    /// All migrations, oldest first.
    public static let steps: [Step] = [
        Step(identifier: "v1-tables", tables: tablesV1),
        // The failures of import runs (and, before views were kept in one place, the first views).
        Step(identifier: "v2-views-and-errors", tables: importErrorsV2),
        // The arithmetic checks of each table (sum rows, difference columns), and the row a
        // table row is nested under.
        Step(identifier: "v3-table-checks-and-row-parents", tables: tableChecksV3),
        // What each document calls itself (`Fördjupad månadsuppföljning`).
        Step(identifier: "v4-report-kind", tables: "ALTER TABLE reports ADD COLUMN report_kind TEXT;"),
        // The colour of an assignment's status icon.
        Step(identifier: "v5-assignment-status-icon", tables: "ALTER TABLE assignments ADD COLUMN status_icon TEXT;"),
        // The outline of a goal's or an assignment's status icon (an arrow's direction).
        Step(identifier: "v6-status-icon-shape", tables: """
            ALTER TABLE goals ADD COLUMN status_icon_shape TEXT;
            ALTER TABLE assignments ADD COLUMN status_icon_shape TEXT;
            """),
        Step(identifier: "v7-kolada", tables: koladaV7),
        // Every fact view gains the input's path beside its file name (two `report.txt` in
        // different folders stay apart), and `table_cell_facts` the row's id, index and parent
        // and the cell's column index, so rows with the same label stay apart.
        Step(identifier: "v8-positions-in-views", tables: ""),
        // A fingerprint of what each report prints (`Report.contentFingerprint`), the same for
        // its PDF and text renditions and its copies, whose SHA-256 differ. Reports stored before
        // have none until imported again (`--force`).
        Step(identifier: "v9-content-fingerprint", tables: """
            ALTER TABLE reports ADD COLUMN fingerprint TEXT;
            CREATE INDEX reports_fingerprint ON reports(fingerprint);
            """),
        // Each table row's label folded for lookup (`Warehouse.labelKey`), indexed, so that
        // `compare --row` finds a label's rows without reading every cell; rows stored before
        // are filled in by `fillRowLabelKeys`.
        Step(identifier: "v10-row-label-key", tables: """
            ALTER TABLE table_rows ADD COLUMN label_key TEXT;
            CREATE INDEX table_rows_label_key ON table_rows(label_key);
            """, fillsSQLiteRows: fillRowLabelKeys),
        // The views defined once for SQLite and PostgreSQL (`views(for:)`), the set v2–v10 built up.
        Step(identifier: "v11-views-for-both-databases", tables: "", recreatesViews: true),
    ]

    /// The migrator that creates or upgrades an SQLite warehouse.
    public static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        for step in steps {
            migrator.registerMigration(step.identifier) { db in
                if !step.tables.isEmpty { try db.execute(sql: step.tables) }
                try step.fillsSQLiteRows?(db)
                if step.recreatesViews { try db.execute(sql: recreateViews(for: .sqlite)) }
            }
        }
        return migrator
    }()

    /// Rows stored before v10 get their label key.
    static func fillRowLabelKeys(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, label FROM table_rows")
        let update = try db.makeStatement(sql: "UPDATE table_rows SET label_key = ? WHERE id = ?")
        for row in rows { try update.execute(arguments: [Warehouse.labelKey(row["label"] as String), row["id"] as String]) }
    }

    /// A step's DDL for a database: PostgreSQL takes `BIGINT` and `DOUBLE PRECISION` where
    /// SQLite's affinities are `INTEGER` and `REAL` (the same values either way).
    public static func ddl(_ sql: String, for dialect: Dialect) -> String {
        switch dialect {
        case .sqlite:
            return sql
        case .postgresql:
            return sql
                .replacingOccurrences(of: #"\bINTEGER\b"#, with: "BIGINT", options: .regularExpression)
                .replacingOccurrences(of: #"\bREAL\b"#, with: "DOUBLE PRECISION", options: .regularExpression)
        }
    }

    /// Every view any version created, current or not, so a recreation leaves none behind;
    /// each before the views it is built on, the order they can be dropped in.
    public static let viewNames = [
        "indicator_comparison", "table_check_facts", "assignment_facts", "table_cell_facts", "indicator_facts",
        "goal_facts", "report_facts",
    ]

    /// Drops every view and creates the current ones.
    public static func recreateViews(for dialect: Dialect) -> String {
        // Dependents first (viewNames' order), and no CASCADE: a view of the user's own built on
        // one of these stops the migration with its name rather than being dropped unseen.
        let drop = viewNames.map { "DROP VIEW IF EXISTS \($0);" }
        return drop.joined(separator: "\n") + "\n" + views(for: dialect)
    }

    /// The views users query first, as of the current schema.
    public static func views(for dialect: Dialect) -> String {
        // SQLite's group_concat is PostgreSQL's string_agg; both separate by a comma.
        let documents = dialect == .postgresql ? "string_agg(DISTINCT document, ',')" : "group_concat(DISTINCT document)"
        return """
            -- Report columns every fact view starts with.
            CREATE VIEW report_facts AS
            SELECT r.id AS report_id, r.file_name AS document, r.path, r.fingerprint, r.municipality, r.municipality_code,
                   r.organisation, r.report_type, r.report_kind, r.year AS report_year, r.period, r.pages, r.sha256
            FROM reports r;

            CREATE VIEW goal_facts AS
            SELECT rf.*, g.id AS goal_id, g.ref, g.level, g.title, g.status, g.status_text, g.status_icon,
                   g.status_icon_shape, p.title AS parent_title, g.page
            FROM goals g
            JOIN report_facts rf ON rf.report_id = g.report_id
            LEFT JOIN goals p ON p.id = g.parent_id;

            CREATE VIEW indicator_facts AS
            SELECT rf.*, i.id AS indicator_id, i.name AS indicator, i.name_key, g.title AS goal,
                   v.id AS value_id, v.column_header AS "column", coalesce(v.year, rf.report_year) AS year,
                   v.measure, v.value, coalesce(v.unit, i.unit) AS unit, v.comparator, v.preliminary,
                   v.text, v.page
            FROM indicator_values v
            JOIN indicators i ON i.id = v.indicator_id
            JOIN report_facts rf ON rf.report_id = v.report_id
            LEFT JOIN goals g ON g.id = i.goal_id;

            CREATE VIEW table_cell_facts AS
            SELECT rf.*, t.id AS table_id, t.title AS "table", tr.id AS row_id, tr.row_index, tr.parent_index AS row_parent,
                   tr.label AS "row", tr.level AS row_level, tr.is_sum, c.column_index, tc.header AS "column",
                   coalesce(tc.year, rf.report_year) AS year, tc.measure, c.value, coalesce(c.unit, t.unit) AS unit, c.value_sek,
                   c.ambiguous, c.text, tr.page
            FROM table_cells c
            JOIN table_rows tr ON tr.id = c.row_id
            JOIN report_tables t ON t.id = c.table_id
            LEFT JOIN table_columns tc ON tc.table_id = c.table_id AND tc.column_index = c.column_index
            JOIN report_facts rf ON rf.report_id = c.report_id;

            CREATE VIEW assignment_facts AS
            SELECT rf.*, a.id AS assignment_id, a.kind, a.title, a.status, a.status_icon, a.status_icon_shape, a.comment,
                   a.start_date, a.end_date, g.title AS goal, a.page
            FROM assignments a
            JOIN report_facts rf ON rf.report_id = a.report_id
            LEFT JOIN goals g ON g.id = a.goal_id;

            -- Checks with the table, row and column they are about, and the report's columns.
            CREATE VIEW table_check_facts AS
            SELECT rf.*, t.id AS table_id, t.title AS "table", k.kind AS "check", r.label AS "row",
                   c.header AS "column", k.row_index, k.column_index, k.expected, k.printed, k.holds, k.terms, k.page
            FROM table_checks k
            JOIN report_tables t ON t.id = k.table_id
            JOIN report_facts rf ON rf.report_id = k.report_id
            LEFT JOIN table_rows r ON r.table_id = k.table_id AND r.row_index = k.row_index
            LEFT JOIN table_columns c ON c.table_id = k.table_id AND c.column_index = k.column_index;

            -- The first question: one indicator across municipalities and years, outcome beside
            -- target. `value_count` above the number of measures shown means several reports or
            -- columns gave a value for the same place and year: look in indicator_facts.
            CREATE VIEW indicator_comparison AS
            SELECT name_key, min(indicator) AS indicator, municipality, municipality_code, organisation, year,
                   max(CASE WHEN measure = 'outcome' THEN value END) AS outcome,
                   max(CASE WHEN measure = 'target' THEN value END) AS target,
                   max(CASE WHEN measure = 'baseline' THEN value END) AS baseline,
                   min(unit) AS unit, count(value) AS value_count,
                   \(documents) AS documents
            FROM indicator_facts
            GROUP BY name_key, municipality_code, municipality, organisation, year
            ORDER BY name_key, municipality, organisation, year;
            """
    }

    /// Version 1: one table per kind of item, every item keyed by a stable text id, every row
    /// owned by its report so deleting a report (to replace it) deletes all of its rows.
    static let tablesV1 = """
        CREATE TABLE reports (
            id TEXT PRIMARY KEY NOT NULL,          -- first 16 hex digits of sha256
            sha256 TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,                    -- the input path as it was given
            file_name TEXT NOT NULL,
            size INTEGER NOT NULL,
            pages INTEGER NOT NULL,
            source_kind TEXT NOT NULL,
            producer TEXT,
            municipality TEXT,
            municipality_code TEXT,
            organisation TEXT,
            report_type TEXT,
            year INTEGER,
            period TEXT,
            model_schema_version TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            imported_at TEXT NOT NULL              -- ISO 8601, UTC
        );
        CREATE INDEX reports_path ON reports(path);
        CREATE INDEX reports_municipality_year ON reports(municipality_code, year);

        CREATE TABLE headings (
            id TEXT PRIMARY KEY NOT NULL,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            level INTEGER NOT NULL,
            text TEXT NOT NULL,
            page INTEGER NOT NULL,
            first_line INTEGER,
            last_line INTEGER
        );
        CREATE INDEX headings_report ON headings(report_id);

        CREATE TABLE goals (
            id TEXT PRIMARY KEY NOT NULL,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            parent_id TEXT,
            ref TEXT,
            level TEXT,
            title TEXT NOT NULL,
            status TEXT,
            status_text TEXT,
            status_icon TEXT,
            analysis TEXT,
            expected_result TEXT,
            page INTEGER NOT NULL,
            first_line INTEGER,
            last_line INTEGER
        );
        CREATE INDEX goals_report ON goals(report_id);
        CREATE INDEX goals_parent ON goals(parent_id);

        CREATE TABLE indicators (
            id TEXT PRIMARY KEY NOT NULL,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            goal_id TEXT,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,                -- the name folded for comparison across reports
            unit TEXT,
            page INTEGER NOT NULL,
            first_line INTEGER,
            last_line INTEGER
        );
        CREATE INDEX indicators_report ON indicators(report_id);
        CREATE INDEX indicators_goal ON indicators(goal_id);
        CREATE INDEX indicators_name_key ON indicators(name_key);

        CREATE TABLE indicator_values (
            id TEXT PRIMARY KEY NOT NULL,
            indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            column_header TEXT NOT NULL,
            year INTEGER,
            measure TEXT NOT NULL,
            value REAL,
            unit TEXT,
            comparator TEXT,
            preliminary INTEGER NOT NULL,
            text TEXT NOT NULL,
            page INTEGER NOT NULL
        );
        CREATE INDEX indicator_values_indicator ON indicator_values(indicator_id);
        CREATE INDEX indicator_values_report ON indicator_values(report_id);

        CREATE TABLE report_tables (
            id TEXT PRIMARY KEY NOT NULL,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            title TEXT,
            unit TEXT,
            notes TEXT,                            -- the notes under the table, one per line
            page INTEGER NOT NULL,
            first_line INTEGER,
            last_line INTEGER
        );
        CREATE INDEX report_tables_report ON report_tables(report_id);

        CREATE TABLE table_columns (
            id TEXT PRIMARY KEY NOT NULL,
            table_id TEXT NOT NULL REFERENCES report_tables(id) ON DELETE CASCADE,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            column_index INTEGER NOT NULL,
            header TEXT NOT NULL,
            year INTEGER,
            measure TEXT NOT NULL
        );
        CREATE UNIQUE INDEX table_columns_table ON table_columns(table_id, column_index);
        CREATE INDEX table_columns_report ON table_columns(report_id);

        CREATE TABLE table_rows (
            id TEXT PRIMARY KEY NOT NULL,
            table_id TEXT NOT NULL REFERENCES report_tables(id) ON DELETE CASCADE,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            row_index INTEGER NOT NULL,
            label TEXT NOT NULL,
            level INTEGER NOT NULL,
            is_sum INTEGER NOT NULL,
            page INTEGER NOT NULL,
            first_line INTEGER,
            last_line INTEGER
        );
        CREATE INDEX table_rows_table ON table_rows(table_id);
        CREATE INDEX table_rows_report ON table_rows(report_id);

        CREATE TABLE table_cells (
            id TEXT PRIMARY KEY NOT NULL,
            row_id TEXT NOT NULL REFERENCES table_rows(id) ON DELETE CASCADE,
            table_id TEXT NOT NULL REFERENCES report_tables(id) ON DELETE CASCADE,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            column_index INTEGER NOT NULL,
            value REAL,
            unit TEXT,
            value_sek REAL,
            ambiguous INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX table_cells_row ON table_cells(row_id);
        CREATE INDEX table_cells_table ON table_cells(table_id, column_index);
        CREATE INDEX table_cells_report ON table_cells(report_id);

        CREATE TABLE assignments (
            id TEXT PRIMARY KEY NOT NULL,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            goal_id TEXT,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT,
            comment TEXT,
            start_date TEXT,
            end_date TEXT,
            page INTEGER NOT NULL,
            first_line INTEGER,
            last_line INTEGER
        );
        CREATE INDEX assignments_report ON assignments(report_id);
        CREATE INDEX assignments_goal ON assignments(goal_id);

        CREATE TABLE report_warnings (
            id TEXT PRIMARY KEY NOT NULL,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            page INTEGER,
            line INTEGER
        );
        CREATE INDEX report_warnings_report ON report_warnings(report_id);
        
        """

    /// Version 2: one row per input that could not be imported.
    static let importErrorsV2 = """
        -- One row per input that could not be imported; a later successful import of the
        -- same path removes it, a later failure replaces it.
        CREATE TABLE import_errors (
            path TEXT PRIMARY KEY NOT NULL,
            file_name TEXT NOT NULL,
            sha256 TEXT,
            reason TEXT NOT NULL,
            failed_at TEXT NOT NULL,
            tool_version TEXT NOT NULL
        );

        
        """

    static let tableChecksV3 = """
        ALTER TABLE table_rows ADD COLUMN parent_index INTEGER;

        CREATE TABLE table_checks (
            id TEXT PRIMARY KEY NOT NULL,
            table_id TEXT NOT NULL REFERENCES report_tables(id) ON DELETE CASCADE,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,                    -- sum | difference
            row_index INTEGER NOT NULL,
            column_index INTEGER NOT NULL,
            expected REAL NOT NULL,
            printed REAL NOT NULL,
            holds INTEGER NOT NULL,
            terms TEXT NOT NULL,                   -- the rows summed or the columns compared, comma-separated
            page INTEGER NOT NULL
        );
        CREATE INDEX table_checks_table ON table_checks(table_id);
        CREATE INDEX table_checks_report ON table_checks(report_id);

        
        """

    /// Version 7: Kolada's KPI catalogue and published values as a user downloaded them, and the
    /// KPI each imported indicator name is taken to be (proposed by `kolada match`, or decided by
    /// hand). Nothing of it comes from the reports, so replacing a report leaves it be.
    static let koladaV7 = """
        CREATE TABLE kolada_kpis (
            id TEXT PRIMARY KEY NOT NULL,          -- Kolada's KPI id (N00002)
            title TEXT NOT NULL,
            description TEXT,
            municipality_type TEXT,                -- K (kommun), L (region), A (both)
            divided_by_gender INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE kolada_values (
            kpi_id TEXT NOT NULL,
            municipality_code TEXT NOT NULL,
            year INTEGER NOT NULL,
            gender TEXT NOT NULL,                  -- T total, K women, M men
            value REAL,
            status TEXT,
            PRIMARY KEY (kpi_id, municipality_code, year, gender)
        );

        -- The Kolada KPI an indicator name (folded, as indicators.name_key) is.
        CREATE TABLE kolada_matches (
            name_key TEXT PRIMARY KEY NOT NULL,
            kpi_id TEXT,                           -- null: decided to be no Kolada KPI
            score REAL,
            decided_by TEXT NOT NULL               -- 'match' (proposed above the threshold) or 'hand'
        );
        
        """
}
