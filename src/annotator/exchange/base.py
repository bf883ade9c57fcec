"""What every writer shares: where it writes, what it knows about the export.

A writer takes canonical records one at a time (``write``) and finishes the
file on ``close``; one-object-a-line formats only say how a record becomes a
line.  Files are UTF-8 with ``\\n`` line ends and characters unescaped.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..store.models import Label


# records are trees built here, never cyclic: no need for the encoder's cycle check
dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


class ExportError(Exception):
    """The export cannot be made as asked; the message names the file or option and why."""


@dataclass(frozen=True)
class WriterContext:
    labels: list[Label] = field(default_factory=list)
    attribute_names: list[str] = field(default_factory=list)
    relations: bool = False  # the export holds relations (doccano writes its relation variant)
    bioes: bool = False      # conll: BIOES tags instead of BIO
    docstart: bool = True    # conll: each document opens with -DOCSTART- -X- O O


class Writer:
    """Writes records to ``path``; ``dropped`` counts spans the format could not
    hold, ``lost`` everything it could not carry, by what (for the summary).

    ``CARRIES`` names what of a record besides its text and spans the format
    holds: ``attributes``, ``relations``, ``programs`` (catalog entries),
    ``excluded`` (regions)."""

    CARRIES: frozenset[str] = frozenset()

    def __init__(self, path: Path, context: WriterContext):
        self.path = path
        self.context = context
        self.dropped = 0
        self.lost: Counter[str] = Counter()

    def account(self, record: dict[str, Any]) -> None:
        """Count what of ``record`` this format cannot carry."""
        spans = record["spans"]
        if "attributes" not in self.CARRIES:
            self.lost["attribute values"] += sum(v is not None for s in spans for v in s["attributes"].values())
        if "relations" not in self.CARRIES:
            self.lost["relations"] += len(record["relations"])
        if "programs" not in self.CARRIES:
            self.lost["catalog links"] += sum(s.get("program") is not None for s in spans)
        if "excluded" not in self.CARRIES:
            self.lost["excluded regions"] += len(record.get("excluded") or ())

    def leave_out(self, what: str, n: int = 1) -> None:
        """``n`` spans the format cannot hold at all, for the reason ``what``."""
        self.dropped += n
        self.lost[what] += n

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
