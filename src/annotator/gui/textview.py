"""The normalized text, always plain, with spans drawn over it.

Spans are coloured backgrounds (translucent, so overlapping and nested spans
show darker where they meet), excluded regions are greyed, the selected span
is underlined.  Positions cross into Qt's UTF-16 only through
:class:`~annotator.gui.textpos.QtPositions`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from ..store import Region, Span
from .textpos import QtPositions


class AnnotatedTextView(QPlainTextEdit):
    spanClicked = Signal(int)  # a span id, or -1 for a click on no span

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
        self._spans: list[Span] = []
        self._regions: list[Region] = []
        self._colors: dict[str, str] = {}
        self.selected_span: int | None = None

    # content ------------------------------------------------------------------------
    def show_document(self, text: str, spans: list[Span], regions: list[Region], colors: dict[str, str]) -> None:
        self._text = text
        self._positions = QtPositions(text)
        self.selected_span = None
        self.setPlainText(text)  # plain text: <b> and <img> are characters here, nothing more
        self.set_annotations(spans, regions, colors)

    def set_annotations(self, spans: list[Span], regions: list[Region], colors: dict[str, str]) -> None:
        self._spans, self._regions, self._colors = spans, regions, colors
        if self.selected_span not in {s.id for s in spans}:
            self.selected_span = None
        self._paint()

    def select_span(self, span_id: int | None) -> None:
        self.selected_span = span_id
        self._paint()
        span = next((s for s in self._spans if s.id == span_id), None)
        if span is not None:
            cursor = self._cursor(span.start, span.start)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def _paint(self) -> None:
        selections = []
        grey = QTextCharFormat()
        grey.setForeground(QColor("#9a9a9a"))
        grey.setBackground(QColor("#eeeeee"))
        for region in self._regions:
            if region.excluded:
                selections.append(self._selection(region.start, region.end, grey))
        formats: dict[str, QTextCharFormat] = {}
        for span in self._spans:
            fmt = formats.get(span.label)
            if fmt is None:
                color = QColor(self._colors.get(span.label, "#cccccc"))
                color.setAlpha(110)
                fmt = formats[span.label] = QTextCharFormat()
                fmt.setBackground(color)
            selections.append(self._selection(span.start, span.end, fmt))
        for span in self._spans:
            if span.id == self.selected_span:
                mark = QTextCharFormat()
                mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                mark.setUnderlineColor(QColor("#000000"))
                mark.setFontUnderline(True)
                mark.setFontWeight(QFont.Weight.Bold)
                selections.append(self._selection(span.start, span.end, mark))
        self.setExtraSelections(selections)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = self._cursor(start, end)
        sel.format = fmt
        return sel

    # positions ----------------------------------------------------------------------
    def selection_range(self) -> tuple[int, int] | None:
        """The selected text in code points of the normalized text, or ``None``."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._positions.from_qt(cursor.selectionStart())
        end = self._positions.from_qt(cursor.selectionEnd())
        return (start, end) if end > start else None

    def cursor_index(self) -> int:
        """Where the text cursor is, in code points."""
        return self._positions.from_qt(self.textCursor().position())

    def set_selection(self, start: int, end: int) -> None:
        self.setTextCursor(self._cursor(start, end))

    def spans_at(self, index: int) -> list[Span]:
        """Spans covering the character at ``index``, innermost first."""
        found = [s for s in self._spans if s.start <= index < s.end]
        return sorted(found, key=lambda s: (s.end - s.start, s.start))

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
            found = self.spans_at(self._index_at(event.position().toPoint()))
            self.spanClicked.emit(found[0].id if found else -1)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            found = self.spans_at(self._index_at(self.viewport().mapFromGlobal(event.globalPos())))
            if found:
                QToolTip.showText(event.globalPos(), "\n".join(f"{s.label}: {s.text}" for s in found), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
