"""The project file's schema, as numbered migrations.

``PRAGMA user_version`` holds the number of the last migration applied.  A
migration is a list of SQL statements run in one transaction with the version
bump, so a file is always at exactly one version.  Never edit a migration that
has shipped: add the next one.
"""

from __future__ import annotations

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """
        CREATE TABLE project (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            raw_sha256 TEXT NOT NULL UNIQUE,
            source_file TEXT NOT NULL,
            encoding TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            text TEXT NOT NULL,
            map TEXT NOT NULL,
            excluded TEXT NOT NULL,
            meta TEXT NOT NULL,
            flags TEXT NOT NULL,
            steps TEXT NOT NULL,
            normalizer TEXT NOT NULL,
            title TEXT,
            date TEXT,
            source TEXT,
            status TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'in_progress', 'done', 'skipped')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX documents_status ON documents(status, id)",
        """
        CREATE TABLE region_overrides (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            excluded INTEGER NOT NULL CHECK (excluded IN (0, 1)),
            reason TEXT NOT NULL DEFAULT 'annotator',
            annotator TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (document_id, start, end)
        )
        """,
        """
        CREATE TABLE labels (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'program')),
            zh TEXT NOT NULL,
            en TEXT NOT NULL,
            color TEXT NOT NULL,
            hotkey TEXT,
            position INTEGER NOT NULL,
            attributes TEXT NOT NULL DEFAULT '{}'
        )
        """,
        """
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
            text TEXT NOT NULL,
            attributes TEXT NOT NULL DEFAULT '{}',
            annotator TEXT NOT NULL,
            origin TEXT NOT NULL CHECK (origin IN ('manual', 'suggested', 'imported')),
            suggester TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (0 <= start AND start < end)
        )
        """,
        "CREATE INDEX spans_document ON spans(document_id, start, end)",
        "CREATE INDEX spans_label ON spans(label)",
        """
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            head INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            tail INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            annotator TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX relations_document ON relations(document_id)",
        """
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            annotator TEXT NOT NULL,
            action TEXT NOT NULL,
            document_id INTEGER,
            details TEXT NOT NULL DEFAULT '{}'
        )
        """,
        """
        CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes
        BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END
        """,
        """
        CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes
        BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END
        """,
    ],
    2: [
        # the document list searches titles and sources; trigram works for Chinese,
        # where the default tokenizer would take a whole sentence for one word.
        # Full texts are not indexed here: a trigram index of the text costs
        # about as much as normalizing it (measured: 2.8 s for 5.7 M characters).
        """
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, source, content='documents', content_rowid='id', tokenize='trigram'
        )
        """,
        """
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, source) VALUES (new.id, new.title, new.source);
        END
        """,
        """
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, source)
            VALUES ('delete', old.id, old.title, old.source);
        END
        """,
        """
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, source ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, source)
            VALUES ('delete', old.id, old.title, old.source);
            INSERT INTO documents_fts(rowid, title, source) VALUES (new.id, new.title, new.source);
        END
        """,
        "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
    ],
    3: [
        # Search the texts too.  A trigram index of the text costs about as much
        # as normalizing it, so it is not built at import: documents are indexed
        # in id order afterwards (Project.index_text), up to the id stored under
        # 'text_indexed_upto', and searches scan the texts of the rest.  Case
        # sensitive, like the scan, so both halves find the same documents.
        "CREATE VIRTUAL TABLE text_fts USING fts5(text, content='', tokenize='trigram case_sensitive 1')",
        "INSERT INTO project(key, value) VALUES ('text_indexed_upto', '0')",
        """
        CREATE TRIGGER text_fts_delete AFTER DELETE ON documents
        WHEN old.id <= (SELECT CAST(value AS INTEGER) FROM project WHERE key = 'text_indexed_upto')
        BEGIN
            INSERT INTO text_fts(text_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END
        """,
    ],
    4: [
        # suggestions an annotator turned down, per document, so they do not come back
        """
        CREATE TABLE rejections (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE ON DELETE CASCADE,
            text TEXT NOT NULL,
            suggester TEXT,
            annotator TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (document_id, start, end, label),
            CHECK (0 <= start AND start < end)
        )
        """,
        # the learned lexicon groups accepted spans by text and label
        "CREATE INDEX spans_text ON spans(text, label)",
    ],
    5: [
        # the program catalog: canonical programs, their aliases and parents
        """
        CREATE TABLE programs (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            parent_id INTEGER REFERENCES programs(id) ON DELETE SET NULL,
            annotator TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (parent_id IS NULL OR parent_id != id)
        )
        """,
        "CREATE INDEX programs_parent ON programs(parent_id)",
        # an alias names one program; no alias is also another program's name (checked in the store)
        """
        CREATE TABLE program_aliases (
            alias TEXT PRIMARY KEY,
            program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE
        ) WITHOUT ROWID
        """,
        "CREATE INDEX program_aliases_program ON program_aliases(program_id)",
        # a program span's canonical program: a column, so it goes with the span
        # and comes back with it (undo restores the whole row)
        "ALTER TABLE spans ADD COLUMN program_id INTEGER REFERENCES programs(id) ON DELETE SET NULL",
        "CREATE INDEX spans_program ON spans(program_id, document_id, start) WHERE program_id IS NOT NULL",
        # typed links: a link of a type goes from a span of the head label to one of the tail label
        """
        CREATE TABLE link_types (
            type TEXT NOT NULL,
            head TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE ON DELETE CASCADE,
            tail TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE ON DELETE CASCADE,
            PRIMARY KEY (type, head, tail)
        ) WITHOUT ROWID
        """,
        # a span's links (and the cascade when a span goes) without scanning every relation
        "CREATE INDEX relations_head ON relations(head, type, tail)",
        "CREATE INDEX relations_tail ON relations(tail)",
        "CREATE INDEX relations_type ON relations(type, head, tail)",
        # the catalog's dates: a document's date without reading past its texts
        "CREATE INDEX documents_date ON documents(id, date)",
        # the statistics: programs per category (a virtual column, so that its index covers the count)
        "ALTER TABLE spans ADD COLUMN category TEXT GENERATED ALWAYS AS (json_extract(attributes, '$.category')) "
        "VIRTUAL",
        "CREATE INDEX spans_category ON spans(label, category, program_id)",
        # annotator throughput: spans added per annotator and hour (UTC), kept as the
        # append-only change log grows, so a chart never reads the whole log
        """
        CREATE TABLE throughput (
            hour TEXT NOT NULL,
            annotator TEXT NOT NULL,
            spans INTEGER NOT NULL,
            PRIMARY KEY (hour, annotator)
        ) WITHOUT ROWID
        """,
        """
        INSERT INTO throughput(hour, annotator, spans)
        SELECT substr(at, 1, 13) || ':00', annotator, count(*) FROM changes
        WHERE action IN ('span_add', 'suggestion_accept') GROUP BY 1, 2
        """,
        """
        CREATE TRIGGER changes_throughput AFTER INSERT ON changes
        WHEN new.action IN ('span_add', 'suggestion_accept')
        BEGIN
            INSERT INTO throughput(hour, annotator, spans) VALUES (substr(new.at, 1, 13) || ':00', new.annotator, 1)
            ON CONFLICT(hour, annotator) DO UPDATE SET spans = spans + 1;
        END
        """,
    ],
    6: [
        # programs per region: place links per canonical program (0: spans not in the
        # catalog) and place text, kept by triggers, so the chart never joins every
        # place link with its two spans.  A link counts by its head span's program and
        # its tail span's text, like the join it replaces (Project.program_place_counts).
        # A pair whose links are all gone keeps its row with 0 (read past): the rows
        # are at most programs × places, and no trigger has to scan for empty ones.
        """
        CREATE TABLE program_places (
            program_id INTEGER NOT NULL,
            place TEXT NOT NULL,
            spans INTEGER NOT NULL,
            PRIMARY KEY (program_id, place)
        ) WITHOUT ROWID
        """,
        """
        INSERT INTO program_places(program_id, place, spans)
        SELECT coalesce(h.program_id, 0), t.text, count(*) FROM relations r
        JOIN spans h ON h.id = r.head JOIN spans t ON t.id = r.tail
        WHERE r.type = 'place' GROUP BY 1, 2
        """,
        """
        CREATE TRIGGER program_places_link_insert AFTER INSERT ON relations WHEN new.type = 'place'
        BEGIN
            INSERT INTO program_places(program_id, place, spans)
            SELECT coalesce(h.program_id, 0), t.text, 1 FROM spans h, spans t WHERE h.id = new.head AND t.id = new.tail
            ON CONFLICT(program_id, place) DO UPDATE SET spans = spans + 1;
        END
        """,
        # a link deleted with its span (the cascade) finds the span gone: the span's
        # own trigger below has already taken the link off
        """
        CREATE TRIGGER program_places_link_delete AFTER DELETE ON relations WHEN old.type = 'place'
        BEGIN
            UPDATE program_places SET spans = spans - 1 WHERE (program_id, place) =
                (SELECT coalesce(h.program_id, 0), t.text FROM spans h, spans t WHERE h.id = old.head AND t.id = old.tail);
        END
        """,
        """
        CREATE TRIGGER program_places_link_update AFTER UPDATE OF type, head, tail ON relations
        WHEN old.type = 'place' OR new.type = 'place'
        BEGIN
            UPDATE program_places SET spans = spans - 1 WHERE old.type = 'place' AND (program_id, place) =
                (SELECT coalesce(h.program_id, 0), t.text FROM spans h, spans t WHERE h.id = old.head AND t.id = old.tail);
            INSERT INTO program_places(program_id, place, spans)
            SELECT coalesce(h.program_id, 0), t.text, 1 FROM spans h, spans t
            WHERE new.type = 'place' AND h.id = new.head AND t.id = new.tail
            ON CONFLICT(program_id, place) DO UPDATE SET spans = spans + 1;
        END
        """,
        """
        CREATE TRIGGER program_places_span_delete BEFORE DELETE ON spans
        BEGIN
            UPDATE program_places SET spans = spans - d.n FROM (
                SELECT coalesce(h.program_id, 0) AS program_id, t.text AS place, count(*) AS n FROM relations r
                JOIN spans h ON h.id = r.head JOIN spans t ON t.id = r.tail
                WHERE r.type = 'place' AND (r.head = old.id OR r.tail = old.id) GROUP BY 1, 2
            ) AS d WHERE program_places.program_id = d.program_id AND program_places.place = d.place;
        END
        """,
        # a span linked to another program (link, merge, a deleted program, a relabel)
        # or with another text moves its place links' counts
        """
        CREATE TRIGGER program_places_span_update AFTER UPDATE OF program_id, text ON spans
        WHEN old.program_id IS NOT new.program_id OR old.text IS NOT new.text
        BEGIN
            UPDATE program_places SET spans = spans - d.n FROM (
                SELECT coalesce(CASE WHEN r.head = new.id THEN old.program_id ELSE h.program_id END, 0) AS program_id,
                       CASE WHEN r.tail = new.id THEN old.text ELSE t.text END AS place, count(*) AS n
                FROM relations r JOIN spans h ON h.id = r.head JOIN spans t ON t.id = r.tail
                WHERE r.type = 'place' AND (r.head = new.id OR r.tail = new.id) GROUP BY 1, 2
            ) AS d WHERE program_places.program_id = d.program_id AND program_places.place = d.place;
            INSERT INTO program_places(program_id, place, spans)
            SELECT coalesce(h.program_id, 0), t.text, count(*) FROM relations r
            JOIN spans h ON h.id = r.head JOIN spans t ON t.id = r.tail
            WHERE r.type = 'place' AND (r.head = new.id OR r.tail = new.id) GROUP BY 1, 2
            ON CONFLICT(program_id, place) DO UPDATE SET spans = spans + excluded.spans;
        END
        """,
    ],
    7: [
        # throughput counts every span an annotator made or accepted: a batch of accepted
        # suggestions and tag-all-occurrences count each of their spans (a batch applied
        # from the command line, which no person looked at, still does not)
        "DROP TRIGGER changes_throughput",
        "DELETE FROM throughput",
        """
        INSERT INTO throughput(hour, annotator, spans)
        SELECT substr(at, 1, 13) || ':00', annotator,
               sum(CASE WHEN action IN ('span_add', 'suggestion_accept') THEN 1
                        ELSE coalesce(json_extract(details, '$.spans'), 0) END)
        FROM changes WHERE action IN ('span_add', 'suggestion_accept', 'suggestions_accept', 'spans_add')
        GROUP BY 1, 2
        """,
        """
        CREATE TRIGGER changes_throughput AFTER INSERT ON changes
        WHEN new.action IN ('span_add', 'suggestion_accept', 'suggestions_accept', 'spans_add')
        BEGIN
            INSERT INTO throughput(hour, annotator, spans)
            VALUES (substr(new.at, 1, 13) || ':00', new.annotator,
                    CASE WHEN new.action IN ('span_add', 'suggestion_accept') THEN 1
                         ELSE coalesce(json_extract(new.details, '$.spans'), 0) END)
            ON CONFLICT(hour, annotator) DO UPDATE SET spans = spans + excluded.spans;
        END
        """,
    ],
    8: [
        # how much the project's tagger would learn from each document (the document
        # list's "most to learn from" sort); ``tagger`` is the key of the model that
        # scored it, so a retrained tagger scores the document again
        """
        CREATE TABLE IF NOT EXISTS document_uncertainty (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            tagger TEXT NOT NULL,
            uncertainty REAL NOT NULL
        )
        """,
    ],
}

LATEST = max(MIGRATIONS)
TABLES = ("project", "documents", "region_overrides", "labels", "spans", "relations", "changes")
