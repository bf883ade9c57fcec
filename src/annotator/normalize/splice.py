"""GBK byte-splice garbage: ``推動?jì)D聯`` was 推動婦聯.

The site inserted glosses with a byte-level replace on GBK bytes.  動 is
``84 D3`` and 婦 ``8B 44``; the pair straddling them, ``D3 8B``, is 計, which
the site glosses, so ``(jì)`` went into the middle of 婦.  Decoding then turned
the orphaned lead byte ``8B`` and ``(`` into ``?`` and left the trail byte as
the ASCII letter ``D``.  Once the other glosses are gone the garbage reads
``P?gloss)T`` with P the character before and T the stray trail byte.

The lost lead byte L is recovered from what survived: the straddling pair
(last byte of P, L) must be a character read as the gloss, and (L, T) must be
a character.  Bytes alone often leave several characters (婦, 揇 and 汥 all
fit here), so the page itself decides: the repair is certain when exactly one
candidate forms, with the character before or after the garbage, a pair that
the page uses elsewhere (婦聯 occurs many times, 揇聯 never).  Otherwise the
text is left as it is and the spot is flagged with its candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .alignment import Alignment, apply_edits
from .gloss import is_syllable

ENCODINGS = ("gbk", "big5")
_GARBAGE = regex.compile(r"(?<=(?P<prev>.))\?(?P<gloss>[a-zü\u00e0-\u01dc\u01f9\u1e3f]{1,8})\)(?P<trail>[\x40-\x7e])?")
_HAN = regex.compile(r"\p{Han}")


@dataclass(frozen=True)
class Repair:
    start: int  # range in the step's input text
    end: int
    found: str
    replacement: str | None  # None: not certain, left alone
    candidates: tuple[str, ...]
    attested: tuple[str, ...]  # candidates the page's own pairs of characters support


def _readings(ch: str) -> set[str]:
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.TONE, heteronym=True, errors="ignore") if ch else []
    return set(found[0]) if found else set()  # a character with no reading (、) gives no list at all


@lru_cache(maxsize=4096)
def candidates(prev: str, gloss: str, trail: str | None) -> tuple[str, ...]:
    """Characters the garbage could have been, in every encoding that fits."""
    if trail is None:
        return ()
    found = set()
    for enc in ENCODINGS:
        try:
            prev_bytes = prev.encode(enc)
        except UnicodeEncodeError:
            continue
        if len(prev_bytes) != 2:
            continue
        for lead in range(0x81, 0xFF):
            try:
                straddle = bytes((prev_bytes[1], lead)).decode(enc)
                lost = bytes((lead, ord(trail))).decode(enc)
            except UnicodeDecodeError:
                continue
            if _HAN.match(lost) and gloss in _readings(straddle):
                found.add(lost)
    return tuple(sorted(found))


def find_repairs(text: str) -> list[Repair]:
    repairs = []
    seen: dict[str, bool] = {}

    def used(pair: str) -> bool:
        if pair not in seen:
            seen[pair] = pair in text
        return seen[pair]

    at = text.find("?")
    while at >= 0:
        # a match starts with its "?", and no "?" falls inside one: try each, as finditer would
        m = _GARBAGE.match(text, at)
        at = text.find("?", at + 1)
        if m is None or not is_syllable(m.group("gloss")):
            continue
        prev = m.group("prev")
        options = candidates(prev, m.group("gloss"), m.group("trail"))
        after = text[m.end()] if m.end() < len(text) else ""
        attested = tuple(c for c in options if (after and used(c + after)) or used(prev + c))
        sure = attested[0] if len(attested) == 1 else None
        repairs.append(Repair(m.start(), m.end(), m.group(), sure, options, attested))
    return repairs


def repair_splices(text: str) -> tuple[str, Alignment, dict[str, int], list[tuple[int, int, dict]]]:
    """Step: repair the splices whose lost character is certain; report every one found."""
    if "?" not in text:
        return text, Alignment.identity(len(text)), {}, []
    repairs = find_repairs(text)
    findings = [
        (r.start, r.end, {"found": r.found, "repaired_as": r.replacement,
                          "candidates": list(r.candidates), "certain": r.replacement is not None})
        for r in repairs
    ]
    edits = [(r.start, r.end, r.replacement) for r in repairs if r.replacement]
    counts = {"splices_repaired": len(edits), "splices_uncertain": len(repairs) - len(edits)}
    new, alignment = apply_edits(text, edits) if edits else (text, Alignment.identity(len(text)))
    return new, alignment, {k: v for k, v in counts.items() if v}, findings
