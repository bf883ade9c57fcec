"""Creating a project is atomic (issue 14.12); a project that cannot be written
here opens read-only instead of being called damaged (issue 14.5)."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from annotator.store import ProjectDamaged, open_project
from annotator.store import opening

from .conftest import make_document

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_a_creation_cut_short_leaves_no_file(tmp_path, monkeypatch):
    path = tmp_path / "p.annotator"

    def killed(project, fresh):
        raise KeyboardInterrupt  # as a kill would stop it, after SQLite made the file

    monkeypatch.setattr(opening, "_prepare", killed)
    with pytest.raises(KeyboardInterrupt):
        open_project(path)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) in ([], ["p.annotator.lock"])
    with open_project(path) as p:  # and the next try makes a whole one
        assert p.labels()


@pytest.mark.slow
def test_a_kill_while_creating_leaves_nothing_or_a_valid_empty_project(tmp_path):
    rng = random.Random(1412)
    for round_ in range(12):
        path = tmp_path / f"p{round_}.annotator"
        with subprocess.Popen([sys.executable, "-c", "import sys; from annotator.store import open_project; "
                               "print('go', flush=True); open_project(sys.argv[1]).close()",
                               str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True) as child:
            child.stdout.readline()
            time.sleep(rng.uniform(0, 0.1))  # creating takes about 0.1 s
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        if path.exists():
            with open_project(path, create=False) as p:
                assert p.labels() and p.document_count() == 0


def test_a_missing_project_is_not_created_when_only_read(tmp_path):
    from annotator.store import ProjectError

    with pytest.raises(ProjectError, match="no such project file"):
        open_project(tmp_path / "typo.annotator", create=False)
    assert not list(tmp_path.iterdir())


@pytest.fixture
def read_only_mount(tmp_path):
    """A small filesystem with a project on it, then remounted read-only."""
    mount = tmp_path / "ro"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2M", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a filesystem here ({done.stderr.decode().strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def remount_read_only(mount):
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)


def test_a_project_on_a_read_only_filesystem_opens_read_only(read_only_mount):
    path = read_only_mount / "p.annotator"
    with open_project(path) as p:
        [doc] = p.add_documents([make_document("全国妇联主席")])
        p.add_span(doc, 2, 4, "ORG")
    remount_read_only(read_only_mount)
    with open_project(path) as p:
        assert p.read_only and "read-only" in p.read_only_reason
        assert [s.text for s in p.spans(doc)] == ["妇联"]


def test_a_project_with_a_pending_log_on_a_read_only_filesystem_opens_read_only(read_only_mount):
    path = read_only_mount / "p.annotator"
    script = ("import os, sys; from annotator.store import open_project; from tests.store.conftest import "
              "make_document; p = open_project(sys.argv[1]); p.conn.execute('PRAGMA wal_autocheckpoint = 0'); "
              "p.add_documents([make_document('妇联')]); os._exit(0)")
    subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT, check=True)
    assert opening.wal_pending(path)
    remount_read_only(read_only_mount)
    try:
        with open_project(path) as p:
            assert p.read_only and p.document_count() == 1
    except ProjectDamaged as exc:  # never called damaged
        pytest.fail(str(exc))
