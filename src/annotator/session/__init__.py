"""Application services between the window and the store: commands with undo.  No Qt."""

from .commands import (
    AcceptSuggestions,
    AddLink,
    AddSpan,
    Command,
    CreateProgram,
    DeleteLink,
    DeleteSpan,
    LinkProgram,
    RejectSpan,
    RejectSuggestions,
    Relabel,
    SetAttributes,
    SetRegion,
    SetStatus,
    TagOccurrences,
    UnlinkProgram,
    confirm,
    starts_work,
)
from .occurrences import Occurrence, find_occurrences

__all__ = [
    "AcceptSuggestions", "AddLink", "AddSpan", "Command", "CreateProgram", "DeleteLink", "DeleteSpan",
    "LinkProgram", "Occurrence", "RejectSpan", "RejectSuggestions", "Relabel", "SetAttributes", "SetRegion", "SetStatus",
    "TagOccurrences", "UnlinkProgram", "confirm", "find_occurrences", "starts_work",
]
