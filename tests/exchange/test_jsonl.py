"""The canonical JSONL: valid against docs/export.schema.json, exact offsets,
and one schema for HuggingFace ``datasets`` across all lines."""

import json
from pathlib import Path

import jsonschema
import pytest

from annotator.exchange import check, export, import_annotated
from tests.exchange.conftest import add_glossed

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "export.schema.json").read_text("utf-8"))


@pytest.fixture
def lines(filled, corpus_dir, tmp_path):
    add_glossed(filled, corpus_dir)
    out = tmp_path / "out.jsonl"
    export(filled, "jsonl", out)
    return out, [json.loads(line) for line in out.read_bytes().splitlines()]


def test_every_line_is_valid_against_the_schema(lines):
    _, records = lines
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for record in records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record["id"], errors)
    assert len(records) == 6


def test_the_schema_rejects_what_it_should(lines):
    _, records = lines
    broken = json.loads(json.dumps(records[0]))
    broken["spans"][0]["attributes"]["level"] = 3
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_offsets_are_code_points_and_the_text_matches(lines):
    _, records = lines
    for record in records:
        for span in record["spans"]:
            assert record["text"][span["start"]:span["end"]] == span["text"]
    astral = next(r for r in records if r["meta"]["source_file"] == "astral.txt")
    assert [(s["start"], s["end"]) for s in astral["spans"]] == [(0, 3), (4, 6), (8, 13)]


def test_utf8_without_escapes_and_stable_key_order(lines):
    out, records = lines
    data = out.read_bytes()
    assert "𠮷野家".encode("utf-8") in data and b"\\u" not in data
    assert list(records[0]) == ["id", "text", "spans", "relations", "excluded", "meta", "normalizer",
                                "schema_version"]
    assert list(records[0]["spans"][0]) == ["id", "start", "end", "label", "text", "raw_start", "raw_end",
                                            "origin", "annotator", "attributes", "program"]


def test_raw_offsets_index_the_raw_page(filled, lines):
    _, records = lines
    for record in records:
        raw = filled.document(record["id"]).raw_text
        for span in record["spans"]:
            piece = raw[span["raw_start"]:span["raw_end"]]
            assert piece.replace("\r\n", "\n") == span["text"] or record["normalizer"] != "test"


def test_attributes_have_one_shape_on_every_span(lines):
    _, records = lines
    shapes = {tuple(s["attributes"]) for r in records for s in r["spans"]}
    assert shapes == {("category", "level")}


def test_huggingface_datasets_loads_every_line_with_one_schema(lines, tmp_path):
    datasets = pytest.importorskip("datasets")
    out, records = lines
    ds = datasets.load_dataset("json", data_files=str(out), split="train", cache_dir=str(tmp_path / "hf"))
    assert ds.num_rows == len(records)
    assert ds[0]["text"] == records[0]["text"]
    span_features = ds.features["spans"]
    span_features = span_features.feature if hasattr(span_features, "feature") else span_features[0]
    assert set(span_features["attributes"]) == {"category", "level"}
    program = next(s for r in ds for s in r["spans"] if s["label"] == "PROGRAM")
    assert program["attributes"] == {"category": "公益项目", "level": "city"}
    for row, record in zip(ds, records, strict=True):
        assert [(s["start"], s["end"], s["text"]) for s in row["spans"]] == \
               [(s["start"], s["end"], s["text"]) for s in record["spans"]]


def test_validate_reports_every_span_whose_text_does_not_match(lines, tmp_path):
    out, records = lines
    records[0]["spans"][0]["text"] = "别的"
    records[1]["spans"][1]["end"] += 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records) + "{not json\n", "utf-8")
    problems = [str(p) for p in check(bad, "jsonl").problems]
    assert len(problems) == 3
    assert problems[0].startswith(f"{bad}:1: span 1: span 0:5 is '淮南市妇联' in the text but the file says '别的'")
    assert problems[1].startswith(f"{bad}:2: span 2: span 4:7 is ")
    assert problems[2].startswith(f"{bad}:7: not valid JSON")


def test_import_keeps_excluded_regions_status_and_provenance(lines, tmp_path):
    from annotator.store import open_project

    out, records = lines
    with open_project(tmp_path / "b.annotator") as b:
        report = import_annotated(b, out, "jsonl")
        assert not report.problems and len(report.added) == 6
        glossed = records[4]
        doc = b.document(glossed["id"])
        assert doc.text == doc.raw_text == glossed["text"]
        assert doc.raw_sha256 == glossed["meta"]["raw_sha256"] and doc.source_file == glossed["meta"]["source_file"]
        assert [(r.start, r.end, r.reason) for r in b.regions(doc.id)] == \
               [(r["start"], r["end"], r["reason"]) for r in glossed["excluded"]]
        assert b.document(4).status == "done"
        # the same file again: every document is already there, nothing is added twice
        again = import_annotated(b, out, "jsonl")
        assert len(again.duplicates) == 6 and b.document_count() == 6


def test_huggingface_datasets_reads_every_line_end_in_a_text(filled, tmp_path):
    """CRLF, a lone CR, U+2028, U+0085 and a form feed in a text (the JSONL
    holds U+2028 and U+0085 unescaped): every row and offset comes back."""
    from tests.exchange.conftest import LINES, add_lines

    datasets = pytest.importorskip("datasets")
    add_lines(filled)
    out = tmp_path / "out.jsonl"
    export(filled, "jsonl", out)
    records = [json.loads(line) for line in out.read_bytes().split(b"\n")[:-1]]
    ds = datasets.load_dataset("json", data_files=str(out), split="train", cache_dir=str(tmp_path / "hf"))
    assert ds.num_rows == len(records) == 5
    assert ds[4]["text"] == LINES
    for row in ds:
        assert all(row["text"][s["start"]:s["end"]] == s["text"] for s in row["spans"])
    assert next(s for s in ds[4]["spans"] if s["label"] == "PROGRAM")["attributes"]["category"] == "公益 项目"
