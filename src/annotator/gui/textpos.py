"""The one place where code points meet Qt's UTF-16 positions.

Everything else in the project counts code points (Python string indices);
Qt counts UTF-16 code units, so each character outside the BMP (𠮷, 😀) is
two positions in Qt and one in Python.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def to_qt(text: str, index: int) -> int:
    """Code-point index → UTF-16 position."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def from_qt(text: str, position: int) -> int:
    """UTF-16 position → code-point index (a position inside a pair rounds down)."""
    units = 0
    for i, ch in enumerate(text):
        step = 2 if ord(ch) > 0xFFFF else 1
        if units + step > position:
            return i
        units += step
    return len(text)


class QtPositions:
    """Both conversions for one text in O(log n), for long documents with many spans."""

    def __init__(self, text: str):
        self.text = text
        # found by a regular expression, at C speed: a 21-million-character page is no loop in Python
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if _has_astral(text) else []
        self._ends = [i + k + 2 for k, i in enumerate(self._astral)]  # UTF-16 end of each astral character

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._astral, index)

    def from_qt(self, position: int) -> int:
        n = bisect_right(self._ends, position)
        if n < len(self._astral) and self._ends[n] - 1 == position:  # inside a surrogate pair
            return self._astral[n]
        return min(position - n, len(self.text))


def _has_astral(text: str) -> bool:
    # str.isascii is instant; otherwise the UTF-16 length tells at C speed
    return not text.isascii() and len(text.encode("utf-16-le")) != 2 * len(text)
