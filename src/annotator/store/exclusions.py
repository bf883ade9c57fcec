"""Reading and writing the annotator's region decisions across the documents of
one source (the site a page came from), for carrying a decision from one page
to the others.  Functions of a :class:`Project`; one transaction per batch.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import PurePath

from .errors import InvalidEdit
from .project import now


def source_key(project, document_id: int) -> tuple[str, str]:
    """("source", the page's own source) or ("folder", the folder of the file it came from)."""
    row = project.conn.execute("SELECT source, source_file FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise InvalidEdit(f"{project.path}: no document {document_id}")
    source, source_file = row
    if source:
        return "source", source
    return "folder", str(PurePath(source_file).parent)


def same_source(project, document_id: int) -> list[int]:
    """The other documents of ``document_id``'s source, in import order."""
    kind, value = source_key(project, document_id)
    if kind == "source":
        rows = project.conn.execute("SELECT id FROM documents WHERE source = ? AND id != ? ORDER BY id",
                                    (value, document_id))
        return [r[0] for r in rows]
    rows = project.conn.execute("SELECT id, source_file FROM documents WHERE source IS NULL AND id != ? ORDER BY id",
                                (document_id,))
    return [i for i, f in rows if str(PurePath(f).parent) == value]


def overrides(project, document_id: int) -> list[tuple[int, int, bool]]:
    """The annotator's own decisions in a document: (start, end, excluded)."""
    return [(s, e, bool(x)) for s, e, x in project.conn.execute(
        "SELECT start, end, excluded FROM region_overrides WHERE document_id = ? ORDER BY start, end", (document_id,))]


def holding(project, ids: Sequence[int], needles: Sequence[str], page: int = 500) -> list[int]:
    """Those of ``ids`` whose text holds one of ``needles`` (SQLite reads the texts, not Python)."""
    needles = [n for n in dict.fromkeys(needles) if n]
    if not needles:
        return []
    out: list[int] = []
    test = " OR ".join("instr(text, ?) > 0" for _ in needles)
    for k in range(0, len(ids), page):
        chunk = list(ids[k:k + page])
        marks = ",".join("?" * len(chunk))
        out += [r[0] for r in project.conn.execute(
            f"SELECT id FROM documents WHERE id IN ({marks}) AND ({test}) ORDER BY id", (*chunk, *needles))]
    return out


def texts_and_regions(project, ids: Sequence[int]) -> Iterator[tuple[int, str, list[tuple[int, int, bool]]]]:
    for document_id in ids:
        yield (document_id, project.text(document_id),
               [(r.start, r.end, r.excluded) for r in project.regions(document_id)])


def set_regions(project, changes: Sequence[tuple[int, int, int, bool]]) -> list[bool | None]:
    """Apply (document, start, end, excluded) decisions in one transaction; the
    decision each replaced (None: there was none), for undoing them."""
    before: list[bool | None] = []
    details = {"regions": [list(c) for c in changes]}
    with project._write("regions", None, details) as c:
        for document_id, start, end, excluded in changes:
            length = c.execute("SELECT length(text) FROM documents WHERE id = ?", (document_id,)).fetchone()
            if length is None or not 0 <= start < end <= length[0]:
                raise InvalidEdit(f"{project.path}: region {start}:{end} is outside document {document_id}")
            row = c.execute("SELECT excluded FROM region_overrides WHERE document_id = ? AND start = ? AND end = ?",
                            (document_id, start, end)).fetchone()
            before.append(None if row is None else bool(row[0]))
            c.execute(
                "INSERT INTO region_overrides(document_id, start, end, excluded, reason, annotator, updated_at) "
                "VALUES (?, ?, ?, ?, 'annotator', ?, ?) ON CONFLICT(document_id, start, end) DO UPDATE SET "
                "excluded = excluded.excluded, annotator = excluded.annotator, updated_at = excluded.updated_at",
                (document_id, start, end, int(excluded), project.annotator, now()))
    return before


def restore_regions(project, changes: Sequence[tuple[int, int, int, bool]], before: Sequence[bool | None]) -> None:
    """Undo :func:`set_regions`: each region back to the decision it had, in one transaction."""
    details = {"regions": [list(c) for c in changes], "restore": list(before)}
    with project._write("regions_undo", None, details) as c:
        for (document_id, start, end, _), old in zip(changes, before, strict=True):
            if old is None:
                c.execute("DELETE FROM region_overrides WHERE document_id = ? AND start = ? AND end = ?",
                          (document_id, start, end))
            else:
                c.execute("UPDATE region_overrides SET excluded = ?, annotator = ?, updated_at = ? "
                          "WHERE document_id = ? AND start = ? AND end = ?",
                          (int(old), project.annotator, now(), document_id, start, end))
