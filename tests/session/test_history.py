"""The undo history is plain Python: pushed, undone and redone against a real
project file, no QApplication."""

import pytest

from annotator.session import AddSpan, SetStatus
from annotator.session.history import History
from annotator.store import open_project
from tests.store.conftest import make_document

TEXT = "江门市妇联举办“侨都巾帼大宣讲”活动"


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        p.add_documents([make_document(TEXT)])
        yield p


def labels(project):
    return [(s.start, s.end, s.label) for s in project.spans(1)]


def test_one_step_of_two_commands_undone_in_reverse_and_redone_in_order(project):
    history, told = History(project), []
    history.subscribe(lambda: told.append((history.index, history.can_undo(), history.can_redo())))
    assert not history.can_undo() and not history.can_redo() and history.is_clean()
    tag, start = AddSpan(1, 0, 3, "LOC"), SetStatus(1, "in_progress")
    tag.do(project)
    start.do(project)
    history.push((tag, start))
    assert told == [(1, True, False)] and len(history) == 1 and not history.is_clean()
    assert history.undo_step() == (tag, start) and history.redo_step() is None
    history.undo()
    assert labels(project) == [] and project.document(1).status == "new"
    assert told[-1] == (0, False, True) and history.redo_step() == (tag, start) and history.is_clean()
    history.redo()
    assert labels(project) == [(0, 3, "LOC")] and project.document(1).status == "in_progress"
    assert told[-1] == (1, True, False)


def test_a_push_after_an_undo_drops_the_redo_and_the_clean_state_with_it(project):
    history = History(project)
    first, second = AddSpan(1, 0, 3, "LOC"), AddSpan(1, 3, 5, "ORG")
    first.do(project)
    history.push((first,))
    history.set_clean()
    history.undo()
    second.do(project)
    history.push((second,))
    assert len(history) == 1 and history.index == 1 and not history.can_redo()
    assert not history.is_clean()
    history.undo()
    assert not history.is_clean()  # the clean state was the dropped step
    history.clear()
    assert len(history) == 0 and history.is_clean()


def test_every_command_runs_through_the_runner(project):
    ran = []

    def run(step, command):
        ran.append((step.__name__, command.text))
        step(project)

    history = History(project, run)
    tag = AddSpan(1, 0, 3, "LOC")
    tag.do(project)
    history.push((tag,))
    history.undo()
    history.redo()
    history.redo()  # nothing to redo: nothing runs
    assert ran == [("undo", "tag LOC"), ("do", "tag LOC")]
