"""Our canonical JSONL: one document a line, exactly the record of
:mod:`annotator.exchange.records` (``docs/export.md``, ``docs/export.schema.json``).

Read back, it restores what a project can take from it: the text, spans with
their attributes and annotators, relations, excluded regions, title, date,
source, status and provenance (source file, raw sha256, normalizer version).
The raw page itself is not in the file, so an imported document's raw text is
its text (see ``docs/export.md``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np

from ..normalize.pipeline import MAP_FORMAT
from ..store import Project, ProjectDamaged
from ..store.models import STATUSES, ImportedSpan
from .annotated import Item, Parsed, Problem, attributes_from, check_span, read_lines, relations_from
from .base import LineWriter, dumps
from .records import SCHEMA_VERSION, ExportOptions, build_record

SUFFIX = ".jsonl"


class Writer(LineWriter):
    CARRIES = frozenset({"attributes", "relations", "programs", "excluded"})

    def line(self, record: dict[str, Any]) -> dict[str, Any]:
        return record


# Writing lines without records ---------------------------------------------------
# SQLite writes each line (Project.iter_export_json) but for what it cannot know:
# each span's ordinal id and raw offsets, spliced in here for a page at a time,
# the raw offsets from the stored map's segments with one numpy search.  The lines
# are byte for byte ``dumps(build_record(...))`` (tests/exchange/test_jsonl_sql.py);
# a document SQLite cannot write provably so, whose spans share a start and an end
# (they sort by label, which the lines do not show), or whose map is not in the
# form the store writes, goes through the record.

_IDS = [b'{"id":%d' % n for n in range(1024)]
_NO_BRACKETS = bytes.maketrans(b"[]", b"  ")
_SEGMENT_BYTES = b"0123456789,[] "
_MAP_HEADS = [json.dumps({"format": MAP_FORMAT, "segments": []}, separators=separators)[:-3].encode()
              for separators in ((",", ":"), (", ", ": "))]  # the store's, and json.dumps's own


def lines(project: Project, attribute_names: Sequence[str], options: ExportOptions,
          ranges: Sequence[tuple[int, int]] | None = None) -> Iterator[tuple[list[int], bytes, int]]:
    """Pages of (document ids, their lines each ended by ``\\n``, spans written).
    With ``ranges`` of document ids, exactly one page a range, even if empty."""
    for rows in project.iter_export_json(options.statuses, options.labels, attribute_names, ranges=ranges,
                                         drop_excluded=options.drop_excluded, schema_version=SCHEMA_VERSION):
        ids, page, by_record, spans = _fill(rows)
        if by_record:  # (some may be in the page: their lines are replaced)
            written = dict(zip(ids, page.split(b"\n")))
            for doc_id in by_record:
                record = build_record(project.export_document(doc_id), attribute_names, options)
                written[doc_id] = dumps(record).encode()
                spans += len(record["spans"])
            ids = sorted(written)
            page = b"\n".join([written[i] for i in ids])
        if ids:
            _check_utf8(project, page)
            yield ids, page + b"\n", spans
        elif ranges is not None:
            yield [], b"", 0


def _check_utf8(project: Project, page: bytes) -> None:
    """SQLite copies a stored text's bytes as they are: a byte flipped on disk inside
    a text would reach the file.  Decoding the page proves it UTF-8 (a few per cent
    of the export, in the worker processes when there are many)."""
    try:
        page.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProjectDamaged(f"{project.path}: the project file is damaged (a stored text is not UTF-8 at "
                             f"byte {exc.start} of a page of the export); nothing was written") from None


def _fill(rows: list[tuple[int, bytes, bytes]]) -> tuple[list[int], bytes, list[int], int]:
    """The page's lines completed and joined by ``\\n`` (their ids first), the ids
    left to the record (their lines in the page are to be replaced), the spans
    written.

    Each line is ``head \x02 start,end,... \x02 annotators \x02 tail``, with ``\x01``
    twice a span in the head and once in the tail (where the annotators go): the
    page is split once on each marker, not a line at a time."""
    by_record = [doc_id for doc_id, _, line in rows if b"\x04" in line]
    if by_record:
        left = set(by_record)
        rows = [row for row in rows if row[0] not in left]
    ids = [row[0] for row in rows]
    if not rows:
        return ids, b"", by_record, 0
    parts = b"\n".join([row[2] for row in rows]).split(b"\x02")
    pairs, annotators = parts[1::3], parts[2::3]
    n = np.array([p.count(b",") // 2 + 1 if p else 0 for p in pairs], dtype=np.int64)
    total = int(n.sum())
    doc = np.repeat(np.arange(len(ids), dtype=np.int64), n)
    offsets = _ints(b",".join([p for p in pairs if p]), 2 * total).reshape(-1, 2)
    start, end = offsets[:, 0], offsets[:, 1]
    tied = np.flatnonzero((start[1:] == start[:-1]) & (end[1:] == end[:-1]) & (doc[1:] == doc[:-1]))
    segments = [_segments(row[1]) if k else b"" for row, k in zip(rows, n.tolist())]
    odd = set(doc[tied].tolist()) | {i for i, s in enumerate(segments) if s is None}
    for i in odd:  # spliced all the same, and replaced
        segments[i] = b"[[0, 0, 0, 0]]"
    ranges = _raw_ranges(segments, doc, start, end)  # type: ignore[arg-type]
    if ranges is None:  # rare: which map holds more than numbers?
        odd |= {i for i, s in enumerate(segments) if s.translate(None, _SEGMENT_BYTES)}  # type: ignore[union-attr]
        ranges = _raw_ranges([b"[[0, 0, 0, 0]]" if i in odd else s for i, s in enumerate(segments)], doc, start, end)
    raw_start, raw_end = ranges  # type: ignore[misc]
    ordinal = (np.arange(total, dtype=np.int64) - (np.cumsum(n) - n)[doc] + 1).tolist()
    spans: list[bytes | None] = [None] * (2 * total)
    spans[0::2] = itemgetter(*ordinal)(_IDS) if 1 < total and max(ordinal) < len(_IDS) else \
        [b'{"id":%d' % i for i in ordinal]
    spans[1::2] = [b'%d,"raw_end":%d' % p for p in zip(raw_start.tolist(), raw_end.tolist())]
    pieces = np.empty(2 * total + len(ids), dtype=object)  # each document's spans, then its annotators
    at = 2 * np.cumsum(n) + np.arange(len(ids))
    pieces[at] = np.array(annotators, dtype=object)
    keep = np.ones(len(pieces), dtype=bool)
    keep[at] = False
    pieces[keep] = np.array(spans, dtype=object)
    text = b"".join(parts[0::3]).split(b"\x01")
    spliced: list[bytes | None] = [None] * (len(text) + len(pieces))
    spliced[0::2] = text
    spliced[1::2] = pieces.tolist()
    written = total - int(n[sorted(odd)].sum())
    return ids, b"".join(spliced), by_record + sorted(ids[i] for i in odd), written


def _segments(stored: bytes | None) -> bytes | None:
    """The segments of a map as the store writes it (``{"format": ..., "segments":
    [[...], ...]}``), else ``None``.  The caller checks that they hold nothing but
    numbers, commas, spaces and brackets (``_SEGMENT_BYTES``), so that no other
    key can hide there."""
    for head in _MAP_HEADS:
        if stored and stored.startswith(head) and stored.endswith(b"}"):
            return stored[len(head):-1]
    return None


def _raw_ranges(segments: list[bytes], doc: np.ndarray, start: np.ndarray, end: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray] | None:
    """``Alignment.source_range`` of every span of a page at once: the segment
    holding a character is the last one starting at or before it (deletions at a
    position come before the text there), as ``Alignment._segment_source`` finds it.
    ``None`` if the segments hold more than numbers, commas, spaces and brackets."""
    counts = np.array([s.count(b"[") - 1 if s else 0 for s in segments], dtype=np.int64)
    counts[counts < 0] = 0
    text = b",".join([s for s, k in zip(segments, counts.tolist()) if k])
    if text.translate(None, _SEGMENT_BYTES):
        return None
    text = text.translate(_NO_BRACKETS)
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


def _program(where: str, value: Any) -> tuple[tuple[str, str | None] | None, Problem | None]:
    """A span's catalog entry, ``{"name": ..., "parent": ... or null}`` or null."""
    if value is None:
        return None, None
    name, parent = (value.get("name"), value.get("parent")) if isinstance(value, dict) else (None, None)
    if not isinstance(name, str) or not name.strip() or not (parent is None or isinstance(parent, str) and
                                                               parent.strip() and parent != name):
        return None, Problem(where, "'program' must be null or {\"name\": a name, \"parent\": another name or null}")
    return (name, parent), None


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
        program, wrong = _program(at, s.get("program"))
        if wrong:
            problems.append(wrong)
        if problem is None and bad is None and wrong is None and isinstance(label, str):
            annotator = s.get("annotator")
            parsed.spans.append(ImportedSpan(s["start"], s["end"], label, attributes,
                                             annotator if isinstance(annotator, str) else None, program))
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
