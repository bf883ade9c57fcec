"""A bar chart drawn with QPainter: labels, bars and their values, nothing more.
QtCharts comes only with PySide6-Addons (about 170 MB), which the statistics
view does not justify.

Horizontal bars (one a row, the label on the left, the value at the bar's end)
suit named categories; columns (``vertical=True``) suit a series of days, with
a few labels under them and each value in the tooltip."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from .plain import tip


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    color: str  # a colour name Qt reads (#rrggbb)
    note: str = ""  # after the value ("12 programs")
    tip: str = ""  # the tooltip; the label and value when empty


class BarChart(QWidget):
    ROW = 22  # height of a horizontal bar's row
    MARGIN = 8
    WIDEST_COLUMN = 48  # px: a column of a short series

    def __init__(self, parent: QWidget | None = None, *, vertical: bool = False, object_name: str = ""):
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.vertical = vertical
        self._title = ""
        self._bars: list[Bar] = []
        self._message: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    # content -----------------------------------------------------------------------
    def set_title(self, title: str) -> None:
        self._title = title
        self.update()

    def title(self) -> str:
        return self._title

    def set_bars(self, bars: list[Bar]) -> None:
        self._bars = list(bars)
        self._message = None
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_message(self, message: str | None) -> None:
        """A line shown instead of the bars ("computing…", "nothing yet")."""
        self._message = message
        self.update()

    def message(self) -> str | None:
        return self._message

    # geometry ------------------------------------------------------------------------
    def _title_height(self) -> int:
        return QFontMetrics(self.font()).height() + self.MARGIN

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        if self.vertical:
            body = 160 + line
        else:
            body = max(len(self._bars), 1) * self.ROW
        return QSize(480, self._title_height() + body + 2 * self.MARGIN)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0)
        return min(widest + self.MARGIN, self.width() // 3)

    def _value_text(self, bar: Bar) -> str:
        return f"{bar.value:,}" + (f" · {bar.note}" if bar.note else "")

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is drawn, in this widget's coordinates (an empty
        rectangle for a value of 0)."""
        if not self._bars:
            return []
        top = self._title_height() + self.MARGIN
        most = max(max(b.value for b in self._bars), 1)
        metrics = QFontMetrics(self.font())
        if self.vertical:
            bottom = self.height() - self.MARGIN - metrics.height()
            left, right = self.MARGIN + metrics.horizontalAdvance(f"{most:,}") + 4, self.width() - self.MARGIN
            step = min((right - left) / len(self._bars), self.WIDEST_COLUMN)  # a few days: no wall of colour
            gap = 1 if step > 3 else 0
            return [QRectF(left + i * step, bottom - (bottom - top) * b.value / most, max(step - gap, 1),
                           (bottom - top) * b.value / most) for i, b in enumerate(self._bars)]
        left = self.MARGIN + self._label_width()
        widest_value = max(metrics.horizontalAdvance(self._value_text(b)) for b in self._bars)
        room = max(self.width() - left - self.MARGIN - widest_value - 6, 10)
        return [QRectF(left, top + i * self.ROW + 3, room * b.value / most, self.ROW - 6)
                for i, b in enumerate(self._bars)]

    def bar_at(self, point: QPointF) -> int | None:
        for i, rect in enumerate(self.bar_rects()):
            band = QRectF(rect.left(), self._title_height(), rect.width(), self.height()) if self.vertical \
                else QRectF(0, rect.top() - 3, self.width(), self.ROW)
            if band.contains(point):
                return i
        return None

    # painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        painter.drawText(QRectF(self.MARGIN, self.MARGIN / 2, self.width() - 2 * self.MARGIN, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._title)
        painter.setFont(self.font())
        top = self._title_height() + self.MARGIN
        if self._message is not None or not self._bars:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(self.MARGIN, top, self.width() - 2 * self.MARGIN, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft, self._message or "")
            return
        rects = self.bar_rects()
        if self.vertical:
            self._paint_columns(painter, rects, metrics, text_color)
        else:
            self._paint_rows(painter, rects, metrics, text_color)

    def _paint_rows(self, painter: QPainter, rects: list[QRectF], metrics: QFontMetrics, text_color: QColor) -> None:
        label_width = self._label_width()
        for bar, rect in zip(self._bars, rects):
            row = QRectF(self.MARGIN, rect.top() - 3, label_width - 4, self.ROW)
            painter.setPen(text_color)
            painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, int(row.width())))
            if rect.width() > 0:
                painter.fillRect(rect, QColor(bar.color))
            painter.drawText(QRectF(rect.right() + 6, rect.top() - 3, self.width(), self.ROW),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._value_text(bar))

    def _paint_columns(self, painter: QPainter, rects: list[QRectF], metrics: QFontMetrics,
                       text_color: QColor) -> None:
        most = max(b.value for b in self._bars)
        bottom = self.height() - self.MARGIN - metrics.height()
        top = self._title_height() + self.MARGIN
        painter.setPen(text_color)
        painter.drawText(QRectF(self.MARGIN, top - metrics.height() / 2, rects[0].left() - self.MARGIN - 4,
                                metrics.height()), Qt.AlignmentFlag.AlignRight, f"{most:,}")
        painter.drawText(QRectF(self.MARGIN, bottom - metrics.height(), rects[0].left() - self.MARGIN - 4,
                                metrics.height()), Qt.AlignmentFlag.AlignRight, "0")
        painter.drawLine(QPointF(rects[0].left(), bottom), QPointF(rects[-1].right(), bottom))
        for bar, rect in zip(self._bars, rects):
            if rect.height() > 0:
                painter.fillRect(rect, QColor(bar.color))
        # labels under the columns, as many as fit without overlapping
        widest = max(metrics.horizontalAdvance(b.label) for b in self._bars) + 12
        step = max(1, int(widest // max(rects[0].width() + 1, 1)) + 1)
        for i in range(0, len(self._bars), step):
            center = rects[i].center().x()
            painter.drawText(QRectF(center - widest / 2, bottom + 2, widest, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter, self._bars[i].label)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            i = self.bar_at(QPointF(event.pos()))
            if i is None:
                QToolTip.hideText()
            else:
                bar = self._bars[i]
                QToolTip.showText(event.globalPos(), tip(bar.tip or f"{bar.label}: {self._value_text(bar)}"), self)
            return True
        return super().event(event)
