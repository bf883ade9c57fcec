"""Suggester ``dates``: dates and date ranges as written, with their units.

``2024年08月07日``, ``10月23日至26日`` (one span), ``2023-11-15``, ``2024年`` and
``二〇二四年十月``.  Times of day are left out (``10月27日下午`` → ``10月27日``), as the
guidelines ask.  Quantities (``约30人``, ``89场次``) have no label in the schema and
are not suggested.
"""

from __future__ import annotations

import regex

from .model import Lexicon, Suggestion

NAME = "dates"

_D = r"[0-9]"
_CN = r"[〇零一二三四五六七八九]"
_CN_SMALL = r"[一二三四五六七八九十]"
_DAY = rf"(?:{_D}{{1,2}}日|{_CN_SMALL}{{1,3}}日)"
_MONTH = rf"(?:{_D}{{1,2}}月|{_CN_SMALL}{{1,2}}月)"
_YEAR = rf"(?:{_D}{{4}}年|{_CN}{{4}}年)"
_RANGE = r"(?:至|到|—|–|-|~)"
_PATTERNS = [
    # a full or partial date, optionally a range to a later day, month or year
    rf"{_YEAR}?{_MONTH}{_DAY}(?:{_RANGE}{_YEAR}?{_MONTH}?{_DAY})?",
    rf"{_YEAR}{_MONTH}?(?:{_RANGE}{_YEAR}{_MONTH}?)?",
    rf"{_D}{{4}}([-/.]){_D}{{1,2}}\1{_D}{{1,2}}(?![0-9])",
]
_DATE = regex.compile(r"(?<![0-9])(?:" + "|".join(_PATTERNS) + r")")


def suggest_dates(text: str, lexicon: Lexicon) -> list[Suggestion]:
    return [Suggestion(m.start(), m.end(), "DATE", 0.9, NAME, "date pattern") for m in _DATE.finditer(text)]
