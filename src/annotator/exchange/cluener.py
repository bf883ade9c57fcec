"""CLUENER2020: ``{"text", "label": {"TYPE": {"surface": [[start, end], ...]}}}``.

Ends are *inclusive* here, unlike everywhere else in the annotator; the
surface string is the span's text, which the reader checks against the
offsets.  No ids, relations or attributes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..store.models import ImportedSpan
from .annotated import Item, Parsed, Problem, check_span, read_lines
from .base import LineWriter

SUFFIX = ".jsonl"


class Writer(LineWriter):
    def line(self, record: dict[str, Any]) -> dict[str, Any]:
        label: dict[str, dict[str, list[list[int]]]] = {}
        for s in record["spans"]:
            label.setdefault(s["label"], {}).setdefault(s["text"], []).append([s["start"], s["end"] - 1])
        return {"text": record["text"], "label": label}


def read(path: Path) -> Iterator[Item]:
    return read_lines(path, _parse)


def _parse(where: str, record: dict[str, Any], text: str) -> Iterator[Item]:
    labels = record.get("label") or {}
    if not isinstance(labels, dict):
        yield Problem(where, "'label' must be an object {type: {surface: [[start, end], ...]}}")
        return
    parsed, problems = Parsed(where, text), []
    for label, surfaces in labels.items():
        if not isinstance(surfaces, dict):
            problems.append(Problem(where, f"{label}: must be an object {{surface: [[start, end], ...]}}"))
            continue
        for surface, positions in surfaces.items():
            for pos in positions if isinstance(positions, list) else [positions]:
                if not (isinstance(pos, list) and len(pos) == 2):
                    problems.append(Problem(where, f"{label} {surface!r}: {pos!r} is not [start, end]"))
                    continue
                start, end = pos[0], pos[1] + 1 if type(pos[1]) is int else pos[1]
                problem = check_span(f"{where}: {label} [{pos[0]}, {pos[1]}] (end inclusive)", text, start, end,
                                     surface)
                if problem:
                    problems.append(problem)
                else:
                    parsed.spans.append(ImportedSpan(start, end, label))
    yield from problems or [parsed]
