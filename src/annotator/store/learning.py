"""What the learning suggesters read from a project: its annotated documents and
how often each suggester's suggestions were accepted and rejected.  Plain SQL
over ``Project.conn`` (read-only), so a worker can run it on its own reader."""

from __future__ import annotations

from collections.abc import Iterator

from .project import BATCH_ANNOTATOR, Project


def annotated_documents(project: Project) -> Iterator[tuple[int, str, list[tuple[int, int, str]]]]:
    """``(document id, text, spans)`` of every document with a span an annotator
    made, accepted or imported, in document order; a batch's unreviewed suggestions
    are left out (a document that only has those is not annotated)."""
    rows = project.conn.execute(
        "SELECT d.id, d.text, s.start, s.end, s.label FROM documents d JOIN spans s ON s.document_id = d.id "
        "WHERE d.id IN (SELECT document_id FROM spans WHERE origin != 'suggested' OR annotator != ?) "
        "AND (s.origin != 'suggested' OR s.annotator != ?) ORDER BY d.id, s.start, s.end",
        (BATCH_ANNOTATOR, BATCH_ANNOTATOR))
    current: tuple[int, str, list[tuple[int, int, str]]] | None = None
    for doc_id, text, start, end, label in rows:
        if current is None or current[0] != doc_id:
            if current is not None:
                yield current
            current = (doc_id, text, [])
        current[2].append((start, end, label))
    if current is not None:
        yield current


def suggester_decisions(project: Project) -> dict[str, tuple[int, int]]:
    """``suggester -> (accepted, rejected)`` over the whole project, annotators' decisions only."""
    out: dict[str, list[int]] = {}
    for name, n in project.conn.execute(
            "SELECT suggester, count(*) FROM spans WHERE origin = 'suggested' AND annotator != ? "
            "AND suggester IS NOT NULL GROUP BY suggester", (BATCH_ANNOTATOR,)):
        out.setdefault(name, [0, 0])[0] = n
    for name, n in project.conn.execute(
            "SELECT suggester, count(*) FROM rejections WHERE suggester IS NOT NULL GROUP BY suggester"):
        out.setdefault(name, [0, 0])[1] = n
    return {name: (a, r) for name, (a, r) in out.items()}
