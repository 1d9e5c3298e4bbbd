import GRDB

/// The database schema, created and upgraded by GRDB's migrator. docs/schema.md documents it
/// for researchers who open the file with sqlite3, DuckDB or pandas; keep the two in step.
///
/// Tables
/// - `documents`: one row per distinct article (by content hash of the normalized article text).
/// - `sources`: every file (path) that produced a document; two paths, two sources, one document.
/// - `figures`: every extracted figure, compact: spans (Unicode scalar offsets into
///   `documents.text`) rather than copies of the text, `id` = document_id × 2^20 + seq (so a
///   document's figures are one rowid range), periods as yyyymmdd integers (NULL: the
///   document's), `measure` '' when it is the unit (or the award). `figure_view` resolves all of
///   that for readers (text, sentence_text, measure, period_first/last, document fields).
/// - `document_abbreviations` (v2): abbreviations a document defines for itself.
/// - `failures`: files that could not be ingested, with the reason (cleared when they succeed).
/// - `document_search`: FTS5, contentless, over the search keys (`VietnameseFold.searchKey`) of
///   title and text, plus `facets` (province and date tokens, see `Facets`) so filtered searches
///   stay one FTS5 query; rowid = documents.id.
enum Schema {
    /// Bumped with every migration; also stored as `PRAGMA user_version`.
    static let version = 4

    /// The SELECT behind figure_view: figures with their text, sentence, measure and period
    /// resolved, and their document's fields. `join` "CROSS JOIN" makes SQLite start from the
    /// documents (for queries that select few of them). A change here needs a new migration.
    static func figureViewSelect(join: String) -> String {
        """
                SELECT f.id, d.id AS document_id, f.id % 1048576 AS seq, f.kind,
                       substr(d.text, f.start + 1, f."end" - f.start) AS text, f.start, f."end",
                       f.sentence, substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence_text,
                       f.sentence_start, f.sentence_end,
                       f.value, f.calendar, f.unit, f.currency, f.numerator, f.denominator, f.range_from, f.range_to,
                       f.doc_type, f.doc_number, f.issuer, f.doc_date,
                       f.award, f.award_class, f.conferrer, f.recipient, f.count, f.posthumous, coalesce(f.inferred, 0) AS inferred,
                       CASE WHEN f.measure = '' THEN CASE WHEN f.kind = 'award' THEN f.award ELSE f.unit END ELSE f.measure END AS measure,
                       f.period,
                       coalesce(f.period_first, d.period_first) AS period_first,
                       coalesce(f.period_last, d.period_last) AS period_last,
                       f.part_of,
                       d.title, d.published, d.province, d.province_now, d.site
                FROM documents d \(join) figures f
                     ON f.id BETWEEN d.id * 1048576 AND d.id * 1048576 + 1048575 AND f.document_id = d.id
        """
    }

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
                    period_first INTEGER,
                    period_last INTEGER,
                    period_evidence TEXT,
                    text TEXT NOT NULL,
                    chars INTEGER NOT NULL,
                    figure_count INTEGER NOT NULL,
                    ingested_at TEXT NOT NULL
                );
                CREATE INDEX documents_province ON documents(province);
                CREATE INDEX documents_province_now ON documents(province_now);
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
                    document_id INTEGER NOT NULL,
                    kind TEXT NOT NULL,
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
                    issuer TEXT,
                    doc_date TEXT,
                    award TEXT,
                    award_class INTEGER,
                    conferrer TEXT,
                    recipient TEXT,
                    count INTEGER,
                    posthumous INTEGER,
                    inferred INTEGER,
                    measure TEXT,
                    period TEXT,
                    period_first INTEGER,
                    period_last INTEGER,
                    part_of INTEGER
                );
                CREATE INDEX figures_kind ON figures(kind, award);
                CREATE INDEX figures_doc_number ON figures(upper(doc_number)) WHERE doc_number IS NOT NULL;

                CREATE VIEW figure_view AS \(figureViewSelect(join: "JOIN"));

                CREATE TABLE failures (
                    path TEXT PRIMARY KEY,
                    reason TEXT NOT NULL,
                    at TEXT NOT NULL
                );

                CREATE VIRTUAL TABLE document_search USING fts5(
                    title, body, facets, content='', tokenize='unicode61 remove_diacritics 2'
                );
                INSERT INTO document_search(document_search, rank) VALUES ('rank', 'bm25(5.0, 1.0, 0.0)');
                """)
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        // v2: abbreviations each document defines for itself ("phong trào thi đua (PTTĐ)"), so a
        // search for one finds the other in every document.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE document_abbreviations (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    abbreviation TEXT NOT NULL,
                    expansion TEXT NOT NULL,
                    abbreviation_key TEXT NOT NULL,
                    UNIQUE (document_id, abbreviation_key, expansion)
                );
                CREATE INDEX document_abbreviations_key ON document_abbreviations(abbreviation_key);
                PRAGMA user_version = 2;
                """)
        }
        // v3: the award figures' stats columns in one partial covering index, so award stats read
        // a compact, ordered structure instead of every figure row (see AwardStats).
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                CREATE INDEX figures_award_facts ON figures(award, recipient, document_id, count, award_class, conferrer, period_first, period_last)
                    WHERE kind = 'award';
                CREATE INDEX documents_facets ON documents(id, province, province_now, site, period, period_first, period_last);
                -- Award lookups use figures_award_facts now; the (kind, award) index over every
                -- figure cost 7% of the file for little else.
                DROP INDEX figures_kind;
                PRAGMA user_version = 3;
                """)
        }
        // v4: `kind` in figures_award_facts too. The query names it (a partial index is used only
        // when the query implies its WHERE), and without the column SQLite visited the table row
        // of every award figure to check it: the index is covering only with it.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: """
                DROP INDEX figures_award_facts;
                CREATE INDEX figures_award_facts
                    ON figures(award, recipient, document_id, count, award_class, conferrer, period_first, period_last, kind)
                    WHERE kind = 'award';
                PRAGMA user_version = 4;
                """)
        }
        return migrator
    }
}
