"""Accept all suggestions of a label: the list first, each with a checkbox, so a
false positive can be left out; the checked ones are accepted as one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from ..suggest import Suggestion
from .plain import tip
from .reasons import reason_text, suggester_name


class SuggestionListDialog(QDialog):
    CONTEXT = 12  # characters shown each side

    def __init__(self, label: str, suggestions: list[Suggestion], text: str, parent=None):
        super().__init__(parent, objectName="acceptLabelDialog")
        self.suggestions = suggestions
        self.setWindowTitle(self.tr("Accept suggestions"))
        heading = QLabel(self.tr("Accept the checked {0} suggestions of this document:").format(label),
                         objectName="acceptLabelHeading")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(objectName="acceptLabelList")
        for s in suggestions:
            before = text[max(0, s.start - self.CONTEXT):s.start]
            after = text[s.end:s.end + self.CONTEXT]
            item = QListWidgetItem(f"…{before}【{text[s.start:s.end]}】{after}…".replace("\n", " "))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(tip(self.tr("{0} ({1}: {2})").format(s.label, suggester_name(s.suggester),
                                                                reason_text(s.reason) if s.reason else "…")))
            self.list.addItem(item)
        if suggestions:
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.list, buttons):
            layout.addWidget(widget)
        self.list.setFocus()
        self.resize(560, 420)

    def checked(self) -> list[Suggestion]:
        return [s for i, s in enumerate(self.suggestions)
                if self.list.item(i).checkState() == Qt.CheckState.Checked]
