"""The preferences dialog: who is annotating, text size, snapping, language.
It only reads and returns values; the window applies and keeps them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox

from .i18n import LANGUAGES


@dataclass
class Preferences:
    annotator: str
    font_size: int
    snap_to_words: bool
    language: str


class PreferencesDialog(QDialog):
    def __init__(self, current: Preferences, parent=None):
        super().__init__(parent, objectName="preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.annotator = QLineEdit(current.annotator, objectName="annotatorName")
        self.font_size = QSpinBox(objectName="fontSize", minimum=8, maximum=40, value=current.font_size)
        self.snap = QCheckBox(self.tr("Widen selections to whole words (jieba)"), objectName="snapToWords")
        self.snap.setChecked(current.snap_to_words)
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Annotator name"), self.annotator)
        form.addRow(self.tr("Text size"), self.font_size)
        form.addRow("", self.snap)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(buttons)

    def value(self) -> Preferences:
        return Preferences(self.annotator.text().strip(), self.font_size.value(), self.snap.isChecked(),
                           self.language.currentData())
