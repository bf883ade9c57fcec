"""Label Studio: a JSON array of tasks, each with one annotation.

A span is a ``labels`` result (``value``: start, end, text, labels); each of
its attributes is a ``choices`` result with the same region id, named by the
attribute (a labeling config with a ``<Choices name="category" perRegion="true">``
shows them); a relation is a ``relation`` result between two region ids.
Offsets are characters (code points).  The array is written one task a line,
so that it streams; the reader loads the whole array (Label Studio's own
exports are indented) and locates problems by task.

A task may hold several annotations (one per annotator).  The reader takes
``first`` (the first not cancelled, the default), ``latest`` (the one updated
last) or ``all`` (every one not cancelled, each span with its annotator, from
``completed_by``), and counts the annotations it passed over so the import can
say so.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..store.models import ImportedSpan
from .annotated import Item, Parsed, Problem, check_span, read_text, relations_from, text_of
from .base import Writer as BaseWriter
from .base import WriterContext, dumps

SUFFIX = ".json"


class Writer(BaseWriter):
    CARRIES = frozenset({"attributes", "relations"})

    def __init__(self, path: Path, context: WriterContext):
        super().__init__(path, context)
        self._file = path.open("w", encoding="utf-8", newline="\n")
        self._file.write("[")
        self._first = True

    def write(self, record: dict[str, Any]) -> None:
        self._file.write(("\n" if self._first else ",\n") + dumps(task(record)))
        self._first = False

    def close(self) -> None:
        self._file.write("]\n" if self._first else "\n]\n")
        self._file.close()


def task(record: dict[str, Any]) -> dict[str, Any]:
    result: list[dict[str, Any]] = []
    for s in record["spans"]:
        region = {"start": s["start"], "end": s["end"], "text": s["text"]}
        rid = f"s{s['id']}"
        result.append({"value": {**region, "labels": [s["label"]]}, "id": rid, "from_name": "label",
                       "to_name": "text", "type": "labels"})
        for name, value in s["attributes"].items():
            if value is not None:
                result.append({"value": {**region, "choices": [value]}, "id": rid, "from_name": name,
                               "to_name": "text", "type": "choices"})
    for r in record["relations"]:
        result.append({"from_id": f"s{r['head']}", "to_id": f"s{r['tail']}", "type": "relation",
                       "direction": "right", "labels": [r["type"]]})
    return {"id": record["id"], "data": {"text": record["text"]}, "annotations": [{"result": result}]}


CHOICES = ("first", "latest", "all")


def read(path: Path, annotations: str = "first") -> Iterator[Item]:
    if annotations not in CHOICES:
        raise ValueError(f"annotations must be one of {', '.join(CHOICES)}")
    data = read_text(path)
    if isinstance(data, Problem):
        yield data
        return
    try:
        tasks = json.loads(data)
    except json.JSONDecodeError as exc:
        yield Problem(f"{path}:{exc.lineno}", f"not valid JSON ({exc.msg} at column {exc.colno})")
        return
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        yield Problem(str(path), "not a list of Label Studio tasks")
        return
    for n, t in enumerate(tasks, 1):
        where = f"{path}: task {n}" + (f" (id {t['id']})" if isinstance(t, dict) and "id" in t else "")
        text, problem = text_of(where, t.get("data") if isinstance(t, dict) else t)
        if problem:
            yield problem
            continue
        yield from _parse(where, t, text, annotations)  # type: ignore[arg-type]


def annotator_of(annotation: dict[str, Any]) -> str | None:
    """Who made an annotation, as Label Studio's export names them."""
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    return None if who is None else str(who)


def _chosen(annotations: list[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    if not annotations or which == "all":
        return annotations
    if which == "latest":
        return [max(enumerate(annotations),
                    key=lambda a: (str(a[1].get("updated_at") or a[1].get("created_at") or ""), a[0]))[1]]
    return annotations[:1]


def _parse(where: str, t: dict[str, Any], text: str, which: str = "first") -> Iterator[Item]:
    annotations = [a for a in t.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    chosen = _chosen(annotations, which)
    parsed, problems = Parsed(where, text), []
    parsed.skipped_annotations = len(annotations) - len(chosen)
    for annotation in chosen:
        who = annotator_of(annotation) if which == "all" else None
        _parse_annotation(where, annotation, text, parsed, problems, who)
    yield from problems or [parsed]


def _parse_annotation(where: str, annotation: dict[str, Any], text: str, parsed: Parsed, problems: list[Problem],
                      annotator: str | None) -> None:
    results = annotation.get("result") or []
    ids: dict[Any, int] = {}
    choices: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for n, r in enumerate(results, 1):
        kind = r.get("type") if isinstance(r, dict) else None
        if kind == "relation":
            relations.append({"head": r.get("from_id"), "tail": r.get("to_id"), "type": (r.get("labels") or [""])[0]})
            continue
        if kind == "choices":
            choices.append(r)
            continue
        if kind != "labels":
            continue  # other controls (ratings, text areas) carry nothing a span holds
        value = r.get("value") or {}
        labels = value.get("labels") or []
        at = f"{where}: result {n} ({', '.join(map(str, labels))})"
        problem = check_span(at, text, value.get("start"), value.get("end"), value.get("text"))
        if problem:
            problems.append(problem)
            continue
        if not labels:
            problems.append(Problem(at, "a region with no label"))
        for label in labels:
            ids.setdefault(r.get("id", f"#{n}"), len(parsed.spans))
            parsed.spans.append(ImportedSpan(value["start"], value["end"], label, {}, annotator=annotator))
    for r in choices:
        i = ids.get(r.get("id"))
        picked = (r.get("value") or {}).get("choices") or []
        if i is None or len(picked) != 1:
            problems.append(Problem(where, f"choices {r.get('from_name')!r} must name one region and one choice"))
            continue
        parsed.spans[i].attributes[r.get("from_name")] = picked[0]
    relations_from(where, relations, ids, "head", "tail", parsed, problems)
