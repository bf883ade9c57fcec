"""A document's normalization flags, read alone (not the whole row): what the
window says about spots the normalizer could not repair with certainty."""

from __future__ import annotations

import json
from typing import Any

from .db import Database


class Flags(Database):

    def uncertain_spots(self, document_id: int) -> dict[str, list[dict[str, Any]]]:
        """The spots to check, by kind: splices not repaired, suspected GBK byte loss,
        runs decoded one byte off (each with its raw position and what it probably was)."""
        row = self.conn.execute("SELECT flags FROM documents WHERE id = ?", (document_id,)).fetchone()
        found = json.loads(row[0]) if row else {}
        out = {
            "splices": [s for s in found.get("splices", []) if not s.get("certain", True)],
            "byte_loss": list(found.get("byte_loss", [])),
            "shifted_runs": list(found.get("shifted_runs", [])),
        }
        return {k: v for k, v in out.items() if v}
