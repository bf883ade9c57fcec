"""The alignment is checked against a brute-force per-character model."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.normalize.alignment import Alignment, apply_edits

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
