"""What every writer shares: where it writes, what it knows about the export.

A writer takes canonical records one at a time (``write``) and finishes the
file on ``close``; one-object-a-line formats only say how a record becomes a
line.  Files are UTF-8 with ``\\n`` line ends and characters unescaped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..store.models import Label


# records are trees built here, never cyclic: no need for the encoder's cycle check
dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


@dataclass(frozen=True)
class WriterContext:
    labels: list[Label] = field(default_factory=list)
    attribute_names: list[str] = field(default_factory=list)
    relations: bool = False  # the export holds relations (doccano writes its relation variant)
    bioes: bool = False      # conll: BIOES tags instead of BIO


class Writer:
    """Writes records to ``path``; ``dropped`` counts spans the format could not hold."""

    def __init__(self, path: Path, context: WriterContext):
        self.path = path
        self.context = context
        self.dropped = 0

    def write(self, record: dict[str, Any]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class LineWriter(Writer):
    """One JSON object per line."""

    def __init__(self, path: Path, context: WriterContext):
        super().__init__(path, context)
        self._file = path.open("wb")

    def line(self, record: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def write(self, record: dict[str, Any]) -> None:
        self._file.write((dumps(self.line(record)) + "\n").encode())

    def write_encoded(self, lines: bytes) -> None:
        """Lines already written out as UTF-8 JSON, each ended by ``\\n``."""
        self._file.write(lines)

    def close(self) -> None:
        self._file.close()
