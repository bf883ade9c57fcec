"""Line endings, indentation, space runs and blank-line runs.

Runs after the character fold, so NBSP and ideographic spaces are plain spaces
here.  A bullet (``•``, ``●`` or ``·`` followed by a space) that opens a line is
list furniture and goes with the indentation.
"""

from __future__ import annotations

import re

import numpy as np

from . import scan
from .alignment import Alignment, apply_deletions, apply_edits

_CR = re.compile(r"\r\n?")
_BULLETS = [ord(c) for c in "•●▪◦·"]
_SPACE, _NEWLINE = ord(" "), ord("\n")


def unify_line_endings(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: CRLF and lone CR become LF (the LF keeps the CRLF's whole range)."""
    if "\r" not in text:
        return text, Alignment.identity(len(text)), {}
    edits = [(m.start(), m.end(), "\n") for m in _CR.finditer(text)]
    new, alignment = apply_edits(text, edits)
    return new, alignment, {"line_endings_fixed": len(edits)}


def _runs(positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the runs of consecutive positions (sorted)."""
    if not len(positions):
        return positions, positions
    breaks = np.flatnonzero(np.diff(positions) != 1) + 1
    return positions[np.concatenate(([0], breaks))], positions[np.concatenate((breaks - 1, [len(positions) - 1]))] + 1


def _merged(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ranges sorted and joined where they overlap or touch."""
    if not len(starts):
        return starts, ends
    order = np.argsort(starts, kind="stable")
    starts, ends = starts[order], np.maximum.accumulate(ends[order])
    new = np.ones(len(starts), dtype=bool)
    new[1:] = starts[1:] > ends[:-1]
    last = np.append(np.flatnonzero(new)[1:] - 1, len(starts) - 1)
    return starts[new], ends[last]


def _line_space_deletions(cp: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indentation, a bullet opening a line, trailing spaces, and all but one space of a run."""
    n = len(cp)
    s, e = _runs(np.flatnonzero(cp == _SPACE))
    if not len(s):
        return s, e
    at_start = (s == 0) | (cp[np.maximum(s - 1, 0)] == _NEWLINE)
    at_end = (e == n) | (cp[np.minimum(e, n - 1)] == _NEWLINE)
    edge = at_start | at_end
    inner = ~edge & (e - s > 1)
    starts = [s[edge], s[inner] + 1]
    ends = [e[edge], e[inner]]
    # a bullet is followed by a run of spaces; it goes with them when only spaces
    # stand before it on its line and text follows them
    before = cp[np.maximum(s - 1, 0)]
    r = np.flatnonzero((s > 0) & np.logical_or.reduce([before == b for b in _BULLETS]))  # not np.isin: it imports numpy.ma
    if len(r):
        b = s[r] - 1
        after = e[r]
        spaces_before = (r > 0) & (e[np.maximum(r - 1, 0)] == b) & at_start[np.maximum(r - 1, 0)]
        opens_line = (b == 0) | (cp[np.maximum(b - 1, 0)] == _NEWLINE) | spaces_before
        keep = opens_line & (after < n) & (cp[np.minimum(after, n - 1)] != _NEWLINE)
        starts.append(b[keep])
        ends.append(after[keep])
    return _merged(np.concatenate(starts), np.concatenate(ends))


def _blank_line_deletions(cp: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The line breaks to delete once the spaces are gone: beyond two in a row, and at the ends."""
    n = len(cp)
    newlines = np.flatnonzero(cp == _NEWLINE)
    if not len(newlines):
        return newlines
    # where each line break lands once the ranges (which never hold one) are deleted
    removed = np.concatenate(([0], np.cumsum(ends - starts)))
    before = np.searchsorted(starts, newlines)
    landed = newlines - removed[before]
    left = n - int(removed[-1])
    rs, re_ = _runs(landed)
    first = np.searchsorted(landed, rs)  # index of each run's first line break
    lengths = re_ - rs
    at_edge = (rs == 0) | (re_ == left)
    # runs at either end go entirely; other runs keep two
    marks = np.zeros(len(newlines) + 1, dtype=np.int32)
    np.add.at(marks, first[at_edge], 1)
    np.add.at(marks, first[at_edge] + lengths[at_edge], -1)
    long = ~at_edge & (lengths >= 3)
    np.add.at(marks, first[long] + 2, 1)
    np.add.at(marks, first[long] + lengths[long], -1)
    drop = np.cumsum(marks[:-1]) > 0
    return newlines[drop]


def tidy(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: strip indentation, bullets and trailing spaces; one space inside a line;
    at most one blank line in a row; no blank lines at the ends.

    Found as runs of spaces and of line breaks, in numpy: a page has few of them."""
    n = len(text)
    if n == 0:
        return text, Alignment.identity(0), {}
    cp = scan.codepoints(text)
    starts, ends = _line_space_deletions(cp)
    newlines = _blank_line_deletions(cp, starts, ends)
    starts, ends = _merged(np.concatenate((starts, newlines)), np.concatenate((ends, newlines + 1)))
    if not len(starts):
        return text, Alignment.identity(n), {}
    new, alignment = apply_deletions(text, starts, ends)
    return new, alignment, {"whitespace_removed": n - len(new)}
