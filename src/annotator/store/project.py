"""The project file: one SQLite database, the one source of truth for annotations.

:class:`Project` is the one object the rest of the application holds; it is
composed of one part per aggregate, each in its own module over the one
transaction helper of :mod:`.db`:

* :mod:`.documents`: documents, the document list and its search, annotated import
* :mod:`.labels`: the label schema and the typed links it allows
* :mod:`.label_edits`: what undoing a label's removal needs
* :mod:`.annotations`: excluded regions, spans, suggestions, relations
* :mod:`.exclusions`: region decisions carried across the documents of one source
* :mod:`.flags`: the spots normalization flagged as uncertain
* :mod:`.learning`: what the learning suggesters read, and the documents' scores
* :mod:`.catalog`: the program catalog and the catalog view's pages
* :mod:`.reports`: statistics and the change log
* :mod:`.export`: reading for export, the canonical JSONL written by SQLite
* :mod:`.opening`: checks, the writer's lock, migrations and backups

Every edit is one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``) that also
appends to the change log, and a method returns only after the commit, with
``synchronous=FULL`` in WAL mode: an acknowledged edit survives a kill or a
power cut.  Any SQLite error a method meets is a one-line :class:`ProjectError`
naming the file when the environment caused it, or raised as it is (a bug).

One process writes at a time.  A second process waits briefly for the writer's
lock, then opens the file read-only (and says so) or refuses.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import opening
from .annotations import BATCH_ANNOTATOR, Annotations
from .catalog import Catalog
from .db import Connection, Database, connect as _connect, now, sort_errors
from .documents import Documents
from .exclusions import Exclusions
from .export import Export
from .flags import Flags
from .label_edits import LabelEdits
from .learning import Learning
from .labels import Labels, check_attribute_definitions, default_labels, default_link_types
from .opening import SUFFIX, CommitWatch, backup, check_file, default_annotator, migrate
from .reports import Reports

__all__ = [
    "BATCH_ANNOTATOR", "SUFFIX", "CommitWatch", "Project", "backup", "check_attribute_definitions", "check_file",
    "default_annotator", "default_labels", "default_link_types", "migrate", "now", "open_project", "open_reader",
    "open_worker",
    "_connect",
]


@sort_errors
class Project(Documents, Labels, LabelEdits, Annotations, Exclusions, Flags, Learning, Catalog, Reports, Export, Database):
    """An open project file.  Use :func:`open_project`."""

    def __init__(self, path: Path, conn: Connection, annotator: str, lock, read_only_reason: str | None):
        super().__init__(path, conn, annotator, lock, read_only_reason)
        self._texts: dict[int, str] = {}  # document id → normalized text, the last few read

    def __enter__(self) -> "Project":
        return self


def open_project(path: str | os.PathLike[str], *, annotator: str | None = None, create: bool = True,
                 wait: float = opening.LOCK_WAIT, allow_read_only: bool = True) -> Project:
    """Open (or create) a project file.

    If another process has it open for writing, wait up to ``wait`` seconds; then
    open it read-only when ``allow_read_only`` (``project.read_only_reason`` says
    why) or raise :class:`ProjectLocked`."""
    return opening.open_file(Project, path, annotator=annotator, create=create, wait=wait,
                             allow_read_only=allow_read_only)


def open_worker(project: Project) -> Project:
    """A second writable connection for a worker thread of this process
    (:func:`.opening.open_worker`)."""
    return opening.open_worker(Project, project)


def open_reader(path: str | os.PathLike[str], *, annotator: str | None = None) -> Project:
    """A second, read-only connection to a project this process already has open,
    for a worker thread or an export worker process (:func:`.opening.open_reader`)."""
    return opening.open_reader(Project, path, annotator=annotator)
