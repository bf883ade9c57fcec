"""Train/dev/test by document, the same for the same seed, stratified by source.

Each source's documents are shuffled with a generator seeded by the seed and
the source's name (so adding a source leaves the others' order alone); the
sources are then walked in name order and each document goes to the part
furthest below its share so far.  Every source of a few documents or more is
spread in proportion, and the single documents of many small sources are
spread across the parts rather than all landing in the first.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

_NAME = re.compile(r"^[A-Za-z0-9_-]+$")


class SplitError(ValueError):
    pass


def parse_split(text: str) -> dict[str, float]:
    """``train=0.8,dev=0.1,test=0.1`` → ``{"train": 0.8, ...}``; shares must add up to 1."""
    parts: dict[str, float] = {}
    for item in text.split(","):
        name, eq, share = item.strip().partition("=")
        try:
            value = float(share)
        except ValueError:
            value = -1.0
        if not eq or not _NAME.match(name) or not 0 < value <= 1:
            raise SplitError(f"{item.strip()!r} is not NAME=SHARE with a share between 0 and 1")
        if name in parts:
            raise SplitError(f"{name} is named twice")
        parts[name] = value
    if abs(sum(parts.values()) - 1) > 1e-6:
        raise SplitError(f"the shares add up to {sum(parts.values()):g}, not 1")
    return parts


def assign(documents: Iterable[tuple[int, str]], shares: dict[str, float], seed: int) -> dict[int, str]:
    """The part each document id goes to, from ``(id, source)`` pairs."""
    by_source: dict[str, list[int]] = {}
    for doc_id, source in documents:
        by_source.setdefault(source or "", []).append(doc_id)
    names = list(shares)
    counts = dict.fromkeys(names, 0)
    out: dict[int, str] = {}
    seen = 0
    for source in sorted(by_source):
        ids = sorted(by_source[source])
        random.Random(f"{seed}\x00{source}").shuffle(ids)
        for doc_id in ids:
            seen += 1
            name = max(names, key=lambda n: (seen * shares[n] - counts[n], -names.index(n)))
            counts[name] += 1
            out[doc_id] = name
    return out
