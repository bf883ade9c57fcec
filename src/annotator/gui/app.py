"""A read-only viewer of the normalized corpus.

It stands in for the annotator window (issue 4): the document list on the
left, the normalized text in the centre with excluded regions greyed, and
what the normalizer did in the status bar.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .compat import ensure_safe_pyside


def _load(folder: Path):
    from ..normalize import NormalizeError, normalize

    docs, errors = [], []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        try:
            docs.append((path.name, normalize(path.read_bytes(), str(path))))
        except (NormalizeError, OSError) as exc:
            errors.append(str(exc))
    return docs, errors


def build_window(docs, errors):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
    from PySide6.QtWidgets import QListWidget, QMainWindow, QPlainTextEdit, QSplitter, QTextEdit

    from .textpos import to_qt

    window = QMainWindow()
    window.setWindowTitle("Annotator — bundled corpus (read-only preview)")
    documents = QListWidget(objectName="documentList")
    view = QPlainTextEdit(objectName="textView", readOnly=True)
    view.setFont(QFont("Noto Sans CJK SC", 12))
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(documents)
    splitter.addWidget(view)
    splitter.setSizes([260, 760])
    window.setCentralWidget(splitter)
    grey = QTextCharFormat()
    grey.setForeground(QColor("#9a9a9a"))
    grey.setBackground(QColor("#eeeeee"))

    for name, doc in docs:
        title = doc.meta["title"] or doc.text.split("\n", 1)[0][:30]
        documents.addItem(f"{title}\n{doc.meta['source'] or name}  {doc.meta['date'] or ''}")

    def show(row: int) -> None:
        if row < 0:
            return
        _, doc = docs[row]
        view.setPlainText(doc.text)
        selections = []
        for region in doc.excluded:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(view.document())
            sel.cursor.setPosition(to_qt(doc.text, region.start))
            sel.cursor.setPosition(to_qt(doc.text, region.end), QTextCursor.MoveMode.KeepAnchor)
            sel.format = grey
            selections.append(sel)
        view.setExtraSelections(selections)
        counts = ", ".join(f"{k} {v}" for k, v in doc.flags.items() if isinstance(v, int))
        window.statusBar().showMessage(f"{len(doc.text)} characters · {len(doc.excluded)} excluded · {counts}")

    documents.currentRowChanged.connect(show)
    if docs:
        documents.setCurrentRow(0)
    if errors:
        window.statusBar().showMessage("; ".join(errors))
    window.resize(1100, 720)
    return window


def run(folder: Path | None = None, screenshot: Path | None = None) -> int:
    from ..paths import bundled_corpus

    folder = folder or bundled_corpus()
    if folder is None:
        sys.stderr.write("annotator: error: no bundled corpus in this install; pass a folder\n")
        return 2
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ensure_safe_pyside()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    docs, errors = _load(folder)
    window = build_window(docs, errors)
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
