"""Every change an annotator makes, as a command that can be done and undone.

Plain Python over the store, so undo is testable without a QApplication; done
commands go on the plain :class:`~annotator.session.history.History`.  A
command remembers what it needs to undo itself (the deleted span, the old
label) when it is done; doing it again after an undo restores the same ids, so
relations and later commands keep pointing at the right spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalog import Proposal
from ..store import Project, Rejection, Relation, Span


class Command:
    """What every command has.  ``span_ids`` names the spans a command may have
    added, changed or removed, so a view rereads those few instead of the whole
    document; ``document_ids`` every document it touched (a batch may touch many)."""

    text: str
    document_id: int

    @property
    def span_ids(self) -> tuple[int, ...]:
        return ()

    @property
    def document_ids(self) -> tuple[int, ...]:
        return (self.document_id,)

    def do(self, project: Project) -> None:
        raise NotImplementedError

    def undo(self, project: Project) -> None:
        raise NotImplementedError


@dataclass
class AddSpan(Command):
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
class DeleteSpan(Command):
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
                         suggester=s.suggester, span_id=s.id, program_id=_existing(project, s.program_id))
        for r in self._relations:
            project.add_relation(r.head, r.tail, r.type, relation_id=r.id)


@dataclass
class RejectSpan(Command):
    """Delete a span that came from a suggestion: the suggestion is rejected too, so
    it is not suggested again.  Undo brings back the span and forgets the rejection."""

    document_id: int
    span_id: int
    _delete: DeleteSpan | None = field(default=None, repr=False)
    _new: list[tuple[int, int, str]] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return "reject the accepted suggestion"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return (self.span_id,)

    def do(self, project: Project) -> None:
        span = project.span(self.span_id)
        known = {(r.start, r.end, r.label) for r in project.rejections(self.document_id)}
        self._new = [] if (span.start, span.end, span.label) in known else [(span.start, span.end, span.label)]
        self._delete = DeleteSpan(self.document_id, self.span_id)
        self._delete.do(project)
        try:
            project.reject_suggestions(self.document_id, [(span.start, span.end, span.label, span.suggester)])
        except Exception:
            self._delete.undo(project)  # both or neither
            raise

    def undo(self, project: Project) -> None:
        assert self._delete is not None
        project.clear_rejections(self.document_id, self._new)
        self._delete.undo(project)


@dataclass
class Relabel(Command):
    document_id: int
    span_id: int
    label: str
    _old: str | None = field(default=None, repr=False)
    _program: int | None = field(default=None, repr=False)
    _links: list[Relation] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return f"relabel as {self.label}"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return (self.span_id,)

    def do(self, project: Project) -> None:
        old = project.span(self.span_id)
        self._old, self._program = old.label, old.program_id
        before = project.relations_of(self.span_id)
        project.update_span(self.span_id, label=self.label)  # removes the links the new label does not fit
        kept = {r.id for r in project.relations_of(self.span_id)}
        self._links = [r for r in before if r.id not in kept]

    def undo(self, project: Project) -> None:
        assert self._old is not None
        span = project.update_span(self.span_id, label=self._old)
        program = _existing(project, self._program)
        if span.program_id != program:  # a relabel away from a program label unlinked it
            project.link_span(self.span_id, program)
        for r in self._links:
            project.add_link(r.head, r.tail, r.type, relation_id=r.id)


@dataclass
class SetAttributes(Command):
    """Set attributes of a span (a value, or ``None`` to clear one), checked
    against its label's definitions; undo puts back exactly what was there."""

    document_id: int
    span_id: int
    attributes: dict[str, str | None]
    _old: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return "set " + ", ".join(self.attributes)

    @property
    def span_ids(self) -> tuple[int, ...]:
        return (self.span_id,)

    def do(self, project: Project) -> None:
        self._old = project.span(self.span_id).attributes
        project.set_span_attributes(self.span_id, self.attributes)

    def undo(self, project: Project) -> None:
        assert self._old is not None
        project.update_span(self.span_id, attributes=self._old)


@dataclass
class AddLink(Command):
    """A typed link from one span to another (a program to its organizer, place or date)."""

    document_id: int
    head: int
    tail: int
    type: str
    relation_id: int | None = None  # known after the first do; kept for redo

    @property
    def text(self) -> str:
        return f"link {self.type}"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return (self.head, self.tail)

    def do(self, project: Project) -> None:
        self.relation_id = project.add_link(self.head, self.tail, self.type, relation_id=self.relation_id).id

    def undo(self, project: Project) -> None:
        assert self.relation_id is not None
        project.delete_relation(self.relation_id)


@dataclass
class DeleteLink(Command):
    document_id: int
    relation_id: int
    _relation: Relation | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return "delete link"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return () if self._relation is None else (self._relation.head, self._relation.tail)

    def do(self, project: Project) -> None:
        self._relation = project.relation(self.relation_id)
        project.delete_relation(self.relation_id)

    def undo(self, project: Project) -> None:
        r = self._relation
        assert r is not None
        project.add_relation(r.head, r.tail, r.type, relation_id=r.id)


@dataclass
class LinkProgram(Command):
    """Link a program span to a canonical program of the catalog; ``alias``, the
    span's name when it is not yet one of the program's, is remembered with it."""

    document_id: int
    span_id: int
    program_id: int
    alias: str | None = None
    _old: int | None = field(default=None, repr=False)
    _added_alias: bool = field(default=False, repr=False)

    @property
    def text(self) -> str:
        return "link to the catalog"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return (self.span_id,)

    def do(self, project: Project) -> None:
        self._old = project.span(self.span_id).program_id
        self._added_alias = _add_alias(project, self.program_id, self.alias)
        project.link_span(self.span_id, self.program_id)

    def undo(self, project: Project) -> None:
        project.link_span(self.span_id, _existing(project, self._old))
        if self._added_alias:
            assert self.alias is not None
            project.remove_program_alias(self.program_id, self.alias)


@dataclass
class UnlinkProgram(Command):
    document_id: int
    span_id: int
    _old: int | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return "unlink from the catalog"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return (self.span_id,)

    def do(self, project: Project) -> None:
        self._old = project.span(self.span_id).program_id
        project.link_span(self.span_id, None)

    def undo(self, project: Project) -> None:
        project.link_span(self.span_id, _existing(project, self._old))


@dataclass
class CreateProgram(Command):
    """Add a program to the catalog, under a parent (``parent_id``, or
    ``parent_name``: the program of that name, created too if the catalog lacks
    it), and link span ``span_id`` to it when one is given.  Redo makes the same
    ids again."""

    document_id: int | None
    span_id: int | None
    name: str
    parent_id: int | None = None
    parent_name: str | None = None
    aliases: tuple[str, ...] = ()
    program_id: int | None = None  # known after the first do
    _made_parent: int | None = field(default=None, repr=False)
    _old: int | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return f"new program {self.name}"

    @property
    def span_ids(self) -> tuple[int, ...]:
        return () if self.span_id is None else (self.span_id,)

    def do(self, project: Project) -> None:
        parent = self.parent_id
        if parent is None and self.parent_name is not None:
            found = project.program_named(self.parent_name)
            if found is None:
                found = project.create_program(self.parent_name, program_id=self._made_parent)
                self._made_parent = found.id
            else:
                self._made_parent = None
            parent = found.id
        self.program_id = project.create_program(self.name, parent_id=parent, aliases=self.aliases,
                                                 program_id=self.program_id).id
        if self.span_id is not None:
            self._old = project.span(self.span_id).program_id
            project.link_span(self.span_id, self.program_id)

    def undo(self, project: Project) -> None:
        assert self.program_id is not None
        if self.span_id is not None:
            project.link_span(self.span_id, _existing(project, self._old))
        project.delete_program(self.program_id)
        if self._made_parent is not None:
            project.delete_program(self._made_parent)


def confirm(proposal: Proposal, document_id: int, span_id: int) -> LinkProgram | CreateProgram:
    """The command that carries out a catalog proposal for a span, once the annotator confirms it."""
    if proposal.program_id is not None:
        return LinkProgram(document_id, span_id, proposal.program_id, alias=proposal.alias)
    return CreateProgram(document_id, span_id, proposal.name, parent_id=proposal.parent_id,
                         parent_name=None if proposal.parent_id is not None else proposal.parent_name,
                         aliases=(proposal.alias,) if proposal.alias else ())


@dataclass
class SetStatus(Command):
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
class SetRegion(Command):
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


def starts_work(project: Project, command: Command) -> SetStatus | None:
    """The status change a first edit of a new document brings, if any (done with it, in the same undo step)."""
    if isinstance(command, SetStatus) or not command.document_id or command.document_id < 0:
        return None  # (a label command names no document)
    if project.document_info(command.document_id).status != "new":
        return None
    return SetStatus(command.document_id, "in_progress")


def _existing(project: Project, program_id: int | None) -> int | None:
    """``program_id`` if the catalog still has it: a program deleted since is not brought back by an undo."""
    return program_id if program_id is not None and project.find_program(program_id) is not None else None


def _add_alias(project: Project, program_id: int, alias: str | None) -> bool:
    if alias is None:
        return False
    program = project.program(program_id)
    if alias == program.name or alias in program.aliases:
        return False
    project.add_program_alias(program_id, alias)
    return True


# suggestions and batches: many spans, one transaction, one undo step -------------------------
Suggested = tuple[int, int, str, str]  # (start, end, label, suggester)


@dataclass
class AcceptSuggestions(Command):
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
class RejectSuggestions(Command):
    """Turn suggestions of one document down: they are not suggested there again."""

    document_id: int
    items: list[Suggested]
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
class TagOccurrences(Command):
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
