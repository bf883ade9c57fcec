"""The per-project tagger kept beside its project, and the suggesters' weights.

``P.annotator.tagger`` is the CRFsuite model and ``P.annotator.tagger.key`` the
key of the spans it was trained on: :meth:`ProjectTagger.update` reloads the
file when the key still matches and trains again only when the project's spans
changed.  The same object serves the window's worker and ``annotator suggest``,
so a pipeline gets what the window gets.

A suggester's weight is how far this project's annotators trust it: its
suggestions' confidence is multiplied by ``min(1, 2 (a + 1) / (a + r + 2))`` for
``a`` accepted and ``r`` rejected, so one that is rejected more than accepted
loses weight, and one with no record keeps its own confidence.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..store import Project
from .model import Lexicon
from .tagger import FeatureCache, Tagger, TrainingDocument, train, training_key

SUFFIX = ".tagger"


def model_path(project_path: str | os.PathLike[str]) -> Path:
    return Path(str(project_path) + SUFFIX)


def training_documents(project: Project) -> list[TrainingDocument]:
    labels = {label.name for label in project.labels()}
    return [TrainingDocument(text, tuple(s for s in spans if s[2] in labels), str(doc_id))
            for doc_id, text, spans in project.annotated_documents()]


def weight(accepted: int, rejected: int) -> float:
    return min(1.0, 2 * (accepted + 1) / (accepted + rejected + 2))


def suggester_weights(project: Project) -> dict[str, float]:
    return {name: weight(a, r) for name, (a, r) in project.suggester_decisions().items()}


class ProjectTagger:
    """The tagger of one project: loaded from beside the project, trained when stale."""

    def __init__(self, project_path: str | os.PathLike[str]):
        self.path = model_path(project_path)
        self.key_path = Path(str(self.path) + ".key")
        self.tagger: Tagger | None = None
        self.key: str | None = None
        self.trained = 0  # how many times this object trained (a test reads it)
        self.cache = FeatureCache()

    def update(self, documents: list[TrainingDocument], lexicon: Lexicon, labels: set[str] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Tagger | None:
        """The tagger for ``documents``: the one held, the file's, or a new one."""
        key = training_key(documents, labels or ())
        if key == self.key:
            return self.tagger
        if self.path.exists() and self._stored_key() == key:
            self.tagger, self.key = Tagger(self.path), key
            return self.tagger
        if train(documents, lexicon, self.path, cache=self.cache, cancelled=cancelled):
            self.key_path.write_text(key, "utf-8")
            self.tagger, self.key = Tagger(self.path), key
            self.trained += 1
        elif not (cancelled and cancelled()):
            self.tagger, self.key = None, key  # too little to learn from yet
        return self.tagger

    def update_from(self, project: Project, lexicon: Lexicon) -> Tagger | None:
        labels = {label.name for label in project.labels()}
        return self.update(training_documents(project), lexicon, labels)

    def _stored_key(self) -> str | None:
        try:
            return self.key_path.read_text("utf-8").strip()
        except OSError:
            return None
