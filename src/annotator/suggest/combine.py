"""All suggesters on one document, merged into what the annotator is shown.

The combiner drops what the annotator has already decided (a span overlapping
an existing one, a suggestion rejected in this document, anything in an excluded
region or inside a fixed political phrase), keeps the best-scored of duplicates,
and resolves overlaps greedily by score, then length, so the result never
overlaps itself.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Protocol

from .dates import suggest_dates
from .jieba_tags import suggest_jieba
from .lexicon import suggest_learned, suggest_lexicon
from .model import Lexicon, Suggestion
from .programs import suggest_programs

Suggester = Callable[[str, Lexicon], list[Suggestion]]

SUGGESTERS: dict[str, Suggester] = {
    "learned": suggest_learned,
    "lexicon": suggest_lexicon,
    "programs": suggest_programs,
    "dates": suggest_dates,
    "jieba": suggest_jieba,
}
MIN_SCORE = 0.5


class Ranged(Protocol):
    start: int
    end: int


class Labelled(Ranged, Protocol):
    label: str


def suggest(text: str, lexicon: Lexicon | None = None, *, spans: Iterable[Ranged] = (),
            rejected: Iterable[Labelled] = (), excluded: Iterable[Ranged] = (),
            min_score: float = MIN_SCORE, suggesters: Iterable[str] | None = None) -> list[Suggestion]:
    """The suggestions for one document, sorted by position.

    A pure function of its arguments (plain data: safe to run in a worker thread).
    ``spans`` are the document's spans, ``rejected`` its rejections, ``excluded``
    its excluded regions (anything with ``start`` and ``end``; rejections also
    with ``label``).  The first call in a process loads jieba (about a second)."""
    lexicon = lexicon or Lexicon()
    names = list(SUGGESTERS) if suggesters is None else list(suggesters)
    found = [s for name in names for s in SUGGESTERS[name](text, lexicon)]
    return combine(found, spans=spans, rejected=rejected, excluded=excluded,
                   blocked=_blocked(text, lexicon), min_score=min_score)


def combine(found: Iterable[Suggestion], *, spans: Iterable[Ranged] = (), rejected: Iterable[Labelled] = (),
            excluded: Iterable[Ranged] = (), blocked: Iterable[tuple[int, int]] = (),
            min_score: float = MIN_SCORE) -> list[Suggestion]:
    """Merge the suggesters' output (see the module docstring)."""
    taken = _Ranges((s.start, s.end) for s in spans)
    off_limits = _Ranges([*((r.start, r.end) for r in excluded), *blocked])
    no = {(r.start, r.end, r.label) for r in rejected}
    best: dict[tuple[int, int, str], Suggestion] = {}
    for s in found:
        if s.score < min_score or s.key in no or taken.overlaps(s.start, s.end) \
                or off_limits.overlaps(s.start, s.end):
            continue
        old = best.get(s.key)
        if old is None or s.score > old.score:
            best[s.key] = s
    chosen = _Ranges()
    out = []
    for s in sorted(best.values(), key=lambda s: (-s.score, s.start - s.end, s.start)):
        if not chosen.overlaps(s.start, s.end):
            chosen.add(s.start, s.end)
            out.append(s)
    out.sort()
    return out


def _blocked(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _, _ in lexicon.domain.blocked_matcher.find(text)]


class _Ranges:
    """Non-empty ``[start, end)`` ranges that answer "does this overlap any?"; kept
    merged and sorted, so a long excluded region costs one entry."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(ranges):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        if start >= end:
            return
        i = bisect.bisect_left(self._ends, start)  # the first range that ends at or after start
        j = bisect.bisect_right(self._starts, end)  # past the last range that starts at or before end
        if i < j:
            start = min(start, self._starts[i])
            end = max(end, self._ends[j - 1])
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._ends, start)  # the first range that ends after start
        return i < len(self._starts) and self._starts[i] < end
