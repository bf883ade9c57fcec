"""The combiner: what the annotator decided stays decided; the rest never overlaps."""

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from annotator.suggest import Suggestion, combine, suggest


@dataclass
class Range:
    start: int
    end: int
    label: str = "ORG"


def s(start, end, label="ORG", score=0.8, suggester="lexicon"):
    return Suggestion(start, end, label, score, suggester)


def test_duplicates_keep_the_best_score():
    out = combine([s(0, 4, score=0.6, suggester="jieba"), s(0, 4, score=0.9, suggester="lexicon"),
                   s(0, 4, score=0.7, suggester="learned")])
    assert [(x.key, x.score, x.suggester) for x in out] == [((0, 4, "ORG"), 0.9, "lexicon")]


def test_overlaps_go_to_the_higher_score_then_the_longer_span():
    out = combine([s(0, 2, "LOC", 0.75), s(0, 5, "ORG", 0.85), s(4, 8, "TITLE", 0.75), s(10, 12, "PER", 0.6),
                   s(9, 14, "PROGRAM", 0.6)])
    assert [x.key for x in out] == [(0, 5, "ORG"), (9, 14, "PROGRAM")]


def test_what_the_annotator_decided_is_not_suggested_again():
    found = [s(0, 4), s(5, 8, "PER"), s(10, 12, "LOC"), s(20, 24, "PROGRAM"), s(30, 33, "TITLE", 0.4)]
    out = combine(found, spans=[Range(1, 3, "ORG")], rejected=[Range(5, 8, "PER")], excluded=[Range(18, 26)])
    assert [x.key for x in out] == [(10, 12, "LOC")]
    # a rejection holds for its label only
    assert [x.key for x in combine([s(5, 8, "ORG")], rejected=[Range(5, 8, "PER")])] == [(5, 8, "ORG")]


def test_nothing_is_suggested_inside_a_fixed_political_phrase(lexicon):
    text = "全面贯彻习近平新时代中国特色社会主义思想,习近平总书记指出"
    out = suggest(text, lexicon)
    assert [(text[x.start:x.end], x.label) for x in out] == [("习近平", "PER"), ("总书记", "TITLE")]
    assert out[0].start == text.rindex("习近平")


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8), st.sampled_from(["PER", "ORG", "LOC"]),
                          st.floats(0, 1)), max_size=30),
       st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=4))
def test_the_result_never_overlaps_itself_nor_the_spans(raw, taken):
    found = [s(a, a + n, label, score) for a, n, label, score in raw]
    spans = [Range(a, a + n) for a, n in taken]
    out = combine(found, spans=spans, min_score=0.3)
    assert out == sorted(out)
    for x, y in zip(out, out[1:]):
        assert x.end <= y.start
    for x in out:
        assert x.score >= 0.3 and x in found
        assert not any(r.start < x.end and x.start < r.end for r in spans)
    # greedy by score: anything dropped overlaps a kept suggestion at least as good, or a span,
    # or lies inside a kept organisation (which competed with the best score inside it)
    for x in found:
        if x.score >= 0.3 and x not in out and not any(r.start < x.end and x.start < r.end for r in spans):
            assert any(k.start < x.end and x.start < k.end and k.score >= x.score for k in out) or any(
                k.label == "ORG" and k.start <= x.start and x.end <= k.end and k.end - k.start > x.end - x.start
                for k in out)


def test_a_whole_page_is_suggested_in_order_with_offsets_that_hold(lexicon, corpus_dir):
    from annotator.normalize import normalize

    doc = normalize((corpus_dir / "004_ad273fc778490be1.txt").read_bytes())
    out = suggest(doc.text, lexicon, excluded=doc.excluded)
    assert out == sorted(out) and len(out) > 20
    assert ("逯淑君", "PER") in {(doc.text[x.start:x.end], x.label) for x in out}
    assert not any(r.start < x.end and x.start < r.end for x in out for r in doc.excluded)
