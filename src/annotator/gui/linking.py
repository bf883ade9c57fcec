"""Typed links in the window: the open document's links for the text view, and
link mode, the gesture that makes one.

A link goes from the selected span (a program) to another span of the document
(its organizer, place or date).  Link mode starts from the selected span; the
next click on a span of a label the link may go to makes it, or Tab / Shift+Tab
walk the candidates (nearest first) and Enter makes it; Esc leaves.  The link
itself is an :class:`~annotator.session.AddLink` on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..session import AddLink, Command
from ..session.document import OpenDocument
from ..store import Project, Relation, Span
from ..suggest.model import Suggestion
from .models import SpanListModel, schema_name
from .textview import AnnotatedTextView


class DocumentLinks:
    """The links of the open document, by span, for painting: a face over
    :class:`~annotator.session.document.OpenDocument`, which rereads them after
    each command on the document, with the colour each link type is drawn in."""

    def __init__(self, project: Project, colors: dict[str, str], document: OpenDocument):
        self._document = document
        # a link is drawn in the colour of the label it goes to (organizer: ORG's)
        self.colors = {t.type: colors.get(t.tail, "#888888") for t in reversed(project.link_types())}

    def __bool__(self) -> bool:
        return self._document.has_links()

    def of(self, span_id: int) -> list[Relation]:
        """The links going from or to a span."""
        return self._document.links_of(span_id)

    def color(self, type: str) -> str:
        return self.colors.get(type, "#888888")


class LinkMode(QObject):
    """Making a link from the selected span, with the mouse or the keyboard."""

    changed = Signal()  # link mode started or ended: what Tab, Enter and Esc do

    def __init__(self, project: Project, spans: SpanListModel, view: AnnotatedTextView, links: DocumentLinks,
                 execute: Callable[[Command], bool], say: Callable[[str], None], parent=None):
        super().__init__(parent)
        self._project, self._spans, self._view, self._links = project, spans, view, links
        self._execute, self._say = execute, say
        self.head: Span | None = None
        self.types: dict[str, str] = {}  # label a link may go to → its type
        self.candidates: list[Span] = []
        self.current = -1
        spans.dataChanged.connect(self._head_changed)

    @property
    def active(self) -> bool:
        return self.head is not None

    def start(self, type: str | None = None) -> None:
        """Link mode from the selected span; ``type`` limits it to links of that type."""
        head = self._spans.find(self._view.selected_span)
        if head is None:
            self._say(self.tr("Select a program span first: a link goes from it to its organizer, place or date"))
            return
        types = {t.tail: t.type for t in self._project.link_types()
                 if t.head == head.label and (type is None or t.type == type)}
        if not types:
            if type is None:
                self._say(self.tr("No link goes from a {0} span").format(head.label))
            else:
                self._say(self.tr("A {0} span has no {1} links").format(head.label, schema_name(type)))
            return
        self.head, self.types = head, types
        linked = {(r.tail, r.type) for r in self._links.of(head.id) if r.head == head.id}
        self.candidates = sorted((s for s in self._spans.spans()
                                  if s.label in types and s.id != head.id and (s.id, types[s.label]) not in linked),
                                 key=lambda s: (_gap(head, s), s.start))
        self.current = -1
        self._view.set_link_preview(head.id, None, self._links.color(next(iter(types.values()))))
        self._view.setFocus()
        self.changed.emit()
        self._say(self.tr("Link “{0}” to a {1}: click it, or Tab to the nearest and Enter; Esc cancels").format(
            head.text, " / ".join(types)))

    def step(self, forward: bool = True) -> None:
        """Show the next (or previous) candidate, nearest first."""
        if not self.active:
            return
        if not self.candidates:
            self._say(self.tr("No {0} span in this document to link to").format(" / ".join(self.types)))
            return
        self.current = (self.current + (1 if forward else -1)) % len(self.candidates)
        candidate = self.candidates[self.current]
        assert self.head is not None
        self._view.set_link_preview(self.head.id, candidate.id, self._links.color(self.types[candidate.label]))
        self._view.show_range(candidate.start, candidate.end)
        self._say(self.tr("{0} “{1}” ({2} of {3}): Enter links it, Tab the next, Esc cancels").format(
            schema_name(self.types[candidate.label]), candidate.text, self.current + 1, len(self.candidates)))

    def commit(self) -> None:
        if not self.active:
            return
        if self.current < 0:
            self._say(self.tr("Tab to a span first, or click one"))
            return
        self.link_to(self.candidates[self.current])

    def clicked(self, span_id: int) -> bool:
        """A click on a span (``-1``: on none) in link mode links to it; ``False``
        when not in link mode, so the click selects as usual."""
        if not self.active:
            return False
        span = self._spans.find(span_id) if span_id >= 0 else None
        if span is None:
            self._say(self.tr("Click a span to link to, or press Esc"))
        else:
            self.link_to(span)
        return True

    def suggestion_clicked(self, _suggestion: Suggestion) -> bool:
        if not self.active:
            return False
        self._say(self.tr("A suggestion is not a span yet: accept it first (Esc leaves link mode)"))
        return True

    def link_to(self, span: Span) -> None:
        head = self.head
        assert head is not None
        if span.id == head.id:
            self._say(self.tr("A span cannot link to itself"))
            return
        type = self.types.get(span.label)
        if type is None:
            self._say(self.tr("“{0}” is a {1}: a link from “{2}” goes to a {3}").format(
                span.text, span.label, head.text, " / ".join(self.types)))
            return
        if any(r.head == head.id and r.tail == span.id and r.type == type for r in self._links.of(head.id)):
            self._say(self.tr("“{0}” is already the {1} of “{2}”").format(span.text, schema_name(type),
                                                                          head.text))
            return
        self.cancel(quiet=True)
        self._execute(AddLink(head.document_id, head.id, span.id, type))

    def cancel(self, quiet: bool = False) -> None:
        if not self.active:
            return
        self.head, self.types, self.candidates, self.current = None, {}, [], -1
        self._view.set_link_preview(None, None)
        self.changed.emit()
        if not quiet:
            self._say(self.tr("No link made"))

    def _head_changed(self, *_args) -> None:
        """The head relabelled while in link mode: the links it may have changed, start again."""
        if self.head is not None:
            now = self._spans.find(self.head.id)
            if now is None or now.label != self.head.label:
                self.cancel()

    def selection_changed(self) -> None:
        """The head was deleted, or another span or document chosen: link mode ends."""
        if self.head is not None and self._view.selected_span != self.head.id:
            self.cancel(quiet=True)


def _gap(a: Span, b: Span) -> int:
    """How many characters lie between two spans (0 when they touch or overlap)."""
    return max(0, b.start - a.end, a.start - b.end)
