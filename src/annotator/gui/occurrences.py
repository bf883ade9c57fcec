"""Tag all occurrences: the same text, with the same label, in this document or
across the corpus, shown first with a count and a preview, applied as one
undoable command.  The finding is :func:`annotator.session.find_occurrences`;
this is its dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QRadioButton,
    QVBoxLayout,
)

from ..session import Occurrence, TagOccurrences, find_occurrences
from ..store import Project, Span


class OccurrencesDialog(QDialog):
    PREVIEW = 200  # rows shown; every occurrence is tagged

    def __init__(self, project: Project, span: Span, parent=None):
        super().__init__(parent, objectName="occurrencesDialog")
        self.span = span
        self.here = list(find_occurrences(project, span.text, span.label, document_id=span.document_id))
        self.everywhere = list(find_occurrences(project, span.text, span.label))
        documents = len({o.document_id for o in self.everywhere})
        self.setWindowTitle(self.tr("Tag all occurrences"))
        heading = QLabel(self.tr("Tag “{0}” as {1} where it is not tagged yet:").format(span.text, span.label),
                         objectName="occurrencesHeading", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.this_document = QRadioButton(self.tr("This document: {0}").format(len(self.here)),
                                          objectName="scopeDocument")
        self.whole_corpus = QRadioButton(self.tr("The whole corpus: {0} in {1} documents").format(
            len(self.everywhere), documents), objectName="scopeCorpus")
        self.this_document.setChecked(True)
        self.preview = QListWidget(objectName="occurrencePreview")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.this_document, self.whole_corpus, self.preview, buttons):
            layout.addWidget(widget)
        self.this_document.toggled.connect(self._fill)
        self._fill()
        self.resize(640, 480)

    def chosen(self) -> list[Occurrence]:
        return self.here if self.this_document.isChecked() else self.everywhere

    def command(self) -> TagOccurrences | None:
        found = self.chosen()
        if not found:
            return None
        return TagOccurrences(self.span.label, [(o.document_id, o.start, o.end) for o in found],
                              document_id=self.span.document_id)

    def _fill(self) -> None:
        self.preview.clear()
        found = self.chosen()
        untitled = self.tr("(untitled)")
        for o in found[:self.PREVIEW]:
            context = f"…{o.before}【{self.span.text}】{o.after}…".replace("\n", " ")
            self.preview.addItem(f"{o.title or untitled} — {context}")
        if len(found) > self.PREVIEW:
            self.preview.addItem(self.tr("… and {0} more").format(len(found) - self.PREVIEW))
