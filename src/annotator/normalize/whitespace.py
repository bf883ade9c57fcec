"""Line endings, indentation, space runs and blank-line runs.

Runs after the character fold, so NBSP and ideographic spaces are plain spaces
here.  A bullet (``•``, ``●`` or ``·`` followed by a space) that opens a line is
list furniture and goes with the indentation.
"""

from __future__ import annotations

import re

from .alignment import Alignment, apply_edits

_CR = re.compile(r"\r\n?")
_SPACES = re.compile(r" +")
_BULLET = re.compile(r"[•●▪◦·] +")
_BLANK_RUN = re.compile(r"\n{3,}")
_EDGES = re.compile(r"\A\n+|\n+\Z")


def unify_line_endings(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: CRLF and lone CR become LF (the LF keeps the CRLF's whole range)."""
    if "\r" not in text:
        return text, Alignment.identity(len(text)), {}
    edits = [(m.start(), m.end(), "\n") for m in _CR.finditer(text)]
    new, alignment = apply_edits(text, edits)
    return new, alignment, {"line_endings_fixed": len(edits)}


def _line_space_edits(text: str) -> list[tuple[int, int, str]]:
    """Indentation, a bullet opening a line, trailing spaces, and all but one space of a run."""
    n = len(text)
    edits = []
    for m in _SPACES.finditer(text):
        s, e = m.span()
        at_start = s == 0 or text[s - 1] == "\n"
        at_end = e == n or text[e] == "\n"
        if at_start or at_end:
            edits.append((s, e, ""))
        elif e - s > 1:
            edits.append((s + 1, e, ""))
    for m in _BULLET.finditer(text):
        s, e = m.span()
        line_start = text.rfind("\n", 0, s) + 1
        if e < n and text[e] != "\n" and not text[line_start:s].strip(" "):
            edits.append((s, e, ""))
    return _join_deletions(edits)


def _join_deletions(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sort deletions and join the ones that overlap or touch."""
    merged: list[tuple[int, int, str]] = []
    for s, e, _ in sorted(edits):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]), "")
        else:
            merged.append((s, e, ""))
    return merged


def tidy(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: strip indentation, bullets and trailing spaces; one space inside a line;
    at most one blank line in a row; no blank lines at the ends."""
    first, a1 = apply_edits(text, _line_space_edits(text))
    edits = [(m.start() + 2, m.end(), "") for m in _BLANK_RUN.finditer(first)] if "\n\n\n" in first else []
    edits += [(m.start(), m.end(), "") for m in _EDGES.finditer(first)]
    second, a2 = apply_edits(first, _join_deletions(edits))
    removed = (len(text) - len(first)) + (len(first) - len(second))
    return second, a1.then(a2), {"whitespace_removed": removed} if removed else {}
