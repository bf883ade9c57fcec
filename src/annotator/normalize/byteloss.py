"""GBK byte loss: two bytes dropped inside ``基础。`` leave ``基矗``.

础 is ``B4 A1`` and 。 is ``A1 A3``; lose the middle ``A1 A1`` and what is left,
``B4 A3``, is 矗.  选、 (``D1 A1`` ``A1 A2``) becomes 癣 the same way.  Nothing
can be repaired with certainty, but the pattern shows where it happened: a
character (L, T) whose T is the trail byte of a common punctuation mark
(、 。 ， ：), where (L, A1) is a character the page pairs with the same
neighbour elsewhere (基础 occurs, 基矗 only here).  Such spots are flagged
with the text they probably were; the text is left as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .alignment import Alignment

_PUNCT_TRAIL = {0xA2: "、", 0xA3: "。"}  # A1 A2, A1 A3 in GB2312
MAX_CHARS = 1_000_000  # the check counts pairs with a scan of the text each; a larger text is not checked


@lru_cache(maxsize=1)
def _remains() -> "re.Pattern[str]":
    """Every character that can be the remains of a lost ``A1 A1``."""
    chars = []
    for lead in range(0xB0, 0xF8):
        for trail in _PUNCT_TRAIL:
            try:
                chars.append(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return re.compile("[" + re.escape("".join(chars)) + "]")


def _candidate(ch: str) -> str | None:
    """What ``ch`` was if it is the remains of (L, A1) + (A1, T): that character and the mark."""
    try:
        b = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    if len(b) != 2 or b[1] not in _PUNCT_TRAIL or not 0xB0 <= b[0] <= 0xF7:
        return None
    try:
        first = bytes((b[0], 0xA1)).decode("gbk")
    except UnicodeDecodeError:
        return None
    return first + _PUNCT_TRAIL[b[1]]


def find_byte_loss(text: str) -> tuple[str, Alignment, dict[str, int], list[tuple[int, int, dict]]]:
    """Step (findings only): spots where two GBK bytes were probably lost."""
    findings = []
    if len(text) <= MAX_CHARS:
        counted: dict[str, int] = {}

        def count(pair: str) -> int:
            if pair not in counted:
                counted[pair] = text.count(pair)
            return counted[pair]

        for m in _remains().finditer(text, 1):
            i = m.start()
            was = _candidate(text[i])
            prev = text[i - 1]
            if was is not None and not prev.isspace() and count(prev + text[i]) == 1 and count(prev + was[0]) >= 1:
                findings.append((i, i + 1, {"found": text[i], "probably": was}))
    counts = {"byte_loss_suspected": len(findings)} if findings else {}
    return text, Alignment.identity(len(text)), counts, findings
