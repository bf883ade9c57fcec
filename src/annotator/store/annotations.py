"""Annotations of a document: excluded regions, spans, suggestions and their
rejections, relations and typed links."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .db import Connection, Database, now
from .errors import InvalidEdit
from .models import ORIGINS, Region, Rejection, Relation, Span
from .models import _dumps
from .rows import SPAN_COLUMNS, to_regions, to_span

BATCH_ANNOTATOR = "(suggest)"  # who stored a batch of suggestions: no person


class Annotations(Database):
    # excluded regions -------------------------------------------------------------------
    def regions(self, document_id: int) -> list[Region]:
        """The normalizer's excluded regions with the annotator's overrides applied,
        plus regions the annotator excluded by hand."""
        marked = json.loads(self._one("SELECT excluded FROM documents WHERE id = ?", document_id))
        rows = self.conn.execute(
            "SELECT start, end, excluded, reason FROM region_overrides WHERE document_id = ?", (document_id,))
        return to_regions(marked, rows)

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

    # spans --------------------------------------------------------------------------
    def spans(self, document_id: int) -> list[Span]:
        return [to_span(row) for row in self.conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE document_id = ? ORDER BY start, end, id", (document_id,))]

    def spans_between(self, document_id: int, start: int, end: int) -> list[Span]:
        """The spans overlapping ``[start, end)``, in the same order: enough to paint
        one screen before the rest of a long document's spans are read."""
        return [to_span(row) for row in self.conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE document_id = ? AND start < ? AND end > ? "
            "ORDER BY start, end, id", (document_id, end, start))]

    def span(self, span_id: int) -> Span:
        span = self.find_span(span_id)
        if span is None:
            raise InvalidEdit(f"{self.path}: no span {span_id}")
        return span

    def find_span(self, span_id: int) -> Span | None:
        row = self.conn.execute(f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,)).fetchone()
        return None if row is None else to_span(row)

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

    def _insert_span(self, c: Connection, span_id: int | None, document_id: int, start: int, end: int,
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

    # suggestions ----------------------------------------------------------------------
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
        spans with origin ``suggested`` and the suggester's name, their rejections
        forgotten."""
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
