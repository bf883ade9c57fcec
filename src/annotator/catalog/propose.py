"""Which canonical program a program span names: a proposal the annotator confirms.

Program names vary in a few regular ways, and each is tried before plain string
similarity:

* the same name, or one of the program's aliases (``score`` 1.0);
* the same name with or without a generic ending (``家家幸福安康`` and
  ``家家幸福安康工程``; ``巾帼心向党引领行动`` and ``巾帼心向党``): the same program;
* a region in front of a known name (``三秦巾帼大宣讲``, ``天府巾帼大宣讲``,
  ``侨都巾帼大宣讲`` → ``巾帼大宣讲``): a regional variant, a program of its own
  whose parent is the known one.  Regions come from ``resources/regions.toml``
  (provinces, their short and literary names, cities and their nicknames); a
  prefix ending in 省, 市, 县 … counts as a place, and any other short prefix
  makes a weaker proposal;
* a known name with a theme after it (``巾帼心向党·奋进新征程``): a variant too;
* otherwise the most similar name by :class:`difflib.SequenceMatcher` (a ratio
  of 0.8 or more), a weak proposal to link.

Known names are the catalog's names and aliases, then the national programs of
the domain lexicon (``resources/lexicon.toml``) that the catalog does not hold
yet: those are proposed to be created, so the first ``三秦巾帼大宣讲`` of an empty
catalog already gets ``巾帼大宣讲`` as its parent.  Everything here is a pure
function of plain data; no Qt, no SQL.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..store.models import Program
from .regions import Regions, default_regions, looks_like_place

CONFIDENT = 0.7  # at or above: worth showing as the proposal; below: "a new program" comes first
GENERIC_ENDINGS = ("系列活动", "主题活动", "引领行动", "系列行动", "活动", "行动", "工程", "项目", "品牌", "系列", "计划")
_QUOTES = str.maketrans("", "", "“”‘’「」『』\"'《》〈〉 \t\n\u3000")
_DOTS = str.maketrans({"•": "·", "・": "·", "‧": "·", "∙": "·", "．": "·"})
_MIN_KNOWN = 3  # a known name shorter than this is not looked for inside a longer one
_SIMILAR = 0.8


@dataclass(frozen=True)
class Proposal:
    """Link the span to program ``program_id``, or (``program_id`` is ``None``)
    create a program ``name``, under parent ``parent_id`` (or under a parent
    ``parent_name`` to be created too).  ``alias``: the mention, when it is not
    yet a name of the program, to remember as one."""

    kind: str  # "same", "alias", "ending", "variant", "theme", "similar" or "new"
    name: str
    program_id: int | None
    parent_id: int | None
    parent_name: str | None
    alias: str | None
    region: str | None
    score: float
    reason: str

    @property
    def creates(self) -> bool:
        return self.program_id is None


@dataclass(frozen=True)
class _Known:
    name: str  # as compared (see key())
    program: Program | None  # None: a national program of the lexicon, not in the catalog yet
    canonical: str  # the program's canonical name


def key(name: str) -> str:
    """A name as compared: quotes and spaces dropped, middle dots unified."""
    return name.translate(_QUOTES).translate(_DOTS)


def stem(name: str) -> str:
    """A name without a generic ending (``家家幸福安康工程`` → ``家家幸福安康``)."""
    for ending in GENERIC_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= _MIN_KNOWN:
            return name[: -len(ending)]
    return name


@cache
def national_programs() -> tuple[str, ...]:
    """The national programs of the domain lexicon: parents a regional variant may name."""
    data = tomllib.loads(resources.files("annotator.resources").joinpath("lexicon.toml").read_text("utf-8"))
    return tuple(data.get("PROGRAM", {}).get("words", ()))


def propose(name: str, programs: Sequence[Program], *, national: Iterable[str] | None = None,
            regions: Regions | None = None, limit: int = 5) -> list[Proposal]:
    """Proposals for the program a span named ``name`` belongs to, best first; the
    last one is to make a new program (unless the catalog has that name already),
    so the list is never empty."""
    regions = regions or default_regions()
    mention = key(name)
    known = _known(programs, national_programs() if national is None else national)
    found: dict[tuple[str, int | None, str | None], Proposal] = {}
    for k in known:
        p = _match(mention, k, regions)
        if p is not None:
            ident = (p.name, p.program_id, p.parent_name)
            if ident not in found or found[ident].score < p.score:
                found[ident] = p
    taken = {k.name for k in known if k.program is not None}
    usable = [p for p in found.values() if not (p.creates and p.name in taken)]
    best = sorted(usable, key=lambda p: (-p.score, -len(p.parent_name or p.name), p.name))[: limit - 1]
    if mention not in taken and not any(p.creates and p.parent_name is None and p.name == mention for p in best):
        best.append(Proposal("new", mention, None, None, None, None, _region_of_name(mention, regions), 0.0,
                             "no program in the catalog or the lexicon is like it"))
    return best


def best_proposal(name: str, programs: Sequence[Program], **options) -> Proposal:
    """The proposal to show first: the best one if at least :data:`CONFIDENT`, else a new program."""
    proposals = propose(name, programs, **options)
    top = proposals[0]
    return top if top.score >= CONFIDENT else proposals[-1]


def _known(programs: Sequence[Program], national: Iterable[str]) -> list[_Known]:
    known = []
    names = set()
    for p in programs:
        for n in (p.name, *p.aliases):
            known.append(_Known(key(n), p, p.name))
            names.add(key(n))
    known += [_Known(key(n), None, n) for n in national if key(n) not in names]
    return known


def _match(mention: str, k: _Known, regions: Regions) -> Proposal | None:
    in_catalog = k.program is not None
    penalty = 0.0 if in_catalog else 0.05  # the catalog's own names first
    where = "in the catalog" if in_catalog else "a national program (lexicon)"
    if mention == k.name:
        kind = "same" if k.name == key(k.canonical) else "alias"
        reason = f"the name of {k.canonical}" if kind == "same" else f"an alias of {k.canonical}"
        return _link(kind, k, None, 1.0 - penalty, f"{reason}, {where}")
    if len(stem(mention)) >= _MIN_KNOWN and stem(mention) == stem(k.name):
        return _link("ending", k, mention, 0.9 - penalty, f"{k.canonical} with another ending, {where}")
    if len(k.name) < _MIN_KNOWN:
        return None
    core = stem(mention) if stem(mention).endswith(k.name) else mention
    if core.endswith(k.name) and core != k.name:
        prefix = core[: -len(k.name)]
        province = regions.province(prefix)
        if province is not None:
            score, why = 0.9, f"{prefix} ({province}) + {k.canonical}"
        elif looks_like_place(prefix):
            province = regions.region_of(prefix)
            score, why = 0.85, f"the place {prefix} + {k.canonical}"
        elif len(prefix) <= 4 and len(k.name) >= 4:
            score, why = 0.7, f"{prefix} + {k.canonical}"
        else:
            return None
        return _variant("variant", core, k, mention, province, score - penalty,
                        f"a regional variant: {why}, {where}")
    if mention.startswith(k.name):
        theme = mention[len(k.name):].lstrip("·-—:：")
        if len(theme) >= 2:
            return _variant("theme", mention, k, None, None, 0.7 - penalty,
                            f"{k.canonical} with a theme: {theme}, {where}")
    matcher = difflib.SequenceMatcher(None, mention, k.name, autojunk=False)
    if matcher.real_quick_ratio() >= _SIMILAR and matcher.quick_ratio() >= _SIMILAR:
        ratio = matcher.ratio()
        if ratio >= _SIMILAR:
            return _link("similar", k, mention, round(ratio - 0.2 - penalty, 3),
                         f"similar to {k.canonical} ({ratio:.0%} alike), {where}")
    return None


def _link(kind: str, k: _Known, alias: str | None, score: float, reason: str) -> Proposal:
    if k.program is not None:
        if alias is not None and alias in (key(n) for n in (k.program.name, *k.program.aliases)):
            alias = None
        return Proposal(kind, k.program.name, k.program.id, k.program.parent_id, None, alias, None, score, reason)
    return Proposal(kind, k.canonical, None, None, None, alias if alias != key(k.canonical) else None, None,
                    score, reason)


def _variant(kind: str, name: str, k: _Known, mention: str | None, region: str | None, score: float,
             reason: str) -> Proposal:
    alias = mention if mention is not None and mention != name else None
    if k.program is not None:
        return Proposal(kind, name, None, k.program.id, k.program.name, alias, region, score, reason)
    return Proposal(kind, name, None, None, k.canonical, alias, region, score, reason)


def _region_of_name(name: str, regions: Regions) -> str | None:
    found = regions.leading(name)
    return found[1] if found else None
