"""Whole-text character lookups, at C speed.

A step that only needs to know where (or whether) characters of some class
occur looks them up in a table indexed by code point over the text's code
points as a numpy array: a few milliseconds for a 5 MB page, where a regular
expression class of thousands of characters takes seconds and even a class of
a few ranges costs tens of milliseconds.  Tables are built once, from the same
definitions (a ``regex`` class, OpenCC) the steps use, so a lookup never
disagrees with them.

The code points of the most recent text, and what tables said about them, are
kept: the steps run one after another on the same text object whenever they
change nothing.  The pipeline calls ``forget`` when it is done.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import regex

MAX_CODE_POINT = 0x110000


class _Scanned:
    """A text's code points, and what tables said about them."""

    __slots__ = ("cp", "looked_up", "text")

    def __init__(self, text: str):
        self.text = text
        self.cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        self.looked_up: dict[int, tuple[np.ndarray, np.ndarray, int]] = {}


_last: _Scanned | None = None


def _scanned(text: str) -> _Scanned:
    global _last
    last = _last
    if last is None or last.text is not text:
        last = _last = _Scanned(text)
    return last


def codepoints(text: str) -> np.ndarray:
    """The code points of ``text`` as a read-only uint32 array."""
    return _scanned(text).cp


def forget() -> None:
    global _last
    _last = None


def lookup(table: np.ndarray, text: str) -> tuple[np.ndarray, int]:
    """``table[c]`` for every code point ``c`` of ``text``, and all those values or-ed together."""
    scanned = _scanned(text)
    found = scanned.looked_up.get(id(table))
    if found is None or found[0] is not table:
        flags = table.take(scanned.cp)
        found = (table, flags, int(np.bitwise_or.reduce(flags)) if len(flags) else 0)
        scanned.looked_up[id(table)] = found
    return found[1], found[2]


@lru_cache(maxsize=1)
def all_characters() -> str:
    """Every code point but the surrogates, in order (for building tables)."""
    points = np.concatenate((np.arange(0xD800), np.arange(0xE000, MAX_CODE_POINT))).astype(np.uint32)
    return points.tobytes().decode("utf-32-le")


def runs(pattern: str, flags: int = 0, engine=regex) -> list[tuple[int, int]]:
    """The code point ranges ``[lo, hi)`` whose characters match a one-character ``pattern``."""
    chars = all_characters()
    out = []
    for m in engine.finditer(f"(?:{pattern})+", chars, flags):
        lo, hi = ord(chars[m.start()]), ord(chars[m.end() - 1]) + 1
        pieces = [(lo, 0xD800), (0xE000, hi)] if lo < 0xD800 < hi else [(lo, hi)]  # not across the surrogates
        for lo, hi in pieces:
            if out and out[-1][1] == lo:
                out[-1] = (out[-1][0], hi)
            else:
                out.append((lo, hi))
    return out


def table_of(ranges: list[tuple[int, int]], dtype=np.bool_) -> np.ndarray:
    table = np.zeros(MAX_CODE_POINT, dtype=dtype)
    for lo, hi in ranges:
        table[lo:hi] = 1
    return table
