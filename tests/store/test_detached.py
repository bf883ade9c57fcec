"""The write-ahead log deleted, or the main file replaced, under an open project:
the next edit is refused with a clear message instead of going into a file no
one will read again (issue 14.14)."""

import os

import pytest

from annotator.store import ProjectError, open_project
from tests.store.conftest import make_document


@pytest.fixture
def doc(project):
    [doc] = project.add_documents([make_document("全国妇联主席沈跃跃")])
    project.add_span(doc, 2, 4, "ORG")
    return doc


def test_a_deleted_write_ahead_log_stops_saving(project, project_path, doc):
    wal = project_path.with_name(project_path.name + "-wal")
    assert wal.exists()
    wal.unlink()
    with pytest.raises(ProjectError, match=r"write-ahead log \(-wal\) was deleted.*nothing more is saved"):
        project.add_span(doc, 6, 9, "PER")
    with pytest.raises(ProjectError):
        project.set_status(doc, "done")  # and stays stopped


def test_a_replaced_project_file_stops_saving(project, project_path, doc, tmp_path):
    other = tmp_path / "other.annotator"
    with open_project(other):
        pass
    os.replace(other, project_path)
    with pytest.raises(ProjectError, match="replaced or deleted while it was open"):
        project.add_span(doc, 6, 9, "PER")
    assert project.conn.execute("SELECT count(*) FROM spans WHERE label = 'PER'").fetchone() == (0,)
