"""Dates by pattern, offsets in code points."""

import pytest

from annotator.suggest.dates import suggest_dates

from .conftest import spans_of


@pytest.mark.parametrize("written", [
    "2024年08月07日", "10月23日至26日", "2023-11-15", "2024年", "10月27日", "二〇二四年十月", "2024/5/1",
    "2023年10月23日至11月2日",
])
def test_a_date_as_written_is_one_span(lexicon, written):
    text = f"会议于{written}在北京召开"
    assert spans_of(suggest_dates(text, lexicon), text) == [(written, "DATE")]


def test_times_of_day_and_quantities_are_left_out(lexicon):
    text = "10月27日下午,约30人参加,开展活动89场次,2024年08月07日08:02 来源"
    assert spans_of(suggest_dates(text, lexicon), text) == [("10月27日", "DATE"), ("2024年08月07日", "DATE")]


def test_offsets_count_code_points_after_astral_characters_and_emoji(lexicon):
    text = "𠮷😀👩‍👩‍👧𬀩:10月23日至26日"
    [s] = suggest_dates(text, lexicon)
    assert (s.start, s.end) == (text.index("10月"), len(text))
    assert s.start == 9 and text[s.start:s.end] == "10月23日至26日"


def test_digits_run_on_are_no_date(lexicon):
    text = "编号12024-11-155与号码2023-11-15"
    assert spans_of(suggest_dates(text, lexicon), text) == [("2023-11-15", "DATE")]
