"""The annotator window: it builds the docks and forwards gestures to commands.
No SQL and no domain logic here: the store holds the annotations,
:mod:`annotator.session.commands` changes them, :mod:`.actions` holds the
menus and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar

from ..session import AddSpan, Command, DeleteSpan, RejectSpan, Relabel, SetRegion, SetStatus, starts_work
from ..session.document import OpenDocument, on_raw_page
from ..session.history import History
from ..store import Project, ProjectError
from ..suggest.words import snap
from . import i18n, plain, spots
from .actions import WindowActions, describe
from .flags import note as flag_note
from .docks import Central, DocumentDock, StatusLine, make_table
from .history import UndoHistory
from .indexer import IdleIndexer
from .learning import LearningActions
from .linking import DocumentLinks, LinkMode
from .models import DocumentListModel, FixedSpans, SpanListModel, status_name
from .occurrences import OccurrencesDialog
from .preferences import Preferences, PreferencesDialog
from .side_windows import SideWindows
from .span_panel import SpanPanel
from .suggestions import SuggestionController
from .textview import AnnotatedTextView
from .workers import WordBoundaries


class MainWindow(QMainWindow):
    def __init__(self, project: Project):
        super().__init__()
        self.project = project
        self.history = History(project, self._run)  # plain Python; undo_stack is its Qt face
        self.undo_stack = UndoHistory(self.history, self)
        self.document_id: int | None = None
        self.labels = project.labels()
        self.colors = {label.name: label.color for label in self.labels}
        settings = QSettings()
        self.snapping = settings.value("edit/snap_to_words", False, type=bool)
        if settings.value("user/annotator"):
            project.annotator = settings.value("user/annotator")

        self.text_view = AnnotatedTextView()
        self.documents = DocumentListModel(project, self)
        self.open = OpenDocument(project)  # its spans, links, rejections and regions; the widgets observe it
        self.open.subscribe(lambda event, _row: event == "regions" and self.text_view.set_regions(self.open.regions))
        self.spans = SpanListModel(project, self.colors, self, document=self.open)
        self.words = WordBoundaries(self)
        self.suggestions = SuggestionController(project, self.spans, self.text_view, set(self.colors), self.execute,
                                                self)
        self.links = DocumentLinks(project, self.colors, self.open)
        self.linking = LinkMode(project, self.spans, self.text_view, self.links, self.execute, self._say, self)
        self._last_tagged: int | None = None
        self._closed = False
        self.side_windows = SideWindows(self, project.path, self.show_span)  # made when first opened
        self.central = Central(project, self.text_view)
        self.setCentralWidget(self.central)
        self._build_document_dock()
        self._build_span_dock()
        self.palette_bar = QToolBar(self, objectName="labelPalette")  # filled by the actions
        self.main_bar = QToolBar(self, objectName="mainToolbar")
        self.actions_ = WindowActions(self)
        self.learning = LearningActions(self, self.actions_.suggestions_menu, self.suggestions)
        self.actions_.snap.setChecked(self.snapping)
        self.actions_.show_suggestions.setChecked(self.suggestions.enabled)
        self.text_view.spanClicked.connect(self._span_clicked)
        self.text_view.suggestionClicked.connect(lambda s: self.linking.suggestion_clicked(s)
                                                 or self.suggestions.select(s))
        self.text_view.pickedChanged.connect(self.linking.selection_changed)
        self.text_view.pickedChanged.connect(lambda: self.span_panel.show_span(self.text_view.selected_span))
        self.text_view.pickedChanged.connect(self.actions_.update_enabled)
        self.linking.changed.connect(self.actions_.update_enabled)
        # done, undone or redone; not after the window closed (the project may be closed)
        self.undo_stack.indexChanged.connect(lambda _: self.document_id is not None and self.span_panel.commands_ran())
        self.suggestions.changed.connect(self.actions_.update_enabled)
        self.status_line = StatusLine(self.statusBar())
        self.progress_label = self.status_line.progress_label
        self.suggestions.loadingChanged.connect(self.status_line.show_loading)
        self.resize(1280, 800)
        self._restore_settings()
        self._retranslate()
        self.indexer = IdleIndexer(project, self)  # runs while the window is shown
        if self.documents.canFetchMore():
            self.documents.fetchMore()
        if self.documents.rowCount():
            self.document_table.selectRow(0)

    # building -------------------------------------------------------------------------
    def _build_document_dock(self) -> None:
        self.document_dock = DocumentDock(self.documents, self)
        self.status_filter, self.search = self.document_dock.status_filter, self.document_dock.search
        self.document_table = self.document_dock.table
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self.document_table.selectionModel().currentRowChanged.connect(self._document_chosen)
        self.documents.modelReset.connect(self._after_reset)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.document_dock)

    def _build_span_dock(self) -> None:
        self.span_table = make_table("spanList", self.spans, stretch=1)
        self.span_table.selectionModel().currentRowChanged.connect(self._span_row_chosen)
        self.span_dock = QDockWidget(self, objectName="spanDock")
        self.span_dock.setWidget(self.span_table)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.span_dock)
        self.span_panel = SpanPanel(self.project, self.spans, self.execute, self.start_link)
        self.panel_dock = QDockWidget(self, objectName="panelDock")
        self.panel_dock.setWidget(self.span_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel_dock)
        self.resizeDocks([self.span_dock, self.panel_dock], [300, 500], Qt.Orientation.Vertical)
        self.resizeDocks([self.document_dock, self.span_dock], [340, 300], Qt.Orientation.Horizontal)

    # language ------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Annotator — {0}").format(self.project.path.name))
        self.document_dock.retranslate()
        self.span_dock.setWindowTitle(self.tr("Spans"))
        self.panel_dock.setWindowTitle(self.tr("Selected span"))
        self.span_panel.retranslate()
        self.learning.retranslate()
        self.show_progress()
        self.status_line.show_loading(self.suggestions.loading)
        self.central.retranslate()
        self.actions_.retranslate()
        self.documents.retranslate()
        self.spans.retranslate()
        language = i18n.chosen_language()
        for action in self.actions_.languages.actions():
            action.setChecked(action.data() == language)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        QSettings().setValue("ui/language", language)
        i18n.install(language)  # Qt sends LanguageChange: every text is set again

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

    def set_snapping(self, on: bool) -> None:
        self.snapping = on
        QSettings().setValue("edit/snap_to_words", on)
        if on and self.document_id is not None:
            self.words.request(self.document_id, self.open.text)

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(Preferences(self.project.annotator, self.text_view.font().pointSize(),
                                               self.snapping, i18n.chosen_language()), self)
        self._preferences = dialog
        dialog.accepted.connect(lambda: self.apply_preferences(dialog.value()))
        dialog.open()

    def apply_preferences(self, chosen: Preferences) -> None:
        if chosen.annotator:
            self.project.annotator = chosen.annotator  # the next edits are theirs
            QSettings().setValue("user/annotator", chosen.annotator)
        self.set_font_size(chosen.font_size)
        self.actions_.snap.setChecked(chosen.snap_to_words)
        if chosen.language != i18n.chosen_language():
            self.set_language(chosen.language)

    def showEvent(self, event) -> None:
        self.indexer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self.indexer.stop()
        super().hideEvent(event)

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.document_id = None  # the project may close next: no late reads
        self.open.close()
        self._closed = True
        self.indexer.stop()
        self.side_windows.close()
        self.words.shutdown()
        self.suggestions.shutdown()
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
        if self.actions_.raw.isChecked():
            self.actions_.raw.setChecked(False)
        self.document_id = document_id
        self.open.open(document_id, first_screen=True)
        text = self.open.text
        self.text_view.show_document(text, self.spans, self.open.regions, self.colors, self.suggestions, self.links)
        self.suggestions.show_document(document_id, text)
        self.text_view.after_next_paint(lambda: self._spans_loaded(document_id, len(text)))
        if self.snapping:
            self.words.request(document_id, text)

    def _spans_loaded(self, document_id: int, length: int) -> None:
        if document_id != self.document_id:
            return
        self.spans.load_rest()
        info = self.project.document_info(document_id)
        message = self.tr("{0} characters · {1} spans · {2}").format(length, info.span_count, status_name(info.status))
        self.statusBar().showMessage(" · ".join(filter(None, (message, flag_note(self.project, document_id)))))
        spots.show(self.text_view, self.project.uncertain_spots(document_id))

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

    def show_span(self, document_id: int, span_id: int) -> None:
        """Open a document with one of its spans selected and in view (the catalog's
        occurrences).  A document not yet in the list's loaded pages opens without
        paging the list down to it."""
        row = self.documents.row_of(document_id)
        if document_id == self.document_id:
            self.actions_.raw.setChecked(False)  # back to the normalized text, if the raw page was shown
        elif row is not None and row != self.document_table.currentIndex().row():
            self.document_table.selectRow(row)  # which opens it
        else:
            if row is None:
                self.document_table.clearSelection()
            self.open_document(document_id)
        self.spans.load_rest()  # the span may lie past the first screen
        self.text_view.select_span(span_id)
        span_row = self.spans.row_of(span_id)
        if span_row is not None:
            self.span_table.selectRow(span_row)
        self.raise_()
        self.activateWindow()

    # the catalog, statistics and help windows ------------------------------------------------
    catalog_view = property(lambda self: self.side_windows.catalog_view)
    statistics_view = property(lambda self: self.side_windows.statistics_view)

    # tagging ----------------------------------------------------------------------------
    def apply_label(self, label: str) -> None:
        """The hotkey or palette click: tag the selection, or relabel the selected span."""
        if self.document_id is None or self.actions_.raw.isChecked():
            return
        selected = self.text_view.selection_range()
        if selected is not None:
            if self.snapping:
                selected = self._snapped(*selected)
            command = AddSpan(self.document_id, selected[0], selected[1], label)
            if self.execute(command):
                self.text_view.set_selection(selected[1], selected[1])  # ready for the next drag
                self._last_tagged = command.span_id
                self.statusBar().showMessage(self.tr("Saved: {0} · {1} tags the same text elsewhere").format(
                    describe(command), self.actions_.occurrences.shortcut().toString(
                        QKeySequence.SequenceFormat.NativeText)), 8000)
        elif self.text_view.selected_span is not None:
            self.execute(Relabel(self.document_id, self.text_view.selected_span, label))

    def _snapped(self, start: int, end: int) -> tuple[int, int]:
        boundaries = self.words.boundaries(self.document_id)
        if boundaries is None:  # never wait for jieba: tag what was selected
            self.words.request(self.document_id, self.open.text)
            return start, end
        return snap(start, end, boundaries)

    def delete_selected_span(self) -> None:
        """Delete the selected span (one that came from a suggestion is rejected with
        it); nothing is selected after, so a second Delete deletes nothing."""
        span = self.spans.find(self.text_view.selected_span)
        if self.document_id is None or span is None:
            return
        # the list would move its current row to the next span, and select it
        self.span_table.selectionModel().clear()
        self.text_view.select_span(None)
        kind = RejectSpan if span.origin == "suggested" else DeleteSpan
        self.execute(kind(self.document_id, span.id))

    def tag_occurrences(self) -> None:
        """Offer to tag the selected span's text (or the one just tagged) elsewhere."""
        span = self.spans.find(self.text_view.selected_span) or self.spans.find(self._last_tagged)
        if span is None or self.document_id is None:
            self.statusBar().showMessage(self.tr("Select a span first: its text is what is looked for"), 4000)
            return
        dialog = OccurrencesDialog(self.project, span, self)
        self._occurrences = dialog
        dialog.accepted.connect(lambda: self._tag_found(dialog))
        dialog.open()

    def _tag_found(self, dialog: OccurrencesDialog) -> None:
        command = dialog.command()
        if command is not None:
            self.execute(command)

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

    def toggle_region(self) -> None:
        """Include the excluded region under the cursor, or exclude the selection."""
        if self.document_id is None:
            return
        selected = self.text_view.selection_range()
        if selected is not None:
            self.execute(SetRegion(self.document_id, selected[0], selected[1], True))
            return
        region = self.open.region_at(self.text_view.cursor_index())
        if region is not None:
            self.execute(SetRegion(self.document_id, region.start, region.end, not region.excluded))

    def execute(self, command: Command) -> bool:
        """Run a command now; only a command that saved goes on the undo stack.  The
        first edit of a new document marks it in progress, in the same undo step."""
        if not self._run(command.do, command):
            return False
        start = starts_work(self.project, command)
        if start is not None and self._run(start.do, start):
            self.undo_stack.push((command, start))
        else:
            self.undo_stack.push((command,))
        self.statusBar().showMessage(self.tr("Saved: {0}").format(describe(command)), 4000)
        return True

    def show_progress(self) -> None:
        if not self._closed:  # else the project may be closed already
            self.status_line.show_progress(self.project.documents_by_status())

    def _run(self, step, command: Command) -> bool:
        try:
            step(self.project)
        except ProjectError as exc:
            plain.warn(self, self.tr("Not saved"), str(exc))
            return False
        for document_id in command.document_ids:  # a batch may touch many
            self.documents.refresh_document(document_id)
        self.open.command_ran(command)  # the span list, the text view and link mode follow it
        self.suggestions.command_ran(command)
        if isinstance(command, SetStatus):
            self.show_progress()
        return True

    def show_raw(self, raw: bool) -> None:
        """Swap the view to the raw page, the selected span highlighted where it came from."""
        if self.document_id is None:
            return
        doc = self.project.document(self.document_id)
        self.linking.cancel(quiet=True)
        if not raw:
            selected = self.text_view.selected_span
            self.text_view.show_document(doc.text, self.spans, self.open.regions, self.colors, self.suggestions,
                                         self.links)
            self.text_view.select_span(selected)
            spots.show(self.text_view, self.project.uncertain_spots(doc.id))
            self.palette_bar.setEnabled(True)
            return
        span = self.spans.find(self.text_view.selected_span)
        raw_spans = [] if span is None else [on_raw_page(doc, span)]
        self.text_view.show_document(doc.raw_text, FixedSpans(raw_spans), [], self.colors)
        self.text_view.select_span(span.id if span is not None else None)
        self.palette_bar.setEnabled(False)  # spans are made on the normalized text only
        if span is not None:
            self.statusBar().showMessage(self.tr("Raw page: “{0}” came from characters {1}–{2}").format(
                span.text, raw_spans[0].start, raw_spans[0].end))

    # selecting and linking spans ------------------------------------------------------------
    def _span_clicked(self, span_id: int) -> None:
        if not self.linking.clicked(span_id):
            self._select_span(span_id)

    def _select_span(self, span_id: int) -> None:
        self.text_view.select_span(span_id if span_id >= 0 else None)
        row = self.spans.row_of(span_id) if span_id >= 0 else None
        if row is not None:
            self.span_table.selectRow(row)

    def _span_row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.text_view.select_span(self.spans.span_at(current.row()).id)

    def step_span(self, forward: bool) -> None:
        """Select the next (or previous) span in text order, from the selected span or the cursor."""
        span = self.open.next_span(self.text_view.selected_span, self.text_view.cursor_index(), forward)
        if span is not None:
            self._select_span(span.id)

    def start_link(self, type: str | None) -> None:
        if self.actions_.raw.isChecked():
            self._say(self.tr("Links are made on the normalized text: leave the raw page first"))
        else:
            self.linking.start(type)

    def edit_attributes(self) -> None:
        self.panel_dock.show()
        self.panel_dock.raise_()
        self.span_panel.focus_editors()

    def _say(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
