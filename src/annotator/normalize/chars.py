"""Character-level clean-up: invisible and spam characters, compatibility forms.

Spam pages inject emoji and zero-width characters into sentences; private-use
characters are glyphs of some site's icon font.  Compatibility forms (full-width
ASCII, Roman numerals such as Ⅴ, compatibility ideographs, Kangxi radicals,
mathematical letters, odd spaces) are folded to their NFKC form, except those
where NFKC would change meaning in Chinese text (… stays ……, ① stays ①).
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import regex

from .tablecache import cached
from . import scan
from .alignment import Alignment, apply_edits

_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_EMOJI_ATOM = r"(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f)[\p{Emoji_Modifier}\ufe0f\u20e3]*"
_EMOJI = rf"{_EMOJI_ATOM}(?:\u200d{_EMOJI_ATOM}|\u200d\p{{Extended_Pictographic}})*"
_PRIVATE = r"\p{Co}"
# every character a match of _NOISE can start with
_NOISE_START = rf"[\p{{Emoji_Presentation}}\p{{Extended_Pictographic}}{_INVISIBLE}\p{{Co}}]"
# one pass finds all three kinds; emoji first so that a ZWJ inside one stays with it
_NOISE = regex.compile(rf"(?P<emoji>(?:{_EMOJI})+)|(?P<invisible>[{_INVISIBLE}])|(?P<private>{_PRIVATE})")
_CJK_CONTEXT = regex.compile(r"[\p{Han}，。、“”‘’《》：；！？（）,.:;!?()]")
_FOLD_RANGES = (
    (0x00A0, 0x00A1), (0x2000, 0x200B), (0x202F, 0x2030), (0x205F, 0x2060), (0x3000, 0x3001),
    (0xFF01, 0xFF5F), (0xFFE0, 0xFFE7), (0x2160, 0x2180), (0x2F00, 0x2FD6),
    (0xF900, 0xFB00), (0x2F800, 0x2FA20), (0x1D400, 0x1D800),
)
_DOTS = {"•": "·", "・": "·"}
# a cheap first look (stdlib re, plain ranges): does the text hold anything the noise pattern could match?
_MAYBE_NOISE = re.compile(
    "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2190-\u21ff\u231a-\u27bf"
    "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\ue000-\uf8ff\U0001f000-\U0001faff\U000f0000-\U0010ffff]"
)
_TAB = "\t"
_MAYBE, _START, _FOLD = 1, 2, 4  # bits of the character table


@cached
def fold_table() -> dict[str, str]:
    """Compatibility character → its folded form (NFKC; odd spaces → space)."""
    table = {}
    for lo, hi in _FOLD_RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch:
                table[ch] = " " if folded.isspace() or not folded else folded
    table[_TAB] = " "
    return table


@cached
def _invisible() -> frozenset[str]:
    return frozenset(chr(lo + i) for lo, hi in scan.runs(f"[{_INVISIBLE}]") for i in range(hi - lo))


@cached
def _char_table() -> np.ndarray:
    """Per code point: may be noise (the cheap first look), may start noise, may fold."""
    table = np.zeros(scan.MAX_CODE_POINT, dtype=np.uint8)
    for lo, hi in scan.runs(_MAYBE_NOISE.pattern, engine=re):
        table[lo:hi] |= _MAYBE
    for lo, hi in scan.runs(_NOISE_START):
        table[lo:hi] |= _START
    for ch in [*fold_table(), *_DOTS]:
        table[ord(ch)] |= _FOLD
    _invisible()  # built with the table, so that no page pays for it later
    return table


def remove_noise_chars(text: str) -> tuple[str, Alignment, dict[str, int], list[tuple[int, int, dict]]]:
    """Step: drop invisible and private-use characters, and emoji injected mid-sentence.

    Reports where each private-use character was: the annotator may want to know what it stood for."""
    flags, present = scan.lookup(_char_table(), text)
    if not present & _MAYBE:
        return text, Alignment.identity(len(text)), {}, []
    invisible = _invisible()
    n = len(text)
    edits = []
    private = []
    counts = {"invisible_removed": 0, "emoji_removed": 0, "private_use_removed": 0}
    end = 0
    # a match can only start where the table says so: try there, as finditer would
    for start in np.flatnonzero((flags & _START) != 0).tolist():
        if start < end:
            continue
        m = _NOISE.match(text, start)
        if m is None:
            continue
        end = m.end()
        kind = m.lastgroup
        if kind == "emoji":
            # look past invisible characters: they are injected alongside the emoji
            b, a = m.start(), m.end()
            while b > 0 and text[b - 1] in invisible:
                b -= 1
            while a < n and text[a] in invisible:
                a += 1
            before = text[b - 1] if b > 0 else ""
            after = text[a] if a < n else ""
            # spam sits inside a sentence; an emoji that ends a line or stands alone is content
            if not (before and after and _CJK_CONTEXT.match(before) and _CJK_CONTEXT.match(after)):
                continue
            counts["emoji_removed"] += 1
        elif kind == "invisible":
            counts["invisible_removed"] += 1
        else:
            counts["private_use_removed"] += 1
            private.append((m.start(), m.end(), {"char": f"U+{ord(m.group()):04X}"}))
        edits.append((m.start(), m.end(), ""))
    if not edits:
        return text, Alignment.identity(len(text)), {}, []
    new, alignment = apply_edits(text, edits)
    return new, alignment, {k: v for k, v in counts.items() if v}, private


def fold_compatibility(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: fold compatibility forms and odd spaces, and • between words to ·."""
    flags, present = scan.lookup(_char_table(), text)
    if not present & _FOLD:
        return text, Alignment.identity(len(text)), {}
    table = fold_table()
    n = len(text)
    edits = []
    for i in np.flatnonzero((flags & _FOLD) != 0).tolist():
        ch = text[i]
        if ch in _DOTS:
            if 0 < i < n - 1 and not text[i - 1].isspace() and not text[i + 1].isspace():
                edits.append((i, i + 1, _DOTS[ch]))
        else:
            edits.append((i, i + 1, table[ch]))
    if not edits:
        return text, Alignment.identity(len(text)), {}
    new, alignment = apply_edits(text, edits)
    folded = sum(1 for s, e, r in edits if r != " ")
    counts = {"compat_folded": folded, "spaces_folded": len(edits) - folded}
    return new, alignment, {k: v for k, v in counts.items() if v}
