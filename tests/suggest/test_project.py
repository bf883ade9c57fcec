"""Suggestions over a real project file: learning, rejections, a batch."""

import pytest

from annotator.store import open_project
from annotator.suggest import project_lexicon, suggest_document, suggest_project

from ..store.conftest import make_document

PAGE_A = "江门市妇联深化“侨都巾帼大宣讲”,市妇联主席林露华主持会议。"
PAGE_B = "😀今年,侨乡妇女继续开展侨都巾帼大宣讲,林露华出席。"


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        p.add_documents([make_document(PAGE_A, "a.txt"), make_document(PAGE_B, "b.txt")])
        yield p


def shown(project, document_id):
    text = project.document(document_id).text
    return {(text[s.start:s.end], s.label, s.suggester) for s in suggest_document(project, document_id)}


def test_tagging_a_new_program_in_one_document_makes_it_suggested_in_another(project, tmp_path):
    a, b = project.document_ids()
    name = "侨都巾帼大宣讲"
    assert not any(text == name for text, _, _ in shown(project, b))  # unquoted, unknown: not found
    before = project_lexicon(project)
    start = PAGE_A.index(name)
    project.add_span(a, start, start + len(name), "PROGRAM")
    after = project_lexicon(project)
    assert after.version != before.version and (name, "PROGRAM") in after.learned
    assert (name, "PROGRAM", "learned") in shown(project, b)
    [s] = [s for s in suggest_document(project, b) if s.label == "PROGRAM"]
    assert (s.start, s.end) == (PAGE_B.index(name), PAGE_B.index(name) + len(name))
    # the project file holds it: a new process learns the same
    project.close()
    with open_project(tmp_path / "p.annotator") as again:
        assert (name, "PROGRAM", "learned") in shown(again, b)


def test_a_rejected_suggestion_does_not_come_back_in_that_document_only(project):
    a, b = project.document_ids()
    project.add_documents([make_document(PAGE_A + " ", "c.txt")])
    c = project.document_ids()[-1]
    [org] = [s for s in suggest_document(project, a) if s.label == "ORG" and PAGE_A[s.start:s.end] == "江门市妇联"]
    project.reject_suggestions(a, [(org.start, org.end, "ORG", org.suggester)])
    [rejection] = project.rejections(a)
    assert (rejection.text, rejection.suggester, rejection.annotator) == ("江门市妇联", org.suggester, "tester")
    assert not any(s.key == org.key for s in suggest_document(project, a))
    assert any(s.key == org.key for s in suggest_document(project, c))
    project.reject_suggestions(a, [(org.start, org.end, "ORG", None)])  # again: nothing new
    assert len(project.rejections(a)) == 1
    project.clear_rejections(a, [(org.start, org.end, "ORG")])  # undo
    assert any(s.key == org.key for s in suggest_document(project, a))


def test_an_accepted_suggestion_is_a_span_with_its_suggester_and_forgets_its_rejection(project):
    a, _ = project.document_ids()
    [per] = [s for s in suggest_document(project, a) if s.label == "PER"]
    project.reject_suggestions(a, [(per.start, per.end, "PER", per.suggester)])
    [span] = project.accept_suggestions(a, [(per.start, per.end, "PER", per.suggester)])
    assert (span.text, span.origin, span.suggester, span.annotator) == ("林露华", "suggested", per.suggester,
                                                                          "tester")
    assert project.rejections(a) == []
    assert not any(s.key == per.key for s in suggest_document(project, a))
    assert ("林露华", "PER") in project_lexicon(project).learned
    assert [c["action"] for c in project.changes(2)] == ["suggestions_accept", "suggestions_reject"]


def test_a_label_the_project_removed_is_not_suggested(project):
    a, _ = project.document_ids()
    project.remove_label("PER")
    assert "PER" not in {s.label for s in suggest_document(project, a)}


def test_a_batch_applies_once_skips_finished_documents_and_teaches_nothing(project):
    a, b = project.document_ids()
    project.set_status(b, "done")
    calls = []
    report = suggest_project(project, lambda done, total: calls.append((done, total)), apply=True)
    assert calls == [(0, 1), (1, 1)]
    assert report.documents == 1 and report.added == sum(report.suggestions.values()) > 0
    spans = project.spans(a)
    assert len(spans) == report.added and project.spans(b) == []
    assert {s.origin for s in spans} == {"suggested"} and all(s.suggester for s in spans)
    assert ("江门市妇联", "ORG") in {(s.text, s.label) for s in spans}
    assert project_lexicon(project).learned == ()  # no person accepted these
    again = suggest_project(project, apply=True)
    assert (again.added, sum(again.suggestions.values())) == (0, 0)
    assert len(project.spans(a)) == len(spans)


def test_a_batch_without_apply_only_counts(project):
    report = suggest_project(project)
    assert report.documents == 2 and report.added == 0
    assert report.by_label()["ORG"] >= 2 and set(report.by_suggester()) <= {"jieba", "lexicon", "programs", "dates", "general"}
    assert all(project.spans(i) == [] for i in project.document_ids())
