"""Small repairs after the Simplified conversion, each with its exact map.

* Doubled punctuation: pages glossed by a byte-level replace carry a stray
  comma before the real mark (``连日来,,各社区``, ``自尊,、自信``, ``凝聚力,。``);
  the comma goes (a deletion, so every other character keeps its raw place).
* Variant characters OpenCC leaves as they are (``陜西`` ×4 on one page): the
  standard form, one character for one.
"""

from __future__ import annotations

import numpy as np
import regex

from .alignment import Alignment, apply_deletions

_DOUBLED = regex.compile(r"[,，](?=[ \t]*[,，、。])")
_VARIANTS = {"陜": "陕", "偺": "咱", "粧": "妆", "衞": "卫"}
_VARIANT_TABLE = str.maketrans(_VARIANTS)
_VARIANT_CHARS = regex.compile("[" + "".join(_VARIANTS) + "]")


def collapse_doubled_punctuation(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: delete the comma of ``,,`` ``,、`` ``,。``."""
    if ",," not in text and ",、" not in text and ",。" not in text and "，" not in text and ", " not in text:
        return text, Alignment.identity(len(text)), {}
    found = [m.start() for m in _DOUBLED.finditer(text)]
    if not found:
        return text, Alignment.identity(len(text)), {}
    starts = np.array(found, dtype=np.int64)
    new, alignment = apply_deletions(text, starts, starts + 1)
    return new, alignment, {"doubled_punctuation_removed": len(found)}


def standard_variants(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: variant characters OpenCC keeps → their standard Simplified form."""
    count = len(_VARIANT_CHARS.findall(text))
    if not count:
        return text, Alignment.identity(len(text)), {}
    return text.translate(_VARIANT_TABLE), Alignment.identity(len(text)), {"variants_standardised": count}
