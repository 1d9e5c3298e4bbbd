import GRDB

/// The database schema, created and upgraded by GRDB's migrator. docs/schema.md documents it
/// for researchers who open the file with sqlite3, DuckDB or pandas; keep the two in step.
///
/// Tables
/// - `documents`: one row per distinct article (by content hash of the normalized article text).
/// - `sources`: every file (path) that produced a document; two paths, two sources, one document.
/// - `figures`: every extracted figure, with spans (Unicode scalar offsets into
///   `documents.text`), its sentence span, normalized fields, and `part_of` (the stated total).
/// - `failures`: files that could not be ingested, with the reason (cleared when they succeed).
/// - `document_search`: FTS5, contentless, over the search keys (`VietnameseFold.searchKey`) of
///   title and text; rowid = documents.id.
enum Schema {
    /// Bumped with every migration; also stored as `PRAGMA user_version`.
    static let version = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    content_hash TEXT NOT NULL UNIQUE,
                    title TEXT,
                    published TEXT,
                    site TEXT,
                    url TEXT,
                    language TEXT,
                    province TEXT,
                    province_now TEXT,
                    province_evidence TEXT,
                    period TEXT,
                    period_first TEXT,
                    period_last TEXT,
                    period_evidence TEXT,
                    text TEXT NOT NULL,
                    chars INTEGER NOT NULL,
                    figure_count INTEGER NOT NULL,
                    ingested_at TEXT NOT NULL
                );
                CREATE INDEX documents_province ON documents(province_now, province);
                CREATE INDEX documents_published ON documents(published);

                CREATE TABLE sources (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    path TEXT NOT NULL UNIQUE,
                    file_hash TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    site TEXT,
                    url TEXT,
                    ingested_at TEXT NOT NULL
                );
                CREATE INDEX sources_document ON sources(document_id);

                CREATE TABLE figures (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    sentence INTEGER NOT NULL,
                    sentence_start INTEGER NOT NULL,
                    sentence_end INTEGER NOT NULL,
                    value REAL,
                    calendar TEXT,
                    unit TEXT,
                    currency TEXT,
                    numerator REAL,
                    denominator REAL,
                    range_from REAL,
                    range_to REAL,
                    doc_type TEXT,
                    doc_number TEXT,
                    doc_number_key TEXT,
                    issuer TEXT,
                    doc_date TEXT,
                    award TEXT,
                    award_class INTEGER,
                    conferrer TEXT,
                    recipient TEXT,
                    count INTEGER,
                    posthumous INTEGER,
                    inferred INTEGER NOT NULL DEFAULT 0,
                    measure TEXT,
                    period TEXT,
                    period_first TEXT,
                    period_last TEXT,
                    part_of INTEGER REFERENCES figures(id) ON DELETE SET NULL
                );
                CREATE INDEX figures_document ON figures(document_id, seq);
                CREATE INDEX figures_kind ON figures(kind, award);
                CREATE INDEX figures_doc_number ON figures(doc_number_key) WHERE doc_number_key IS NOT NULL;

                CREATE TABLE failures (
                    path TEXT PRIMARY KEY,
                    reason TEXT NOT NULL,
                    at TEXT NOT NULL
                );

                CREATE VIRTUAL TABLE document_search USING fts5(
                    title, body, content='', tokenize='unicode61 remove_diacritics 2'
                );
                """)
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        return migrator
    }
}
