import GRDB
import SolieuText

/// The database schema, created and upgraded by GRDB's migrator. docs/schema.md documents it
/// for researchers who open the file with sqlite3, DuckDB or pandas; keep the two in step.
///
/// Tables
/// - `documents`: one row per distinct article (by content hash of the normalized article text).
/// - `sources`: every file (path) that produced a document; two paths, two sources, one document.
/// - `figure_rows` (v5): every extracted figure, coded: spans (Unicode scalar offsets into
///   `documents.text`) rather than copies of the text, `id` = document_id × 2^20 + seq (so a
///   document's figures are one rowid range), `kind` a small code (`figure_kinds`), repeated
///   words (units, awards, recipients, measures, periods, dates…) as ids into `terms`, periods
///   as yyyymmdd integers (NULL: the document's), `measure` 0 when it is the unit (or the award).
/// - `figures` (a view, v5): `figure_rows` decoded, the columns the table had up to v4.
///   `figure_view` (v8) is what readers query: each figure as a record of `FigureRecord.fields`,
///   the names and order of the JSON, JSONL and CSV exports.
/// - `document_abbreviations` (v2): abbreviations a document defines for itself.
/// - `sources.warnings` (v7): what reading the file warned about, one warning per line, or NULL.
/// - `document_kinds` (v13): the figure kinds a document holds, as bits `1 << kind` (its facet).
/// - `failures`: files that could not be ingested, with the reason (cleared when they succeed).
/// - `document_search`: FTS5, contentless, over the search keys (`VietnameseFold.searchKey`) of
///   title and text, plus `facets` (province and date tokens, see `Facets`) so filtered searches
///   stay one FTS5 query; rowid = documents.id.
enum Schema {
    /// Bumped with every migration; also stored as `PRAGMA user_version`.
    static let version = 13

    /// `figure_rows.kind`: fixed codes (the award index's WHERE clause names one).
    static let kindCodes: [(code: Int, name: String)] = [
        (1, "quantity"), (2, "percent"), (3, "money"), (4, "ratio"), (5, "range"), (6, "date"), (7, "period"), (8, "docref"), (9, "award"),
    ]
    static let awardKind = 9
    static func kindCode(_ name: String) -> Int? { kindCodes.first { $0.name == name }?.code }
    /// SQL: the kind name of a stored code (`expression` gives the code).
    static func kindName(_ expression: String) -> String {
        "CASE \(expression) " + kindCodes.map { "WHEN \($0.code) THEN '\($0.name)'" }.joined(separator: " ") + " END"
    }
    /// SQL: the word a term id stands for (`expression` gives the id).
    static func termName(_ expression: String) -> String { "(SELECT term FROM terms WHERE id = \(expression))" }

    /// Columns of `figure_rows` that hold an id into `terms` (`measure` too, with 0 for "its
    /// unit or award").
    static let termColumns = ["calendar", "unit", "currency", "doc_type", "issuer", "doc_date", "award", "conferrer", "recipient", "period"]

    /// The SELECT behind the `figures` view: `figure_rows` (alias r) decoded. With `codes`, also
    /// the stored codes queries filter on (`kind_code`, `award_code`, `recipient_code`,
    /// `measure_code`, `unit_code`), so a filter compares integers instead of decoding each row.
    static func figuresSelect(codes: Bool = false, roles: Bool = true, confidence: Bool = true) -> String {
        func term(_ c: String) -> String { termName("r." + c) }
        return """
            SELECT r.id, r.id >> 20 AS document_id, \(kindName("r.kind")) AS kind, r.start, r."end", r.sentence, r.sentence_start, r.sentence_end,
                   r.value, \(term("calendar")) AS calendar, \(term("unit")) AS unit, \(term("currency")) AS currency,
                   r.numerator, r.denominator, r.range_from, r.range_to,
                   \(term("doc_type")) AS doc_type, r.doc_number, \(term("issuer")) AS issuer, \(term("doc_date")) AS doc_date,
                   \(term("award")) AS award, r.award_class, \(term("conferrer")) AS conferrer, \(term("recipient")) AS recipient,
                   r.count, r.posthumous, r.inferred,
                   CASE r.measure WHEN 0 THEN '' ELSE \(term("measure")) END AS measure,
                   \(term("period")) AS period, r.period_first, r.period_last, r.part_of\(roles ? ", " + roleColumns : "")\(confidence ? ", r.confidence" : "")\(codes ? codeColumns(stored: true) : "")
            FROM figure_rows r
            """
    }

    /// figure_view as migrations v1 to v7 created it (frozen: a migration must create what it
    /// created then). The SELECT behind it: figures with their text, sentence, measure and period
    /// resolved, and their document's fields. `join` "CROSS JOIN" makes SQLite start from the
    /// documents (for queries that select few of them). A change here needs a new migration.
    ///
    /// `figures` names the figures' source: the view, or (for queries) `figuresSelect(codes: true)`
    /// in parentheses, whose codes are then passed through.
    static func figureViewSelectV1(join: String, figures: String = "figures", codes: Bool = false, roles: Bool = true) -> String {
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
                       f.part_of,\(roles ? " f.role, f.sign," : "")
                       d.title, d.published, d.province, d.province_now, d.site\(codes ? codeColumns(stored: false) : "")
                FROM documents d \(join) \(figures) f
                     ON f.id BETWEEN d.id * 1048576 AND d.id * 1048576 + 1048575 AND f.document_id = d.id
        """
    }

    /// The SELECT behind figure_view (v8): every figure as a record of `FigureRecord.fields`, the
    /// names and order of the JSON, JSONL and CSV exports: typed value columns (number,
    /// date_value, period_value, …), the publication day and time apart, days as YYYY-MM-DD.
    /// `join` "CROSS JOIN" makes SQLite start from the documents (for queries that select few
    /// of them). A change here needs a new migration.
    ///
    /// `figures` names the figures' source: the view, or (for queries) `figuresSelect(codes: true)`
    /// in parentheses, whose codes are then passed through, with the period's days as numbers
    /// (`first_day`, `last_day`) for comparisons.
    static func figureViewSelect(join: String, figures: String = "figures", codes: Bool = false, confidence: Bool = true) -> String {
        func isoDay(_ e: String) -> String { "CASE WHEN \(e) IS NOT NULL THEN printf('%04d-%02d-%02d', \(e) / 10000, \(e) / 100 % 100, \(e) % 100) END" }
        return """
                SELECT f.id, d.id AS document_id,
                       (SELECT path FROM sources s WHERE s.document_id = d.id ORDER BY s.id LIMIT 1) AS source,
                       d.title, substr(d.published, 1, 10) AS published,
                       CASE WHEN length(d.published) > 10 THEN nullif(ltrim(substr(d.published, 11), 'T '), '') END AS published_time,
                       d.site, d.url, d.province, d.province_now, f.kind,
                       substr(d.text, f.start + 1, f."end" - f.start) AS text, f.start, f."end",
                       f.value AS number, f.numerator, f.denominator, f.range_from, f.range_to, f.unit, f.currency,
                       CASE WHEN f.kind = 'date' THEN f.calendar END AS date_value,
                       CASE WHEN f.kind = 'period' THEN f.calendar END AS period_value,
                       f.doc_type, f.doc_number, f.issuer, f.doc_date,
                       f.award, f.award_class, f.conferrer, f.recipient, f.count, f.posthumous, coalesce(f.inferred, 0) AS inferred,
                       CASE WHEN f.measure = '' THEN CASE WHEN f.kind = 'award' THEN f.award ELSE f.unit END ELSE f.measure END AS measure,
                       f.role, f.sign, f.period,
                       \(isoDay("coalesce(f.period_first, d.period_first)")) AS period_first,
                       \(isoDay("coalesce(f.period_last, d.period_last)")) AS period_last,
                       f.part_of,\(confidence ? " f.confidence," : "") f.sentence AS sentence_index,
                       substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence,
                       f.sentence_start, f.sentence_end\(codes ? codeColumns(stored: false) + ", coalesce(f.period_first, d.period_first) AS first_day, coalesce(f.period_last, d.period_last) AS last_day" : "")
                FROM documents d \(join) \(figures) f
                     ON f.id BETWEEN d.id * 1048576 AND d.id * 1048576 + 1048575 AND f.document_id = d.id
        """
    }

    /// A percent's role (v6), stored as a code in `figure_rows.role` and read as two columns:
    /// `role` ('share', 'plan', 'change') and `sign` (1 or -1 for a change).
    static let roleCodes: [String: Int64] = ["share": 1, "plan": 2, "change+": 3, "change-": 4]
    static let roleColumns = """
        CASE r.role WHEN 1 THEN 'share' WHEN 2 THEN 'plan' WHEN 3 THEN 'change' WHEN 4 THEN 'change' END AS role, \
        CASE r.role WHEN 3 THEN 1 WHEN 4 THEN -1 END AS sign
        """
    static func roleCode(_ role: String?, sign: Int?) -> Int64? {
        guard let role else { return nil }
        return roleCodes[role == "change" ? (sign ?? 1) < 0 ? "change-" : "change+" : role]
    }

    /// The code columns a query source passes through (see `figuresSelect(codes:)`): read from
    /// `figure_rows` (`stored`, alias r), or passed on from a source that already named them
    /// (alias f).
    static func codeColumns(stored: Bool) -> String {
        [("kind", "kind_code"), ("award", "award_code"), ("recipient", "recipient_code"), ("measure", "measure_code"), ("unit", "unit_code"),
         ("role", "role_code")]
            .map { stored ? ", r.\($0.0) AS \($0.1)" : ", f.\($0.1) AS \($0.1)" }.joined()
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

                CREATE VIEW figure_view AS \(figureViewSelectV1(join: "JOIN", roles: false));

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
        // v5: figures coded (figure_rows): kinds as small codes, repeated words through `terms`,
        // no document_id column (it is id >> 20). At scale the figures were the largest part
        // of the file after the text: a record header byte per column and the same few dozen
        // strings ("cá nhân", "Bằng khen", "tỷ lệ hộ nghèo") written out in every row. The
        // `figures` view gives back the v4 columns, so SQL written against them still runs.
        migrator.registerMigration("v5") { db in
            try db.execute(sql: """
                CREATE TABLE figure_kinds (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                INSERT INTO figure_kinds(code, name) VALUES \(kindCodes.map { "(\($0.code), '\($0.name)')" }.joined(separator: ", "));
                CREATE TABLE terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE);
                INSERT INTO terms(term)
                    SELECT DISTINCT t FROM (\((termColumns + ["measure"]).map { "SELECT \($0) AS t FROM figures" }.joined(separator: " UNION ALL ")))
                    WHERE t IS NOT NULL ORDER BY t;
                CREATE TABLE figure_rows (
                    id INTEGER PRIMARY KEY,
                    kind INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    sentence INTEGER NOT NULL,
                    sentence_start INTEGER NOT NULL,
                    sentence_end INTEGER NOT NULL,
                    value REAL,
                    calendar INTEGER,
                    unit INTEGER,
                    currency INTEGER,
                    numerator REAL,
                    denominator REAL,
                    range_from REAL,
                    range_to REAL,
                    doc_type INTEGER,
                    doc_number TEXT,
                    issuer INTEGER,
                    doc_date INTEGER,
                    award INTEGER,
                    award_class INTEGER,
                    conferrer INTEGER,
                    recipient INTEGER,
                    count INTEGER,
                    posthumous INTEGER,
                    inferred INTEGER,
                    measure INTEGER,
                    period INTEGER,
                    period_first INTEGER,
                    period_last INTEGER,
                    part_of INTEGER
                );
                INSERT INTO figure_rows
                    SELECT f.id, k.code, f.start, f."end", f.sentence, f.sentence_start, f.sentence_end, f.value,
                           \(["calendar", "unit", "currency"].map { "(SELECT id FROM terms WHERE term = f.\($0))" }.joined(separator: ", ")),
                           f.numerator, f.denominator, f.range_from, f.range_to,
                           (SELECT id FROM terms WHERE term = f.doc_type), f.doc_number,
                           \(["issuer", "doc_date", "award"].map { "(SELECT id FROM terms WHERE term = f.\($0))" }.joined(separator: ", ")),
                           f.award_class,
                           \(["conferrer", "recipient"].map { "(SELECT id FROM terms WHERE term = f.\($0))" }.joined(separator: ", ")),
                           f.count, f.posthumous, f.inferred,
                           CASE WHEN f.measure = '' THEN 0 ELSE (SELECT id FROM terms WHERE term = f.measure) END,
                           (SELECT id FROM terms WHERE term = f.period), f.period_first, f.period_last, f.part_of
                    FROM figures f JOIN figure_kinds k ON k.name = f.kind ORDER BY f.id;
                DROP VIEW figure_view;
                DROP TABLE figures;
                CREATE VIEW figures AS \(figuresSelect(roles: false, confidence: false));
                CREATE VIEW figure_view AS \(figureViewSelectV1(join: "JOIN", roles: false));
                CREATE INDEX figures_doc_number ON figure_rows(upper(doc_number)) WHERE doc_number IS NOT NULL;
                -- The award titles present (a skip scan) and award lookups from SQL.
                CREATE INDEX figures_award ON figure_rows(award) WHERE kind = \(awardKind);
                -- Each document's award figures packed for stats (AwardFacts); replaces v4's
                -- covering index figures_award_facts, at a tenth of its size.
                CREATE TABLE award_facts (
                    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    facts BLOB NOT NULL
                );
                PRAGMA user_version = 5;
                """)
            try AwardFacts.build(db)
        }
        // v6: a percent's role (share, plan, change with its sign), which researchers filter on.
        // Figures stored before keep NULL until their document is ingested again.
        migrator.registerMigration("v6") { db in
            try db.execute(sql: """
                ALTER TABLE figure_rows ADD COLUMN role INTEGER;
                DROP VIEW figure_view;
                DROP VIEW figures;
                CREATE VIEW figures AS \(figuresSelect(confidence: false));
                CREATE VIEW figure_view AS \(figureViewSelectV1(join: "JOIN"));
                PRAGMA user_version = 6;
                """)
        }
        // v7: the warnings of reading a file (undecodable bytes replaced, a charset that lied),
        // one per line, kept with its source: the file said something the text may not show.
        migrator.registerMigration("v7") { db in
            try db.execute(sql: """
                ALTER TABLE sources ADD COLUMN warnings TEXT;
                PRAGMA user_version = 7;
                """)
        }
        // v8: figure_view gives every figure in the one record shape of the exports
        // (`FigureRecord.fields`): typed value columns, the publication's day and time apart.
        migrator.registerMigration("v8") { db in
            try db.execute(sql: """
                DROP VIEW figure_view;
                CREATE VIEW figure_view AS \(figureViewSelect(join: "JOIN", confidence: false));
                PRAGMA user_version = 8;
                """)
        }
        // v9: near-identical copies are one document (`NearDuplicates`): each document's keys
        // as a candidate copy (bands of its MinHash signature, its longest paragraphs), keyed by
        // band alone; a source that is a near copy keeps its similarity and what differs.
        // Documents stored before get their keys from their text.
        migrator.registerMigration("v9") { db in
            try db.execute(sql: """
                CREATE TABLE document_bands (
                    band INTEGER NOT NULL,
                    document_id INTEGER NOT NULL,  -- no REFERENCES: deleting a document deletes its keys by band
                    PRIMARY KEY (band, document_id)
                ) WITHOUT ROWID;
                ALTER TABLE sources ADD COLUMN similarity REAL;
                ALTER TABLE sources ADD COLUMN only_here TEXT;
                ALTER TABLE sources ADD COLUMN missing INTEGER;
                """)
            let rows = try Row.fetchCursor(db, sql: "SELECT id, text FROM documents ORDER BY id")
            var pending: [(Int64, [Int64])] = []
            while let row = try rows.next() {
                pending.append((row[0], NearDuplicates.keys(key: VietnameseFold.searchKey(row[1] as String))))
            }
            for (id, keys) in pending { try SolieuDatabase.storeNearKeys(keys, document: id, in: db) }
            try db.execute(sql: "PRAGMA user_version = 9")
        }
        // v10: each document's quantities, percents, money and ratios packed for stats
        // (`ValueFacts`), as award_facts are for awards: stats over them read a tenth of the
        // figure rows. Documents stored before get theirs from figure_rows.
        migrator.registerMigration("v10") { db in
            try db.execute(sql: """
                CREATE TABLE value_facts (
                    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    facts BLOB NOT NULL
                );
                """)
            try ValueFacts.build(db)
            try db.execute(sql: "PRAGMA user_version = 10")
        }
        // v11: what each source file was (html, text, docx, odt), as ingest read it by its
        // content (sources stored before are NULL: unknown, not guessed from their names), and
        // the header of an official document: issuer, number, type and place.
        migrator.registerMigration("v11") { db in
            try db.execute(sql: """
                ALTER TABLE sources ADD COLUMN format TEXT;
                ALTER TABLE documents ADD COLUMN issuer TEXT;
                ALTER TABLE documents ADD COLUMN doc_number TEXT;
                ALTER TABLE documents ADD COLUMN doc_type TEXT;
                ALTER TABLE documents ADD COLUMN place TEXT;
                PRAGMA user_version = 11;
                """)
        }
        // v12: text read by OCR. A document records how many pages were read from pictures and
        // the engine's mean confidence; a figure, its confidence in the least sure word it was
        // read from (NULL for text that was not OCR'd), shown by the views.
        migrator.registerMigration("v12") { db in
            try db.execute(sql: """
                ALTER TABLE documents ADD COLUMN ocr_pages INTEGER;
                ALTER TABLE documents ADD COLUMN ocr_confidence REAL;
                ALTER TABLE figure_rows ADD COLUMN confidence REAL;
                DROP VIEW figure_view;
                DROP VIEW figures;
                CREATE VIEW figures AS \(figuresSelect());
                CREATE VIEW figure_view AS \(figureViewSelect(join: "JOIN"));
                PRAGMA user_version = 12;
                """)
        }
        // v13: the kinds of figure each document holds, one bit per kind code (1 << code), so
        // that the search page's kind facet reads one small row per matched document instead of
        // all of its figures (tens of thousands of rows for a common word). Documents stored
        // before get theirs from figure_rows; a document without figures has no row.
        migrator.registerMigration("v13") { db in
            try db.execute(sql: """
                CREATE TABLE document_kinds (
                    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    kinds INTEGER NOT NULL
                );
                INSERT INTO document_kinds(document_id, kinds)
                    SELECT id >> 20, sum(DISTINCT 1 << kind) FROM figure_rows GROUP BY id >> 20;
                PRAGMA user_version = 13;
                """)
        }
        return migrator
    }
}
