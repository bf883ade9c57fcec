"""Wavy underlines in the text view under the spots the normalizer flagged but
could not repair (GBK byte loss, a run decoded one byte off, an unrepaired
splice), with a tooltip saying what the spot probably was.

Kept apart from the view: it calls :func:`paint` after drawing the text and
:func:`tip_at` when asked for a tooltip; the window hands the store's
``uncertain_spots`` (already in normalized positions) to :func:`show`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRect
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

COLOR = QColor("#d0021b")
_WAVE = 2.0  # half a wave's width and its height, in pixels


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    tip: str


def marks(spots: dict[str, list[dict[str, Any]]]) -> list[Mark]:
    """One mark per spot, at least one character wide, with the words of its tooltip."""
    out = []
    for s in spots.get("byte_loss", []):
        out.append(Mark(s["start"], s["end"], QCoreApplication.translate("spots", "“{0}” probably was “{1}”: bytes were lost here").format(
            s["found"], s["probably"])))
    for s in spots.get("shifted_runs", []):
        out.append(Mark(s["start"], s["end"], QCoreApplication.translate("spots", "“{0}” was decoded one byte off; it probably reads “{1}”")
                        .format(s["found"], s["realigned"])))
    for s in spots.get("splices", []):
        out.append(Mark(s["start"], s["end"], QCoreApplication.translate("spots", "“{0}”: a character was cut here, probably one of {1}")
                        .format(s["found"], " ".join(s.get("candidates", [])) or "?")))
    return sorted(out, key=lambda m: (m.start, m.end))


def show(view, spots: dict[str, list[dict[str, Any]]]) -> None:
    length = len(view._text)
    view._uncertain = [Mark(min(m.start, length), min(max(m.end, m.start + 1), length), m.tip) for m in marks(spots)]
    view.viewport().update()


def clear(view) -> None:
    view._uncertain = []


def tip_at(view, index: int) -> str:
    return "\n".join(m.tip for m in getattr(view, "_uncertain", []) if m.start <= index < m.end)


def paint(view, rect: QRect) -> None:
    found = getattr(view, "_uncertain", [])
    if not found:
        return
    waves = QPainterPath()
    for block, origin in view._blocks(rect):
        start, end = view._block_range(block)
        for m in found:
            if m.start < end and m.end > start:
                for r in view._rects(block, origin, max(m.start, start), min(m.end, end)):
                    _wave(waves, r.left(), r.right(), r.bottom() - _WAVE - 1)
    if waves.isEmpty():
        return
    painter = QPainter(view.viewport())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(COLOR, 1.2))
    painter.drawPath(waves)
    painter.end()


def _wave(path: QPainterPath, left: float, right: float, y: float) -> None:
    path.moveTo(QPointF(left, y))
    x, up = left, True
    while x < right:
        x = min(x + _WAVE, right)
        path.lineTo(QPointF(x, y - _WAVE if up else y))
        up = not up
