"""Long work off the GUI thread: a pure function with a progress callback runs on
a thread of its own; its progress, result or error come back as Qt signals, so
they arrive on the GUI thread between events.  Cancelling makes the next
progress call raise :class:`Cancelled`, which the function lets through after
undoing what it had half done (an import between batches, an export's partial
file), so the caller sees exactly what was finished."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..store import ProjectError


class Cancelled(Exception):
    """The user cancelled; what was committed before stays."""


class Job(QObject):
    progressed = Signal(int, int, str)  # done, total, the current item ("" when unknown)
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # one line for the user
    cancelled = Signal()
    INTERVAL = 0.05  # seconds between progress signals: the GUI thread is not flooded

    def __init__(self, work: Callable[[Job], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._last = 0.0
        self.current = ""
        self.started_at = 0.0

    def start(self) -> None:
        self.started_at = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="job", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    # called on the worker thread -------------------------------------------------------
    def progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if done >= total or now - self._last >= self.INTERVAL:
            self._last = now
            self.progressed.emit(done, total, self.current)

    def set_current(self, item: str) -> None:
        self.current = item

    def _run(self) -> None:
        try:
            result = self._work(self)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - shown as one line; the work undid its own half
            self.failed.emit(_one_line(exc))
        else:
            self.finished.emit(result)


def _one_line(exc: Exception) -> str:
    from ..exchange import ChangedWhileReading, ExportError, SplitError  # loaded with the work already

    if isinstance(exc, ProjectError | ExportError | SplitError | ChangedWhileReading):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")
    return f"{type(exc).__name__}: {exc}"
