"""How well a normalized page's body matches a hand-written gold: the measure
``bench/bench_cleanup.py`` prints and ``tests/normalize/test_cleanup_gold.py``
holds to its floors.

Body fidelity is ``1 - edit distance / length`` over the text left once the
excluded regions are taken out, compared with the gold body with all whitespace
removed (line breaks and indentation are not what the measure is about).  Lines
are the raw page's lines: a gold line is *excluded* when most of the normalized
characters that came from it lie in excluded regions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

_SPACE = frozenset(" \t\n\r\u3000\u00a0")


def strip_space(text: str) -> str:
    return "".join(ch for ch in text if ch not in _SPACE and not ch.isspace())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, a row at a time in numpy (insertions by a running minimum)."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    bs = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(len(b) + 1, dtype=np.int64)
    row = idx.copy()
    for i, ch in enumerate(a, 1):
        cost = (bs != ord(ch)).astype(np.int64)
        tmp = np.empty_like(row)
        tmp[0] = i
        tmp[1:] = np.minimum(row[1:] + 1, row[:-1] + cost)
        # d[j] = min(tmp[j], d[j-1] + 1) = j + running min of (tmp[k] - k)
        row = np.minimum.accumulate(tmp - idx) + idx
    return int(row[-1])


def fidelity(expected: str, got: str) -> float:
    e, g = strip_space(expected), strip_space(got)
    return max(0.0, 1.0 - edit_distance(e, g) / max(len(e), 1))


def excluded_mask(length: int, excluded) -> np.ndarray:
    mask = np.zeros(length, dtype=bool)
    for region in excluded:
        start, end = (region["start"], region["end"]) if isinstance(region, dict) else (region.start, region.end)
        mask[start:end] = True
    return mask


def body_text(text: str, mask: np.ndarray) -> str:
    """The normalized text without its excluded characters."""
    return "".join(ch for ch, out in zip(text, mask.tolist()) if not out)


@dataclass
class PageScore:
    fidelity: float
    boilerplate: int          # gold boilerplate lines
    boilerplate_excluded: int
    body_lines: int
    body_excluded: list[int]  # gold body lines (1-based) that were excluded
    kept_boilerplate: list[int]


def score(doc, gold: dict[str, Any]) -> PageScore:
    """Score a :class:`NormalizedDocument` against a gold record (tests/data/cleanup/README.md)."""
    text = doc.text
    mask = excluded_mask(len(text), doc.excluded)
    raw_line_starts = np.array([0] + [i + 1 for i, ch in enumerate(doc.raw_text) if ch == "\n"], dtype=np.int64)
    starts, _ = doc.alignment.arrays()
    starts = np.asarray(starts, dtype=np.int64)
    line_of = np.searchsorted(raw_line_starts, starts, "right")  # 1-based raw line of each character
    visible = np.array([not ch.isspace() for ch in text], dtype=bool)

    def excluded(line: int, boilerplate: bool) -> bool:
        """Boilerplate counts as excluded from half its characters, body from more than half."""
        chars = (line_of == line) & visible
        n = int(chars.sum())
        if n == 0:
            return boilerplate
        out = int((chars & mask).sum()) * 2
        return out >= n if boilerplate else out > n

    boiler = gold["lines"]["boilerplate"]
    body = gold["lines"]["body"]
    out = [n for n in boiler if excluded(n, True)]
    return PageScore(
        fidelity=fidelity(gold["body_text"], body_text(text, mask)),
        boilerplate=len(boiler),
        boilerplate_excluded=len(out),
        body_lines=len(body),
        body_excluded=[n for n in body if excluded(n, False)],
        kept_boilerplate=[n for n in boiler if n not in out],
    )
