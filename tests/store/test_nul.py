"""A NUL in a document: SQLite's length() and substr() stop at it, the store's
lengths are code points of the whole text (issue 14.6)."""

from annotator.cli import main
from annotator.store import open_project
from tests.store.conftest import make_document

TEXT = "前言\x00全国妇联主席沈跃跃出席会议。江门市妇联开展春蕾计划"


def test_suggestions_and_excluded_regions_past_a_nul_are_stored(project):
    [doc] = project.add_documents([make_document(TEXT)])
    at = TEXT.index("沈跃跃")
    assert project.add_suggested_spans(doc, [(at, at + 3, "PER", "jieba")]) == 1
    assert [(s.text, s.start) for s in project.spans(doc)] == [("沈跃跃", at)]
    project.set_region(doc, at, len(TEXT), excluded=True)
    assert [(r.start, r.end, r.excluded) for r in project.regions(doc)] == [(at, len(TEXT), True)]


def test_the_export_measures_a_raw_text_with_a_nul_whole(project):
    [doc] = project.add_documents([make_document(TEXT)])
    assert project.export_document(doc).raw_length == len(TEXT)
    assert [d.raw_length for d in project.iter_export()] == [len(TEXT)]


def test_suggest_apply_reaches_past_a_nul_and_later_documents(tmp_path, capsys):
    path = tmp_path / "p.annotator"
    with open_project(path) as p:
        p.add_documents([make_document(TEXT, source="a.txt"), make_document("江门市妇联开展春蕾计划。", source="b.txt")])
    assert main(["suggest", "--project", str(path), "--apply"]) == 0
    with open_project(path) as p:
        first, second = p.document_ids()
        assert any(s.start > TEXT.index("\x00") for s in p.spans(first))
        assert p.spans(second)
