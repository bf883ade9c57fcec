from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.suggest.words import snap, word_boundaries

TEXT = "𠮷野家😀江门市妇联主席林露华出席巾帼大宣讲活动。"


def test_boundaries_cover_the_text_in_code_points():
    b = word_boundaries(TEXT)
    assert b[0] == 0 and b[-1] == len(TEXT) and b == sorted(set(b))
    words = [TEXT[x:y] for x, y in zip(b, b[1:])]
    assert "巾帼大宣讲" in words  # the domain lexicon keeps it whole


def test_a_selection_inside_a_word_widens_to_the_word():
    b = word_boundaries(TEXT)
    start = TEXT.index("巾帼大宣讲")
    assert snap(start + 1, start + 3, b) == (start, start + 5)
    assert snap(start, start + 5, b) == (start, start + 5)  # already whole: unchanged


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_snapping_only_widens_and_lands_on_boundaries(data):
    b = word_boundaries(TEXT)
    start = data.draw(st.integers(0, len(TEXT) - 1))
    end = data.draw(st.integers(start + 1, len(TEXT)))
    s, e = snap(start, end, b)
    assert s <= start and e >= end and s in b and e in b
