"""What an import path holds: files and folders become tasks, one per document
(a JSONL file gives one task per line).  Reading and normalizing happen in the
task, so a worker process does them and a file that vanishes mid-import is a
rejection like any other."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..normalize import NormalizeError, NormalizeOptions, normalize
from ..normalize.decode import MAX_BYTES
from ..store.models import EncodedDocument, new_document

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
SUFFIXES = (*TEXT_SUFFIXES, ".jsonl")


@dataclass(frozen=True)
class Task:
    """One document to import: a file, or one line of a JSONL file (``data`` set)."""

    source: str
    path: str
    data: bytes | None = None


@dataclass(frozen=True)
class Rejected:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Duplicate:
    source: str
    raw_sha256: str


def expand(paths: Iterable[str | os.PathLike[str]], text_field: str = "text") -> Iterator[Task | Rejected]:
    """Tasks for every importable file under ``paths``, in a stable order.

    A folder is walked recursively and files of other types in it are passed
    over; a file named explicitly with another type is rejected."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if found.suffix.lower() in SUFFIXES:
                    yield from _file_tasks(found, text_field)
        elif path.exists():
            if path.suffix.lower() in SUFFIXES:
                yield from _file_tasks(path, text_field)
            else:
                yield Rejected(str(path), f"not a file type the annotator imports (use {', '.join(SUFFIXES)})")
        else:
            yield Rejected(str(path), "no such file or folder")


def _file_tasks(path: Path, text_field: str) -> Iterator[Task | Rejected]:
    if path.suffix.lower() != ".jsonl":
        yield Task(str(path), str(path))
        return
    try:
        with path.open("rb") as f:
            for number, line in enumerate(f, 1):
                source = f"{path}:{number}"
                if not line.strip():
                    continue
                text, problem = _jsonl_text(line, text_field)
                if problem:
                    yield Rejected(source, problem)
                else:
                    yield Task(source, str(path), text.encode("utf-8"))
    except OSError as exc:
        yield Rejected(str(path), f"cannot read it ({exc.strerror or exc})")


def _jsonl_text(line: bytes, text_field: str) -> tuple[str, str | None]:
    """The text of one JSONL line, or what is wrong with the line."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return "", f"not valid JSON ({exc})"
    if not isinstance(record, dict):
        return "", "not a JSON object"
    if text_field not in record:
        return "", f"no {text_field!r} field"
    if not isinstance(record[text_field], str):
        return "", f"the {text_field!r} field is not a string"
    return record[text_field], None


def run_task(task: Task, known: frozenset[str] = frozenset(),
             max_bytes: int = MAX_BYTES) -> EncodedDocument | Rejected | Duplicate:
    """Read, hash, normalize and encode one document.  Pure apart from reading the file."""
    data = task.data
    if data is None:
        try:
            data = Path(task.path).read_bytes()
        except FileNotFoundError:
            return Rejected(task.source, "the file disappeared before it could be read")
        except IsADirectoryError:
            return Rejected(task.source, "is a folder, not a file")
        except OSError as exc:
            return Rejected(task.source, f"cannot read it ({exc.strerror or exc})")
    digest = hashlib.sha256(data).hexdigest()
    if digest in known:
        return Duplicate(task.source, digest)
    try:
        doc = normalize(data, task.source, NormalizeOptions(max_bytes=max_bytes))
    except NormalizeError as exc:
        reason = str(exc)
        prefix = f"{task.source}: "
        return Rejected(task.source, reason[len(prefix):] if reason.startswith(prefix) else reason)
    return new_document(doc, digest, task.source).encode()

