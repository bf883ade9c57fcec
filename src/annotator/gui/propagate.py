"""Edit → Apply region decisions to this source (Ctrl+Alt+E): the lines this
document's annotator excluded or included by hand, proposed for the other
documents of the same source.  The proposals are looked for on a worker thread
with its own read-only connection (:class:`.reader.ProjectReader`) while a
dialog waits; it lists each proposed line with its document's title, checked,
and Enter applies the checked ones as one undoable step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout

from ..normalize.propagate import RegionProposal
from ..session.propagate import ApplyRegionProposals, proposals_for
from .plain import label
from .reader import ProjectReader


def titled_proposals(project, document_id: int) -> list[tuple[RegionProposal, str]]:
    """The proposals for ``document_id``'s source, each with its document's title:
    a query for the reader's thread."""
    proposals = proposals_for(project, document_id)
    titles: dict[int, str] = {}
    for p in proposals:
        if p.document_id not in titles:
            info = project.document_info(p.document_id)
            titles[p.document_id] = (info.title or info.source_file) if info is not None else ""
    return [(p, titles[p.document_id]) for p in proposals]


class ProposalsDialog(QDialog):
    """The proposals, one checkable row each; OK (Enter) applies the checked ones."""

    def __init__(self, window, document_id: int):
        super().__init__(window, objectName="regionProposalsDialog")
        self.document_id = document_id
        self.proposals: list[RegionProposal] | None = None  # None while they are looked for
        self.setWindowTitle(self.tr("Apply region decisions to this source"))
        self.heading = label(self.tr("Looking for the lines decided here in the other documents of this source…"),
                             objectName="proposalsHeading", wordWrap=True)
        self.list = QListWidget(objectName="proposalList")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.list, self.buttons):
            layout.addWidget(widget)
        self.resize(640, 420)
        self.reader = ProjectReader(window.project.path, self)
        self.reader.submit(lambda project: titled_proposals(project, document_id), self._arrived, self._failed)
        self.finished.connect(lambda _result: self.reader.shutdown())

    def _arrived(self, found: list[tuple[RegionProposal, str]]) -> None:
        self.proposals = [p for p, _ in found]
        if not found:
            self.heading.setText(self.tr("No other document of this source has the lines decided by hand here"))
            return
        documents = len({p.document_id for p in self.proposals})
        self.heading.setText(self.tr("{0} lines in {1} documents; the checked ones are applied:").format(
            len(found), documents))
        untitled = self.tr("(untitled)")
        for p, title in found:
            verb = self.tr("exclude") if p.excluded else self.tr("include")
            item = QListWidgetItem(f"{verb}: {title or untitled} — {p.text}")  # an item's text is plain
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.ok.setEnabled(True)
        self.ok.setDefault(True)  # showing the dialog with OK disabled made another button the default
        self.ok.setFocus()

    def keyPressEvent(self, event) -> None:
        # Enter applies wherever the focus is in the dialog (the list passes it up)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            if self.ok.isEnabled():
                self.accept()
            return
        super().keyPressEvent(event)

    def _failed(self, error: BaseException) -> None:
        self.heading.setText(self.tr("Could not read the other documents: {0}").format(error))

    def checked(self) -> list[RegionProposal]:
        if self.proposals is None:
            return []
        return [p for i, p in enumerate(self.proposals)
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def command(self) -> ApplyRegionProposals | None:
        chosen = self.checked()
        return ApplyRegionProposals(self.document_id, tuple(chosen)) if chosen else None


def apply_to_source(window) -> None:
    if window.document_id is None:
        return
    dialog = ProposalsDialog(window, window.document_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: _apply(window, dialog))
    dialog.open()


def _apply(window, dialog: ProposalsDialog) -> None:
    command = dialog.command()
    if command is None:
        return
    if window.execute(command):
        window.statusBar().showMessage(
            QCoreApplication.translate("propagate", "Applied {0} region decisions to {1} documents of this source")
            .format(len(command.proposals), len(command.document_ids)), 6000)
