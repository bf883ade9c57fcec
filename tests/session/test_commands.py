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
