"""Very long lines shown in pieces, the text and every offset unchanged.

Qt lays a paragraph out whole: a page of 21 million characters on one line (a
common JSONL dump) took 27 s and 1 GB to show.  Cut into display lines of at
most MAX_LINE characters (after a sentence end where one is near), it is laid
out lazily, a screen at a time.  The breaks exist only in the widget's
document: :class:`BrokenPositions` maps across them, so code points, spans
and anything copied are those of the text itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .textpos import QtPositions

MAX_LINE = 4000
_LOOK_BACK = 400  # how far back from the limit a sentence end is looked for
_SENTENCE_END = re.compile(r"[。！？；!?;，,、 ]")
_LONG = re.compile(r"(?m)^[^\n]{%d,}" % (MAX_LINE + 1))


def display_breaks(text: str, max_line: int = MAX_LINE) -> list[int]:
    """Where a display line break goes (before the character at each index), so
    that no line of ``text`` is longer than ``max_line``; empty for ordinary pages."""
    breaks: list[int] = []
    long = _LONG if max_line == MAX_LINE else re.compile(r"(?m)^[^\n]{%d,}" % (max_line + 1))
    for m in long.finditer(text):
        start, end = m.span()
        while end - start > max_line:
            limit = start + max_line
            cut = limit
            for found in _SENTENCE_END.finditer(text, max(start + 1, limit - _LOOK_BACK), limit):
                cut = found.end()  # the last one before the limit
            breaks.append(cut)
            start = cut
    return breaks


def with_breaks(text: str, breaks: list[int]) -> str:
    """``text`` with a line break before each index of ``breaks``: what the widget shows."""
    if not breaks:
        return text
    pieces, last = [], 0
    for at in breaks:
        pieces.append(text[last:at])
        last = at
    pieces.append(text[last:])
    return "\n".join(pieces)


class BrokenPositions(QtPositions):
    """Code points ↔ positions in the widget's document, which has UTF-16 units
    and the display breaks: a break sits before its character, so an index there
    is the start of the next display line, and the break's own position is the
    index too."""

    def __init__(self, text: str, breaks: list[int]):
        super().__init__(text)
        self._breaks = breaks
        self._break_qt = [super(BrokenPositions, self).to_qt(at) + k for k, at in enumerate(breaks)]

    def to_qt(self, index: int) -> int:
        return super().to_qt(index) + bisect_right(self._breaks, index)

    def from_qt(self, position: int) -> int:
        return super().from_qt(position - bisect_left(self._break_qt, position))


def positions_for(text: str) -> tuple[str, QtPositions]:
    """What the widget shows for ``text``, and the positions that map back to it."""
    breaks = display_breaks(text)
    if not breaks:
        return text, QtPositions(text)
    return with_breaks(text, breaks), BrokenPositions(text, breaks)
