"""The canonical JSONL written by SQLite (``Project.iter_export_json`` filled in
by ``exchange/jsonl.py``) is byte for byte ``json.dumps`` of the record
(``build_record``), which the other tests pin down: on adversarial strings
(quotes, backslashes, control characters, U+2028/2029, DEL, astral characters,
emoji), spans sharing a start and an end, relations, attributes of every JSON
type, region overrides, and every export option."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.exchange import ExportOptions, build_record, export, jsonl
from annotator.exchange.base import dumps
from annotator.store import Project, open_project
from annotator.store.models import Label
from tests.exchange.conftest import add_glossed, fill
from tests.store.conftest import make_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
NASTY = "\"\\/\x00\x01\x08\x09\x0a\x0c\x0d\x1f\x7f\x80\u2028\u2029\ufeff\ufffd𠮷😀👩‍👩‍👧é中'<>&%_"
# any code point but surrogates (which no UTF-8 text, and so no SQLite text, holds), nasty ones often
strings = st.text(st.one_of(st.sampled_from(NASTY), st.characters(blacklist_categories=("Cs",))), max_size=12)


def by_record(project: Project, options: ExportOptions) -> list[bytes]:
    names = project.attribute_names()
    return [dumps(build_record(doc, names, options)).encode() for doc in project.iter_export(options.statuses)]


def by_sql(project: Project, options: ExportOptions) -> list[bytes]:
    return [line for _, page, _ in jsonl.lines(project, project.attribute_names(), options)
            for line in page.split(b"\n")[:-1]]


@given(strings)
@settings(max_examples=300)
def test_sqlite_quotes_strings_as_json_dumps_does(value):
    conn = sqlite3.connect(":memory:")
    assert conn.execute("SELECT json_quote(?)", (value,)).fetchone()[0] == json.dumps(value, ensure_ascii=False)
    # and reads them back out of JSON (stored with and without escapes) as they were
    for stored in (json.dumps({"k": value}), json.dumps({"k": value}, ensure_ascii=False)):
        if "\\u0000" not in stored:  # SQLite cuts a string at an escaped NUL: such lines go by the record
            assert conn.execute("SELECT ? ->> 'k'", (stored,)).fetchone()[0] == value


def test_lone_surrogates_cannot_be_stored(project):
    with pytest.raises(UnicodeEncodeError):
        project.add_documents([make_document("a\ud800b", source="lone.txt")])


@pytest.fixture
def awkward(project):
    fill(project)
    add_glossed(project, CORPUS)
    return project


@pytest.mark.parametrize("options", [
    ExportOptions(),
    ExportOptions(labels=frozenset({"PER", "ORG"})),
    ExportOptions(labels=frozenset({"LOC"})),
    ExportOptions(statuses=("done",)),
    ExportOptions(drop_excluded=True),
], ids=["all", "labels", "one-label", "status", "drop-excluded"])
def test_lines_are_the_records_dumped(awkward, options):
    assert by_sql(awkward, options) == by_record(awkward, options)


def test_a_plain_page_is_written_by_sqlite_alone(awkward):
    rows = [row for page in awkward.iter_export_json(None, None, awkward.attribute_names(), schema_version=1)
            for row in page]
    ids, page, left, _ = jsonl._fill(rows)
    assert left == [] and len(ids) == len(rows) == page.count(b"\n") + 1  # no ties, no odd values: nothing went by the record


def test_what_sqlite_cannot_prove_goes_by_the_record(awkward):
    doc_id = awkward.add_documents([make_document("张三和李四在北京", source="odd.txt", title=7)])[0]
    awkward.add_span(doc_id, 0, 2, "PER", attributes={"category": 3})
    awkward.add_span(doc_id, 0, 2, "ORG")  # the same start and end: sorted by label
    awkward.set_region(doc_id, 5, 7, True)
    rows = [row for page in awkward.iter_export_json(None, None, awkward.attribute_names(), schema_version=1)
            for row in page]
    _, _, left, _ = jsonl._fill(rows)
    assert left == [doc_id]
    assert by_sql(awkward, ExportOptions()) == by_record(awkward, ExportOptions())


def test_the_export_writes_the_same_file_split_and_paged(awkward, tmp_path, monkeypatch):
    export(awkward, "jsonl", tmp_path / "all.jsonl")
    assert (tmp_path / "all.jsonl").read_bytes() == b"".join(line + b"\n" for line in by_record(awkward, ExportOptions()))
    report = export(awkward, "jsonl", tmp_path / "parts", split={"train": 0.5, "dev": 0.5}, seed=3)
    lines = sorted(line for part in ("train", "dev") for line in (tmp_path / "parts" / f"{part}.jsonl").read_bytes()
                   .splitlines())
    assert lines == sorted(by_record(awkward, ExportOptions()))
    assert report.spans == sum(len(json.loads(line)["spans"]) for line in lines)
    original = Project.iter_export_json

    def small_pages(self, *args, **kwargs):
        return original(self, *args, **{**kwargs, "page_size": 2})

    monkeypatch.setattr(Project, "iter_export_json", small_pages)
    export(awkward, "jsonl", tmp_path / "paged.jsonl")
    assert (tmp_path / "paged.jsonl").read_bytes() == (tmp_path / "all.jsonl").read_bytes()


documents = st.lists(st.tuples(
    # (the store counts a text's characters with SQLite's length(), which stops at a NUL)
    st.text(st.one_of(st.sampled_from(NASTY.replace("\x00", "")),
                      st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")), min_size=1, max_size=30),
    strings, st.one_of(st.none(), strings),  # title, source
    st.lists(st.tuples(st.integers(0, 29), st.integers(1, 4), st.sampled_from(["PER", "ORG", "人名甲"]),
                       st.one_of(st.none(), st.dictionaries(st.sampled_from(["category", "level", "自\n定"]),
                                                            st.one_of(st.none(), strings, st.integers(),
                                                                      st.booleans(), st.lists(st.integers())),
                                                            max_size=2))), max_size=8),
    st.lists(st.tuples(st.integers(0, 29), st.integers(1, 5), strings), max_size=2),  # excluded regions
), min_size=1, max_size=4, unique_by=lambda doc: doc[0])


@given(documents, strings.filter(bool), st.booleans())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_project_exports_the_records_dumped(docs, annotator, drop):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.annotator"
        with open_project(path, annotator="first") as project:
            project.add_label(Label("人名甲", "entity", "标", "odd", "#000000"))
            stored = []
            for n, (text, title, source, _, regions) in enumerate(docs):
                excluded = [{"start": min(s, len(text) - 1), "end": min(s + k, len(text)), "reason": r, "rule": r}
                            for s, k, r in regions]
                doc = replace(make_document(text, source=f"{n}{title}", excluded=excluded), meta={
                    "title": title, "date": None, "source": source})
                stored.append(project.add_documents([doc])[0])
        for who in ("first", annotator):
            with open_project(path, annotator=who) as project:
                for doc_id, (text, _, _, spans, _) in zip(stored, docs):
                    made = []
                    for start, length, label, attributes in spans:
                        start = min(start, len(text) - 1)
                        made.append(project.add_span(doc_id, start, min(start + length, len(text)), label,
                                                     attributes=attributes).id)
                    if len(made) > 1:
                        project.add_relation(made[-1], made[0], "rel\u2028")
                if stored and docs[0][0][1:]:
                    project.set_region(stored[0], 0, 1, True, reason="手\\工")
        with open_project(path, annotator="reader") as project:
            for options in (ExportOptions(drop_excluded=drop), ExportOptions(labels=frozenset({"人名甲", "PER"}))):
                assert by_sql(project, options) == by_record(project, options)


@pytest.mark.parametrize("stored", [
    '{"category":"公益","level":"city"}',  # as the store writes it
    '{"category": "公益", "level": "city"}',
    '{"level":"city","category":"公益"}',
    '{"category":"\\u516c","level":"city"}',
    '{"category":"a\\"b","level":"c"}',
    '{"category":"a","level":"b","x":"c"}',
    '{"category":"a","x":"c","level":"b"}',
    '{"category":"a","level":null}',
    '{"category":"a","level":7}',
    '{"category":"a\u2028\u007f*?[","level":"𠮷"}',
    '{"category":"a"}',
])
def test_attributes_stored_in_any_form_are_written_as_json_dumps_does(awkward, stored):
    doc_id = awkward.add_documents([make_document("张三和李四在北京", source="attrs.txt")])[0]
    span = awkward.add_span(doc_id, 0, 2, "PER", attributes={"category": "x", "level": "y"})
    awkward.conn.execute("UPDATE spans SET attributes = ? WHERE id = ?", (stored, span.id))
    for options in (ExportOptions(), ExportOptions(labels=frozenset({"PER"}))):
        assert by_sql(awkward, options) == by_record(awkward, options)



@pytest.mark.parametrize("stored", [
    '{"format":"segments-v1","segments":[[0,8,0,8]]}',  # as the store writes it
    '{"format": "segments-v1", "segments": [[0, 2, 0, 2], [2, 8, 2, 9]]}',  # as json.dumps does
    '{"format":"segments-v1","segments":[[0,8,0,8]],"x":[[0,8,5,13]]}',
    '{"segments":[[0,8,0,8]],"format":"segments-v1"}',
    '{"format":"segments-v1","segments":[[0,8,0,8]],"note":"1"}',
])
def test_the_map_is_read_from_its_stored_text_only_in_the_stores_forms(awkward, stored):
    doc_id = awkward.add_documents([make_document("张三和李四在北京", source="map.txt")])[0]
    awkward.add_span(doc_id, 0, 2, "PER")
    awkward.add_span(doc_id, 3, 5, "PER")
    awkward.conn.execute("UPDATE documents SET map = ? WHERE id = ?", (stored, doc_id))
    assert by_sql(awkward, ExportOptions()) == by_record(awkward, ExportOptions())
