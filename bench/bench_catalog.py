"""The catalog and statistics views on a project of 100,000 documents, against a
baseline measured in the same run (``SELECT count(*) FROM spans``).

    python bench/bench_catalog.py [--docs 100000] [--programs 200000] [--keep FILE]

The project is a real project file (schema 5, every index of the migrations).
Its documents are short generated pages; it holds ``--programs`` program spans
(90 % of them linked to a catalog of 2,000 canonical programs: 200 national
ones, the rest regional variants under them), and for them organizer, place
and date spans with their links (60 %, 40 %, 30 % of the programs), plus
300,000 other entity spans.  A category is set on 80 % of the programs.  The
change log has one ``span_add`` row per span, by ten annotators over 200 days.
Rows go in with ``executemany`` (the bench's own SQL: building the file is not
what is measured).

Each view is timed as the median of five runs after one warm-up, in a freshly
opened project.  Floor: 100 ms for a page of the catalog, one program's
occurrences and each statistic ("responsive": a view that fills within a
tenth of a second does not feel like waiting).

Then, in a child process (offscreen; QT_QPA_PLATFORM chooses otherwise), the
window on the same project: from the menu action to the catalog view's first
rows painted, a parent expanded to its variants painted, a program chosen to
its occurrences painted, a search to its rows painted, and from the menu action
to the statistics view's five charts painted (and again with Refresh).  The
queries run on a worker thread, so the GUI thread's longest pause while they
run is printed too (a 5 ms timer's longest gap between ticks).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics as stats
import sys
import tempfile
import time
from pathlib import Path

from annotator.catalog import catalog_page, programs_by_region, propose
from annotator.store import open_project

VIEW_FLOOR_MS = 1000.0  # a view that opens within a second, the GUI thread never pausing for 100 ms

FLOOR_MS = 100.0
CATEGORIES = ["思想引领/宣讲", "家庭家教家风", "维权关爱", "就业创业", "乡村振兴", "科技创新", "组织建设", "公益项目", "其他"]
NATIONAL = ["巾帼大宣讲", "春蕾计划", "巾帼建功", "母亲水窖", "最美家庭", "美丽庭院", "家家幸福安康工程", "巾帼心向党",
            "乡村振兴巾帼行动", "巾帼家政"]
REGIONS = ["三秦", "天府", "侨都", "齐鲁", "燕赵", "三晋", "八闽", "荆楚", "三湘", "南粤", "八桂", "巴渝", "陇原", "赣鄱",
           "江淮", "中原", "北疆", "之江", "云岭", "龙江"]
PLACES = ["陕西省", "四川省", "江门市", "山东省", "河北省", "山西省", "福建省", "湖北省", "湖南省", "广东省"]
ORGS = [f"{p}妇联" for p in PLACES] + ["全国妇联", "中国妇女报"]
STAMP = "2026-01-01T00:00:00.000+00:00"


def build(path: Path, docs: int, programs: int) -> None:
    rng = random.Random(7)
    with open_project(path, annotator="bench") as project:
        c = project.conn
        c.execute("BEGIN")
        rows = []
        for i in range(docs):
            text = f"第{i}篇:" + "妇联开展巾帼大宣讲活动,团结引领广大妇女。" * 12
            rows.append((hashlib.sha256(str(i).encode()).hexdigest(), f"bench/{i:06d}.txt", "utf-8", text, text,
                         json.dumps({"format": "segments-v1", "segments": [[0, len(text), 0, len(text)]]}), "[]",
                         "{}", "{}", "[]", "bench", f"第{i}篇", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", None,
                         rng.choice(["new", "new", "in_progress", "done", "skipped"]), STAMP, STAMP))
            if len(rows) == 10_000 or i == docs - 1:
                c.executemany("INSERT INTO documents(raw_sha256, source_file, encoding, raw_text, text, map, "
                              "excluded, meta, flags, steps, normalizer, title, date, source, status, created_at, "
                              "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                rows = []
        catalog = [(i + 1, name, None) for i, name in enumerate(NATIONAL * 20)][:200]
        catalog = [(i, f"{name}{i:03d}" if i > len(NATIONAL) else name, None) for i, name, _ in catalog]
        while len(catalog) < 2000:
            parent = rng.randrange(1, 201)
            catalog.append((len(catalog) + 1, f"{REGIONS[len(catalog) % len(REGIONS)]}{catalog[parent - 1][1]}"
                            f"{len(catalog)}", parent))
        c.executemany("INSERT INTO programs(id, name, parent_id, annotator, created_at, updated_at) "
                      "VALUES (?, ?, ?, 'bench', ?, ?)", [(*row, STAMP, STAMP) for row in catalog])
        weights = [1 / (rank + 1) for rank in range(len(catalog))]  # a few programs are everywhere
        linked = rng.choices(range(1, len(catalog) + 1), weights, k=programs)
        span_rows, links = [], []
        span_id = 0

        def span(doc: int, start: int, label: str, text: str, attributes: str = "{}", program: int | None = None):
            nonlocal span_id
            span_id += 1
            span_rows.append((span_id, doc, start, start + len(text), label, text, attributes, program))
            return span_id

        for n in range(programs):
            doc = rng.randrange(1, docs + 1)
            category = rng.choice(CATEGORIES) if rng.random() < 0.8 else None
            head = span(doc, 20, "PROGRAM", "巾帼大宣讲",
                        json.dumps({"category": category}, ensure_ascii=False) if category else "{}",
                        linked[n] if rng.random() < 0.9 else None)
            for share, label, kind, pool in ((0.6, "ORG", "organizer", ORGS), (0.4, "LOC", "place", PLACES),
                                             (0.3, "DATE", "date", ["2024年3月8日", "2023年11月", "2024年"])):
                if rng.random() < share:
                    links.append((doc, head, span(doc, 40, label, rng.choice(pool)), kind))
        for _ in range(300_000):
            span(rng.randrange(1, docs + 1), 60, rng.choice(["PER", "TITLE", "EVENT", "DOC"]), "王毅")
        c.executemany("INSERT INTO spans(id, document_id, start, end, label, text, attributes, annotator, origin, "
                      "created_at, updated_at, program_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', 'manual', ?, ?, ?)",
                      [(*row[:7], STAMP, STAMP, row[7]) for row in span_rows])
        c.executemany("INSERT INTO relations(document_id, head, tail, type, annotator, created_at) "
                      "VALUES (?, ?, ?, ?, 'bench', ?)", [(*row, STAMP) for row in links])
        c.executemany("INSERT INTO changes(at, annotator, action, document_id, details) VALUES (?, ?, 'span_add', ?, '{}')",
                      [(f"2025-{1 + (i // 40000) % 12:02d}-{1 + i % 28:02d}T0{i % 10}:00:00.000+00:00",
                        f"annotator{i % 10}", row[1]) for i, row in enumerate(span_rows)])
        c.execute("COMMIT")
        c.execute("ANALYZE")


def timed(fn, runs: int = 5) -> tuple[float, object]:
    result = fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return stats.median(times) * 1000, result


def bench_views(path: Path, repeat: int) -> dict[str, float]:
    """Run in a child process: the window on the project, then its two views."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.gui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("annotator-bench")

    class Painted(QObject):
        """When each widget it filters was painted."""

        def __init__(self):
            super().__init__()
            self.at: dict[object, list[float]] = {}

        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.at.setdefault(obj, []).append(time.perf_counter())
            return False

    from qtclock import Ticker

    def wait_for(condition, limit: float = 60.0) -> None:
        loop = QEventLoop()
        poll = QTimer(interval=1)
        poll.timeout.connect(lambda: condition() and loop.quit())
        deadline = QTimer(singleShot=True, interval=int(limit * 1000))
        deadline.timeout.connect(loop.quit)
        poll.start()
        deadline.start()
        if not condition():
            loop.exec()
        poll.stop()
        if not condition():
            raise TimeoutError("the view did not fill in time")

    project = open_project(path, annotator="bench")
    window = MainWindow(project)
    window.show()
    wait_for(lambda: window.documents.rowCount() > 0)
    # let the window's own start-up work finish first (the suggestions' learned lexicon is
    # read on the GUI thread once, about 0.5 s on this project): what is timed is the views
    settle = time.perf_counter() + 3
    wait_for(lambda: time.perf_counter() > settle)
    ticker = Ticker()
    figures: dict[str, list[float]] = {}

    def measure(name: str, start, signal, ready, widgets) -> None:
        """Time from ``start()`` until ``signal()`` fired with ``ready()`` true and then
        each of ``widgets()`` in sight painted."""
        watch, ready_at = Painted(), []
        ticker.reset()
        t = time.perf_counter()
        start()
        for w in widgets():
            w.installEventFilter(watch)

        def arrived(*_args) -> None:
            if ready() and not ready_at:
                ready_at.append(time.perf_counter())

        signal().connect(arrived)

        def shown() -> list:  # those in sight: a chart scrolled out of view is not painted
            return [w for w in widgets() if not w.visibleRegion().isEmpty()]

        def painted(w) -> float | None:
            return next((at for at in watch.at.get(w, ()) if at >= ready_at[0]), None)

        wait_for(lambda: bool(ready_at) and bool(shown()) and all(painted(w) for w in shown()))
        signal().disconnect(arrived)
        for w in widgets():
            w.removeEventFilter(watch)
        figures.setdefault(name, []).append(max(painted(w) for w in shown()) - t)
        figures.setdefault(f"{name} (GUI pause)", []).append(ticker.longest)

    def catalog_rows() -> bool:
        return window.catalog_view is not None and window.catalog_view.model.rowCount() > 0

    for run in range(repeat):
        if run == 0:  # the view made and shown the first time
            measure("catalog: first rows", window.show_catalog, lambda: window.catalog_view.model.pageLoaded,
                    catalog_rows, lambda: [window.catalog_view.tree.viewport()])
        view = window.catalog_view
        view.hide()
        measure("catalog: opened again", window.show_catalog, lambda: view.model.pageLoaded, catalog_rows,
                lambda: [view.tree.viewport()])
        first = view.model.index(0, 0)
        while not view.model.hasChildren(first) or view.model.row(first).children == 0:
            first = view.model.index(first.row() + 1, 0)
        measure("catalog: a parent expanded", lambda: view.tree.expand(first), lambda: view.model.pageLoaded,
                lambda: view.model.rowCount(first) > 0, lambda: [view.tree.viewport()])
        measure("catalog: occurrences of the largest", lambda: view.tree.setCurrentIndex(view.model.index(0, 0)),
                lambda: view.occurrences.pageLoaded,
                lambda: view.occurrences.rowCount() > 0, lambda: [view.occurrence_table.viewport()])
        view.search.setText("天府巾帼")
        measure("catalog: search 天府巾帼", view._search_now, lambda: view.model.pageLoaded,
                lambda: view.model.searching and view.model.rowCount() > 0, lambda: [view.tree.viewport()])
        view.search.setText("")
        view._search_now()
        view.hide()

        def computed() -> bool:
            return window.statistics_view is not None and window.statistics_view.statistics is not None \
                and not window.statistics_view.is_computing()

        if run == 0:
            measure("statistics: charts shown", window.show_statistics, lambda: window.statistics_view.computed,
                    computed, lambda: window.statistics_view.charts())
        stats_view = window.statistics_view
        stats_view.hide()
        measure("statistics: opened again", window.show_statistics, lambda: stats_view.computed, computed,
                stats_view.charts)
        measure("statistics: refreshed", stats_view.refresh_button.click, lambda: stats_view.computed, computed,
                stats_view.charts)
        stats_view.hide()
    window.close()
    project.close()
    return {name: stats.median(times) for name, times in figures.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--programs", type=int, default=200_000, help="program spans")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the project file here")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the views in the window")
    parser.add_argument("--views-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.views_only:
        print(json.dumps(bench_views(args.views_only, args.repeat)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.annotator"
        if not path.exists():
            t = time.perf_counter()
            build(path, args.docs, args.programs)
            print(f"built {path.name} in {time.perf_counter() - t:.0f} s, {path.stat().st_size / 1e6:.0f} MB")
        with open_project(path, annotator="bench") as p:
            spans = p._one("SELECT count(*) FROM spans")
            print(f"{p.document_count()} documents, {spans} spans "
                  f"({p.spans_by_label()['PROGRAM']} programs), {p._one('SELECT count(*) FROM relations')} links, "
                  f"{p._one('SELECT count(*) FROM programs')} canonical programs, "
                  f"{p._one('SELECT count(*) FROM changes')} changes")
            base, _ = timed(lambda: p.conn.execute("SELECT count(*) FROM spans").fetchone())
            top = p.program_rows(0, 1)[0]
            catalog = p.programs()
            cases = [
                ("catalog, first page of 50 (by occurrences)", lambda: catalog_page(p, 0, 50)),
                ("catalog, first page of the tree", lambda: catalog_page(p, 0, 50, top_level=True)),
                ("catalog, search 巾帼", lambda: catalog_page(p, 0, 50, search="巾帼")),
                (f"occurrences of the largest ({top.occurrences}), first 100",
                 lambda: p.occurrences(top.id, 0, 100)),
                ("occurrences with its variants, first 100", lambda: p.occurrences(top.id, 0, 100, variants=True)),
                ("documents by status", p.documents_by_status),
                ("spans per label", p.spans_by_label),
                ("programs per category", p.programs_by_category),
                ("programs per region", lambda: programs_by_region(p)),
                ("annotator throughput per day", p.throughput),
                ("whole catalog read (for proposals)", p.programs),
                ("a proposal against the catalog", lambda: propose("天府巾帼大宣讲活动", catalog)),
            ]
            failed = 0
            print(f"{'baseline: SELECT count(*) FROM spans':50s} {base:8.1f} ms")
            for name, fn in cases:
                ms, _ = timed(fn)
                ok = ms <= FLOOR_MS
                failed += not ok
                print(f"{name:50s} {ms:8.1f} ms  {ms / base:6.1f}x baseline  (floor {FLOOR_MS:.0f} ms) "
                      f"{'PASS' if ok else 'FAIL'}")
        import subprocess

        print(f"\nthe window's views, in a child process (median of {args.repeat}):")
        out = subprocess.run([sys.executable, __file__, "--views-only", str(path), "--repeat", str(args.repeat)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr)
            return 1
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        for name, seconds in figures.items():
            if name.endswith("(GUI pause)"):
                continue
            pause = figures[f"{name} (GUI pause)"] * 1000
            ok = seconds * 1000 <= VIEW_FLOOR_MS and pause <= FLOOR_MS
            failed += not ok
            print(f"{name:50s} {seconds * 1000:8.1f} ms  GUI thread's longest pause {pause:6.1f} ms  "
                  f"(floor {VIEW_FLOOR_MS:.0f} / {FLOOR_MS:.0f} ms) {'PASS' if ok else 'FAIL'}")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
