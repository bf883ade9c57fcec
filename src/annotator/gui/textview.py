"""The normalized text, always plain, with spans drawn over it.

Spans are painted, not formatted: each paint draws translucent backgrounds
for the spans in view only (overlapping and nested spans show darker where
they meet) with a mark at each span's start and end, greys the excluded regions in view and underlines the selected
span.  Suggestions are outlines in their label's colour above the text (the
selected one thicker), so they never look like a span.  Links are curves from
one span to the other in their type's colour when both are in view (the
selected span's thicker, its linked spans outlined).  So a document with
10,000 spans opens as fast as bare text, and a new span costs one repaint of
the viewport, never a pass over all the spans.
Positions cross into Qt's UTF-16 only through
:class:`~annotator.gui.textpos.QtPositions`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Protocol

from PySide6.QtCore import QAbstractItemModel, QMimeData, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QTextBlock, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from ..store import Region, Relation, Span
from ..suggest.model import Suggestion
from .models import FixedSpans
from . import spots as uncertain
from .longlines import positions_for
from .plain import tip
from .reasons import reason_text, suggester_name
from .textpos import QtPositions


class SpanSource(Protocol):
    def spans_between(self, start: int, end: int) -> list[Span]: ...

    def find(self, span_id: int | None) -> Span | None: ...


class SuggestionSource(Protocol):
    def suggestions_between(self, start: int, end: int) -> list[Suggestion]: ...


class _NoSuggestions:
    def suggestions_between(self, start: int, end: int) -> list[Suggestion]:
        return []


class LinkSource(Protocol):
    def __bool__(self) -> bool: ...

    def of(self, span_id: int) -> list[Relation]: ...

    def color(self, type: str) -> str: ...


class _NoLinks:
    def __bool__(self) -> bool:
        return False

    def of(self, span_id: int) -> list[Relation]:
        return []

    def color(self, type: str) -> str:
        return "#888888"


_CHANGES = ("modelReset", "rowsInserted", "rowsRemoved", "dataChanged")

_EXCLUDED_BACKGROUND = QColor("#e6e6e6")
_EXCLUDED_VEIL = QColor(255, 255, 255, 140)  # over the text: greys it
_SPAN_ALPHA = 110
_EDGE = 1.5  # px: the mark at a span's start and end


class AnnotatedTextView(QPlainTextEdit):
    spanClicked = Signal(int)  # a span id, or -1 for a click on no span
    suggestionClicked = Signal(object)  # a Suggestion clicked where no span is
    pickedChanged = Signal()  # the selected span or suggestion changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("textView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setMouseTracking(True)
        self.setFont(QFont("Noto Sans CJK SC", 13))
        self._text = ""
        self._positions = QtPositions("")
        self._source: SpanSource = FixedSpans([])
        self._excluded: list[Region] = []
        self._colors: dict[str, QColor] = {}
        self._outlines: dict[str, QColor] = {}
        self._suggestions: SuggestionSource = _NoSuggestions()
        self._links: LinkSource = _NoLinks()
        self._link_preview: tuple[int, int | None, QColor] | None = None  # link mode: head, candidate
        self._after_paint: list[Callable[[], None]] = []
        self.selected_span: int | None = None
        self.selected_suggestion: Suggestion | None = None

    # content ------------------------------------------------------------------------
    def show_document(self, text: str, source: SpanSource, regions: list[Region], colors: dict[str, str],
                      suggestions: SuggestionSource | None = None, links: LinkSource | None = None) -> None:
        """Show ``text`` with the spans ``source`` holds: the span list (a Qt
        model, whose changes repaint the view) or a fixed few; and the
        suggestions and links ``suggestions`` and ``links`` give, if any."""
        self._text = text
        shown, self._positions = positions_for(text)  # very long lines in display pieces
        self.selected_span = self.selected_suggestion = None
        self._suggestions = suggestions or _NoSuggestions()
        self._links = links if links is not None else _NoLinks()
        self._link_preview = None
        self.setPlainText(shown)  # plain text: <b> and <img> are characters here, nothing more
        uncertain.clear(self)
        if source is not self._source:
            if isinstance(self._source, QAbstractItemModel):
                for signal in _CHANGES:
                    getattr(self._source, signal).disconnect(self._source_changed)
            if isinstance(source, QAbstractItemModel):
                for signal in _CHANGES:
                    getattr(source, signal).connect(self._source_changed)
            self._source = source
        self._colors = {}
        for name, value in colors.items():
            color = QColor(value)
            self._outlines[name] = color.darker(130)
            color.setAlpha(_SPAN_ALPHA)
            self._colors[name] = color
        self.set_regions(regions)
        self.pickedChanged.emit()

    def set_regions(self, regions: list[Region]) -> None:
        self._excluded = [r for r in regions if r.excluded]
        self.viewport().update()

    def after_next_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the view has painted (at once if it is hidden)."""
        if self.isVisible():
            self._after_paint.append(callback)
        else:
            callback()

    def _source_changed(self, *_args) -> None:
        if self.selected_span is not None and self._source.find(self.selected_span) is None:
            self.selected_span = None
            self.pickedChanged.emit()
        self.viewport().update()

    def select_span(self, span_id: int | None) -> None:
        self.selected_span = span_id
        self.selected_suggestion = None
        self.viewport().update()
        self.pickedChanged.emit()
        span = self._source.find(span_id)
        if span is not None:
            self.setTextCursor(self._cursor(span.start, span.start))
            self.ensureCursorVisible()

    def select_suggestion(self, suggestion: Suggestion | None) -> None:
        self.selected_suggestion = suggestion
        self.selected_span = None
        self.viewport().update()
        if suggestion is not None:
            self.setTextCursor(self._cursor(suggestion.start, suggestion.start))
            self.ensureCursorVisible()
        self.pickedChanged.emit()

    def set_link_preview(self, head: int | None, candidate: int | None, color: str = "#888888") -> None:
        """Link mode: the span a link would go from, and the one it would go to."""
        self._link_preview = None if head is None else (head, candidate, QColor(color))
        self.viewport().update()

    def show_range(self, start: int, end: int) -> None:
        """Scroll ``[start, end)`` into view without selecting anything."""
        self.setTextCursor(self._cursor(start, start))
        self.ensureCursorVisible()

    def suggestion_at(self, index: int) -> Suggestion | None:
        found = self._suggestions.suggestions_between(index, index + 1)
        return found[0] if found else None

    def spans_between(self, start: int, end: int) -> list[Span]:
        """Spans overlapping ``[start, end)``."""
        return self._source.spans_between(start, end)

    def spans_at(self, index: int) -> list[Span]:
        """Spans covering the character at ``index``, innermost first."""
        return sorted(self.spans_between(index, index + 1), key=lambda s: (s.end - s.start, s.start))

    # painting -------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        below, above, outlines = [], [], []
        for block, origin in self._blocks(event.rect()):
            start, end = self._block_range(block)
            for region in self._excluded:
                if region.start < end and region.end > start:
                    for rect in self._rects(block, origin, max(region.start, start), min(region.end, end)):
                        below.append((rect, _EXCLUDED_BACKGROUND))
                        above.append((rect, _EXCLUDED_VEIL))
            for span in self.spans_between(start, end):
                color = self._colors.get(span.label) or QColor(204, 204, 204, _SPAN_ALPHA)
                edge = self._outlines.get(span.label) or QColor("#888888")
                rects = list(self._rects(block, origin, max(span.start, start), min(span.end, end)))
                for rect in rects:
                    below.append((rect, color))
                    if span.id == self.selected_span:
                        above.append((QRectF(rect.left(), rect.bottom() - 2, rect.width(), 2), QColor("#000000")))
                # its own edges: two touching or nested spans of one label read as two
                if rects and span.start >= start:
                    above.append((QRectF(rects[0].left(), rects[0].top(), _EDGE, rects[0].height()), edge))
                if rects and span.end <= end:
                    last = rects[-1]
                    above.append((QRectF(last.right() - _EDGE, last.top(), _EDGE, last.height()), edge))
            for s in self._suggestions.suggestions_between(start, end):
                pen = QPen(self._outlines.get(s.label, QColor("#888888")), 3 if s == self.selected_suggestion else 1.2)
                for rect in self._rects(block, origin, max(s.start, start), min(s.end, end)):
                    outlines.append((rect.adjusted(1, 1, -1, -1), pen))
        if below:
            painter = QPainter(self.viewport())
            painter.setPen(Qt.PenStyle.NoPen)
            for rect, color in below:
                painter.fillRect(rect, color)
            painter.end()
        super().paintEvent(event)  # the text and the mouse selection, over the backgrounds
        uncertain.paint(self, event.rect())
        outlines += self._link_outlines()
        curves = self.link_curves() if self._links or self._link_preview else []
        if above or outlines or curves:
            painter = QPainter(self.viewport())
            painter.setPen(QPen(Qt.PenStyle.NoPen))
            for rect, color in above:
                painter.fillRect(rect, color)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect, pen in outlines:
                painter.setPen(pen)
                painter.drawRect(rect)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for path, pen in curves:
                painter.setPen(pen)
                painter.drawPath(path)
                painter.drawPath(arrowhead(path))
            painter.end()
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            QTimer.singleShot(0, self, callback)  # dropped if the view goes first

    def _blocks(self, rect: QRect) -> Iterator[tuple[QTextBlock, QPointF]]:
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > rect.bottom():
                break
            if block.isVisible() and geometry.bottom() >= rect.top():
                yield block, geometry.topLeft()
            block = block.next()

    def _block_range(self, block: QTextBlock) -> tuple[int, int]:
        start = block.position()
        return self._positions.from_qt(start), self._positions.from_qt(start + block.length() - 1)

    def _rects(self, block: QTextBlock, origin: QPointF, start: int, end: int) -> Iterator[QRectF]:
        """The rectangles covering characters ``[start, end)`` of one block, line by line."""
        if start >= end:
            return
        base = block.position()
        a, b = self._positions.to_qt(start) - base, self._positions.to_qt(end) - base
        layout = block.layout()
        first = layout.lineForTextPosition(a)  # a long paragraph has many lines: start at the right one
        for i in range(first.lineNumber() if first.isValid() else 0, layout.lineCount()):
            line = layout.lineAt(i)
            if line.textStart() >= b:
                break
            lo, hi = max(a, line.textStart()), min(b, line.textStart() + line.textLength())
            if lo >= hi:
                continue
            left, right = line.cursorToX(lo)[0], line.cursorToX(hi)[0]
            yield QRectF(origin.x() + left, origin.y() + line.y(), right - left, line.height())

    def link_curves(self) -> list[tuple[QPainterPath, QPen]]:
        """The links to draw: a curve from span to span, both in view; those of the
        selected span (and the one link mode would make) thicker."""
        anchors: dict[int, QRectF] = {}
        wanted = self._link_preview
        for block, origin in self._blocks(self.viewport().rect()):
            start, end = self._block_range(block)
            for span in self.spans_between(start, end):
                if span.id not in anchors and (self._links.of(span.id) or (wanted and span.id in wanted[:2])):
                    first = next(self._rects(block, origin, max(span.start, start), min(span.end, end)), None)
                    if first is not None:
                        anchors[span.id] = first
        curves = []
        gap = self.line_gap()
        for span_id, rect in anchors.items():
            for r in self._links.of(span_id):
                if r.head == span_id and r.tail in anchors:
                    color = QColor(self._links.color(r.type))
                    chosen = self.selected_span in (r.head, r.tail)
                    color.setAlpha(255 if chosen else 150)
                    curves.append((_curve(rect, anchors[r.tail], gap), QPen(color, 2.5 if chosen else 1.4)))
        if wanted and wanted[1] is not None and wanted[0] in anchors and wanted[1] in anchors:
            pen = QPen(wanted[2], 2.5, Qt.PenStyle.DashLine)
            curves.append((_curve(anchors[wanted[0]], anchors[wanted[1]], gap), pen))
        return curves

    def line_gap(self) -> float:
        """The blank between the bottom of a row of Chinese characters and the top of
        the next: what a link between two spans of one line may arch into."""
        metrics = self.fontMetrics()
        glyph = metrics.tightBoundingRect("国")
        return max(2.0, metrics.ascent() + glyph.top() + metrics.descent() - glyph.bottom() - 1)

    def _link_outlines(self) -> list[tuple[QRectF, QPen]]:
        """Outlines around the spans the selected span links to, and around link mode's two spans."""
        marks: list[tuple[int, QPen]] = []
        if self.selected_span is not None:
            for r in self._links.of(self.selected_span):
                other = r.tail if r.head == self.selected_span else r.head
                marks.append((other, QPen(QColor(self._links.color(r.type)), 1.5, Qt.PenStyle.DashLine)))
        if self._link_preview is not None:
            head, candidate, color = self._link_preview
            marks.append((head, QPen(color, 1.5, Qt.PenStyle.DashLine)))
            if candidate is not None:
                marks.append((candidate, QPen(color, 3)))
        return [(rect.adjusted(1, 1, -1, -1), pen) for span_id, pen in marks for rect in self.span_rects(span_id)]

    def span_rects(self, span_id: int) -> list[QRectF]:
        """Where a span is drawn in the viewport (empty when it is out of view)."""
        span = self._source.find(span_id)
        if span is None:
            return []
        rects = []
        for block, origin in self._blocks(self.viewport().rect()):
            start, end = self._block_range(block)
            rects += self._rects(block, origin, max(span.start, start), min(span.end, end))
        return rects

    # positions ----------------------------------------------------------------------
    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def selection_range(self) -> tuple[int, int] | None:
        """The selected text in code points of the normalized text, or ``None``."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._positions.from_qt(cursor.selectionStart())
        end = self._positions.from_qt(cursor.selectionEnd())
        return (start, end) if end > start else None

    def createMimeDataFromSelection(self) -> QMimeData:
        """A copy is the text's own characters, without the display breaks of long lines."""
        data = QMimeData()
        picked = self.selection_range()
        data.setText(self._text[picked[0]:picked[1]] if picked else "")
        return data

    def cursor_index(self) -> int:
        """Where the text cursor is, in code points."""
        return self._positions.from_qt(self.textCursor().position())

    def set_selection(self, start: int, end: int) -> None:
        self.setTextCursor(self._cursor(start, end))

    def _index_at(self, point) -> int:
        cursor = self.cursorForPosition(point)
        index = self._positions.from_qt(cursor.position())
        # the cursor sits between characters: take the one under the pointer
        rect = self.cursorRect(cursor)
        if point.x() < rect.x() and index > 0:
            index -= 1
        return index

    # events -------------------------------------------------------------------------
    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            index = self._index_at(event.position().toPoint())
            found = self.spans_at(index)
            suggestion = None if found else self.suggestion_at(index)
            if suggestion is not None:
                self.suggestionClicked.emit(suggestion)
            else:
                self.spanClicked.emit(found[0].id if found else -1)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            index = self._index_at(self.viewport().mapFromGlobal(event.globalPos()))
            found = self.spans_at(index)
            suggestion = None if found else self.suggestion_at(index)
            if found:
                QToolTip.showText(event.globalPos(), tip("\n".join(f"{s.label}: {s.text}" for s in found)), self)
            elif suggestion is not None:
                QToolTip.showText(event.globalPos(), tip(self.suggestion_tip(suggestion)), self)
            elif note := uncertain.tip_at(self, index):
                QToolTip.showText(event.globalPos(), tip(note), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def suggestion_tip(self, s: Suggestion) -> str:
        return self.tr("suggested {0} ({1}: {2}), confidence {3}").format(
            s.label, suggester_name(s.suggester), reason_text(s.reason) if s.reason else "…", f"{s.score:.0%}")


def _curve(a: QRectF, b: QRectF, gap: float = 8.0) -> QPainterPath:
    """A curve from span rectangle ``a`` to ``b``, with an arrowhead at ``b``:
    between lines from the edge that faces the other; on one line an arch above
    it, no higher than ``gap`` (the blank between two rows of characters), so that
    it never crosses the text above."""
    if b.top() >= a.bottom() - 1 or a.top() >= b.bottom() - 1:  # on different lines
        down = b.top() >= a.bottom() - 1
        start = QPointF(a.center().x(), a.bottom() if down else a.top())
        end = QPointF(b.center().x(), b.top() if down else b.bottom())
        bend = QPointF(0, (end.y() - start.y()) / 2)
        path = QPainterPath(start)
        path.cubicTo(start + bend, end - bend, end)
    else:
        start, end = QPointF(a.center().x(), a.top()), QPointF(b.center().x(), b.top())
        lift = QPointF(0, -min(gap, 4 + min(abs(end.x() - start.x()), 400) / 12) * 4 / 3)  # the arch's top: 3/4
        path = QPainterPath(start)
        path.cubicTo(start + lift, end + lift, end)
    return path


def arrowhead(curve: QPainterPath, size: float = 7.0) -> QPainterPath:
    """Two strokes at the end of ``curve``, along its last direction: which way the link goes."""
    tip = curve.pointAtPercent(1.0)
    angle = math.radians(curve.angleAtPercent(1.0))
    direction = QPointF(math.cos(angle), -math.sin(angle))  # Qt's angles turn counter-clockwise, y down
    normal = QPointF(-direction.y(), direction.x())
    back = tip - direction * size
    path = QPainterPath(back + normal * (size / 2))
    path.lineTo(tip)
    path.lineTo(back - normal * (size / 2))
    return path
