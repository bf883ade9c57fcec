"""Our canonical JSONL: one document a line, exactly the record of
:mod:`annotator.exchange.records` (``docs/export.md``, ``docs/export.schema.json``).

Read back, it restores what a project can take from it: the text, spans with
their attributes and annotators, relations, excluded regions, title, date,
source, status and provenance (source file, raw sha256, normalizer version).
The raw page itself is not in the file, so an imported document's raw text is
its text (see ``docs/export.md``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..store import Project
from ..store.models import STATUSES, ImportedSpan
from .annotated import Item, Parsed, Problem, attributes_from, check_span, read_lines, relations_from
from .base import LineWriter, dumps
from .records import SCHEMA_VERSION, ExportOptions, build_record

SUFFIX = ".jsonl"


class Writer(LineWriter):
    def line(self, record: dict[str, Any]) -> dict[str, Any]:
        return record


# Writing lines without records ---------------------------------------------------
# SQLite writes each line (Project.iter_export_json) but for what it cannot know:
# each span's ordinal id and raw offsets, spliced in here for a page at a time,
# the raw offsets from the stored map's segments with one numpy search.  The lines
# are byte for byte ``dumps(build_record(...))`` (tests/exchange/test_jsonl_sql.py);
# a document SQLite cannot write provably so, or whose spans share a start and an
# end (they sort by label, which the lines do not show), goes through the record.

_IDS = [b'{"id":%d' % n for n in range(1024)]
_NO_BRACKETS = str.maketrans("[]", "  ")


def lines(project: Project, attribute_names: Sequence[str], options: ExportOptions
          ) -> Iterator[tuple[list[int], list[bytes], int]]:
    """Pages of (document ids, their lines without ``\\n``, spans written)."""
    for rows in project.iter_export_json(options.statuses, options.labels, attribute_names,
                                         drop_excluded=options.drop_excluded, schema_version=SCHEMA_VERSION):
        written, by_record, spans = _fill(rows)
        for doc_id in by_record:
            record = build_record(project.export_document(doc_id), attribute_names, options)
            written[doc_id] = dumps(record).encode()
            spans += len(record["spans"])
        ids = sorted(written) if by_record else list(written)
        yield ids, [written[i] for i in ids], spans


def _fill(rows: list[tuple[int, str, bytes]]) -> tuple[dict[int, bytes], list[int], int]:
    """The page's lines completed, the ids left to the record, the spans written."""
    ids, segments, heads, pairs, tails, counts = [], [], [], [], [], []
    by_record = []
    for doc_id, segs, line in rows:
        if b"\x04" in line:
            by_record.append(doc_id)
            continue
        head, offsets, annotators, tail = line.split(b"\x02")
        ids.append(doc_id)
        heads.append(head)
        tails.append(tail.replace(b"\x03", annotators, 1))
        pairs.append(offsets)
        counts.append(offsets.count(b",") // 2 + 1 if offsets else 0)
        segments.append(segs if offsets else "")
    n = np.array(counts, dtype=np.int64)
    total = int(n.sum())
    if not total:
        return dict(zip(ids, (h + t for h, t in zip(heads, tails)))), by_record, 0
    doc = np.repeat(np.arange(len(ids), dtype=np.int64), n)
    offsets = _ints(b",".join([p for p in pairs if p]), 2 * total).reshape(-1, 2)
    start, end = offsets[:, 0], offsets[:, 1]
    keep = np.ones(len(ids), dtype=bool)
    tied = np.flatnonzero((start[1:] == start[:-1]) & (end[1:] == end[:-1]) & (doc[1:] == doc[:-1]))
    keep[doc[tied]] = False
    raw_start, raw_end = _raw_ranges(segments, doc, start, end)
    first = np.cumsum(n) - n
    ordinal = np.arange(total, dtype=np.int64) - first[doc] + 1
    kept = keep[doc]
    pieces: list[bytes | None] = [None] * (2 * int(kept.sum()))
    pieces[0::2] = [_IDS[i] if i < len(_IDS) else b'{"id":%d' % i for i in ordinal[kept].tolist()]
    pieces[1::2] = [b'%d,"raw_end":%d' % p for p in zip(raw_start[kept].tolist(), raw_end[kept].tolist())]
    body = [heads[i] + tails[i] for i in np.flatnonzero(keep).tolist()]
    by_record += [ids[i] for i in np.flatnonzero(~keep).tolist()]
    parts = b"\n".join(body).split(b"\x01")
    spliced: list[bytes | None] = [None] * (len(parts) + len(pieces))
    spliced[0::2] = parts
    spliced[1::2] = pieces
    kept_ids = [ids[i] for i in np.flatnonzero(keep).tolist()]
    return dict(zip(kept_ids, b"".join(spliced).split(b"\n"))), by_record, len(pieces) // 2


def _raw_ranges(segments: list[str], doc: np.ndarray, start: np.ndarray, end: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """``Alignment.source_range`` of every span of a page at once: the segment
    holding a character is the last one starting at or before it (deletions at a
    position come before the text there), as ``Alignment._segment_source`` finds it."""
    counts = np.array([s.count("[") - 1 if s else 0 for s in segments], dtype=np.int64)
    counts[counts < 0] = 0
    text = ",".join([s for s, k in zip(segments, counts.tolist()) if k]).translate(_NO_BRACKETS)
    t0, t1, s0, s1 = _ints(text, 4 * int(counts.sum())).reshape(-1, 4).T
    keys = (np.repeat(np.arange(len(segments), dtype=np.int64), counts) << 32) + t0
    aligned = t1 - t0 == s1 - s0
    base = doc << 32
    i = np.searchsorted(keys, base + start, side="right") - 1
    last = end - 1
    k = np.searchsorted(keys, base + last, side="right") - 1
    raw_start = np.where(aligned[i], s0[i] + start - t0[i], s0[i])
    raw_end = np.where(aligned[k], s0[k] + last - t0[k] + 1, s1[k])
    return raw_start, raw_end


def _ints(text: str | bytes, count: int) -> np.ndarray:
    """Comma-separated integers, exactly ``count`` of them."""
    if not count:
        return np.zeros(0, dtype=np.int64)
    out = np.fromstring(text, dtype=np.int64, sep=",")
    if len(out) != count:
        raise ValueError(f"expected {count} integers, read {len(out)}")
    return out


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
