"""Labels → Edit labels…: add, change and remove labels, and share the schema
as TOML.  Every change is one command of :mod:`annotator.session.labels` on
the window's undo stack; after any step (done, undone, redone) the palette,
the Labels menu, the span colours and the lists are made again from the store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..session.labels import AddLabel, ImportSchema, RemoveLabel, SchemaError, UpdateLabel, read_schema, schema_toml
from ..store import InvalidEdit, Label
from ..store.models import KINDS
from ..store.project import check_attribute_definitions
from .import_dialog import file_dialog

if TYPE_CHECKING:
    from .window import MainWindow


def attributes_text(attributes: dict) -> str:
    """One line an attribute: ``category: 思想引领/宣讲, 其他`` (``level (optional): …``)."""
    lines = []
    for name, d in attributes.items():
        optional = " (optional)" if d.get("optional") else ""
        lines.append(f"{name}{optional}: {', '.join(d.get('choices', []))}")
    return "\n".join(lines)


def parse_attributes(text: str, label: str) -> dict:
    out: dict = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        head, colon, rest = line.partition(":")
        if not colon:
            raise InvalidEdit(f"attributes, line {number}: write NAME: CHOICE, CHOICE, …")
        name, optional = head.strip(), False
        if name.endswith("(optional)"):
            name, optional = name[: -len("(optional)")].strip(), True
        choices = [c.strip() for c in rest.replace("，", ",").split(",") if c.strip()]
        out[name] = {"type": "choice", "choices": choices, "optional": optional}
    check_attribute_definitions(label, out)
    return out


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class LabelMenu(QObject):
    """The label schema's entries in the Labels menu, and the window following the schema."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = window
        editable = not window.project.read_only
        self.edit = QAction(window, objectName="editLabels", enabled=editable)
        self.edit.triggered.connect(self.open_editor)
        self.export = QAction(window, objectName="exportSchema")
        self.export.triggered.connect(self.export_schema)
        self.import_ = QAction(window, objectName="importSchema", enabled=editable)
        self.import_.triggered.connect(self.import_schema)
        menu = window.actions_.labels_menu
        menu.addSeparator()
        menu.addActions([self.edit, self.export, self.import_])
        window.undo_stack.indexChanged.connect(lambda _: self.follow())
        self.editor: LabelEditor | None = None

    def retranslate(self) -> None:
        self.edit.setText(self.tr("Edit labels…"))
        self.export.setText(self.tr("Export the label schema…"))
        self.import_.setText(self.tr("Import a label schema…"))

    def follow(self) -> None:
        """The schema may have changed: palette, menu, colours and lists follow it."""
        w = self.w
        if not shiboken6.isValid(w) or (w.document_id is None and not w.isVisible()):
            return  # the window is closing
        labels = w.project.labels()
        if labels == w.labels:
            return
        w.labels = labels
        w.colors.clear()
        w.colors.update({label.name: label.color for label in labels})
        w.actions_.set_labels(labels)
        w.documents.set_filter(w.status_filter.currentData(), w.search.text().strip())  # span counts
        if w.document_id is not None:
            w.open.open(w.document_id)  # its spans and links read again, under their new labels
            w.text_view.viewport().update()
        if self.editor is not None:
            self.editor.reload()

    def open_editor(self) -> None:
        if self.editor is None:
            self.editor = LabelEditor(self.w)
        self.editor.reload()
        self.editor.show()
        self.editor.raise_()

    def export_schema(self) -> None:
        chooser = file_dialog(self.w, "schemaExportChooser", self.tr("Export the label schema"),
                              QFileDialog.FileMode.AnyFile, self.tr("TOML (*.toml)"), save=True)
        chooser.setDefaultSuffix("toml")
        chooser.fileSelected.connect(self.write_schema)
        chooser.open()

    def write_schema(self, name: str) -> None:
        path = Path(name)
        text = schema_toml(self.w.project.labels(), self.w.project.link_types())
        partial = path.with_name(f".{path.name}.partial")
        try:
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            self.w.statusBar().showMessage(self.tr("{0}: cannot write it ({1})").format(path, exc.strerror or exc),
                                           8000)
            return
        self.w.statusBar().showMessage(self.tr("Label schema saved to {0}").format(path), 8000)

    def import_schema(self) -> None:
        chooser = file_dialog(self.w, "schemaImportChooser", self.tr("Import a label schema"),
                              QFileDialog.FileMode.ExistingFile, self.tr("TOML (*.toml)"))
        chooser.fileSelected.connect(self.read_schema)
        chooser.open()

    def read_schema(self, name: str) -> bool:
        try:
            labels = read_schema(Path(name).read_text(encoding="utf-8"), name)
        except (OSError, UnicodeDecodeError, SchemaError) as exc:
            self.w.statusBar().showMessage(str(exc), 10000)
            return False
        return self.w.execute(ImportSchema(labels))


class LabelEditor(QDialog):
    """The labels on the left; the chosen one's fields on the right.  Apply makes
    one undoable change; New starts a label; Remove asks about its spans."""

    def __init__(self, window: MainWindow):
        super().__init__(window, objectName="labelEditor")
        self.w = window
        self.setWindowTitle(self.tr("Edit labels"))
        self.list = QListWidget(objectName="labelList")
        self.list.currentRowChanged.connect(self._chosen)
        self.name = QLineEdit(objectName="name")
        self.zh = QLineEdit(objectName="zh")
        self.en = QLineEdit(objectName="en")
        self.kind = QComboBox(objectName="kind")
        self.kind.addItems(list(KINDS))
        self.color = QLineEdit(objectName="color")
        self.color.setInputMask("\\#HHHHHH")
        pick = QPushButton(self.tr("Choose…"), objectName="pickColor")
        pick.clicked.connect(self._pick_color)
        color_row = QHBoxLayout()
        color_row.addWidget(self.color)
        color_row.addWidget(pick)
        self.hotkey = QLineEdit(objectName="hotkey", maxLength=1)
        self.attributes = QPlainTextEdit(objectName="attributes")
        self.attributes.setPlaceholderText(self.tr("one line an attribute, e.g.\ncategory: 宣讲, 培训\n"
                                                   "level (optional): national, city"))
        self.attributes.setMaximumHeight(110)
        self.problem = QLabel(objectName="problem", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New label"), objectName="newLabel")
        self.apply_button = QPushButton(self.tr("Apply"), objectName="apply")
        self.remove_button = QPushButton(self.tr("Remove…"), objectName="remove")
        close = QPushButton(self.tr("Close"), objectName="close")
        for b in (self.new_button, self.apply_button, self.remove_button, close):
            buttons.addWidget(b)
        self.new_button.clicked.connect(self.start_new)
        self.apply_button.clicked.connect(self.apply)
        self.remove_button.clicked.connect(self.remove)
        close.clicked.connect(self.accept)
        form_box = QWidget()
        form = QFormLayout(form_box)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Chinese name"), self.zh)
        form.addRow(self.tr("English name"), self.en)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Colour"), color_row)
        form.addRow(self.tr("Hotkey"), self.hotkey)
        form.addRow(self.tr("Attributes"), self.attributes)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addWidget(form_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.editing: str | None = None  # the label the form shows; None: a new one
        self.resize(720, 420)

    def reload(self) -> None:
        keep = self.editing
        self.list.blockSignals(True)
        self.list.clear()
        for label in self.w.project.labels():
            item = QListWidgetItem(swatch(label.color), f"{label.name}  {label.zh}")
            item.setData(Qt.ItemDataRole.UserRole, label.name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        self.list.setCurrentRow(names.index(keep) if keep in names else (0 if names else -1))
        self._chosen(self.list.currentRow())

    def _chosen(self, row: int) -> None:
        item = self.list.item(row) if row >= 0 else None
        if item is None:
            return
        label = self.w.project.label(item.data(Qt.ItemDataRole.UserRole))
        self.editing = label.name
        self._show(label)

    def _show(self, label: Label) -> None:
        self.name.setText(label.name)
        self.zh.setText(label.zh)
        self.en.setText(label.en)
        self.kind.setCurrentText(label.kind)
        self.color.setText(label.color)
        self.hotkey.setText(label.hotkey or "")
        self.attributes.setPlainText(attributes_text(label.attributes))
        self.problem.clear()
        self.remove_button.setEnabled(self.editing is not None)

    def start_new(self) -> None:
        self.editing = None
        self.list.clearSelection()
        self._show(Label("", "entity", "", "", "#808080"))
        self.name.setFocus()

    def _pick_color(self) -> None:
        dialog = QColorDialog(QColor(self.color.text()), self, objectName="colorDialog")
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        dialog.colorSelected.connect(lambda c: self.color.setText(c.name()))
        dialog.open()

    def form_label(self) -> Label:
        name = self.name.text().strip()
        return Label(name, self.kind.currentText(), self.zh.text().strip(), self.en.text().strip(),
                     self.color.text().lower(), self.hotkey.text().strip() or None,
                     parse_attributes(self.attributes.toPlainText(), name))

    def _check(self, label: Label) -> str | None:
        """What the store would refuse, said here without a message box."""
        if not label.name or not label.name.replace("_", "").replace("-", "").isalnum():
            return self.tr("A label name needs letters or digits")
        if not QColor.isValidColorName(label.color) or len(label.color) != 7:
            return self.tr("The colour must be #RRGGBB")
        for other in self.w.project.labels():
            if other.name == self.editing:
                continue
            if other.name == label.name:
                return self.tr("There is already a label {0}").format(label.name)
            if label.hotkey and other.hotkey == label.hotkey:
                return self.tr("Hotkey {0} already belongs to {1}").format(label.hotkey, other.name)
        return None

    def apply(self) -> bool:
        try:
            label = self.form_label()
        except InvalidEdit as exc:
            self.problem.setText(str(exc))
            return False
        problem = self._check(label)
        if problem:
            self.problem.setText(problem)
            return False
        if self.editing is None:
            command = AddLabel(label)
        elif label == self.w.project.label(self.editing):
            return True
        else:
            command = UpdateLabel(self.editing, label)
        self.editing = label.name
        if not self.w.execute(command):
            return False
        self.problem.clear()
        self.reload()
        return True

    def remove(self) -> None:
        if self.editing is None:
            return
        count = self.w.project.spans_by_label().get(self.editing, 0)
        if not count:
            self._remove(None)
            return
        others = [label.name for label in self.w.project.labels() if label.name != self.editing]
        dialog = RemoveLabelDialog(self, self.editing, count, others)
        dialog.accepted.connect(lambda: self._remove(dialog.relabel_to()))
        self._asking = dialog
        dialog.open()

    def _remove(self, relabel_to: str | None) -> None:
        name, self.editing = self.editing, None
        self.w.execute(RemoveLabel(name, relabel_to))
        self.reload()


class RemoveLabelDialog(QDialog):
    """A label in use: delete its spans, or move them to another label."""

    def __init__(self, parent: QWidget, name: str, count: int, others: list[str]):
        super().__init__(parent, objectName="removeLabelDialog")
        self.setWindowTitle(self.tr("Remove label {0}").format(name))
        text = QLabel(self.tr("{0} spans carry the label {1}. What happens to them?").format(count, name),
                      textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.delete = QRadioButton(self.tr("Delete the {0} spans").format(count), objectName="deleteSpans")
        self.move = QRadioButton(self.tr("Relabel them to:"), objectName="relabelSpans")
        self.target = QComboBox(objectName="relabelTarget")
        self.target.addItems(others)
        group = QButtonGroup(self)
        group.addButton(self.delete)
        group.addButton(self.move)
        self.move.setChecked(bool(others))
        self.delete.setChecked(not others)
        self.move.setEnabled(bool(others))
        row = QHBoxLayout()
        row.addWidget(self.move)
        row.addWidget(self.target)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.delete)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def relabel_to(self) -> str | None:
        return self.target.currentText() if self.move.isChecked() else None
