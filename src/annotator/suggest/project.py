"""Suggestions over a project: the learned lexicon, one document, a whole batch.

These read the store; :func:`annotator.suggest.suggest` does not, so a worker
thread can be handed plain data (text, spans, rejections, a :class:`Lexicon`)
while the store stays on the thread that owns its connection.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..store import Project
from .combine import MIN_SCORE, suggest
from .learner import ProjectTagger, suggester_weights
from .model import Lexicon, Suggestion
from .tagger import Tagger

Progress = Callable[[int, int], None]
_MIN_LEARNED = 2  # a one-character span is no word to look for elsewhere


def project_lexicon(project: Project) -> Lexicon:
    """A snapshot of what the project has learned: every span text annotators made
    or accepted, with its most frequent label.  Compare ``version`` to know when
    cached suggestions are stale."""
    chosen: dict[str, str] = {}
    for text, label, _ in project.learned_entries():  # most frequent first
        if len(text.strip()) >= _MIN_LEARNED and text == text.strip():
            chosen.setdefault(text, label)
    return Lexicon.from_entries(chosen)


def suggest_document(project: Project, document_id: int, lexicon: Lexicon | None = None, *,
                     min_score: float = MIN_SCORE, tagger: Tagger | None = None,
                     weights: dict[str, float] | None = None) -> list[Suggestion]:
    """The suggestions for one stored document, without what is already decided there
    and without labels the project's schema does not have."""
    document = project.document(document_id)
    labels = {label.name for label in project.labels()}
    found = suggest(document.text, project_lexicon(project) if lexicon is None else lexicon,
                    spans=project.spans(document_id), rejected=project.rejections(document_id),
                    excluded=[r for r in project.regions(document_id) if r.excluded], min_score=min_score,
                    tagger=tagger, weights=weights)
    return [s for s in found if s.label in labels]


@dataclass
class SuggestReport:
    documents: int = 0
    suggestions: Counter[tuple[str, str]] = field(default_factory=Counter)  # (label, suggester) → count
    added: int = 0  # spans stored (with apply)

    def by_label(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for (label, _), n in self.suggestions.items():
            out[label] += n
        return out

    def by_suggester(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for (_, suggester), n in self.suggestions.items():
            out[suggester] += n
        return out


def suggest_project(project: Project, progress: Progress | None = None, *, apply: bool = False,
                    statuses: tuple[str, ...] = ("new", "in_progress"),
                    min_score: float = MIN_SCORE) -> SuggestReport:
    """Suggest for every document whose status is one of ``statuses`` (documents
    marked done or skipped are left as the annotator left them).  With ``apply``,
    store the suggestions as spans with origin ``suggested``, one transaction per
    document; a second run adds nothing.  ``progress(done, total)`` after each.

    The project's tagger (the file beside the project, trained again only if its
    spans changed) and its suggesters' weights are the window's, so a pipeline
    gets what the window shows."""
    ids = [i for i in project.document_ids() if project.document_info(i).status in statuses]
    lexicon = project_lexicon(project)  # one snapshot: a batch does not learn from itself
    tagger = ProjectTagger(project.path).update_from(project, lexicon)
    weights = suggester_weights(project)
    report = SuggestReport()
    if progress:
        progress(0, len(ids))
    for n, document_id in enumerate(ids, 1):
        found = suggest_document(project, document_id, lexicon, min_score=min_score, tagger=tagger, weights=weights)
        report.documents += 1
        report.suggestions.update((s.label, s.suggester) for s in found)
        if apply and found:
            report.added += project.add_suggested_spans(
                document_id, [(s.start, s.end, s.label, s.suggester) for s in found])
        if progress:
            progress(n, len(ids))
    return report
