"""Pinyin glosses inserted after characters: ``婦聯(lián)`` is 婦聯.

A gloss is ``(`` + exactly one pinyin syllable with its tone mark + ``)``
directly after a Han character.  The syllables are every tone-marked reading
pypinyin knows, so real parenthesised text such as ``(修正案)``,
``(2021—2030年)`` or ``(a)`` is never taken for one, and glosses nested
inside real parentheses (``黨組(擴(kuò)大)會議``) go while the parentheses stay.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .alignment import Alignment, apply_edits

_TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ") | {"\u0304", "\u0301", "\u030c", "\u0300"}
_CANDIDATE = regex.compile(r"(?<=\p{Han})\(([a-zü\u00e0-\u01dc\u01f9\u1e3f\u0300-\u030c]{1,8})\)")


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every pinyin syllable that carries exactly one tone mark."""
    from pypinyin.pinyin_dict import pinyin_dict

    found = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            if sum(ch in _TONE_MARKS for ch in reading) == 1:
                found.add(reading)
    return frozenset(found)


def is_syllable(text: str) -> bool:
    return text in syllables()


def remove_glosses(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: delete every pinyin gloss."""
    if "(" not in text:
        return text, Alignment.identity(len(text)), {}
    known = syllables()
    edits = [(m.start(), m.end(), "") for m in _CANDIDATE.finditer(text) if m.group(1) in known]
    if not edits:
        return text, Alignment.identity(len(text)), {}
    new, alignment = apply_edits(text, edits)
    return new, alignment, {"glosses_removed": len(edits)}
