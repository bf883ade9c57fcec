"""What undoing a label's removal needs: where the label stood, which spans
carried it, and putting all of it back in one transaction (the label at its
place, moved spans back, deleted spans and their links with their ids)."""

from __future__ import annotations

from collections.abc import Sequence

from .db import Database, now
from .labels import insert_label
from .models import Label, LinkType, Relation, Span
from .rows import SPAN_COLUMNS, to_span


class LabelEdits(Database):

    def label_position(self, name: str) -> int:
        row = self.conn.execute("SELECT position FROM labels WHERE name = ?", (name,)).fetchone()
        return row[0] if row else 0

    def spans_with_label(self, name: str) -> list[Span]:
        return [to_span(row) for row in self.conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE label = ? ORDER BY id", (name,))]

    def relations_of_spans(self, span_ids: Sequence[int]) -> list[Relation]:
        """The links of these spans, each once."""
        found: dict[int, Relation] = {}
        for span_id in span_ids:
            for relation in self.relations_of(span_id):  # type: ignore[attr-defined]
                found[relation.id] = relation
        return sorted(found.values(), key=lambda r: r.id)

    def restore_label(self, label: Label, position: int, *, moved: Sequence[int] = (),
                      deleted: Sequence[Span] = (), relations: Sequence[Relation] = (),
                      link_types: Sequence[LinkType] = ()) -> None:
        """Undo :meth:`remove_label`: the label again at ``position``, the spans
        ``moved`` to another label given it back, the ``deleted`` spans and their
        ``relations`` (and ``link_types`` naming the label) restored with their ids."""
        details = {"name": label.name, "moved": len(moved), "restored": len(deleted)}
        with self._write("label_restore", None, details) as c:
            c.execute("UPDATE labels SET position = position + 1 WHERE position >= ?", (position,))
            insert_label(c, label, position)
            stamp = now()
            c.executemany("UPDATE spans SET label = ?, updated_at = ? WHERE id = ?",
                          [(label.name, stamp, span_id) for span_id in moved])
            programs = {row[0] for row in c.execute("SELECT id FROM programs")} if deleted else set()
            for s in deleted:
                self._insert_span(c, s.id, s.document_id, s.start, s.end, s.label, s.text,  # type: ignore[attr-defined]
                                  s.attributes, s.origin, s.suggester, s.created_at, s.annotator,
                                  s.program_id if s.program_id in programs else None)
            c.executemany("INSERT OR IGNORE INTO link_types(type, head, tail) VALUES (?, ?, ?)",
                          [(lt.type, lt.head, lt.tail) for lt in link_types])
            c.executemany("INSERT OR IGNORE INTO relations(id, document_id, head, tail, type, annotator, created_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)",
                          [(r.id, r.document_id, r.head, r.tail, r.type, r.annotator, r.created_at)
                           for r in relations])
