"""Prodigy's JSONL: the text, its tokens (jieba's words) and spans with
``token_start``/``token_end`` (inclusive), as ``ner.manual`` writes them.

A span must start and end on token boundaries, so a jieba word that a span
boundary cuts through is split there: every span keeps its exact offsets.
jieba takes about a second to load its dictionary, so it is imported only when
this format is asked for.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from ..store.models import ImportedSpan
from .annotated import Item, Parsed, Problem, check_span, read_lines
from .base import LineWriter

SUFFIX = ".jsonl"


@cache
def _tokenizer() -> Callable[[str], Any]:
    import jieba  # slow to load: only here
    import platformdirs

    jieba.setLogLevel(logging.WARNING)
    folder = platformdirs.user_cache_path("annotator", appauthor=False)
    try:  # its prepared dictionary in the user's cache folder, not in the shared temporary one
        folder.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir, jieba.dt.cache_file = str(folder), f"jieba-{jieba.__version__}.cache"
    except OSError:
        pass
    return jieba.tokenize


def tokens(text: str, cuts: set[int]) -> list[dict[str, Any]]:
    """jieba's tokens of ``text``, each also cut at the offsets in ``cuts``."""
    out: list[dict[str, Any]] = []
    for _, start, end in _tokenizer()(text):
        inner = sorted(c for c in cuts if start < c < end)
        for a, b in zip([start, *inner], [*inner, end]):
            out.append({"text": text[a:b], "start": a, "end": b, "id": len(out), "ws": False})
    return out


class Writer(LineWriter):
    def line(self, record: dict[str, Any]) -> dict[str, Any]:
        spans = record["spans"]
        toks = tokens(record["text"], {s["start"] for s in spans} | {s["end"] for s in spans})
        starts = [t["start"] for t in toks]
        ends = [t["end"] for t in toks]
        return {
            "text": record["text"],
            "tokens": toks,
            "spans": [{"start": s["start"], "end": s["end"], "label": s["label"], "text": s["text"],
                       "token_start": bisect_left(starts, s["start"]), "token_end": bisect_left(ends, s["end"])}
                      for s in spans],
            "meta": {"id": record["id"], "source": record["meta"]["source"], "title": record["meta"]["title"]},
            "answer": "accept",
        }


def read(path: Path) -> Iterator[Item]:
    """Prodigy JSONL (for ``validate``, and import): spans are checked against
    the text and against the tokens they name."""
    return read_lines(path, _parse)


def _parse(where: str, record: dict[str, Any], text: str) -> Iterator[Item]:
    if record.get("answer", "accept") != "accept":
        return  # rejected or ignored examples carry no annotation
    parsed, problems = Parsed(where, text), []
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    parsed.meta = {key: meta[key] for key in ("title", "source") if isinstance(meta.get(key), str)}
    toks = record.get("tokens") or []
    for n, s in enumerate(record.get("spans") or [], 1):
        if not isinstance(s, dict) or not isinstance(s.get("label"), str):
            problems.append(Problem(where, f"span {n} has no label"))
            continue
        at = f"{where}: span {n} ({s['label']})"
        problem = check_span(at, text, s.get("start"), s.get("end"), s.get("text"))
        if problem is None and toks and not _on_tokens(toks, s):
            problem = Problem(at, f"tokens {s.get('token_start')}..{s.get('token_end')} are not the span's "
                                  f"{s['start']}:{s['end']}")
        if problem:
            problems.append(problem)
        else:
            parsed.spans.append(ImportedSpan(s["start"], s["end"], s["label"]))
    yield from problems or [parsed]


def _on_tokens(toks: list[Any], span: dict[str, Any]) -> bool:
    first, last = span.get("token_start"), span.get("token_end")
    try:
        return toks[first]["start"] == span["start"] and toks[last]["end"] == span["end"]
    except (TypeError, IndexError, KeyError):
        return False
