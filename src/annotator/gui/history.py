"""The undo history as the window's actions see it: Qt signals over the plain
:class:`annotator.session.history.History`, with the names of ``QUndoStack``
(``undo``, ``redo``, ``count``, ``index``, ``canUndo``…) so the actions bind to
it as they would to Qt's stack.  It keeps no state of its own."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from ..session import Command
from ..session.history import History


class UndoHistory(QObject):
    indexChanged = Signal(int)
    canUndoChanged = Signal(bool)
    canRedoChanged = Signal(bool)
    cleanChanged = Signal(bool)

    def __init__(self, history: History, parent: QObject | None = None):
        super().__init__(parent)
        self.history = history
        self._seen = self._state()
        history.subscribe(self._changed)

    def _state(self) -> tuple[int, bool, bool, bool]:
        h = self.history
        return h.index, h.can_undo(), h.can_redo(), h.is_clean()

    def _changed(self) -> None:
        before, self._seen = self._seen, self._state()
        index, can_undo, can_redo, clean = self._seen
        self.indexChanged.emit(index)  # a push after an undo keeps the index, and is a change all the same
        for signal, old, new in ((self.canUndoChanged, before[1], can_undo), (self.canRedoChanged, before[2], can_redo),
                                 (self.cleanChanged, before[3], clean)):
            if old != new:
                signal.emit(new)

    def push(self, commands: Sequence[Command]) -> None:
        self.history.push(commands)

    def undo(self) -> None:
        self.history.undo()

    def redo(self) -> None:
        self.history.redo()

    def clear(self) -> None:
        self.history.clear()

    def setClean(self) -> None:
        self.history.set_clean()

    def isClean(self) -> bool:
        return self.history.is_clean()

    def count(self) -> int:
        return len(self.history)

    def index(self) -> int:
        return self.history.index

    def canUndo(self) -> bool:
        return self.history.can_undo()

    def canRedo(self) -> bool:
        return self.history.can_redo()
