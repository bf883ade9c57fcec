"""The alignment is checked against a brute-force per-character model, and its
segments against the segment-by-segment composition it replaced."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.normalize.alignment import (
    Alignment,
    _composes_exactly,
    apply_deletions,
    apply_edits,
)

from .segment_reference import SegmentAlignment
from .segment_reference import apply_edits as reference_apply_edits

ALPHABET = "ab中文𠮷😀\r\n "


@st.composite
def text_and_edits(draw, text=None):
    if text is None:
        text = draw(st.text(alphabet=ALPHABET, max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    edits = []
    pos = 0
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):  # an odd cut is left over
        if a < pos:
            continue
        rep = draw(st.text(alphabet="XY𝐀", max_size=3))
        if a == b and rep:
            continue
        edits.append((a, b, rep))
        pos = b
    return text, edits


def brute_map(text, edits):
    """Per target character, the source range it came from."""
    out = []
    pos = 0
    for a, b, rep in edits:
        out.extend((i, i + 1) for i in range(pos, a))
        out.extend((a, b) for _ in rep)
        pos = b
    out.extend((i, i + 1) for i in range(pos, len(text)))
    return out


def brute_compose(first, second):
    result = []
    for m0, m1 in second:
        spans = first[m0:m1]
        result.append((min(s for s, _ in spans), max(e for _, e in spans)))
    return result


def chars(alignment):
    return [alignment.char_source(i) for i in range(alignment.target_len)]


@given(text_and_edits())
def test_apply_edits_matches_the_brute_force_map(case):
    text, edits = case
    new, alignment = apply_edits(text, edits)
    alignment.check()
    assert chars(alignment) == brute_map(text, edits)
    assert alignment.source_len == len(text)
    assert alignment.target_len == len(new)


@settings(max_examples=300)
@given(st.data())
def test_composition_matches_the_brute_force_composition(data):
    text, edits1 = data.draw(text_and_edits())
    mid, first = apply_edits(text, edits1)
    _, edits2 = data.draw(text_and_edits(mid))
    out, second = apply_edits(mid, edits2)
    composed = first.then(second)
    composed.check()
    assert composed.target_len == len(out)
    assert chars(composed) == brute_compose(brute_map(text, edits1), brute_map(mid, edits2))


@settings(max_examples=200)
@given(st.data())
def test_composition_is_associative(data):
    text, e1 = data.draw(text_and_edits())
    t1, a = apply_edits(text, e1)
    _, e2 = data.draw(text_and_edits(t1))
    t2, b = apply_edits(t1, e2)
    _, e3 = data.draw(text_and_edits(t2))
    _, c = apply_edits(t2, e3)
    left, right = a.then(b).then(c), a.then(b.then(c))
    assert chars(left) == chars(right)


def test_a_block_of_equal_length_is_not_read_as_aligned():
    _, alignment = apply_edits("xabx", [(1, 3, "YZ")])
    assert alignment.char_source(1) == (1, 3)
    assert alignment.char_source(2) == (1, 3)


def test_source_range_of_spans_and_empty_spans():
    text = "a\r\nb&amp;c"
    new, alignment = apply_edits(text, [(1, 2, ""), (4, 9, "&")])
    assert new == "a\nb&c"
    assert alignment.source_range(0, 5) == (0, 10)
    assert alignment.source_range(3, 4) == (4, 9)
    assert text[slice(*alignment.source_range(2, 3))] == "b"
    assert alignment.source_range(5, 5) == (10, 10)
    with pytest.raises(IndexError):
        alignment.source_range(4, 6)


def test_edits_out_of_order_or_from_nothing_are_refused():
    with pytest.raises(ValueError):
        apply_edits("abc", [(2, 3, ""), (0, 1, "")])
    with pytest.raises(ValueError):
        apply_edits("abc", [(1, 1, "x")])


def test_json_round_trip():
    _, alignment = apply_edits("ab\r\ncd", [(2, 3, "")])
    again = Alignment.from_json(alignment.to_json(), alignment.source_len, alignment.target_len)
    assert chars(again) == chars(alignment)


# the array-based map writes the same segments as composing segment by segment


@given(text_and_edits())
def test_apply_edits_writes_the_reference_segments(case):
    text, edits = case
    new, alignment = apply_edits(text, edits)
    ref_new, ref = reference_apply_edits(text, edits)
    assert new == ref_new
    assert alignment.segments == ref.segments
    assert alignment.to_json() == ref.to_json()
    assert alignment.is_identity() == ref.is_identity()


@st.composite
def chain(draw):
    """A text and 1-4 steps of edits, each on the previous step's output."""
    text = draw(st.text(alphabet=ALPHABET, max_size=30))
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        _, edits = draw(text_and_edits(text))
        steps.append((text, edits))
        text = apply_edits(text, edits)[0]
    return steps


@settings(max_examples=1000)
@given(chain())
def test_composition_writes_the_reference_segments(steps):
    maps = [apply_edits(text, edits)[1] for text, edits in steps]
    refs = [reference_apply_edits(text, edits)[1] for text, edits in steps]
    end = maps[-1].target_len
    right, ref_right = Alignment.identity(end), SegmentAlignment.identity(end)
    for m, r in zip(reversed(maps), reversed(refs), strict=True):
        right, ref_right = m.then(right), r.then(ref_right)
    assert right.segments == ref_right.segments
    right.check()
    left, ref_left = maps[0], refs[0]
    for m, r in zip(maps[1:], refs[1:], strict=True):
        left, ref_left = left.then(m), ref_left.then(r)
    assert left.segments == ref_left.segments
    assert chars(left) == chars(right)


@settings(max_examples=1000)
@given(st.data())
def test_array_composition_is_taken_only_where_it_is_exact(data):
    text, edits1 = data.draw(text_and_edits())
    mid, first = apply_edits(text, edits1)
    _, edits2 = data.draw(text_and_edits(mid))
    _, second = apply_edits(mid, edits2)
    if first.is_identity() or second.is_identity() or not _composes_exactly(first, second):
        return
    expected = reference_apply_edits(text, edits1)[1].then(reference_apply_edits(mid, edits2)[1])
    assert first._then_arrays(second).segments == expected.segments


def test_deletions_compose_as_arrays():
    text = "婦(fù)聯(lián)的" * 50
    starts = np.array([i for i in range(len(text)) if text[i] == "("])
    ends = np.array([text.index(")", i) + 1 for i in starts])
    mid, first = apply_deletions(text, starts, ends)
    assert mid == "婦聯的" * 50
    _, second = apply_edits(mid, [(0, 3, ""), (len(mid) - 1, len(mid), "")])
    composed = first.then(second)
    assert composed._segments is None  # composed by indexing, not segment by segment
    glosses = [(int(a), int(b), "") for a, b in zip(starts, ends, strict=True)]
    expected = reference_apply_edits(text, glosses)[1].then(
        reference_apply_edits(mid, [(0, 3, ""), (len(mid) - 1, len(mid), "")])[1])
    assert composed.segments == expected.segments
    assert text[slice(*composed.source_range(0, 2))] == "婦(fù)聯"


def test_a_later_step_cutting_a_block_keeps_the_segment_walk():
    # Ⅻ → XII, then the first I deleted: the walk writes that deletion although
    # its source is the block the neighbours come from
    _, first = apply_edits("aⅫb", [(1, 2, "XII")])
    _, second = apply_edits("aXIIb", [(2, 3, "")])
    _, ref_first = reference_apply_edits("aⅫb", [(1, 2, "XII")])
    _, ref_second = reference_apply_edits("aXIIb", [(2, 3, "")])
    assert not _composes_exactly(first, second)
    assert first.then(second).segments == ref_first.then(ref_second).segments == [
        (0, 2, 0, 2), (2, 2, 1, 2), (2, 4, 1, 3)]


@given(chain())
def test_json_round_trip_keeps_the_segments(steps):
    composed = Alignment.identity(len(steps[0][0]))
    for text, edits in steps:
        composed = composed.then(apply_edits(text, edits)[1])
    data = composed.to_json()
    again = Alignment.from_json(data, composed.source_len, composed.target_len)
    assert again.to_json() == data
    assert chars(again) == chars(composed)
    again.check()
    assert again.is_identity() == composed.is_identity()


def test_from_json_keeps_segments_the_arrays_would_write_differently():
    # a deletion overlapping the block after it: valid, but not what the arrays write
    data = [[0, 1, 0, 1], [1, 1, 1, 2], [1, 2, 1, 2], [2, 3, 2, 3]]
    again = Alignment.from_json(data, 3, 3)
    assert again.to_json() == data
    again.check()
    assert not again.is_identity()
    assert chars(again) == [(0, 1), (1, 2), (2, 3)]


@pytest.mark.parametrize("segments,source_len,target_len,message", [
    ([(0, 2, 0, 2), (3, 4, 2, 3)], 3, 4, "does not start at 2"),
    ([(0, 2, 0, 2), (2, 2, 2, 2)], 2, 2, "empty segment"),
    ([(0, 2, 1, 3), (2, 3, 0, 1)], 3, 3, "goes backwards"),
    ([(0, 2, 0, 2)], 1, 2, "leaves the source"),
    ([(0, 2, 0, 2)], 2, 3, "covers 2 of 3"),
])
def test_check_finds_malformed_maps(segments, source_len, target_len, message):
    with pytest.raises(AssertionError, match=message):
        Alignment(segments, source_len, target_len).check()


@given(text_and_edits())
def test_deletions_kept_as_ranges_write_the_reference_segments(case):
    text, edits = case
    ranges = [(a, b) for a, b, _ in edits if b > a]
    starts = np.array([a for a, _ in ranges], dtype=np.int64)
    ends = np.array([b for _, b in ranges], dtype=np.int64)
    new, alignment = apply_deletions(text, starts, ends)
    ref_new, ref = reference_apply_edits(text, [(a, b, "") for a, b in ranges])
    assert new == ref_new
    assert alignment.segments == ref.segments
    assert chars(alignment) == chars(ref)
    assert alignment.is_identity() == ref.is_identity()
    alignment.check()


def test_a_stored_map_answers_from_its_segments_as_the_arrays_do(corpus_dir):
    """Queries before the arrays exist search the segments (an export maps a few
    spans per document); both answer the same, deletions and blocks included."""
    from annotator.normalize import normalize

    doc = normalize((corpus_dir / "000_aaf9baf376961570.txt").read_bytes())
    data = doc.alignment.to_json()
    searched = Alignment.from_json(data, doc.alignment.source_len, doc.alignment.target_len)
    by_segments = chars(searched)
    assert searched._starts is None  # nothing built: the answers came from the segments
    searched.arrays()
    assert by_segments == chars(searched) == chars(doc.alignment)
    assert any(t0 == t1 for t0, t1, _, _ in data) and any(t1 - t0 != s1 - s0 for t0, t1, s0, s1 in data)


def test_target_range_inverts_source_range_on_the_glossed_pages(corpus_dir):
    from annotator.normalize import normalize

    for name in ("000_aaf9baf376961570.txt", "004_ad273fc778490be1.txt"):
        doc = normalize((corpus_dir / name).read_bytes(), name)
        for word in ("妇联", "党组书记", "海东", "主席"):
            at = doc.text.find(word)
            while at >= 0:
                raw = doc.alignment.source_range(at, at + len(word))
                assert doc.alignment.target_range(*raw) == (at, at + len(word)), (name, word, at)
                at = doc.text.find(word, at + 1)


def test_target_range_refuses_an_end_inside_a_character():
    a = Alignment([(0, 1, 0, 1), (1, 2, 1, 3), (2, 3, 3, 4)], source_len=4, target_len=3)  # one char from two
    assert a.target_range(0, 2) is None and a.target_range(2, 4) is None
    assert a.target_range(0, 3) == (0, 2) and a.target_range(1, 3) == (1, 2)
    assert a.target_range(0, 0) is None
