"""Import speed and memory, against bare OpenCC over the same bytes in the same run.

    python bench/bench_import.py [--docs 10000] [--workers N] [--big-mb 60]

1. 10,000 generated pages (about 30 MB; half noisy Traditional with pinyin
   glosses cut from pages 000 and 004, half Simplified from 001-003, each made
   unique) imported into a new project until the list shows them and a search
   finds them through the index (``import_paths`` fills it in the same pass),
   against bare OpenCC ``t2s`` reading and converting the same files in one
   process.  Floor from issue 21.1: the import at most 5x bare OpenCC.
2. Peak resident memory of the importing process and of its largest worker,
   for the pages and for a quarter of them (flat in the number of documents),
   and for one page of ``--big-mb`` MB on one line (floor from 21.4: at most 4x
   the file).

Each import runs in a child process of its own, so its memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TRADITIONAL = ["000_aaf9baf376961570.txt", "004_ad273fc778490be1.txt"]
SIMPLIFIED = ["001_089eab31a5e98f7a.txt", "002_d76ba749999d782d.txt", "003_078ce92062d30043.txt"]

CHILD = r"""
import json, resource, sys, time
from annotator.ingest import import_paths
from annotator.store import open_project

def main():
    folder, project_path, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
    t = time.perf_counter()
    with open_project(project_path) as project:
        report = import_paths(project, [folder], workers=workers)
        searchable = project.unindexed_count() == 0
    took = time.perf_counter() - t
    print(json.dumps({"seconds": took, "added": len(report.added), "rejected": [str(r) for r in report.rejected],
                      "searchable": searchable,
                      "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))

if __name__ == "__main__":
    main()
"""


def generate(folder: Path, count: int, size: int = 3000) -> int:
    rng = random.Random(7)
    pages = {name: (CORPUS / name).read_text("utf-8").splitlines(keepends=True) for name in TRADITIONAL + SIMPLIFIED}
    total = 0
    for i in range(count):
        lines = pages[rng.choice(TRADITIONAL if i % 2 else SIMPLIFIED)]
        start = rng.randrange(len(lines))
        chunk: list[str] = []
        length = 0
        while length * 3 < size:
            chunk.append(lines[(start + len(chunk)) % len(lines)])
            length += len(chunk[-1])
        data = f"第{i}号\n{''.join(chunk)}".encode("utf-8")
        (folder / f"{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def bare_opencc(folder: Path) -> float:
    import opencc

    converter = opencc.OpenCC("t2s")
    files = sorted(folder.iterdir())
    t = time.perf_counter()
    for path in files:
        converter.convert(path.read_bytes().decode("utf-8"))
    return time.perf_counter() - t


def import_in_child(folder: Path, project: Path, workers: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(project), str(workers)],
                         capture_output=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--big-mb", type=float, default=60, help="the one-line page's size (0: skip it)")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder, quarter = root / "docs", root / "quarter"
        folder.mkdir()
        quarter.mkdir()
        size = generate(folder, args.docs)
        generate(quarter, args.docs // 4)
        base = bare_opencc(folder)
        full = import_in_child(folder, root / "full.annotator", args.workers)
        small = import_in_child(quarter, root / "quarter.annotator", args.workers)
        project_mb = (root / "full.annotator").stat().st_size / 1e6
        ratio = full["seconds"] / base
        ok &= ratio <= 5 and full["added"] == args.docs and full["searchable"]
        print(f"{args.docs} pages, {size / 1e6:.1f} MB, {args.workers} workers")
        print(f"bare OpenCC t2s   {base:6.2f} s  {args.docs / base:7.0f} pages/s")
        print(f"import            {full['seconds']:6.2f} s  {args.docs / full['seconds']:7.0f} pages/s  "
              f"({full['added']} listed, searchable through the index: {full['searchable']}, "
              f"project {project_mb:.0f} MB)")
        print(f"ratio import / bare OpenCC {ratio:.1f}x (floor: at most 5x) {'ok' if ratio <= 5 else 'BELOW FLOOR'}")
        print(f"peak memory, {args.docs} pages: main {full['main_mb']:.0f} MB, largest worker {full['worker_mb']:.0f} MB; "
              f"{args.docs // 4} pages: main {small['main_mb']:.0f} MB, largest worker {small['worker_mb']:.0f} MB")
        if args.big_mb:
            big = root / "big" / "one-line.txt"
            big.parent.mkdir()
            unit = (CORPUS / TRADITIONAL[0]).read_text("utf-8").replace("\n", " ").encode("utf-8")
            cut = (unit * int(args.big_mb * 1e6 // len(unit) + 1))[: int(args.big_mb * 1e6)]
            big.write_bytes(cut.decode("utf-8", "ignore").encode("utf-8"))
            big_mb = big.stat().st_size / 2**20
            one = import_in_child(big.parent, root / "big.annotator", args.workers)
            peak = max(one["main_mb"], one["worker_mb"])
            ok &= peak <= 4 * big_mb and one["added"] == 1
            print(f"one page of {big_mb:.0f} MiB on one line: {one['seconds']:.1f} s, peak {peak:.0f} MB = "
                  f"{peak / big_mb:.1f}x the file (floor: at most 4x) {'ok' if peak <= 4 * big_mb else 'BELOW FLOOR'}"
                  + (f"; {one['rejected']}" if one["rejected"] else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
