"""A document's normalization flags, read alone (not the whole row): what the
window says about spots the normalizer could not repair with certainty, and
where in the normalized text the view marks them."""

from __future__ import annotations

import json
from typing import Any

from ..normalize.alignment import Alignment
from .db import Database


class Flags(Database):

    def uncertain_spots(self, document_id: int) -> dict[str, list[dict[str, Any]]]:
        """The spots to check, by kind: splices not repaired, suspected GBK byte loss,
        runs decoded one byte off.  Each keeps its raw position and what it probably
        was, and gains ``start``/``end``: the normalized characters that came from
        its raw range (equal when nothing of it reached the normalized text)."""
        row = self.conn.execute("SELECT flags FROM documents WHERE id = ?", (document_id,)).fetchone()
        found = json.loads(row[0]) if row and row[0] else {}
        out = {
            "splices": [dict(s) for s in found.get("splices", []) if not s.get("certain", True)],
            "byte_loss": [dict(s) for s in found.get("byte_loss", [])],
            "shifted_runs": [dict(s) for s in found.get("shifted_runs", [])],
        }
        out = {k: v for k, v in out.items() if v}
        if out:  # the map is read only for a document with something to mark
            stored, raw_length, length = self.conn.execute(
                "SELECT map, length(raw_text), length(text) FROM documents WHERE id = ?", (document_id,)).fetchone()
            segments = json.loads(stored)["segments"] if stored else None
            alignment = Alignment.from_json(segments, raw_length, length) if segments is not None \
                else Alignment.identity(length)
            for spots in out.values():
                for s in spots:
                    s["start"], s["end"] = normalized_range(alignment, s["raw_start"], s["raw_end"])
        return out


def normalized_range(alignment: Alignment, raw_start: int, raw_end: int) -> tuple[int, int]:
    """The normalized characters any of whose raw range lies inside ``[raw_start, raw_end)``.

    Unlike ``Alignment.target_range`` a character straddling an end counts: a
    flag marks where to look, not a span to export."""
    if alignment.target_len == 0:
        return 0, 0
    starts, ends = alignment.arrays()
    ends = starts + 1 if ends is None else ends
    first = int(ends.searchsorted(raw_start, "right"))
    last = int(starts.searchsorted(raw_end, "left"))
    # a raw range that produced nothing (a dropped gloss) marks the place it was
    return (first, last) if first < last else (first, first)
