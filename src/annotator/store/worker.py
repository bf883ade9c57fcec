"""A second writable connection to a project this process already holds, for a
worker thread (an SQLite connection belongs to the thread that made it).  The
file lock stays with the first connection; both write through SQLite's own
locking, one short transaction at a time, so the window can keep saving edits
while an import runs."""

from __future__ import annotations

import sqlite3

from .project import Project, _connect, _environment_error


def open_worker(project: Project) -> Project:
    """A connection for another thread of this process, with the same settings
    (``synchronous=FULL``: a committed batch survives a kill).  Close it when done."""
    if project.read_only:
        return Project(project.path, _connect(project.path, read_only=True), project.annotator, None,
                       project.read_only_reason)
    conn = _connect(project.path)
    try:
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        conn.close()
        raise _environment_error(project.path, exc) from exc
    return Project(project.path, conn, project.annotator, None, None)
