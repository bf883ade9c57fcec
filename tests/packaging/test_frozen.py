"""The frozen app (packaging/build.sh), run as an annotator runs it: no Python, a
fresh home folder, no display.  Built once per test run, or reused when
dist/annotator/ is newer than every file it is built from.

Skip locally with ``-m "not frozen"``."""

import os
import subprocess
import sys
import tomllib
from importlib import resources

import numpy as np
import pytest
from PySide6.QtGui import QImage

from annotator.ingest import import_paths
from annotator.store import open_project
from tests.conftest import ROOT
from tests.test_desktop import exec_command, read_entry

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="build.sh builds the Linux app"),
]

APP = ROOT / "dist" / "annotator" / "annotator"
INPUTS = ["src", "resources", "corpus", "packaging", "pyproject.toml"]


def newest_input() -> float:
    newest = 0.0
    for name in INPUTS:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        newest = max([newest, *(p.stat().st_mtime for p in files)])
    return newest


@pytest.fixture(scope="module")
def app():
    if not APP.exists() or APP.stat().st_mtime < newest_input():
        out = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT, capture_output=True,
                             text=True, env=dict(os.environ, PYTHON=sys.executable), timeout=3600)
        assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-4000:]
    assert APP.exists()
    return APP


def run(app, tmp_path, *args, timeout=300):
    """The app in a bare environment: a home of its own, nothing of this Python's."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    out = subprocess.run([str(app), *map(str, args)], cwd=tmp_path, env=env, capture_output=True, timeout=timeout)
    assert out.returncode == 0, out.stderr.decode("utf-8", "replace")[-4000:]
    return out.stdout.decode("utf-8")


def label_colours() -> set[int]:
    schema = tomllib.loads(resources.files("annotator.resources").joinpath("labels.toml").read_text("utf-8"))
    return {0xFF000000 | int(label["color"][1:], 16) for label in schema["label"]}


def test_first_run_opens_the_default_project_on_the_bundled_corpus(app, tmp_path):
    shot = tmp_path / "shot.png"
    run(app, tmp_path, "gui", "--screenshot", shot)

    image = QImage(str(shot)).convertToFormat(QImage.Format.Format_RGB32)
    assert image.width() >= 800 and image.height() >= 500
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32)[: image.width() * image.height()]
    colours = set(np.unique(pixels).tolist())
    assert len(colours) > 20  # not a blank or single-colour picture
    assert label_colours() <= colours  # the palette's swatches: labels.toml was found frozen

    [project] = (tmp_path / "data" / "annotator").glob("*.annotator")
    with open_project(project) as p:
        assert p.document_count() == 5
        texts = [p.document(i).text for i in range(1, 6)]
    assert any("淮南市妇联党组书记" in text for text in texts)  # OpenCC's data: Traditional became Simplified
    assert not any("(lián)" in text for text in texts)  # pypinyin's data: the glosses were recognised


def test_the_frozen_app_suggests_what_the_source_suggests(app, tmp_path, corpus_dir):
    project = tmp_path / "p.annotator"
    with open_project(project) as p:
        assert import_paths(p, [corpus_dir]).ok
    frozen = run(app, tmp_path, "suggest", "--project", project)
    source = subprocess.run([sys.executable, "-m", "annotator", "suggest", "--project", str(project)],
                            capture_output=True, timeout=300)
    assert source.returncode == 0, source.stderr
    assert "jieba" in frozen  # jieba's dictionary was found
    assert frozen == source.stdout.decode("utf-8")


def test_import_runs_its_worker_processes_frozen(app, tmp_path, corpus_dir):
    """More than INLINE_BELOW files, so import starts a spawn pool of this same executable."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(4):
        for page in corpus_dir.glob("*.txt"):
            (folder / f"{n}-{page.name}").write_bytes(page.read_bytes() + f"\n副本{n}\n".encode())
    out = run(app, tmp_path, "import", folder, "--project", tmp_path / "p.annotator", "--workers", "2", timeout=120)
    assert "20 imported, 0 duplicates skipped, 0 rejected" in out


def test_the_installed_menu_entry_starts_the_frozen_app_on_a_project_file(app, tmp_path, corpus_dir):
    run(app, tmp_path, "install-desktop")
    entry = read_entry(tmp_path / "data" / "applications" / "annotator.desktop")
    project = tmp_path / "double clicked.annotator"
    with open_project(project) as p:
        assert import_paths(p, [corpus_dir]).ok
    argv = exec_command(entry["Exec"], project)
    assert argv == [str(app), "gui", str(project)]
    shot = tmp_path / "shot.png"
    run(argv[0], tmp_path, *argv[1:], "--screenshot", shot)
    assert QImage(str(shot)).width() >= 800
    assert not (tmp_path / "data" / "annotator").exists()  # the file given, not the default project
