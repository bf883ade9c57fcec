from contextlib import contextmanager

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.gui.textpos import to_qt
from annotator.ingest import import_paths
from annotator.store import open_project
from tests.store.conftest import make_document

# a document with characters outside the BMP, an emoji sequence and CRLF-born lines before its names
ASTRAL = "𠮷野家😀👩‍👩‍👧 𬀩\n全国妇联举办“春蕾计划”。\n江门市妇联主席林露华出席。"


@pytest.fixture
def project_path(tmp_path, corpus_dir):
    path = tmp_path / "p.annotator"
    with open_project(path, annotator="tester") as p:
        assert import_paths(p, [corpus_dir]).ok
        p.add_documents([make_document(ASTRAL, source="astral.txt", title="astral")])
    return path


@contextmanager
def window_on(qtbot, path):
    """The window on the project at ``path``, shown; closed (and the project with it) after."""
    from annotator.gui.window import MainWindow

    with open_project(path, annotator="tester") as project:
        win = MainWindow(project)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        try:
            yield win
        finally:
            win.close()


@pytest.fixture
def window(qtbot, project_path):
    with window_on(qtbot, project_path) as win:
        yield win


def point_at(view, text, index):
    """The centre of the caret before character ``index``: where a click puts the cursor there."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(to_qt(text, index))
    return QPointF(view.cursorRect(cursor).center())


def _send(widget, kind, pos, buttons):
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, pos, widget.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(view, text, start, end):
    """Press before ``start``, move with the button held, release before ``end``: a real drag."""
    view.setFocus(Qt.FocusReason.MouseFocusReason)  # what a real press on the text does
    viewport = view.viewport()
    a, b = point_at(view, text, start), point_at(view, text, end)
    _send(viewport, QEvent.Type.MouseButtonPress, a, Qt.MouseButton.LeftButton)
    for step in range(1, 5):
        _send(viewport, QEvent.Type.MouseMove, a + (b - a) * (step / 4), Qt.MouseButton.LeftButton)
    _send(viewport, QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)


def click(view, text, index):
    """Click in the middle of character ``index``."""
    view.setFocus(Qt.FocusReason.MouseFocusReason)
    viewport = view.viewport()
    a, b = point_at(view, text, index), point_at(view, text, index + 1)
    middle = QPointF((a.x() + b.x()) / 2, a.y()) if b.y() == a.y() else a + QPointF(2, 0)
    _send(viewport, QEvent.Type.MouseButtonPress, middle, Qt.MouseButton.LeftButton)
    _send(viewport, QEvent.Type.MouseButtonRelease, middle, Qt.MouseButton.NoButton)


def background(view, text, index):
    """The colour painted behind character ``index``: a pixel just inside the top
    left of its cell, where no glyph reaches."""
    a = point_at(view, text, index)
    rect = view.cursorRect()  # any caret: only its height matters
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int((a.x() + 2) * ratio), int((a.y() - rect.height() / 2 + 1) * ratio))


@pytest.fixture(scope="session", autouse=True)
def _cache_in_tmp(tmp_path_factory):
    """The user's cache folder (jieba's dictionary, the last session's suggestions)
    in a folder of this test run: shared by its tests, never the user's own."""
    import os

    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path):
    """QSettings works out its folder once per process: point it at this test's."""
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
