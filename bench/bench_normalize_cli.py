"""`annotator normalize FILE` on one small page, as a whole process, against a
bare OpenCC process converting the same page.

    python bench/bench_normalize_cli.py [--runs 7] [PAGE]

Prints the median wall time and peak memory of each (the two alternate, so a
busy machine slows both alike), their ratio, and one run with an empty table
cache (the first run on a machine).  Floor: 0.3 s for the whole process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "tests" / "data" / "cleanup" / "pages" / "007.txt"
FLOOR_S = 0.3


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{argv[:3]} exited {proc.returncode}")
    return wall, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", type=Path, default=PAGE)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    page = str(args.page)
    cli = [sys.executable, "-m", "annotator", "normalize", page]
    bare = [sys.executable, "-c",
            "import sys, opencc; sys.stdout.write(opencc.OpenCC('t2s').convert(open(sys.argv[1], encoding='utf-8').read()))",
            page]
    with tempfile.TemporaryDirectory() as empty:
        cold = run(cli, {**os.environ, "ANNOTATOR_CACHE_DIR": empty})
    run(cli)  # the table cache as a machine has it after the first run
    ours, base = [], []
    for _ in range(args.runs):
        ours.append(run(cli))
        base.append(run(bare))
    t_ours = statistics.median(w for w, _ in ours)
    t_base = statistics.median(w for w, _ in base)
    m_ours = max(m for _, m in ours)
    m_base = max(m for _, m in base)
    print(f"page: {page} ({args.page.stat().st_size} bytes), {args.runs} runs each, medians")
    print(f"annotator normalize   {t_ours:6.3f} s  {m_ours:6.1f} MB")
    print(f"bare OpenCC t2s       {t_base:6.3f} s  {m_base:6.1f} MB")
    print(f"ratio                 {t_ours / t_base:6.2f}x")
    print(f"first run on a machine (empty table cache): {cold[0]:.3f} s, {cold[1]:.1f} MB")
    print(f"floor {FLOOR_S} s: {'met' if t_ours <= FLOOR_S else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
