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

from .alignment import Alignment, apply_deletions

_DOUBLED = re.compile(r"[,，](?=[ \t]*[,，、。])")
_PAIRS = tuple(a + b for a in ",，" for b in ",，、。")
_VARIANTS = {"陜": "陕", "偺": "咱", "粧": "妆", "衞": "卫"}
_VARIANT_TABLE = str.maketrans(_VARIANTS)


def collapse_doubled_punctuation(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: delete the comma of ``,,`` ``,、`` ``,。``."""
    if not any(pair in text for pair in _PAIRS) and ", " not in text and "， " not in text:
        return text, Alignment.identity(len(text)), {}  # the usual page: a few scans at C speed
    found = [m.start() for m in _DOUBLED.finditer(text)]
    if not found:
        return text, Alignment.identity(len(text)), {}
    starts = np.array(found, dtype=np.int64)
    new, alignment = apply_deletions(text, starts, starts + 1)
    return new, alignment, {"doubled_punctuation_removed": len(found)}


def standard_variants(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: variant characters OpenCC keeps → their standard Simplified form."""
    count = sum(text.count(ch) for ch in _VARIANTS)
    if not count:
        return text, Alignment.identity(len(text)), {}
    return text.translate(_VARIANT_TABLE), Alignment.identity(len(text)), {"variants_standardised": count}
