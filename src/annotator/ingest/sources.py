"""What an import path holds: files and folders become tasks, one per document
(a JSONL file gives one task per line).  Reading and normalizing happen in the
task, so a worker process does them and a file that vanishes mid-import is a
rejection like any other."""

from __future__ import annotations

import hashlib
import json
import os
import stat
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
            for found in sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and not p.is_dir()):
                yield from _file_tasks(found, text_field)
        elif path.exists():
            if path.suffix.lower() in SUFFIXES:
                yield from _file_tasks(path, text_field)
            else:
                yield Rejected(str(path), f"not a file type the annotator imports (use {', '.join(SUFFIXES)})")
        else:
            yield Rejected(str(path), "no such file or folder")


def not_a_file(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` is no regular file (a FIFO, socket or device, which reading
    would block on or never finish), or ``None``.  Asks ``stat``: opening a FIFO
    to look would wait for a writer."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "no such file or folder"
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc})"
    return _kind(mode)


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return f"is {kind}, not a regular file; nothing was read from it"


class NotAFile(OSError):
    """What was named is no regular file; ``reason`` says what it is."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file; :class:`NotAFile` for anything else, found
    by ``stat`` before any open, so a FIFO is not waited on nor a device read."""
    reason = _kind(os.stat(path).st_mode)
    if reason is not None:
        raise NotAFile(reason)
    # O_NONBLOCK: a file swapped for a FIFO since the stat does not block the open
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        reason = _kind(os.fstat(fd).st_mode)
        if reason is not None:
            raise NotAFile(reason)
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)


def _file_tasks(path: Path, text_field: str) -> Iterator[Task | Rejected]:
    reason = not_a_file(path)
    if reason is not None:
        yield Rejected(str(path), reason)
        return
    if path.suffix.lower() != ".jsonl":
        yield Task(str(path), str(path))
        return
    try:
        with path.open("rb") as f:
            for number, line in enumerate(f, 1):
                source = f"{path}:{number}"
                if not line.strip():
                    continue
                data, problem = _jsonl_text(line, text_field)
                if problem:
                    yield Rejected(source, problem)
                else:
                    yield Task(source, str(path), data)
    except OSError as exc:
        yield Rejected(str(path), f"cannot read it ({exc.strerror or exc})")


def _jsonl_text(line: bytes, text_field: str) -> tuple[bytes, str | None]:
    """The text of one JSONL line as UTF-8, or what is wrong with the line."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return b"", f"not valid JSON ({exc})"
    if not isinstance(record, dict):
        return b"", "not a JSON object"
    if text_field not in record:
        return b"", f"no {text_field!r} field"
    text = record[text_field]
    if not isinstance(text, str):
        return b"", f"the {text_field!r} field is not a string"
    try:
        return text.encode("utf-8"), None
    except UnicodeEncodeError as exc:  # JSON's \ud83d escape alone: half of a pair, no character
        return b"", (f"the {text_field!r} field holds a lone surrogate (U+{ord(text[exc.start]):04X} at character "
                     f"{exc.start}), which is no Unicode character")


def run_task(task: Task, known: frozenset[str] = frozenset(),
             max_bytes: int = MAX_BYTES) -> EncodedDocument | Rejected | Duplicate:
    """Read, hash, normalize and encode one document.  Pure apart from reading the file."""
    data = task.data
    if data is None:
        try:
            data = read_regular(task.path)
        except NotAFile as exc:
            return Rejected(task.source, exc.reason)
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

