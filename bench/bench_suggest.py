"""Suggestions against the hand-annotated gold set, and their speed.

    python bench/bench_suggest.py [--repeat 5]

Precision and recall (strict: same start, end and label) per label and per
suggester on the pages of tests/data/gold/suggest.jsonl, the combined figure for
PER+ORG+PROGRAM (aim: 0.8 both), and the time to suggest for a 5,000-character
document once jieba is loaded (floor: 300 ms).

The suggesters start from an empty project: no learned lexicon, only the domain
lexicon shipped in resources/lexicon.toml (titles, national bodies and bare forms
such as 市妇联, organisation suffixes, provinces, congress and plenum patterns,
about 25 national programs, program suffixes and marker words, surnames, a few
fixed political phrases).  A per-suggester row shows that suggester's own output
before the combiner; its recall counts only the labels it can suggest.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from annotator.normalize import normalize
from annotator.suggest import SUGGESTERS, Lexicon, MIN_SCORE, load_jieba, suggest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold" / "suggest.jsonl"
CORE = ("PER", "ORG", "PROGRAM")
AIM = 0.8
FLOOR_MS = 300.0


def score(found: set, gold: set) -> tuple[int, int, int]:
    return len(found & gold), len(found - gold), len(gold - found)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def row(name: str, tp: int, fp: int, fn: int) -> str:
    p, r = prf(tp, fp, fn)
    return f"  {name:22s} {p:9.2f} {r:7.2f} {tp:5d} {fp:5d} {fn:5d}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pages = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    t = time.perf_counter()
    load_jieba()
    load_s = time.perf_counter() - t
    lexicon = Lexicon()

    per_label: Counter = Counter()
    per_suggester: Counter = Counter()
    texts = []
    for page in pages:
        doc = normalize((ROOT / "corpus" / page["file"]).read_bytes(), page["file"])
        texts.append(doc.text)
        gold = {(s["start"], s["end"], s["label"]) for s in page["spans"]}
        found = {s.key for s in suggest(doc.text, lexicon, excluded=doc.excluded)}
        for label in sorted({g[2] for g in gold} | {f[2] for f in found}):
            tp, fp, fn = score({f for f in found if f[2] == label}, {g for g in gold if g[2] == label})
            per_label[label, "tp"] += tp
            per_label[label, "fp"] += fp
            per_label[label, "fn"] += fn
        for name, fn_ in SUGGESTERS.items():
            own = {s.key for s in fn_(doc.text, lexicon) if s.score >= MIN_SCORE
                   and not any(r.start < s.end and s.start < r.end for r in doc.excluded)}
            labels = {k[2] for k in own}
            tp, fp, fn = score(own, {g for g in gold if g[2] in labels})
            per_suggester[name, "tp"] += tp
            per_suggester[name, "fp"] += fp
            per_suggester[name, "fn"] += fn

    print(f"gold: {', '.join(p['file'] for p in pages)}; "
          f"{sum(len(p['spans']) for p in pages)} spans; strict match; min score {MIN_SCORE}")
    print(f"  {'':22s} {'precision':>9s} {'recall':>7s} {'tp':>5s} {'fp':>5s} {'fn':>5s}")
    print("per label (all suggesters combined)")
    labels = sorted({k[0] for k in per_label})
    for label in labels:
        print(row(label, per_label[label, "tp"], per_label[label, "fp"], per_label[label, "fn"]))
    core = [sum(per_label[label, k] for label in CORE) for k in ("tp", "fp", "fn")]
    every = [sum(per_label[label, k] for label in labels) for k in ("tp", "fp", "fn")]
    print(row("PER+ORG+PROGRAM", *core))
    print(row("all labels", *every))
    print("per suggester (its own output, against the labels it suggests)")
    for name in SUGGESTERS:
        print(row(name, per_suggester[name, "tp"], per_suggester[name, "fp"], per_suggester[name, "fn"]))
    if not any(per_suggester["learned", k] for k in ("tp", "fp", "fn")):
        print("  (learned is empty here: the gold pages start from a project with no spans)")

    p, r = prf(*core)
    ok_quality = p >= AIM and r >= AIM
    print(f"PER+ORG+PROGRAM precision {p:.2f} recall {r:.2f} (aim {AIM} both): {'PASS' if ok_quality else 'FAIL'}")

    base = "\n\n".join(texts)
    text = (base * (5000 // len(base) + 1))[:5000]
    suggest(text + "。", lexicon)  # a first cut of this text's characters (regex caches)
    times = []
    for i in range(args.repeat):
        variant = text[:-1] + str(i)  # a new text each time: no cached cut
        t = time.perf_counter()
        suggest(variant, lexicon)
        times.append(time.perf_counter() - t)
    ms = min(times) * 1000
    ok_speed = ms <= FLOOR_MS
    print(f"suggest for a {len(text):,}-character document: {ms:.0f} ms best of {args.repeat} "
          f"(jieba loaded once in {load_s:.2f} s; floor {FLOOR_MS:.0f} ms): {'PASS' if ok_speed else 'FAIL'}")
    return 0 if ok_speed and ok_quality else 1


if __name__ == "__main__":
    sys.exit(main())
