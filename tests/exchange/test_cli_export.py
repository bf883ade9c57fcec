"""``annotator export`` as a careless user runs it: --out onto the project, its
-wal, a symbolic link or a FIFO; a mistyped project; a folder that is not
empty; a kill half-way; a full disk.  Nothing of value is ever overwritten and
every refusal is one line."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.store import open_project
from tests.exchange.conftest import plain


def run(*args, timeout=300):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], capture_output=True, env=env,
                          timeout=timeout)


def make_project(path: Path, documents: int = 2, size: int = 20) -> Path:
    """Documents of ``size`` random Chinese characters after a name (so no
    format's compression makes them small)."""
    rng = random.Random(7)
    with open_project(path, annotator="tester") as project:
        ids = project.add_documents([
            plain(f"{n:06d}张三在北京" + "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(size)),
                  f"{n}.txt")
            for n in range(documents)])
        for doc in ids[:50]:
            project.add_span(doc, 6, 8, "PER")
    return path


def one_error_line(out: subprocess.CompletedProcess, *needles: str) -> str:
    err = out.stderr.decode()
    assert out.returncode == 2, (out.returncode, err, out.stdout.decode())
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("annotator")]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def still_whole(path: Path) -> None:
    with open_project(path) as project:
        assert project.document_count() == 2 and len(project.spans(1)) == 1


@pytest.mark.parametrize("name", ["p.annotator", "p.annotator-wal", "p.annotator-shm", "p.annotator.lock",
                                  "hardlink.annotator", "link-to-project.jsonl"])
@pytest.mark.parametrize("fmt", ["jsonl", "conll"])
def test_export_never_writes_over_the_project_or_its_files(tmp_path, name, fmt):
    project = make_project(tmp_path / "p.annotator")
    os.link(project, tmp_path / "hardlink.annotator")
    (tmp_path / "link-to-project.jsonl").symlink_to(project)
    before = project.read_bytes()
    out = run("export", "--project", project, "--format", fmt, "--out", tmp_path / name)
    one_error_line(out, str(tmp_path / name))
    assert project.read_bytes() == before
    still_whole(project)


def test_export_does_not_replace_a_symbolic_link_or_write_into_a_fifo(tmp_path):
    project = make_project(tmp_path / "p.annotator")
    (tmp_path / "mine.txt").write_text("keep me", "utf-8")
    (tmp_path / "link.jsonl").symlink_to(tmp_path / "mine.txt")
    one_error_line(run("export", "--project", project, "--format", "jsonl", "--out", tmp_path / "link.jsonl"),
                   "symbolic link")
    assert (tmp_path / "link.jsonl").is_symlink() and (tmp_path / "mine.txt").read_text("utf-8") == "keep me"
    os.mkfifo(tmp_path / "fifo.jsonl")
    one_error_line(run("export", "--project", project, "--format", "jsonl", "--out", tmp_path / "fifo.jsonl",
                       timeout=60), "not a regular file")
    assert (tmp_path / "fifo.jsonl").is_fifo()


def test_a_mistyped_project_leaves_the_output_untouched(tmp_path):
    data = tmp_path / "data.jsonl"
    data.write_text('{"text": "the last export"}\n', "utf-8")
    out = run("export", "--project", tmp_path / "typo.annotator", "--format", "jsonl", "--out", data)
    one_error_line(out, "typo.annotator", "no such project")
    assert data.read_text("utf-8") == '{"text": "the last export"}\n'
    assert not (tmp_path / "typo.annotator").exists()
    checked = run("validate", data, "--project", tmp_path / "typo.annotator")
    one_error_line(checked, "no such project")
    assert not (tmp_path / "typo.annotator").exists()


def test_validate_says_a_file_is_empty(tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    one_error_line(run("validate", tmp_path / "empty.jsonl"), "the file is empty")


def test_a_folder_export_replaces_a_folder_only_when_asked(tmp_path):
    project = make_project(tmp_path / "p.annotator")
    out = tmp_path / "brat"
    out.mkdir()
    (out / "999999.txt").write_text("a stale document of another project", "utf-8")
    one_error_line(run("export", "--project", project, "--format", "brat", "--out", out), "not empty", "--replace")
    assert sorted(p.name for p in out.iterdir()) == ["999999.txt"]
    done = run("export", "--project", project, "--format", "brat", "--out", out, "--replace")
    assert done.returncode == 0, done.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["000001.ann", "000001.txt", "000002.ann", "000002.txt",
                                                     "annotation.conf"]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing left beside it
    # a split is a folder too; and no folder holding the project is ever replaced
    one_error_line(run("export", "--project", project, "--format", "jsonl", "--out", tmp_path,
                       "--split", "train=0.5,dev=0.5", "--replace"), "holds the project file")
    still_whole(project)


@pytest.mark.slow
def test_a_kill_leaves_nothing_under_the_final_name(tmp_path):
    project = make_project(tmp_path / "p.annotator", documents=20_000, size=5)
    out = tmp_path / "brat"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "export", "--project", str(project), "--format",
                             "brat", "--out", str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            staging = [p for p in tmp_path.iterdir() if p.name.startswith(".brat.") and p.is_dir()]
            if staging and len(os.listdir(staging[0])) > 200:
                break
            time.sleep(0.01)
        else:
            pytest.fail("the export never got under way")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists()


@pytest.fixture
def small_disk(tmp_path):
    """A 512 KB file system (tmpfs; needs root)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.slow
@pytest.mark.parametrize("fmt,name", [("jsonl", "out.jsonl"), ("conll", "out.conll"), ("brat", "brat"),
                                       ("doccano", "out.jsonl"), ("spacy", "out.spacy")])
def test_a_full_disk_is_one_line_and_leaves_nothing(tmp_path, small_disk, fmt, name):
    project = make_project(tmp_path / "p.annotator", documents=400, size=1000)
    (small_disk / "keep.txt").write_text("already there", "utf-8")
    out = run("export", "--project", project, "--format", fmt, "--out", small_disk / name)
    one_error_line(out, str(small_disk / name), "the disk is full", "nothing was written")
    assert sorted(p.name for p in small_disk.iterdir()) == ["keep.txt"]
    still_whole_large = open_project(project)
    try:
        assert still_whole_large.document_count() == 400
    finally:
        still_whole_large.close()


def test_a_file_size_limit_is_one_line_and_leaves_nothing(tmp_path):
    """The same path without root: a process file-size limit (EFBIG) on the export."""
    import resource

    project = make_project(tmp_path / "p.annotator", documents=300, size=1000)
    limit = 200_000  # the export is larger; the project file is only read

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    out = subprocess.run([sys.executable, "-m", "annotator", "export", "--project", str(project), "--format", "conll",
                          "--out", str(tmp_path / "out" / "x.conll")], capture_output=True, env=env, timeout=300,
                         preexec_fn=small_files)
    one_error_line(out, "x.conll", "nothing was written")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_folder_export_to_the_current_folder(tmp_path):
    """``--out .`` is the folder the command runs in: built beside it, replaced only when asked."""
    project = make_project(tmp_path / "p.annotator")
    here = tmp_path / "here"
    here.mkdir()
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    command = [sys.executable, "-m", "annotator", "export", "--project", str(project), "--format", "brat", "--out", "."]
    done = subprocess.run(command, capture_output=True, env=env, cwd=here, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    assert sorted(p.name for p in here.iterdir())[:2] == ["000001.ann", "000001.txt"]
    again = subprocess.run(command, capture_output=True, env=env, cwd=here, timeout=300)
    one_error_line(again, "not empty")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_export_workers_are_capped_at_the_core_count(tmp_path, monkeypatch):
    from annotator.cli import main
    from annotator.exchange import parallel

    asked = []
    lines = parallel.lines
    monkeypatch.setattr(parallel, "lines", lambda *a, **k: asked.append(a[4] if len(a) > 4 else k.get("workers"))
                        or lines(*a, **k))
    project = make_project(tmp_path / "p.annotator")
    assert main(["export", "--project", str(project), "--format", "jsonl", "--out", str(tmp_path / "o.jsonl"),
                 "--workers", "32"]) == 0
    assert asked and asked[0] <= (os.cpu_count() or 1)
