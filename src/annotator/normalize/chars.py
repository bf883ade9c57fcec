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
from functools import lru_cache

import regex

from .alignment import Alignment, apply_edits

_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_EMOJI_ATOM = r"(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f)[\p{Emoji_Modifier}\ufe0f\u20e3]*"
_EMOJI = rf"{_EMOJI_ATOM}(?:\u200d{_EMOJI_ATOM}|\u200d\p{{Extended_Pictographic}})*"
_PRIVATE = r"\p{Co}"
# one pass finds all three kinds; emoji first so that a ZWJ inside one stays with it
_NOISE = regex.compile(rf"(?P<emoji>(?:{_EMOJI})+)|(?P<invisible>[{_INVISIBLE}])|(?P<private>{_PRIVATE})")
_CJK_CONTEXT = regex.compile(r"[\p{Han}，。、“”‘’《》：；！？（）,.:;!?()]")
_INVISIBLE_RUN_BEFORE = regex.compile(rf"[{_INVISIBLE}]*\Z")
_INVISIBLE_RUN_AFTER = regex.compile(rf"[{_INVISIBLE}]*")
_FOLD_RANGES = (
    (0x00A0, 0x00A1), (0x2000, 0x200B), (0x202F, 0x2030), (0x205F, 0x2060), (0x3000, 0x3001),
    (0xFF01, 0xFF5F), (0xFFE0, 0xFFE7), (0x2160, 0x2180), (0x2F00, 0x2FD6),
    (0xF900, 0xFB00), (0x2F800, 0x2FA20), (0x1D400, 0x1D800),
)
_DOTS = {"•": "·", "・": "·"}
_DOT = re.compile("[•・]")
# a cheap first look (stdlib re, plain ranges): does the text hold anything the noise pattern could match?
_MAYBE_NOISE = re.compile(
    "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2190-\u21ff\u231a-\u27bf"
    "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\ue000-\uf8ff\U0001f000-\U0001faff\U000f0000-\U0010ffff]"
)
_TAB = "\t"


@lru_cache(maxsize=1)
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


@lru_cache(maxsize=1)
def _fold_pattern() -> "re.Pattern[str]":
    # ranges, not the table's characters one by one: a class of thousands of
    # single characters makes every step of the scan slow
    ranges = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi - 1))}" for lo, hi in _FOLD_RANGES)
    return re.compile(f"[{ranges}{_TAB}]")



def remove_noise_chars(text: str) -> tuple[str, Alignment, dict[str, int], list[tuple[int, int, dict]]]:
    """Step: drop invisible and private-use characters, and emoji injected mid-sentence.

    Reports where each private-use character was: the annotator may want to know what it stood for."""
    if not _MAYBE_NOISE.search(text):
        return text, Alignment.identity(len(text)), {}, []
    edits = []
    private = []
    counts = {"invisible_removed": 0, "emoji_removed": 0, "private_use_removed": 0}
    for m in _NOISE.finditer(text):
        kind = m.lastgroup
        if kind == "emoji":
            # look past invisible characters: they are injected alongside the emoji
            b = m.start() - len(_INVISIBLE_RUN_BEFORE.search(text, 0, m.start()).group())
            a = _INVISIBLE_RUN_AFTER.match(text, m.end()).end()
            before = text[b - 1] if b > 0 else ""
            after = text[a] if a < len(text) else ""
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
    table = fold_table()
    edits = []
    for m in _fold_pattern().finditer(text):
        folded = table.get(m.group())
        if folded is not None:
            edits.append((m.start(), m.end(), folded))
    for m in _DOT.finditer(text):
        i = m.start()
        if 0 < i < len(text) - 1 and not text[i - 1].isspace() and not text[i + 1].isspace():
            edits.append((i, i + 1, _DOTS[m.group()]))
    if not edits:
        return text, Alignment.identity(len(text)), {}
    edits.sort()
    new, alignment = apply_edits(text, edits)
    folded = sum(1 for s, e, r in edits if r != " ")
    counts = {"compat_folded": folded, "spaces_folded": len(edits) - folded}
    return new, alignment, {k: v for k, v in counts.items() if v}
