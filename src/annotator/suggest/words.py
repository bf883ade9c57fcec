"""Word boundaries for snapping a selection to whole words.

jieba's default cut (about 0.66 MB/s) through the suggesters' private
tokenizer, so the domain lexicon's words (巾帼大宣讲, 党组书记) count as one
word.  Slow on long texts and about a second to load: call it off the GUI
thread.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .tokens import load


def word_boundaries(text: str) -> list[int]:
    """Every offset (code points) where a word starts or ends, from 0 to len(text)."""
    tokenizer = load().tokenizer
    out = [0]
    for word in tokenizer.cut(text, HMM=True):
        out.append(out[-1] + len(word))
    assert out[-1] == len(text)
    return out


def snap(start: int, end: int, boundaries: list[int]) -> tuple[int, int]:
    """Widen ``[start, end)`` to the nearest word boundaries outside it."""
    if not boundaries:
        return start, end
    i = bisect_right(boundaries, start) - 1
    j = bisect_left(boundaries, end)
    return (boundaries[i] if i >= 0 else start), (boundaries[j] if j < len(boundaries) else end)
