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

from ..store import Project, Relation, Span


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
