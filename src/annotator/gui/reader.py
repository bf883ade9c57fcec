"""Reads a view must not wait for, on a worker thread with its own read-only
connection (:func:`annotator.store.open_reader`; an SQLite connection belongs to
the thread that made it).  A query is a function of a :class:`Project` that
returns plain data; its result comes back to the GUI thread as a queued signal,
the pattern of :mod:`.workers`."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ..store import Project, open_reader


class ProjectReader(QObject):
    _done = Signal(object, object, object)  # callback, on failure, the future

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._path = path
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader")
        self._project: Project | None = None  # touched on the worker thread only
        self._closed = False
        self._pending: set[Future] = set()
        self._done.connect(self._deliver)

    def submit(self, query: Callable[[Project], Any], callback: Callable[[Any], None],
               failed: Callable[[BaseException], None] | None = None) -> Future:
        """Run ``query`` on the worker; ``callback(result)`` (or ``failed(error)``)
        runs on the GUI thread, unless the reader was shut down meanwhile."""
        future = self._pool.submit(self._run, query)
        self._pending.add(future)
        future.add_done_callback(lambda f: self._emit(callback, failed, f))
        return future

    def _run(self, query: Callable[[Project], Any]) -> Any:
        if self._project is None:
            self._project = open_reader(self._path)
        return query(self._project)

    def _emit(self, callback, failed, future: Future) -> None:
        self._pending.discard(future)
        if self._closed:
            return
        try:
            self._done.emit(callback, failed, future)
        except RuntimeError:  # the view is gone
            pass

    def _deliver(self, callback, failed, future: Future) -> None:
        if self._closed or future.cancelled():
            return
        error = future.exception()
        if error is None:
            callback(future.result())
        elif failed is not None:
            failed(error)

    def _close(self) -> None:
        if self._project is not None:
            self._project.close()
            self._project = None

    def shutdown(self) -> None:
        """Drop the queries still waiting; one under way finishes on its own, then
        the connection closes on its thread."""
        if self._closed:
            return
        self._closed = True
        for future in list(self._pending):
            future.cancel()
        self._pool.submit(self._close)
        self._pool.shutdown(wait=False)


def closable(window: QWidget) -> QAction:
    """Esc and Ctrl+W close ``window`` (a window beside the annotator's: catalog,
    statistics, guidelines, the keyboard sheet)."""
    action = QAction(window, objectName="closeWindow")
    action.setShortcuts([QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(window.close)
    window.addAction(action)
    return action


class ReaderWindow(QWidget):
    """A window of its own beside the annotator window that reads the project on
    its reader's thread: it reads again each time it is opened, follows the
    language, and ends its reader with the window (``shutdown``)."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.reader = ProjectReader(path, self)
        closable(self)

    def refresh(self) -> None:
        raise NotImplementedError

    def _retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()  # opened (again): the project may have changed meanwhile

    def shutdown(self) -> None:
        self.reader.shutdown()
