"""Edit → Apply region decisions to this source (Ctrl+Alt+E): the lines this
document's annotator excluded or included by hand, carried to the other
documents of the same source as one undoable step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..session.propagate import ApplyRegionProposals, proposals_for



def apply_to_source(window) -> None:
    if window.document_id is None:
        return
    proposals = proposals_for(window.project, window.document_id)
    if not proposals:
        message = QCoreApplication.translate(
            "propagate", "No other document of this source has the lines decided by hand here")
        window.statusBar().showMessage(message, 6000)
        return
    command = ApplyRegionProposals(window.document_id, tuple(proposals))
    if window.execute(command):
        window.statusBar().showMessage(
            QCoreApplication.translate("propagate", "Applied {0} region decisions to {1} documents of this source")
            .format(len(proposals), len(command.document_ids)), 6000)
