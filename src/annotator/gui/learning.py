"""Suggestions → Next most uncertain, and Suggestions → Settings (which suggesters
are on, the confidence floor).  The controller does the work; this module only
adds the actions and the dialog to the window."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout

from ..suggest import SUGGESTERS
from .suggestions import SuggestionController

NAMES = (*SUGGESTERS, "tagger")


class SuggestionSettingsDialog(QDialog):
    """Which suggesters are on and the confidence below which nothing is shown."""

    def __init__(self, off: tuple[str, ...], floor: float, parent=None):
        super().__init__(parent, objectName="suggestionSettings")
        self.setWindowTitle(self.tr("Suggestion settings"))
        form = QFormLayout(self)
        descriptions = {
            "learned": self.tr("Words this project's annotators tagged"),
            "lexicon": self.tr("The domain lexicon"),
            "programs": self.tr("Program names"),
            "dates": self.tr("Dates"),
            "jieba": self.tr("jieba's word tags"),
            "general": self.tr("The general model (LAC)"),
            "tagger": self.tr("This project's tagger, trained on its spans"),
        }
        self.boxes: dict[str, QCheckBox] = {}
        for name in NAMES:
            box = QCheckBox(descriptions.get(name, name), objectName=f"suggester_{name}")
            box.setChecked(name not in off)
            self.boxes[name] = box
            form.addRow(name, box)
        self.floor = QDoubleSpinBox(objectName="confidenceFloor", minimum=0.05, maximum=0.99, singleStep=0.05,
                                    decimals=2, value=floor)
        form.addRow(self.tr("Confidence floor"), self.floor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[tuple[str, ...], float]:
        return tuple(n for n, box in self.boxes.items() if not box.isChecked()), round(self.floor.value(), 2)


class LearningActions(QObject):
    """The two actions, in the window's Suggestions menu."""

    def __init__(self, window, menu, controller: SuggestionController):
        super().__init__(window)
        self.window, self.controller = window, controller
        self.uncertain = QAction(window, objectName="mostUncertainSuggestion")
        self.uncertain.setShortcut(QKeySequence("Ctrl+U"))
        self.uncertain.triggered.connect(self.next_most_uncertain)
        self.settings = QAction(window, objectName="suggestionSettingsAction")
        self.settings.triggered.connect(self.edit_settings)
        menu.addSeparator()
        menu.addActions([self.uncertain, self.settings])
        window.addAction(self.uncertain)
        documents = getattr(window, "documents", None)  # the document list's "To learn from" column
        if documents is not None:
            controller.documentsScored.connect(lambda ids: [documents.refresh_document(i) for i in ids])
        self.retranslate()

    def retranslate(self) -> None:
        self.uncertain.setText(self.tr("Next most uncertain"))
        self.settings.setText(self.tr("Suggestion settings…"))

    def next_most_uncertain(self) -> None:
        chosen = self.controller.most_uncertain()
        if chosen is not None:
            self.controller.select(chosen)

    def edit_settings(self) -> None:
        dialog = SuggestionSettingsDialog(*self.controller.settings, parent=self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.controller.configure(*dialog.values())
