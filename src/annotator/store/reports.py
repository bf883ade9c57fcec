"""Statistics and the change log, read for the statistics view and ``annotator stats``."""

from __future__ import annotations

import json
from typing import Any

from .db import Database
from .models import STATUSES


class Reports(Database):
    # statistics ---------------------------------------------------------------------------
    def documents_by_status(self) -> dict[str, int]:
        counts = {s: 0 for s in STATUSES}
        counts.update(self.conn.execute("SELECT status, count(*) FROM documents GROUP BY status"))
        return counts

    def spans_by_label(self) -> dict[str, int]:
        """Spans per label, in the schema's order, labels without spans included."""
        counts = dict(self.conn.execute("SELECT label, count(*) FROM spans GROUP BY label"))
        return {label.name: counts.pop(label.name, 0) for label in self.labels()} | counts

    def programs_by_category(self) -> list[tuple[str | None, int, int]]:
        """``(category, spans, canonical programs)`` over the spans of program labels,
        by their ``category`` attribute (``None``: not set yet), largest first.  With
        several program labels, a canonical program is counted once per label."""
        counts: dict[str | None, list[int]] = {}
        for (label,) in self.conn.execute("SELECT name FROM labels WHERE kind = 'program'").fetchall():
            for category, n, programs in self.conn.execute(  # one label at a time: its index is in order
                    "SELECT category, count(*), count(DISTINCT program_id) FROM spans WHERE label = ? "
                    "GROUP BY category", (label,)):
                total = counts.setdefault(category, [0, 0])
                total[0] += n
                total[1] += programs
        return sorted(((c, n, k) for c, (n, k) in counts.items()),
                      key=lambda row: (-row[1], row[0] is None, row[0] or ""))

    def program_place_counts(self) -> list[tuple[int | None, str, int]]:
        """``(program id, place text, spans)``: the place links of program spans,
        by canonical program (``None``: spans not in the catalog yet).  Read from
        the summary the triggers of migration 6 keep, not from the links."""
        return [(program_id or None, place, n) for program_id, place, n in self.conn.execute(
            "SELECT program_id, place, spans FROM program_places WHERE spans > 0")]

    def program_span_counts(self) -> dict[int | None, int]:
        """Spans per canonical program; ``None``: program spans not in the catalog."""
        counts: dict[int | None, int] = dict(self.conn.execute(
            "SELECT program_id, count(*) FROM spans WHERE program_id IS NOT NULL GROUP BY program_id"))
        linked = sum(counts.values())
        counts[None] = self._one("SELECT count(*) FROM spans WHERE label IN "
                                 "(SELECT name FROM labels WHERE kind = 'program')") - linked
        return counts

    def throughput(self, *, since: str | None = None, utc_offset_minutes: int = 0) -> list[tuple[str, str, int]]:
        """``(day, annotator, spans added)``: spans made by hand, suggestions
        accepted (one or a batch) and occurrences tagged, from the change log (a batch
        applied from the command line, which no person looked at, does not count; an
        undone span still counted as work), by the day in the
        time zone ``utc_offset_minutes`` east of UTC.  ``since``: an ISO date or time
        in UTC.  Read from a per-hour summary the log keeps up to date."""
        return [tuple(row) for row in self.conn.execute(
            "SELECT date(hour, ?) AS day, annotator, sum(spans) FROM throughput WHERE hour >= ? "
            "GROUP BY day, annotator ORDER BY day, annotator",
            (f"{int(utc_offset_minutes):+d} minutes", (since or "")[:16]))]

    # history and statistics ---------------------------------------------------------
    def changes(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT id, at, annotator, action, document_id, details FROM changes ORDER BY id DESC LIMIT ?", (limit,))
        return [{"id": i, "at": at, "annotator": who, "action": action, "document_id": doc,
                 "details": json.loads(details)} for i, at, who, action, doc, details in rows]

    def stats(self) -> dict[str, Any]:
        def counts(sql: str) -> dict[str, int]:
            return {key: n for key, n in self.conn.execute(sql)}

        by_status = {s: 0 for s in STATUSES}
        by_status.update(counts("SELECT status, count(*) FROM documents GROUP BY status"))
        return {
            "project": str(self.path),
            "documents": sum(by_status.values()),
            "documents_by_status": by_status,
            "spans": self._one("SELECT count(*) FROM spans"),
            "spans_by_label": counts("SELECT label, count(*) FROM spans GROUP BY label ORDER BY label"),
            "spans_by_origin": counts("SELECT origin, count(*) FROM spans GROUP BY origin ORDER BY origin"),
            "relations": self._one("SELECT count(*) FROM relations"),
            "annotators": counts(
                "SELECT annotator, count(*) FROM spans GROUP BY annotator ORDER BY count(*) DESC, annotator"),
        }

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]
