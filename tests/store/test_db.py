"""SQLite's errors sorted by their error code: the environment's problems are one
line naming the file; a bug of ours stays a bug (a crash report, not "Not saved")."""

import sqlite3

import pytest

from annotator.store import ProjectDamaged, ProjectError, open_project
from tests.store.conftest import make_document


def test_a_bug_in_our_sql_is_raised_as_a_bug_not_shown_as_not_saved(project, project_path):
    [doc] = project.add_documents([make_document("妇联主席")])
    with sqlite3.connect(project_path) as other:  # a table our SQL expects is gone: only a bug can do that
        other.execute("ALTER TABLE changes RENAME TO changes_gone")
    with pytest.raises(sqlite3.OperationalError, match="no such table: changes") as caught:
        project.add_span(doc, 0, 2, "ORG")
    assert not isinstance(caught.value, ProjectError)
    assert project.spans(doc) == []  # rolled back


def test_text_that_is_not_utf8_is_damage_on_reading_and_the_file_is_then_never_written(project, project_path):
    [doc] = project.add_documents([make_document("妇联主席")])
    with sqlite3.connect(project_path) as other:  # a flipped byte in a stored title
        other.execute("UPDATE documents SET title = CAST(x'e5a6ff' AS TEXT) WHERE id = ?", (doc,))
    with pytest.raises(ProjectDamaged, match=rf"^{project_path}: the project file is damaged \(Could not decode"):
        project.list_documents()
    with pytest.raises(ProjectDamaged, match="not written to"):
        project.add_span(doc, 0, 2, "ORG")
    with sqlite3.connect(project_path) as other:
        assert other.execute("SELECT count(*) FROM spans").fetchone() == (0,)


def test_an_export_meeting_damage_is_one_line(project, project_path):
    project.add_documents([make_document("妇联主席")])
    with sqlite3.connect(project_path) as other:
        other.execute("UPDATE documents SET source_file = CAST(x'ff' AS TEXT)")
    with pytest.raises(ProjectDamaged, match="damaged"):
        list(project.iter_export())


def test_messages_are_one_line_naming_the_file(tmp_path):
    path = tmp_path / "p.annotator"
    with open_project(path) as project:
        project.add_documents([make_document("妇联")])
        project.conn.execute("PRAGMA max_page_count = 1")
        with pytest.raises(ProjectError) as caught:
            project.add_documents([make_document("大" * 100_000, source="b.txt")])
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
