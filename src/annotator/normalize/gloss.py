"""Pinyin glosses inserted after characters: ``婦聯(lián)`` is 婦聯.

A gloss is ``(`` + exactly one pinyin syllable with its tone mark + ``)``
directly after a Han character.  The syllables are every tone-marked reading
pypinyin knows, so real parenthesised text such as ``(修正案)``,
``(2021—2030年)`` or ``(a)`` is never taken for one, and glosses nested
inside real parentheses (``黨組(擴(kuò)大)會議``) go while the parentheses stay.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from . import scan
from .alignment import Alignment

_TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ") | {"\u0304", "\u0301", "\u030c", "\u0300"}
# what may stand between the parentheses at all
_LETTERS = re.compile("[a-zü\u00e0-\u01dc\u01f9\u1e3f\u0300-\u030c]{1,8}")


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


def _trie(words: list[str]) -> str:
    """An alternation matching exactly ``words``, shared prefixes factored out."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        group = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{group})?"
        return group

    return build(root)


@lru_cache(maxsize=1)
def gloss_pattern() -> "re.Pattern[str]":
    """A whole gloss, and nothing else: ``(``, a known syllable, ``)``, after a Han character.

    The syllables are in the pattern, so every match is a gloss with no check
    per match; the literal ``(`` first lets the engine skip ahead to each one."""
    words = sorted(w for w in syllables() if _LETTERS.fullmatch(w))
    return re.compile(rf"(\((?<={scan.han_class()}\(){_trie(words)}\))")


def remove_glosses(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: delete every pinyin gloss."""
    if "(" not in text:
        return text, Alignment.identity(len(text)), {}
    parts = gloss_pattern().split(text)  # kept, gloss, kept, gloss, ..., kept
    if len(parts) == 1:
        return text, Alignment.identity(len(text)), {}
    new = "".join(parts[0::2])
    bounds = np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)))
    alignment = Alignment.from_deletions(bounds[0::2][:-1], bounds[1::2], len(text))
    return new, alignment, {"glosses_removed": len(parts) // 2}
