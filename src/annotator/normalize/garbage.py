"""Garbage inside body lines, marked as excluded regions of part of a line.

Forum anti-scrape strings (``参与。7 ]6 s: ], o* m2 J |+ P``: runs of one- to
three-character ASCII tokens with symbols, inserted between sentences),
content-farm watermarks inserted mid-sentence (``本文权属所有``,
``多学吧网本资料权属多学吧网,放上鼠标…``), a closing tag that lost its ``<``
(``/span>``, recognised by its form), and a caption printed twice on one line
(the second copy).  The text keeps them; the annotator can include them.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

# 4+ space-separated tokens of 1-3 visible ASCII characters, sitting between Han text or line ends
_SCRAPE = regex.compile(r"(?<![A-Za-z0-9])(?:[!-~]{1,3} ){3,}[!-~]{1,3}(?: (?=\p{Han}))?(?![A-Za-z0-9])")
_SYMBOL = regex.compile(r"[!-/:-@\[-`{-~]")
_WATERMARK = regex.compile(
    r"[(（]?(?:\S{0,6}网)?(?:本文|本资料|本站资料|该资料)(?:权属|版权归|版权属于)[^。！？!?\n]*"
    r"|[(（]?放上鼠标[^。！？!?\n]*"
)


# the body of a closing tag whose "<" was lost (a GBK byte eaten before it): "?/span>"
_BROKEN_TAG = regex.compile(r"(?<![<A-Za-z0-9/])/[A-Za-z][A-Za-z0-9]{0,9}>")


def anti_scrape(line: str) -> Iterator[tuple[int, int]]:
    for m in _SCRAPE.finditer(line):
        s = m.group()
        symbols = len(_SYMBOL.findall(s))
        mixed = sum(1 for tok in s.split() if len(tok) > 1 and not tok.isalnum() or (tok.isalnum() and not tok.isalpha() and not tok.isdigit()))
        if symbols >= 3 and mixed >= 2:
            yield m.start(), m.end()


def watermarks(line: str) -> Iterator[tuple[int, int]]:
    for m in _WATERMARK.finditer(line):
        yield m.start(), m.end()


def doubled(line: str) -> tuple[int, int] | None:
    """The second half of a line that is one piece of text twice (``XX``)."""
    n = len(line)
    if n >= 20 and n % 2 == 0 and line[: n // 2] == line[n // 2:]:
        return n // 2, n
    return None


def find(line: str) -> list[tuple[int, int, str]]:
    """Garbage pieces of one line: (start, end, rule), offsets in the line."""
    found = [(s, e, "anti-scrape") for s, e in anti_scrape(line)]
    found += [(s, e, "watermark") for s, e in watermarks(line)]
    found += [(m.start(), m.end(), "broken-tag") for m in _BROKEN_TAG.finditer(line)]
    d = doubled(line.rstrip())
    if d:
        found.append((d[0], d[1], "doubled-line"))
    return sorted(found)
