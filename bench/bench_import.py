"""Import throughput: 10,000 generated documents into a new project, against
normalization alone over the same files in the same run.

    python bench/bench_import.py [--docs 10000] [--workers N]

The documents (about 30 MB) are cut from the bundled pages: half noisy
Traditional with pinyin glosses (000, 004), half Simplified (001-003), each made
unique.  Prints documents per second for both and the ratio import /
normalization.  Floors from the issue: the import takes at most 15 s, and the
store adds at most 30 % to the normalization time.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from annotator.ingest import expand, import_paths
from annotator.ingest.importer import _init_worker, _work
from annotator.store import open_project

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TRADITIONAL = ["000_aaf9baf376961570.txt", "004_ad273fc778490be1.txt"]
SIMPLIFIED = ["001_089eab31a5e98f7a.txt", "002_d76ba749999d782d.txt", "003_078ce92062d30043.txt"]


def generate(folder: Path, count: int, size: int = 3000) -> int:
    rng = random.Random(7)
    pages = {name: (CORPUS / name).read_text("utf-8").splitlines(keepends=True) for name in TRADITIONAL + SIMPLIFIED}
    total = 0
    for i in range(count):
        lines = pages[rng.choice(TRADITIONAL if i % 2 else SIMPLIFIED)]
        start = rng.randrange(len(lines))
        chunk: list[str] = []
        while sum(map(len, chunk)) * 3 < size:
            chunk.append(lines[(start + len(chunk)) % len(lines)])
        data = f"第{i}号\n{''.join(chunk)}".encode("utf-8")
        (folder / f"{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def normalize_only(folder: Path, workers: int) -> float:
    tasks = list(expand([folder]))
    t = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(workers, _init_worker, (frozenset(), 64 << 20)) as pool:
        for _ in pool.imap(_work, tasks, chunksize=32):
            pass
    return time.perf_counter() - t


def import_all(folder: Path, project_path: Path, workers: int) -> tuple[float, int]:
    t = time.perf_counter()
    with open_project(project_path) as project:
        report = import_paths(project, [folder], workers=workers)
    return time.perf_counter() - t, len(report.added)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        size = generate(folder, args.docs)
        base = normalize_only(folder, args.workers)
        took, added = import_all(folder, Path(tmp) / "bench.annotator", args.workers)
        project_mb = (Path(tmp) / "bench.annotator").stat().st_size / 1e6
    ratio = took / base
    ok = took <= 15 and ratio <= 1.3 and added == args.docs
    print(f"{args.docs} documents, {size / 1e6:.1f} MB, {args.workers} workers")
    print(f"normalization alone {base:6.2f} s  {args.docs / base:7.0f} docs/s")
    print(f"import into project {took:6.2f} s  {args.docs / took:7.0f} docs/s  ({added} added, project {project_mb:.0f} MB)")
    print(f"ratio import / normalization {ratio:.2f}x (floor: at most 1.3x, and at most 15 s) "
          f"{'ok' if ok else 'BELOW FLOOR'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
