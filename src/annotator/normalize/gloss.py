"""Pinyin glosses inserted after characters: ``婦聯(lián)`` is 婦聯.

A gloss is ``(`` + exactly one pinyin syllable with its tone mark + ``)``
directly after a Han character.  The syllables are every tone-marked reading
pypinyin knows, so real parenthesised text such as ``(修正案)``,
``(2021—2030年)`` or ``(a)`` is never taken for one, and glosses nested
inside real parentheses (``黨組(擴(kuò)大)會議``) go while the parentheses stay.
"""

from __future__ import annotations

import re

import numpy as np

from .tablecache import cached
from . import scan
from .alignment import Alignment, apply_deletions

_TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ") | {"\u0304", "\u0301", "\u030c", "\u0300"}
# what may stand between the parentheses at all
_LETTER = "[a-zü\u00e0-\u01dc\u01f9\u1e3f\u0300-\u030c]"
_LETTERS = re.compile(_LETTER + "{1,8}")


@cached
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


@cached
def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Han characters; each letter a gloss may hold as a 9-bit code; every known
    syllable packed from those codes into one integer; the longest syllable."""
    han = scan.table_of(scan.runs(r"\p{Han}"))
    codes = np.zeros(scan.MAX_CODE_POINT, dtype=np.uint16)
    letters = [lo + i for lo, hi in scan.runs(_LETTER, engine=re) for i in range(hi - lo)]
    codes[letters] = np.arange(1, len(letters) + 1)
    assert len(letters) < 2**_BITS
    words = [w for w in syllables() if _LETTERS.fullmatch(w)]
    longest = max(map(len, words))
    keys = np.array(sorted(_pack([int(codes[ord(c)]) for c in w]) for w in words), dtype=np.uint64) \
        if longest * _BITS <= 64 else np.empty(0, dtype=np.uint64)
    return han, codes, keys, longest


_BITS = 9


def _pack(codes: list[int]) -> int:
    return sum(code << (_BITS * i) for i, code in enumerate(codes))


def find_glosses(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the glosses: ``(`` after a Han character, a known
    syllable, ``)``.

    Looked at every ``(`` at once in numpy: the letters up to the first ``)``
    are packed into one integer and looked up among the known syllables'."""
    han, codes, keys, longest = _tables()
    cp = scan.codepoints(text)
    paren = np.flatnonzero(cp == 0x28)
    paren = paren[paren > 0]
    at = paren[han[cp[paren - 1]]]  # candidates, and where each has got to
    last = len(cp) - 1
    packed = np.zeros(len(at), dtype=np.uint64)
    found_at: list[np.ndarray] = []
    found_len: list[np.ndarray] = []
    found_key: list[np.ndarray] = []
    for length in range(longest + 1):
        if not len(at):
            break
        ahead = at + (length + 1)
        nxt = cp[np.minimum(ahead, last)]
        nxt[ahead > last] = 0  # past the end: no letter, no ")"
        if length:
            close = nxt == 0x29
            found_at.append(at[close])
            found_len.append(np.full(int(close.sum()), length))
            found_key.append(packed[close])
        code = codes[nxt]
        letter = code > 0
        at, packed = at[letter], packed[letter] | (code[letter].astype(np.uint64) << np.uint64(_BITS * length))
    if not found_at:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    starts = np.concatenate(found_at)
    lengths = np.concatenate(found_len)
    keys_found = np.concatenate(found_key)
    if len(keys):
        where = np.minimum(np.searchsorted(keys, keys_found), len(keys) - 1)
        known = keys[where] == keys_found
    else:  # a syllable too long to pack: look each up
        pairs = zip(starts.tolist(), lengths.tolist(), strict=True)
        known = np.array([text[p + 1:p + 1 + k] in syllables() for p, k in pairs], dtype=bool)
    order = np.argsort(starts[known], kind="stable")
    starts = starts[known][order]
    return starts, starts + lengths[known][order] + 2


def remove_glosses(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: delete every pinyin gloss."""
    if "(" not in text:
        return text, Alignment.identity(len(text)), {}
    starts, ends = find_glosses(text)
    if not len(starts):
        return text, Alignment.identity(len(text)), {}
    new, alignment = apply_deletions(text, starts, ends)
    return new, alignment, {"glosses_removed": len(starts)}
