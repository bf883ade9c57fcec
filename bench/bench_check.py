"""What checking a project at opening costs: ``PRAGMA quick_check`` (what
opening runs) against ``PRAGMA integrity_check`` (which also compares every
index with its table), as a ratio measured in the same run.

    python bench/bench_check.py [--docs 2000] [--spans-per-doc 100]

The project is a real project file made through ``Project.add_documents`` and
``Project.add_spans``; each check is the median of three runs on an immutable
read-only connection, as opening reads it.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from annotator.store import NewDocument, open_project  # noqa: E402
from annotator.store.db import connect  # noqa: E402

TEXT = "全国妇联主席沈跃跃出席会议。江门市妇联开展春蕾计划。" * 400


def document(i: int) -> NewDocument:
    text = f"{i}{TEXT}"
    return NewDocument(hashlib.sha256(text.encode()).hexdigest(), f"{i}.txt", "utf-8", text, text,
                       {"format": "segments-v1", "segments": [[0, len(text), 0, len(text)]]}, [],
                       {"title": None, "date": None, "source": None}, {}, [], "bench")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--spans-per-doc", type=int, default=100)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "check.annotator"
    step = max(1, len(TEXT) // args.spans_per_doc)
    with open_project(path) as project:
        for first in range(0, args.docs, 200):
            ids = project.add_documents([document(i) for i in range(first, min(first + 200, args.docs))])
            project.add_spans([(d, s, s + 2, "ORG") for d in ids for s in range(0, len(TEXT) - 2, step)])
        spans = project.stats()["spans"]
    conn = connect(path, read_only=True, immutable=True)
    timings = {}
    for pragma in ("quick_check(5)", "integrity_check(5)"):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            conn.execute(f"PRAGMA {pragma}").fetchall()
            runs.append(time.perf_counter() - start)
        timings[pragma] = statistics.median(runs)
    conn.close()
    print(f"{args.docs} documents, {spans} spans, {path.stat().st_size / 1e6:.0f} MB")
    for pragma, seconds in timings.items():
        print(f"  {pragma:20s} {seconds:6.3f} s")
    print(f"  integrity_check / quick_check = {timings['integrity_check(5)'] / timings['quick_check(5)']:.1f}")


if __name__ == "__main__":
    main()
