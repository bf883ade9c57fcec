"""Row mappers: SQL rows of the store's queries → the plain data classes of :mod:`.models`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .models import Document, ExportDocument, ExportSpan, Region, Span

DOCUMENT_COLUMNS = ("id, raw_sha256, source_file, encoding, raw_text, text, map, excluded, meta, flags, steps, "
                     "normalizer, status, created_at, updated_at")
SPAN_COLUMNS = ("id, document_id, start, end, label, text, attributes, annotator, origin, suggester, "
                 "created_at, updated_at, program_id")


def to_document(row: tuple) -> Document:
    values = list(row)
    for i in (6, 7, 8, 9, 10):
        values[i] = json.loads(values[i])
    return Document(*values)


def to_export_document(row: tuple) -> ExportDocument:
    (doc_id, sha, source_file, raw_length, text, map_, meta, normalizer, status, excluded, spans, relations,
     overrides) = row
    marked = json.loads(excluded)
    override_rows = json.loads(overrides)
    return ExportDocument(
        doc_id, sha, source_file, raw_length, text, json.loads(map_), json.loads(meta), normalizer, status,
        list(map(ExportSpan._make, sorted(json.loads(spans)))),  # by start, end, label, id
        [(head, tail, kind) for _, head, tail, kind in sorted(json.loads(relations))],
        to_regions(marked, override_rows) if marked or override_rows else [],
    )


def to_span(row: tuple) -> Span:
    values = list(row)
    values[6] = {} if values[6] == "{}" else json.loads(values[6])  # most spans have none: skip the parser
    return Span(*values)


def to_regions(marked: list[dict[str, Any]], override_rows: Iterable[tuple[int, int, int, str]]) -> list[Region]:
    overrides = {(start, end): (bool(excluded), reason) for start, end, excluded, reason in override_rows}
    out = []
    for r in marked:
        override = overrides.pop((r["start"], r["end"]), None)
        excluded = True if override is None else override[0]
        out.append(Region(r["start"], r["end"], excluded, r["reason"], r["rule"], overridden=not excluded))
    for (start, end), (excluded, reason) in overrides.items():
        if excluded:  # excluded by hand; an unneeded "include" of unmarked text is nothing
            out.append(Region(start, end, True, reason, "annotator", overridden=True))
    return sorted(out, key=lambda r: (r.start, r.end))
