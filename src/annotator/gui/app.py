"""A viewer of a project's documents.

It stands in for the annotator window (issue 4): the document list on the
left, the normalized text in the centre with excluded regions greyed, and
what the normalizer did in the status bar.  Everything it shows comes from the
project store; a project opened read-only says so in a banner.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .compat import ensure_safe_pyside


def build_window(project):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
    from PySide6.QtWidgets import (
        QLabel,
        QListWidget,
        QMainWindow,
        QPlainTextEdit,
        QSplitter,
        QTextEdit,
        QVBoxLayout,
        QWidget,
    )

    from .textpos import to_qt

    window = QMainWindow()
    window.setWindowTitle(f"Annotator — {project.path.name}")
    documents = QListWidget(objectName="documentList")
    view = QPlainTextEdit(objectName="textView", readOnly=True)
    view.setFont(QFont("Noto Sans CJK SC", 12))
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(documents)
    splitter.addWidget(view)
    splitter.setSizes([260, 760])
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    if project.read_only:
        banner = QLabel(f"Read-only: {project.read_only_reason}. Changes cannot be saved.",
                        objectName="readOnlyBanner")
        banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        layout.addWidget(banner)
    layout.addWidget(splitter)
    window.setCentralWidget(central)
    grey = QTextCharFormat()
    grey.setForeground(QColor("#9a9a9a"))
    grey.setBackground(QColor("#eeeeee"))

    infos = project.list_documents(limit=1_000_000)
    for info in infos:
        documents.addItem(f"{info.title or '(untitled)'}\n{info.source or Path(info.source_file).name}  "
                          f"{info.date or ''}")

    def show(row: int) -> None:
        if row < 0:
            return
        doc = project.document(infos[row].id)
        regions = [r for r in project.regions(doc.id) if r.excluded]
        view.setPlainText(doc.text)
        selections = []
        for region in regions:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(view.document())
            sel.cursor.setPosition(to_qt(doc.text, region.start))
            sel.cursor.setPosition(to_qt(doc.text, region.end), QTextCursor.MoveMode.KeepAnchor)
            sel.format = grey
            selections.append(sel)
        view.setExtraSelections(selections)
        counts = ", ".join(f"{k} {v}" for k, v in doc.flags.items() if isinstance(v, int))
        window.statusBar().showMessage(f"{len(doc.text)} characters · {len(regions)} excluded · {counts}")

    documents.currentRowChanged.connect(show)
    if infos:
        documents.setCurrentRow(0)
    window.resize(1100, 720)
    return window


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
