"""Starting the window: open the project (the default one when none is named),
then show :class:`~annotator.gui.window.MainWindow` on it.  Qt is imported
only once a window is really wanted."""

from __future__ import annotations

import os
import sys
import time
from importlib import resources
from pathlib import Path

from .compat import ensure_safe_pyside


def build_window(project):
    from .window import MainWindow

    return MainWindow(project)


def app_icon():
    """The icon at every size drawn for it, so Qt never scales a large one down to 16 pixels."""
    from PySide6.QtGui import QIcon, QPixmap

    icon, folder = QIcon(), resources.files("annotator.resources").joinpath("icons")
    for size in (16, 32, 48, 64, 128, 256):
        pixmap = QPixmap()
        pixmap.loadFromData(folder.joinpath(f"annotator-{size}.png").read_bytes(), "PNG")
        icon.addPixmap(pixmap)
    return icon


SCREENSHOT_WAIT = 60.0  # seconds: the suggestions are waited for, not forever


def settle(app, window, limit: float = SCREENSHOT_WAIT) -> bool:
    """Let the window finish what a user would see: the first document's spans and
    its suggestions painted (within ``limit`` seconds)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        app.processEvents()
        if window.spans.complete and window.suggestions.settled():
            break
        time.sleep(0.01)
    else:
        return False
    for _ in range(3):  # the paints they asked for
        app.processEvents()
    return True


def _start_worker():
    from ..suggest import worker

    try:
        return worker.start_pool()
    except (OSError, RuntimeError):  # no process can be started here: the window starts without
        return None


def run(project_path: Path | None = None, screenshot: Path | None = None, create: bool = True) -> int:
    from ..ingest.defaults import open_default_project
    from ..store import ProjectError, open_project

    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    pool = _start_worker()  # first: jieba loads in the worker while Qt starts and the window is built
    ensure_safe_pyside()
    from PySide6.QtWidgets import QApplication

    from . import suggestions

    suggestions.prestart(pool)

    try:
        if project_path is None:
            project = open_default_project()
        else:
            project = open_project(project_path, create=create)
    except ProjectError as exc:
        suggestions.drop_prestarted()
        sys.stderr.write(f"annotator: error: {exc}\n")
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("annotator")
    app.setApplicationName("annotator")
    app.setDesktopFileName("annotator")  # Wayland finds the menu entry, and its icon, by this name
    app.setWindowIcon(app_icon())
    from PySide6.QtCore import QSettings

    from . import i18n
    from .project_menu import Workspace

    i18n.install(i18n.chosen_language())
    if QSettings().value("user/annotator"):
        project.annotator = QSettings().value("user/annotator")
    workspace = Workspace()
    try:
        window = workspace.show_project(project)
        suggestions.drop_prestarted()  # not taken over: suggestions are turned off
        if screenshot is not None:
            settle(app, window)
            ok = window.grab().save(str(screenshot))
            window.close()
            if not ok:
                sys.stderr.write(f"annotator: error: {screenshot}: cannot write the picture\n")
                return 2
            return 0
        workspace.ask_name()
        return app.exec()
    finally:
        workspace.shutdown()
