"""A stored document as one canonical record: the dict every export writes from.

The canonical JSONL line *is* this record (``docs/export.md``); the other
formats are views of it.  Building it in one place keeps the choices the same
everywhere: which spans and relations an export keeps, how excluded text is cut
out and offsets rebased, where each span came from in the raw page, and one
shape for attributes across all lines (every attribute name of the project, a
string or null), so that column-typed readers such as HuggingFace ``datasets``
see one schema.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from ..store.models import (
    EXCLUDED_FIELDS,
    META_FIELDS,
    PROGRAM_FIELDS,
    RECORD_FIELDS,
    RELATION_FIELDS,
    ExportDocument,
    ExportSpan,
)

SCHEMA_VERSION = 2  # of docs/export.schema.json; bump when a field changes meaning (2: spans' "program")


@dataclass(frozen=True)
class ExportOptions:
    """What to export: documents of some statuses, spans of some labels, and
    whether excluded regions are cut out of the text (offsets rebased)."""

    statuses: tuple[str, ...] | None = None
    labels: frozenset[str] | None = None
    drop_excluded: bool = False


def build_record(doc: ExportDocument, attribute_names: Sequence[str], options: ExportOptions) -> dict[str, Any]:
    labels = options.labels
    spans = doc.spans if labels is None else [s for s in doc.spans if s.label in labels]
    excluded = [(r.start, r.end, r.reason, r.rule) for r in doc.regions if r.excluded]
    text = doc.text
    placed: list[tuple[ExportSpan, int, int]] = [(s, s.start, s.end) for s in spans]
    if options.drop_excluded and excluded:
        text, rebase = cut(text, [(start, end) for start, end, _, _ in excluded])
        placed = [(s, *moved) for s in spans if (moved := rebase(s.start, s.end)) is not None]
        excluded = []
    source_range = doc.alignment().source_range if placed else None
    ordinal: dict[int, int] = {}
    out_spans = []
    for n, (s, start, end) in enumerate(placed, 1):
        ordinal[s.id] = n
        raw_start, raw_end = source_range(s.start, s.end)  # type: ignore[misc]
        # a literal, in SPAN_FIELDS' order (tests/exchange/test_records.py holds them equal): a span a
        # dict display is a third faster than dict(zip(SPAN_FIELDS, ...)), and spans are most of an export
        out_spans.append({
            "id": n, "start": start, "end": end, "label": s.label, "text": s.text,
            "raw_start": raw_start, "raw_end": raw_end, "origin": s.origin, "annotator": s.annotator,
            "attributes": uniform_attributes(s.attributes, attribute_names),
            "program": None if s.program is None else dict(zip(PROGRAM_FIELDS, s.program)),
        })
    relations = [(ordinal[h], ordinal[t], kind) for h, t, kind in doc.relations if h in ordinal and t in ordinal]
    meta = doc.meta
    # every object in the layout's order (store/models.py), which the SQL export writes too
    return dict(zip(RECORD_FIELDS, (
        doc.id,
        text,
        out_spans,
        [dict(zip(RELATION_FIELDS, (n, *relation))) for n, relation in enumerate(relations, 1)],
        [dict(zip(EXCLUDED_FIELDS, region)) for region in excluded],
        dict(zip(META_FIELDS, (meta.get("title"), meta.get("date"), meta.get("source"), doc.source_file,
                               doc.raw_sha256, doc.status, sorted({s.annotator for s, _, _ in placed})))),
        doc.normalizer,
        SCHEMA_VERSION,
    )))


def uniform_attributes(attributes: dict[str, Any], names: Sequence[str]) -> dict[str, str | None]:
    """Every name, in order, with a string or null: a value that is not a string
    (a list, a number, ``true``) is written as its JSON text."""
    if not attributes:
        return dict.fromkeys(names)
    out: dict[str, str | None] = {}
    for name in names:
        value = attributes.get(name)
        out[name] = value if value is None or isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return out


def cut(text: str, ranges: Sequence[tuple[int, int]]):
    """``text`` without ``ranges``, and a function taking a span of ``text`` to
    the cut text (``None`` when the span touches a cut range)."""
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        elif end > start:
            merged.append([start, end])
    starts = [start for start, _ in merged]
    removed_before = list(accumulate((end - start for start, end in merged), initial=0))
    pieces, pos = [], 0
    for start, end in merged:
        pieces.append(text[pos:start])
        pos = end
    pieces.append(text[pos:])

    def rebase(start: int, end: int) -> tuple[int, int] | None:
        i = bisect_right(starts, start) - 1  # the last cut range starting at or before the span
        if i >= 0 and start < merged[i][1]:
            return None
        if i + 1 < len(merged) and merged[i + 1][0] < end:
            return None
        shift = removed_before[i + 1]
        return start - shift, end - shift

    return "".join(pieces), rebase


def non_overlapping(spans: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The spans a one-label-per-character format can hold: longest first, then
    earliest (spaCy's ``filter_spans`` rule), returned in text order."""
    taken: list[dict[str, Any]] = []
    used: set[int] = set()
    for s in sorted(spans, key=lambda s: (-(s["end"] - s["start"]), s["start"], s["id"])):
        if not used.intersection(range(s["start"], s["end"])):
            taken.append(s)
            used.update(range(s["start"], s["end"]))
    return sorted(taken, key=lambda s: (s["start"], s["end"]))
