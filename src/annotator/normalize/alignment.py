"""Exact maps from an output text back to the text it was made from.

Every normalization step turns one string into another; an :class:`Alignment`
records, for each character of the output, the range of input characters it
came from, in Python code points.  Alignments compose (``a.then(b)``), so the
pipeline ends with one map from the normalized text to the decoded raw page.

The map is written as a list of segments ``(t0, t1, s0, s1)``, sorted by
``t0``, that tile the target text ``[0, len(target))``:

* ``t1 - t0 == s1 - s0``: an aligned run; target character ``t0 + i`` comes
  from source character ``s0 + i``.
* otherwise a block: every target character in ``[t0, t1)`` comes from the
  whole source range ``[s0, s1)``.  ``t0 == t1`` is a deletion: source text
  that produced nothing.

A block whose lengths happen to be equal is stored as single-character blocks
so that the rule above never misreads it.  Source ranges never go backwards
(``s0`` and ``s1`` are non-decreasing along the list).

Inside, a map is two int32 arrays with one entry per target character, the
start and end of the source range it came from (a deletion-only map is just
its deleted ranges until it is composed or queried): a page has hundreds of
thousands of glosses, and composing maps is then one indexing operation in
numpy instead of a walk over as many segments in Python.  The segments are
derived from the arrays when asked for.  A few compositions the arrays cannot
express exactly as segments (a later step splitting a block of an earlier one,
``Ⅻ`` → ``XII`` of which part is then deleted) fall back to composing the
segments, so the segments are always those of composing them one by one.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from contextlib import contextmanager

import numpy as np

from . import scan

Segment = tuple[int, int, int, int]
Edit = tuple[int, int, str]

def index_dtype(length: int) -> type:
    """int32 for the offsets of any text the normalizer takes (at most 64 MB)."""
    return np.int32 if length < 2**31 - 1 else np.int64


class Alignment:
    """Where each character of a target text came from in its source text."""

    __slots__ = ("_deleted", "_ends", "_groups", "_identity", "_segments", "_starts", "_t0", "source_len",
                 "target_len")

    def __init__(self, segments: Sequence[Segment], source_len: int, target_len: int):
        """A map given by its segments, kept exactly as given."""
        self.source_len = source_len
        self.target_len = target_len
        self._segments: list[Segment] | None = [tuple(seg) for seg in segments]  # type: ignore[misc]
        self._starts: np.ndarray | None = None
        self._ends: np.ndarray | None = None  # None with _starts set: every range is one character
        self._identity: bool | None = None
        self._groups: tuple[bool, bool] | None = None
        self._deleted: tuple[np.ndarray, np.ndarray] | None = None
        self._t0: list[int] | None = None  # segment starts, for queries before the arrays exist

    # construction -----------------------------------------------------------------
    @classmethod
    def identity(cls, length: int) -> "Alignment":
        out = cls._make(None, None, length, length)
        out._identity = True
        return out

    @classmethod
    def _make(cls, starts: np.ndarray | None, ends: np.ndarray | None, source_len: int, target_len: int) -> "Alignment":
        out = cls.__new__(cls)
        out.source_len = source_len
        out.target_len = target_len
        out._segments = None
        out._starts = starts
        out._ends = ends
        out._identity = None
        out._groups = None
        out._deleted = None
        out._t0 = None
        return out

    def _with_source_len(self, source_len: int) -> "Alignment":
        """The same map, said to start from a text of ``source_len`` characters."""
        out = Alignment._make(self._starts, self._ends, source_len, self.target_len)
        out._deleted, out._groups, out._segments = self._deleted, self._groups, self._segments
        return out

    @classmethod
    def from_arrays(cls, starts: np.ndarray, ends: np.ndarray | None, source_len: int) -> "Alignment":
        """A map from per-character source ranges (``ends=None``: one character each).

        Both arrays must be non-decreasing, with ``ends > starts``, inside ``[0, source_len]``."""
        return cls._make(starts, ends, source_len, len(starts))

    @classmethod
    def from_deletions(cls, starts: np.ndarray, ends: np.ndarray, source_len: int) -> "Alignment":
        """The map of deleting the sorted, disjoint ranges ``[starts, ends)`` of the source.

        Kept as the ranges: the per-character arrays are made only if needed."""
        keep = ends > starts
        starts, ends = _merged_ranges(starts[keep].astype(np.int64), ends[keep].astype(np.int64))
        if not len(starts):
            return cls.identity(source_len)
        out = cls._make(None, None, source_len, source_len - int((ends - starts).sum()))
        out._deleted = (starts, ends)
        out._identity = False
        out._groups = (False, False)
        return out

    @classmethod
    def from_json(cls, data: Sequence[Sequence[int]], source_len: int, target_len: int) -> "Alignment":
        return cls([tuple(seg) for seg in data], source_len, target_len)  # type: ignore[misc]

    def to_json(self) -> list[list[int]]:
        with collector_paused():
            if self._segments is not None:
                return [list(seg) for seg in self._segments]
            return self._segment_array().tolist()

    @property
    def segments(self) -> list[Segment]:
        if self._segments is not None:
            return list(self._segments)
        with collector_paused():
            return [tuple(row) for row in self._segment_array().tolist()]  # type: ignore[misc]

    def is_identity(self) -> bool:
        if self._identity is None:
            if self._segments is not None:
                segs = self._segments
                self._identity = self.source_len == self.target_len and (
                    not segs or segs == [(0, self.target_len, 0, self.source_len)]
                )
            else:
                starts = self._starts
                self._identity = (
                    self.source_len == self.target_len
                    and (self.target_len == 0 or (int(starts[0]) == 0 and int(starts[-1]) == self.target_len - 1))
                    and bool(np.all(np.diff(starts) == 1))
                    and (self._ends is None or bool(np.array_equal(self._ends, starts + 1)))
                )
        return self._identity

    # per-character arrays ---------------------------------------------------------
    def arrays(self) -> tuple[np.ndarray, np.ndarray | None]:
        """(starts, ends) of each target character's source range; ``ends`` None means ``starts + 1``."""
        if self._starts is None:
            if self._deleted is not None:
                self._starts = _kept(*self._deleted, self.source_len, self.target_len)
            elif self._segments is None:  # identity
                return np.arange(self.target_len, dtype=index_dtype(self.target_len)), None
            else:
                self._starts, self._ends = _arrays_from_segments(self._segments, self.target_len, self.source_len)
        return self._starts, self._ends

    def _group_flags(self) -> tuple[bool, bool]:
        """(some neighbours' source ranges overlap, some block of several characters is as long as its source)."""
        if self._groups is None:
            starts, ends = self.arrays()
            if ends is None or len(starts) < 2 or not bool(np.any(starts[1:] < ends[:-1])):
                self._groups = (False, False)
            else:
                g0, g1, gs, ge = _groups(starts, ends)
                k, w = g1 - g0, ge - gs
                self._groups = (True, bool(np.any((k > 1) & (k == w))))
        return self._groups

    # queries ----------------------------------------------------------------------
    def char_source(self, i: int) -> tuple[int, int]:
        """The source range ``[start, end)`` that target character ``i`` came from."""
        if not 0 <= i < self.target_len:
            raise IndexError(f"character {i} is outside a text of length {self.target_len}")
        if self._identity and self._starts is None and self._segments is None:
            return i, i + 1
        if self._starts is None and self._segments is not None:
            return self._segment_source(i)
        starts, ends = self.arrays()
        start = int(starts[i])
        return start, start + 1 if ends is None else int(ends[i])

    def _segment_source(self, i: int) -> tuple[int, int]:
        """``char_source`` by a binary search of the segments: a stored map queried
        for a few spans (an export) never needs the per-character arrays."""
        if self._t0 is None:
            self._t0 = [seg[0] for seg in self._segments]  # type: ignore[union-attr]
        # the last segment starting at or before i holds it: deletions at i come before it
        t0, t1, s0, s1 = self._segments[bisect_right(self._t0, i) - 1]  # type: ignore[index]
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

    def target_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The target characters that came from inside the source range
        ``[start, end)``: the inverse of :meth:`source_range`.  Source characters
        the target dropped (a pinyin gloss, noise) may lie inside the range;
        ``None`` when a target character came partly from inside and partly
        from outside (an end inside a converted word or collapsed whitespace),
        or when nothing in the range reached the target."""
        if not 0 <= start < end <= self.source_len or self.target_len == 0:
            return None
        starts, ends = self.arrays()
        ends = starts + 1 if ends is None else ends
        first = int(np.searchsorted(starts, start, "left"))
        last = int(np.searchsorted(ends, end, "right"))
        if first >= last:
            return None
        if (first > 0 and ends[first - 1] > start) or (last < self.target_len and starts[last] < end):
            return None  # a character straddles an end of the range
        return first, last

    # composition ------------------------------------------------------------------
    def then(self, later: "Alignment") -> "Alignment":
        """Compose: ``self`` maps mid→source, ``later`` maps target→mid."""
        if later.source_len != self.target_len:
            raise ValueError(
                f"cannot compose: later step starts from {later.source_len} characters, "
                f"earlier step produced {self.target_len}"
            )
        if later.is_identity():
            return self
        if self.is_identity():
            if later._segments is not None:
                return Alignment(later._segments, self.source_len, later.target_len)
            return later._with_source_len(self.source_len)
        if self._segments is None and later._segments is None and _composes_exactly(self, later):
            return self._then_arrays(later)
        return _canonical_if_possible(
            Alignment(_then_segments(self, later), self.source_len, later.target_len)
        )

    def _then_arrays(self, later: "Alignment") -> "Alignment":
        mid_starts, mid_ends = self.arrays()
        starts, ends = later.arrays()
        new_starts = mid_starts[starts]
        if ends is None:
            new_ends = None if mid_ends is None else mid_ends[starts]
        else:
            last = ends - 1
            new_ends = (mid_starts[last] + 1) if mid_ends is None else mid_ends[last]
        return Alignment._make(new_starts, new_ends, self.source_len, later.target_len)

    # checking ---------------------------------------------------------------------
    def check(self) -> None:
        """Raise ``AssertionError`` unless the map is well formed."""
        segs = np.array(self._segments, dtype=np.int64).reshape(-1, 4) if self._segments is not None \
            else self._segment_array()
        n = len(segs)
        if n:
            t0, t1, s0, s1 = segs.T
            expected_t0 = np.concatenate(([0], t1[:-1]))
            last_s0 = np.concatenate(([0], s0[:-1]))
            last_s1 = np.concatenate(([0], s1[:-1]))
            bad = (
                (t0 != expected_t0)
                | ~((t1 >= t0) & (s1 >= s0) & ((t1 > t0) | (s1 > s0)))
                | ~((s0 >= last_s0) & (s1 >= last_s1))
                | ~((s0 >= 0) & (s1 <= self.source_len))
                | ((t1 > t0) & ~(s1 > s0))
            )
            if bad.any():
                i = int(np.argmax(bad))
                seg = tuple(int(x) for x in segs[i])
                t, ls0, ls1 = int(expected_t0[i]), int(last_s0[i]), int(last_s1[i])
                a0, a1, b0, b1 = seg
                assert a0 == t, f"segment {seg} does not start at {t}"
                assert a1 >= a0 and b1 >= b0 and (a1 > a0 or b1 > b0), f"empty segment {seg}"
                assert b0 >= ls0 and b1 >= ls1, f"segment {seg} goes backwards"
                assert 0 <= b0 and b1 <= self.source_len, f"segment {seg} leaves the source"
                raise AssertionError(f"segment {seg} has target text from nothing")
        covered = int(segs[-1, 1]) if n else 0
        assert covered == self.target_len, f"map covers {covered} of {self.target_len} characters"

    def __repr__(self) -> str:
        return f"Alignment({self.source_len}->{self.target_len}, {len(self.segments)} segments)"

    # segments from the arrays -----------------------------------------------------
    def _segment_array(self) -> np.ndarray:
        if self._segments is not None:
            return np.array(self._segments, dtype=np.int64).reshape(-1, 4)
        if self._deleted is not None:
            return _segments_from_deletions(*self._deleted, self.source_len)
        if self._starts is None:  # identity
            n = self.target_len
            return np.array([[0, n, 0, n]] if n else [], dtype=np.int64).reshape(-1, 4)
        return _segments_from_arrays(self._starts, self._ends, self.source_len)


@contextmanager
def collector_paused():
    """Building 10^5 small lists would make the garbage collector walk them again and
    again (and every long-lived object with them); nothing built here holds a cycle."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---------------------------------------------------------------------------------
# arrays ↔ segments


def _groups(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Runs of consecutive characters with the same source range: (t0, t1, s0, s1) arrays."""
    n = len(starts)
    new = np.ones(n, dtype=bool)
    new[1:] = (starts[1:] != starts[:-1]) | (ends[1:] != ends[:-1])
    g0 = np.flatnonzero(new)
    g1 = np.empty_like(g0)
    g1[:-1] = g0[1:]
    g1[-1:] = n
    return g0, g1, starts[g0].astype(np.int64), ends[g0].astype(np.int64)


def _segments_from_arrays(starts: np.ndarray, ends: np.ndarray | None, source_len: int) -> np.ndarray:
    """The segments, as an (n, 4) array, that composing edit by edit writes for this map.

    Characters sharing a source range form a block (single-character blocks when
    the lengths are equal); single characters from single characters join into
    aligned runs while they follow on in the source; a gap in the source between
    neighbours is a deletion, written before the character after it."""
    n = len(starts)
    if n == 0:
        return np.array([[0, 0, 0, source_len]] if source_len else [], dtype=np.int64).reshape(-1, 4)
    s = starts.astype(np.int64)
    if ends is None:  # strictly increasing, one character each: runs break at gaps only
        e = s + 1
        unit = np.ones(n, dtype=bool)
        leader = np.ones(n, dtype=bool)
        leader[1:] = s[1:] != e[:-1]
    else:
        e = ends.astype(np.int64)
        new_group = np.ones(n + 1, dtype=bool)
        new_group[1:n] = (s[1:] != s[:-1]) | (e[1:] != e[:-1])
        unit = new_group[:-1] & new_group[1:] & (e - s == 1)  # a character alone, from one character
        leader = new_group[:-1].copy()
        leader[1:] &= ~(unit[1:] & unit[:-1] & (s[1:] == e[:-1]))
    t0 = np.flatnonzero(leader)  # where a segment, or a block to split, starts
    t1 = np.empty_like(t0)
    t1[:-1] = t0[1:]
    t1[-1] = n
    s0, s1 = s[t0], e[t1 - 1]
    k, w = t1 - t0, s1 - s0
    split = ~unit[t0] & (k == w) & (k > 1)
    prev_end = np.zeros(len(t0), dtype=np.int64)
    prev_end[1:] = e[t0[1:] - 1]
    has_del = s0 > prev_end
    n_seg = np.where(split, k, 1)

    end_del = source_len > int(e[-1])
    per_leader = has_del.astype(np.int64) + n_seg
    offsets = np.cumsum(per_leader) - per_leader
    out = np.empty((int(per_leader.sum()) + int(end_del), 4), dtype=np.int64)
    d = np.flatnonzero(has_del)
    rows = offsets[d]
    out[rows, 0] = t0[d]
    out[rows, 1] = t0[d]
    out[rows, 2] = prev_end[d]
    out[rows, 3] = s0[d]
    if bool(split.any()):
        which = np.repeat(np.arange(len(t0)), n_seg)
        within = np.arange(len(which), dtype=np.int64) - np.repeat(np.cumsum(n_seg) - n_seg, n_seg)
        rows = np.repeat(offsets + has_del, n_seg) + within
        first = t0[which] + within
        out[rows, 0] = first
        out[rows, 1] = np.where(split[which], first + 1, t1[which])
        out[rows, 2] = s0[which]
        out[rows, 3] = s1[which]
    else:
        rows = offsets + has_del
        out[rows, 0] = t0
        out[rows, 1] = t1
        out[rows, 2] = s0
        out[rows, 3] = s1
    if end_del:
        out[-1] = (n, n, int(e[-1]), source_len)
    return out


def _merged_ranges(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted ranges joined where they touch."""
    if len(starts) < 2:
        return starts, ends
    joins = starts[1:] == ends[:-1]
    if not joins.any():
        return starts, ends
    first = np.ones(len(starts), dtype=bool)
    first[1:] = ~joins
    last = np.ones(len(starts), dtype=bool)
    last[:-1] = ~joins
    return starts[first], ends[last]


def _kept(starts: np.ndarray, ends: np.ndarray, source_len: int, target_len: int) -> np.ndarray:
    """The source index of each character left after deleting the ranges."""
    dtype = index_dtype(source_len + 1)
    gap_from = np.concatenate(([0], ends)).astype(dtype)
    gap_len = np.concatenate((starts, [source_len])) - gap_from
    shift = gap_from - (np.cumsum(gap_len) - gap_len).astype(dtype)
    return np.arange(target_len, dtype=dtype) + np.repeat(shift, gap_len)


def _segments_from_deletions(starts: np.ndarray, ends: np.ndarray, source_len: int) -> np.ndarray:
    """The segments of a deletion-only map: kept runs, aligned, between the deletions."""
    m = len(starts)
    removed = np.concatenate(([0], np.cumsum(ends - starts)))
    run_s0 = np.concatenate(([0], ends))
    run_s1 = np.concatenate((starts, [source_len]))
    run_t0 = run_s0 - removed
    rows = np.empty((2 * m + 1, 4), dtype=np.int64)
    rows[0::2, 0] = run_t0
    rows[0::2, 1] = run_t0 + (run_s1 - run_s0)
    rows[0::2, 2] = run_s0
    rows[0::2, 3] = run_s1
    rows[1::2, 0] = starts - removed[:-1]
    rows[1::2, 1] = starts - removed[:-1]
    rows[1::2, 2] = starts
    rows[1::2, 3] = ends
    return rows[(rows[:, 1] > rows[:, 0]) | (rows[:, 3] > rows[:, 2])]


def _arrays_from_segments(segments: Sequence[Segment], target_len: int, source_len: int
                          ) -> tuple[np.ndarray, np.ndarray | None]:
    dtype = index_dtype(max(source_len, target_len) + 1)
    segs = np.array(segments, dtype=np.int64).reshape(-1, 4)
    segs = segs[segs[:, 1] > segs[:, 0]]
    t0, t1, s0, s1 = segs.T
    lens = t1 - t0
    which = np.repeat(np.arange(len(segs)), lens)
    offset = np.arange(target_len, dtype=np.int64) - t0[which]
    aligned = (lens == s1 - s0)[which]
    starts = s0[which] + np.where(aligned, offset, 0)
    ends = np.where(aligned, starts + 1, s1[which])
    if bool(np.all(aligned)) and bool(np.all(starts[1:] > starts[:-1])):
        return starts.astype(dtype), None
    return starts.astype(dtype), ends.astype(dtype)


def _canonical_if_possible(alignment: Alignment) -> Alignment:
    """The same map held as arrays, when its segments are the ones the arrays give."""
    starts, ends = alignment.arrays()
    if _segments_from_arrays(starts, ends, alignment.source_len).tolist() == [list(s) for s in alignment._segments]:
        return Alignment._make(starts, ends, alignment.source_len, alignment.target_len)
    return alignment


def _composes_exactly(earlier: Alignment, later: Alignment) -> bool:
    """Whether composing the arrays gives the segments composing the segments would.

    It does unless ``later`` has an equal-length block of several characters, or
    cuts between two characters of ``earlier`` whose source ranges overlap
    (deletes or replaces part of ``XII``): the segment walk then keeps pieces
    that the arrays merge.  When the characters of ``later`` never overlap, a
    cut is a boundary between two overlapping characters of ``earlier`` that
    ``later`` neither keeps as two single characters, nor puts inside one
    block, nor deletes with its neighbours on both sides."""
    later_overlaps, later_equal = later._group_flags()
    if later_equal:
        return False
    earlier_overlaps, _ = earlier._group_flags()
    if not earlier_overlaps:
        return True
    if later_overlaps:
        return False  # both: rare enough to leave to the segment walk
    mid_starts, mid_ends = earlier.arrays()
    inner = np.flatnonzero(mid_starts[1:] < mid_ends[:-1]) + 1
    starts, ends = later.arrays()
    ends = starts + 1 if ends is None else ends
    n = len(starts)
    for p in inner.tolist():  # inside earlier blocks: few, pages rarely have any
        t = int(np.searchsorted(starts, p, side="right")) - 1
        if t >= 0 and starts[t] < p < ends[t]:
            continue  # inside one later block
        covered_p = t >= 0 and ends[t] > p
        tq = int(np.searchsorted(starts, p - 1, side="right")) - 1
        covered_q = tq >= 0 and ends[tq] > p - 1
        if not covered_p and not covered_q:
            continue  # deleted together
        if (covered_p and starts[t] == p and ends[t] == p + 1 and t >= 1
                and starts[t - 1] == p - 1 and ends[t - 1] == p
                and not (t >= 2 and starts[t - 2] == p - 1 and ends[t - 2] == p)
                and not (t + 1 < n and starts[t + 1] == p and ends[t + 1] == p + 1)):
            continue  # kept together, character for character
        return False
    return True


# ---------------------------------------------------------------------------------
# composing segment by segment (the reference, and the fallback)


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


def _then_segments(earlier: Alignment, later: Alignment) -> list[Segment]:
    """``earlier.then(later)`` computed on the segments, one at a time."""
    from bisect import bisect_right

    segments = earlier.segments
    pieces = [seg for seg in segments if seg[1] > seg[0]]
    starts = [seg[0] for seg in pieces]
    deletions = [(a0, r0, r1) for a0, a1, r0, r1 in segments if a0 == a1]
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
            lo, hi = earlier.source_range(m0, m1)
            _emit(out, t0, t1, lo, hi, True)
    while di < n_del:  # deletions at the very end of mid
        _emit(out, later.target_len, later.target_len, deletions[di][1], deletions[di][2], False)
        di += 1
    return out


# ---------------------------------------------------------------------------------
# edits


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, Alignment]:
    """Apply sorted, non-overlapping ``(start, end, replacement)`` edits to ``text``.

    Returns the new text and its alignment to ``text``.  A replacement must come
    from a non-empty range: nothing in a normalized text comes from nowhere.
    """
    pieces: list[str] = []
    a: list[int] = []
    b: list[int] = []
    r: list[int] = []
    pos = copied = 0
    moved = False  # anything but one character for one
    for start, end, rep in edits:
        if start < pos or end < start:
            raise ValueError(f"edit {start}:{end} overlaps or is out of order (at {pos})")
        if rep and end == start:
            raise ValueError(f"edit at {start} inserts {rep!r} from no source text")
        pos = end
        if end == start:
            continue
        pieces.append(text[copied:start])
        pieces.append(rep)
        copied = end
        a.append(start)
        b.append(end)
        r.append(len(rep))
        if not moved and (end - start != 1 or len(rep) != 1):
            moved = True
    if not a:
        return text, Alignment.identity(len(text))
    pieces.append(text[copied:])
    new = "".join(pieces)
    if not moved:
        return new, Alignment.identity(len(text))
    if not any(r):
        return new, Alignment.from_deletions(np.array(a, np.int64), np.array(b, np.int64), len(text))
    return new, _edit_map(len(text), np.array(a, np.int64), np.array(b, np.int64), np.array(r, np.int64), len(new))


def _edit_map(n: int, a: np.ndarray, b: np.ndarray, r: np.ndarray, target_len: int) -> Alignment:
    """The map of replacing each source range ``[a, b)`` by ``r`` characters (sorted, disjoint)."""
    dtype = index_dtype(max(n, target_len) + 1)
    m = len(a)
    # target layout: gap 0, replacement 0, gap 1, replacement 1, ..., gap m
    lens = np.empty(2 * m + 1, dtype=np.int64)
    lens[0::2] = np.concatenate((a, [n])) - np.concatenate(([0], b))
    lens[1::2] = r
    base = np.empty(2 * m + 1, dtype=np.int64)
    base[0::2] = np.concatenate(([0], b))
    base[1::2] = a
    target_start = np.cumsum(lens) - lens
    # a kept character is as far from its source as its piece; replacements are fixed up after
    starts = np.arange(target_len, dtype=dtype) + np.repeat((base - target_start).astype(dtype), lens)
    one_for_one = bool(np.all((r == 0) | ((r == 1) & (b - a == 1))))
    replaced = r > 0
    if not replaced.any():
        return Alignment.from_arrays(starts, None, n)
    rl = r[replaced]
    chars = np.repeat(target_start[1::2][replaced], rl) + (np.arange(int(rl.sum())) - np.repeat(np.cumsum(rl) - rl, rl))
    starts[chars] = np.repeat(a[replaced], rl)
    if one_for_one:
        return Alignment.from_arrays(starts, None, n)
    ends = starts + 1
    ends[chars] = np.repeat(b[replaced], rl)
    return Alignment.from_arrays(starts, ends, n)


def apply_deletions(text: str, starts: np.ndarray, ends: np.ndarray) -> tuple[str, Alignment]:
    """Delete the sorted, disjoint ranges ``[starts, ends)`` of ``text``."""
    alignment = Alignment.from_deletions(np.asarray(starts), np.asarray(ends), len(text))
    if alignment.is_identity():
        return text, alignment
    starts, ends = alignment._deleted  # type: ignore[misc]
    if len(starts) > 5000:  # many pieces: gather the kept code points instead of slicing
        kept, _ = alignment.arrays()
        return scan.codepoints(text).take(kept).tobytes().decode("utf-32-le", "surrogatepass"), alignment
    bounds = np.empty(2 * len(starts) + 2, dtype=np.int64)
    bounds[0] = 0
    bounds[1:-1:2] = starts
    bounds[2:-1:2] = ends
    bounds[-1] = len(text)
    b = bounds.tolist()
    return "".join([text[b[i]:b[i + 1]] for i in range(0, len(b), 2)]), alignment
