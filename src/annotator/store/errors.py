"""What can go wrong with a project file, each naming the file and the reason.

Errors of the environment (a damaged file, a full disk, another process) are
:class:`ProjectError`; a caller shows them to the user.  Anything else escaping
the store is a bug.
"""

from __future__ import annotations


class ProjectError(Exception):
    """A project file cannot be used as asked; the message names the file and says why."""


class ProjectDamaged(ProjectError):
    """The file is not a readable project: truncated, corrupt, or not SQLite at all."""


class ProjectTooNew(ProjectError):
    """Written by a newer version of the annotator; never downgraded."""


class ProjectLocked(ProjectError):
    """Another process has the project open for writing."""


class ReadOnlyProject(ProjectError):
    """An edit was asked of a project opened read-only."""


class StorageFull(ProjectError):
    """The disk is full: the edit was not saved and nothing else changed."""


class LabelInUse(ProjectError):
    """A label with spans cannot be removed until the caller says what happens to them."""

    def __init__(self, message: str, count: int):
        super().__init__(message)
        self.count = count


class AttributeInUse(ProjectError):
    """A change to a label's attribute definitions would leave spans with values it
    no longer allows, and the caller did not say what happens to them."""

    def __init__(self, message: str, count: int):
        super().__init__(message)
        self.count = count


class ProgramInUse(ProjectError):
    """A canonical program that spans link to cannot be deleted until they are unlinked or merged."""

    def __init__(self, message: str, count: int):
        super().__init__(message)
        self.count = count


class InvalidEdit(ProjectError):
    """An edit that does not fit the document or the schema (bad offsets, unknown label)."""
