"""Optional: ASCII punctuation next to Chinese becomes full-width.

The corpus reaches us compatibility-folded (``下午,淮南``, ``黨組(擴大)``), and
the default keeps it that way so that one convention holds across the corpus
and raw and normalized text differ as little as possible.  With
``fullwidth_punctuation`` on, ``, : ; ? ! ( )`` touching a Han character or a
Chinese quote become ``，：；？！（）``; the change is one character for one,
so offsets do not move.
"""

from __future__ import annotations

import regex

from .alignment import Alignment

_TABLE = str.maketrans(",:;?!()", "，：；？！（）")
_NEXT_TO_CHINESE = regex.compile(r"[,:;?!()](?=[\p{Han}“‘《])|(?<=[\p{Han}”’》。])[,:;?!()]")


def to_fullwidth(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: full-width punctuation next to Chinese."""
    count = 0

    def swap(m: "regex.Match[str]") -> str:
        nonlocal count
        count += 1
        return m.group().translate(_TABLE)

    new = _NEXT_TO_CHINESE.sub(swap, text)
    return new, Alignment.identity(len(text)), {"punctuation_widened": count} if count else {}
