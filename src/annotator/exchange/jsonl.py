"""Our canonical JSONL: one document a line, exactly the record of
:mod:`annotator.exchange.records` (``docs/export.md``, ``docs/export.schema.json``).

Read back, it restores what a project can take from it: the text, spans with
their attributes and annotators, relations, excluded regions, title, date,
source, status and provenance (source file, raw sha256, normalizer version).
The raw page itself is not in the file, so an imported document's raw text is
its text (see ``docs/export.md``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..store.models import STATUSES, ImportedSpan
from .annotated import Item, Parsed, Problem, attributes_from, check_span, read_lines, relations_from
from .base import LineWriter

SUFFIX = ".jsonl"


class Writer(LineWriter):
    def line(self, record: dict[str, Any]) -> dict[str, Any]:
        return record


def read(path: Path) -> Iterator[Item]:
    return read_lines(path, _parse)


def _parse(where: str, record: dict[str, Any], text: str) -> Iterator[Item]:
    problems: list[Problem] = []
    parsed = Parsed(where, text, normalizer=record.get("normalizer"))
    ids: dict[Any, int] = {}
    spans = record.get("spans", [])
    if not isinstance(spans, list):
        problems.append(Problem(where, "'spans' must be a list"))
        spans = []
    for n, s in enumerate(spans, 1):
        if not isinstance(s, dict):
            problems.append(Problem(where, f"span {n} is not an object"))
            continue
        at = f"{where}: span {s.get('id', n)}"
        problem = check_span(at, text, s.get("start"), s.get("end"), s.get("text"))
        attributes, bad = attributes_from(at, s.get("attributes"))
        label = s.get("label")
        if not isinstance(label, str) or not label:
            problems.append(Problem(at, "no label"))
        for p in (problem, bad):
            if p:
                problems.append(p)
        if s.get("id", n) in ids:
            problems.append(Problem(at, "a second span with this id"))
            continue
        ids[s.get("id", n)] = len(parsed.spans)  # a bad span still answers for its relations
        if problem is None and bad is None and isinstance(label, str):
            annotator = s.get("annotator")
            parsed.spans.append(ImportedSpan(s["start"], s["end"], label, attributes,
                                             annotator if isinstance(annotator, str) else None))
    relations_from(where, record.get("relations"), ids, "head", "tail", parsed, problems)
    for n, region in enumerate(record.get("excluded") or [], 1):
        if not isinstance(region, dict) or check_span(where, text, region.get("start"), region.get("end")):
            problems.append(Problem(where, f"excluded region {n} is not a range of the text"))
        else:
            parsed.excluded.append({"start": region["start"], "end": region["end"],
                                    "reason": str(region.get("reason") or "imported"),
                                    "rule": str(region.get("rule") or "imported")})
    meta = record.get("meta") or {}
    if not isinstance(meta, dict):
        problems.append(Problem(where, "'meta' must be an object"))
        meta = {}
    status = meta.get("status", "new")
    if status not in STATUSES:
        problems.append(Problem(where, f"unknown status {status!r} (one of {', '.join(STATUSES)})"))
    parsed.status = status
    parsed.meta = {key: meta.get(key) for key in ("title", "date", "source", "source_file", "raw_sha256")
                   if isinstance(meta.get(key), str)}
    if problems:
        yield from problems
    else:
        yield parsed
