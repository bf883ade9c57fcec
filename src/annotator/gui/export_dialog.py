"""Export dataset from the window: the options ``annotator export`` takes, in a
dialog that remembers them per project, and the export itself
(:func:`annotator.exchange.export`, the same call with the same options, so
the same bytes) on a :class:`~.jobs.Job` thread with a read-only connection of
its own.  A file is written beside its final name and moved there when whole
(the export's own rule); a folder (brat, or a split) is written under a hidden
name beside it and renamed when whole, so a cancel or an error never leaves a
partial dataset under the name asked for."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
)

from ..exchange.formats import FORMATS
from ..store import STATUSES
from .import_dialog import ProgressDialog, file_dialog
from .jobs import Job
from .models import status_name

if TYPE_CHECKING:
    from .window import MainWindow

_SUFFIXES = {"jsonl": ".jsonl", "doccano": ".jsonl", "label-studio": ".json", "spacy": ".spacy",
             "cluener": ".jsonl", "brat": "", "conll": ".conll", "prodigy": ".jsonl"}


@dataclass
class ExportChoice:
    """The dialog's options; ``arguments()`` is the same export on the command line."""

    format: str = "jsonl"
    out: str = ""
    statuses: list[str] = field(default_factory=list)  # none: every status
    labels: list[str] | None = None  # None: every label
    without_excluded: bool = False
    split: dict[str, float] | None = None
    seed: int = 0
    bioes: bool = False

    def split_text(self) -> str | None:
        return ",".join(f"{name}={share:g}" for name, share in self.split.items()) if self.split else None

    def arguments(self, project: Path) -> list[str]:
        args = ["export", "--project", str(project), "--format", self.format, "--out", self.out]
        for status in self.statuses:
            args += ["--status", status]
        if self.labels is not None:
            args += ["--labels", ",".join(self.labels)]
        if self.without_excluded:
            args.append("--without-excluded")
        if self.split:
            args += ["--split", self.split_text(), "--seed", str(self.seed)]
        if self.bioes:
            args.append("--bioes")
        return args

    def is_folder(self) -> bool:
        return self.format == "brat" or bool(self.split)


def _settings_key(path: Path) -> str:
    return "export/" + hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]


def remembered(path: Path) -> ExportChoice | None:
    value = QSettings().value(_settings_key(path))
    try:
        choice = ExportChoice(**json.loads(value)) if value else None
    except (TypeError, ValueError):
        return None
    return choice if choice is not None and choice.format in FORMATS else None


def run_export(project_path: Path, choice: ExportChoice, progress, workers: int | None = None):
    """The export as ``annotator export`` runs it, from a connection of this thread's own."""
    from ..exchange import ExportOptions, export, parse_split
    from ..store import open_reader

    split = parse_split(choice.split_text()) if choice.split else None
    options = ExportOptions(statuses=tuple(choice.statuses) or None,
                            labels=None if choice.labels is None else frozenset(choice.labels),
                            drop_excluded=choice.without_excluded)
    final = Path(choice.out)
    out = final.with_name(f".{final.name}.partial-folder") if choice.is_folder() else final
    if out != final:
        shutil.rmtree(out, ignore_errors=True)
    with open_reader(project_path) as project:
        try:
            report = export(project, choice.format, out, options=options, split=split, seed=choice.seed,
                            bioes=choice.bioes, progress=progress, workers=workers)
        except BaseException:
            if out != final:
                shutil.rmtree(out, ignore_errors=True)
            raise
    if out != final:
        _replace_folder(out, final)
        report.paths = [final / p.relative_to(out) for p in report.paths]
    return report


def _replace_folder(new: Path, final: Path) -> None:
    """Put a whole folder under its final name; an older export there goes only once the new one is in place."""
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(new, final)
    shutil.rmtree(old, ignore_errors=True)


class ExportDialog(QDialog):
    def __init__(self, window: MainWindow):
        super().__init__(window, objectName="exportDialog")
        self.window_ = window
        self.setWindowTitle(self.tr("Export dataset"))
        project = window.project
        self.format = QComboBox(objectName="format")
        for name in FORMATS:
            self.format.addItem(name, name)
        self.statuses: dict[str, QCheckBox] = {}
        status_row = QHBoxLayout()
        for status in STATUSES:
            box = self.statuses[status] = QCheckBox(status_name(status), objectName=f"status_{status}")
            status_row.addWidget(box)
        self.labels = QListWidget(objectName="labels")
        for label in project.labels():
            item = QListWidgetItem(f"{label.name} {label.zh}")
            item.setData(Qt.ItemDataRole.UserRole, label.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.labels.addItem(item)
        self.labels.setMaximumHeight(130)
        self.without_excluded = QCheckBox(self.tr("Cut excluded regions out of the text"),
                                          objectName="withoutExcluded")
        self.split = QGroupBox(self.tr("Split into parts by document"), objectName="split", checkable=True)
        self.split.setChecked(False)
        self.shares: dict[str, QDoubleSpinBox] = {}
        split_row = QHBoxLayout(self.split)
        for name, share in (("train", 0.8), ("dev", 0.1), ("test", 0.1)):
            spin = self.shares[name] = QDoubleSpinBox(objectName=f"share_{name}", minimum=0, maximum=1,
                                                      singleStep=0.05, decimals=2, value=share, prefix=f"{name} ")
            split_row.addWidget(spin)
        self.seed = QSpinBox(objectName="seed", minimum=0, maximum=2**31 - 1, prefix=self.tr("seed "))
        split_row.addWidget(self.seed)
        self.scheme = QComboBox(objectName="scheme")
        self.scheme.addItem("BIO", False)
        self.scheme.addItem("BIOES", True)
        self.out = QLineEdit(objectName="destination")
        choose = QPushButton(self.tr("Choose…"), objectName="choose")
        choose.clicked.connect(self._choose)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out)
        out_row.addWidget(choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export")
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Documents"), status_row)
        form.addRow(self.tr("Labels"), self.labels)
        form.addRow("", self.without_excluded)
        form.addRow(self.split)
        form.addRow(self.tr("CoNLL tags"), self.scheme)
        form.addRow(self.tr("Save to"), out_row)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.split.toggled.connect(self._format_changed)
        self.progress: ProgressDialog | None = None
        self.job: Job | None = None
        self.set_choice(remembered(project.path) or ExportChoice(
            out=str(project.path.with_name(f"{project.path.stem}-export.jsonl"))))
        self.resize(620, 0)

    # the options ---------------------------------------------------------------------
    def choice(self) -> ExportChoice:
        checked = [self.labels.item(i) for i in range(self.labels.count())]
        labels = [i.data(Qt.ItemDataRole.UserRole) for i in checked if i.checkState() == Qt.CheckState.Checked]
        split = None
        if self.split.isChecked():
            split = {name: round(spin.value(), 4) for name, spin in self.shares.items() if spin.value() > 0}
        fmt = self.format.currentData()
        return ExportChoice(
            format=fmt, out=self.out.text().strip(),
            statuses=[s for s, box in self.statuses.items() if box.isChecked()],
            labels=None if len(labels) == len(checked) else labels,
            without_excluded=self.without_excluded.isChecked(), split=split,
            seed=self.seed.value() if split else 0, bioes=fmt == "conll" and bool(self.scheme.currentData()))

    def set_choice(self, choice: ExportChoice) -> None:
        self.format.setCurrentIndex(max(0, self.format.findData(choice.format)))
        for status, box in self.statuses.items():
            box.setChecked(status in choice.statuses)
        for i in range(self.labels.count()):
            item = self.labels.item(i)
            chosen = choice.labels is None or item.data(Qt.ItemDataRole.UserRole) in choice.labels
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.without_excluded.setChecked(choice.without_excluded)
        self.split.setChecked(bool(choice.split))
        if choice.split:
            for name, spin in self.shares.items():
                spin.setValue(choice.split.get(name, 0))
        self.seed.setValue(choice.seed)
        self.scheme.setCurrentIndex(1 if choice.bioes else 0)
        self.out.setText(choice.out)
        self._format_changed()

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        self.scheme.setEnabled(fmt == "conll")
        path = self.out.text().strip()
        if path:  # the suffix follows the format; a folder (brat) has none
            p = Path(path)
            stem = p.name[: -len(p.suffix)] if p.suffix in _SUFFIXES.values() and p.suffix else p.name
            self.out.setText(str(p.with_name(stem + ("" if self.split.isChecked() else _SUFFIXES[fmt]))))

    def _choose(self) -> None:
        choice = self.choice()
        if choice.is_folder():
            chooser = file_dialog(self, "exportChooser", self.tr("Export to a folder"),
                                  QFileDialog.FileMode.Directory)
        else:
            chooser = file_dialog(self, "exportChooser", self.tr("Export to a file"),
                                  QFileDialog.FileMode.AnyFile, save=True)
        if choice.out:
            chooser.selectFile(choice.out)
        chooser.fileSelected.connect(self.out.setText)
        chooser.open()

    def problem(self, choice: ExportChoice) -> str | None:
        if not choice.out:
            return self.tr("Choose where to save the dataset")
        if choice.labels == []:
            return self.tr("Choose at least one label")
        if choice.split is not None:
            total = sum(choice.split.values())
            if abs(total - 1) > 1e-6:
                return self.tr("The parts add up to {0}, not 1").format(f"{total:g}")
        return None

    # exporting -----------------------------------------------------------------------
    def start(self) -> None:
        choice = self.choice()
        problem = self.problem(choice)
        if problem:
            self.window_.statusBar().showMessage(problem, 8000)
            self.out.setFocus() if not choice.out else None
            return
        QSettings().setValue(_settings_key(self.window_.project.path), json.dumps(asdict(choice)))
        self.accept()
        progress = self.progress = ProgressDialog(self.window_, "exportProgress", self.tr("Export dataset"))
        progress.current.setText(choice.out)
        path = self.window_.project.path
        job = self.job = Job(lambda job: run_export(path, choice, job.progress), progress)
        job.finished.connect(lambda report: self._finished(choice, report))
        job.failed.connect(lambda message: progress.show_report(
            self.tr("The export stopped: {0}. Nothing was written under {1}.").format(message, choice.out), []))
        job.cancelled.connect(lambda: progress.show_report(
            self.tr("Cancelled: nothing was written under {0}.").format(choice.out), []))
        # the idle indexer's commits would make a parallel export start again, then fall back to one process
        self.window_.indexer.stop()
        for signal in (job.finished, job.failed, job.cancelled):
            signal.connect(self.window_.indexer.start)
        progress.run(job)

    def _finished(self, choice: ExportChoice, report) -> None:
        progress = self.progress
        documents = sum(report.documents.values())
        parts = ", ".join(f"{name} {n}" for name, n in report.documents.items() if name)
        summary = self.tr("{0} documents, {1} spans written to {2}").format(documents, report.spans, choice.out)
        if parts:
            summary += f" ({parts})"
        details = []
        if report.dropped:
            details.append(self.tr("{0} spans left out: {1} cannot hold them (overlapping or nested spans, or "
                                   "spans starting or ending at a line break)").format(report.dropped, choice.format))
        details.append(self.tr("The same export from a terminal: annotator {0}").format(
            " ".join(_quoted(a) for a in choice.arguments(self.window_.project.path))))
        progress.show_report(summary, details)
        folder = progress.buttons.addButton(self.tr("Show in folder"), QDialogButtonBox.ButtonRole.ActionRole)
        folder.setObjectName("showInFolder")
        from .project_menu import show_in_folder

        folder.clicked.connect(lambda: show_in_folder(Path(choice.out)))


def _quoted(arg: str) -> str:
    return arg if arg and all(c.isalnum() or c in "-_=.,/:" for c in arg) else "'" + arg.replace("'", "'\\''") + "'"
