"""Carry the annotator's region decisions of one document to the other
documents of its source, as one undoable step (see normalize/propagate.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..normalize.propagate import RegionProposal, decisions_of, needle, propose
from .commands import Command


def proposals_for(project, document_id: int) -> list[RegionProposal]:
    """What the decisions made by hand in ``document_id`` propose for the rest of its source."""
    decisions = decisions_of(project.text(document_id), project.region_decisions(document_id))
    if not decisions:
        return []
    others = project.same_source(document_id)
    # only the documents holding a piece of a decided line are read into Python
    others = project.documents_holding(others, [needle(d) for d in decisions])
    return propose(decisions, _texts_and_regions(project, others))


def _texts_and_regions(project, ids):
    for document_id in ids:
        yield (document_id, project.text(document_id),
               [(r.start, r.end, r.excluded) for r in project.regions(document_id)])


@dataclass
class ApplyRegionProposals(Command):
    """Apply region proposals to other documents: one transaction, one undo step."""

    document_id: int  # the document the decisions came from
    proposals: tuple[RegionProposal, ...]
    _before: list[bool | None] | None = field(default=None, repr=False)

    @property
    def document_ids(self) -> tuple[int, ...]:
        return tuple(sorted({p.document_id for p in self.proposals}))

    @property
    def text(self) -> str:
        return f"apply {len(self.proposals)} region decisions to {len(self.document_ids)} documents"

    def _changes(self) -> list[tuple[int, int, int, bool]]:
        return [(p.document_id, p.start, p.end, p.excluded) for p in self.proposals]

    def do(self, project) -> None:
        self._before = project.set_regions(self._changes())

    def undo(self, project) -> None:
        assert self._before is not None
        project.restore_regions(self._changes(), self._before)
