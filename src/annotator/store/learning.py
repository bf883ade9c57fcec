"""What the learning suggesters read from a project: its annotated documents and
how often each suggester's suggestions were accepted and rejected.  Plain SQL
over the connection, read-only but for the scores, so a worker can run it on
its own reader.  A part of the :class:`Project` facade."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .annotations import BATCH_ANNOTATOR
from .db import Database


class Learning(Database):

    def annotated_documents(self, limit: int = 500
                            ) -> Iterator[tuple[int, str, list[tuple[int, int, str]]]]:
        """``(document id, text, spans)`` of the ``limit`` documents whose annotators'
        spans changed last (made, accepted or imported; a batch's unreviewed
        suggestions are left out), oldest of them first: what a tagger learns from,
        bounded however large the project."""
        ids = [row[0] for row in self.conn.execute(
            "SELECT document_id FROM spans WHERE origin != 'suggested' OR annotator != ? "
            "GROUP BY document_id ORDER BY max(updated_at) DESC, max(id) DESC LIMIT ?",
            (BATCH_ANNOTATOR, limit))]
        for doc_id in reversed(ids):
            text = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
            spans = [tuple(row) for row in self.conn.execute(
                "SELECT start, end, label FROM spans WHERE document_id = ? AND (origin != 'suggested' OR annotator != ?) "
                "ORDER BY start, end", (doc_id, BATCH_ANNOTATOR))]
            yield doc_id, text, spans


    def suggester_decisions(self) -> dict[str, tuple[int, int]]:
        """``suggester -> (accepted, rejected)`` over the whole project, annotators' decisions only."""
        out: dict[str, list[int]] = {}
        for name, n in self.conn.execute(
                "SELECT suggester, count(*) FROM spans WHERE origin = 'suggested' AND annotator != ? "
                "AND suggester IS NOT NULL GROUP BY suggester", (BATCH_ANNOTATOR,)):
            out.setdefault(name, [0, 0])[0] = n
        for name, n in self.conn.execute(
                "SELECT suggester, count(*) FROM rejections WHERE suggester IS NOT NULL GROUP BY suggester"):
            out.setdefault(name, [0, 0])[1] = n
        return {name: (a, r) for name, (a, r) in out.items()}


    def unscored_documents(self, tagger: str, limit: int = 20) -> list[tuple[int, str]]:
        """``(document id, text)`` of up to ``limit`` documents not yet done (new or in
        progress) that the tagger ``tagger`` (its key) has not scored, in import order."""
        ids = [row[0] for row in self.conn.execute(
            "SELECT d.id FROM documents d LEFT JOIN document_uncertainty u ON u.document_id = d.id "
            "WHERE d.status IN ('new', 'in_progress') AND (u.tagger IS NULL OR u.tagger != ?) "
            "ORDER BY d.id LIMIT ?", (tagger, limit))]
        return [(i, self.text(i)) for i in ids]


    def store_uncertainty(self, tagger: str, scores: Iterable[tuple[int, float]]) -> None:
        """Keep what the tagger ``tagger`` would learn from each document (derived data,
        recomputed by any tagger: not an edit, so not in the change log)."""
        with self._transaction() as c:
            c.executemany(
                "INSERT INTO document_uncertainty(document_id, tagger, uncertainty) "
                "SELECT id, ?, ? FROM documents WHERE id = ? "
                "ON CONFLICT(document_id) DO UPDATE SET tagger = excluded.tagger, uncertainty = excluded.uncertainty",
                [(tagger, float(u), i) for i, u in scores])
