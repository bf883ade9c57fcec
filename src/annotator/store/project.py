"""The project file: one SQLite database, the one source of truth for annotations.

All SQL of the application lives in this package.  Every edit is one
transaction (``BEGIN IMMEDIATE`` … ``COMMIT``) that also appends to the change
log, and a method returns only after the commit, with ``synchronous=FULL`` in
WAL mode: an acknowledged edit survives a kill or a power cut.

One process writes at a time.  A second process waits briefly for the writer's
lock, then opens the file read-only (and says so) or refuses.  A file that is
not a sound project is reported and never written to: it is checked before the
first write, and a file that needs migrating is copied first.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from filelock import FileLock, Timeout

from .. import __version__
from .errors import (
    AttributeInUse,
    InvalidEdit,
    LabelInUse,
    ProjectDamaged,
    ProjectError,
    ProgramInUse,
    ProjectLocked,
    ProjectTooNew,
    ReadOnlyProject,
    StorageFull,
)
from .models import (
    KINDS,
    ORIGINS,
    STATUSES,
    AnnotatedDocument,
    CatalogRow,
    Document,
    DocumentInfo,
    EncodedDocument,
    ExportDocument,
    ExportSpan,
    Label,
    LinkType,
    NewDocument,
    Occurrence,
    Program,
    Region,
    Rejection,
    Relation,
    Span,
)
from .models import _dumps
from .schema import LATEST, MIGRATIONS, TABLES

SUFFIX = ".annotator"
BATCH_ANNOTATOR = "(suggest)"  # who stored a batch of suggestions: no person
_MAGIC = b"SQLite format 3\x00"
_LOCK_WAIT = 2.0


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def default_annotator() -> str:
    try:
        return os.environ.get("ANNOTATOR_NAME") or getpass.getuser()
    except Exception:  # no user name in this environment
        return "annotator"


def _label_schema() -> dict[str, Any]:
    return tomllib.loads(resources.files("annotator.resources").joinpath("labels.toml").read_text("utf-8"))


def default_labels() -> list[Label]:
    """The label schema a new project starts with (``resources/labels.toml``)."""
    return [
        Label(d["name"], d["kind"], d["zh"], d["en"], d["color"], d.get("hotkey"), d.get("attributes", {}))
        for d in _label_schema()["label"]
    ]


def default_link_types() -> list[LinkType]:
    """The typed links a new (or upgraded) project starts with (``[[link]]`` in ``labels.toml``)."""
    return [LinkType(d["type"], d["head"], d["tail"]) for d in _label_schema().get("link", [])]


def check_attribute_definitions(label: str, definitions: Any) -> None:
    """Raise :class:`InvalidEdit` unless ``definitions`` is ``{name: {"type": "choice",
    "choices": [...], "optional": bool}}``, the one kind of attribute the window edits."""
    if not isinstance(definitions, dict):
        raise InvalidEdit(f"the attributes of {label} must be a table of definitions")
    for name, d in definitions.items():
        where = f"attribute {name!r} of {label}"
        if not (isinstance(name, str) and name.strip()) or not isinstance(d, dict):
            raise InvalidEdit(f"{where}: a definition needs a name and a table")
        if d.get("type", "choice") != "choice":
            raise InvalidEdit(f"{where}: only choice attributes are supported, not {d.get('type')!r}")
        choices = d.get("choices")
        if (not isinstance(choices, list) or not choices
                or not all(isinstance(c, str) and c.strip() for c in choices)):
            raise InvalidEdit(f"{where}: choices must be a list of names")
        if len(set(choices)) != len(choices):
            raise InvalidEdit(f"{where}: a choice is listed twice")
        if not isinstance(d.get("optional", False), bool):
            raise InvalidEdit(f"{where}: optional must be true or false")
        unknown = set(d) - {"type", "choices", "optional"}
        if unknown:
            raise InvalidEdit(f"{where}: unknown keys {', '.join(sorted(unknown))}")


def _orphans(old: dict[str, Any], new: dict[str, Any], attributes: dict[str, Any]) -> dict[str, Any]:
    """The values of ``attributes`` the old definitions allowed and the new ones do not."""
    return {k: v for k, v in attributes.items()
            if k in old and v in old[k].get("choices", ()) and not (k in new and v in new[k]["choices"])}


def check_file(path: Path) -> None:
    """Raise :class:`ProjectDamaged` unless ``path`` looks like a whole SQLite file.

    Reads only: a damaged file must be left as it is for the user to recover."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read the project file ({exc.strerror or exc})") from None
    if not header:
        raise ProjectDamaged(f"{path}: the project file is empty (0 bytes); it holds no project")
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise ProjectDamaged(f"{path}: not a project file (it is not an SQLite database)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid_for, changes = header[92:96], header[24:28]
    if pages and valid_for == changes and pages * page_size > size:
        raise ProjectDamaged(
            f"{path}: the project file is truncated ({size} bytes, its header says {pages * page_size})"
        )


class Project:
    """An open project file.  Use :func:`open_project`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, annotator: str,
                 lock: FileLock | None, read_only_reason: str | None):
        self.path = path
        self.conn = conn
        self.annotator = annotator
        self._texts: dict[int, str] = {}  # document id → normalized text, the last few read
        self._lock = lock
        self.read_only_reason = read_only_reason

    @property
    def db(self):
        """The connection as a ``sqlite_utils.Database``, for ad-hoc queries and
        tools.  Imported on first use: sqlite-utils imports pandas when it is
        installed, which would double the window's memory at start-up."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    # life cycle -----------------------------------------------------------------
    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM project WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self._write("setting", None, {"key": key, "value": value}) as c:
            c.execute("INSERT INTO project(key, value) VALUES (?, ?) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    # transactions -----------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise ReadOnlyProject(f"{self.path}: opened read-only ({self.read_only_reason}); nothing was changed")
        c = self.conn
        try:
            c.execute("BEGIN IMMEDIATE")
            yield c
            c.execute("COMMIT")
        except BaseException as exc:
            if c.in_transaction:
                c.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _environment_error(self.path, exc) from exc
            raise

    @contextmanager
    def _write(self, action: str, document_id: int | None, details: dict[str, Any]) -> Iterator[sqlite3.Connection]:
        """One committed transaction that also appends to the change log."""
        with self._transaction() as c:
            yield c
            c.execute(
                "INSERT INTO changes(at, annotator, action, document_id, details) VALUES (?, ?, ?, ?, ?)",
                (now(), self.annotator, action, document_id, _dumps(details)),
            )

    # documents ----------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT raw_sha256 FROM documents")}

    def add_documents(self, docs: Sequence[NewDocument | EncodedDocument]) -> list[int | None]:
        """Store a batch in one transaction; a document whose raw hash is already there
        is skipped (``None`` in its place)."""
        ids: list[int | None] = []
        stamp = now()
        details: dict[str, Any] = {}
        with self._write("import", None, details) as c:
            for d in docs:
                ids.append(_insert_document(c, d.encode() if isinstance(d, NewDocument) else d, "new", stamp))
            details["documents"] = [i for i in ids if i is not None]  # logged at the commit
        return ids

    def document_count(self, status: str | None = None) -> int:
        if status is None:
            return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        return self.conn.execute("SELECT count(*) FROM documents WHERE status = ?", (status,)).fetchone()[0]

    def document_ids(self) -> list[int]:
        return [row[0] for row in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    _ORDER = {"id": "d.id", "title": "d.title", "source": "d.source", "date": "d.date", "status": "d.status",
              "spans": "span_count"}

    def list_documents(self, offset: int = 0, limit: int = 100, status: str | None = None,
                       search: str | None = None, order_by: str = "id", descending: bool = False) -> list[DocumentInfo]:
        """A page of the document list, without the texts (import order by default)."""
        if order_by not in self._ORDER:
            raise InvalidEdit(f"{self.path}: cannot sort documents by {order_by!r}")
        where, params = self._filter(status, search)
        direction = "DESC" if descending else "ASC"
        rows = self.conn.execute(
            "SELECT d.id, d.title, d.source, d.date, d.status, d.source_file, "
            "(SELECT count(*) FROM spans s WHERE s.document_id = d.id) AS span_count, d.updated_at "
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
            "(SELECT count(*) FROM spans s WHERE s.document_id = d.id), d.updated_at FROM documents d "
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
        row = self.conn.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?",
                                (document_id,)).fetchone()
        if row is None:
            raise InvalidEdit(f"{self.path}: no document {document_id}")
        return _document(row)

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

    # excluded regions -------------------------------------------------------------------
    def regions(self, document_id: int) -> list[Region]:
        """The normalizer's excluded regions with the annotator's overrides applied,
        plus regions the annotator excluded by hand."""
        marked = json.loads(self._one("SELECT excluded FROM documents WHERE id = ?", document_id))
        rows = self.conn.execute(
            "SELECT start, end, excluded, reason FROM region_overrides WHERE document_id = ?", (document_id,))
        return _regions(marked, rows)

    def region_override(self, document_id: int, start: int, end: int) -> bool | None:
        """The annotator's decision on a region: excluded (True), included (False), or none."""
        row = self.conn.execute("SELECT excluded FROM region_overrides WHERE document_id = ? AND start = ? "
                                "AND end = ?", (document_id, start, end)).fetchone()
        return None if row is None else bool(row[0])

    def clear_region(self, document_id: int, start: int, end: int) -> None:
        """Forget the annotator's decision on a region: the normalizer's mark holds again."""
        with self._write("region_clear", document_id, {"start": start, "end": end}) as c:
            c.execute("DELETE FROM region_overrides WHERE document_id = ? AND start = ? AND end = ?",
                      (document_id, start, end))

    def set_region(self, document_id: int, start: int, end: int, excluded: bool, reason: str = "annotator") -> None:
        """Include a region the normalizer excluded, or exclude one by hand."""
        length = self._text_length(document_id)
        if not 0 <= start < end <= length:
            raise InvalidEdit(f"{self.path}: region {start}:{end} is outside document {document_id} "
                              f"({length} characters)")
        with self._write("region", document_id, {"start": start, "end": end, "excluded": excluded}) as c:
            c.execute(
                "INSERT INTO region_overrides(document_id, start, end, excluded, reason, annotator, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(document_id, start, end) DO UPDATE SET "
                "excluded = excluded.excluded, annotator = excluded.annotator, updated_at = excluded.updated_at",
                (document_id, start, end, int(excluded), reason, self.annotator, now()),
            )

    # labels -------------------------------------------------------------------------
    def labels(self) -> list[Label]:
        return [
            Label(name, kind, zh, en, color, hotkey, json.loads(attrs))
            for name, kind, zh, en, color, hotkey, attrs in self.conn.execute(
                "SELECT name, kind, zh, en, color, hotkey, attributes FROM labels ORDER BY position, name")
        ]

    def label(self, name: str) -> Label:
        for label in self.labels():
            if label.name == name:
                return label
        raise InvalidEdit(f"{self.path}: no label {name!r}")

    def add_label(self, label: Label) -> None:
        self._check_label(label, replacing=None)
        with self._write("label_add", None, {"name": label.name}) as c:
            position = c.execute("SELECT coalesce(max(position), 0) + 1 FROM labels").fetchone()[0]
            _insert_label(c, label, position)

    def update_label(self, name: str, label: Label) -> None:
        """Change a label; renaming it renames it on every span.  Attribute
        definitions that would take away values spans carry are refused
        (:class:`AttributeInUse`): :meth:`set_label_attributes` says what happens to them."""
        old = self.label(name)
        self._check_label(label, replacing=name)
        if label.attributes != old.attributes:
            count = len(self._orphaned_spans(name, old.attributes, label.attributes))
            if count:
                raise AttributeInUse(f"{self.path}: {count} spans of {name} carry attribute values the new "
                                     "definitions drop; rename or clear them first", count)
        with self._write("label_update", None, {"name": name, "new_name": label.name}) as c:
            c.execute(
                "UPDATE labels SET name = ?, kind = ?, zh = ?, en = ?, color = ?, hotkey = ?, attributes = ? "
                "WHERE name = ?",
                (label.name, label.kind, label.zh, label.en, label.color, label.hotkey,
                 _dumps(label.attributes), name),
            )

    def set_label_attributes(self, name: str, definitions: dict[str, Any], *,
                             rename: dict[str, dict[str, str]] | None = None, clear: bool = False) -> int:
        """Replace a label's attribute definitions: add a category, drop one, reword
        one.  Values spans carry stay where the new definitions still allow them.  A
        value they no longer allow moves to another choice by ``rename``
        (``{"category": {"宣讲": "思想引领/宣讲"}}``), or with ``clear=True`` is taken
        off the span; otherwise the change is refused with :class:`AttributeInUse`
        and nothing changes.  Returns how many spans changed."""
        old = self.label(name)
        try:
            check_attribute_definitions(name, definitions)
        except InvalidEdit as exc:
            raise InvalidEdit(f"{self.path}: {exc}") from None
        rename = rename or {}
        for attribute, moves in rename.items():
            for target in moves.values():
                if attribute not in definitions or target not in definitions[attribute]["choices"]:
                    raise InvalidEdit(f"{self.path}: cannot move {attribute} values to {target!r}: "
                                      "not a choice of the new definitions")
        changed: list[tuple[str, str, int]] = []
        stamp = now()
        left = 0
        for span_id, attributes in self._orphaned_spans(name, old.attributes, definitions):
            values = dict(attributes)
            for key, value in _orphans(old.attributes, definitions, attributes).items():
                target = rename.get(key, {}).get(value)
                if target is not None:
                    values[key] = target
                elif clear:
                    del values[key]
                else:
                    left += 1
                    break
            changed.append((_dumps(values), stamp, span_id))
        if left:
            raise AttributeInUse(f"{self.path}: {left} spans of {name} carry attribute values the new definitions "
                                 "drop; say which choice they move to, or clear them", left)
        details = {"name": name, "attributes": definitions, "rename": rename, "clear": clear, "spans": len(changed)}
        with self._write("label_attributes", None, details) as c:
            c.execute("UPDATE labels SET attributes = ? WHERE name = ?", (_dumps(definitions), name))
            c.executemany("UPDATE spans SET attributes = ?, updated_at = ? WHERE id = ?", changed)
        return len(changed)

    def add_attribute_choice(self, name: str, attribute: str, choice: str) -> None:
        """Add a choice (a category) at the end of an attribute's list."""
        definitions = json.loads(json.dumps(self.label(name).attributes))
        if attribute not in definitions:
            raise InvalidEdit(f"{self.path}: label {name} has no attribute {attribute!r}")
        definitions[attribute]["choices"].append(choice)
        self.set_label_attributes(name, definitions)

    def _orphaned_spans(self, name: str, old: dict[str, Any], new: dict[str, Any]) -> list[tuple[int, dict]]:
        """Spans of label ``name`` with a value ``old`` allowed and ``new`` does not."""
        if all(k in new and set(d.get("choices", ())) <= set(new[k]["choices"]) for k, d in old.items()):
            return []
        rows = self.conn.execute("SELECT id, attributes FROM spans WHERE label = ? AND attributes != '{}'", (name,))
        out = []
        for span_id, text in rows:
            attributes = json.loads(text)
            if _orphans(old, new, attributes):
                out.append((span_id, attributes))
        return out

    def remove_label(self, name: str, *, delete_spans: bool = False, relabel_to: str | None = None) -> int:
        """Remove a label.  If spans carry it, the caller must say what happens to them:
        ``delete_spans=True`` or ``relabel_to=OTHER``; otherwise :class:`LabelInUse`.
        Returns how many spans were deleted or relabelled."""
        self.label(name)
        count = self._one("SELECT count(*) FROM spans WHERE label = ?", name)
        if count and not delete_spans and relabel_to is None:
            raise LabelInUse(f"{self.path}: label {name} is on {count} spans; delete them or move them "
                             "to another label", count)
        if relabel_to is not None:
            if relabel_to == name:
                raise InvalidEdit(f"{self.path}: cannot move the spans of {name} to itself")
            self.label(relabel_to)
        with self._write("label_remove", None, {"name": name, "spans": count, "relabel_to": relabel_to}) as c:
            if relabel_to is not None:
                c.execute("UPDATE spans SET label = ?, updated_at = ? WHERE label = ?", (relabel_to, now(), name))
            else:
                c.execute("DELETE FROM spans WHERE label = ?", (name,))
            c.execute("DELETE FROM labels WHERE name = ?", (name,))
        return count

    def _check_label(self, label: Label, replacing: str | None) -> None:
        try:
            check_attribute_definitions(label.name, label.attributes)
        except InvalidEdit as exc:
            raise InvalidEdit(f"{self.path}: {exc}") from None
        if not label.name or not label.name.replace("_", "").replace("-", "").isalnum():
            raise InvalidEdit(f"{self.path}: a label name needs letters or digits, not {label.name!r}")
        if label.kind not in KINDS:
            raise InvalidEdit(f"{self.path}: label kind must be one of {', '.join(KINDS)}, not {label.kind!r}")
        for other in self.labels():
            if other.name == replacing:
                continue
            if other.name == label.name:
                raise InvalidEdit(f"{self.path}: there is already a label {label.name}")
            if label.hotkey and other.hotkey == label.hotkey:
                raise InvalidEdit(f"{self.path}: hotkey {label.hotkey} already belongs to {other.name}")

    # spans --------------------------------------------------------------------------
    def spans(self, document_id: int) -> list[Span]:
        return [_span(row) for row in self.conn.execute(
            f"SELECT {_SPAN_COLUMNS} FROM spans WHERE document_id = ? ORDER BY start, end, id", (document_id,))]

    def spans_between(self, document_id: int, start: int, end: int) -> list[Span]:
        """The spans overlapping ``[start, end)``, in the same order: enough to paint
        one screen before the rest of a long document's spans are read."""
        return [_span(row) for row in self.conn.execute(
            f"SELECT {_SPAN_COLUMNS} FROM spans WHERE document_id = ? AND start < ? AND end > ? "
            "ORDER BY start, end, id", (document_id, end, start))]

    def span(self, span_id: int) -> Span:
        span = self.find_span(span_id)
        if span is None:
            raise InvalidEdit(f"{self.path}: no span {span_id}")
        return span

    def find_span(self, span_id: int) -> Span | None:
        row = self.conn.execute(f"SELECT {_SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,)).fetchone()
        return None if row is None else _span(row)

    def add_span(self, document_id: int, start: int, end: int, label: str, *, origin: str = "manual",
                 attributes: dict[str, Any] | None = None, suggester: str | None = None,
                 span_id: int | None = None, program_id: int | None = None) -> Span:
        """Tag ``text[start:end]`` (code points of the normalized text).  ``span_id``
        (and ``program_id``, its catalog link) restore a deleted span under its old id (undo)."""
        if origin not in ORIGINS:
            raise InvalidEdit(f"{self.path}: unknown origin {origin!r}")
        self.label(label)
        text = self._span_text(document_id, start, end)
        with self._write("span_add", document_id, {"start": start, "end": end, "label": label}) as c:
            new_id = self._insert_span(c, span_id, document_id, start, end, label, text, attributes, origin,
                                       suggester, now(), program_id=program_id)
        return self.span(new_id)

    def _insert_span(self, c: sqlite3.Connection, span_id: int | None, document_id: int, start: int, end: int,
                     label: str, text: str, attributes: dict[str, Any] | None, origin: str,
                     suggester: str | None, stamp: str, annotator: str | None = None,
                     program_id: int | None = None) -> int:
        cur = c.execute(
            "INSERT INTO spans(id, document_id, start, end, label, text, attributes, annotator, origin, "
            "suggester, created_at, updated_at, program_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (span_id, document_id, start, end, label, text, _dumps(attributes or {}), annotator or self.annotator,
             origin, suggester, stamp, stamp, program_id),
        )
        return cur.lastrowid

    def update_span(self, span_id: int, *, label: str | None = None,
                    attributes: dict[str, Any] | None = None) -> Span:
        """Relabel a span or replace its attributes as given (unchecked: undo puts
        back what was there; :meth:`set_span_attributes` checks).  A span relabelled
        to a label that is not a program's loses its catalog link, and its typed
        links that the new label does not fit (:meth:`links_broken_by`) go."""
        old = self.span(span_id)
        program_id = old.program_id
        broken = []
        if label is not None and self.label(label).kind != "program":
            program_id = None
        if label is not None and label != old.label:
            broken = [r.id for r in self.links_broken_by(span_id, label)]
        details = {"span": span_id, "label": label, **({"links_removed": broken} if broken else {})}
        with self._write("span_update", old.document_id, details) as c:
            c.execute(
                "UPDATE spans SET label = ?, attributes = ?, program_id = ?, updated_at = ? WHERE id = ?",
                (label or old.label, _dumps(old.attributes if attributes is None else attributes), program_id,
                 now(), span_id),
            )
            c.executemany("DELETE FROM relations WHERE id = ?", [(rid,) for rid in broken])
        return self.span(span_id)

    def links_broken_by(self, span_id: int, label: str) -> list[Relation]:
        """The span's typed links (of a type in ``link_types``) that no link type
        allows once the span is labelled ``label``.  Other relations stay."""
        types = self.link_types()
        kinds = {lt.type for lt in types}
        allowed = {(lt.type, lt.head, lt.tail) for lt in types}
        out = []
        for r in self.relations_of(span_id):
            if r.type not in kinds:
                continue
            head = label if r.head == span_id else self.span(r.head).label
            tail = label if r.tail == span_id else self.span(r.tail).label
            if (r.type, head, tail) not in allowed:
                out.append(r)
        return out

    def set_span_attributes(self, span_id: int, attributes: dict[str, str | None]) -> Span:
        """Set attributes of a span, checked against its label's definitions: each
        value must be one of the attribute's choices; ``None`` clears it.  Attributes
        not named are kept."""
        span = self.span(span_id)
        definitions = self.label(span.label).attributes
        values = dict(span.attributes)
        for name, value in attributes.items():
            d = definitions.get(name)
            if d is None:
                known = ", ".join(definitions) or "none"
                raise InvalidEdit(f"{self.path}: label {span.label} has no attribute {name!r} (it has: {known})")
            if value is None:
                values.pop(name, None)
            elif value not in d["choices"]:
                raise InvalidEdit(f"{self.path}: {value!r} is not a {name} of {span.label} "
                                  f"(one of {', '.join(d['choices'])})")
            else:
                values[name] = value
        with self._write("span_attributes", span.document_id, {"span": span_id, "attributes": attributes}) as c:
            c.execute("UPDATE spans SET attributes = ?, updated_at = ? WHERE id = ?", (_dumps(values), now(), span_id))
        return self.span(span_id)

    def delete_span(self, span_id: int) -> Span:
        old = self.span(span_id)
        with self._write("span_delete", old.document_id, {"span": span_id, "label": old.label,
                                                          "start": old.start, "end": old.end}) as c:
            c.execute("DELETE FROM spans WHERE id = ?", (span_id,))
        return old

    def _span_text(self, document_id: int, start: int, end: int) -> str:
        text = self.text(document_id)
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise InvalidEdit(f"{self.path}: span {start}:{end} is outside document {document_id} "
                              f"({len(text)} characters)")
        return text[start:end]

    def _text_length(self, document_id: int) -> int:
        length = self.conn.execute("SELECT length(text) FROM documents WHERE id = ?", (document_id,)).fetchone()
        if length is None:
            raise InvalidEdit(f"{self.path}: no document {document_id}")
        return length[0]

    # suggestions ----------------------------------------------------------------------
    def accept_suggestion(self, document_id: int, start: int, end: int, label: str, suggester: str, *,
                          attributes: dict[str, Any] | None = None, span_id: int | None = None) -> Span:
        """Store an accepted suggestion as a span with origin ``suggested`` and the
        suggester's name; a rejection of the same suggestion is forgotten."""
        self.label(label)
        text = self._span_text(document_id, start, end)
        details = {"start": start, "end": end, "label": label, "suggester": suggester}
        with self._write("suggestion_accept", document_id, details) as c:
            new_id = self._insert_span(c, span_id, document_id, start, end, label, text, attributes, "suggested",
                                       suggester, now())
            c.execute("DELETE FROM rejections WHERE document_id = ? AND start = ? AND end = ? AND label = ?",
                      (document_id, start, end, label))
        return self.span(new_id)

    def add_suggested_spans(self, document_id: int, suggestions: Sequence[tuple[int, int, str, str]]) -> int:
        """Store ``(start, end, label, suggester)`` suggestions as spans with origin
        ``suggested``, in one transaction (a batch pre-annotation: no person accepted
        them, so their annotator is :data:`BATCH_ANNOTATOR` and they teach the learned
        lexicon nothing).  One that is already a span with that label, or was rejected
        here, is skipped, so running a batch twice adds nothing.  Returns how many
        were added."""
        length = self._text_length(document_id)
        labels = {label.name for label in self.labels()}
        for start, end, label, _ in suggestions:
            if label not in labels:
                raise InvalidEdit(f"{self.path}: no label {label!r}")
            if not 0 <= start < end <= length:
                raise InvalidEdit(f"{self.path}: span {start}:{end} is outside document {document_id} "
                                  f"({length} characters)")
        details: dict[str, Any] = {}
        with self._write("suggestions_apply", document_id, details) as c:
            text = c.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()[0]
            have = {tuple(row) for row in c.execute(
                "SELECT start, end, label FROM spans WHERE document_id = ? UNION "
                "SELECT start, end, label FROM rejections WHERE document_id = ?", (document_id, document_id))}
            stamp = now()
            added = 0
            for start, end, label, suggester in suggestions:
                if (start, end, label) in have:
                    continue
                have.add((start, end, label))
                self._insert_span(c, None, document_id, start, end, label, text[start:end], None, "suggested",
                                  suggester, stamp, BATCH_ANNOTATOR)
                added += 1
            details["spans"] = added
        return added

    def reject_suggestion(self, document_id: int, start: int, end: int, label: str,
                          suggester: str | None = None) -> Rejection:
        """Remember that a suggestion was turned down in this document (again is a no-op)."""
        self.label(label)
        text = self._span_text(document_id, start, end)
        details = {"start": start, "end": end, "label": label, "suggester": suggester}
        with self._write("suggestion_reject", document_id, details) as c:
            c.execute(
                "INSERT INTO rejections(document_id, start, end, label, text, suggester, annotator, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (document_id, start, end, label, text, suggester, self.annotator, now()))
        return next(r for r in self.rejections(document_id) if (r.start, r.end, r.label) == (start, end, label))

    def clear_rejection(self, document_id: int, start: int, end: int, label: str) -> None:
        """Forget a rejection (undo): the suggestion may come back."""
        with self._write("rejection_clear", document_id, {"start": start, "end": end, "label": label}) as c:
            c.execute("DELETE FROM rejections WHERE document_id = ? AND start = ? AND end = ? AND label = ?",
                      (document_id, start, end, label))

    def rejections(self, document_id: int) -> list[Rejection]:
        return [Rejection(*row) for row in self.conn.execute(
            "SELECT document_id, start, end, label, text, suggester, annotator, created_at FROM rejections "
            "WHERE document_id = ? ORDER BY start, end, label", (document_id,))]

    def learned_entries(self) -> list[tuple[str, str, int]]:
        """``(text, label, count)`` of every span an annotator made or accepted (origin
        ``manual``, or ``suggested`` and not from a batch), most frequent first: the
        learned lexicon."""
        return [tuple(row) for row in self.conn.execute(
            "SELECT text, label, count(*) AS n FROM spans "
            "WHERE origin = 'manual' OR (origin = 'suggested' AND annotator != ?) "
            "GROUP BY text, label ORDER BY n DESC, text, label", (BATCH_ANNOTATOR,))]

    # batches from the window: one transaction for many spans -----------------------------
    def add_spans(self, items: Sequence[tuple[int, int, int, str]], *,
                  span_ids: Sequence[int] | None = None) -> list[Span]:
        """Tag ``(document_id, start, end, label)`` ranges, in any documents, in one
        transaction (tag all occurrences): all are stored or none.  ``span_ids``
        restores them under their old ids (redo)."""
        return self._add_batch("spans_add", None, [(d, s, e, label, None) for d, s, e, label in items],
                               "manual", span_ids)

    def accept_suggestions(self, document_id: int, items: Sequence[tuple[int, int, str, str]], *,
                           span_ids: Sequence[int] | None = None) -> list[Span]:
        """Accept ``(start, end, label, suggester)`` suggestions in one transaction, as
        :meth:`accept_suggestion` does one: spans with origin ``suggested``, their
        rejections forgotten."""
        return self._add_batch("suggestions_accept", document_id,
                               [(document_id, s, e, label, who) for s, e, label, who in items], "suggested",
                               span_ids, forget_rejections=True)

    def _add_batch(self, action: str, document_id: int | None, items: Sequence[tuple[int, int, int, str, str | None]],
                   origin: str, span_ids: Sequence[int] | None, forget_rejections: bool = False) -> list[Span]:
        if span_ids is not None and len(span_ids) != len(items):
            raise InvalidEdit(f"{self.path}: {len(span_ids)} ids for {len(items)} spans")
        labels = {label.name for label in self.labels()}
        texts = {d: self.text(d) for d in {item[0] for item in items}}
        for d, start, end, label, _ in items:
            if label not in labels:
                raise InvalidEdit(f"{self.path}: no label {label!r}")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(texts[d])):
                raise InvalidEdit(f"{self.path}: span {start}:{end} is outside document {d} "
                                  f"({len(texts[d])} characters)")
        stamp, out = now(), []
        details: dict[str, Any] = {"spans": len(items), "documents": sorted(texts)}
        with self._write(action, document_id, details) as c:
            for i, (d, start, end, label, suggester) in enumerate(items):
                text = texts[d][start:end]
                new_id = self._insert_span(c, None if span_ids is None else span_ids[i], d, start, end, label,
                                           text, None, origin, suggester, stamp)
                out.append(Span(new_id, d, start, end, label, text, {}, self.annotator, origin, suggester,
                                stamp, stamp))
            if forget_rejections:
                c.executemany("DELETE FROM rejections WHERE document_id = ? AND start = ? AND end = ? AND label = ?",
                              [(d, start, end, label) for d, start, end, label, _ in items])
        return out

    def delete_spans(self, span_ids: Sequence[int]) -> list[Span]:
        """Delete spans in one transaction (undo of a batch); returns them as they were."""
        old = [self.span(i) for i in span_ids]
        with self._write("spans_delete", None, {"spans": list(span_ids)}) as c:
            c.executemany("DELETE FROM spans WHERE id = ?", [(i,) for i in span_ids])
        return old

    def reject_suggestions(self, document_id: int, items: Sequence[tuple[int, int, str, str | None]]) -> None:
        """Remember ``(start, end, label, suggester)`` suggestions as turned down, in one
        transaction (those already rejected stay as they were)."""
        labels = {label.name for label in self.labels()}
        text = self.text(document_id)
        for start, end, label, _ in items:
            if label not in labels:
                raise InvalidEdit(f"{self.path}: no label {label!r}")
            if not 0 <= start < end <= len(text):
                raise InvalidEdit(f"{self.path}: span {start}:{end} is outside document {document_id} "
                                  f"({len(text)} characters)")
        stamp = now()
        with self._write("suggestions_reject", document_id, {"rejections": len(items)}) as c:
            c.executemany(
                "INSERT INTO rejections(document_id, start, end, label, text, suggester, annotator, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(document_id, s, e, label, text[s:e], who, self.annotator, stamp) for s, e, label, who in items])

    def clear_rejections(self, document_id: int, keys: Sequence[tuple[int, int, str]]) -> None:
        """Forget ``(start, end, label)`` rejections in one transaction (undo)."""
        with self._write("rejections_clear", document_id, {"rejections": len(keys)}) as c:
            c.executemany("DELETE FROM rejections WHERE document_id = ? AND start = ? AND end = ? AND label = ?",
                          [(document_id, s, e, label) for s, e, label in keys])

    def restore_rejections(self, rejections: Sequence[Rejection]) -> None:
        """Put back rejections exactly as they were (undo of an accept that forgot them)."""
        with self._write("rejections_restore", None, {"rejections": len(rejections)}) as c:
            c.executemany(
                "INSERT INTO rejections(document_id, start, end, label, text, suggester, annotator, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(r.document_id, r.start, r.end, r.label, r.text, r.suggester, r.annotator, r.created_at)
                 for r in rejections])

    # relations ------------------------------------------------------------------------
    def relations(self, document_id: int) -> list[Relation]:
        return [Relation(*row) for row in self.conn.execute(
            "SELECT id, document_id, head, tail, type, annotator, created_at FROM relations "
            "WHERE document_id = ? ORDER BY id", (document_id,))]

    def relations_of(self, span_id: int) -> list[Relation]:
        """The relations a span takes part in (they go when it goes)."""
        return [Relation(*row) for row in self.conn.execute(
            "SELECT id, document_id, head, tail, type, annotator, created_at FROM relations "
            "WHERE head = ? OR tail = ? ORDER BY id", (span_id, span_id))]

    def add_relation(self, head: int, tail: int, type: str, *, relation_id: int | None = None) -> Relation:
        """Link two spans of a document.  ``relation_id`` restores a deleted relation (undo)."""
        h, t = self.span(head), self.span(tail)
        if h.document_id != t.document_id:
            raise InvalidEdit(f"{self.path}: spans {head} and {tail} are in different documents")
        if not type:
            raise InvalidEdit(f"{self.path}: a relation needs a type")
        return self._insert_relation(h.document_id, head, tail, type, relation_id)

    def _insert_relation(self, document_id: int, head: int, tail: int, type: str,
                         relation_id: int | None) -> Relation:
        with self._write("relation_add", document_id, {"head": head, "tail": tail, "type": type}) as c:
            rid = c.execute(
                "INSERT INTO relations(id, document_id, head, tail, type, annotator, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (relation_id, document_id, head, tail, type, self.annotator, now())).lastrowid
        return self.relation(rid)

    def relation(self, relation_id: int) -> Relation:
        row = self.conn.execute("SELECT id, document_id, head, tail, type, annotator, created_at FROM relations "
                                "WHERE id = ?", (relation_id,)).fetchone()
        if row is None:
            raise InvalidEdit(f"{self.path}: no relation {relation_id}")
        return Relation(*row)

    # typed links ------------------------------------------------------------------------
    def link_types(self) -> list[LinkType]:
        return [LinkType(*row) for row in self.conn.execute(
            "SELECT type, head, tail FROM link_types ORDER BY type, head, tail")]

    def link_types_between(self, head: int, tail: int) -> list[str]:
        """The link types that may go from span ``head`` to span ``tail`` (by their
        labels), so a gesture from a program to an organisation needs no menu."""
        h, t = self.span(head), self.span(tail)
        if h.document_id != t.document_id:
            return []
        return [row[0] for row in self.conn.execute(
            "SELECT type FROM link_types WHERE head = ? AND tail = ? ORDER BY type", (h.label, t.label))]

    def add_link(self, head: int, tail: int, type: str, *, relation_id: int | None = None) -> Relation:
        """A typed link (``link_types``): the head and tail spans' labels must fit the
        type, both spans in one document, and the same link not made twice.
        ``relation_id`` restores a deleted link (undo)."""
        h, t = self.span(head), self.span(tail)
        if h.document_id != t.document_id:
            raise InvalidEdit(f"{self.path}: spans {head} and {tail} are in different documents")
        fits = [lt for lt in self.link_types() if lt.type == type]
        if not fits:
            known = ", ".join(sorted({lt.type for lt in self.link_types()})) or "none"
            raise InvalidEdit(f"{self.path}: no link type {type!r} (one of {known})")
        if not any(lt.head == h.label and lt.tail == t.label for lt in fits):
            allowed = "; ".join(f"{lt.head} → {lt.tail}" for lt in fits)
            raise InvalidEdit(f"{self.path}: a {type} link goes {allowed}, not {h.label} → {t.label}")
        if self.conn.execute("SELECT 1 FROM relations WHERE head = ? AND type = ? AND tail = ?",
                             (head, type, tail)).fetchone():
            raise InvalidEdit(f"{self.path}: span {head} already has that {type} link to span {tail}")
        return self._insert_relation(h.document_id, head, tail, type, relation_id)

    def delete_relation(self, relation_id: int) -> None:
        row = self.conn.execute("SELECT document_id FROM relations WHERE id = ?", (relation_id,)).fetchone()
        if row is None:
            raise InvalidEdit(f"{self.path}: no relation {relation_id}")
        with self._write("relation_delete", row[0], {"relation": relation_id}) as c:
            c.execute("DELETE FROM relations WHERE id = ?", (relation_id,))

    def add_link_type(self, type: str, head: str, tail: str) -> None:
        """Allow links of ``type`` from spans labelled ``head`` to spans labelled ``tail``."""
        self.label(head), self.label(tail)
        if not type or not type.strip():
            raise InvalidEdit(f"{self.path}: a link type needs a name")
        with self._write("link_type_add", None, {"type": type, "head": head, "tail": tail}) as c:
            c.execute("INSERT OR IGNORE INTO link_types(type, head, tail) VALUES (?, ?, ?)", (type, head, tail))

    def remove_link_type(self, type: str, head: str, tail: str) -> None:
        """Stop offering a link type between two labels; links already made stay."""
        with self._write("link_type_remove", None, {"type": type, "head": head, "tail": tail}) as c:
            c.execute("DELETE FROM link_types WHERE type = ? AND head = ? AND tail = ?", (type, head, tail))

    # the program catalog ------------------------------------------------------------------
    def programs(self) -> list[Program]:
        """The whole catalog with its aliases: what a proposal compares a name with."""
        aliases: dict[int, list[str]] = {}
        for alias, program_id in self.conn.execute("SELECT alias, program_id FROM program_aliases ORDER BY alias"):
            aliases.setdefault(program_id, []).append(alias)
        return [Program(pid, name, parent, tuple(aliases.get(pid, ())))
                for pid, name, parent in self.conn.execute("SELECT id, name, parent_id FROM programs ORDER BY id")]

    def find_program(self, program_id: int) -> Program | None:
        row = self.conn.execute("SELECT id, name, parent_id FROM programs WHERE id = ?", (program_id,)).fetchone()
        if row is None:
            return None
        aliases = tuple(r[0] for r in self.conn.execute(
            "SELECT alias FROM program_aliases WHERE program_id = ? ORDER BY alias", (program_id,)))
        return Program(*row, aliases)

    def program(self, program_id: int) -> Program:
        found = self.find_program(program_id)
        if found is None:
            raise InvalidEdit(f"{self.path}: no program {program_id} in the catalog")
        return found

    def program_named(self, name: str) -> Program | None:
        """The program with this name or alias, if any."""
        program_id = _program_named(self.conn, name)
        return None if program_id is None else self.program(program_id)

    def create_program(self, name: str, *, parent_id: int | None = None, aliases: Sequence[str] = (),
                       program_id: int | None = None) -> Program:
        """Add a canonical program.  ``program_id`` restores a deleted one (undo)."""
        name = self._free_program_name(name, None)
        aliases = [self._free_program_name(a, None) for a in aliases]
        if len({name, *aliases}) != 1 + len(aliases):
            raise InvalidEdit(f"{self.path}: a program's name and aliases must differ")
        if parent_id is not None:
            self.program(parent_id)
        stamp = now()
        details: dict[str, Any] = {"name": name, "parent": parent_id}
        with self._write("program_add", None, details) as c:
            new_id = c.execute("INSERT INTO programs(id, name, parent_id, annotator, created_at, updated_at) "
                               "VALUES (?, ?, ?, ?, ?, ?)",
                               (program_id, name, parent_id, self.annotator, stamp, stamp)).lastrowid
            c.executemany("INSERT INTO program_aliases(alias, program_id) VALUES (?, ?)",
                          [(a, new_id) for a in aliases])
            details["program"] = new_id
        return self.program(new_id)

    def rename_program(self, program_id: int, name: str, *, keep_alias: bool = True) -> Program:
        """Rename a program; its old name stays an alias unless ``keep_alias=False``.
        Renaming to one of its own aliases swaps the two."""
        old = self.program(program_id)
        name = name.strip()
        if name == old.name:
            return old
        if name not in old.aliases:
            name = self._free_program_name(name, None)
        with self._write("program_rename", None, {"program": program_id, "name": name, "old": old.name}) as c:
            c.execute("DELETE FROM program_aliases WHERE alias = ?", (name,))
            c.execute("UPDATE programs SET name = ?, updated_at = ? WHERE id = ?", (name, now(), program_id))
            if keep_alias:
                c.execute("INSERT INTO program_aliases(alias, program_id) VALUES (?, ?)", (old.name, program_id))
        return self.program(program_id)

    def set_program_parent(self, program_id: int, parent_id: int | None) -> Program:
        """Make a program a variant of another (``None``: a program of its own)."""
        self.program(program_id)
        if parent_id is not None:
            self.program(parent_id)
            if parent_id in self._program_tree(program_id):
                raise InvalidEdit(f"{self.path}: program {parent_id} is {program_id} or one of its variants; "
                                  "a program cannot be its own parent")
        with self._write("program_parent", None, {"program": program_id, "parent": parent_id}) as c:
            c.execute("UPDATE programs SET parent_id = ?, updated_at = ? WHERE id = ?", (parent_id, now(), program_id))
        return self.program(program_id)

    def add_program_alias(self, program_id: int, alias: str) -> Program:
        self.program(program_id)
        alias = self._free_program_name(alias, None)
        with self._write("program_alias_add", None, {"program": program_id, "alias": alias}) as c:
            c.execute("INSERT INTO program_aliases(alias, program_id) VALUES (?, ?)", (alias, program_id))
        return self.program(program_id)

    def remove_program_alias(self, program_id: int, alias: str) -> Program:
        if alias not in self.program(program_id).aliases:
            raise InvalidEdit(f"{self.path}: {alias!r} is not an alias of program {program_id}")
        with self._write("program_alias_remove", None, {"program": program_id, "alias": alias}) as c:
            c.execute("DELETE FROM program_aliases WHERE alias = ? AND program_id = ?", (alias, program_id))
        return self.program(program_id)

    def merge_programs(self, source_id: int, into_id: int) -> int:
        """Fold program ``source_id`` into ``into_id``: its spans, variants and
        aliases move over, its name becomes an alias, and it is deleted.  Returns how
        many spans moved."""
        source, into = self.program(source_id), self.program(into_id)
        if source_id == into_id:
            raise InvalidEdit(f"{self.path}: cannot merge program {source_id} into itself")
        if into_id in self._program_tree(source_id):
            raise InvalidEdit(f"{self.path}: {into.name} is a variant of {source.name}; merge it into its parent, "
                              "not the other way")
        details: dict[str, Any] = {"program": source_id, "into": into_id, "name": source.name}
        with self._write("program_merge", None, details) as c:
            stamp = now()
            moved = c.execute("UPDATE spans SET program_id = ?, updated_at = ? WHERE program_id = ?",
                              (into_id, stamp, source_id)).rowcount
            c.execute("UPDATE programs SET parent_id = ?, updated_at = ? WHERE parent_id = ?",
                      (into_id, stamp, source_id))
            c.execute("UPDATE program_aliases SET program_id = ? WHERE program_id = ?", (into_id, source_id))
            c.execute("DELETE FROM programs WHERE id = ?", (source_id,))
            c.execute("INSERT INTO program_aliases(alias, program_id) VALUES (?, ?)", (source.name, into_id))
            details["spans"] = moved
        return moved

    def delete_program(self, program_id: int, *, unlink_spans: bool = False) -> int:
        """Delete a program; its variants move up to its parent.  While spans link to
        it the caller must say ``unlink_spans=True`` (or merge it instead); otherwise
        :class:`ProgramInUse`.  Returns how many spans were unlinked."""
        program = self.program(program_id)
        count = self._one("SELECT count(*) FROM spans WHERE program_id = ?", program_id)
        if count and not unlink_spans:
            raise ProgramInUse(f"{self.path}: {count} spans link to program {program.name}; unlink them or merge "
                               "the program into another", count)
        with self._write("program_delete", None, {"program": program_id, "name": program.name, "spans": count}) as c:
            stamp = now()
            c.execute("UPDATE spans SET program_id = NULL, updated_at = ? WHERE program_id = ?", (stamp, program_id))
            c.execute("UPDATE programs SET parent_id = ?, updated_at = ? WHERE parent_id = ?",
                      (program.parent_id, stamp, program_id))
            c.execute("DELETE FROM programs WHERE id = ?", (program_id,))
        return count

    def link_span(self, span_id: int, program_id: int | None) -> Span:
        """Link a program span to its canonical program (``None`` unlinks it)."""
        span = self.span(span_id)
        if program_id is not None:
            self.program(program_id)
            if self.label(span.label).kind != "program":
                raise InvalidEdit(f"{self.path}: span {span_id} is a {span.label}, not a program; only program "
                                  "spans link to the catalog")
        with self._write("span_program", span.document_id, {"span": span_id, "program": program_id}) as c:
            c.execute("UPDATE spans SET program_id = ?, updated_at = ? WHERE id = ?", (program_id, now(), span_id))
        return self.span(span_id)

    def _free_program_name(self, name: str, own_id: int | None) -> str:
        name = name.strip() if isinstance(name, str) else ""
        if not name:
            raise InvalidEdit(f"{self.path}: a program needs a name")
        taken = self.program_named(name)
        if taken is not None and taken.id != own_id:
            raise InvalidEdit(f"{self.path}: {name!r} already names program {taken.id} ({taken.name})")
        return name

    def _program_tree(self, program_id: int) -> set[int]:
        """A program and all its variants, down the tree."""
        return {row[0] for row in self.conn.execute(
            "WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT p.id FROM programs p JOIN tree ON p.parent_id = tree.id) "
            "SELECT id FROM tree", (program_id,))}

    # the catalog view ---------------------------------------------------------------------
    _PROGRAM_ORDER = {"occurrences": "n DESC, p.name", "name": "p.name"}

    def program_rows(self, offset: int = 0, limit: int = 50, *, search: str | None = None,
                     top_level: bool = False, parent_id: int | None = None,
                     order_by: str = "occurrences", sample: int = 100) -> list[CatalogRow]:
        """A page of the catalog: every program (``top_level``: those with no parent,
        for a tree; ``parent_id``: that program's variants), most annotated first,
        each with its counts, and the organizers, places and dates its links name
        (links of types ``organizer``, ``place`` and ``date``) and the dates of its
        documents, read from its latest ``sample`` occurrences (``row.sampled``)."""
        if order_by not in self._PROGRAM_ORDER:
            raise InvalidEdit(f"{self.path}: cannot sort the catalog by {order_by!r}")
        where, params = self._program_filter(search, top_level, parent_id)
        page = self.conn.execute(
            "SELECT p.id, p.name, p.parent_id, q.name, "
            "(SELECT count(*) FROM spans s WHERE s.program_id = p.id) AS n "
            f"FROM programs p LEFT JOIN programs q ON q.id = p.parent_id {where} "
            f"ORDER BY {self._PROGRAM_ORDER[order_by]} LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
        if not page:
            return []
        ids = [row[0] for row in page]
        marks = ", ".join("?" * len(ids))
        aliases: dict[int, list[str]] = {}
        for pid, alias in self.conn.execute(
                f"SELECT program_id, alias FROM program_aliases WHERE program_id IN ({marks}) ORDER BY alias", ids):
            aliases.setdefault(pid, []).append(alias)
        children = dict(self.conn.execute(
            f"SELECT parent_id, count(*) FROM programs WHERE parent_id IN ({marks}) GROUP BY parent_id", ids))
        totals = dict(self.conn.execute(
            "WITH RECURSIVE tree(root, id) AS ("
            f"SELECT id, id FROM programs WHERE id IN ({marks}) "
            "UNION SELECT tree.root, p.id FROM programs p JOIN tree ON p.parent_id = tree.id) "
            "SELECT root, sum((SELECT count(*) FROM spans s WHERE s.program_id = tree.id)) FROM tree GROUP BY root",
            ids))
        documents = dict(self.conn.execute(  # the covering index alone: no document is read
            f"SELECT program_id, count(DISTINCT document_id) FROM spans WHERE program_id IN ({marks}) "
            "GROUP BY program_id", ids))
        # links and dates: of each program's latest `sample` occurrences (by document), so
        # that a page costs the same however often its programs occur
        latest = " UNION ALL ".join(
            ["SELECT * FROM (SELECT id, program_id, document_id FROM spans WHERE program_id = ? "
             "ORDER BY document_id DESC, start DESC LIMIT ?)"] * len(ids))
        sample_params = [v for pid in ids for v in (pid, sample)]
        dates = {pid: (first, last) for pid, first, last in self.conn.execute(
            f"WITH sample(id, program_id, document_id) AS ({latest}) "
            "SELECT s.program_id, min(d.date), max(d.date) FROM sample s "
            "JOIN documents d INDEXED BY documents_date ON d.id = s.document_id "
            "GROUP BY s.program_id", sample_params)}
        links: dict[tuple[int, str], list[tuple[str, int]]] = {}
        for pid, kind, text, n in self.conn.execute(
                f"WITH sample(id, program_id, document_id) AS ({latest}) "
                "SELECT s.program_id, r.type, t.text, count(*) AS n FROM sample s "
                "JOIN relations r ON r.head = s.id AND +r.type IN ('organizer', 'place', 'date') "  # by head: one probe
                "JOIN spans t ON t.id = r.tail GROUP BY s.program_id, r.type, t.text ORDER BY n DESC, t.text",
                sample_params):
            found = links.setdefault((pid, kind), [])
            if len(found) < 5:
                found.append((text, n))
        return [CatalogRow(pid, name, parent, parent_name, tuple(aliases.get(pid, ())), children.get(pid, 0), n,
                           totals.get(pid, n), documents.get(pid, 0), tuple(links.get((pid, "organizer"), ())),
                           tuple(links.get((pid, "place"), ())), tuple(links.get((pid, "date"), ())),
                           *dates.get(pid, (None, None)), sampled=min(n, sample))
                for pid, name, parent, parent_name, n in page]

    def program_row_count(self, *, search: str | None = None, top_level: bool = False,
                          parent_id: int | None = None) -> int:
        where, params = self._program_filter(search, top_level, parent_id)
        return self._one(f"SELECT count(*) FROM programs p {where}", *params)

    def _program_filter(self, search: str | None, top_level: bool, parent_id: int | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if top_level:
            clauses.append("p.parent_id IS NULL")
        if parent_id is not None:
            clauses.append("p.parent_id = ?")
            params.append(parent_id)
        if search:
            clauses.append("(instr(p.name, ?) > 0 OR p.id IN "
                           "(SELECT program_id FROM program_aliases WHERE instr(alias, ?) > 0))")
            params += [search, search]
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def occurrences(self, program_id: int, offset: int = 0, limit: int = 100, *, variants: bool = False,
                    context: int = 20) -> list[Occurrence]:
        """The spans linked to a program (``variants``: and to its variants), by
        document and position, each with ``context`` characters either side."""
        ids = sorted(self._program_tree(program_id)) if variants else [program_id]
        marks = ", ".join("?" * len(ids))
        return [Occurrence(*row) for row in self.conn.execute(
            "SELECT s.document_id, s.id, s.start, s.end, s.text, "
            "substr(d.text, max(1, s.start + 1 - ?), min(s.start, ?)), substr(d.text, s.end + 1, ?), d.title "
            f"FROM spans s JOIN documents d ON d.id = s.document_id WHERE s.program_id IN ({marks}) "
            "ORDER BY s.document_id, s.start, s.id LIMIT ? OFFSET ?",
            (context, context, context, *ids, limit, offset))]

    def occurrence_count(self, program_id: int, *, variants: bool = False) -> int:
        ids = sorted(self._program_tree(program_id)) if variants else [program_id]
        return self._one(f"SELECT count(*) FROM spans WHERE program_id IN ({', '.join('?' * len(ids))})", *ids)

    # statistics ---------------------------------------------------------------------------
    def documents_by_status(self) -> dict[str, int]:
        counts = {s: 0 for s in STATUSES}
        counts.update(self.conn.execute("SELECT status, count(*) FROM documents GROUP BY status"))
        return counts

    def spans_by_label(self) -> dict[str, int]:
        """Spans per label, in the schema's order, labels without spans included."""
        counts = dict(self.conn.execute("SELECT label, count(*) FROM spans GROUP BY label"))
        return {label.name: counts.pop(label.name, 0) for label in self.labels()} | counts

    def programs_by_category(self) -> list[tuple[str | None, int, int]]:
        """``(category, spans, canonical programs)`` over the spans of program labels,
        by their ``category`` attribute (``None``: not set yet), largest first.  With
        several program labels, a canonical program is counted once per label."""
        counts: dict[str | None, list[int]] = {}
        for (label,) in self.conn.execute("SELECT name FROM labels WHERE kind = 'program'").fetchall():
            for category, n, programs in self.conn.execute(  # one label at a time: its index is in order
                    "SELECT category, count(*), count(DISTINCT program_id) FROM spans WHERE label = ? "
                    "GROUP BY category", (label,)):
                total = counts.setdefault(category, [0, 0])
                total[0] += n
                total[1] += programs
        return sorted(((c, n, k) for c, (n, k) in counts.items()),
                      key=lambda row: (-row[1], row[0] is None, row[0] or ""))

    def program_place_counts(self) -> list[tuple[int | None, str, int]]:
        """``(program id, place text, spans)``: the place links of program spans,
        by canonical program (``None``: spans not in the catalog yet).  Read from
        the summary the triggers of migration 6 keep, not from the links."""
        return [(program_id or None, place, n) for program_id, place, n in self.conn.execute(
            "SELECT program_id, place, spans FROM program_places WHERE spans > 0")]

    def program_span_counts(self) -> dict[int | None, int]:
        """Spans per canonical program; ``None``: program spans not in the catalog."""
        counts: dict[int | None, int] = dict(self.conn.execute(
            "SELECT program_id, count(*) FROM spans WHERE program_id IS NOT NULL GROUP BY program_id"))
        linked = sum(counts.values())
        counts[None] = self._one("SELECT count(*) FROM spans WHERE label IN "
                                 "(SELECT name FROM labels WHERE kind = 'program')") - linked
        return counts

    def throughput(self, *, since: str | None = None, utc_offset_minutes: int = 0) -> list[tuple[str, str, int]]:
        """``(day, annotator, spans added)``: spans made by hand, suggestions
        accepted (one or a batch) and occurrences tagged, from the change log (a batch
        applied from the command line, which no person looked at, does not count; an
        undone span still counted as work), by the day in the
        time zone ``utc_offset_minutes`` east of UTC.  ``since``: an ISO date or time
        in UTC.  Read from a per-hour summary the log keeps up to date."""
        return [tuple(row) for row in self.conn.execute(
            "SELECT date(hour, ?) AS day, annotator, sum(spans) FROM throughput WHERE hour >= ? "
            "GROUP BY day, annotator ORDER BY day, annotator",
            (f"{int(utc_offset_minutes):+d} minutes", (since or "")[:16]))]

    # export and annotated import -------------------------------------------------------
    def iter_export(self, statuses: Sequence[str] | None = None, page_size: int = 200) -> Iterator[ExportDocument]:
        """Every document (of the given statuses) with its spans, relations and
        regions, in import order.  A page of documents at a time, inside one read
        transaction: memory stays flat however large the project, and the export
        sees one state even while the window keeps saving.  SQLite gathers each
        document's spans into one JSON array, so Python parses once a document
        instead of building a row object a span."""
        where, params = self._status_filter(statuses, "d.status")
        c = self.conn
        c.execute("BEGIN")
        try:
            last = 0
            while True:
                rows = c.execute(_EXPORT_QUERY.format(where=where), (last, *params, page_size)).fetchall()
                if not rows:
                    return
                last = rows[-1][0]
                for row in rows:
                    yield _export_document(row)
        finally:
            if c.in_transaction:
                c.execute("COMMIT")

    def iter_export_json(self, statuses: Sequence[str] | None, labels: Iterable[str] | None,
                         attribute_names: Sequence[str], *, drop_excluded: bool = False, schema_version: int,
                         page_size: int = 500, ranges: Sequence[tuple[int, int]] | None = None
                         ) -> Iterator[list[tuple[int, str, bytes]]]:
        """Pages of ``(id, stored map as bytes, line)``: SQLite writes each
        document's canonical JSONL line itself (``exchange/jsonl.py`` fills it in),
        in the read transaction of :meth:`iter_export`, so :meth:`export_document`
        may be called between pages.

        The line is UTF-8 bytes with markers no JSON text can hold raw (control
        characters are escaped inside strings): ``\\x01`` where a span's ordinal id
        and again where its raw offsets go, and where the annotators go in ``meta``;
        ``\\x02`` around the spans' ``start,end`` pairs and their sorted
        annotators; and ``\\x04`` wherever the line cannot be proved equal
        to ``json.dumps`` of the record (an attribute or meta value that is not a
        string, stored JSON with ``\\u0000`` or an escaped surrogate, a region
        override, excluded text to cut): such a document is exported from
        :meth:`export_document`.  Spans come sorted by start, end and id, not
        label: spans sharing start and end must be re-sorted (the caller sees
        them in the pairs).

        With ``ranges`` (of :meth:`export_ranges`), one page for each range of
        document ids ``(after, upto]``, and only those (an export worker's share)."""
        params: dict[str, Any] = {
            "statuses": None if statuses is None else json.dumps(list(statuses)),
            "labels": None if labels is None else json.dumps(sorted(labels)),
            "names": json.dumps(list(attribute_names)),
            "empty": json.dumps(dict.fromkeys(attribute_names), ensure_ascii=False, separators=(",", ":")),
            "drop": int(drop_excluded), "schema_version": schema_version, "size": page_size, "last": 0,
            "upto": _NO_ID_ABOVE,
            "span": _EXPORT_JSON_SPAN,
        }
        if statuses is not None:
            self._status_filter(statuses)  # unknown statuses raise
        query = _EXPORT_JSON_QUERY.replace("{statuses}", "" if statuses is None else _EXPORT_JSON_STATUSES)
        for alias in ("s", "x", "h", "t"):
            query = query.replace("{labels:%s}" % alias, "" if labels is None else
                                  f"AND {alias}.label IN (SELECT value FROM json_each(:labels))")
        c = self.conn
        c.execute("BEGIN")
        try:
            if ranges is not None:
                params["size"] = -1  # no limit: the range is the page
                for params["last"], params["upto"] in ranges:
                    yield c.execute(query, params).fetchall()
                return
            while True:
                rows = c.execute(query, params).fetchall()
                if not rows:
                    return
                params["last"] = rows[-1][0]
                yield rows
        finally:
            if c.in_transaction:
                c.execute("COMMIT")

    def export_ranges(self, statuses: Sequence[str] | None, page_size: int = 500) -> list[tuple[int, int]]:
        """The documents of these statuses as ranges of ids ``(after, upto]`` of
        ``page_size`` documents each (the last may hold fewer): pages that export
        workers can share out."""
        where, params = self._status_filter(statuses)
        ends = [row[0] for row in self.conn.execute(
            "SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total "
            f"FROM documents WHERE 1 {where}) WHERE n % ? = 0 OR n = total ORDER BY id", [*params, page_size])]
        return list(zip([0, *ends], ends))

    def export_document(self, doc_id: int) -> ExportDocument:
        """One document as :meth:`iter_export` reads it."""
        row = self.conn.execute(_EXPORT_QUERY.format(where=""), (doc_id - 1, 1)).fetchone()
        if row is None or row[0] != doc_id:
            raise InvalidEdit(f"{self.path}: no document {doc_id}")
        return _export_document(row)

    def document_sources(self, statuses: Sequence[str] | None = None) -> Iterator[tuple[int, str]]:
        """(id, source) of every document, for splitting a dataset by source; the
        source is the page's own (``meta.source``), else the file it came from."""
        where, params = self._status_filter(statuses)
        yield from self.conn.execute(f"SELECT id, coalesce(source, source_file) FROM documents WHERE 1 {where} "
                                     "ORDER BY id", params)

    def has_relations(self, statuses: Sequence[str] | None = None) -> bool:
        where, params = self._status_filter(statuses, "d.status")
        return self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM relations r JOIN documents d ON d.id = r.document_id "
            f"WHERE 1 {where})", params).fetchone()[0] == 1

    def attribute_names(self) -> list[str]:
        """Every attribute name a span can carry here: the label schema's, and any
        found on a span.  An export gives every span all of them, so that each line
        has the same shape."""
        names = {name for label in self.labels() for name in label.attributes}
        names.update(row[0] for row in self.conn.execute(
            "SELECT DISTINCT j.key FROM (SELECT DISTINCT attributes FROM spans WHERE attributes != '{}') AS a, "
            "json_each(a.attributes) AS j"))  # most spans share a few sets: each parsed once
        return sorted(names)

    def _status_filter(self, statuses: Sequence[str] | None, column: str = "status") -> tuple[str, list[str]]:
        if statuses is None:
            return "", []
        unknown = [s for s in statuses if s not in STATUSES]
        if unknown:
            raise InvalidEdit(f"{self.path}: unknown status {unknown[0]!r} (one of {', '.join(STATUSES)})")
        return f"AND {column} IN ({', '.join('?' * len(statuses))})", list(statuses)

    def add_annotated(self, docs: Iterable[AnnotatedDocument]) -> list[int | None]:
        """Store annotated documents with their spans (origin ``imported``) and
        relations, all in one transaction: a file of annotations goes in whole or
        not at all.  A document whose raw hash is already there is skipped with its
        spans (``None`` in its place)."""
        ids: list[int | None] = []
        details: dict[str, Any] = {}
        stamp = now()
        with self._write("import_annotated", None, details) as c:
            for item in docs:
                if item.status not in STATUSES:
                    raise InvalidEdit(f"{self.path}: unknown status {item.status!r}")
                e = item.document.encode()
                doc_id = _insert_document(c, e, item.status, stamp)
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

    def _catalog_entry(self, c: sqlite3.Connection, name: str, parent: str | None, stamp: str) -> int:
        """The program named ``name`` (or so aliased), added with ``parent`` (found or
        added the same way) when the catalog has none: an imported catalog reference.
        An existing program keeps its place in the catalog."""
        found = _program_named(c, name)
        if found is not None:
            return found
        parent_id = None if parent is None else self._catalog_entry(c, parent, None, stamp)
        return c.execute("INSERT INTO programs(name, parent_id, annotator, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?, ?)", (name.strip(), parent_id, self.annotator, stamp, stamp)).lastrowid

    # history and statistics ---------------------------------------------------------
    def changes(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT id, at, annotator, action, document_id, details FROM changes ORDER BY id DESC LIMIT ?", (limit,))
        return [{"id": i, "at": at, "annotator": who, "action": action, "document_id": doc,
                 "details": json.loads(details)} for i, at, who, action, doc, details in rows]

    def stats(self) -> dict[str, Any]:
        def counts(sql: str) -> dict[str, int]:
            return {key: n for key, n in self.conn.execute(sql)}

        by_status = {s: 0 for s in STATUSES}
        by_status.update(counts("SELECT status, count(*) FROM documents GROUP BY status"))
        return {
            "project": str(self.path),
            "documents": sum(by_status.values()),
            "documents_by_status": by_status,
            "spans": self._one("SELECT count(*) FROM spans"),
            "spans_by_label": counts("SELECT label, count(*) FROM spans GROUP BY label ORDER BY label"),
            "spans_by_origin": counts("SELECT origin, count(*) FROM spans GROUP BY origin ORDER BY origin"),
            "relations": self._one("SELECT count(*) FROM relations"),
            "annotators": counts(
                "SELECT annotator, count(*) FROM spans GROUP BY annotator ORDER BY count(*) DESC, annotator"),
        }

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    def _one(self, sql: str, *params: Any) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        if row is None:
            raise InvalidEdit(f"{self.path}: nothing found for {params}")
        return row[0]


def _program_named(conn: sqlite3.Connection, name: str) -> int | None:
    """The id of the program with this name or alias, if any."""
    row = conn.execute("SELECT id FROM programs WHERE name = ? UNION ALL "
                       "SELECT program_id FROM program_aliases WHERE alias = ?", (name.strip(), name.strip())).fetchone()
    return None if row is None else row[0]


# span s's program (p) and its parent (q), for the exports
_SPAN_PROGRAM = "FROM programs p LEFT JOIN programs q ON q.id = p.parent_id WHERE p.id = s.program_id"
# a span's catalog entry: [name, parent's name], or NULL
_EXPORT_PROGRAM = f"""CASE WHEN s.program_id IS NULL THEN NULL ELSE
  (SELECT json_array(p.name, q.name) {_SPAN_PROGRAM}) END"""
_EXPORT_QUERY = """
SELECT d.id, d.raw_sha256, d.source_file, length(d.raw_text), d.text, d.map, d.meta, d.normalizer, d.status,
       d.excluded,
       (SELECT json_group_array(json_array(s.start, s.end, s.label, s.id, s.text, json(s.attributes),
                                           s.annotator, s.origin, json(""" + _EXPORT_PROGRAM + """)))
        FROM spans s WHERE s.document_id = d.id),
       (SELECT json_group_array(json_array(r.id, r.head, r.tail, r.type)) FROM relations r WHERE r.document_id = d.id),
       (SELECT json_group_array(json_array(o.start, o.end, o.excluded, o.reason))
        FROM region_overrides o WHERE o.document_id = d.id)
FROM documents d WHERE d.id > ? {where} ORDER BY d.id LIMIT ?
"""
# The canonical JSONL line of each document of a page, written by SQLite: see
# Project.iter_export_json.  json_quote escapes exactly as json.dumps(ensure_ascii=False)
# does (tests/exchange/test_jsonl_sql.py); printf's %s only ever gets json_quote's
# output, which holds no NUL.
_EXPORT_JSON_SPANS = r"""(
  SELECT group_concat(f, ',') || char(2) || group_concat(o, ',') || char(2)
         || CASE WHEN min(annotator) = max(annotator) THEN json_quote(min(annotator)) ELSE
              (SELECT group_concat(json_quote(annotator), ',') FROM
                 (SELECT DISTINCT x.annotator FROM spans x WHERE x.document_id = d.id {labels:x} ORDER BY x.annotator))
            END || char(2)
  FROM (SELECT s.start || ',' || s.end AS o, s.annotator,
               printf(:span, s.start, s.end, json_quote(s.label), json_quote(s.text), json_quote(s.origin),
                      json_quote(s.annotator),
                      CASE WHEN s.attributes = '{}' THEN :empty
                           WHEN s.attributes LIKE '%\u0000%' OR s.attributes LIKE '%\ud%' THEN char(4)
                           ELSE (SELECT '{' || coalesce(group_concat(json_quote(n.value) || ':' ||
                                   CASE WHEN j.type IS NULL OR j.type = 'null' THEN 'null'
                                        WHEN j.type = 'text' THEN json_quote(j.value) ELSE char(4) END, ','), '') || '}'
                                 FROM json_each(:names) n LEFT JOIN json_each(s.attributes) j ON j.key = n.value) END,
                      CASE WHEN s.program_id IS NULL THEN 'null' ELSE
                        (SELECT printf('{"name":%s,"parent":%s}', json_quote(p.name), json_quote(q.name))
                         {span_program}) END) AS f
        FROM spans s WHERE s.document_id = d.id {labels:s} ORDER BY s.start, s.end, s.id))""".replace(
    "{span_program}", _SPAN_PROGRAM)
# (a parameter: SQL cannot spell the markers; printf's %s only ever gets json_quote's output
# or the attributes' JSON)
_EXPORT_JSON_SPAN = ('\x01,"start":%d,"end":%d,"label":%s,"text":%s,"raw_start":\x01,"origin":%s,"annotator":%s,'
                     '"attributes":%s,"program":%s}')
_EXPORT_JSON_RANK = """(SELECT count(*) FROM spans x WHERE x.document_id = d.id {labels:x}
    AND (x.start, x.end, x.label, x.id) <= ({a}.start, {a}.end, {a}.label, {a}.id))"""
_EXPORT_JSON_RELATIONS = """CASE WHEN EXISTS (SELECT 1 FROM relations r WHERE r.document_id = d.id) THEN coalesce((
  SELECT group_concat(f, ',') FROM (
    SELECT printf('{"id":%d,"head":%d,"tail":%d,"type":%s}', row_number() OVER (ORDER BY r.id), """ \
    + _EXPORT_JSON_RANK.replace("{a}", "h") + ", " + _EXPORT_JSON_RANK.replace("{a}", "t") + """,
                  json_quote(r.type)) AS f
    FROM relations r JOIN spans h ON h.id = r.head JOIN spans t ON t.id = r.tail
    WHERE r.document_id = d.id {labels:h} {labels:t} ORDER BY r.id)), '') ELSE '' END"""
_EXPORT_JSON_EXCLUDED = r"""CASE WHEN d.excluded = '[]' THEN ''
  WHEN :drop OR d.excluded LIKE '%\u0000%' OR d.excluded LIKE '%\ud%' THEN char(4)
  ELSE (SELECT group_concat(f, ',') FROM (
    SELECT CASE WHEN json_type(e.value, '$.start') = 'integer' AND json_type(e.value, '$.end') = 'integer'
                 AND json_type(e.value, '$.reason') = 'text' AND json_type(e.value, '$.rule') = 'text'
           THEN printf('{"start":%d,"end":%d,"reason":%s,"rule":%s}', e.value ->> 'start', e.value ->> 'end',
                       json_quote(e.value ->> 'reason'), json_quote(e.value ->> 'rule'))
           ELSE char(4) END AS f
    FROM json_each(d.excluded) e ORDER BY e.value ->> 'start', e.value ->> 'end', e.key)) END
  || CASE WHEN EXISTS (SELECT 1 FROM region_overrides o WHERE o.document_id = d.id) THEN char(4) ELSE '' END"""
_EXPORT_JSON_META = r"""CASE WHEN d.meta LIKE '%\u0000%' OR d.meta LIKE '%\ud%'
    OR coalesce(json_type(d.meta, '$.title'), 'null') NOT IN ('null', 'text')
    OR coalesce(json_type(d.meta, '$.date'), 'null') NOT IN ('null', 'text')
    OR coalesce(json_type(d.meta, '$.source'), 'null') NOT IN ('null', 'text') THEN char(4)
  ELSE printf('%s,"date":%s,"source":%s', json_quote(d.meta ->> 'title'), json_quote(d.meta ->> 'date'),
              json_quote(d.meta ->> 'source')) END"""
_NO_ID_ABOVE = 2**63 - 1
_EXPORT_JSON_QUERY = """
SELECT d.id, CAST(d.map AS BLOB), CAST(printf(
  '{"id":%d,"text":%s,"spans":[%s],"relations":[%s],"excluded":[%s],"meta":{"title":%s,"source_file":%s,'
  || '"raw_sha256":%s,"status":%s,"annotators":[%s]},"normalizer":%s,"schema_version":%d}',
  d.id, json_quote(d.text), coalesce(""" + _EXPORT_JSON_SPANS + """, char(2) || char(2) || char(2)),
  """ + _EXPORT_JSON_RELATIONS + """,
  """ + _EXPORT_JSON_EXCLUDED + """,
  """ + _EXPORT_JSON_META + """,
  json_quote(d.source_file), json_quote(d.raw_sha256), json_quote(d.status), char(1), json_quote(d.normalizer),
  :schema_version) AS BLOB)
FROM documents d WHERE d.id > :last AND d.id <= :upto {statuses} ORDER BY d.id LIMIT :size
"""
_EXPORT_JSON_STATUSES = "AND d.status IN (SELECT value FROM json_each(:statuses))"
_DOCUMENT_COLUMNS = ("id, raw_sha256, source_file, encoding, raw_text, text, map, excluded, meta, flags, steps, "
                     "normalizer, status, created_at, updated_at")
_SPAN_COLUMNS = ("id, document_id, start, end, label, text, attributes, annotator, origin, suggester, "
                 "created_at, updated_at, program_id")


def _document(row: tuple) -> Document:
    values = list(row)
    for i in (6, 7, 8, 9, 10):
        values[i] = json.loads(values[i])
    return Document(*values)


def _export_document(row: tuple) -> ExportDocument:
    (doc_id, sha, source_file, raw_length, text, map_, meta, normalizer, status, excluded, spans, relations,
     overrides) = row
    marked = json.loads(excluded)
    override_rows = json.loads(overrides)
    return ExportDocument(
        doc_id, sha, source_file, raw_length, text, json.loads(map_), json.loads(meta), normalizer, status,
        list(map(ExportSpan._make, sorted(json.loads(spans)))),  # by start, end, label, id
        [(head, tail, kind) for _, head, tail, kind in sorted(json.loads(relations))],
        _regions(marked, override_rows) if marked or override_rows else [],
    )


def _span(row: tuple) -> Span:
    values = list(row)
    values[6] = {} if values[6] == "{}" else json.loads(values[6])  # most spans have none: skip the parser
    return Span(*values)


def _insert_document(c: sqlite3.Connection, e: EncodedDocument, status: str, stamp: str) -> int | None:
    """Insert a document row; ``None`` when its raw hash is already there."""
    cur = c.execute(
        "INSERT INTO documents(raw_sha256, source_file, encoding, raw_text, text, map, excluded, meta, flags, "
        "steps, normalizer, title, date, source, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(raw_sha256) DO NOTHING",
        (e.raw_sha256, e.source_file, e.encoding, e.raw_text, e.text, e.map, e.excluded, e.meta, e.flags,
         e.steps, e.normalizer, e.title, e.date, e.source, status, stamp, stamp),
    )
    return cur.lastrowid if cur.rowcount == 1 else None


def _regions(marked: list[dict[str, Any]], override_rows: Iterable[tuple[int, int, int, str]]) -> list[Region]:
    overrides = {(start, end): (bool(excluded), reason) for start, end, excluded, reason in override_rows}
    out = []
    for r in marked:
        override = overrides.pop((r["start"], r["end"]), None)
        excluded = True if override is None else override[0]
        out.append(Region(r["start"], r["end"], excluded, r["reason"], r["rule"], overridden=not excluded))
    for (start, end), (excluded, reason) in overrides.items():
        if excluded:  # excluded by hand; an unneeded "include" of unmarked text is nothing
            out.append(Region(start, end, True, reason, "annotator", overridden=True))
    return sorted(out, key=lambda r: (r.start, r.end))


def _insert_label(c: sqlite3.Connection, label: Label, position: int) -> None:
    c.execute(
        "INSERT INTO labels(name, kind, zh, en, color, hotkey, position, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (label.name, label.kind, label.zh, label.en, label.color, label.hotkey, position,
         _dumps(label.attributes)),
    )


def _environment_error(path: Path, exc: sqlite3.Error) -> ProjectError:
    text = str(exc)
    low = text.lower()
    if "full" in low:
        return StorageFull(f"{path}: the disk is full; the change was not saved and nothing else changed")
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return ProjectDamaged(f"{path}: the project file is damaged ({text})")
    if "locked" in low or "busy" in low:
        return ProjectLocked(f"{path}: the project is busy in another process ({text})")
    if isinstance(exc, sqlite3.IntegrityError):
        return InvalidEdit(f"{path}: {text}")
    if "readonly" in low or "read-only" in low:
        return ReadOnlyProject(f"{path}: the project file cannot be written ({text})")
    return ProjectError(f"{path}: {text}")


# opening ------------------------------------------------------------------------------

def open_project(path: str | os.PathLike[str], *, annotator: str | None = None, create: bool = True,
                 wait: float = _LOCK_WAIT, allow_read_only: bool = True) -> Project:
    """Open (or create) a project file.

    If another process has it open for writing, wait up to ``wait`` seconds; then
    open it read-only when ``allow_read_only`` (``project.read_only_reason`` says
    why) or raise :class:`ProjectLocked`."""
    path = Path(path)
    who = annotator or default_annotator()
    exists = path.exists()
    if exists and path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    if not exists and not create:
        raise ProjectError(f"{path}: no such project file")
    if exists:
        check_file(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProjectError(f"{path}: cannot create the project's folder ({exc.strerror or exc})") from None

    lock = FileLock(str(path) + ".lock")
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        if not (allow_read_only and exists):
            raise ProjectLocked(f"{path}: the project is open in another process; close it there first") from None
        return _open_read_only(path, who, "the project is open in another process")
    except OSError as exc:  # a read-only folder: no lock file can be made
        if not (allow_read_only and exists):
            raise ProjectError(f"{path}: cannot lock the project ({exc.strerror or exc})") from None
        return _open_read_only(path, who, f"cannot lock it ({exc.strerror or exc})")
    try:
        if exists:
            _validate(path)
        conn = _connect(path)
        project = Project(path, conn, who, lock, None)
        _prepare(project, fresh=not exists)
        return project
    except BaseException:
        lock.release()
        raise


def open_reader(path: str | os.PathLike[str], *, annotator: str | None = None) -> Project:
    """A second, read-only connection to a project this process already has open
    (checked and migrated), for a worker thread: an SQLite connection belongs to
    the thread that made it, and an export worker process.  No lock and no checks,
    so it opens at once however large the file; it sees every committed edit."""
    path = Path(path)
    conn = _connect(path, read_only=True)
    conn.execute("PRAGMA query_only = ON")
    project = Project(path, conn, annotator or default_annotator(), None, "a reader")
    if project.schema_version() != LATEST:
        project.close()
        raise ProjectError(f"{path}: schema {project.schema_version()}, not {LATEST}; open it for writing first")
    return project


def _connect(path: Path, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    try:
        if read_only:
            flags = "mode=ro&immutable=1" if immutable else "mode=ro"
            conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?{flags}", uri=True,
                                   isolation_level=None, timeout=5)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=5)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        return conn
    except sqlite3.Error as exc:
        raise _environment_error(path, exc) from exc


def _validate(path: Path, writer_elsewhere: bool = False) -> None:
    """Read the file through a read-only connection: schema, version, a quick check.

    With no writer elsewhere and no write-ahead log left by a crash, the file is
    read as immutable, so that checking it creates nothing beside it (no -wal,
    no -shm) when it turns out damaged."""
    wal = path.with_name(path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    conn = _connect(path, read_only=True, immutable=not (writer_elsewhere or pending))
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.Error as exc:
        raise ProjectDamaged(f"{path}: the project file is damaged ({exc})") from None
    finally:
        conn.close()
    if problems != ["ok"]:
        raise ProjectDamaged(f"{path}: the project file is damaged ({'; '.join(problems)})")
    if version > LATEST:
        raise ProjectTooNew(f"{path}: made by a newer annotator (schema {version}; this one knows up to {LATEST}); "
                            "update the annotator to open it")
    if version == 0 and tables:
        raise ProjectDamaged(f"{path}: an SQLite database, but not an annotator project")
    missing = [t for t in TABLES if t not in tables]
    if version > 0 and missing:
        raise ProjectDamaged(f"{path}: the project file is damaged (tables missing: {', '.join(missing)})")


def _prepare(project: Project, fresh: bool) -> None:
    c = project.conn
    try:
        c.execute("PRAGMA journal_mode = WAL")
        c.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        raise _environment_error(project.path, exc) from exc
    version = project.schema_version()
    if version < LATEST and version > 0:
        backup(project.path, c, version)
    for number in range(version + 1, LATEST + 1):
        migrate(project, number, seed=fresh and number == 1)


def migrate(project: Project, number: int, seed: bool = False) -> None:
    """Apply one migration (and, for a new project, its default labels) in one transaction."""
    with project._write("migrate", None, {"to": number}) as c:
        for sql in MIGRATIONS[number]:
            c.execute(sql)
        if number == 5:
            for lt in default_link_types():  # those whose labels the project (still) has
                c.execute("INSERT OR IGNORE INTO link_types(type, head, tail) SELECT ?, ?, ? WHERE "
                          "EXISTS (SELECT 1 FROM labels WHERE name = ?) AND EXISTS (SELECT 1 FROM labels WHERE name = ?)",
                          (lt.type, lt.head, lt.tail, lt.head, lt.tail))
        if seed:
            for position, label in enumerate(default_labels(), 1):
                _insert_label(c, label, position)
            c.execute("INSERT INTO project(key, value) VALUES ('created_at', ?), ('created_by', ?)",
                      (now(), f"annotator {__version__}"))
        c.execute(f"PRAGMA user_version = {int(number)}")


def backup(path: Path, conn: sqlite3.Connection, version: int) -> Path:
    """Copy the project before a migration touches it: ``NAME.v1-<time>.bak`` beside it."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    try:
        dest = sqlite3.connect(target)
        with dest:
            conn.backup(dest)
        dest.close()
    except (sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise ProjectError(f"{path}: cannot back the project up before upgrading it ({exc}); "
                           "nothing was changed") from None
    return target


class CommitWatch:
    """Tells whether any connection, in any process, committed to the file since
    the watch began (SQLite's ``PRAGMA data_version`` on a connection of its own).
    Readers that all begin their transactions while nothing changed read the same
    state of the file."""

    def __init__(self, path: str | os.PathLike[str]):
        self._conn = _connect(Path(path), read_only=True)
        self._first = self._version()

    def _version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def changed(self) -> bool:
        return self._version() != self._first

    def close(self) -> None:
        self._conn.close()


def _open_read_only(path: Path, who: str, reason: str) -> Project:
    _validate(path, writer_elsewhere=True)
    conn = _connect(path, read_only=True)
    project = Project(path, conn, who, None, reason)
    if project.schema_version() < LATEST:
        conn.close()
        raise ProjectLocked(f"{path}: the project needs upgrading and is open in another process; "
                            "close it there first")
    return project
