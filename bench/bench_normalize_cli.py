"""`annotator normalize FILE` on one small page, as a whole process, against a
bare OpenCC process converting the same page.

    python bench/bench_normalize_cli.py [--runs 7] [PAGE]

Prints the median wall time, CPU time (user + system: what a busy machine
changes least) and peak memory of each (the two alternate, so a busy machine
slows both alike), their ratios, and one run with an empty table cache (the
first run on a machine).  Floor: 0.3 s for the whole process.

The children run with Python's bytecode cache on, as an installed app does
(pip compiles it at install): with PYTHONDONTWRITEBYTECODE set, as in some
shells, every run would compile the sources again and time that instead.
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


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=env or ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{argv[:3]} exited {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


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
        cold = run(cli, {**ENV, "ANNOTATOR_CACHE_DIR": empty})
    run(cli)  # the table cache (and bytecode) as a machine has them after the first run
    run(bare)
    ours, base = [], []
    for _ in range(args.runs):
        ours.append(run(cli))
        base.append(run(bare))
    t_ours = statistics.median(w for w, _, _ in ours)
    t_base = statistics.median(w for w, _, _ in base)
    c_ours = statistics.median(c for _, c, _ in ours)
    c_base = statistics.median(c for _, c, _ in base)
    m_ours = max(m for _, _, m in ours)
    m_base = max(m for _, _, m in base)
    print(f"page: {page} ({args.page.stat().st_size} bytes), {args.runs} runs each, medians")
    print(f"                      wall      CPU     memory")
    print(f"annotator normalize   {t_ours:6.3f} s  {c_ours:6.3f} s  {m_ours:6.1f} MB")
    print(f"bare OpenCC t2s       {t_base:6.3f} s  {c_base:6.3f} s  {m_base:6.1f} MB")
    print(f"ratio                 {t_ours / t_base:6.2f}x   {c_ours / c_base:6.2f}x")
    print(f"first run on a machine (empty table cache): {cold[0]:.3f} s, {cold[2]:.1f} MB")
    print(f"floor {FLOOR_S} s: {'met' if t_ours <= FLOOR_S else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
