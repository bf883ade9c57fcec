"""Line endings, indentation, space runs and blank-line runs.

Runs after the character fold, so NBSP and ideographic spaces are plain spaces
here.  A bullet (``•``, ``●`` or ``·`` followed by a space) that opens a line is
list furniture and goes with the indentation.
"""

from __future__ import annotations

import re

import numpy as np

from . import scan
from .alignment import Alignment, apply_edits

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


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the runs of true values."""
    edges = np.flatnonzero(np.diff(mask.view(np.int8), prepend=0, append=0))
    return edges[0::2], edges[1::2]


def _deleted(n: int, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """A mask of the characters inside any of the ranges (which may overlap)."""
    depth = np.zeros(n + 1, dtype=np.int32)
    np.add.at(depth, starts, 1)
    np.add.at(depth, ends, -1)
    return np.cumsum(depth[:-1]) > 0


def _line_space_deletions(cp: np.ndarray) -> np.ndarray:
    """Indentation, a bullet opening a line, trailing spaces, and all but one space of a run."""
    n = len(cp)
    s, e = _runs(cp == _SPACE)
    at_start = (s == 0) | (cp[np.maximum(s - 1, 0)] == _NEWLINE)
    at_end = (e == n) | (cp[np.minimum(e, n - 1)] == _NEWLINE)
    edge = at_start | at_end
    inner = ~edge & (e - s > 1)
    starts = [s[edge], s[inner] + 1]
    ends = [e[edge], e[inner]]
    # a bullet and its spaces, with only spaces before it on the line, and text after it
    b = np.flatnonzero(np.isin(cp[:-1], _BULLETS) & (cp[1:] == _SPACE))
    if len(b):
        after = e[np.searchsorted(s, b + 1)]  # the end of the spaces after the bullet
        run_before = np.searchsorted(e, b)  # the run of spaces ending at the bullet, if any
        spaces_from_line_start = (run_before < len(e)) & (e[np.minimum(run_before, len(e) - 1)] == b)
        spaces_from_line_start &= at_start[np.minimum(run_before, len(e) - 1)]
        opens_line = (b == 0) | (cp[np.maximum(b - 1, 0)] == _NEWLINE) | spaces_from_line_start
        keep = opens_line & (after < n) & (cp[np.minimum(after, n - 1)] != _NEWLINE)
        starts.append(b[keep])
        ends.append(after[keep])
    return _deleted(n, np.concatenate(starts), np.concatenate(ends))


def tidy(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: strip indentation, bullets and trailing spaces; one space inside a line;
    at most one blank line in a row; no blank lines at the ends."""
    n = len(text)
    if n == 0:
        return text, Alignment.identity(0), {}
    cp = scan.codepoints(text)
    kept = np.flatnonzero(~_line_space_deletions(cp))
    # then, on what is left: blank-line runs beyond one, and line breaks at the ends
    newline = cp[kept] == _NEWLINE
    s, e = _runs(newline)
    m = len(kept)
    long = e - s >= 3
    starts = np.concatenate((s[long] + 2, s[(s == 0)], s[(e == m)]))
    ends = np.concatenate((e[long], e[(s == 0)], e[(e == m)]))
    kept = kept[~_deleted(m, starts, ends)]
    if len(kept) == n:
        return text, Alignment.identity(n), {}
    keep = np.zeros(n, dtype=bool)
    keep[kept] = True
    new = scan.kept_text(text, keep)
    return new, Alignment.from_kept(kept.astype(np.int32 if n < 2**31 - 1 else np.int64), n), \
        {"whitespace_removed": n - len(new)}
