"""Every change an annotator makes, as a command that can be done and undone.

Plain Python over the store, so undo is testable without a QApplication; the
window wraps each command in a ``QUndoCommand`` on one ``QUndoStack``.  A
command remembers what it needs to undo itself (the deleted span, the old
label) when it is done; doing it again after an undo restores the same ids, so
relations and later commands keep pointing at the right spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..store import Project, Rejection, Relation, Span


class Command(Protocol):
    """``span_ids`` names the spans a command may have added, changed or removed,
    so a view rereads those few instead of the whole document."""

    text: str
    document_id: int

    @property
    def span_ids(self) -> tuple[int, ...]: ...

    def do(self, project: Project) -> None: ...

    def undo(self, project: Project) -> None: ...


@dataclass
class AddSpan:
    document_id: int
    start: int
    end: int
    label: str
    origin: str = "manual"
    attributes: dict[str, Any] | None = None
    suggester: str | None = None
    span_id: int | None = None  # known after the first do; kept for redo

    @property
    def text(self) -> str:
        return f"tag {self.label}"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return () if self.span_id is None else (self.span_id,)

    def do(self, project: Project) -> None:
        span = project.add_span(self.document_id, self.start, self.end, self.label, origin=self.origin,
                                attributes=self.attributes, suggester=self.suggester, span_id=self.span_id)
        self.span_id = span.id

    def undo(self, project: Project) -> None:
        assert self.span_id is not None
        project.delete_span(self.span_id)


@dataclass
class DeleteSpan:
    document_id: int
    span_id: int
    _span: Span | None = field(default=None, repr=False)
    _relations: list[Relation] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return "delete span"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return (self.span_id,)

    def do(self, project: Project) -> None:
        self._relations = project.relations_of(self.span_id)
        self._span = project.delete_span(self.span_id)

    def undo(self, project: Project) -> None:
        s = self._span
        assert s is not None
        project.add_span(s.document_id, s.start, s.end, s.label, origin=s.origin, attributes=s.attributes,
                         suggester=s.suggester, span_id=s.id)
        for r in self._relations:
            project.add_relation(r.head, r.tail, r.type, relation_id=r.id)


@dataclass
class Relabel:
    document_id: int
    span_id: int
    label: str
    _old: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return f"relabel as {self.label}"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return (self.span_id,)

    def do(self, project: Project) -> None:
        self._old = project.span(self.span_id).label
        project.update_span(self.span_id, label=self.label)

    def undo(self, project: Project) -> None:
        assert self._old is not None
        project.update_span(self.span_id, label=self._old)


class _NoSpans:
    span_ids: tuple[int, ...] = ()


@dataclass
class SetStatus(_NoSpans):
    document_id: int
    status: str
    _old: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return f"mark {self.status.replace('_', ' ')}"

    def do(self, project: Project) -> None:
        self._old = project.document(self.document_id).status
        project.set_status(self.document_id, self.status)

    def undo(self, project: Project) -> None:
        assert self._old is not None
        project.set_status(self.document_id, self._old)


@dataclass
class SetRegion(_NoSpans):
    """Include an excluded region, or exclude one."""

    document_id: int
    start: int
    end: int
    excluded: bool
    _old: bool | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return "exclude region" if self.excluded else "include region"

    def do(self, project: Project) -> None:
        self._old = project.region_override(self.document_id, self.start, self.end)
        project.set_region(self.document_id, self.start, self.end, self.excluded)

    def undo(self, project: Project) -> None:
        if self._old is None:
            project.clear_region(self.document_id, self.start, self.end)
        else:
            project.set_region(self.document_id, self.start, self.end, self._old)


# suggestions and batches: many spans, one transaction, one undo step -------------------------
Suggested = tuple[int, int, str, str]  # (start, end, label, suggester)


@dataclass
class AcceptSuggestions:
    """Accept suggestions of one document as spans (origin ``suggested``)."""

    document_id: int
    items: list[Suggested]
    _ids: list[int] = field(default_factory=list, repr=False)
    _forgotten: list[Rejection] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return f"accept {len(self.items)} suggestions" if len(self.items) != 1 else f"accept {self.items[0][2]}"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return tuple(self._ids)

    def do(self, project: Project) -> None:
        keys = {(s, e, label) for s, e, label, _ in self.items}
        self._forgotten = [r for r in project.rejections(self.document_id) if (r.start, r.end, r.label) in keys]
        spans = project.accept_suggestions(self.document_id, self.items, span_ids=self._ids or None)
        self._ids = [s.id for s in spans]

    def undo(self, project: Project) -> None:
        project.delete_spans(self._ids)
        if self._forgotten:
            project.restore_rejections(self._forgotten)


@dataclass
class RejectSuggestions:
    """Turn suggestions of one document down: they are not suggested there again."""

    document_id: int
    items: list[Suggested]
    span_ids: tuple[int, ...] = field(default=(), init=False)
    _new: list[tuple[int, int, str]] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return f"reject {len(self.items)} suggestions" if len(self.items) != 1 else f"reject {self.items[0][2]}"

    def do(self, project: Project) -> None:
        known = {(r.start, r.end, r.label) for r in project.rejections(self.document_id)}
        self._new = [(s, e, label) for s, e, label, _ in self.items if (s, e, label) not in known]
        project.reject_suggestions(self.document_id, self.items)

    def undo(self, project: Project) -> None:
        project.clear_rejections(self.document_id, self._new)


@dataclass
class TagOccurrences:
    """Tag ``(document_id, start, end)`` ranges, in any documents, with one label.
    ``document_id`` is the document it was started from; ``span_ids`` are the new
    spans there, ``document_ids`` every document touched."""

    label: str
    items: list[tuple[int, int, int]]
    document_id: int = 0
    _spans: list[Span] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.document_id and self.items:
            self.document_id = self.items[0][0]

    @property
    def text(self) -> str:
        return f"tag {len(self.items)} occurrences as {self.label}"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return tuple(s.id for s in self._spans if s.document_id == self.document_id)

    @property
    def document_ids(self) -> tuple[int, ...]:
        return tuple(sorted({d for d, _, _ in self.items}))

    def do(self, project: Project) -> None:
        ids = [s.id for s in self._spans] or None
        self._spans = project.add_spans([(d, s, e, self.label) for d, s, e in self.items], span_ids=ids)

    def undo(self, project: Project) -> None:
        project.delete_spans([s.id for s in self._spans])
