"""The suggesters in a worker process: what the window's process pool runs.

jieba's part-of-speech cut holds the GIL (about 80 ms per 5,000 characters),
so a thread would still stall the window; a process does not.  The window
sends plain data only.  The lexicon travels only when its version changes:
the worker keeps the last one it was given, and answers ``None`` when asked
for a version it does not hold, so the caller sends it again.  The project's
tagger is trained or reloaded here too (:func:`learn`), after edits, debounced
by the window.  No Qt.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from typing import NamedTuple

from .combine import MIN_SCORE, SUGGESTERS, suggest
from .learner import ProjectTagger, model_path, suggester_weights
from .model import Lexicon, Suggestion
from .tagger import Tagger
from .tokens import load

_lexicon: Lexicon | None = None
_PR_SET_PDEATHSIG = 1
_learner: ProjectTagger | None = None
_tagger: Tagger | None = None
_weights: dict[str, float] = {}
_off: frozenset[str] = frozenset()
_floor = MIN_SCORE


class _Range(NamedTuple):
    start: int
    end: int
    label: str = ""


def start(parent: int | None = None) -> None:
    """The pool's initializer: end with the window, however it ends (``parent`` is
    its process id); load jieba (about a second); then step back in the scheduler,
    so that on a busy machine the window's keystrokes win the CPU over a cut."""
    if parent is not None:
        end_with_parent(parent)
    load()  # at full priority: nothing is typed yet while the window starts, and the first suggestions wait
    if hasattr(os, "nice"):
        try:
            os.nice(10)
        except OSError:
            pass


class Started(NamedTuple):
    pool: ProcessPoolExecutor
    ready: Future  # done once jieba is loaded


def start_pool() -> Started:
    """One worker process, started now and loading jieba at once (``ready`` is its
    first task), that ends when this process ends, however it ends."""
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=start, initargs=(os.getpid(),))
    return Started(pool, pool.submit(ready))


def ready() -> bool:
    """Nothing: submitted first, so that the worker starts and loads jieba at once."""
    return True


def end_with_parent(parent: int, interval: float = 1.0) -> None:
    """Die when the process ``parent`` dies, even by SIGKILL: a worker of 200 MB left
    behind, and the resource tracker it keeps alive, are orphans.  On Linux the
    kernel sends the signal (``PR_SET_PDEATHSIG``); elsewhere a thread watches."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(0)

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def suggestions(text: str, version: str, learned: tuple[tuple[str, str], ...] | None,
                spans: tuple[tuple[int, int, str], ...], rejected: tuple[tuple[int, int, str], ...],
                excluded: tuple[tuple[int, int], ...]) -> list[Suggestion] | None:
    """:func:`annotator.suggest.suggest` on plain tuples, with the lexicon of ``version``
    (``learned`` is its entries, or ``None`` when the worker should already hold it)."""
    global _lexicon
    if learned is not None:
        _lexicon = Lexicon.from_entries(list(learned))
    if _lexicon is None or _lexicon.version != version:
        return None
    return suggest(text, _lexicon, spans=[_Range(*s) for s in spans], rejected=[_Range(*r) for r in rejected],
                   excluded=[_Range(*e) for e in excluded], tagger=_tagger, weights=_weights,
                   suggesters=[n for n in (*SUGGESTERS, "tagger") if n not in _off], min_score=_floor)


def configure(off: tuple[str, ...], floor: float) -> None:
    """The annotator's settings: suggesters turned off, and the confidence floor."""
    global _off, _floor
    _off, _floor = frozenset(off), float(floor)


def learn(project_path: str) -> str | None:
    """Bring the project's tagger and its suggesters' weights up to date, here in the
    worker (never on the GUI thread): the model file beside the project is reloaded
    when the project's spans are those it was trained on, else trained again (a few
    seconds at most).  Reads the project through a read-only connection of its own.
    Returns the key of the tagger now used (``None``: too few spans yet)."""
    global _learner, _tagger, _weights
    from ..store import open_reader
    from .project import project_lexicon

    if _learner is None or _learner.path != model_path(project_path):
        _learner = ProjectTagger(project_path)
    project = open_reader(project_path)
    try:
        _tagger = _learner.update_from(project, project_lexicon(project))
        _weights = suggester_weights(project)
    finally:
        project.close()
    return _learner.key if _tagger is not None else None


def uncertainties(project_path: str, limit: int = 20) -> tuple[str, list[tuple[int, float]]] | None:
    """What the current tagger would learn from up to ``limit`` documents it has not
    scored yet (the document list's "most to learn from"): ``(tagger key, [(document
    id, uncertainty)])``, computed here, stored by the caller; ``None`` without a tagger."""
    from ..store import open_reader
    from .tagger import FeatureCache

    tagger, learner = _tagger, _learner
    if tagger is None or learner is None or learner.key is None or learner.path != model_path(project_path):
        return None
    project = open_reader(project_path)
    try:
        todo = project.unscored_documents(learner.key, limit)
    finally:
        project.close()
    cache = FeatureCache(chars=0)  # each text once: keep the suggestions' cache as it is
    lexicon = Lexicon()
    return learner.key, [(i, round(tagger.uncertainty(text, lexicon, cache), 4)) for i, text in todo]
