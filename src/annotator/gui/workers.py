"""Work the window must never wait for, on a worker thread: jieba's word
boundaries for snapping.  Results come back as a Qt signal, so they arrive on
the GUI thread between events; a result for a document no longer shown is
kept in a small cache for when it comes back."""

from __future__ import annotations

from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from ..suggest.words import word_boundaries


class WordBoundaries(QObject):
    ready = Signal(int)  # a document id whose boundaries are now known
    KEEP = 8

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="words")
        self._known: OrderedDict[int, list[int]] = OrderedDict()
        self._pending: set[int] = set()
        self._done.connect(self._store)

    _done = Signal(int, object)

    def request(self, document_id: int, text: str) -> None:
        """Compute a document's boundaries unless known or under way."""
        if document_id in self._known or document_id in self._pending:
            return
        self._pending.add(document_id)
        future: Future = self._pool.submit(word_boundaries, text)
        future.add_done_callback(lambda f: self._done.emit(document_id, f))

    def boundaries(self, document_id: int) -> list[int] | None:
        return self._known.get(document_id)

    def _store(self, document_id: int, future: Future) -> None:
        self._pending.discard(document_id)
        if future.exception() is not None:
            return  # snapping is a help: without boundaries the selection is taken as it is
        self._known[document_id] = future.result()
        while len(self._known) > self.KEEP:
            self._known.popitem(last=False)
        self.ready.emit(document_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
