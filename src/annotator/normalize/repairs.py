"""Small repairs after the Simplified conversion, each with its exact map.

* Doubled punctuation: pages glossed by a byte-level replace carry a stray
  comma before the real mark (``连日来,,各社区``, ``自尊,、自信``, ``凝聚力,。``);
  the comma goes (a deletion, so every other character keeps its raw place).
* Variant characters OpenCC leaves as they are (``陜西`` ×4 on one page): the
  standard form, one character for one.
"""

from __future__ import annotations

import re

import numpy as np

from . import scan
from .alignment import Alignment, apply_deletions

_DOUBLED = re.compile(r"[,，](?=[ \t]*[,，、。])")
_VARIANTS = {"陜": "陕", "偺": "咱", "粧": "妆", "衞": "卫"}
_VARIANT_TABLE = str.maketrans(_VARIANTS)


def collapse_doubled_punctuation(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: delete the comma of ``,,`` ``,、`` ``,。`` (spaces between allowed).

    Commas are found with numpy over the code points (a regular expression
    class scans a 5 MB page several times slower); only a comma followed by a
    space is checked with the pattern."""
    cp = scan.codepoints(text)
    if len(cp) < 2:
        return text, Alignment.identity(len(text)), {}
    comma = (cp[:-1] == 44) | (cp[:-1] == 0xFF0C)
    nxt = cp[1:]
    direct = comma & ((nxt == 44) | (nxt == 0xFF0C) | (nxt == 0x3001) | (nxt == 0x3002))
    spaced = comma & ((nxt == 32) | (nxt == 9))
    found = np.flatnonzero(direct).tolist()
    found += [i for i in np.flatnonzero(spaced).tolist() if _DOUBLED.match(text, i)]
    if not found:
        return text, Alignment.identity(len(text)), {}
    starts = np.array(sorted(found), dtype=np.int64)
    new, alignment = apply_deletions(text, starts, starts + 1)
    return new, alignment, {"doubled_punctuation_removed": len(found)}


def standard_variants(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: variant characters OpenCC keeps → their standard Simplified form."""
    count = sum(text.count(ch) for ch in _VARIANTS)
    if not count:
        return text, Alignment.identity(len(text)), {}
    return text.translate(_VARIANT_TABLE), Alignment.identity(len(text)), {"variants_standardised": count}
