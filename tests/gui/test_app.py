"""The project viewer window, driven with the mouse."""

import subprocess
import sys

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTableView

from annotator.gui.app import app_icon, build_window
from annotator.ingest import import_paths
from annotator.store import open_project
from .conftest import background


@pytest.fixture
def project_path(tmp_path, corpus_dir):
    path = tmp_path / "p.annotator"
    with open_project(path) as p:
        assert import_paths(p, [corpus_dir]).ok
    return path


def test_the_window_shows_the_first_document_with_its_excluded_regions_greyed(qtbot, project_path):
    with open_project(project_path) as project:
        window = build_window(project)
        qtbot.addWidget(window)
        window.show()
        table = window.findChild(QTableView, "documentList")
        view = window.findChild(QPlainTextEdit, "textView")
        assert table.model().rowCount() == 5
        assert view.toPlainText() == project.document(1).text
        table.selectRow(4)
        assert view.toPlainText().startswith("91亚洲")
        text = view.toPlainText()
        grey, plain = background(view, text, 0), background(view, text, text.index("持续推动海东"))
        assert grey.red() == grey.green() == grey.blue() < 250  # the spam line is greyed
        assert plain.name() == "#ffffff"
        window.close()


def test_markup_in_a_document_is_shown_as_characters(qtbot, tmp_path):
    from tests.store.conftest import make_document

    with open_project(tmp_path / "m.annotator") as project:
        project.add_documents([make_document("<b>妇联</b> <img src=x onerror=alert(1)>")])
        window = build_window(project)
        qtbot.addWidget(window)
        view = window.findChild(QPlainTextEdit, "textView")
        assert view.toPlainText() == "<b>妇联</b> <img src=x onerror=alert(1)>"
        window.close()


def test_a_project_open_elsewhere_shows_a_read_only_banner(qtbot, project_path):
    with open_project(project_path), open_project(project_path, wait=0.1) as second:
        window = build_window(second)
        qtbot.addWidget(window)
        window.show()
        banner = window.findChild(QLabel, "readOnlyBanner")
        assert banner is not None and banner.isVisible()
        assert "open in another process" in banner.text()
        window.close()


def test_screenshot_command_writes_a_picture(tmp_path, project_path):
    shot = tmp_path / "shot.png"
    out = subprocess.run([sys.executable, "-m", "annotator", "gui", "--project", str(project_path),
                          "--screenshot", str(shot)], capture_output=True, timeout=300)
    assert out.returncode == 0, out.stderr
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    assert len({image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}) > 3


def test_the_app_without_a_project_opens_the_default_one_with_the_corpus(tmp_path):
    shot = tmp_path / "shot.png"
    out = subprocess.run([sys.executable, "-m", "annotator", "gui", "--screenshot", str(shot)],
                         capture_output=True, timeout=300)
    assert out.returncode == 0, out.stderr
    [default] = (tmp_path / "data" / "annotator").glob("default.annotator")
    with open_project(default) as p:
        assert p.document_count() == 5


def test_a_project_file_given_as_the_only_argument_opens_in_the_window(tmp_path, project_path):
    """What a file manager runs on a double-click: ``annotator FILE``."""
    shot = tmp_path / "shot.png"
    out = subprocess.run([sys.executable, "-m", "annotator", str(project_path), "--screenshot", str(shot)],
                         capture_output=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert QImage(str(shot)).width() >= 800
    assert not (tmp_path / "data" / "annotator").exists()  # no default project was made


def test_a_missing_project_file_is_not_created(tmp_path):
    missing = tmp_path / "gone.annotator"
    out = subprocess.run([sys.executable, "-m", "annotator", "gui", str(missing), "--screenshot", str(tmp_path / "s.png")],
                         capture_output=True, timeout=300)
    assert out.returncode == 2
    assert f"{missing}: no such project file".encode() in out.stderr
    assert not missing.exists() and not (tmp_path / "s.png").exists()


def test_naming_two_projects_is_refused(tmp_path, project_path):
    out = subprocess.run([sys.executable, "-m", "annotator", "gui", str(project_path), "--project", str(tmp_path / "b.annotator")],
                         capture_output=True, timeout=300)
    assert out.returncode == 2 and b"name the project once" in out.stderr


def test_the_app_icon_has_every_small_size_drawn(qapp):
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
