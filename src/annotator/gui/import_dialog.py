"""Importing from the window: documents (files and folders, chosen or dropped)
and annotated data.  The import itself is the one ``annotator import`` runs
(:func:`annotator.ingest.import_paths`, :func:`annotator.exchange.import_annotated`),
on a :class:`~.jobs.Job` thread with a connection of its own; this module only
shows its progress and its report.  Every text from a file (names, reasons) is
shown as plain text."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..store.project import open_worker
from .jobs import Job

if TYPE_CHECKING:
    from .window import MainWindow

DOCUMENT_FILTER = "*.txt *.md *.html *.htm *.jsonl"
LIST_REFRESH_MS = 500


def file_dialog(parent: QWidget, name: str, title: str, mode: QFileDialog.FileMode,
                filter: str | None = None, save: bool = False) -> QFileDialog:
    """A Qt (not native) file dialog, so it looks the same everywhere and tests can drive it."""
    dialog = QFileDialog(parent, title, objectName=name)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(mode)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if filter:
        dialog.setNameFilter(filter)
    return dialog


def elapsed_text(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 \
        else f"{seconds // 60}:{seconds % 60:02d}"


class ProgressDialog(QDialog):
    """A job's progress (done / total, the current item, elapsed time, Cancel),
    then its report in the same dialog: a line and a selectable list."""

    def __init__(self, parent: QWidget, name: str, title: str):
        super().__init__(parent, objectName=name)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.counts = QLabel(objectName="counts")
        self.current = QLabel(objectName="current", textFormat=Qt.TextFormat.PlainText)
        self.current.setMinimumWidth(420)
        self.elapsed = QLabel(objectName="elapsed")
        self.bar = QProgressBar(objectName="progress")
        self.summary = QLabel(objectName="summary", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.details = QPlainTextEdit(objectName="details", readOnly=True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("close")
        self.close_button.hide()
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for w in (self.counts, self.bar, self.current, self.elapsed, self.summary, self.details, self.buttons):
            layout.addWidget(w)
        self.summary.hide()
        self.details.hide()
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self.job: Job | None = None
        self.resize(560, 200)

    def run(self, job: Job) -> None:
        self.job = job
        self.cancel_button.clicked.connect(self._cancel)
        job.progressed.connect(self.show_progress)
        self.counts.setText(self.tr("Starting…"))
        self._clock.start()
        self._tick()
        self.show()
        job.start()

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self.cancel_button.setEnabled(False)
        self.counts.setText(self.tr("Cancelling…"))

    def reject(self) -> None:  # Esc and the title bar's close button cancel a running job
        if self.job is not None and self.job.running:
            self._cancel()
        else:
            super().reject()

    def _tick(self) -> None:
        if self.job is not None:
            self.elapsed.setText(self.tr("Elapsed {0}").format(elapsed_text(time.monotonic() - self.job.started_at)))

    def show_progress(self, done: int, total: int, current: str) -> None:
        if not self.cancel_button.isEnabled():
            return
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.counts.setText(self.tr("{0} of {1} documents").format(done, total))
        if current:
            self.current.setText(current)

    def show_report(self, summary: str, details: list[str]) -> None:
        self._clock.stop()
        self._tick()
        self.bar.setValue(self.bar.maximum())
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.current.hide()
        self.summary.setText(summary)
        self.summary.show()
        if details:
            self.details.setPlainText("\n".join(details))
            self.details.show()
            self.resize(max(self.width(), 640), 420)


class ImportDocuments(ProgressDialog):
    """Documents in: the document list grows while it runs; a cancel stops between batches.
    One core is left to the window and the thread storing the batches: with every core
    normalizing, the GUI thread waited for the CPU up to 80 ms at a time (2 cores,
    ``bench/bench_window_import.py``); with one worker fewer, under 40 ms."""

    WORKERS = max(1, (os.cpu_count() or 1) - 1)

    def __init__(self, window: MainWindow, paths: list[str]):
        super().__init__(window, "importDialog", "")
        self.setWindowTitle(self.tr("Import documents"))
        self.window_ = window
        self.paths = paths
        self.before = window.project.document_count()
        self._list_timer = QTimer(self, interval=LIST_REFRESH_MS)
        self._list_timer.timeout.connect(window.documents.grow)
        job = Job(self._work, self)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self._list_timer.start()
        self.run(job)

    def _work(self, job: Job):
        from ..ingest import import_paths

        from ..normalize.alignment import collector_paused

        project = open_worker(self.window_.project)
        try:
            with collector_paused():  # a full collection on this thread would hold the GIL from the window
                return import_paths(project, self.paths, progress=job.progress, current=job.set_current,
                                    workers=self.WORKERS)
        finally:
            project.close()

    def _after(self) -> None:
        self._list_timer.stop()
        w = self.window_
        w.documents.grow()
        w.indexer.remaining = w.project.unindexed_count()  # the window indexes them for search in idle time
        w.indexer.start()
        if w.document_id is None and w.documents.rowCount():
            w.document_table.selectRow(0)

    def _finished(self, report) -> None:
        self._after()
        summary = self.tr("{0} imported, {1} duplicates skipped, {2} rejected").format(
            len(report.added), len(report.duplicates), len(report.rejected))
        details = [self.tr("rejected {0}").format(r) for r in report.rejected]
        details += [self.tr("skipped {0}: already in the project").format(d) for d in report.duplicates]
        self.show_report(summary, details)

    def _cancelled(self) -> None:
        self._after()
        added = self.window_.project.document_count() - self.before
        self.show_report(self.tr("Cancelled: {0} documents were imported before the cancel and stay; "
                                 "nothing was half-written").format(added), [])

    def _failed(self, message: str) -> None:
        self._after()
        self.show_report(self.tr("The import stopped: {0}").format(message), [])


class ImportAnnotations(QDialog):
    """Annotated data in: a file, its format (detected or chosen), "normalize the
    text"; all or nothing, every problem listed by line."""

    def __init__(self, window: MainWindow):
        super().__init__(window, objectName="importAnnotationsDialog")
        from ..exchange import READABLE

        self.window_ = window
        self.setWindowTitle(self.tr("Import annotations"))
        self.path = QLineEdit(objectName="path")
        choose = QPushButton(self.tr("Choose…"), objectName="choose")
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(choose)
        self.format = QComboBox(objectName="format")
        self.format.addItem(self.tr("Detect from the file"), None)
        for name in READABLE:
            self.format.addItem(name, name)
        self.normalize = QCheckBox(self.tr("Normalize the text (spans move with it)"), objectName="normalize")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import")
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Format"), self.format)
        form.addRow("", self.normalize)
        form.addRow(self.buttons)
        self.progress: ProgressDialog | None = None
        self.resize(560, 160)

    def _choose(self) -> None:
        chooser = file_dialog(self, "annotationsChooser", self.tr("Annotated file"),
                              QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(self.path.setText)
        chooser.open()

    def _start(self) -> None:
        path = Path(self.path.text().strip())
        if not self.path.text().strip() or not path.exists():
            self.window_.statusBar().showMessage(self.tr("{0}: no such file or folder").format(path), 8000)
            return
        from ..exchange import detect_format

        fmt = self.format.currentData() or detect_format(path)
        normalize = self.normalize.isChecked()
        self.accept()
        progress = ProgressDialog(self.window_, "annotationsProgress", self.tr("Import annotations"))
        self.progress = progress
        before = self.window_.project.document_count()

        def work(job: Job):
            from ..exchange import import_annotated

            project = open_worker(self.window_.project)
            try:
                return import_annotated(project, path, fmt, progress=job.progress, normalize=normalize)
            finally:
                project.close()

        def finished(report) -> None:
            self.window_.documents.grow()
            if report.problems:
                progress.show_report(self.tr("{0}: {1} problems; nothing from this file was imported").format(
                    path, len(report.problems)), [str(p) for p in report.problems])
                return
            progress.show_report(self.tr("{0} ({1}): {2} annotated documents imported with {3} spans, "
                                         "{4} duplicates skipped").format(
                path.name, fmt, len(report.added), report.spans, len(report.duplicates)),
                [self.tr("skipped {0}: the same text is already in the project").format(d)
                 for d in report.duplicates])

        job = Job(work, progress)
        job.finished.connect(finished)
        job.failed.connect(lambda message: progress.show_report(message, []))
        job.cancelled.connect(lambda: progress.show_report(self.tr("Cancelled: nothing was imported ({0} "
                                                                   "documents before and after)").format(before), []))
        progress.run(job)
