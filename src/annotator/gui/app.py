"""Starting the window: open the project (the default one when none is named),
then show :class:`~annotator.gui.window.MainWindow` on it.  Qt is imported
only once a window is really wanted."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .compat import ensure_safe_pyside


def build_window(project):
    from .window import MainWindow

    return MainWindow(project)


def run(project_path: Path | None = None, screenshot: Path | None = None) -> int:
    from ..ingest.defaults import open_default_project
    from ..store import ProjectError, open_project

    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ensure_safe_pyside()
    from PySide6.QtWidgets import QApplication

    try:
        project = open_default_project() if project_path is None else open_project(project_path)
    except ProjectError as exc:
        sys.stderr.write(f"annotator: error: {exc}\n")
        return 2
    with project:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setOrganizationName("annotator")
        app.setApplicationName("annotator")
        window = build_window(project)
        window.show()
        if screenshot is not None:
            app.processEvents()
            ok = window.grab().save(str(screenshot))
            window.close()
            if not ok:
                sys.stderr.write(f"annotator: error: {screenshot}: cannot write the picture\n")
                return 2
            return 0
        return app.exec()


def main() -> int:
    return run()
