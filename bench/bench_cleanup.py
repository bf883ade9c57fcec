"""Boilerplate and garbage on real pages, against gold written before the rules were tuned.

    python bench/bench_cleanup.py [-v]

For each page of tests/data/cleanup (22 real pages with hand-written gold):
body fidelity (1 - edit distance / length of the gold body, whitespace removed,
excluded regions taken out), the share of gold boilerplate lines excluded, and
the gold body lines wrongly excluded.  Floors: fidelity mean >= 0.99 and min >=
0.97; boilerplate excluded >= 0.9; body lines excluded on at most one page in
twenty.  -v lists the boilerplate lines kept.

The held-out pages (tests/data/cleanup/holdout: measured untuned first, see
their SOURCES.md) are printed apart, after the floors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.normalize import normalize
from annotator.normalize.quality import score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "cleanup"
FIDELITY_MEAN, FIDELITY_MIN, BOILERPLATE, BODY_PAGES = 0.99, 0.97, 0.9, 1 / 20


def scores(data: Path = DATA):
    for gold_path in sorted((data / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = data / "pages" / gold["page"]
        doc = normalize(page.read_bytes(), str(page))
        yield gold, doc, score(doc, gold)


def table(rows, verbose: bool) -> None:
    print(f"{'page':<8} {'fidelity':>8} {'boilerplate excluded':>21} {'body lines excluded':>20}")
    for gold, doc, s in rows:
        print(f"{gold['page']:<8} {s.fidelity:8.4f} {s.boilerplate_excluded:>10}/{s.boilerplate:<10} "
              f"{','.join(map(str, s.body_excluded)) or '-':>20}")
        if verbose and s.kept_boilerplate:
            lines = doc.raw_text.split("\n")
            for n in s.kept_boilerplate:
                print(f"           kept {n}: {lines[n - 1][:60]}")


def totals(rows) -> tuple[float, float, int, int, int]:
    fid = [s.fidelity for _, _, s in rows]
    return (sum(fid) / len(fid), min(fid), sum(s.boilerplate_excluded for _, _, s in rows),
            sum(s.boilerplate for _, _, s in rows), sum(1 for _, _, s in rows if s.body_excluded))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    rows = list(scores())
    table(rows, args.verbose)
    mean, low, out, boiler, body_pages = totals(rows)
    share = out / max(boiler, 1)
    print(f"\n{len(rows)} pages: fidelity mean {mean:.4f} (floor {FIDELITY_MEAN}), min {low:.4f} (floor {FIDELITY_MIN}); "
          f"boilerplate lines excluded {out}/{boiler} = {share:.3f} (floor {BOILERPLATE}); "
          f"pages with body lines excluded {body_pages} (at most {int(len(rows) * BODY_PAGES)})")
    ok = mean >= FIDELITY_MEAN and low >= FIDELITY_MIN and share >= BOILERPLATE and body_pages <= len(rows) * BODY_PAGES
    print("floors met" if ok else "FLOORS NOT MET")
    held = list(scores(DATA / "holdout"))
    if held:
        print("\nheld out (outside the floors):")
        table(held, args.verbose)
        mean, low, out, boiler, body_pages = totals(held)
        print(f"\n{len(held)} held-out pages: fidelity mean {mean:.4f}, min {low:.4f}; boilerplate lines excluded "
              f"{out}/{boiler} = {out / max(boiler, 1):.3f}; pages with body lines excluded {body_pages}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
