"""The learning gold set (tests/data/learning): offsets point at the intended text.

The spans in gold.jsonl are offsets into the stored normalized text.  Resolving
the hand-written annotations (surface + label) against that stored text again
must give exactly the stored spans, so a span that points one character off, or
a page whose text changed under its spans, fails here.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1] / "data" / "learning"
LABELS = {"PER", "ORG", "LOC", "TITLE", "DATE", "PROGRAM"}


def _tool():
    spec = importlib.util.spec_from_file_location("make_gold", HERE / "make_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGES = [json.loads(line) for line in (HERE / "gold.jsonl").read_text("utf-8").splitlines()]


def test_at_least_twenty_pages_with_every_label():
    assert len(PAGES) >= 20
    assert {label for p in PAGES for _, _, label in p["spans"]} == LABELS


@pytest.mark.parametrize("page", PAGES, ids=[p["id"] for p in PAGES])
def test_spans_are_the_annotated_surfaces(page):
    tool = _tool()
    entries = tool.blocks(HERE / "annotations.txt")[page["id"]]
    resolved = tool.resolve(page["text"], entries, [tuple(r) for r in page["excluded"]])
    assert [list(s) for s in resolved] == page["spans"]
    text = page["text"]
    previous_end = 0
    for start, end, label in page["spans"]:
        surface = text[start:end]
        assert label in LABELS
        assert 0 <= previous_end <= start < end <= len(text), "spans overlap or leave the text"
        assert surface == surface.strip() and surface[0] not in "“”「」《》(),、。" and surface[-1] not in "“”「」《》(),、。"
        assert not any(s < end and start < e for s, e in page["excluded"])
        previous_end = end
