"""The open document: its text, spans, links, rejected suggestions and regions,
read from the store in one place and kept up to date after each command, so the
widgets observe one state instead of each keeping and refreshing its own.

Plain Python: the span list, the text view, link mode and the suggestions are
Qt adapters over it.  After a command ran (done, undone or redone) it rereads
only what the command touched (its ``span_ids``); an observer is told, as
``observer(event, row)``, before and after each change to the span rows, so a
Qt model can wrap each one in ``beginInsertRows``/``endInsertRows``:

``resetting``/``reset``, ``removing``/``removed``, ``inserting``/``inserted``,
``changed`` (a row reread in place), and ``links``, ``rejections``, ``regions``
(row ``-1``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ..store import Document, Project, Region, Relation, Span
from .commands import Command

Observer = Callable[[str, int], None]
RejectionKey = tuple[int, int, str]  # (start, end, label)


def on_raw_page(document: Document, span: Span) -> Span:
    """A span of the normalized text as it lies on the raw page it came from."""
    start, end = document.raw_range(span.start, span.end)
    return replace(span, start=start, end=end, text=document.raw_text[start:end])


def _order(span: Span) -> tuple[int, int, int]:
    return (span.start, span.end, span.id)  # the store's order


def _start(span: Span) -> int:
    return span.start


class OpenDocument:
    FIRST_SCREEN = 20_000  # characters: more than a screen holds

    def __init__(self, project: Project):
        self._project = project
        self.document_id: int | None = None
        self.text = ""
        self.regions: list[Region] = []
        self.rejections: frozenset[RejectionKey] = frozenset()
        self.complete = True  # every span read, not only the first screen's
        self._spans: list[Span] = []
        self._longest = 0  # at least the longest span's length: how far back a bisection looks
        self._links: dict[int, list[Relation]] = {}
        self._observers: list[Observer] = []

    def subscribe(self, observer: Observer) -> None:
        self._observers.append(observer)

    def _tell(self, event: str, row: int = -1) -> None:
        for observer in list(self._observers):
            observer(event, row)

    # opening --------------------------------------------------------------------------
    def open(self, document_id: int | None, first_screen: bool = False) -> None:
        """Read a document; with ``first_screen``, only the spans near its start
        until :meth:`load_rest` runs (a long document shows at once)."""
        self.document_id = document_id
        self.text = "" if document_id is None else self._project.text(document_id)
        self._read_links()
        self._read_rejections()
        self._read_regions()
        if document_id is not None and first_screen:
            self._reset(self._project.spans_between(document_id, 0, self.FIRST_SCREEN), complete=False)
        else:
            self.reload_spans()

    def close(self) -> None:
        """Forget the document without telling anyone (the window closes; the project may close next)."""
        self.document_id = None

    def load_rest(self) -> None:
        if not self.complete:
            self.reload_spans()

    def reload_spans(self) -> None:
        self._reset([] if self.document_id is None else self._project.spans(self.document_id), complete=True)

    # what a command changed -----------------------------------------------------------
    def command_ran(self, command: Command) -> None:
        """Reread what a command (done, undone or redone) may have changed here:
        the links first (the view repaints as the span rows change), then the spans
        it names, or the regions when it names none; a batch that touched this
        document among others has the spans read again."""
        if self.document_id is None:
            return
        touched = self.document_id in command.document_ids
        if command.document_id == self.document_id or touched:
            self._read_links()
            self._tell("links")
        if touched:
            self._read_rejections()
            self._tell("rejections")
        if command.document_id == self.document_id:
            self.refresh_spans(command.span_ids)
            if not command.span_ids:
                self._read_regions()
                self._tell("regions")
        elif touched:
            self.reload_spans()

    def refresh_spans(self, span_ids: Iterable[int]) -> None:
        """Reread only these spans (a command added, changed or removed them)."""
        for span_id in span_ids:
            span = self._project.find_span(span_id)
            if span is not None and span.document_id != self.document_id:
                span = None
            row = self.row_of(span_id)
            if row is not None and span is not None and _order(self._spans[row]) == _order(span):
                self._spans[row] = span
                self._tell("changed", row)
                continue
            if row is not None:
                self._tell("removing", row)
                del self._spans[row]
                self._tell("removed", row)
            if span is not None:
                row = bisect_left(self._spans, _order(span), key=_order)
                self._tell("inserting", row)
                self._spans.insert(row, span)
                self._longest = max(self._longest, span.end - span.start)
                self._tell("inserted", row)

    # reading it -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._spans)

    def spans(self) -> list[Span]:
        return list(self._spans)

    @property
    def rows(self) -> Sequence[Span]:
        """The spans in text order, not copied: a view reads, never changes, them."""
        return self._spans

    def span_at(self, row: int) -> Span:
        return self._spans[row]

    def row_of(self, span_id: int) -> int | None:
        for row, span in enumerate(self._spans):
            if span.id == span_id:
                return row
        return None

    def find(self, span_id: int | None) -> Span | None:
        row = None if span_id is None else self.row_of(span_id)
        return None if row is None else self._spans[row]

    def spans_between(self, start: int, end: int) -> list[Span]:
        """Spans overlapping ``[start, end)``, by bisection on their starts."""
        first = bisect_left(self._spans, start - self._longest, key=_start)
        last = bisect_left(self._spans, end, key=_start)
        return [s for s in self._spans[first:last] if s.end > start]

    def next_span(self, span_id: int | None, at: int, forward: bool) -> Span | None:
        """The span after (or before) span ``span_id`` in text order, or, with no
        such span here, the first one starting at or after the position ``at`` (the
        last one before it)."""
        row = None if span_id is None else self.row_of(span_id)
        if row is None:
            row = bisect_left(self._spans, at, key=_start) - (0 if forward else 1)
        else:
            row += 1 if forward else -1
        return self._spans[row] if 0 <= row < len(self._spans) else None

    def region_at(self, at: int) -> Region | None:
        """The region holding the position ``at``, or ending at it."""
        for region in self.regions:
            if region.start <= at < region.end or (at == region.end and region.end > region.start):
                return region
        return None

    def links_of(self, span_id: int) -> list[Relation]:
        """The links going from or to a span."""
        return self._links.get(span_id, [])

    def has_links(self) -> bool:
        return bool(self._links)

    # reading the store ----------------------------------------------------------------
    def _reset(self, spans: list[Span], complete: bool) -> None:
        self._tell("resetting")
        self._spans, self.complete = spans, complete
        self._longest = max((s.end - s.start for s in spans), default=0)
        self._tell("reset")

    def _read_links(self) -> None:
        self._links = {}
        if self.document_id is None:
            return
        for r in self._project.relations(self.document_id):
            self._links.setdefault(r.head, []).append(r)
            if r.tail != r.head:
                self._links.setdefault(r.tail, []).append(r)

    def _read_rejections(self) -> None:
        self.rejections = frozenset() if self.document_id is None else frozenset(
            (r.start, r.end, r.label) for r in self._project.rejections(self.document_id))

    def _read_regions(self) -> None:
        self.regions = [] if self.document_id is None else self._project.regions(self.document_id)
