"""An annotator plays through the learning gold set; the suggestions learn as they go.

    python bench/bench_learning.py [--png docs/learning-curve.png] [--quick]

Pages: tests/data/learning/gold.jsonl (22 real pages nobody tuned the rules
on).  For each page in order, the suggestions come from the rules, the general
model (LAC) and a tagger trained on the pages before it, with the learned
lexicon of those pages and each suggester's weight from the decisions so far;
the annotator accepts the right ones, rejects the wrong ones and tags the
missing ones (a drag and a hotkey: two actions).  Tagging every span by hand is
two actions a span.

Actions are counted as the window takes them, per label of a page, whichever
is fewer: one by one (one key a suggestion, accept or reject), or in a batch:
a click on one of the label's suggestions, Ctrl+Shift+Enter (the list of that
label's suggestions, all checked), one click to uncheck each wrong one, Enter
(three actions and one per wrong one); then, if some were wrong, a click on one
of them and Ctrl+Shift+Backspace rejects the rest of that label (two more).

Printed: strict precision and recall (same start, end and label) per label over
PER ORG LOC TITLE DATE PROGRAM on the pages not yet annotated, after 0, 5 and
10 pages (floors: 0.70 before any annotation, 0.80 after 10), and over the
whole walk; the actions against tagging by hand (floor: a third); the time to
suggest for a 5,000-character page, warm, against the rules alone in the same
run (floor 300 ms); retraining on 1,000 annotated pages (floor 3 s); the peak
memory of this process, which holds what the worker holds (floor 600 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from annotator.suggest import Lexicon, load_jieba, suggest
from annotator.suggest import general, tagger as tg
from annotator.suggest.learner import weight
from annotator.suggest.tokens import tokens

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "learning" / "gold.jsonl"
LABELS = ("PER", "ORG", "LOC", "TITLE", "DATE", "PROGRAM")
RULES = ("learned", "lexicon", "programs", "dates", "jieba")


class _Range(NamedTuple):
    start: int
    end: int


def counts(found: set, gold: set, into: Counter) -> None:
    for label in LABELS:
        f = {x for x in found if x[2] == label}
        g = {x for x in gold if x[2] == label}
        into[label, "tp"] += len(f & g)
        into[label, "fp"] += len(f - g)
        into[label, "fn"] += len(g - f)


def pr(c: Counter, labels=LABELS) -> tuple[float, float]:
    tp = sum(c[label, "tp"] for label in labels)
    fp = sum(c[label, "fp"] for label in labels)
    fn = sum(c[label, "fn"] for label in labels)
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def table(title: str, c: Counter) -> None:
    p, r = pr(c)
    print(f"{title}: P {p:.2f} R {r:.2f}  " + "  ".join(
        f"{label} {pr(c, (label,))[0]:.2f}/{pr(c, (label,))[1]:.2f}" for label in LABELS))


def window_actions(found: set, gold: set) -> int:
    """The keys and clicks to accept the right suggestions of a page and reject the
    wrong ones, per label the fewer of one by one and the batch (see the docstring)."""
    total = 0
    for label in {x[2] for x in found}:
        right = sum(1 for x in found if x[2] == label and x in gold)
        wrong = sum(1 for x in found if x[2] == label and x not in gold)
        batch = (3 + wrong if right else 0) + (2 if wrong else 0)
        total += min(right + wrong, batch)
    return total


def learned_lexicon(pages: list[dict]) -> Lexicon:
    seen: Counter = Counter()
    for page in pages:
        for s, e, label in page["spans"]:
            text = page["text"][s:e]
            if len(text) >= 2:
                seen[text, label] += 1
    chosen: dict[str, str] = {}
    for (text, label), _ in seen.most_common():
        chosen.setdefault(text, label)
    return Lexicon.from_entries(chosen)


def docs(pages: list[dict]) -> list[tg.TrainingDocument]:
    return [tg.TrainingDocument(p["text"], tuple(tuple(s) for s in p["spans"]), p["id"]) for p in pages]


def found_on(page: dict, lexicon: Lexicon, tagger: tg.Tagger | None, weights: dict | None = None,
             suggesters=None) -> list:
    out = suggest(page["text"], lexicon, excluded=[_Range(*e) for e in page["excluded"]], tagger=tagger,
                  weights=weights, suggesters=suggesters)
    return [s for s in out if s.label in LABELS]


def trained(pages: list[dict], folder: Path, cache: tg.FeatureCache) -> tg.Tagger | None:
    path = folder / f"model-{len(pages)}"
    if not tg.train(docs(pages), learned_lexicon(pages), path, cache=cache):
        return None
    return tg.Tagger(path)


def draw(points: list[tuple[int, float, float]], baseline: tuple[float, float], out: Path) -> None:
    """The learning curve, drawn with QPainter offscreen (no plotting library here)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    w, h, left, right, top, bottom = 760, 420, 70, 150, 40, 60
    image = QImage(w, h, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(QFont("Sans", 10))
    plot = QRectF(left, top, w - left - right, h - top - bottom)
    xmax = max(n for n, _, _ in points) or 1

    def at(n: float, v: float) -> QPointF:
        return QPointF(plot.left() + plot.width() * n / xmax, plot.bottom() - plot.height() * v)

    p.setPen(QPen(QColor("#999"), 1))
    for v in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0):
        p.drawLine(at(0, v), at(xmax, v))
        p.drawText(QRectF(0, at(0, v).y() - 8, left - 8, 16), Qt.AlignmentFlag.AlignRight, f"{v:.1f}")
    for n, _, _ in points:
        p.drawText(QRectF(at(n, 0).x() - 15, plot.bottom() + 4, 30, 16), Qt.AlignmentFlag.AlignCenter, str(n))
    p.setPen(QPen(QColor("#c33"), 1, Qt.PenStyle.DashLine))
    p.drawLine(at(0, 0.8), at(xmax, 0.8))
    for i, (colour, name) in enumerate((("#1f5fbf", "precision"), ("#2a9d3a", "recall"))):
        p.setPen(QPen(QColor(colour), 2.5))
        pts = [at(n, v[i]) for n, *v in points]
        for a, b in zip(pts, pts[1:]):
            p.drawLine(a, b)
        for q in pts:
            p.drawEllipse(q, 3, 3)
        p.drawLine(QPointF(w - right + 15, top + 20 + 22 * i), QPointF(w - right + 40, top + 20 + 22 * i))
        p.drawText(QPointF(w - right + 46, top + 25 + 22 * i), name)
    p.setPen(QPen(QColor("#c33"), 1, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(w - right + 15, top + 64), QPointF(w - right + 40, top + 64))
    p.setPen(QColor("black"))
    p.drawText(QPointF(w - right + 46, top + 69), "floor 0.8")
    p.drawText(QRectF(plot.left(), h - 28, plot.width(), 20), Qt.AlignmentFlag.AlignCenter,
               "pages annotated (the tagger's training set); scored on the pages after them")
    p.drawText(QRectF(plot.left(), 8, plot.width(), 24), Qt.AlignmentFlag.AlignCenter,
               f"Strict P/R, PER ORG LOC TITLE DATE PROGRAM (rules alone: P {baseline[0]:.2f} R {baseline[1]:.2f})")
    p.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(out))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--png", type=Path, default=None)
    parser.add_argument("--quick", action="store_true", help="skip the 1,000-page retraining")
    args = parser.parse_args()
    pages = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    t = time.perf_counter()
    load_jieba()
    general.load()
    print(f"{len(pages)} pages, {sum(len(p['spans']) for p in pages)} gold spans; jieba and LAC loaded in "
          f"{time.perf_counter() - t:.1f} s")
    folder = Path(tempfile.mkdtemp(prefix="bench-learning-"))
    cache = tg.FeatureCache()

    rules = Counter()
    for page in pages:
        counts({s.key for s in found_on(page, Lexicon(), None, suggesters=RULES)},
               {tuple(s) for s in page["spans"]}, rules)
    table("rules alone (before this issue), all pages", rules)

    curve = []
    for n in range(0, len(pages) - 1, 2):
        c = Counter()
        tagger = trained(pages[:n], folder, cache) if n else None
        lexicon = learned_lexicon(pages[:n])
        for page in pages[n:]:
            counts({s.key for s in found_on(page, lexicon, tagger)}, {tuple(s) for s in page["spans"]}, c)
        curve.append((n, *pr(c)))
        if n in (0, 10) or (n == 4):
            table(f"after {n:2d} pages, on the {len(pages) - n} pages not yet annotated", c)
        if n == 4:  # 5 pages: also print the exact point asked for
            c5 = Counter()
            tagger5 = trained(pages[:5], folder, cache)
            for page in pages[5:]:
                counts({s.key for s in found_on(page, learned_lexicon(pages[:5]), tagger5)},
                       {tuple(s) for s in page["spans"]}, c5)
            table(f"after  5 pages, on the {len(pages) - 5} pages not yet annotated", c5)
    # the last 7 pages alone: nothing in the suggesters was changed while looking at them
    c15 = Counter()
    tagger15 = trained(pages[:15], folder, cache)
    for page in pages[15:]:
        counts({s.key for s in found_on(page, learned_lexicon(pages[:15]), tagger15)},
               {tuple(s) for s in page["spans"]}, c15)
    table(f"after 15 pages, on the last {len(pages) - 15} (held out while tuning)", c15)

    walk = Counter()
    actions = hand = one_by_one = 0
    decisions: dict[str, list[int]] = {}
    for k, page in enumerate(pages):
        tagger = trained(pages[:k], folder, cache) if k else None
        weights = {name: weight(a, r) for name, (a, r) in decisions.items()}
        found = found_on(page, learned_lexicon(pages[:k]), tagger, weights)
        gold = {tuple(s) for s in page["spans"]}
        keys = {s.key for s in found}
        counts(keys, gold, walk)
        for s in found:
            decisions.setdefault(s.suggester, [0, 0])[0 if s.key in gold else 1] += 1
        actions += window_actions(keys, gold) + 2 * len(gold - keys)
        one_by_one += len(found) + 2 * len(gold - keys)
        hand += 2 * len(gold)
    table(f"the whole walk ({len(pages)} pages, each with the tagger of the pages before it)", walk)
    print(f"actions: {actions} against {hand} tagging every span by hand: {actions / hand:.2f} (floor 0.33); "
          f"{one_by_one} ({one_by_one / hand:.2f}) deciding every suggestion one by one")
    print("suggester weights at the end: " + ", ".join(
        f"{name} {weight(a, r):.2f} ({a}/{r})" for name, (a, r) in sorted(decisions.items())))

    # speed on a 5,000-character page, warm
    text = "".join(p["text"] for p in pages)[:5000]
    big = {"text": text, "excluded": []}
    full = trained(pages, folder, cache)
    lexicon = learned_lexicon(pages)
    timings: dict[str, list[float]] = {"rules": [], "all": []}
    def forget() -> None:  # a page not seen before: nothing cached
        general.analyse.cache_clear()
        tokens.cache_clear()
        tg._cache.clear()

    for _ in range(5):
        forget()
        t = time.perf_counter()
        found_on(big, lexicon, None, suggesters=RULES)
        timings["rules"].append(time.perf_counter() - t)
        forget()
        t = time.perf_counter()
        found_on(big, lexicon, full)
        timings["all"].append(time.perf_counter() - t)
    rules_ms = statistics.median(timings["rules"]) * 1000
    all_ms = statistics.median(timings["all"]) * 1000
    print(f"suggest, 5,000 characters, warm (median of 5): {all_ms:.0f} ms with the general model and the tagger, "
          f"{rules_ms:.0f} ms rules alone ({all_ms / rules_ms:.1f}x; floor 300 ms)")

    if not args.quick:
        many = [pages[i % len(pages)] for i in range(1000)]
        many = [dict(p, text=f"第{i}篇。" + p["text"], spans=[[s + len(f"第{i}篇。"), e + len(f"第{i}篇。"), lab]
                                                             for s, e, lab in p["spans"]]) for i, p in enumerate(many)]
        cold = tg.FeatureCache()
        t = time.perf_counter()
        tg.train(docs(many), lexicon, folder / "many", cache=cold)
        first = time.perf_counter() - t
        t = time.perf_counter()
        tg.train(docs(many), lexicon, folder / "many", cache=cold)
        again = time.perf_counter() - t
        chars = sum(e - s for _, s, e, _ in tg.training_pieces(docs(many)))
        print(f"retrain on 1,000 annotated pages ({chars:,} characters kept of "
              f"{sum(len(p['text']) for p in many):,}): {again:.2f} s with features cached "
              f"(what the worker does after an edit), {first:.2f} s the first time; floor 3 s")

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (jieba, LAC, CRFsuite, features): {rss:.0f} MB (floor 600 MB)")
    if args.png:
        draw(curve, pr(rules), args.png)
        print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
