"""The map as it was first written: segments composed one at a time, in pure Python.

Kept as the reference that the array-based :mod:`annotator.normalize.alignment`
must agree with segment for segment (tests only; slow on big maps).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

Segment = tuple[int, int, int, int]
Edit = tuple[int, int, str]


def _emit(out: list[Segment], t0: int, t1: int, s0: int, s1: int, block: bool) -> None:
    """Append a segment, merging it into the previous one where that is exact."""
    tn, sn = t1 - t0, s1 - s0
    if tn == 0 and sn == 0:
        return
    if block and tn == sn and tn > 1:
        for t in range(t0, t1):
            out.append((t, t + 1, s0, s1))
        return
    if out:
        p0, p1, q0, q1 = out[-1]
        if tn == sn and p1 - p0 == q1 - q0 and p1 > p0 and p1 == t0 and q1 == s0:
            out[-1] = (p0, t1, q0, s1)
            return
        if tn == 0 and p0 == p1 == t0 and q1 == s0:
            out[-1] = (p0, p1, q0, s1)
            return
    out.append((t0, t1, s0, s1))


class SegmentAlignment:
    """Where each character of a target text came from in its source text."""

    __slots__ = ("segments", "source_len", "target_len", "_index", "_starts")

    def __init__(self, segments: Sequence[Segment], source_len: int, target_len: int):
        self.segments = list(segments)
        self.source_len = source_len
        self.target_len = target_len
        self._index: list[Segment] | None = None
        self._starts: list[int] | None = None

    # construction -----------------------------------------------------------------
    @classmethod
    def identity(cls, length: int) -> "SegmentAlignment":
        return cls([(0, length, 0, length)] if length else [], length, length)

    def is_identity(self) -> bool:
        return self.source_len == self.target_len and (
            not self.segments or self.segments == [(0, self.target_len, 0, self.source_len)]
        )

    @classmethod
    def from_json(cls, data: Sequence[Sequence[int]], source_len: int, target_len: int) -> "SegmentAlignment":
        return cls([tuple(seg) for seg in data], source_len, target_len)  # type: ignore[misc]

    def to_json(self) -> list[list[int]]:
        return [list(seg) for seg in self.segments]

    # queries ----------------------------------------------------------------------
    def _lookup(self) -> tuple[list[Segment], list[int]]:
        if self._index is None:
            self._index = [seg for seg in self.segments if seg[1] > seg[0]]
            self._starts = [seg[0] for seg in self._index]
        return self._index, self._starts  # type: ignore[return-value]

    def char_source(self, i: int) -> tuple[int, int]:
        """The source range ``[start, end)`` that target character ``i`` came from."""
        if not 0 <= i < self.target_len:
            raise IndexError(f"character {i} is outside a text of length {self.target_len}")
        index, starts = self._lookup()
        t0, t1, s0, s1 = index[bisect_right(starts, i) - 1]
        if t1 - t0 == s1 - s0:
            return s0 + i - t0, s0 + i - t0 + 1
        return s0, s1

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """The source range a target span ``[start, end)`` came from.

        An empty span maps to an empty range at the matching source position.
        """
        if not 0 <= start <= end <= self.target_len:
            raise IndexError(f"span {start}:{end} is outside a text of length {self.target_len}")
        if start == end:
            pos = self.char_source(start)[0] if start < self.target_len else self.source_len
            return pos, pos
        return self.char_source(start)[0], self.char_source(end - 1)[1]

    # composition ------------------------------------------------------------------
    def then(self, later: "SegmentAlignment") -> "SegmentAlignment":
        """Compose: ``self`` maps mid→source, ``later`` maps target→mid."""
        if later.source_len != self.target_len:
            raise ValueError(
                f"cannot compose: later step starts from {later.source_len} characters, "
                f"earlier step produced {self.target_len}"
            )
        if later.is_identity():
            return self
        if self.is_identity():
            return SegmentAlignment(later.segments, self.source_len, later.target_len)
        pieces, starts = self._lookup()
        deletions = [(a0, r0, r1) for a0, a1, r0, r1 in self.segments if a0 == a1]
        n_del = len(deletions)
        di = 0
        out: list[Segment] = []
        for t0, t1, m0, m1 in later.segments:
            if t1 - t0 == m1 - m0:  # aligned copy of mid[m0:m1]
                k = max(bisect_right(starts, m0) - 1, 0)
                while k < len(pieces) and pieces[k][0] < m1:
                    a0, a1, r0, r1 = pieces[k]
                    x0, x1 = max(a0, m0), min(a1, m1)
                    while di < n_del and deletions[di][0] <= x0:
                        p, d0, d1 = deletions[di]
                        _emit(out, t0 + p - m0, t0 + p - m0, d0, d1, False)
                        di += 1
                    tt0, tt1 = t0 + (x0 - m0), t0 + (x1 - m0)
                    if a1 - a0 == r1 - r0:
                        _emit(out, tt0, tt1, r0 + (x0 - a0), r0 + (x1 - a0), False)
                    else:
                        _emit(out, tt0, tt1, r0, r1, True)
                    k += 1
                while di < n_del and deletions[di][0] < m1:
                    p, d0, d1 = deletions[di]
                    _emit(out, t0 + p - m0, t0 + p - m0, d0, d1, False)
                    di += 1
            else:  # block or deletion built from mid[m0:m1]
                while di < n_del and deletions[di][0] <= m0:
                    _emit(out, t0, t0, deletions[di][1], deletions[di][2], False)
                    di += 1
                while di < n_del and deletions[di][0] < m1:
                    di += 1  # inside the block: its source range already covers it
                lo, hi = self.source_range(m0, m1)
                _emit(out, t0, t1, lo, hi, True)
        while di < n_del:  # deletions at the very end of mid
            _emit(out, later.target_len, later.target_len, deletions[di][1], deletions[di][2], False)
            di += 1
        return SegmentAlignment(out, self.source_len, later.target_len)

    # checking ---------------------------------------------------------------------
    def check(self) -> None:
        """Raise ``AssertionError`` unless the map is well formed."""
        t = 0
        last_s0 = last_s1 = 0
        for t0, t1, s0, s1 in self.segments:
            assert t0 == t, f"segment {(t0, t1, s0, s1)} does not start at {t}"
            assert t1 >= t0 and s1 >= s0 and (t1 > t0 or s1 > s0), f"empty segment {(t0, t1, s0, s1)}"
            assert s0 >= last_s0 and s1 >= last_s1, f"segment {(t0, t1, s0, s1)} goes backwards"
            assert 0 <= s0 and s1 <= self.source_len, f"segment {(t0, t1, s0, s1)} leaves the source"
            if t1 > t0:
                assert s1 > s0, f"segment {(t0, t1, s0, s1)} has target text from nothing"
            t, last_s0, last_s1 = t1, s0, s1
        assert t == self.target_len, f"map covers {t} of {self.target_len} characters"

    def __repr__(self) -> str:
        return f"SegmentAlignment({self.source_len}->{self.target_len}, {len(self.segments)} segments)"


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, SegmentAlignment]:
    """Apply sorted, non-overlapping ``(start, end, replacement)`` edits to ``text``.

    Returns the new text and its alignment to ``text``.  A replacement must come
    from a non-empty range: nothing in a normalized text comes from nowhere.
    """
    pieces: list[str] = []
    segs: list[Segment] = []
    pos = t = 0
    for start, end, rep in edits:
        if start < pos or end < start:
            raise ValueError(f"edit {start}:{end} overlaps or is out of order (at {pos})")
        if rep and end == start:
            raise ValueError(f"edit at {start} inserts {rep!r} from no source text")
        if start > pos:
            pieces.append(text[pos:start])
            _emit(segs, t, t + start - pos, pos, start, False)
            t += start - pos
        if rep:
            pieces.append(rep)
            _emit(segs, t, t + len(rep), start, end, True)
            t += len(rep)
        elif end > start:
            _emit(segs, t, t, start, end, False)
        pos = end
    if not segs:
        return text, SegmentAlignment.identity(len(text))
    if pos < len(text):
        pieces.append(text[pos:])
        _emit(segs, t, t + len(text) - pos, pos, len(text), False)
        t += len(text) - pos
    return "".join(pieces), SegmentAlignment(segs, len(text), t)
