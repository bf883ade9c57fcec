"""Commands do, undo and redo against a real project file."""

import pytest

from annotator.session import AddSpan, DeleteSpan, Relabel, SetRegion, SetStatus
from annotator.store import open_project
from tests.store.conftest import make_document

TEXT = "江门市妇联举办“侨都巾帼大宣讲”活动"


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        excluded = [{"start": 0, "end": 3, "reason": "chrome", "rule": "site-name"}]
        p.add_documents([make_document(TEXT, excluded=excluded)])
        yield p


def spans(project):
    return [(s.id, s.start, s.end, s.label) for s in project.spans(1)]


def test_add_span_undo_redo_keeps_the_id(project):
    cmd = AddSpan(1, 0, 5, "ORG")
    cmd.do(project)
    first = spans(project)
    assert [s[1:] for s in first] == [(0, 5, "ORG")]
    cmd.undo(project)
    assert spans(project) == []
    cmd.do(project)
    assert spans(project) == first


def test_delete_span_undo_restores_it_with_its_relations(project):
    org = project.add_span(1, 0, 5, "ORG")
    prog = project.add_span(1, 8, 15, "PROGRAM", attributes={"category": "思想引领/宣讲"})
    rel = project.add_relation(prog.id, org.id, "organizer")
    cmd = DeleteSpan(1, org.id)
    cmd.do(project)
    assert [s.id for s in project.spans(1)] == [prog.id] and project.relations(1) == []
    cmd.undo(project)
    assert [s.id for s in project.spans(1)] == [org.id, prog.id]
    assert [(r.id, r.head, r.tail, r.type) for r in project.relations(1)] == [(rel.id, prog.id, org.id, "organizer")]
    cmd.do(project)
    assert [s.id for s in project.spans(1)] == [prog.id]


def test_deleting_an_accepted_suggestion_rejects_it_and_undo_restores_both(project):
    from annotator.session import RejectSpan

    [span] = project.accept_suggestions(1, [(0, 5, "ORG", "lexicon")])
    cmd = RejectSpan(1, span.id)
    cmd.do(project)
    assert spans(project) == [] and [(r.start, r.end, r.label, r.suggester) for r in project.rejections(1)] == [
        (0, 5, "ORG", "lexicon")]
    cmd.undo(project)
    assert [(s.id, s.origin, s.suggester) for s in project.spans(1)] == [(span.id, "suggested", "lexicon")]
    assert project.rejections(1) == []
    cmd.do(project)  # redo
    assert spans(project) == [] and len(project.rejections(1)) == 1


def test_relabel_undo(project):
    span = project.add_span(1, 0, 3, "ORG")
    cmd = Relabel(1, span.id, "LOC")
    cmd.do(project)
    assert project.span(span.id).label == "LOC"
    cmd.undo(project)
    assert project.span(span.id).label == "ORG"


def test_status_undo_returns_to_the_previous_status(project):
    project.set_status(1, "in_progress")
    cmd = SetStatus(1, "done")
    cmd.do(project)
    assert project.document(1).status == "done"
    cmd.undo(project)
    assert project.document(1).status == "in_progress"


def test_including_a_region_and_undoing_it(project):
    cmd = SetRegion(1, 0, 3, excluded=False)
    cmd.do(project)
    assert [r.excluded for r in project.regions(1)] == [False]
    cmd.undo(project)
    assert [r.excluded for r in project.regions(1)] == [True]
    assert project.region_override(1, 0, 3) is None


def test_every_command_is_in_the_change_log(project):
    AddSpan(1, 0, 5, "ORG").do(project)
    SetStatus(1, "done").do(project)
    assert [c["action"] for c in project.changes(limit=2)] == ["status", "span_add"]


# suggestions and batches -------------------------------------------------------------------
def test_accept_suggestions_undo_restores_a_rejection_it_forgot(project):
    from annotator.session import AcceptSuggestions

    project.reject_suggestions(1, [(8, 15, "PROGRAM", "programs")])
    cmd = AcceptSuggestions(1, [(8, 15, "PROGRAM", "programs"), (3, 5, "ORG", "lexicon")])
    cmd.do(project)
    first = [(s.id, s.label, s.origin, s.suggester) for s in project.spans(1)]
    assert [x[1:] for x in first] == [("ORG", "suggested", "lexicon"), ("PROGRAM", "suggested", "programs")]
    assert project.rejections(1) == [] and set(cmd.span_ids) == {x[0] for x in first}
    cmd.undo(project)
    assert project.spans(1) == []
    assert [(r.start, r.label) for r in project.rejections(1)] == [(8, "PROGRAM")]
    cmd.do(project)
    assert [(s.id, s.label, s.origin, s.suggester) for s in project.spans(1)] == first


def test_reject_suggestions_undo_keeps_an_older_rejection(project):
    from annotator.session import RejectSuggestions

    project.reject_suggestions(1, [(3, 5, "ORG", None)])
    cmd = RejectSuggestions(1, [(3, 5, "ORG", "lexicon"), (8, 15, "PROGRAM", "programs")])
    cmd.do(project)
    assert [(r.start, r.label) for r in project.rejections(1)] == [(3, "ORG"), (8, "PROGRAM")]
    assert cmd.span_ids == ()
    cmd.undo(project)
    assert [(r.start, r.label) for r in project.rejections(1)] == [(3, "ORG")]  # decided before: stays


def test_tag_occurrences_in_several_documents_is_one_command(project):
    from annotator.session import TagOccurrences, find_occurrences

    [second] = project.add_documents([make_document("“侨都巾帼大宣讲”走进江门,巾帼大宣讲", source="b.txt")])
    project.add_span(second, 14, 19, "PROGRAM")  # the second, unquoted one, tagged already
    found = list(find_occurrences(project, "巾帼大宣讲", "PROGRAM"))
    assert [(o.document_id, o.start, o.end) for o in found] == [(1, 10, 15), (second, 3, 8)]
    assert found[0].before == TEXT[:10][-12:] and found[1].after == "”走进江门,巾帼大宣讲"
    assert [o.start for o in find_occurrences(project, "巾帼大宣讲", "PROGRAM", document_id=1)] == [10]
    cmd = TagOccurrences("PROGRAM", [(o.document_id, o.start, o.end) for o in found], document_id=1)
    cmd.do(project)
    assert cmd.document_ids == (1, second) and len(cmd.span_ids) == 1
    assert [s.text for s in project.spans(1)] == ["巾帼大宣讲"] and len(project.spans(second)) == 2
    assert list(find_occurrences(project, "巾帼大宣讲", "PROGRAM")) == []
    cmd.undo(project)
    assert project.spans(1) == [] and len(project.spans(second)) == 1
    cmd.do(project)
    assert len(project.spans(1)) == 1


def test_occurrences_skip_excluded_regions(project):
    from annotator.session import find_occurrences

    # the fixture's document excludes its first three characters, 江门市
    assert list(find_occurrences(project, "江门", "LOC", document_id=1)) == []
    assert [o.start for o in find_occurrences(project, "妇联", "ORG", document_id=1)] == [3]


def test_every_command_says_which_documents_and_spans_it_touched(project):
    import inspect

    from annotator.session import commands, propagate
    from annotator.session.commands import Command

    kinds = [c for m in (commands, propagate) for _, c in inspect.getmembers(m, inspect.isclass)
             if c.__module__ == m.__name__ and c is not Command and hasattr(c, "do")]
    assert kinds and all(issubclass(c, Command) for c in kinds)
    status = SetStatus(1, "done")
    assert status.document_ids == (1,) and status.span_ids == ()
    tag = AddSpan(1, 0, 5, "ORG")
    tag.do(project)
    assert tag.document_ids == (1,) and tag.span_ids == (tag.span_id,)
