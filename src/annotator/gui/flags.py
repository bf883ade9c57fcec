"""What the status bar adds when a document has spots the normalizer flagged
but could not repair with certainty (a splice, GBK byte loss, a run decoded one
byte off), so the annotator knows to look before tagging there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def note(project, document_id: int) -> str:
    spots = project.uncertain_spots(document_id)
    if not spots:
        return ""
    parts = []
    for s in spots.get("byte_loss", []):
        parts.append(QCoreApplication.translate("flags", "{0} probably was {1} (bytes lost)").format(
            s["found"], s["probably"]))
    for s in spots.get("shifted_runs", []):
        parts.append(QCoreApplication.translate("flags", "{0} reads {1} one byte on").format(
            s["found"], s["realigned"]))
    for _ in spots.get("splices", []):
        parts.append(QCoreApplication.translate("flags", "an unrepaired splice"))
    return QCoreApplication.translate("flags", "To check: {0}").format("; ".join(parts))
