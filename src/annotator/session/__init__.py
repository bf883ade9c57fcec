"""Application services between the window and the store: commands with undo.  No Qt."""

from .commands import (
    AcceptSuggestions,
    AddSpan,
    Command,
    DeleteSpan,
    RejectSuggestions,
    Relabel,
    SetRegion,
    SetStatus,
    TagOccurrences,
)
from .occurrences import Occurrence, find_occurrences

__all__ = ["AcceptSuggestions", "AddSpan", "Command", "DeleteSpan", "Occurrence", "RejectSuggestions", "Relabel",
           "SetRegion", "SetStatus", "TagOccurrences", "find_occurrences"]
