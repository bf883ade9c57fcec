"""The one place where code points meet Qt's UTF-16 positions.

Everything else in the project counts code points (Python string indices);
Qt counts UTF-16 code units, so each character outside the BMP (𠮷, 😀) is
two positions in Qt and one in Python.
"""

from __future__ import annotations


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
