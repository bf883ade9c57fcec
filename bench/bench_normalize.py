"""Normalizer throughput against bare OpenCC t2s on the same text, in the same run.

    python bench/bench_normalize.py [--mb 5] [--repeat 3]

Prints MB/s for both and the ratio (pipeline throughput / OpenCC throughput),
on glossed Traditional pages (000 and 004 of the corpus, repeated) and on clean
Simplified pages (001-003).  Floors from the issue: 0.15x and 0.5x.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import opencc

from annotator.normalize import normalize

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CASES = {
    "glossed Traditional": (["000_aaf9baf376961570.txt", "004_ad273fc778490be1.txt"], 0.15),
    "clean Simplified": (["001_089eab31a5e98f7a.txt", "002_d76ba749999d782d.txt", "003_078ce92062d30043.txt"], 0.5),
}


def build(names: list[str], megabytes: float) -> bytes:
    page = b"\n\n".join((CORPUS / n).read_bytes() for n in names)
    return b"\n\n".join([page] * max(1, int(megabytes * 1e6 / len(page))))


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    t2s = opencc.OpenCC("t2s")
    normalize(b"warm up: load OpenCC, pypinyin and the tables \xe5\xa9\xa6(li\xc3\xa1n)")
    ok = True
    for name, (files, floor) in CASES.items():
        data = build(files, args.mb)
        text = data.decode("utf-8")
        mb = len(data) / 1e6
        base = best_of(args.repeat, lambda text=text: t2s.convert(text))
        ours = best_of(args.repeat, lambda data=data: normalize(data))
        ratio = base / ours
        ok &= ratio >= floor
        print(f"{name:20s} {mb:5.1f} MB  OpenCC t2s {mb / base:6.1f} MB/s  pipeline {mb / ours:6.1f} MB/s  "
              f"ratio {ratio:.2f}x (floor {floor}x) {'ok' if ratio >= floor else 'BELOW FLOOR'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
