"""The annotator's boilerplate decisions, carried to the other pages of a site.

A line excluded (or an excluded region included) by hand in one document says
something about the site: its other pages carry the same line (a slogan, a
footer) or the same line with other numbers and names (``发布日期: 2014-03-17
作者: 安庆妇联 访问次数:``).  :func:`propose` turns the decisions of one
document into region changes for the others, over plain data: the store reads
the documents, a session command applies the proposals as one undoable step.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

_DIGITS = regex.compile(r"\d+")
_KEY = regex.compile(r"(\p{Han}{1,6})\s*[:：]")
MIN_KEY = 2  # a decision on a line shorter than this would spread to anything


@dataclass(frozen=True)
class Decision:
    text: str       # one line of a region the annotator excluded or included, stripped
    excluded: bool


@dataclass(frozen=True)
class RegionProposal:
    document_id: int
    start: int
    end: int
    excluded: bool
    text: str
    how: str  # "same line" or "same pattern"


def pattern(line: str) -> str | None:
    """What pages of one site share in a line that changes per page: its
    words with numbers made alike, or, for a line of two or more ``key:``
    fields, the keys."""
    keys = _KEY.findall(line)
    if len(keys) >= 2:
        return "keys:" + "|".join(keys)
    if _DIGITS.search(line):
        return "digits:" + _DIGITS.sub("0", line)
    return None


def needle(decision: Decision) -> str:
    """A piece of text every line the decision applies to holds (for a cheap
    first look in the store): the key of a key:value line, else the longest
    stretch without digits."""
    keys = _KEY.findall(decision.text)
    if len(keys) >= 2:
        return keys[0]
    return max(_DIGITS.split(decision.text), key=len)


def decisions_of(text: str, overrides: Iterable[tuple[int, int, bool]]) -> list[Decision]:
    """The lines of a document's overridden regions, each with the annotator's decision."""
    out: dict[str, Decision] = {}
    for start, end, excluded in overrides:
        for line in text[start:end].split("\n"):
            line = line.strip()
            if len(line) >= MIN_KEY:
                out[line] = Decision(line, excluded)
    return list(out.values())


def _lines(text: str) -> Iterable[tuple[int, int, str]]:
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield pos + lead, pos + lead + len(stripped), stripped
        pos += len(line) + 1


def propose(decisions: Sequence[Decision],
            documents: Iterable[tuple[int, str, Sequence[tuple[int, int, bool]]]]) -> list[RegionProposal]:
    """Region changes for ``documents`` (id, normalized text, regions as (start,
    end, excluded)) that repeat ``decisions``: a line with the same text, or the
    same pattern, is excluded if the decision excluded it and not yet excluded;
    an excluded region on such a line is included if the decision included it."""
    exact = {d.text: d for d in decisions}
    patterns = {p: d for d in decisions if (p := pattern(d.text)) is not None}
    out: list[RegionProposal] = []
    for document_id, text, regions in documents:
        excluded = [(s, e) for s, e, x in regions if x]
        for start, end, line in _lines(text):
            decision, how = exact.get(line), "same line"
            if decision is None:
                p = pattern(line)
                decision, how = (patterns.get(p), "same pattern") if p is not None else (None, "")
            if decision is None:
                continue
            covering = [(s, e) for s, e in excluded if s < end and start < e]
            if decision.excluded:
                if not any(s <= start and end <= e for s, e in covering):
                    out.append(RegionProposal(document_id, start, end, True, line, how))
            else:
                for s, e in covering:
                    out.append(RegionProposal(document_id, s, e, False, text[s:e], how))
    return out
