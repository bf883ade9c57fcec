"""The label guidelines cover every default label, and their examples really are in the corpus."""

import re
from importlib import resources

import pytest

from annotator.normalize import normalize
from annotator.store import default_labels

GUIDE = resources.files("annotator.resources").joinpath("guidelines.md").read_text("utf-8")


@pytest.fixture(scope="module")
def pages(corpus_dir):
    return {p.name[:3]: normalize(p.read_bytes()).text for p in sorted(corpus_dir.glob("*.txt"))}


def sections():
    found = {}
    for block in re.split(r"^## ", GUIDE, flags=re.M)[1:]:
        head, _, body = block.partition("\n")
        found[head.split()[0]] = (head, body)
    return found


def test_every_default_label_has_a_section_with_its_names_and_hotkey():
    found = sections()
    for label in default_labels():
        head, body = found[label.name]
        assert label.zh in head and f"hotkey {label.hotkey}" in head
        assert body.count("\n- ") >= 3, f"{label.name} needs examples"


def test_examples_cited_from_a_page_are_in_that_page(pages):
    checked = 0
    for line in GUIDE.splitlines():
        cited = re.findall(r"\b(00[0-4])\b", line)
        if not line.startswith("- ") or not cited:
            continue
        for example in re.findall(r"`([^`]+)`", line):
            where = [n for n in cited if example in pages[n]]
            assert where, f"{example!r} is not in page {', '.join(cited)}"
            checked += 1
    assert checked >= 40


def test_the_chinese_guidelines_have_every_section_and_example_of_the_english_ones():
    chinese = resources.files("annotator.resources").joinpath("guidelines.zh_CN.md").read_text("utf-8")
    for label in default_labels():
        assert re.search(rf"^## {label.name} {label.zh}（快捷键 {label.hotkey}）$", chinese, flags=re.M), label.name
    examples = set(re.findall(r"`([^`]+)`", GUIDE))
    missing = examples - set(re.findall(r"`([^`]+)`", chinese))
    assert not missing, sorted(missing)
