"""The annotator window: it builds the docks, actions and menus and forwards
gestures to commands.  No SQL and no domain logic here: the store holds the
annotations, :mod:`annotator.session.commands` changes them."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..session import AddSpan, Command, DeleteSpan, Relabel, SetRegion, SetStatus
from ..store import STATUSES, Project, ProjectError
from .indexer import IdleIndexer
from .models import STATUS_NAMES, DocumentListModel, FixedSpans, SpanListModel
from .textview import AnnotatedTextView


class _Undoable(QUndoCommand):
    """A done command on the undo stack.  Qt calls redo() when it is pushed; the
    command has already run by then, so the first call does nothing."""

    def __init__(self, window: "MainWindow", command: Command):
        super().__init__(command.text)
        self._window, self._command, self._pushed = window, command, False

    def redo(self) -> None:
        if self._pushed:
            self._window._run(self._command.do, self._command)
        self._pushed = True

    def undo(self) -> None:
        self._window._run(self._command.undo, self._command)


class MainWindow(QMainWindow):
    def __init__(self, project: Project):
        super().__init__()
        self.project = project
        self.undo_stack = QUndoStack(self)
        self.document_id: int | None = None
        self.labels = project.labels()
        self.colors = {label.name: label.color for label in self.labels}
        self.setWindowTitle(self.tr("Annotator — {0}").format(project.path.name))

        self.text_view = AnnotatedTextView()
        self.setCentralWidget(self._central())
        self.documents = DocumentListModel(project, self)
        self.spans = SpanListModel(project, self.colors, self)
        self._build_document_dock()
        self._build_span_dock()
        self._build_palette()
        self._build_actions()
        self.text_view.spanClicked.connect(self._span_clicked)
        self.resize(1280, 800)
        self._restore_settings()
        self.indexer = IdleIndexer(project, self)
        self.indexer.start()
        if self.documents.canFetchMore():
            self.documents.fetchMore()
        if self.documents.rowCount():
            self.document_table.selectRow(0)

    # building -------------------------------------------------------------------------
    def _central(self) -> QWidget:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.project.read_only:
            banner = QLabel(self.tr("Read-only: {0}. Changes cannot be saved.").format(self.project.read_only_reason),
                            objectName="readOnlyBanner")
            banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
            layout.addWidget(banner)
        layout.addWidget(self.text_view)
        return central

    def _build_document_dock(self) -> None:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        self.status_filter = QComboBox(objectName="statusFilter")
        self.status_filter.addItem(self.tr("All documents"), None)
        for status in STATUSES:
            self.status_filter.addItem(self.tr(STATUS_NAMES[status]), status)
        self.search = QLineEdit(objectName="documentSearch", placeholderText=self.tr("Search titles and sources"))
        self.document_table = QTableView(objectName="documentList")
        self.document_table.setModel(self.documents)
        self.document_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.document_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.document_table.setSortingEnabled(True)
        self.document_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.document_table.verticalHeader().hide()
        self.document_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for w in (self.status_filter, self.search, self.document_table):
            layout.addWidget(w)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self.document_table.selectionModel().currentRowChanged.connect(self._document_chosen)
        self.documents.modelReset.connect(self._after_reset)
        dock = QDockWidget(self.tr("Documents"), self, objectName="documentDock")
        dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

    def _build_span_dock(self) -> None:
        self.span_table = QTableView(objectName="spanList")
        self.span_table.setModel(self.spans)
        self.span_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.span_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.span_table.verticalHeader().hide()
        self.span_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.span_table.selectionModel().currentRowChanged.connect(self._span_row_chosen)
        dock = QDockWidget(self.tr("Spans"), self, objectName="spanDock")
        dock.setWidget(self.span_table)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

    def _build_palette(self) -> None:
        self.palette_bar = QToolBar(self.tr("Labels"), self, objectName="labelPalette")
        self.palette_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.label_actions: dict[str, QAction] = {}
        for label in self.labels:
            pixmap = QPixmap(14, 14)
            pixmap.fill(QColor(label.color))
            action = QAction(QIcon(pixmap), f"{label.hotkey or ''} {label.name} {label.zh}".strip(), self)
            action.setObjectName(f"label_{label.name}")
            action.setToolTip(f"{label.zh} / {label.en}")
            if label.hotkey:
                action.setShortcut(QKeySequence(label.hotkey))
                # only while the text or the palette has focus: typing "1" in the search box is typing
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.text_view.addAction(action)
            action.triggered.connect(lambda _=False, name=label.name: self.apply_label(name))
            self.palette_bar.addAction(action)
            self.label_actions[label.name] = action
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.palette_bar)

    def _build_actions(self) -> None:
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        delete = QAction(self.tr("Delete span"), self, objectName="deleteSpan")
        delete.setShortcuts([QKeySequence.StandardKey.Delete, QKeySequence(Qt.Key.Key_Backspace)])
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.triggered.connect(self.delete_selected_span)
        self.text_view.addAction(delete)
        self.span_table.addAction(delete)
        done = QAction(self.tr("Mark done and go to the next"), self, objectName="markDone")
        done.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        done.triggered.connect(self.mark_done_and_next)
        skip = QAction(self.tr("Skip"), self, objectName="skip")
        skip.setShortcut(QKeySequence("Ctrl+K"))
        skip.triggered.connect(lambda: self.set_status("skipped"))
        reopen = QAction(self.tr("Reopen"), self, objectName="reopen")
        reopen.triggered.connect(lambda: self.set_status("in_progress"))
        toggle_region = QAction(self.tr("Include or exclude the region here"), self, objectName="toggleRegion")
        toggle_region.setShortcut(QKeySequence("Ctrl+E"))
        toggle_region.triggered.connect(self.toggle_region)
        self.raw_action = QAction(self.tr("Show the raw page"), self, objectName="showRaw", checkable=True)
        self.raw_action.setShortcut(QKeySequence("Ctrl+R"))
        self.raw_action.toggled.connect(self.show_raw)
        bigger = QAction(self.tr("Larger text"), self, objectName="zoomIn")
        bigger.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        bigger.triggered.connect(lambda: self.set_font_size(self.text_view.font().pointSize() + 1))
        smaller = QAction(self.tr("Smaller text"), self, objectName="zoomOut")
        smaller.setShortcut(QKeySequence.StandardKey.ZoomOut)
        smaller.triggered.connect(lambda: self.set_font_size(self.text_view.font().pointSize() - 1))
        guide = QAction(self.tr("Guidelines"), self, objectName="guidelines")
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self.show_guidelines)

        edit = self.menuBar().addMenu(self.tr("&Edit"))
        for action in (undo, redo, delete, toggle_region):
            edit.addAction(action)
        document = self.menuBar().addMenu(self.tr("&Document"))
        for action in (done, skip, reopen, self.raw_action):
            document.addAction(action)
        labels = self.menuBar().addMenu(self.tr("&Labels"))
        for action in self.label_actions.values():
            labels.addAction(action)
        view = self.menuBar().addMenu(self.tr("&View"))
        for action in (bigger, smaller):
            view.addAction(action)
        self.menuBar().addMenu(self.tr("&Help")).addAction(guide)
        for action in (undo, redo, done, skip, guide, self.raw_action, bigger, smaller):
            self.addAction(action)
        self.main_bar = QToolBar(self.tr("Main"), self, objectName="mainToolbar")
        for action in (undo, redo, done, skip, self.raw_action):
            self.main_bar.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.main_bar)

    # settings ------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.set_font_size(int(settings.value("view/font_size", 13)))

    def set_font_size(self, size: int) -> None:
        size = max(8, min(size, 40))
        font = self.text_view.font()
        font.setPointSize(size)
        self.text_view.setFont(font)
        QSettings().setValue("view/font_size", size)

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.document_id = None  # the project may close next: no late reads
        self.indexer.stop()
        super().closeEvent(event)

    # the document list ---------------------------------------------------------------
    def _filter(self) -> None:
        self.documents.set_filter(self.status_filter.currentData(), self.search.text().strip())

    def _after_reset(self) -> None:
        if self.documents.canFetchMore():
            self.documents.fetchMore()
        row = self.documents.row_of(self.document_id) if self.document_id is not None else None
        if row is not None:
            self.document_table.selectRow(row)

    def _document_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_document(self.documents.document_id(current.row()))

    def open_document(self, document_id: int) -> None:
        """Show a document: its text and the spans of its first screen at once,
        the rest of its spans right after the first paint."""
        if self.raw_action.isChecked():
            self.raw_action.setChecked(False)
        text = self.project.text(document_id)
        self.document_id = document_id
        self.spans.show_document(document_id, first_screen=True)
        self.text_view.show_document(text, self.spans, self.project.regions(document_id), self.colors)
        self.text_view.after_next_paint(lambda: self._spans_loaded(document_id, len(text)))

    def _spans_loaded(self, document_id: int, length: int) -> None:
        if document_id != self.document_id:
            return
        self.spans.load_rest()
        info = self.project.document_info(document_id)
        self.statusBar().showMessage(self.tr("{0} characters · {1} spans · {2}").format(
            length, info.span_count, self.tr(STATUS_NAMES[info.status])))

    # tagging ----------------------------------------------------------------------------
    def apply_label(self, label: str) -> None:
        """The hotkey or palette click: tag the selection, or relabel the selected span."""
        if self.document_id is None or self.raw_action.isChecked():
            return
        selected = self.text_view.selection_range()
        if selected is not None:
            if self.execute(AddSpan(self.document_id, selected[0], selected[1], label)):
                self.text_view.set_selection(selected[1], selected[1])  # ready for the next drag
        elif self.text_view.selected_span is not None:
            self.execute(Relabel(self.document_id, self.text_view.selected_span, label))

    def delete_selected_span(self) -> None:
        if self.document_id is not None and self.text_view.selected_span is not None:
            self.execute(DeleteSpan(self.document_id, self.text_view.selected_span))

    def set_status(self, status: str) -> None:
        if self.document_id is not None:
            self.execute(SetStatus(self.document_id, status))

    def mark_done_and_next(self) -> None:
        if self.document_id is None:
            return
        current = self.document_id
        if not self.execute(SetStatus(current, "done")):
            return
        following = self.project.next_document(current)
        if following is not None:
            self.show_document(following)

    def show_document(self, document_id: int) -> None:
        """Open a document and select it in the list, fetching list pages as needed."""
        row = self.documents.row_of(document_id)
        while row is None and self.documents.canFetchMore():
            self.documents.fetchMore()
            row = self.documents.row_of(document_id)
        if row is None:  # filtered out of the list: open it all the same
            self.open_document(document_id)
        else:
            self.document_table.selectRow(row)

    def toggle_region(self) -> None:
        """Include the excluded region under the cursor, or exclude the selection."""
        if self.document_id is None:
            return
        selected = self.text_view.selection_range()
        if selected is not None:
            self.execute(SetRegion(self.document_id, selected[0], selected[1], True))
            return
        at = self.text_view.cursor_index()
        for region in self.project.regions(self.document_id):
            if region.start <= at < region.end or (at == region.end and region.end > region.start):
                self.execute(SetRegion(self.document_id, region.start, region.end, not region.excluded))
                return

    def execute(self, command: Command) -> bool:
        """Run a command now; only a command that saved goes on the undo stack."""
        if not self._run(command.do, command):
            return False
        self.undo_stack.push(_Undoable(self, command))
        self.statusBar().showMessage(self.tr("Saved: {0}").format(command.text), 4000)
        return True

    def _run(self, step, command: Command) -> bool:
        try:
            step(self.project)
        except ProjectError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return False
        self.documents.refresh_document(command.document_id)
        if command.document_id == self.document_id:
            self.spans.refresh_spans(command.span_ids)  # the text view repaints from the span list
            if not command.span_ids:
                self.text_view.set_regions(self.project.regions(command.document_id))
        return True

    def show_raw(self, raw: bool) -> None:
        """Swap the view to the raw page, the selected span highlighted where it came from."""
        if self.document_id is None:
            return
        doc = self.project.document(self.document_id)
        if not raw:
            selected = self.text_view.selected_span
            self.text_view.show_document(doc.text, self.spans, self.project.regions(doc.id), self.colors)
            self.text_view.select_span(selected)
            self.palette_bar.setEnabled(True)
            return
        span = self.spans.find(self.text_view.selected_span)
        raw_spans = []
        if span is not None:
            start, end = doc.raw_range(span.start, span.end)
            raw_spans = [replace(span, start=start, end=end, text=doc.raw_text[start:end])]
        self.text_view.show_document(doc.raw_text, FixedSpans(raw_spans), [], self.colors)
        self.text_view.select_span(span.id if span is not None else None)
        self.palette_bar.setEnabled(False)  # spans are made on the normalized text only
        if span is not None:
            self.statusBar().showMessage(self.tr("Raw page: “{0}” came from characters {1}–{2}").format(
                span.text, raw_spans[0].start, raw_spans[0].end))

    # selecting spans --------------------------------------------------------------------
    def _span_clicked(self, span_id: int) -> None:
        self.text_view.select_span(span_id if span_id >= 0 else None)
        row = self.spans.row_of(span_id) if span_id >= 0 else None
        if row is not None:
            self.span_table.selectRow(row)

    def _span_row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.text_view.select_span(self.spans.span_at(current.row()).id)

    # guidelines ---------------------------------------------------------------------------
    def show_guidelines(self) -> None:
        dialog = QDialog(self, objectName="guidelinesDialog")
        dialog.setWindowTitle(self.tr("Annotation guidelines"))
        browser = QTextBrowser(dialog)
        browser.setMarkdown(resources.files("annotator.resources").joinpath("guidelines.md").read_text("utf-8"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        dialog.resize(720, 640)
        dialog.show()
        self._guidelines = dialog
