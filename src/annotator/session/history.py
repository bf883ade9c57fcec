"""The undo history: done steps, plain Python (like glue's ``CommandStack``), so
undo and redo are testable without a QApplication; the window shows it through
a thin Qt adapter (gui/history.py).

A step is one or more commands that were done together (an edit and the status
change it brought): undo takes them back in reverse order, redo does them again
in order.  Running a command goes through ``run(step, command)``, the caller's
hook that catches the store's errors and tells the views; a step that fails
there is still counted as undone or redone, as Qt's undo stack does."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .commands import Command

Runner = Callable[[Callable, Command], object]  # (command.do or command.undo, command)
Listener = Callable[[], None]


class History:
    def __init__(self, project, run: Runner | None = None):
        self._run = run or (lambda step, _command: step(project))
        self._steps: list[tuple[Command, ...]] = []
        self._index = 0  # steps below it are done
        self._clean: int | None = 0
        self._listeners: list[Listener] = []

    # what it holds --------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._steps)

    @property
    def index(self) -> int:
        return self._index

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._steps)

    def undo_step(self) -> tuple[Command, ...] | None:
        """The commands the next undo takes back (the first one names the step)."""
        return self._steps[self._index - 1] if self.can_undo() else None

    def redo_step(self) -> tuple[Command, ...] | None:
        return self._steps[self._index] if self.can_redo() else None

    def is_clean(self) -> bool:
        return self._clean == self._index

    def set_clean(self) -> None:
        self._clean = self._index
        self._changed()

    # changing it ----------------------------------------------------------------------
    def push(self, commands: Sequence[Command]) -> None:
        """Record a step that has been done already; the steps that could be redone are dropped."""
        if self._clean is not None and self._clean > self._index:
            self._clean = None  # the clean state was among the dropped steps: it can no longer be reached
        del self._steps[self._index:]
        self._steps.append(tuple(commands))
        self._index += 1
        self._changed()

    def undo(self) -> None:
        if not self.can_undo():
            return
        for command in reversed(self._steps[self._index - 1]):
            self._run(command.undo, command)
        self._index -= 1
        self._changed()

    def redo(self) -> None:
        if not self.can_redo():
            return
        for command in self._steps[self._index]:
            self._run(command.do, command)
        self._index += 1
        self._changed()

    def clear(self) -> None:
        self._steps.clear()
        self._index, self._clean = 0, 0
        self._changed()

    # who is told ----------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """``listener()`` is called after every push, undo, redo, clear or clean mark."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()
