"""The annotator's region decisions across the documents of one source (the
site a page came from), for carrying a decision from one page to the others
(``session/propagate.py``).  One transaction per batch, undone as one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from .db import Database, now
from .errors import InvalidEdit


class Exclusions(Database):

    def source_key(self, document_id: int) -> tuple[str, str]:
        """("source", the page's own source) or ("folder", the folder of the file it came from)."""
        row = self.conn.execute("SELECT source, source_file FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            raise InvalidEdit(f"{self.path}: no document {document_id}")
        source, source_file = row
        if source:
            return "source", source
        return "folder", str(PurePath(source_file).parent)

    def same_source(self, document_id: int) -> list[int]:
        """The other documents of ``document_id``'s source, in import order."""
        kind, value = self.source_key(document_id)
        if kind == "source":
            rows = self.conn.execute("SELECT id FROM documents WHERE source = ? AND id != ? ORDER BY id",
                                     (value, document_id))
            return [r[0] for r in rows]
        rows = self.conn.execute("SELECT id, source_file FROM documents WHERE source IS NULL AND id != ? "
                                 "ORDER BY id", (document_id,))
        return [i for i, f in rows if str(PurePath(f).parent) == value]

    def documents_holding(self, ids: Sequence[int], needles: Sequence[str], page: int = 500) -> list[int]:
        """Those of ``ids`` whose text holds one of ``needles`` (SQLite reads the texts, not Python)."""
        needles = [n for n in dict.fromkeys(needles) if n]
        if not needles:
            return []
        out: list[int] = []
        test = " OR ".join("instr(text, ?) > 0" for _ in needles)
        for k in range(0, len(ids), page):
            chunk = list(ids[k:k + page])
            marks = ",".join("?" * len(chunk))
            out += [r[0] for r in self.conn.execute(
                f"SELECT id FROM documents WHERE id IN ({marks}) AND ({test}) ORDER BY id", (*chunk, *needles))]
        return out

    def region_decisions(self, document_id: int) -> list[tuple[int, int, bool]]:
        """The annotator's own decisions in a document: (start, end, excluded)."""
        return [(s, e, bool(x)) for s, e, x in self.conn.execute(
            "SELECT start, end, excluded FROM region_overrides WHERE document_id = ? ORDER BY start, end",
            (document_id,))]

    def set_regions(self, changes: Sequence[tuple[int, int, int, bool]]) -> list[bool | None]:
        """Apply (document, start, end, excluded) decisions in one transaction; the
        decision each replaced (None: there was none), for undoing them."""
        lengths = {d: self._text_length(d) for d in {c[0] for c in changes}}
        for document_id, start, end, _ in changes:
            if not 0 <= start < end <= lengths[document_id]:
                raise InvalidEdit(f"{self.path}: region {start}:{end} is outside document {document_id}")
        before: list[bool | None] = []
        with self._write("regions", None, {"regions": [list(c) for c in changes]}) as c:
            for document_id, start, end, excluded in changes:
                row = c.execute("SELECT excluded FROM region_overrides WHERE document_id = ? AND start = ? AND end = ?",
                                (document_id, start, end)).fetchone()
                before.append(None if row is None else bool(row[0]))
                c.execute(
                    "INSERT INTO region_overrides(document_id, start, end, excluded, reason, annotator, updated_at) "
                    "VALUES (?, ?, ?, ?, 'annotator', ?, ?) ON CONFLICT(document_id, start, end) DO UPDATE SET "
                    "excluded = excluded.excluded, annotator = excluded.annotator, updated_at = excluded.updated_at",
                    (document_id, start, end, int(excluded), self.annotator, now()))
        return before

    def restore_regions(self, changes: Sequence[tuple[int, int, int, bool]], before: Sequence[bool | None]) -> None:
        """Undo :meth:`set_regions`: each region back to the decision it had, in one transaction."""
        details = {"regions": [list(c) for c in changes], "restore": list(before)}
        with self._write("regions_undo", None, details) as c:
            for (document_id, start, end, _), old in zip(changes, before, strict=True):
                if old is None:
                    c.execute("DELETE FROM region_overrides WHERE document_id = ? AND start = ? AND end = ?",
                              (document_id, start, end))
                else:
                    c.execute("UPDATE region_overrides SET excluded = ?, annotator = ?, updated_at = ? "
                              "WHERE document_id = ? AND start = ? AND end = ?",
                              (int(old), self.annotator, now(), document_id, start, end))
