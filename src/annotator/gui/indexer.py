"""Fills the search index in idle time, a slice at a time, so documents
imported without it (see ``Project.index_text``) become fast to search while
the annotator works.  Each slice is one short transaction on the GUI thread:
the store has one connection, and a slice of about 200,000 characters takes
a few tens of milliseconds."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ..store import Project, ProjectError


class IdleIndexer(QObject):
    SLICE_CHARS = 200_000
    PAUSE_MS = 50  # between slices: keystrokes and paints come first

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._timer = QTimer(self, singleShot=True, interval=self.PAUSE_MS)
        self._timer.timeout.connect(self._slice)
        self.remaining = 0 if project.read_only else project.unindexed_count()

    def start(self) -> None:
        if self.remaining:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _slice(self) -> None:
        try:
            self.remaining = self._project.index_text(self.SLICE_CHARS)
        except ProjectError:
            self.remaining = 0  # the disk or the lock: searches scan instead, nothing is lost
            return
        if self.remaining:
            self._timer.start()
