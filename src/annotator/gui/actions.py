"""The window's actions, menus and toolbars, and their texts in the interface
language.  Texts are set in :meth:`WindowActions.retranslate` only, so a
language switch while the app runs retranslates everything in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QMenu

from ..session.labels import AddLabel, ImportSchema, RemoveLabel, UpdateLabel
from ..session.propagate import ApplyRegionProposals
from ..session import (
    AcceptSuggestions,
    AddLink,
    AddSpan,
    Command,
    CreateProgram,
    DeleteLink,
    DeleteSpan,
    LinkProgram,
    RejectSpan,
    RejectSuggestions,
    Relabel,
    SetAttributes,
    SetRegion,
    SetStatus,
    TagOccurrences,
    UnlinkProgram,
)
from . import i18n
from .i18n import LANGUAGES
from .models import schema_name
from .palette import LabelPalette
from .plain import tip
from .propagate import apply_to_source

if TYPE_CHECKING:
    from .window import MainWindow


def describe(command: Command) -> str:
    """What a command did, in the interface language (undo menu, status bar)."""
    translate = QCoreApplication.translate
    if isinstance(command, AddSpan):
        return translate("commands", "tag {0}").format(command.label)
    if isinstance(command, DeleteSpan):
        return translate("commands", "delete span")
    if isinstance(command, RejectSpan):
        return translate("commands", "reject the accepted suggestion")
    if isinstance(command, Relabel):
        return translate("commands", "relabel as {0}").format(command.label)
    if isinstance(command, SetStatus):
        return {"done": translate("commands", "mark done"), "skipped": translate("commands", "skip"),
                "in_progress": translate("commands", "reopen"),
                "new": translate("commands", "mark new")}[command.status]
    if isinstance(command, AcceptSuggestions):
        if len(command.items) == 1:
            return translate("commands", "accept the suggested {0}").format(command.items[0][2])
        return translate("commands", "accept {0} suggestions").format(len(command.items))
    if isinstance(command, RejectSuggestions):
        if len(command.items) == 1:
            return translate("commands", "reject the suggested {0}").format(command.items[0][2])
        return translate("commands", "reject {0} suggestions").format(len(command.items))
    if isinstance(command, TagOccurrences):
        return translate("commands", "tag {0} occurrences as {1}").format(len(command.items), command.label)
    if isinstance(command, SetAttributes):
        return translate("commands", "set {0}").format(", ".join(schema_name(a) for a in command.attributes))
    if isinstance(command, AddLink):
        return translate("commands", "link {0}").format(schema_name(command.type))
    if isinstance(command, DeleteLink):
        return translate("commands", "remove link")
    if isinstance(command, LinkProgram):
        return translate("commands", "link to the catalog")
    if isinstance(command, UnlinkProgram):
        return translate("commands", "unlink from the catalog")
    if isinstance(command, CreateProgram):
        return translate("commands", "new program {0}").format(command.name)
    if isinstance(command, SetRegion):
        if command.excluded:
            return translate("commands", "exclude region")
        return translate("commands", "include region")
    if isinstance(command, ApplyRegionProposals):
        return translate("commands", "apply {0} region decisions to {1} documents").format(
            len(command.proposals), len(command.document_ids))
    if isinstance(command, AddLabel):
        return translate("commands", "add label {0}").format(command.label.name)
    if isinstance(command, UpdateLabel):
        return translate("commands", "change label {0}").format(command.name)
    if isinstance(command, RemoveLabel):
        return translate("commands", "remove label {0}").format(command.name)
    if isinstance(command, ImportSchema):
        return translate("commands", "import the label schema")
    return command.text


class WindowActions(QObject):
    """The actions and menus, owned here; the window's toolbars (``palette_bar``,
    ``main_bar``, made by the window) are filled here and nothing is set on the window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = w = window

        def action(name: str, slot, *keys, checkable: bool = False, context=None) -> QAction:
            a = QAction(w, objectName=name, checkable=checkable)
            if keys:
                a.setShortcuts([QKeySequence(k) for k in keys])
            if context is not None:
                a.setShortcutContext(context)
            (a.toggled if checkable else a.triggered).connect(slot)
            return a

        text_only = Qt.ShortcutContext.WidgetWithChildrenShortcut
        stack = w.undo_stack
        self.undo = action("undo", stack.undo, QKeySequence.StandardKey.Undo)
        # both keys everywhere; the platform's Redo binding is one of them, and binding
        # it twice makes the key ambiguous, so that it does nothing
        self.redo = action("redo", stack.redo, "Ctrl+Shift+Z", "Ctrl+Y")
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.indexChanged.connect(lambda _: self._undo_texts())
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        self.delete = action("deleteSpan", w.delete_selected_span, QKeySequence.StandardKey.Delete,
                             Qt.Key.Key_Backspace, context=text_only)
        # Backspace and Delete: the action of whatever is selected, a span or a suggestion;
        # a disabled action's keys never clash with an enabled one's
        s = w.suggestions
        self.accept = action("acceptSuggestion", s.accept_selected, Qt.Key.Key_Return, Qt.Key.Key_Enter,
                             context=text_only)
        self.reject = action("rejectSuggestion", s.reject_selected, Qt.Key.Key_Backspace,
                             QKeySequence.StandardKey.Delete, context=text_only)
        self.next = action("nextSuggestion", lambda: s.step(True), Qt.Key.Key_Tab, context=text_only)
        self.previous = action("previousSuggestion", lambda: s.step(False), "Shift+Tab", Qt.Key.Key_Backtab,
                               context=text_only)
        self.accept_label = action("acceptLabel", s.accept_label, "Ctrl+Shift+Return", "Ctrl+Shift+Enter")
        self.reject_label = action("rejectLabel", s.reject_label, "Ctrl+Shift+Backspace")
        self.show_suggestions = action("showSuggestions", s.set_enabled, checkable=True)
        # spans from the keyboard, and link mode: Tab, Enter and Esc are its own while it lasts
        self.next_span = action("nextSpan", lambda: w.step_span(True), "Alt+Right", context=text_only)
        self.previous_span = action("previousSpan", lambda: w.step_span(False), "Alt+Left", context=text_only)
        self.attributes = action("editAttributes", w.edit_attributes, "F2")
        m = w.linking
        self.link = action("link", lambda: w.start_link(None), "Ctrl+L")
        self.link_next = action("linkNext", lambda: m.step(True), Qt.Key.Key_Tab, context=text_only)
        self.link_previous = action("linkPrevious", lambda: m.step(False), "Shift+Tab", Qt.Key.Key_Backtab,
                                    context=text_only)
        self.link_commit = action("linkCommit", m.commit, Qt.Key.Key_Return, Qt.Key.Key_Enter, context=text_only)
        self.link_cancel = action("linkCancel", m.cancel, Qt.Key.Key_Escape)
        self.occurrences = action("tagOccurrences", w.tag_occurrences, "Ctrl+Shift+A")
        self.done = action("markDone", w.mark_done_and_next, "Ctrl+Return", "Ctrl+Enter")
        self.skip = action("skip", lambda: w.set_status("skipped"), "Ctrl+K")
        self.reopen = action("reopen", lambda: w.set_status("in_progress"))
        self.region = action("toggleRegion", w.toggle_region, "Ctrl+E")
        self.region_to_source = action("applyRegionsToSource", lambda: apply_to_source(w), "Ctrl+Alt+E")
        self.raw = action("showRaw", w.show_raw, "Ctrl+R", checkable=True)
        self.snap = action("snapToWords", w.set_snapping, checkable=True)
        self.bigger = action("zoomIn", lambda: w.set_font_size(w.text_view.font().pointSize() + 1),
                             QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.smaller = action("zoomOut", lambda: w.set_font_size(w.text_view.font().pointSize() - 1),
                              QKeySequence.StandardKey.ZoomOut)
        self.preferences = action("preferences", w.edit_preferences, QKeySequence.StandardKey.Preferences)
        self.guide = action("guidelines", w.side_windows.show_guidelines, QKeySequence.StandardKey.HelpContents)
        self.keys_sheet = action("keyboardShortcuts", w.side_windows.show_shortcuts, "Ctrl+/")
        self.about = action("about", w.side_windows.show_about)
        self.catalog = action("showCatalog", w.side_windows.show_catalog, "Ctrl+Shift+C")
        self.statistics = action("showStatistics", w.side_windows.show_statistics, "Ctrl+Shift+I")
        self.languages = QActionGroup(w)
        for code in LANGUAGES:
            a = QAction(LANGUAGES[code], w, objectName=f"language_{code}", checkable=True)
            a.setData(code)
            a.triggered.connect(lambda _=False, code=code: w.set_language(code))
            self.languages.addAction(a)

        self.labels: dict[str, QAction] = {}
        w.palette_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.labels_menu = QMenu(w)
        self.palette: LabelPalette | None = None
        self.set_labels(w.labels)
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, w.palette_bar)
        w.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # the main bar on a row of its own: nothing in an overflow
        for a in (self.delete,):
            w.text_view.addAction(a)
            w.span_table.addAction(a)
        w.text_view.addActions([self.accept, self.reject, self.next, self.previous, self.next_span,
                                self.previous_span, self.link_next, self.link_previous, self.link_commit])

        bar = w.menuBar()
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo, self.redo, self.delete, self.region, self.region_to_source])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.next_span, self.previous_span, self.attributes, self.link, self.link_cancel])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.snap, self.preferences])
        self.suggestions_menu = bar.addMenu("")
        self.suggestions_menu.addActions([self.next, self.previous, self.accept, self.reject, self.accept_label,
                                          self.reject_label])
        self.suggestions_menu.addSeparator()
        self.suggestions_menu.addActions([self.occurrences, self.show_suggestions])
        self.document_menu = bar.addMenu("")
        self.document_menu.addActions([self.done, self.skip, self.reopen, self.raw])
        bar.addMenu(self.labels_menu)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([self.bigger, self.smaller])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.catalog, self.statistics])
        self.view_menu.addSeparator()  # a closed dock or toolbar comes back from here
        self.view_menu.addActions([w.document_dock.toggleViewAction(), w.span_dock.toggleViewAction(),
                                   w.panel_dock.toggleViewAction(), w.palette_bar.toggleViewAction()])
        self.language_menu = QMenu(w, objectName="languageMenu")
        self.language_menu.addActions(self.languages.actions())
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.guide, self.keys_sheet])
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about)
        w.addActions([self.undo, self.redo, self.done, self.skip, self.guide, self.raw, self.bigger, self.smaller,
                      self.preferences, self.region, self.accept_label, self.reject_label, self.occurrences,
                      self.attributes, self.link, self.link_cancel, self.region_to_source])
        w.addActions([self.catalog, self.statistics, self.keys_sheet])
        w.main_bar.addActions([self.undo, self.redo, self.done, self.skip, self.raw])
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, w.main_bar)
        self.view_menu.addAction(w.main_bar.toggleViewAction())

    def set_labels(self, labels) -> None:
        """The palette and the Labels menu for this label schema (again when it changes)."""
        w, text_only = self.w, Qt.ShortcutContext.WidgetWithChildrenShortcut
        for a in self.labels.values():
            self.labels_menu.removeAction(a)
            w.text_view.removeAction(a)
            a.deleteLater()
        self.labels = {}
        first = self.labels_menu.actions()[0] if self.labels_menu.actions() else None
        for label in labels:
            pixmap = QPixmap(14, 14)
            pixmap.fill(QColor(label.color))
            a = QAction(QIcon(pixmap), f"{label.hotkey or ''} {label.name} {label.zh}".strip(), w,
                        objectName=f"label_{label.name}")
            a.setToolTip(tip(f"{label.zh} / {label.en}"))
            if label.hotkey:
                a.setShortcut(QKeySequence(label.hotkey))
                # only while the text or the palette has focus: typing "1" in the search box is typing
                a.setShortcutContext(text_only)
                w.text_view.addAction(a)
            a.triggered.connect(lambda _=False, name=label.name: w.apply_label(name))
            self.labels_menu.insertAction(first, a)
            self.labels[label.name] = a
        if self.palette is None:
            self.palette = LabelPalette(list(self.labels.values()))  # wraps: no label in an overflow menu
            w.palette_bar.addWidget(self.palette)
        else:
            self.palette.set_actions(list(self.labels.values()))

    def retranslate(self) -> None:
        for a, text in ((self.delete, self.tr("Delete span")), (self.done, self.tr("Mark done and go to the next")),
                        (self.skip, self.tr("Skip")), (self.reopen, self.tr("Reopen")),
                        (self.region, self.tr("Include or exclude the region here")),
                        (self.region_to_source, self.tr("Apply region decisions to this source")),
                        (self.raw, self.tr("Show the raw page")), (self.snap, self.tr("Snap selections to words")),
                        (self.bigger, self.tr("Larger text")), (self.smaller, self.tr("Smaller text")),
                        (self.preferences, self.tr("Preferences…")), (self.guide, self.tr("Guidelines")),
                        (self.keys_sheet, self.tr("Keyboard shortcuts")), (self.about, self.tr("About Annotator")),
                        (self.accept, self.tr("Accept the suggestion")),
                        (self.reject, self.tr("Reject the suggestion")),
                        (self.next, self.tr("Next suggestion")), (self.previous, self.tr("Previous suggestion")),
                        (self.show_suggestions, self.tr("Show suggestions")),
                        (self.occurrences, self.tr("Tag all occurrences…")),
                        (self.next_span, self.tr("Next span")), (self.previous_span, self.tr("Previous span")),
                        (self.attributes, self.tr("Edit the span's attributes")),
                        (self.link, self.tr("Link the span to…")), (self.link_next, self.tr("Next span to link to")),
                        (self.link_previous, self.tr("Previous span to link to")),
                        (self.link_commit, self.tr("Make the link")), (self.link_cancel, self.tr("Cancel the link"))):
            a.setText(text)
        for a, short in ((self.done, self.tr("Done")), (self.skip, self.tr("Skip")), (self.raw, self.tr("Raw page"))):
            a.setIconText(short)
            a.setToolTip(tip(f"{a.text()} ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"))
        chinese = i18n.chosen_language() == "zh_CN"
        for label in self.w.labels:  # the palette's buttons short (all fit at 1024 px); the menu says it all
            self.labels[label.name].setIconText(f"{label.hotkey or ''} {label.zh if chinese else label.name}".strip())
        self.palette.relayout()
        self.catalog.setText(self.tr("Program catalog"))
        self.statistics.setText(self.tr("Statistics"))
        for menu, title in ((self.edit_menu, self.tr("&Edit")), (self.document_menu, self.tr("&Document")),
                            (self.labels_menu, self.tr("&Labels")), (self.view_menu, self.tr("&View")),
                            (self.suggestions_menu, self.tr("&Suggestions")),
                            (self.language_menu, self.tr("Language")), (self.help_menu, self.tr("&Help"))):
            menu.setTitle(title)
        self.update_enabled()
        self.w.palette_bar.setWindowTitle(self.tr("Labels"))
        self.w.main_bar.setWindowTitle(self.tr("Main"))
        self._undo_texts()

    def _undo_texts(self) -> None:
        stack = self.w.undo_stack
        if not shiboken6.isValid(stack) or not shiboken6.isValid(self.undo):
            return  # the window is being taken down: the stack empties as it goes
        undo, redo = stack.history.undo_step(), stack.history.redo_step()
        # described now, not when pushed: the language may have changed since
        self.undo.setText(self.tr("Undo {0}").format(describe(undo[0])) if undo else self.tr("Undo"))
        self.redo.setText(self.tr("Redo {0}").format(describe(redo[0])) if redo else self.tr("Redo"))
        # the toolbar's buttons keep a short, fixed text (the toolbar never jumps); the menu and tooltip say what
        for a, short in ((self.undo, self.tr("Undo")), (self.redo, self.tr("Redo"))):
            a.setIconText(short)
            a.setToolTip(tip(a.text()))

    def update_enabled(self) -> None:
        """What is selected decides what Backspace, Delete and Enter do."""
        if not shiboken6.isValid(self.delete):
            return
        view, suggestions = self.w.text_view, self.w.suggestions
        chosen = view.selected_suggestion
        label = chosen.label if chosen is not None else ""
        linking = self.w.linking.active
        self.delete.setEnabled(view.selected_span is not None)
        for a in (self.accept, self.reject, self.accept_label, self.reject_label):
            a.setEnabled(chosen is not None and not linking)
        for a in (self.next, self.previous):
            a.setEnabled(suggestions.any_visible() and not linking)
        for a in (self.link_next, self.link_previous, self.link_commit, self.link_cancel):
            a.setEnabled(linking)
        if label:
            self.accept_label.setText(self.tr("Accept all {0} suggestions in this document").format(label))
            self.reject_label.setText(self.tr("Reject all {0} suggestions in this document").format(label))
        else:
            self.accept_label.setText(self.tr("Accept all suggestions of the selected one's label"))
            self.reject_label.setText(self.tr("Reject all suggestions of the selected one's label"))
