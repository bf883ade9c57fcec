"""Documents: storing a batch, the document list and its search, texts, status,
and annotated documents coming back with their spans."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .db import Connection, Database, now
from .errors import InvalidEdit
from .models import STATUSES, AnnotatedDocument, Document, DocumentInfo, EncodedDocument, NewDocument
from .models import _dumps
from .rows import DOCUMENT_COLUMNS, to_document


class Documents(Database):
    _texts: dict[int, str]  # document id → normalized text, the last few read

    # documents ----------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT raw_sha256 FROM documents")}

    def add_documents(self, docs: Sequence[NewDocument | EncodedDocument]) -> list[int | None]:
        """Store a batch in one transaction; a document whose raw hash is already there
        is skipped (``None`` in its place)."""
        self._check_whole_file()
        ids: list[int | None] = []
        stamp = now()
        details: dict[str, Any] = {}
        with self._write("import", None, details) as c:
            for d in docs:
                ids.append(insert_document(c, d.encode() if isinstance(d, NewDocument) else d, "new", stamp))
            details["documents"] = [i for i in ids if i is not None]  # logged at the commit
        return ids

    def document_count(self, status: str | None = None) -> int:
        if status is None:
            return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        return self.conn.execute("SELECT count(*) FROM documents WHERE status = ?", (status,)).fetchone()[0]

    def document_ids(self) -> list[int]:
        return [row[0] for row in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    _ORDER = {"id": "d.id", "title": "d.title", "source": "d.source", "date": "d.date", "status": "d.status",
              "spans": "span_count", "uncertainty": "uncertainty"}

    def list_documents(self, offset: int = 0, limit: int = 100, status: str | None = None,
                       search: str | None = None, order_by: str = "id", descending: bool = False) -> list[DocumentInfo]:
        """A page of the document list, without the texts (import order by default)."""
        if order_by not in self._ORDER:
            raise InvalidEdit(f"{self.path}: cannot sort documents by {order_by!r}")
        where, params = self._filter(status, search)
        direction = "DESC" if descending else "ASC"
        rows = self.conn.execute(
            "SELECT d.id, d.title, d.source, d.date, d.status, d.source_file, "
            "(SELECT count(*) FROM spans s WHERE s.document_id = d.id) AS span_count, d.updated_at, "
            "(SELECT u.uncertainty FROM document_uncertainty u WHERE u.document_id = d.id) AS uncertainty "
            f"FROM documents d {where} ORDER BY {self._ORDER[order_by]} {direction}, d.id {direction} "
            "LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [DocumentInfo(*row) for row in rows]

    def count_documents(self, status: str | None = None, search: str | None = None) -> int:
        where, params = self._filter(status, search)
        return self.conn.execute(f"SELECT count(*) FROM documents d {where}", params).fetchone()[0]

    def document_info(self, document_id: int) -> DocumentInfo:
        row = self.conn.execute(
            "SELECT d.id, d.title, d.source, d.date, d.status, d.source_file, "
            "(SELECT count(*) FROM spans s WHERE s.document_id = d.id), d.updated_at, "
            "(SELECT u.uncertainty FROM document_uncertainty u WHERE u.document_id = d.id) FROM documents d "
            "WHERE d.id = ?", (document_id,)).fetchone()
        if row is None:
            raise InvalidEdit(f"{self.path}: no document {document_id}")
        return DocumentInfo(*row)

    def next_document(self, after: int, statuses: tuple[str, ...] = ("new", "in_progress")) -> int | None:
        """The next document (in import order, wrapping around) whose status is one of ``statuses``."""
        marks = ", ".join("?" * len(statuses))
        for sql in ("SELECT id FROM documents WHERE id > ? AND status IN ({}) ORDER BY id LIMIT 1",
                    "SELECT id FROM documents WHERE id < ? AND status IN ({}) ORDER BY id LIMIT 1"):
            row = self.conn.execute(sql.format(marks), (after, *statuses)).fetchone()
            if row:
                return row[0]
        return None

    def _filter(self, status: str | None, search: str | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if status is not None:
            clauses.append("d.status = ?")
            params.append(status)
        if search:
            if len(search) >= 3:  # the trigram indexes need three characters
                phrase = '"' + search.replace('"', '""') + '"'
                # one IN over a union: SQLite looks the few rowids up instead of scanning every row
                clauses.append("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
                               " UNION SELECT rowid FROM text_fts WHERE text_fts MATCH ?"
                               " UNION SELECT id FROM documents WHERE id > ? AND instr(text, ?) > 0)")
                params += [phrase, phrase, self._text_indexed_upto(), search]
            else:
                clauses.append("(instr(d.title, ?) > 0 OR instr(d.source, ?) > 0 OR instr(d.text, ?) > 0)")
                params += [search, search, search]
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    # search index --------------------------------------------------------------------
    def _text_indexed_upto(self) -> int:
        return int(self.setting("text_indexed_upto") or 0)

    def unindexed_count(self) -> int:
        """Documents whose text is searched by a scan until ``index_text`` reaches them."""
        return self._one("SELECT count(*) FROM documents WHERE id > ?", self._text_indexed_upto())

    def index_text(self, max_chars: int = 1_000_000) -> int:
        """Add the next documents, about ``max_chars`` of text, to the search index
        in one short transaction; returns how many remain.  Kept out of the import
        because it costs about as much as normalizing; call it in idle time."""
        if self.read_only:
            return self.unindexed_count()
        with self._transaction() as c:
            upto = self._text_indexed_upto()
            cursor = c.execute("SELECT id, text FROM documents WHERE id > ? ORDER BY id", (upto,))
            batch: list[tuple[int, str]] = []
            size = 0
            while size < max_chars and (row := cursor.fetchone()) is not None:
                batch.append(row)
                size += len(row[1])
            cursor.close()
            if batch:
                c.executemany("INSERT INTO text_fts(rowid, text) VALUES (?, ?)", batch)
                c.execute("UPDATE project SET value = ? WHERE key = 'text_indexed_upto'", (str(batch[-1][0]),))
        return self.unindexed_count()

    def document(self, document_id: int) -> Document:
        row = self.conn.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?",
                                (document_id,)).fetchone()
        if row is None:
            raise InvalidEdit(f"{self.path}: no document {document_id}")
        return to_document(row)

    def text(self, document_id: int) -> str:
        """The normalized text alone: what the window needs to open a document.

        Texts never change once stored, so the last few are kept: checking a
        new span against a 1,000,000-character text is then a slice, not a
        scan of it in SQLite."""
        text = self._texts.get(document_id)
        if text is None:
            row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None:
                raise InvalidEdit(f"{self.path}: no document {document_id}")
            text = self._texts[document_id] = row[0]
            while len(self._texts) > 4:
                self._texts.pop(next(iter(self._texts)))
        return text

    def set_status(self, document_id: int, status: str) -> None:
        if status not in STATUSES:
            raise InvalidEdit(f"{self.path}: unknown status {status!r} (one of {', '.join(STATUSES)})")
        with self._write("status", document_id, {"status": status}) as c:
            cur = c.execute("UPDATE documents SET status = ?, updated_at = ? WHERE id = ?",
                            (status, now(), document_id))
            if cur.rowcount != 1:
                raise InvalidEdit(f"{self.path}: no document {document_id}")

    def _text_length(self, document_id: int) -> int:
        """Code points of the whole text: SQLite's length() stops at a NUL."""
        return len(self.text(document_id))

    def add_annotated(self, docs: Iterable[AnnotatedDocument]) -> list[int | None]:
        """Store annotated documents with their spans (origin ``imported``) and
        relations, all in one transaction: a file of annotations goes in whole or
        not at all.  A document whose raw hash is already there is skipped with its
        spans (``None`` in its place)."""
        self._check_whole_file()
        ids: list[int | None] = []
        details: dict[str, Any] = {}
        stamp = now()
        with self._write("import_annotated", None, details) as c:
            for item in docs:
                if item.status not in STATUSES:
                    raise InvalidEdit(f"{self.path}: unknown status {item.status!r}")
                e = item.document.encode()
                doc_id = insert_document(c, e, item.status, stamp)
                ids.append(doc_id)
                if doc_id is None:
                    continue
                span_ids = []
                for s in item.spans:
                    if not 0 <= s.start < s.end <= len(e.text):
                        raise InvalidEdit(f"{self.path}: span {s.start}:{s.end} is outside {e.source_file} "
                                          f"({len(e.text)} characters)")
                    program_id = None if s.program is None else self._catalog_entry(c, *s.program, stamp)
                    span_ids.append(c.execute(
                        "INSERT INTO spans(document_id, start, end, label, text, attributes, annotator, origin, "
                        "created_at, updated_at, program_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'imported', ?, ?, ?)",
                        (doc_id, s.start, s.end, s.label, e.text[s.start:s.end], _dumps(s.attributes),
                         s.annotator or self.annotator, stamp, stamp, program_id)).lastrowid)
                c.executemany(
                    "INSERT INTO relations(document_id, head, tail, type, annotator, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [(doc_id, span_ids[h], span_ids[t], kind, self.annotator, stamp) for h, t, kind in item.relations])
            details["documents"] = [i for i in ids if i is not None]
        return ids


def insert_document(c: Connection, e: EncodedDocument, status: str, stamp: str) -> int | None:
    """Insert a document row; ``None`` when its raw hash is already there."""
    cur = c.execute(
        "INSERT INTO documents(raw_sha256, source_file, encoding, raw_text, text, map, excluded, meta, flags, "
        "steps, normalizer, title, date, source, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(raw_sha256) DO NOTHING",
        (e.raw_sha256, e.source_file, e.encoding, e.raw_text, e.text, e.map, e.excluded, e.meta, e.flags,
         e.steps, e.normalizer, e.title, e.date, e.source, status, stamp, stamp),
    )
    return cur.lastrowid if cur.rowcount == 1 else None
