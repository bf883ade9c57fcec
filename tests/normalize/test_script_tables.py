"""The script step's shortcuts: what it takes from OpenCC's dictionaries is
checked against the installed ones, and its result against converting line by
line."""

import json
import subprocess
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.normalize import script
from annotator.normalize.script import convert, line_config, may_change, to_simplified

CLIB = Path(opencc.__file__).parent / "clib"
DICT_TOOL = CLIB / "bin" / "opencc_dict"
DATA = CLIB / "share" / "opencc"


def _files(node) -> list[str]:
    if isinstance(node, dict):
        return ([node["file"]] if "file" in node else []) + [f for v in node.values() for f in _files(v)]
    if isinstance(node, list):
        return [f for v in node for f in _files(v)]
    return []


@pytest.fixture(scope="module")
def phrases(tmp_path_factory) -> list[tuple[str, str]]:
    """TSPhrases as (Traditional, first Simplified candidate)."""
    if not DICT_TOOL.exists():
        pytest.skip("this OpenCC wheel has no opencc_dict to read its dictionaries with")
    out = tmp_path_factory.mktemp("opencc") / "TSPhrases.txt"
    subprocess.run([str(DICT_TOOL), "-i", str(DATA / "TSPhrases.ocd2"), "-o", str(out), "-f", "ocd2", "-t", "text"],
                   check=True, capture_output=True)
    pairs = []
    for line in out.read_text(encoding="utf-8").splitlines():
        key, values = line.split("\t")
        pairs.append((key, values.split(" ")[0]))
    assert len(pairs) > 400
    return pairs


def changed_alone() -> set[str]:
    table = script._tables()[0]
    return {chr(c) for c in range(len(table)) if table[c] & script._CHANGES}


def test_t2s_reads_the_dictionaries_the_lists_come_from():
    config = json.loads((DATA / "t2s.json").read_text(encoding="utf-8"))
    assert sorted(_files(config)) == sorted(
        ["CJK_Compatibility_Ideographs.ocd2", "TSPhrases.ocd2", "TSCharactersExt.ocd2", "TSCharacters.ocd2"])
    assert script._tables()[2], "OpenCC changed the length of some character or phrase"


def test_phrases_keep_their_length(phrases):
    assert all(len(key) == len(value) for key, value in phrases)


def test_every_phrase_of_unchanged_characters_is_listed(phrases):
    alone = changed_alone()
    expected = {key for key, value in phrases if value != key and not set(key) & alone}
    assert expected == set(script.PHRASES_OF_UNCHANGED_CHARACTERS)


def test_every_character_a_phrase_keeps_is_listed(phrases):
    alone = changed_alone()
    kept = {a for key, value in phrases for a, b in zip(key, value, strict=True) if a == b and a in alone}
    assert "".join(sorted(kept)) == script.KEPT_IN_SOME_PHRASE


@pytest.mark.parametrize("text,changes", [
    ("什么样的目标", False),
    ("他们深沈地思考", True),   # no character t2s changes alone, but the phrase 深沈 → 深沉
    ("覆盖全市", False),         # 覆 alone stays, and no listed phrase holds it here
    ("答覆群众", True),
    ("婦聯", True),
    ("", False),
])
def test_the_table_says_when_t2s_has_nothing_to_change(text, changes):
    assert may_change(text) == changes
    if not changes:
        assert convert(text, "t2s") == text


def reference(text: str) -> str:
    """Each line on its own: the config line_config picks, or left alone."""
    out = []
    for line in text.split("\n"):
        config = line_config(line)
        out.append(convert(line, config) if config else line)
    return "\n".join(out)


SIMPLIFIED = "妇联党组书记会议学习中国人民的是了在和有么着覆沈 ,.()abc"
TRADITIONAL = "婦聯黨組書記會議學習國著麼台灣動計乾於昇為們這來時說"
WORDS = ["乾坤", "扭轉乾坤", "樊於期", "設計", "深沈", "瞭解", "反覆", "答覆", "沈默寡言", "乾隆", "著名", "什麼"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.one_of(st.sampled_from(SIMPLIFIED), st.sampled_from(TRADITIONAL),
                                   st.sampled_from(WORDS)), max_size=40), min_size=1, max_size=6),
       st.sampled_from(["", "\n"]))
def test_lines_are_converted_as_each_would_be_on_its_own(lines, end):
    text = "\n".join("".join(parts) for parts in lines) + end
    out, alignment, counts = to_simplified(text)
    assert out == reference(text)
    assert alignment.is_identity()
    configs = [line_config(line) for line in text.split("\n")]
    assert counts.get("traditional_lines", 0) == configs.count("tw2s")
    assert counts.get("mixed_lines", 0) == configs.count("t2s")
