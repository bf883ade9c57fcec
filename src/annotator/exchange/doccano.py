"""doccano's sequence-labelling JSONL, and its relation variant.

Plain: ``{"id", "text", "label": [[start, end, "LABEL"], ...]}``.  When the
export holds relations: ``{"id", "text", "entities": [{"id", "label",
"start_offset", "end_offset"}], "relations": [{"id", "from_id", "to_id",
"type"}]}``.  Ends are exclusive; offsets count characters (code points).
doccano has no span attributes, so they are not written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..store.models import ImportedSpan
from .annotated import Item, Parsed, Problem, check_span, read_lines, relations_from
from .base import LineWriter

SUFFIX = ".jsonl"


class Writer(LineWriter):
    CARRIES = frozenset({"relations"})

    def line(self, record: dict[str, Any]) -> dict[str, Any]:
        spans = record["spans"]
        if not self.context.relations:
            return {"id": record["id"], "text": record["text"],
                    "label": [[s["start"], s["end"], s["label"]] for s in spans]}
        return {
            "id": record["id"], "text": record["text"],
            "entities": [{"id": s["id"], "label": s["label"], "start_offset": s["start"], "end_offset": s["end"]}
                         for s in spans],
            "relations": [{"id": r["id"], "from_id": r["head"], "to_id": r["tail"], "type": r["type"]}
                          for r in record["relations"]],
        }


def read(path: Path) -> Iterator[Item]:
    return read_lines(path, _parse)


def _parse(where: str, record: dict[str, Any], text: str) -> Iterator[Item]:
    return (_parse_relations if "entities" in record else _parse_plain)(where, record, text)


def _parse_plain(where: str, record: dict[str, Any], text: str) -> Iterator[Item]:
    labels = record.get("label", record.get("labels", []))
    if not isinstance(labels, list):
        yield Problem(where, "'label' must be a list of [start, end, label]")
        return
    parsed, problems = Parsed(where, text), []
    for n, entry in enumerate(labels, 1):
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], str)):
            problems.append(Problem(where, f"label {n} is not [start, end, label]: {entry!r}"))
            continue
        start, end, label = entry
        problem = check_span(f"{where}: label {n} ({label})", text, start, end)
        if problem:
            problems.append(problem)
        else:
            parsed.spans.append(ImportedSpan(start, end, label))
    yield from problems or [parsed]


def _parse_relations(where: str, record: dict[str, Any], text: str) -> Iterator[Item]:
    parsed, problems = Parsed(where, text), []
    ids: dict[Any, int] = {}
    entities = record.get("entities")
    for n, e in enumerate(entities if isinstance(entities, list) else [], 1):
        if not isinstance(e, dict) or not isinstance(e.get("label"), str):
            problems.append(Problem(where, f"entity {n} has no label"))
            continue
        problem = check_span(f"{where}: entity {e.get('id', n)} ({e['label']})", text,
                             e.get("start_offset"), e.get("end_offset"))
        ids[e.get("id", n)] = len(parsed.spans)  # a bad span still answers for its relations
        if problem:
            problems.append(problem)
            continue
        parsed.spans.append(ImportedSpan(e["start_offset"], e["end_offset"], e["label"]))
    relations_from(where, record.get("relations"), ids, "from_id", "to_id", parsed, problems)
    yield from problems or [parsed]
