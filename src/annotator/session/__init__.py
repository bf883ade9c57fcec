"""Application services between the window and the store: commands with undo.  No Qt."""

from .commands import AddSpan, Command, DeleteSpan, Relabel, SetRegion, SetStatus

__all__ = ["AddSpan", "Command", "DeleteSpan", "Relabel", "SetRegion", "SetStatus"]
