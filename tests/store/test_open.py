"""Opening project files: damaged ones are reported and left untouched, old ones
are backed up and migrated, a second process waits then reads only."""

import hashlib
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from annotator.store import (
    SCHEMA_VERSION,
    ProjectDamaged,
    ProjectError,
    ProjectLocked,
    ProjectTooNew,
    open_project,
)
from annotator.store.project import Project, _connect, migrate

from .conftest import make_document


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(project_path):
    with open_project(project_path, annotator="tester") as p:
        ids = p.add_documents([make_document(f"第{i}篇:江门市妇联举办巾帼大宣讲。" * 40, source=f"{i}.txt")
                               for i in range(60)])
        p.add_span(ids[0], 0, 3, "DATE")
        p.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return project_path


def assert_refused_untouched(path, error, match):
    before = digest(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error, match=match) as err:
        open_project(path)
    assert str(path) in str(err.value)
    assert digest(path) == before
    # nothing new beside it but the lock file
    assert sorted(p.name for p in path.parent.iterdir() if not p.name.endswith(".lock")) == \
        [s for s in siblings if not s.endswith(".lock")]


def test_truncated_project_is_reported_and_left_untouched(filled):
    data = filled.read_bytes()
    filled.write_bytes(data[: len(data) // 2])
    assert_refused_untouched(filled, ProjectDamaged, "truncated")


def test_corrupt_project_is_reported_and_left_untouched(filled):
    data = bytearray(filled.read_bytes())
    for i in range(8192, len(data) - 4096, 4096):  # scribble over every page but the first two
        data[i + 100: i + 400] = b"\xff" * 300
    filled.write_bytes(bytes(data))
    assert_refused_untouched(filled, ProjectDamaged, "damaged")


def test_a_file_that_is_not_sqlite_is_reported(project_path):
    project_path.write_text("婦聯(lián)", encoding="utf-8")
    assert_refused_untouched(project_path, ProjectDamaged, "not a project file")


def test_an_empty_file_is_reported(project_path):
    project_path.write_bytes(b"")
    assert_refused_untouched(project_path, ProjectDamaged, "empty")


def test_another_sqlite_database_is_not_taken_for_a_project(project_path):
    with sqlite3.connect(project_path) as c:
        c.execute("CREATE TABLE cookies (name TEXT)")
    assert_refused_untouched(project_path, ProjectDamaged, "not an annotator project")


def test_a_project_from_a_newer_annotator_is_refused(filled):
    with sqlite3.connect(filled) as c:
        c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    assert_refused_untouched(filled, ProjectTooNew, "newer annotator")


def test_a_folder_is_not_a_project(tmp_path):
    with pytest.raises(ProjectError, match="is a folder"):
        open_project(tmp_path)


def test_migration_from_the_first_schema_backs_up_then_upgrades(project_path):
    # a project as the first schema version wrote it
    conn = _connect(project_path)
    conn.execute("PRAGMA journal_mode = WAL")
    first = Project(project_path, conn, "old-annotator", None, None)
    migrate(first, 1, seed=True)
    [doc_id] = first.add_documents([make_document("持续推动海东妇女儿童事业", source="004.txt",
                                                  title="持续推动海东妇女儿童事业迈上新台阶", source_name=None)])
    conn.execute("INSERT INTO spans(document_id, start, end, label, text, annotator, origin, created_at, updated_at) "
                 "VALUES (?, 4, 6, 'LOC', '海东', 'old-annotator', 'manual', '2024', '2024')", (doc_id,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert sqlite3.connect(project_path).execute("PRAGMA user_version").fetchone()[0] == 1

    with open_project(project_path) as p:
        assert p.schema_version() == SCHEMA_VERSION == 8
        assert p.rejections(doc_id) == []  # the table migration 4 made
        assert [(s.text, s.program_id) for s in p.spans(doc_id)] == [("海东", None)]  # the column migration 5 added
        assert {lt.type for lt in p.link_types()} == {"organizer", "place", "date"}  # seeded by migration 5
        assert [d.id for d in p.list_documents(search="妇女儿童")] == [doc_id]  # the indexes migrations 2 and 3 built
        steps = sorted(c["details"]["to"] for c in p.changes() if c["action"] == "migrate")
        assert steps[:2] == [1, 2] and steps[-1] == SCHEMA_VERSION
    [backup] = project_path.parent.glob("p.annotator.v1-*.bak")
    with sqlite3.connect(backup) as b:
        assert b.execute("PRAGMA user_version").fetchone()[0] == 1
        assert b.execute("SELECT text FROM spans").fetchall() == [("海东",)]


def test_a_project_opened_elsewhere_can_refuse_instead_of_reading(project_path):
    with open_project(project_path):
        with pytest.raises(ProjectLocked, match="open in another process"):
            open_project(project_path, wait=0.1, allow_read_only=False)


def test_a_second_process_waits_then_reads_only_and_sees_committed_work(project_path):
    holder = textwrap.dedent(f"""
        import sys, time
        from annotator.store import open_project
        from tests.store.conftest import make_document
        p = open_project({str(project_path)!r}, annotator="first")
        [doc] = p.add_documents([make_document("全国妇联")])
        p.add_span(doc, 0, 4, "ORG")
        print("ready", flush=True)
        sys.stdin.readline()
        p.add_span(doc, 2, 4, "ORG")
        print("saved", flush=True)
        sys.stdin.readline()
    """)
    from tests.conftest import ROOT

    with subprocess.Popen([sys.executable, "-c", holder], cwd=ROOT, stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout.readline().strip() == "ready"
        with open_project(project_path, wait=0.3) as second:
            assert second.read_only
            assert [s.text for s in second.spans(1)] == ["全国妇联"]
            child.stdin.write("\n")
            child.stdin.flush()
            assert child.stdout.readline().strip() == "saved"
            assert [s.text for s in second.spans(1)] == ["全国妇联", "妇联"]
            assert second.integrity_check() == "ok"
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.wait(timeout=30) == 0
    with open_project(project_path, wait=0.3) as after:  # the lock died with the process
        assert not after.read_only
