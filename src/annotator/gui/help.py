"""The Help menu's windows: the annotation guidelines in the interface language,
the keyboard shortcuts (a sheet made from the window's own actions, so it never
goes stale) and About.  Each closes with Esc or Ctrl+W."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from . import i18n
from .reader import closable


def guidelines_text(language: str) -> str:
    """The guidelines in ``language`` (English when there is no translation)."""
    folder = resources.files("annotator.resources")
    translated = folder.joinpath(f"guidelines.{language}.md")
    return (translated if language != "en" and translated.is_file() else folder.joinpath("guidelines.md")) \
        .read_text("utf-8")


class GuidelinesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="guidelinesDialog")
        self.browser = QTextBrowser(self, objectName="guidelinesText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        closable(self)
        self._retranslate()
        self.resize(720, 640)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Annotation guidelines"))
        self.browser.setMarkdown(guidelines_text(i18n.chosen_language()))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def bound_actions(window: QWidget) -> list[QAction]:
    """The window's actions that have keys, each once, in menu order where they have one."""
    seen, out = set(), []
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    candidates = [a for m in menus for a in _walk(m)] + window.findChildren(QAction)
    for a in candidates:
        if id(a) not in seen and any(not k.isEmpty() for k in a.shortcuts()) and a.objectName() != "closeWindow":
            seen.add(id(a))
            out.append(a)
    return out


def _walk(menu) -> list[QAction]:
    out = []
    for a in menu.actions():
        out += _walk(a.menu()) if a.menu() is not None else [a]
    return out


class ShortcutSheet(QDialog):
    """Every key of the window, read from its actions: the text each has now, in the
    interface language, and its keys as this platform writes them."""

    def __init__(self, window: QWidget):
        super().__init__(window, objectName="shortcutSheet")
        self.window_ = window
        self.table = QTableWidget(0, 2, self, objectName="shortcutTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        closable(self)
        self._retranslate()
        self.resize(560, 640)

    def rows(self) -> list[tuple[str, str]]:
        return [(a.text().replace("&&", "\0").replace("&", "").replace("\0", "&"),
                 ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts() if not k.isEmpty()))
                for a in bound_actions(self.window_)]

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for i, (text, keys) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(text))
            self.table.setItem(i, 1, QTableWidgetItem(keys))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="aboutDialog")
        self.text = QLabel(self, objectName="aboutText", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        closable(self)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Annotator"))
        self.text.setText(self.tr("Annotator {0}\n\nA desktop annotator for Chinese documents: spans, links "
                                  "and a program catalog, saved as you go in one project file.").format(__version__))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
