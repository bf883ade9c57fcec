"""The project the app opens when none is given: ``default.annotator`` in the
user data folder, filled with the bundled corpus the first time."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from ..paths import bundled_corpus
from ..store import SUFFIX, Project, open_project
from .importer import Progress, import_paths

_BUNDLED = "bundled_corpus_imported"


def default_project_path() -> Path:
    return platformdirs.user_data_path("annotator", appauthor=False) / f"default{SUFFIX}"


def open_default_project(annotator: str | None = None, progress: Progress | None = None) -> Project:
    """Open the default project, importing the bundled corpus into it once."""
    project = open_project(default_project_path(), annotator=annotator)
    if project.read_only or project.setting(_BUNDLED) is not None:
        return project
    corpus = bundled_corpus()
    if corpus is not None:
        report = import_paths(project, [corpus], progress=progress)
        project.set_setting(_BUNDLED, f"{len(report.added)} documents from {corpus}")
    return project
