"""Where bundled things live, installed, editable or frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def bundled_corpus() -> Path | None:
    """The folder of the five bundled pages, or ``None`` when this install has none."""
    candidates = []
    if getattr(sys, "frozen", False):
        candidates.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "corpus")
    candidates.append(Path(__file__).resolve().parents[2] / "corpus")  # a source checkout
    for path in candidates:
        if path.is_dir() and any(path.glob("*.txt")):
            return path
    return None
