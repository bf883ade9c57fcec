"""A checkpoint cut short (a full disk, a kill) leaves the main file shorter than
its header says and the rest in the write-ahead log: the project must open with
every acknowledged edit, SQLite replaying the log (issue 14.2)."""

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from annotator.store import StorageFull, open_project

from .conftest import make_document

GROW = textwrap.dedent("""
    import os, sys
    from annotator.store import open_project
    from tests.store.conftest import make_document
    project = open_project(sys.argv[1], annotator="grow")
    project.conn.execute("PRAGMA wal_autocheckpoint = 0")
    for i in range(int(sys.argv[2])):
        project.add_documents([make_document(f"{i}号文件" + "妇联" * 20_000, source=f"{i}.txt")])
    print("acked", flush=True)
    if sys.argv[3] == "checkpoint":
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print("checkpointed", flush=True)
    os._exit(0)  # no close: the log stays as a crash leaves it
""")


def grow(path, documents, then=""):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return subprocess.Popen([sys.executable, "-c", GROW, str(path), str(documents), then], cwd=root,
                            stdout=subprocess.PIPE, text=True)


def last_frame_of_page_one(wal: bytes) -> bytes:
    page_size = int.from_bytes(wal[8:12], "big")
    found, offset = None, 32
    while offset + 24 + page_size <= len(wal):
        if int.from_bytes(wal[offset:offset + 4], "big") == 1:
            found = wal[offset + 24:offset + 24 + page_size]
        offset += 24 + page_size
    assert found is not None
    return found


def test_a_checkpoint_that_wrote_the_header_but_not_the_pages_is_recovered_from_the_log(tmp_path):
    path = tmp_path / "p.annotator"
    open_project(path).close()
    with grow(path, 10) as child:
        assert child.stdout.read().split() == ["acked"]
    size = path.stat().st_size
    page = last_frame_of_page_one((tmp_path / "p.annotator-wal").read_bytes())
    with path.open("r+b") as f:  # the checkpoint's first write, then the disk was full
        f.write(page)
    assert int.from_bytes(page[28:32], "big") * int.from_bytes(page[16:18], "big") > size == path.stat().st_size
    with open_project(path) as p:
        assert p.document_count() == 10
        assert p.integrity_check() == "ok"


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3M", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here ({done.stderr.decode().strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.slow
def test_after_a_full_disk_the_project_opens_with_every_acknowledged_edit(small_disk):
    path = small_disk / "p.annotator"
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * 300_000)
    acked = 0
    with open_project(path) as p:
        p.conn.execute("PRAGMA wal_autocheckpoint = 20")  # checkpoints grow the main file as the disk fills
        with pytest.raises(StorageFull):
            for i in range(10_000):
                p.add_documents([make_document(f"{i}号" + "妇联主席" * 2_000, source=f"{i}.txt")])
                acked += 1
    assert acked > 3
    filler.unlink()  # space freed
    with open_project(path) as p:
        assert p.document_count() == acked
        assert p.integrity_check() == "ok"


@pytest.mark.slow
def test_a_kill_during_the_checkpoint_of_a_growing_file_loses_nothing(tmp_path):
    rng = random.Random(14_2)
    for round_ in range(3):
        path = tmp_path / f"p{round_}.annotator"
        open_project(path).close()
        with grow(path, 60, "checkpoint") as child:
            assert child.stdout.readline().strip() == "acked"
            time.sleep(rng.uniform(0.0, 0.05))
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        with open_project(path) as p:
            assert p.document_count() == 60, f"round {round_}"
            assert p.integrity_check() == "ok"
