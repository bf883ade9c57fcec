"""Line endings, indentation, space runs and blank-line runs.

Runs after the character fold, so NBSP and ideographic spaces are plain spaces
here.  A bullet (``•``, ``●`` or ``·`` followed by a space) that opens a line is
list furniture and goes with the indentation.
"""

from __future__ import annotations

import re

from .alignment import Alignment, apply_edits

_CR = re.compile(r"\r\n?")
_LINE_SPACE = re.compile(r"(?m)^ +(?:[•●▪◦·] +)?(?=\S)|^[•●▪◦·] +(?=\S)| +$|(?<=\S )  *(?=\S)")
_BLANK_RUN = re.compile(r"\n{3,}")
_EDGES = re.compile(r"\A\n+|\n+\Z")


def unify_line_endings(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: CRLF and lone CR become LF (the LF keeps the CRLF's whole range)."""
    if "\r" not in text:
        return text, Alignment.identity(len(text)), {}
    edits = [(m.start(), m.end(), "\n") for m in _CR.finditer(text)]
    new, alignment = apply_edits(text, edits)
    return new, alignment, {"line_endings_fixed": len(edits)}


def _line_space_edits(text: str):
    return [(m.start(), m.end(), "") for m in _LINE_SPACE.finditer(text)]


def tidy(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: strip indentation, bullets and trailing spaces; one space inside a line;
    at most one blank line in a row; no blank lines at the ends."""
    first, a1 = apply_edits(text, _line_space_edits(text))
    edits = [(m.start() + 2, m.end(), "") for m in _BLANK_RUN.finditer(first)]
    edits += [(m.start(), m.end(), "") for m in _EDGES.finditer(first)]
    edits.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, r in edits:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]), "")
        else:
            merged.append((s, e, r))
    second, a2 = apply_edits(first, merged)
    removed = (len(text) - len(first)) + (len(first) - len(second))
    return second, a1.then(a2), {"whitespace_removed": removed} if removed else {}
