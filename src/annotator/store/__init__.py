"""The project store: one SQLite file per project, the one source of truth for
documents, the label schema, spans, relations and the change log.  No Qt."""

from .errors import (
    InvalidEdit,
    LabelInUse,
    ProjectDamaged,
    ProjectError,
    ProjectLocked,
    ProjectTooNew,
    ReadOnlyProject,
    StorageFull,
)
from .models import STATUSES, Document, DocumentInfo, Label, NewDocument, Region, Rejection, Relation, Span
from .project import SUFFIX, Project, default_labels, open_project, open_reader
from .schema import LATEST as SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION", "STATUSES", "SUFFIX", "Document", "DocumentInfo", "InvalidEdit", "Label", "LabelInUse",
    "NewDocument", "Project", "ProjectDamaged", "ProjectError", "ProjectLocked", "ProjectTooNew",
    "ReadOnlyProject", "Region", "Rejection", "Relation", "Span", "StorageFull", "default_labels", "open_project",
    "open_reader",
]
