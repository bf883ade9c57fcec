"""Projects from the window: the File menu (new, open, recent, close, import,
export, quit), files dropped on the window, and the annotator's name asked at
the first start.

A :class:`Workspace` owns the open project and the window on it.  Opening
another project makes a new window on it and only then closes the old one
and its project, so a file that cannot be opened (damaged, too new) is
refused with the store's one-line reason while the current project stays
open.  With no project open a small start window holds the same menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMainWindow, QMenu, QMessageBox, QWidget

from ..store import SUFFIX, Project, ProjectError, open_project
from ..store.project import default_annotator
from .import_dialog import DOCUMENT_FILTER, ImportAnnotations, ImportDocuments, file_dialog
from .jobs import Job

RECENT_KEY = "recent/projects"
RECENT_KEEP = 10
LOCK_WAIT = 0.5  # seconds to wait for another process's lock before opening read-only


def recent_projects() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    return [value] if isinstance(value, str) else [str(v) for v in (value or [])]


def remember(path: Path) -> None:
    path = str(Path(path).resolve())
    QSettings().setValue(RECENT_KEY, ([path] + [p for p in recent_projects() if p != path])[:RECENT_KEEP])


def forget(path: str) -> None:
    QSettings().setValue(RECENT_KEY, [p for p in recent_projects() if p != path])


class StartWindow(QMainWindow):
    """No project open: the File menu and a line saying what to do."""

    def __init__(self):
        super().__init__(objectName="startWindow")
        self.hint = QLabel(objectName="startHint", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.setCentralWidget(self.hint)
        self.resize(720, 420)
        self.project = None

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Annotator"))
        self.hint.setText(self.tr("No project is open.\nFile → New project… makes one; File → Open project… "
                                  "(Ctrl+O) or File → Open recent opens one."))


class Workspace(QObject):
    """The open project and its window; the File menu's actions act on it."""

    def __init__(self, make_window=None):
        super().__init__()
        from .window import MainWindow

        self._make_window = make_window or MainWindow
        self.project: Project | None = None
        self.window: QMainWindow | None = None
        self._message: QMessageBox | None = None

    # opening and closing -------------------------------------------------------------
    def show_project(self, project: Project) -> QMainWindow:
        """Show a window on ``project`` (already open), then close the previous one."""
        old_window, old_project = self.window, self.project
        window = self._make_window(project)
        self.project, self.window = project, window
        FileMenu(window, self)
        window.show()
        if old_window is not None:
            self._take_down(old_window)
        if old_project is not None and old_project is not project:
            old_project.close()
        remember(project.path)
        return window

    def open_path(self, path: str | Path, create: bool = False) -> bool:
        """Open a project file; on failure say why and keep the current one."""
        path = Path(path)
        if self.project is not None and path.resolve() == self.project.path.resolve():
            self.window.raise_()
            self.window.activateWindow()
            return True
        try:
            project = open_project(path, create=create, wait=LOCK_WAIT)
        except ProjectError as exc:
            self.refuse(str(exc))
            return False
        if QSettings().value("user/annotator"):
            project.annotator = QSettings().value("user/annotator")
        self.show_project(project)
        return True

    def refuse(self, message: str) -> None:
        """A message that leaves the current window as it was (not modal to the app)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot open the project"), message,
                          QMessageBox.StandardButton.Ok, self.window, objectName="openRefused")
        box.setTextFormat(Qt.TextFormat.PlainText)
        self._message = box
        box.open()

    def close_project(self) -> None:
        old_window, old_project = self.window, self.project
        start = StartWindow()
        self.window, self.project = start, None
        FileMenu(start, self)
        start.retranslate()
        start.show()
        if old_window is not None:
            self._take_down(old_window)
        if old_project is not None:
            old_project.close()

    def quit(self) -> None:
        if self.window is not None:
            self.window.close()

    def shutdown(self) -> None:
        """The app is ending: close the project (the window has closed)."""
        if self.window is not None:
            stop_jobs(self.window)
        if self.project is not None:
            self.project.close()
            self.project = None

    def _take_down(self, window: QMainWindow) -> None:
        window.hide()
        stop_jobs(window)
        window.close()
        window.deleteLater()

    # dialogs -------------------------------------------------------------------------
    def new_project(self) -> None:
        chooser = file_dialog(self.window, "newProjectChooser", self.tr("New project"),
                              QFileDialog.FileMode.AnyFile, self.tr("Projects (*{0})").format(SUFFIX), save=True)
        chooser.setDefaultSuffix(SUFFIX.lstrip("."))
        chooser.fileSelected.connect(self._create)
        chooser.open()

    def _create(self, name: str) -> None:
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if path.exists():  # the dialog asked before replacing: a project is never overwritten, only opened
            self.open_path(path)
            return
        self.open_path(path, create=True)

    def open_dialog(self) -> None:
        chooser = file_dialog(self.window, "openProjectChooser", self.tr("Open project"),
                              QFileDialog.FileMode.ExistingFile, self.tr("Projects (*{0})").format(SUFFIX))
        chooser.fileSelected.connect(self.open_path)
        chooser.open()

    def open_recent(self, path: str) -> None:
        if not Path(path).exists():
            forget(path)
            self.window.statusBar().showMessage(self.tr("{0} is missing; removed from the recent projects")
                                                .format(path), 8000)
            return
        self.open_path(path)

    def ask_name(self) -> None:
        """The first start: who is annotating (every edit records it)."""
        if QSettings().value("user/annotator"):
            return
        dialog = QInputDialog(self.window, objectName="annotatorNameDialog")
        dialog.setWindowTitle(self.tr("Your name"))
        dialog.setLabelText(self.tr("Every edit records who made it. Your name (you can change it later in "
                                    "Edit → Preferences):"))
        dialog.setTextValue(default_annotator())

        def chosen(name: str) -> None:
            name = name.strip()
            if name:
                QSettings().setValue("user/annotator", name)
                if self.project is not None:
                    self.project.annotator = name

        dialog.textValueSelected.connect(chosen)
        self._name_dialog = dialog
        dialog.open()


def stop_jobs(window: QWidget) -> None:
    """Cancel the window's running imports and exports and wait for them: what
    they committed stays, nothing is left half-written."""
    jobs = [job for job in window.findChildren(Job) if job.running]
    for job in jobs:
        job.cancel()
    for job in jobs:
        job.wait(30)


class FileMenu(QObject):
    """The File menu of one window, and files dropped on it."""

    def __init__(self, window: QMainWindow, workspace: Workspace):
        super().__init__(window)
        self.w, self.workspace = window, workspace
        has_project = getattr(window, "project", None) is not None
        editable = has_project and not window.project.read_only

        def action(name: str, slot, *keys, enabled: bool = True) -> QAction:
            a = QAction(window, objectName=name, enabled=enabled)
            if len(keys) == 1 and isinstance(keys[0], QKeySequence.StandardKey):
                a.setShortcuts(keys[0])  # every binding of the platform (Close: Ctrl+W and Ctrl+F4)
            elif keys:
                a.setShortcuts([QKeySequence(k) for k in keys])
            a.triggered.connect(slot)
            window.addAction(a)
            return a

        self.new = action("newProject", workspace.new_project, QKeySequence.StandardKey.New)
        self.open = action("openProject", workspace.open_dialog, QKeySequence.StandardKey.Open)
        self.recent = QMenu(window, objectName="recentMenu")
        self.recent.aboutToShow.connect(self._fill_recent)
        self.close = action("closeProject", workspace.close_project, QKeySequence.StandardKey.Close,
                            enabled=has_project)
        self.import_documents = action("importDocuments", self.choose_documents, "Ctrl+I", enabled=editable)
        self.import_folder = action("importFolder", self.choose_folder, enabled=editable)
        self.import_annotations = action("importAnnotations", self.annotations, enabled=editable)
        self.export = action("exportDataset", self.export_dataset, "Ctrl+Shift+E", enabled=has_project)
        self.quit = action("quit", workspace.quit, "Ctrl+Q")
        menu = self.menu = QMenu(window, objectName="fileMenu")
        menu.addActions([self.new, self.open])
        menu.addMenu(self.recent)
        menu.addAction(self.close)
        menu.addSeparator()
        menu.addActions([self.import_documents, self.import_folder, self.import_annotations, self.export])
        menu.addSeparator()
        menu.addAction(self.quit)
        bar = window.menuBar()
        first = bar.actions()[0] if bar.actions() else None
        bar.insertMenu(first, menu) if first is not None else bar.addMenu(menu)
        window.installEventFilter(self)
        if has_project:
            window.setAcceptDrops(True)
            from .label_editor import LabelMenu

            self.labels = LabelMenu(window)
            window.text_view.setPlaceholderText("")  # set in retranslate
        self.retranslate()

    def retranslate(self) -> None:
        for a, text in ((self.new, self.tr("New project…")), (self.open, self.tr("Open project…")),
                        (self.close, self.tr("Close project")),
                        (self.import_documents, self.tr("Import documents…")),
                        (self.import_folder, self.tr("Import a folder…")),
                        (self.import_annotations, self.tr("Import annotations…")),
                        (self.export, self.tr("Export dataset…")), (self.quit, self.tr("Quit"))):
            a.setText(text)
        self.recent.setTitle(self.tr("Open recent"))
        self.menu.setTitle(self.tr("&File"))
        if getattr(self.w, "project", None) is not None:
            self.w.text_view.setPlaceholderText(self.tr(
                "This project has no documents yet: File → Import documents… (Ctrl+I) or Import a folder…, "
                "or drop files and folders on the window (.txt .md .html .htm .jsonl)."))
            self.labels.retranslate()

    def _fill_recent(self) -> None:
        self.recent.clear()
        paths = recent_projects()
        for path in paths:
            missing = not Path(path).exists()
            shown = path.replace("&", "&&")  # a menu entry's & marks a shortcut letter
            text = self.tr("{0} (missing: choose to remove it)").format(shown) if missing else shown
            a = self.recent.addAction(text)
            a.setObjectName("recentMissing" if missing else "recent")
            a.setData(path)
            a.triggered.connect(lambda _=False, path=path: self.workspace.open_recent(path))
        if not paths:
            self.recent.addAction(self.tr("(none yet)")).setEnabled(False)

    # importing -----------------------------------------------------------------------
    def choose_documents(self) -> None:
        chooser = file_dialog(self.w, "importChooser", self.tr("Import documents"),
                              QFileDialog.FileMode.ExistingFiles,
                              self.tr("Documents ({0})").format(DOCUMENT_FILTER))
        chooser.filesSelected.connect(self.import_paths)
        chooser.open()

    def choose_folder(self) -> None:
        chooser = file_dialog(self.w, "importFolderChooser", self.tr("Import a folder"),
                              QFileDialog.FileMode.Directory)
        chooser.fileSelected.connect(lambda path: self.import_paths([path]))
        chooser.open()

    def import_paths(self, paths: list[str]) -> ImportDocuments | None:
        if not paths or self.w.project.read_only:
            return None
        dialog = ImportDocuments(self.w, list(paths))
        self._dialog = dialog
        return dialog

    def annotations(self) -> None:
        dialog = ImportAnnotations(self.w)
        self._dialog = dialog
        dialog.open()

    def export_dataset(self) -> None:
        from .export_dialog import ExportDialog

        dialog = ExportDialog(self.w)
        self._dialog = dialog
        dialog.open()

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.import_documents.isEnabled() and _local_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            paths = _local_paths(event.mimeData())
            if paths and self.import_documents.isEnabled():
                event.acceptProposedAction()
                self.import_paths(paths)
                return True
        elif kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind == QEvent.Type.Close:
            stop_jobs(self.w)
        return False


def _local_paths(mime) -> list[str]:
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


def show_in_folder(path: Path) -> bool:
    """Open the file manager on the folder holding ``path``."""
    folder = path if path.is_dir() else path.parent
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
