"""Suggestions in the window: computed in a worker process, shown as outlines,
accepted or rejected with a key.

jieba holds the GIL while it cuts, so the suggesters run in one spawned worker
process (:mod:`annotator.suggest.worker`), started on the first request, never
at start-up.  The window gathers plain data on the GUI thread (the text, its
spans, rejections and excluded regions, the learned lexicon when its version
changed) and the answer comes back as a queued Qt signal.  Results are cached
per document with the inputs they were computed from: a cached list is still
right, once filtered, while the document has only gained spans and rejections
since; otherwise (a span deleted, a region changed, a new lexicon) it is
computed again.  What is drawn is filtered against the span list and the
rejections at paint time, so an accepted or rejected suggestion goes at once.
The project's tagger is reloaded or trained in the worker (``worker.learn``)
when the worker starts and 5 s after the last edit of spans; a new tagger
empties the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from .. import __version__
from ..session import AcceptSuggestions, Command, RejectSuggestions
from ..store import Project, ProjectError
from ..suggest import MIN_SCORE, Lexicon, Suggestion, project_lexicon
from ..suggest import worker
from .models import SpanListModel
from .reader import ProjectReader
from .suggestion_list import SuggestionListDialog
from .textview import AnnotatedTextView

Key = tuple[int, int, str]


@dataclass(frozen=True)
class _Inputs:
    """What one computation of a document's suggestions was given."""

    version: str
    spans: frozenset[Key]
    rejected: frozenset[Key]
    excluded: tuple[tuple[int, int], ...]

    def still_right_for(self, now: "_Inputs") -> bool:
        """Suggestions computed from ``self`` are right for ``now`` once filtered:
        since then the document only gained spans and rejections."""
        return (self.version == now.version and self.excluded == now.excluded
                and self.spans <= now.spans and self.rejected <= now.rejected)


@dataclass(frozen=True)
class _Request:
    document_id: int
    text: str
    inputs: _Inputs
    lexicon: Lexicon


@dataclass(frozen=True)
class _Entry:
    inputs: _Inputs
    suggestions: list[Suggestion]


class SavedSuggestions:
    """The last session's suggestions of a project, in the user's cache folder: a
    document opened again shows them at once, while the worker starts (jieba
    takes a second or two), and they are checked against the spans, rejections
    and lexicon of now as soon as the lexicon is read, like those cached in
    memory.  Kept per document with a hash of its text; any doubt about the file
    (another version, damage) means starting without it."""

    FORMAT = 1

    def __init__(self, project_path):
        key = hashlib.sha256(str(Path(project_path).resolve()).encode("utf-8")).hexdigest()[:24]
        self.path = platformdirs.user_cache_path("annotator", appauthor=False) / "suggestions" / f"{key}.json"
        self._entries: dict[int, tuple[str, _Entry]] | None = None

    @staticmethod
    def _hash(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def take(self, document_id: int, text: str) -> _Entry | None:
        if self._entries is None:
            self._entries = self._load()
        found = self._entries.pop(document_id, None)
        return found[1] if found is not None and found[0] == self._hash(text) else None

    def _load(self) -> dict[int, tuple[str, _Entry]]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if data.get("format") != self.FORMAT or data.get("app") != __version__:
                return {}
            out = {}
            for d in data["documents"]:
                i = d["inputs"]
                inputs = _Inputs(i["version"], frozenset(tuple(k) for k in i["spans"]),
                                 frozenset(tuple(k) for k in i["rejected"]), tuple(tuple(e) for e in i["excluded"]))
                out[int(d["id"])] = (d["text"], _Entry(inputs, [Suggestion(**s) for s in d["suggestions"]]))
            return out
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}

    def save(self, cache: OrderedDict[int, _Entry], texts: dict[int, str]) -> None:
        documents = [{"id": doc, "text": self._hash(texts[doc]),
                      "inputs": {"version": e.inputs.version, "spans": sorted(e.inputs.spans),
                                 "rejected": sorted(e.inputs.rejected), "excluded": list(e.inputs.excluded)},
                      "suggestions": [asdict(s) for s in e.suggestions]}
                     for doc, e in cache.items() if doc in texts]
        if not documents:
            return
        try:  # beside, then renamed: a reader never sees half a file
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            tmp.write_text(json.dumps({"format": self.FORMAT, "app": __version__, "documents": documents},
                                      ensure_ascii=False), "utf-8")
            os.replace(tmp, self.path)
        except OSError:
            pass  # a help only: the next start computes them again


class _Relay(QObject):
    """Carries a finished future from the pool's thread to the GUI thread."""

    done = Signal(object, object)  # _Request, Future
    learned = Signal(object)  # Future of worker.learn
    ready = Signal()  # the worker has loaded jieba
    scored = Signal(object)  # Future of worker.uncertainties


_prestarted: worker.Started | None = None


def prestart(pool: worker.Started | None = None) -> None:
    """Start the worker before the window is built (the app's start), so jieba
    loads while Qt starts, or hand over ``pool``, started even earlier; the
    window's controller takes it over."""
    global _prestarted
    if pool is not None and _prestarted is None:
        _prestarted = pool
    if _prestarted is None:
        try:
            _prestarted = worker.start_pool()
        except (OSError, RuntimeError):
            _prestarted = None


def drop_prestarted() -> None:
    global _prestarted
    started, _prestarted = _prestarted, None
    if started is not None:
        _end(started.pool, wait=0)


def _end(pool: ProcessPoolExecutor, wait: float) -> None:
    """Shut a pool down without waiting for a cut under way (or jieba loading)."""
    # private, but Python 3.11 has no other way to end a cut under way (3.14: terminate_workers)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=wait)
        if process.is_alive():
            process.terminate()
            process.join(timeout=5)


class SuggestionController(QObject):
    changed = Signal()  # the suggestions shown changed
    loadingChanged = Signal(bool)  # the worker is starting (jieba loading): nothing to show yet
    DEBOUNCE_MS = 300
    KEEP = 32  # documents whose suggestions are cached
    RETRIES = 2  # a worker that keeps dying is given up on
    documentsScored = Signal(list)  # ids of documents whose "most to learn from" was stored
    SCORE_BATCH = 4  # documents scored per task: a few seconds at most, so suggestions wait little
    LEARN_MS = 5000  # the tagger is trained again this long after the last edit of spans

    def __init__(self, project: Project, spans: SpanListModel, view: AnnotatedTextView, labels: set[str],
                 execute: Callable[[Command], bool], parent: QObject | None = None):
        super().__init__(parent)
        self._project, self._spans, self._view, self._labels = project, spans, view, labels
        self._execute = execute
        self.enabled = QSettings().value("view/show_suggestions", True, type=bool)
        self._pool: ProcessPoolExecutor | None = None
        self._sent_version: str | None = None
        self._running: _Request | None = None
        self._waiting: _Request | None = None
        self._failures = 0
        self._closed = False
        self.loading = False
        self._cache: OrderedDict[int, _Entry] = OrderedDict()
        self._texts: dict[int, str] = {}  # the texts the cached suggestions are of (their hashes are saved)
        self._saved = SavedSuggestions(project.path)
        self._lexicon: Lexicon | None = None
        self._lexicon_age = 0  # bumped when spans change: a lexicon read before is stale
        self._lexicon_reading = False
        self._reader: ProjectReader | None = None  # the learned lexicon is one GROUP BY over all spans
        self._document_id: int | None = None
        self._text = ""
        self._shown: list[Suggestion] = []
        self._ends: list[int] = []
        self._relay = _Relay()
        self._relay.done.connect(self._finished)
        self._relay.learned.connect(self._learned)
        self._relay.scored.connect(self._scored)
        self._tagger_key: str | None = None
        self._learn_timer = QTimer(self, singleShot=True, interval=self.LEARN_MS)
        self._learn_timer.timeout.connect(self._learn)
        self._relay.ready.connect(lambda: self._closed or self._set_loading(False))
        self._timer = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.changed.connect(view.viewport().update)

    # what the window tells it ----------------------------------------------------------
    def show_document(self, document_id: int | None, text: str = "") -> None:
        """A document was opened: show its cached suggestions, then bring them up to date."""
        self._document_id, self._text = document_id, text
        entry = self._cache.get(document_id) if document_id is not None else None
        if entry is None and document_id is not None:  # from the last session: shown now, checked soon
            entry = self._saved.take(document_id, text)
            if entry is not None:
                self._cache[document_id] = entry
                self._texts[document_id] = text
        self._set_shown(entry.suggestions if entry and self.enabled else [])
        if self.enabled and document_id is not None:
            self.start_worker()
            QTimer.singleShot(0, self, self.refresh)  # after the window has painted the text

    @property
    def _rejected(self) -> frozenset[Key]:
        return self._spans.document.rejections  # the open document's, reread after each command on it

    def command_ran(self, command: Command) -> None:
        """A command was done or undone: hide what it decided now, recompute soon."""
        documents = command.document_ids
        if command.span_ids or len(documents) > 1:
            self._lexicon = None  # spans teach the learned lexicon: read it again
            self._lexicon_age += 1
            self._learn_timer.start()  # and the tagger, once the annotator pauses
        if self._document_id in documents:
            self._drop_hidden_selection()
            self.changed.emit()
        if self.enabled and not self._timer.isActive():
            self._timer.start()  # at most one refresh per interval, however fast the tagging

    def start_worker(self) -> None:
        """Start the worker process now, so that jieba loads while the annotator reads
        the text; the first suggestions come as soon as it is ready."""
        if self._pool is not None or self._closed or not self.enabled:
            return
        global _prestarted
        try:
            started, _prestarted = _prestarted or worker.start_pool(), None
        except (OSError, RuntimeError):  # no process can be started here: the window goes on without
            self._pool, self._sent_version, self.enabled = None, None, False
            return
        self._pool, self._sent_version = started.pool, None
        self._set_loading(True)
        try:
            self._pool.submit(worker.configure, *self.settings)
        except (OSError, RuntimeError):
            pass
        QTimer.singleShot(0, self, self._learn)  # the tagger beside the project, reloaded or trained there
        relay = self._relay  # the closure keeps it alive should the window go first
        started.ready.add_done_callback(lambda _: relay.ready.emit())

    def _set_loading(self, on: bool) -> None:
        if on != self.loading:
            self.loading = on
            self.loadingChanged.emit(on)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        QSettings().setValue("view/show_suggestions", on)
        if on:
            self.show_document(self._document_id, self._text)
        else:
            self._timer.stop()
            self._set_shown([])
            self._set_loading(False)

    def shutdown(self) -> None:
        """End the worker process (the window closes): a cut under way is not waited for."""
        if not self._closed:
            self._saved.save(self._cache, self._texts)
        self._closed = True
        self._timer.stop()
        self._learn_timer.stop()
        if self._reader is not None:
            self._reader.shutdown()
        pool, self._pool = self._pool, None
        if pool is None:
            return
        _end(pool, wait=0 if self._running or self.loading else 2)

    # what the view paints -------------------------------------------------------------
    def suggestions_between(self, start: int, end: int) -> list[Suggestion]:
        """The suggestions shown in ``[start, end)``: not rejected, not under a span."""
        out, shown = [], self._shown
        for i in range(bisect_right(self._ends, start), len(shown)):
            if shown[i].start >= end:
                break
            if self._visible(shown[i]):
                out.append(shown[i])
        return out

    def visible(self) -> list[Suggestion]:
        return [s for s in self._shown if self._visible(s)]

    def any_visible(self) -> bool:
        return any(self._visible(s) for s in self._shown)

    def _visible(self, s: Suggestion) -> bool:
        return s.key not in self._rejected and not self._spans.spans_between(s.start, s.end)

    def _set_shown(self, suggestions: list[Suggestion]) -> None:
        self._shown = [s for s in suggestions if s.label in self._labels]
        self._ends = [s.end for s in self._shown]
        self._drop_hidden_selection()
        self.changed.emit()

    def _drop_hidden_selection(self) -> None:
        chosen = self._view.selected_suggestion
        if chosen is not None and (chosen not in self._shown or not self._visible(chosen)):
            self._view.select_suggestion(None)

    # keys ---------------------------------------------------------------------------
    def select(self, suggestion: Suggestion) -> None:
        self._view.select_suggestion(suggestion)

    def step(self, forward: bool = True) -> None:
        """Select the next (or previous) suggestion after the selected one or the cursor, wrapping."""
        shown = self.visible()
        if not shown:
            return
        chosen = self._view.selected_suggestion
        at = chosen.start if chosen is not None else self._view.cursor_index() - (0 if forward else 1)
        if forward:
            later = [s for s in shown if s.start > at or (chosen is None and s.start == at)]
            self.select(later[0] if later else shown[0])
        else:
            earlier = [s for s in shown if s.start < at]
            self.select(earlier[-1] if earlier else shown[-1])

    def accept_selected(self) -> None:
        self._decide(AcceptSuggestions, all_of_label=False)

    def reject_selected(self) -> None:
        self._decide(RejectSuggestions, all_of_label=False)

    def accept_label(self) -> None:
        """Show every suggestion of the selected one's label, checked; accept the
        ones still checked as one step."""
        chosen = self._view.selected_suggestion
        if chosen is None or self._document_id is None or not self._visible(chosen):
            return
        picked = [s for s in self.visible() if s.label == chosen.label]
        dialog = SuggestionListDialog(chosen.label, picked, self._text, self._view.window())
        self._dialog, document_id = dialog, self._document_id

        def accepted() -> None:
            checked = dialog.checked()
            if checked and document_id == self._document_id:
                self._execute(AcceptSuggestions(document_id, [(s.start, s.end, s.label, s.suggester)
                                                              for s in checked]))

        dialog.accepted.connect(accepted)
        dialog.open()

    def reject_label(self) -> None:
        self._decide(RejectSuggestions, all_of_label=True)

    def _decide(self, kind: type[AcceptSuggestions] | type[RejectSuggestions], all_of_label: bool) -> None:
        chosen = self._view.selected_suggestion
        if chosen is None or self._document_id is None or not self._visible(chosen):
            return
        picked = [s for s in self.visible() if s.label == chosen.label] if all_of_label else [chosen]
        if self._execute(kind(self._document_id, [(s.start, s.end, s.label, s.suggester) for s in picked])):
            following = [s for s in self.visible() if s.start >= chosen.end]
            if following:  # keyboard flow: Enter, Enter, Backspace, Enter …
                self.select(following[0])

    # the worker process ----------------------------------------------------------------
    def refresh(self) -> None:
        """Bring the open document's suggestions up to date (a request, unless the
        cached ones are still right)."""
        if not self.enabled or self._closed or self._document_id is None:
            return
        if self._lexicon is None:
            self._read_lexicon()  # refreshes again when it is read
            return
        inputs = self._inputs(self._lexicon)
        entry = self._cache.get(self._document_id)
        if entry is not None and entry.inputs.still_right_for(inputs):
            return
        if self._running is not None and self._running.document_id == self._document_id \
                and self._running.inputs.still_right_for(inputs):
            return  # the answer under way will do
        self._waiting = _Request(self._document_id, self._text, inputs, self._lexicon)
        self._submit()

    def _read_lexicon(self) -> None:
        """Read the learned lexicon on a thread of its own: on a large project the
        GROUP BY over every span takes a good part of a second."""
        if self._lexicon_reading:
            return
        if self._reader is None:
            self._reader = ProjectReader(self._project.path, self)
        self._lexicon_reading = True
        age = self._lexicon_age

        def read(lexicon: Lexicon) -> None:
            self._lexicon_reading = False
            if self._closed:
                return
            if age == self._lexicon_age:  # no span changed while it was read
                self._lexicon = lexicon
            self.refresh()

        def failed(error: BaseException) -> None:  # no second connection: read it here, once
            self._lexicon_reading = False
            if not self._closed:
                self._lexicon = project_lexicon(self._project)
                self.refresh()

        self._reader.submit(project_lexicon, read, failed)

    def _inputs(self, lexicon: Lexicon) -> _Inputs:
        doc = self._document_id
        assert doc is not None
        spans = self._spans.spans() if self._spans.complete else self._project.spans(doc)
        return _Inputs(lexicon.version, frozenset((s.start, s.end, s.label) for s in spans),
                       frozenset(self._rejected),
                       tuple((r.start, r.end) for r in self._project.regions(doc) if r.excluded))

    def _submit(self) -> None:
        if self._running is not None or self._waiting is None or self._closed:
            return
        request, self._waiting = self._waiting, None
        version = request.lexicon.version
        learned = None if self._sent_version == version else request.lexicon.learned
        inputs = request.inputs
        if self._pool is None:
            self.start_worker()
            if self._pool is None:
                return
        try:
            future = self._pool.submit(worker.suggestions, request.text, version, learned,
                                       tuple(sorted(inputs.spans)), tuple(sorted(inputs.rejected)), inputs.excluded)
        except (OSError, RuntimeError):  # no process can be started here: the window goes on without
            self._pool, self._sent_version, self.enabled = None, None, False
            return
        self._sent_version = version
        self._running = request
        relay = self._relay  # the closure keeps it alive should the window go first
        future.add_done_callback(lambda f: relay.done.emit(request, f))

    def _finished(self, request: _Request, future: Future) -> None:
        if self._closed:
            return
        self._running = None
        try:
            found = future.result()
        except BrokenProcessPool:
            self._pool, self._sent_version = None, None  # the worker died: start a new one
            self._failures += 1
            if self._failures <= self.RETRIES and self._waiting is None:
                self._waiting = request
            else:
                self._set_loading(False)
            self._submit()
            return
        except Exception:  # a suggester failed on this text: suggestions are a help, the window goes on
            found = []
        self._set_loading(False)
        self._failures = 0
        if found is None:  # the worker does not hold this lexicon: send it along
            self._sent_version = None
            self._waiting = self._waiting or request
        else:
            self._cache[request.document_id] = _Entry(request.inputs, found)
            self._texts[request.document_id] = request.text
            self._cache.move_to_end(request.document_id)
            while len(self._cache) > self.KEEP:
                gone, _ = self._cache.popitem(last=False)
                self._texts.pop(gone, None)
            if request.document_id == self._document_id:
                self._set_shown(found)
        self._submit()

    def settled(self) -> bool:
        """Nothing more is coming for the open document: its suggestions are shown
        (or suggestions are off, or cannot run here)."""
        return not self.enabled or self._closed or self._document_id is None or (
            not self.loading and not self.busy and not self._timer.isActive() and not self._lexicon_reading
            and self._document_id in self._cache)

    @property
    def settings(self) -> tuple[tuple[str, ...], float]:
        """Suggesters turned off and the confidence floor (Suggestions → Settings)."""
        off = QSettings().value("suggest/off", [], type=list) or []
        return tuple(str(n) for n in off), float(QSettings().value("suggest/floor", MIN_SCORE, type=float))

    def configure(self, off: tuple[str, ...], floor: float) -> None:
        QSettings().setValue("suggest/off", list(off))
        QSettings().setValue("suggest/floor", floor)
        if self._pool is not None:
            try:
                self._pool.submit(worker.configure, off, floor)
            except (OSError, RuntimeError):
                return
        self._cache.clear()
        self.refresh()

    def most_uncertain(self) -> Suggestion | None:
        """The suggestion shown that the suggesters are least sure of (active learning:
        the annotator's decision teaches the tagger most there)."""
        shown = self.visible()
        return min(shown, key=lambda s: (s.score, s.start)) if shown else None

    def _learn(self) -> None:
        """Ask the worker to reload or retrain the project's tagger (there, never here)."""
        if self._pool is None or self._closed:
            return
        try:
            future = self._pool.submit(worker.learn, str(self._project.path))
        except (OSError, RuntimeError):
            return
        relay = self._relay
        future.add_done_callback(lambda f: relay.learned.emit(f))

    def _learned(self, future: Future) -> None:
        if self._closed:
            return
        try:
            key = future.result()
        except Exception:  # no tagger this time (a damaged file, a worker gone): the rules go on
            return
        if key != self._tagger_key:
            self._tagger_key = key
            self._cache.clear()  # computed with the old tagger
            self.refresh()
        if key is not None:
            self._score()

    def _score(self) -> None:
        """Ask the worker how much the tagger would learn from the documents it has not
        scored (a few at a time, so suggestions are not kept waiting); stored for the
        document list's "most to learn from" sort."""
        if self._pool is None or self._closed:
            return
        try:
            future = self._pool.submit(worker.uncertainties, str(self._project.path), self.SCORE_BATCH)
        except (OSError, RuntimeError):
            return
        relay = self._relay
        future.add_done_callback(lambda f: relay.scored.emit(f))

    def _scored(self, future: Future) -> None:
        if self._closed:
            return
        try:
            result = future.result()
        except Exception:  # a worker gone: the list keeps its old order
            return
        if result is None or result[0] != self._tagger_key or not result[1]:
            return
        try:
            self._project.store_uncertainty(*result)
        except (ProjectError, OSError):
            return
        self.documentsScored.emit([i for i, _ in result[1]])
        if len(result[1]) == self.SCORE_BATCH:
            self._score()

    @property
    def busy(self) -> bool:
        return self._running is not None or self._waiting is not None
