"""Suggestions: candidate spans for the annotator to accept or reject.  No Qt.

Each suggester is a pure function ``(normalized text, Lexicon) -> [Suggestion]``
with code-point offsets; :func:`suggest` runs them all and merges the result.
:func:`project_lexicon` snapshots what a project has learned, and
:func:`suggest_project` pre-annotates a whole project with a progress callback.
"""

from .combine import MIN_SCORE, SUGGESTERS, combine, suggest
from .model import DomainLexicon, Lexicon, Suggestion, domain_lexicon
from .project import SuggestReport, project_lexicon, suggest_document, suggest_project
from .tokens import load as load_jieba

__all__ = [
    "MIN_SCORE", "SUGGESTERS", "DomainLexicon", "Lexicon", "SuggestReport", "Suggestion", "combine",
    "domain_lexicon", "load_jieba", "project_lexicon", "suggest", "suggest_document", "suggest_project",
]
