"""Where else a tagged text occurs: in one document or across the corpus.

The project's search narrows the corpus to the documents that may hold the
text (a trigram index, so 100,000 documents cost a lookup, not a scan), a page
at a time; each text is then searched for the exact string.  An occurrence
that overlaps a span with the same label, or an excluded region, is left out:
it is tagged already, or not to be annotated.  No Qt.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..store import Project

CONTEXT = 12  # characters either side, for a preview


@dataclass(frozen=True)
class Occurrence:
    document_id: int
    start: int
    end: int
    title: str | None
    before: str
    after: str


def find_occurrences(project: Project, text: str, label: str, *, document_id: int | None = None,
                     page: int = 500) -> Iterator[Occurrence]:
    """Every untagged occurrence of ``text`` in ``document_id``, or in the whole
    corpus (in import order) when it is ``None``, not overlapping each other."""
    if not text:
        return
    if document_id is not None:
        yield from _in_document(project, document_id, project.document_info(document_id).title, text, label)
        return
    offset = 0
    while True:
        infos = project.list_documents(offset, page, search=text)
        for info in infos:
            yield from _in_document(project, info.id, info.title, text, label)
        if len(infos) < page:
            return
        offset += page


def _in_document(project: Project, document_id: int, title: str | None, needle: str,
                 label: str) -> Iterator[Occurrence]:
    text = project.text(document_id)
    at = text.find(needle)
    if at < 0:
        return
    taken = [(s.start, s.end) for s in project.spans(document_id) if s.label == label]
    taken += [(r.start, r.end) for r in project.regions(document_id) if r.excluded]
    while at >= 0:
        end = at + len(needle)
        if not any(s < end and at < e for s, e in taken):
            yield Occurrence(document_id, at, end, title, text[max(0, at - CONTEXT):at], text[end:end + CONTEXT])
            at = text.find(needle, end)
        else:
            at = text.find(needle, at + 1)
