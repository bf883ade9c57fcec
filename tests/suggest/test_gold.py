"""The hand-annotated gold set stays true to the pages it was made on."""

import hashlib
import json
from pathlib import Path

import pytest

from annotator.normalize import normalize

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "suggest.jsonl"
PAGES = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
LABELS = {"PER", "ORG", "LOC", "TITLE", "DATE", "EVENT", "DOC", "PROGRAM"}


@pytest.mark.parametrize("page", PAGES, ids=[p["file"] for p in PAGES])
def test_every_gold_span_matches_its_offsets(page, corpus_dir):
    doc = normalize((corpus_dir / page["file"]).read_bytes(), page["file"])
    assert hashlib.sha256(doc.text.encode("utf-8")).hexdigest() == page["text_sha256"]
    for span in page["spans"]:
        assert span["label"] in LABELS
        assert 0 <= span["start"] < span["end"] <= len(doc.text)
        assert doc.text[span["start"]:span["end"]] == span["text"], span
        assert not any(r.start < span["end"] and span["start"] < r.end for r in doc.excluded), span


@pytest.mark.parametrize("page", PAGES, ids=[p["file"] for p in PAGES])
def test_spans_of_one_label_never_overlap(page):
    by_label: dict[str, list[tuple[int, int]]] = {}
    for span in page["spans"]:
        by_label.setdefault(span["label"], []).append((span["start"], span["end"]))
    for label, ranges in by_label.items():
        ranges.sort()
        for (_, end), (start, _) in zip(ranges, ranges[1:]):
            assert end <= start, label


def test_the_gold_set_covers_people_organisations_and_programs_in_two_pages():
    assert len(PAGES) >= 2
    for page in PAGES:
        labels = {s["label"] for s in page["spans"]}
        assert {"PER", "ORG", "PROGRAM"} <= labels
