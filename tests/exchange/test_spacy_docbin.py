"""The DocBin read back with spaCy: the same texts, entities and span groups."""

import json

import pytest

from annotator.exchange import export
from tests.exchange.conftest import add_glossed, add_lines

spacy = pytest.importorskip("spacy")


def test_docbin_reads_back_with_the_same_entities_and_span_groups(filled, corpus_dir, tmp_path):
    from spacy.tokens import DocBin

    add_glossed(filled, corpus_dir)
    add_lines(filled)
    export(filled, "spacy", tmp_path / "train.spacy")
    export(filled, "jsonl", tmp_path / "train.jsonl")
    records = [json.loads(line) for line in (tmp_path / "train.jsonl").read_bytes().splitlines()]
    nlp = spacy.blank("xx")
    docs = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(nlp.vocab))
    assert len(docs) == len(records) == 7
    overlapping = 0
    for doc, record in zip(docs, records, strict=True):
        assert doc.text == record["text"]
        assert doc.user_data["id"] == record["id"]
        expected = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
        assert [(s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]] == expected
        assert [s.text for s in doc.spans["sc"]] == [s["text"] for s in record["spans"]]
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        assert set(ents) <= set(expected)
        assert all(a[1] <= b[0] for a, b in zip(ents, ents[1:]))  # sorted, no overlaps
        overlapping += len(expected) - len(ents)
    assert overlapping > 0  # the fixture's overlapping spans are in doc.spans only
    edges = next(d for d, r in zip(docs, records) if r["meta"]["source_file"] == "edges.txt")
    assert [(e.text, e.label_) for e in edges.ents] == [("张三", "PER"), ("李四\n在北京", "EVENT")]
