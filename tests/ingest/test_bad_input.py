"""Input that is not a page: FIFOs, sockets, devices (issue 14.3) and a JSONL
line that is not Unicode text (14.4) are each one rejected line; the rest go in."""

import os
import multiprocessing
import socket
import subprocess
import sys
import threading

import pytest

from annotator.ingest import import_paths
from annotator.store import open_project

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")


def _release(fifo):
    """Let a reader stuck on opening ``fifo`` (the old code) go, so a failed test ends."""
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass


def _import(project_path, paths, fifo):
    """``import_paths`` in a thread of its own (which must open the project: SQLite
    connections stay in their thread), failing the test if it blocks."""

    def run():
        with open_project(project_path) as project:
            report = import_paths(project, paths, workers=0)
            return report, [project.text(i) for _, i in report.added]

    return _finishes(run, fifo)


def _finishes(function, fifo, seconds=60):
    result = []
    thread = threading.Thread(target=lambda: result.append(function()), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        for path in fifo.parent.iterdir():
            if path.is_fifo():
                _release(path)
        thread.join(10)
        pytest.fail(f"still blocked on {fifo} after {seconds} s")
    return result[0]


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        yield p


def test_a_fifo_named_on_the_command_line_is_rejected_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    page = tmp_path / "page.txt"
    page.write_text("第一页正文")
    report, texts = _import(tmp_path / "p.annotator", [fifo, page], fifo)
    assert [str(r) for r in report.rejected] == [
        f"{fifo}: is a named pipe (FIFO), not a regular file; nothing was read from it"]
    assert texts == ["第一页正文"]


def test_fifos_sockets_and_devices_in_a_folder_are_each_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "a.jsonl")
    os.mkfifo(folder / "b.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "c.txt"))
    (folder / "d.txt").symlink_to("/dev/zero")  # reading it would never end
    (folder / "e.txt").write_text("正文")
    try:
        report, texts = _import(tmp_path / "p.annotator", [folder], folder / "a.jsonl")
    finally:
        server.close()
    reasons = {os.path.basename(r.source): r.reason for r in report.rejected}
    assert reasons == {
        "a.jsonl": "is a named pipe (FIFO), not a regular file; nothing was read from it",
        "b.txt": "is a named pipe (FIFO), not a regular file; nothing was read from it",
        "c.txt": "is a socket, not a regular file; nothing was read from it",
        "d.txt": "is a device, not a regular file; nothing was read from it",
    }
    assert [os.path.basename(s) for s, _ in report.added] == ["e.txt"] and texts == ["正文"]


@pytest.mark.parametrize("command", ["import", "normalize"])
def test_the_cli_says_so_in_one_line_and_does_not_hang(tmp_path, command):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    args = [sys.executable, "-m", "annotator", command, str(fifo)]
    if command == "import":
        args += ["--project", str(tmp_path / "p.annotator")]
    try:
        out = subprocess.run(args, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        _release(fifo)
        pytest.fail(f"annotator {command} of a FIFO did not return")
    err = out.stderr.decode()
    assert out.returncode in (1, 2) and "Traceback" not in err
    assert f"{fifo}: is a named pipe (FIFO), not a regular file" in err
    assert len([line for line in err.splitlines() if "FIFO" in line]) == 1


def test_a_lone_surrogate_rejects_its_line_only(project, tmp_path):
    data = tmp_path / "pages.jsonl"
    data.write_bytes(b'{"text": "\\u7b2c\\u4e00\\u9875"}\n'
                     b'{"text":"a\\ud83db"}\n'
                     b'{"text": "\\ud83d\\ude00\\u7b2c\\u4e09\\u9875"}\n')  # a whole pair is fine
    report = import_paths(project, [data], workers=0)
    assert [str(r) for r in report.rejected] == [
        f"{data}:2: the 'text' field holds a lone surrogate (U+D83D at character 1), which is no Unicode character"]
    assert [s for s, _ in report.added] == [f"{data}:1", f"{data}:3"]
    assert [project.text(i) for _, i in report.added] == ["第一页", "😀第三页"]


def test_the_cli_rejects_the_surrogate_line_without_a_traceback(tmp_path):
    data = tmp_path / "pages.jsonl"
    data.write_bytes(b'{"text":"a\\ud83db"}\n{"text": "\\u7b2c\\u4e8c\\u9875"}\n')
    out = subprocess.run([sys.executable, "-m", "annotator", "import", str(data),
                          "--project", str(tmp_path / "p.annotator")], capture_output=True, timeout=120)
    err = out.stderr.decode()
    assert out.returncode == 1 and "Traceback" not in err
    assert f"annotator: rejected {data}:1: the 'text' field holds a lone surrogate" in err
    assert "1 imported, 0 duplicates skipped, 1 rejected" in out.stdout.decode()


@pytest.mark.parametrize("fmt", ["doccano", "jsonl"])
def test_an_annotated_file_with_a_lone_surrogate_is_one_problem_line(tmp_path, fmt):
    data = tmp_path / "annotated.jsonl"
    data.write_bytes(b'{"text": "\\u7b2c\\u4e00\\u9875", "label": []}\n'
                     b'{"text":"a\\ud83db", "label": []}\n')
    out = subprocess.run([sys.executable, "-m", "annotator", "import", str(data), "--format", fmt,
                          "--project", str(tmp_path / "p.annotator")], capture_output=True, timeout=120)
    err = out.stderr.decode()
    assert out.returncode != 0 and "Traceback" not in err
    assert f"{data}:2: holds a lone surrogate (U+D83D), which is no Unicode character" in err


def test_workers_are_capped_at_the_core_count(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(20):
        (folder / f"{i}.txt").write_text(f"第{i}页正文")
    seen = []
    with open_project(tmp_path / "p.annotator") as project:
        report = import_paths(project, [folder], workers=32,
                              progress=lambda done, total: seen.append(len(multiprocessing.active_children())))
    assert len(report.added) == 20
    assert 0 < max(seen) <= (os.cpu_count() or 1)


def test_error_lines_are_never_glued_onto_the_progress_bar(tmp_path, corpus_dir):
    good = tmp_path / "good.jsonl"
    bad = tmp_path / "bad.jsonl"
    good.write_text('{"text": "第一页", "label": []}\n{"text": "第二页", "label": []}\n', "utf-8")
    bad.write_text('{"text": "第三页", "label": [[0, 9, "PER"]]}\n', "utf-8")
    out = subprocess.run([sys.executable, "-m", "annotator", "import", str(good), str(bad), "--format", "doccano",
                          "--project", str(tmp_path / "p.annotator")], capture_output=True, timeout=120)
    err = out.stderr.decode()
    assert out.returncode != 0 and f"{bad}:1" in err
    for line in err.split("\n"):
        shown = line.rsplit("\r", 1)[-1]  # what a terminal keeps of the line
        if "annotator:" in shown:
            assert shown.startswith("annotator:"), repr(line)
