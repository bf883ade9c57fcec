"""Annotated data in: every problem reported by line, and nothing half-imported."""

import json

import pytest

from annotator.exchange import check, detect_format, import_annotated
from annotator.store import open_project


def write_lines(path, *records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                            for r in records), "utf-8")
    return path


GOOD = {"text": "𠮷野家在北京", "label": [[0, 3, "ORG"], [4, 6, "LOC"]]}


def test_spans_come_in_as_imported_with_the_text_kept_exactly(project, tmp_path):
    text = "  全角　空格\r\n和 Traditional 婦聯 👩‍👩‍👧 "
    org, fam = text.index("婦聯"), text.index("👩")
    f = write_lines(tmp_path / "d.jsonl", GOOD, {"text": text, "label": [[org, org + 2, "ORG"],
                                                                          [fam, fam + 5, "PROGRAM"]]})
    report = import_annotated(project, f, "doccano")
    assert not report.problems and [doc_id for _, doc_id in report.added] == [1, 2]
    doc = project.document(2)
    assert doc.text == doc.raw_text == text  # not normalized: no Simplified, no CRLF → LF
    assert doc.raw_range(org, org + 2) == (org, org + 2)
    assert [(s.text, s.origin, s.annotator) for s in project.spans(2)] == \
           [("婦聯", "imported", "tester"), ("👩‍👩‍👧", "imported", "tester")]
    assert project.changes(1)[0]["action"] == "import_annotated"


def test_every_problem_is_reported_by_line_and_nothing_is_imported(project, tmp_path):
    f = write_lines(tmp_path / "d.jsonl",
                    GOOD,
                    "{not json",
                    {"text": "张三", "label": [[0, 3, "PER"]]},
                    {"text": "张三", "label": [[0, 2, "NOPE"]]},
                    {"text": "张三", "label": [[1, 1, "PER"], ["0", 2, "PER"], [0, 2]]},
                    '["a list"]',
                    {"label": []})
    before = project.changes(1)
    report = import_annotated(project, f, "doccano")
    assert [str(p) for p in report.problems] == [
        f"{f}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{f}:3: label 1 (PER): span 0:3 is outside the text (2 characters)",
        f"{f}:4: unknown label 'NOPE' (this project has DATE, DOC, EVENT, LOC, ORG, PER, PROGRAM, TITLE)",
        f"{f}:5: label 1 (PER): span 1:1 is outside the text (2 characters)",
        f"{f}:5: label 2 (PER): offsets '0':2 are not whole numbers",
        f"{f}:5: label 3 is not [start, end, label]: [0, 2]",
        f"{f}:6: not a JSON object",
        f"{f}:7: no 'text' string",
    ]
    assert project.document_count() == 0 and project.changes(1) == before


def test_an_import_stopped_midway_leaves_nothing_behind(project, tmp_path):
    """The progress callback stops the import at the last document (as a
    cancel button would): the documents before it are rolled back with it."""
    f = write_lines(tmp_path / "d.jsonl", GOOD, GOOD | {"text": "北京和上海", "label": [[0, 2, "LOC"]]})

    class Cancelled(Exception):
        pass

    def progress(done, total):
        if done == total:
            raise Cancelled

    with pytest.raises(Cancelled):
        import_annotated(project, f, "doccano", progress=progress)
    assert project.document_count() == 0 and project.stats()["spans"] == 0
    assert len(import_annotated(project, f, "doccano").added) == 2


def test_duplicates_are_skipped_and_reported(project, tmp_path):
    f = write_lines(tmp_path / "d.jsonl", GOOD, GOOD)
    report = import_annotated(project, f, "doccano")
    assert len(report.added) == 1 and report.duplicates == [f"{f}:2"]
    assert len(project.spans(1)) == 2


def test_label_studio_offsets_counted_in_utf16_are_named(project, tmp_path):
    def task(start, end, text):
        return {"data": {"text": "𠮷野家在北京"}, "annotations": [{"result": [
            {"id": "a", "type": "labels", "from_name": "label", "to_name": "text",
             "value": {"start": start, "end": end, "text": text, "labels": ["LOC"]}}]}]}

    f = tmp_path / "ls.json"
    f.write_text(json.dumps([task(5, 7, "北京"), task(4, 7, "在北京"), task(4, 6, "北京")], ensure_ascii=False),
                 "utf-8")
    hint = "(the offsets count UTF-16 code units, as JavaScript does; they must count characters)"
    problems = [str(p) for p in import_annotated(project, f, "label-studio").problems]
    assert problems == [
        f"{f}: task 1: result 1 (LOC): span 5:7 is outside the text (6 characters) {hint}",
        f"{f}: task 2: result 1 (LOC): span 4:7 is outside the text (6 characters) {hint}",
    ]


def test_detect_format(tmp_path):
    assert detect_format(write_lines(tmp_path / "a.jsonl", GOOD)) == "doccano"
    assert detect_format(write_lines(tmp_path / "b.jsonl", {"text": "x", "label": {}})) == "cluener"
    assert detect_format(write_lines(tmp_path / "c.jsonl", {"text": "x", "tokens": []})) == "prodigy"
    assert detect_format(write_lines(tmp_path / "d.jsonl", {"text": "x", "spans": []})) == "jsonl"
    assert detect_format(tmp_path / "e.json") == "label-studio"
    assert detect_format(tmp_path) == "brat"


def test_check_without_a_project_does_not_know_labels(tmp_path):
    f = write_lines(tmp_path / "d.jsonl", {"text": "张三", "label": [[0, 2, "ANY"]]})
    assert not check(f, "doccano").problems
    assert check(f, "doccano", ["PER"]).problems


def test_a_read_only_project_refuses_and_keeps_nothing(project_path_with_writer, tmp_path):
    ro, _ = project_path_with_writer
    f = write_lines(tmp_path / "d.jsonl", GOOD)
    from annotator.store import ReadOnlyProject

    with pytest.raises(ReadOnlyProject):
        import_annotated(ro, f, "doccano")


@pytest.fixture
def project_path_with_writer(tmp_path):
    path = tmp_path / "shared.annotator"
    with open_project(path) as writer:
        with open_project(path, wait=0.1) as reader:
            yield reader, writer


def test_normalize_when_asked_moves_spans_onto_the_normalized_text(project, tmp_path, corpus_dir):
    from annotator.normalize import normalize

    raw = (corpus_dir / "000_aaf9baf376961570.txt").read_bytes().decode("utf-8")
    glossed = raw.index("婦聯(lián)")  # a Traditional word with its pinyin gloss
    page = normalize(raw.encode("utf-8"), "000")
    target = page.alignment.target_range(glossed, glossed + len("婦聯(lián)"))
    f = write_lines(tmp_path / "d.jsonl", {"text": raw, "label": [[glossed, glossed + 8, "ORG"]]})
    report = import_annotated(project, f, "doccano", normalize=True)
    assert not report.problems, report.problems
    [doc_id] = [doc_id for _, doc_id in report.added]
    doc = project.document(doc_id)
    assert doc.raw_text == raw and doc.text == page.text
    [span] = project.spans(doc_id)
    assert (span.start, span.end) == target and span.text == "妇联"  # Simplified, the gloss gone
    assert doc.raw_range(span.start, span.end) == (glossed, glossed + 2)  # the gloss belongs to no character


def test_normalize_reports_a_span_ending_inside_a_character(project, tmp_path):
    # CRLF becomes one LF, made from both: a span ending between them has no counterpart
    f = write_lines(tmp_path / "d.jsonl", {"text": "妇联\r\n主席", "label": [[1, 3, "ORG"]]})
    report = import_annotated(project, f, "doccano", normalize=True)
    assert [p.reason for p in report.problems][0].endswith("import it without --normalize")
    assert report.added == [] and project.document_count() == 0
    ok = write_lines(tmp_path / "ok.jsonl", {"text": "妇联\r\n主席", "label": [[0, 2, "ORG"], [1, 4, "LOC"]]})
    report = import_annotated(project, ok, "doccano", normalize=True)
    assert not report.problems and [s.text for s in project.spans(report.added[0][1])] == ["妇联", "联\n"]


def _canonical(text, spans):
    return {"id": 1, "text": text, "spans": [
        {"id": n, "start": s, "end": e, "label": label, "text": text[s:e], "attributes": {}, "program": program}
        for n, (s, e, label, program) in enumerate(spans, 1)], "relations": []}


def test_a_catalog_reference_links_to_the_program_of_that_name_or_alias(project, tmp_path):
    parent = project.create_program("巾帼大宣讲", aliases=["巾帼宣讲"])
    text = "三秦巾帼大宣讲和巾帼宣讲"
    f = write_lines(tmp_path / "c.jsonl", _canonical(text, [
        (0, 7, "PROGRAM", {"name": "三秦巾帼大宣讲", "parent": "巾帼宣讲"}),
        (8, 12, "PROGRAM", {"name": "巾帼宣讲", "parent": None})]))
    report = import_annotated(project, f, "jsonl")
    assert not report.problems
    variant, known = project.spans(report.added[0][1])
    assert known.program_id == parent.id  # by its alias; the catalog is not changed
    added = project.program(variant.program_id)
    assert (added.name, added.parent_id) == ("三秦巾帼大宣讲", parent.id)
    assert len(project.programs()) == 2


def test_catalog_references_that_cannot_be_taken_are_reported(project, tmp_path):
    f = write_lines(tmp_path / "c.jsonl",
                    _canonical("张三办春蕾计划", [(0, 2, "PER", {"name": "春蕾计划", "parent": None})]),
                    _canonical("春蕾计划", [(0, 4, "PROGRAM", {"name": "", "parent": None})]),
                    _canonical("春蕾计划", [(0, 4, "PROGRAM", "春蕾计划")]),
                    _canonical("春蕾计划", [(0, 4, "PROGRAM", {"name": "春蕾计划", "parent": "春蕾计划"})]))
    report = import_annotated(project, f, "jsonl")
    shape = "'program' must be null or {\"name\": a name, \"parent\": another name or null}"
    assert [str(p) for p in report.problems] == [
        f"{f}:1: span 0:2 names the catalog entry '春蕾计划' but is a PER span, not a program",
        f"{f}:2: span 1: {shape}", f"{f}:3: span 1: {shape}", f"{f}:4: span 1: {shape}"]
    assert project.document_count() == 0 and project.programs() == []
