"""What the readers of annotated files hand the importer, and the checks they share.

A reader turns a file into :class:`Parsed` documents and :class:`Problem` s,
each problem naming the file, the line and the reason.  It never stops at the
first problem: the user fixes a file once, not once per error.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..store.models import ImportedSpan


@dataclass(frozen=True)
class Problem:
    where: str  # FILE:LINE, or FILE when the file as a whole is wrong
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class Parsed:
    """One annotated document as a file gives it; offsets are code points of ``text``."""

    where: str
    text: str
    spans: list[ImportedSpan] = field(default_factory=list)
    relations: list[tuple[int, int, str]] = field(default_factory=list)  # positions in ``spans``
    excluded: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    normalizer: str | None = None
    status: str = "new"
    skipped_annotations: int = 0  # Label Studio: annotations of the task not taken


Item = Parsed | Problem


def span_problem(text: str, start: Any, end: Any, given: str | None = None) -> str | None:
    """Why ``[start, end)`` is not a span of ``text`` (saying ``given`` is its text), or None."""
    if type(start) is not int or type(end) is not int:
        return f"offsets {start!r}:{end!r} are not whole numbers"
    hint = ""
    if given is not None and 0 <= start < end and _utf16(text, start, end) == given:
        hint = " (the offsets count UTF-16 code units, as JavaScript does; they must count characters)"
    if not 0 <= start < end <= len(text):
        return f"span {start}:{end} is outside the text ({len(text)} characters){hint}"
    if given is not None and text[start:end] != given:
        return f"span {start}:{end} is {text[start:end]!r} in the text but the file says {given!r}{hint}"
    return None


def _utf16(text: str, start: int, end: int) -> str | None:
    units = text.encode("utf-16-le")
    try:
        return units[2 * start:2 * end].decode("utf-16-le")
    except UnicodeDecodeError:
        return None


def check_span(where: str, text: str, start: Any, end: Any, given: str | None = None) -> Problem | None:
    reason = span_problem(text, start, end, given)
    return None if reason is None else Problem(where, reason)


def read_text(path: Path) -> str | Problem:
    """A whole UTF-8 file (a BOM dropped), or what stops it being read."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return Problem(str(path), f"cannot read it ({exc.strerror or exc})")
    except UnicodeDecodeError as exc:
        return Problem(str(path), f"not UTF-8 ({exc.reason} at byte {exc.start})")


def json_lines(path: Path) -> Iterator[tuple[str, Any] | Problem]:
    """``(FILE:LINE, value)`` for each non-blank line of a JSONL file, or the
    problem with the line."""
    try:
        f = path.open("rb")
    except OSError as exc:
        yield Problem(str(path), f"cannot read it ({exc.strerror or exc})")
        return
    with f:
        for number, line in enumerate(f, 1):
            where = f"{path}:{number}"
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            try:
                value = json.loads(line.decode("utf-8"))
                if b"\\ud" in line or b"\\uD" in line:  # a surrogate escape; one alone is no character
                    json.dumps(value, ensure_ascii=False).encode("utf-8")
            except UnicodeDecodeError as exc:
                yield Problem(where, f"not UTF-8 ({exc.reason} at byte {exc.start})")
            except UnicodeEncodeError as exc:
                yield Problem(where, f"holds a lone surrogate (U+{ord(exc.object[exc.start]):04X}), "
                                     "which is no Unicode character")
            except json.JSONDecodeError as exc:
                yield Problem(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            else:
                yield where, value


def attributes_from(where: str, value: Any) -> tuple[dict[str, Any], Problem | None]:
    """Span attributes as exports write them (a null means "not set")."""
    if value is None:
        return {}, None
    if not isinstance(value, dict):
        return {}, Problem(where, "attributes must be an object")
    return {k: v for k, v in value.items() if v is not None}, None


def text_of(where: str, record: Any, key: str = "text") -> tuple[str | None, Problem | None]:
    if not isinstance(record, dict):
        return None, Problem(where, "not a JSON object")
    text = record.get(key)
    if not isinstance(text, str):
        return None, Problem(where, f"no {key!r} string")
    return text, None


def relations_from(where: str, entries: Any, ids: dict[Any, int], head: str, tail: str,
                   parsed: Parsed, problems: list[Problem]) -> None:
    """Relations naming their spans by the file's ids, as positions in ``parsed.spans``."""
    if entries is not None and not isinstance(entries, list):
        problems.append(Problem(where, "relations must be a list"))
        return
    for n, r in enumerate(entries or [], 1):
        if not isinstance(r, dict) or r.get(head) not in ids or r.get(tail) not in ids:
            problems.append(Problem(where, f"relation {n} does not link two spans of the line"))
        else:
            kind = r.get("type")
            parsed.relations.append((ids[r[head]], ids[r[tail]], kind if isinstance(kind, str) and kind else "related"))


def read_lines(path: Path, parse: Callable[[str, dict[str, Any], str], Iterator[Item]]) -> Iterator[Item]:
    """The documents of a JSONL file whose lines hold a ``text``; ``parse(where,
    record, text)`` reads the rest of a line."""
    for item in json_lines(path):
        if isinstance(item, Problem):
            yield item
            continue
        where, record = item
        text, problem = text_of(where, record)
        if problem:
            yield problem
        else:
            yield from parse(where, record, text)  # type: ignore[arg-type]
