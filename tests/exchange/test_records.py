"""The canonical record: raw offsets on the glossed pages, excluded text cut out,
one shape for attributes, the overlap rule of one-tag-a-character formats."""

import json

import opencc
import pytest

from annotator.exchange import ExportOptions, export
from annotator.exchange.records import cut, non_overlapping, uniform_attributes
from annotator.normalize import NormalizeOptions, normalize_text
from tests.exchange.conftest import add_glossed

WORDS = ("妇联", "党组书记", "妇女儿童", "淮南市妇联", "海东", "张璐", "中国妇女报", "党组", "书记", "全国妇联")


@pytest.fixture
def glossed(project, corpus_dir):
    """Pages 000 and 004 with every occurrence of names an annotator tags, and every line."""
    ids = add_glossed(project, corpus_dir)
    for doc_id in ids:
        text = project.document(doc_id).text
        for word in WORDS:
            start = text.find(word)
            while start >= 0:
                project.add_span(doc_id, start, start + len(word), "ORG")
                start = text.find(word, start + 1)
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                project.add_span(doc_id, pos, pos + len(line), "EVENT")
            pos += len(line) + 1
    return project, ids


def records_of(project, tmp_path, **options):
    out = tmp_path / "out.jsonl"
    export(project, "jsonl", out, options=ExportOptions(**options))
    return [json.loads(line) for line in out.read_bytes().splitlines()]


def test_normalizing_the_raw_text_of_a_span_gives_its_text_on_the_glossed_pages(glossed, tmp_path):
    """It does for every span but the two 妇联 of ``推動?jì)D聯`` on page 000: 婦 was
    repaired from the broken bytes because the page uses 婦聯 elsewhere, which
    the piece alone does not show.  Their raw range is still exactly the
    garbage 婦 came from, and their lines (which hold another 婦聯) normalize
    to the text."""
    project, _ = glossed
    checked, splices = 0, []
    for record in records_of(project, tmp_path):
        raw = project.document(record["id"]).raw_text
        for span in record["spans"]:
            piece = raw[span["raw_start"]:span["raw_end"]]
            checked += 1
            if normalize_text(piece).text != span["text"]:
                splices.append((span["text"], piece))
    assert checked > 100
    assert splices == [("妇联", "?jì)D聯")] * 2
    assert any("(" in raw[s["raw_start"]:s["raw_end"]] for r in records_of(project, tmp_path) for s in r["spans"])


def test_where_a_piece_alone_cannot_be_normalized_as_in_its_page(glossed, tmp_path):
    """Every two characters of both pages: the raw range is always exact, but
    normalizing it *alone* differs from the page in three cases, each for a
    reason outside the piece: (1) a splice repaired with a character pair found
    elsewhere on the page (``推動?jì)D聯``); (2) OpenCC per line: the line decides
    between tw2s and t2s, a piece may decide otherwise (著 → 着 only under tw2s,
    么 → 幺 under tw2s); (3) white space at the piece's edge, which tidying
    trims.  Nothing else."""
    project, ids = glossed
    t2s, tw2s = opencc.OpenCC("t2s"), opencc.OpenCC("tw2s")
    reasons = {"splice": 0, "opencc": 0, "space": 0}
    for doc_id in ids:
        doc = project.document(doc_id)
        alignment = doc.alignment()
        for start in range(len(doc.text) - 1):
            pair = doc.text[start:start + 2]
            if "\n" in pair:
                continue
            raw_start, raw_end = alignment.source_range(start, start + 2)
            piece = doc.raw_text[raw_start:raw_end]
            if normalize_text(piece).text == pair:
                continue
            if "?" in piece and "?" not in pair:
                reasons["splice"] += 1
            elif pair.strip() != pair:
                reasons["space"] += 1
            else:
                kept = normalize_text(piece, NormalizeOptions(convert_traditional=False)).text
                assert pair in (t2s.convert(kept), tw2s.convert(kept)), (pair, piece)
                reasons["opencc"] += 1
    assert all(reasons.values()), reasons


def test_cut_rebases_spans_and_leaves_out_those_touching_a_cut():
    text, rebase = cut("0123456789", [(2, 4), (3, 5), (8, 9)])
    assert text == "015679"
    assert rebase(0, 2) == (0, 2) and rebase(5, 8) == (2, 5) and rebase(9, 10) == (5, 6)
    assert rebase(1, 3) is None and rebase(4, 6) is None and rebase(7, 9) is None


def test_without_excluded_regions_offsets_are_rebased(glossed, tmp_path):
    project, ids = glossed
    whole = {r["id"]: r for r in records_of(project, tmp_path)}
    cut_records = records_of(project, tmp_path, drop_excluded=True)
    assert any(whole[r["id"]]["excluded"] for r in cut_records)
    for record in cut_records:
        original = whole[record["id"]]
        assert record["excluded"] == []
        assert len(record["text"]) == len(original["text"]) - sum(e["end"] - e["start"] for e in original["excluded"])
        kept = {(s["label"], s["text"], s["raw_start"]) for s in record["spans"]}
        for span in original["spans"]:
            inside = any(e["start"] < span["end"] and span["start"] < e["end"] for e in original["excluded"])
            assert ((span["label"], span["text"], span["raw_start"]) in kept) == (not inside)
        for span in record["spans"]:
            assert record["text"][span["start"]:span["end"]] == span["text"]


def test_status_and_label_filters(filled, tmp_path):
    done = records_of(filled, tmp_path, statuses=("done",))
    assert [r["meta"]["source_file"] for r in done] == ["edges.txt"]
    only = records_of(filled, tmp_path, labels=frozenset({"PER", "ORG"}))
    assert len(only) == 4
    assert {s["label"] for r in only for s in r["spans"]} == {"PER", "ORG"}
    crlf = only[0]
    assert [s["text"] for s in crlf["spans"]] == ["淮南市妇联", "张璐", "𠮷野家"]
    assert crlf["relations"] == [{"id": 1, "head": 2, "tail": 1, "type": "member_of"}]
    no_org = records_of(filled, tmp_path, labels=frozenset({"PER"}))
    assert no_org[0]["relations"] == []  # a relation goes with either of its spans


def test_attributes_have_every_name_of_the_project():
    assert uniform_attributes({"level": "city", "n": [1, 2]}, ["category", "level", "n"]) == \
        {"category": None, "level": "city", "n": "[1, 2]"}


def test_non_overlapping_keeps_the_longest_then_the_earliest():
    spans = [{"id": i, "start": s, "end": e} for i, (s, e) in enumerate([(0, 1), (0, 2), (1, 4), (3, 9), (9, 10)])]
    assert [(s["start"], s["end"]) for s in non_overlapping(spans)] == [(0, 2), (3, 9), (9, 10)]


def test_the_record_has_the_layout_of_store_models_in_its_order(glossed, tmp_path):
    from annotator.exchange.records import build_record
    from annotator.store.models import (
        EXCLUDED_FIELDS,
        META_FIELDS,
        PROGRAM_FIELDS,
        RECORD_FIELDS,
        RELATION_FIELDS,
        SPAN_FIELDS,
    )

    project, ids = glossed
    org = next(s for s in project.spans(ids[0]) if s.label == "ORG")
    head = project.add_span(ids[0], org.end, org.end + 2, "PROGRAM")
    project.link_span(head.id, project.create_program("巾帼大宣讲").id)
    project.add_relation(head.id, org.id, "organizer")
    project.set_region(ids[0], 0, 1, True)
    doc = next(d for d in project.iter_export() if d.id == ids[0])
    record = build_record(doc, project.attribute_names(), ExportOptions())
    assert tuple(record) == RECORD_FIELDS and tuple(record["meta"]) == META_FIELDS
    assert all(tuple(s) == SPAN_FIELDS for s in record["spans"])
    assert tuple(next(s["program"] for s in record["spans"] if s["program"])) == PROGRAM_FIELDS
    assert record["excluded"] and all(tuple(e) == EXCLUDED_FIELDS for e in record["excluded"])
    line = records_of(project, tmp_path)[ids.index(ids[0])]  # the SQL's line: the same order
    assert tuple(line) == RECORD_FIELDS and all(tuple(s) == SPAN_FIELDS for s in line["spans"])
    assert record["relations"] and all(tuple(r) == RELATION_FIELDS for r in record["relations"] + line["relations"])
