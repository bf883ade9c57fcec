"""All suggesters on one document, merged into what the annotator is shown.

The combiner drops what the annotator has already decided (a span overlapping
an existing one, a suggestion rejected in this document, anything in an excluded
region or inside a fixed political phrase), keeps the best-scored of duplicates,
and resolves overlaps greedily by score, then length, so the result never
overlaps itself; a name competes with the best score of what lies inside it
(a place inside an organisation goes with the organisation).
"""

from __future__ import annotations

import bisect

import regex
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from .dates import suggest_dates
from .general import suggest_general
from .jieba_tags import suggest_jieba
from .lexicon import suggest_learned, suggest_lexicon
from .model import Lexicon, Suggestion
from .programs import suggest_programs
from .tagger import NAME as TAGGER, suggest_with

if TYPE_CHECKING:
    from .tagger import Tagger

Suggester = Callable[[str, Lexicon], list[Suggestion]]

SUGGESTERS: dict[str, Suggester] = {
    "learned": suggest_learned,
    "lexicon": suggest_lexicon,
    "programs": suggest_programs,
    "dates": suggest_dates,
    "jieba": suggest_jieba,
    "general": suggest_general,
}
MIN_SCORE = 0.5


class Ranged(Protocol):
    start: int
    end: int


class Labelled(Ranged, Protocol):
    label: str


def suggest(text: str, lexicon: Lexicon | None = None, *, spans: Iterable[Ranged] = (),
            rejected: Iterable[Labelled] = (), excluded: Iterable[Ranged] = (),
            min_score: float = MIN_SCORE, suggesters: Iterable[str] | None = None,
            tagger: "Tagger | None" = None, weights: Mapping[str, float] | None = None) -> list[Suggestion]:
    """The suggestions for one document, sorted by position.

    A pure function of its arguments (plain data: safe to run in a worker thread).
    ``spans`` are the document's spans, ``rejected`` its rejections, ``excluded``
    its excluded regions (anything with ``start`` and ``end``; rejections also
    with ``label``).  ``tagger`` is the project's trained tagger (suggester
    ``tagger``), ``weights`` each suggester's weight in this project (see
    :mod:`annotator.suggest.learner`); ``min_score`` is the confidence floor.
    The first call in a process loads jieba (about a second) and the general
    model (under a second)."""
    lexicon = lexicon or Lexicon()
    names = list(SUGGESTERS) if suggesters is None else [n for n in suggesters if n in SUGGESTERS]
    found = vet(text, [s for name in names for s in SUGGESTERS[name](text, lexicon)], general="general" in names)
    if tagger is not None:
        raw = found
        found = calibrate(found, tagger.agreement(text, lexicon, raw))
        if suggesters is None or TAGGER in suggesters:
            found.extend(suggest_with(tagger, text, lexicon, raw))
    if weights:
        found = [s if weights.get(s.suggester, 1.0) == 1.0 else replace(s, score=round(s.score * weights[s.suggester], 3))
                 for s in found]
    return combine(found, spans=spans, rejected=rejected, excluded=excluded,
                   blocked=_blocked(text, lexicon), min_score=min_score)


_JIEBA_ADMIN = ("省", "市", "县", "区", "州", "镇", "乡", "村", "岛")
_PRESS = regex.compile(r"(?:报|社|台|网)讯$")
_LINE_END = regex.compile(r"[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")


def vet(text: str, found: list[Suggestion], general: bool = True) -> list[Suggestion]:
    """General checks of what one suggester says against the others' evidence: no
    name runs across a line (of an organisation, the last line is kept); the general model's span must start and end on
    jieba's word boundaries (LAC cut 统战部长 into 统战部 + 长); a news byline's
    讯 is not part of the paper's name (香港商报讯); jieba's place tag on a word
    (嘉宾, 欢度, 河畔) is kept only where the general model also sees a place or
    organisation or the word ends in an administrative unit (when the general
    model is on: ``general``)."""
    from .general import analyse
    from .tokens import tokens

    bounds = {0, len(text)}
    for t in tokens(text):
        bounds.add(t.start)
        bounds.add(t.end)
    lac = analyse(text) if general and any(s.suggester == "jieba" and s.label == "LOC" for s in found) else None
    out = []
    for s in found:
        surface = text[s.start:s.end]
        line = _LINE_END.search(surface)
        if line:  # a name ends a line at most: an organisation's noun ends it, so keep the last line
            last = surface.splitlines()[-1].strip() if s.label == "ORG" else ""
            if len(last) < 2 or not surface.endswith(last):
                continue
            s = replace(s, start=s.end - len(last))
            surface = last
        if s.label == "ORG" and _PRESS.search(surface):
            s = replace(s, end=s.end - 1)
        elif s.suggester == "general":
            if s.label != "DATE" and (s.start not in bounds or s.end not in bounds):
                continue
        elif s.suggester == "jieba" and s.label == "LOC" and lac is not None and not surface.endswith(_JIEBA_ADMIN):
            if not any(lac.tags[i] in ("LOC", "ORG") for i in range(s.start, s.end)):
                continue
        out.append(s)
    return out


def calibrate(found: list[Suggestion], agreement: list[float | None]) -> list[Suggestion]:
    """One scale for every suggester: once the project has a tagger, a suggestion's
    confidence is the mean of its own and the tagger's probability for it, so a
    rule this project's spans contradict drops below the floor."""
    return [s if p is None else replace(s, score=round((s.score + p) / 2, 3), reason=f"{s.reason}; tagger {p:.0%}")
            for s, p in zip(found, agreement)]


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
    rank = _rank(best.values())
    chosen = _Ranges()
    out = []
    for s in sorted(best.values(), key=lambda s: (-rank[s.key], s.start - s.end, s.start)):
        if not chosen.overlaps(s.start, s.end):
            chosen.add(s.start, s.end)
            out.append(s)
    out.sort()
    return out


_NAMES = frozenset({"ORG", "PROGRAM", "EVENT", "DOC"})


def _rank(found: Iterable[Suggestion]) -> dict[tuple[int, int, str], float]:
    """The score each candidate competes with: its own, except that a name (ORG,
    PROGRAM, EVENT, DOC) competes with the best score of what lies inside it, so a
    place inside an organisation goes with the organisation: by the guidelines
    the name is one span."""
    found = sorted(found, key=lambda s: (s.start, -s.end))
    rank = {s.key: s.score for s in found}
    for i, outer in enumerate(found):
        if outer.label not in _NAMES:
            continue
        for inner in found[i + 1:]:
            if inner.start >= outer.end:
                break
            if inner.end <= outer.end and inner.end - inner.start < outer.end - outer.start:
                rank[outer.key] = max(rank[outer.key], inner.score)
    return rank


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
