"""The main window's parts that are only layout: the central text with its
warning banners, the document list dock and the tables, each with its texts in
the interface language (``retranslate``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStatusBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..store import STATUSES, Project
from . import plain
from .models import read_only_reason, status_name

_WARNING_STYLE = "background: #fff3cd; color: #664d03; padding: 6px;"


def cjk_font_available() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def make_table(name: str, model, stretch: int) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class Central(QWidget):
    """The text view under the banners that say the project is read-only or that no font shows Chinese."""

    def __init__(self, project: Project, text_view: QWidget):
        super().__init__()
        self._project = project
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.read_only_banner = self.font_banner = None
        if project.read_only:
            self.read_only_banner = QLabel(objectName="readOnlyBanner", styleSheet=_WARNING_STYLE, wordWrap=True,
                                           textFormat=Qt.TextFormat.PlainText)
            layout.addWidget(self.read_only_banner)
        if not cjk_font_available():
            self.font_banner = QLabel(objectName="fontWarning", styleSheet=_WARNING_STYLE, wordWrap=True)
            layout.addWidget(self.font_banner)
        layout.addWidget(text_view)

    def retranslate(self) -> None:
        translate = QCoreApplication.translate  # the window's texts, as they were when it made them
        if self.read_only_banner is not None:
            reason = self._project.read_only_reason or ""
            known = read_only_reason(reason)
            if known is not None:
                self.read_only_banner.setText(
                    translate("MainWindow", "Read-only: {0}. Changes cannot be saved.").format(known))
            else:  # a reason this window has no words for: said in the tooltip, as the store put it
                self.read_only_banner.setText(
                    translate("MainWindow", "Read-only: changes to this project cannot be saved."))
            self.read_only_banner.setToolTip(plain.tip(reason))
        if self.font_banner is not None:
            self.font_banner.setText(translate("MainWindow", "No font on this computer can show Chinese: the text "
                                               "appears as empty boxes. Install a CJK font (for example Noto "
                                               "Sans CJK, Debian: fonts-noto-cjk) and start again."))


class DocumentDock(QDockWidget):
    """The document list, filtered by status and searched by title and text."""

    def __init__(self, documents, parent: QWidget):
        super().__init__(parent, objectName="documentDock")
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        self.status_filter = QComboBox(objectName="statusFilter")
        self.status_filter.addItem("", None)
        for status in STATUSES:
            self.status_filter.addItem("", status)
        self.search = QLineEdit(objectName="documentSearch")
        self.table = make_table("documentList", documents, stretch=0)
        header = self.table.horizontalHeader()
        # status and span count always in view; the title gives way (elided)
        for column, mode in ((1, QHeaderView.ResizeMode.Interactive), (2, QHeaderView.ResizeMode.ResizeToContents),
                             (3, QHeaderView.ResizeMode.ResizeToContents),
                             (4, QHeaderView.ResizeMode.ResizeToContents),
                             (5, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(1, 64)
        self.table.setColumnHidden(1, True)  # the site is in the tooltip: room for the title
        header.setMinimumSectionSize(32)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        for w in (self.status_filter, self.search, self.table):
            layout.addWidget(w)
        self.setWidget(panel)

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("MainWindow", "Documents"))
        self.status_filter.setItemText(0, translate("MainWindow", "All documents"))
        for i, status in enumerate(STATUSES, 1):
            self.status_filter.setItemText(i, status_name(status))
        self.search.setPlaceholderText(translate("MainWindow", "Search titles and text"))


class StatusLine:
    """The status bar's two lasting labels: suggestions loading, and how many documents are done."""

    def __init__(self, bar: QStatusBar):
        self.suggestion_state = QLabel(objectName="suggestionState", textFormat=Qt.TextFormat.PlainText)
        self.progress_label = QLabel(objectName="progressLabel", textFormat=Qt.TextFormat.PlainText)
        bar.addPermanentWidget(self.suggestion_state)
        bar.addPermanentWidget(self.progress_label)

    def show_loading(self, loading: bool) -> None:
        self.suggestion_state.setText(QCoreApplication.translate("MainWindow", "Suggestions loading…") if loading
                                      else "")

    def show_progress(self, counts: dict[str, int]) -> None:
        self.progress_label.setText(QCoreApplication.translate("MainWindow", "done {0} of {1}").format(
            counts["done"], sum(counts.values())))
