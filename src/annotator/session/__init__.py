"""Application services between the window and the store: commands with undo.  No Qt."""

from .commands import (
    AddLink,
    AddSpan,
    Command,
    CreateProgram,
    DeleteLink,
    DeleteSpan,
    LinkProgram,
    Relabel,
    SetAttributes,
    SetRegion,
    SetStatus,
    UnlinkProgram,
    confirm,
)

__all__ = [
    "AddLink", "AddSpan", "Command", "CreateProgram", "DeleteLink", "DeleteSpan", "LinkProgram", "Relabel",
    "SetAttributes", "SetRegion", "SetStatus", "UnlinkProgram", "confirm",
]
