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

import os
from typing import NamedTuple

from .combine import MIN_SCORE, SUGGESTERS, suggest
from .learner import ProjectTagger, model_path, suggester_weights
from .model import Lexicon, Suggestion
from .tagger import Tagger
from .tokens import load

_lexicon: Lexicon | None = None
_learner: ProjectTagger | None = None
_tagger: Tagger | None = None
_weights: dict[str, float] = {}
_off: frozenset[str] = frozenset()
_floor = MIN_SCORE


class _Range(NamedTuple):
    start: int
    end: int
    label: str = ""


def start() -> None:
    """The pool's initializer: step back in the scheduler, so that on a busy machine
    the window's keystrokes win the CPU over a cut, then load jieba (about a second)."""
    if hasattr(os, "nice"):
        try:
            os.nice(10)
        except OSError:
            pass
    load()


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
