"""Suggestions in the window: they must never slow it down.

    python bench/bench_suggest_window.py [--chars 200000] [--presses 80]

1. A document of ``--chars`` characters with a span every 100 characters and
   its suggestions shown: the time from a label hotkey to the span saved and
   painted, in one run, first with the worker idle (each press tags 林露华,
   a name the project has learned already: the lexicon does not change and the
   cached suggestions stay right), then with the worker recomputing all along
   (each press tags a new text, which changes the learned lexicon, so the
   document's suggestions are computed again, seconds each time).  Prints both
   medians and the ratio (the issue: unchanged).
2. Documents of 5,000 characters, once jieba is loaded in the worker: the time
   from opening one to its suggestions painted (floor: 300 ms, median).

Runs offscreen; set QT_QPA_PLATFORM to use a display.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_window import PaintWatch, corpus_text, document  # noqa: E402  (sets QT_QPA_PLATFORM)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.gui.app import build_window
from annotator.store import open_project

FLOOR_MS = 300


def wait(app: QApplication, until, limit: float = 120.0) -> None:
    deadline = time.perf_counter() + limit
    while not until():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() > deadline:
            raise TimeoutError("waited too long")


def pause(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


NAME_AT = 50  # 林露华 at this offset of every 100 characters; a span at 0


def hotkeys(app, window, watch, doc_id: int, offset: int, presses: int) -> tuple[list[float], int]:
    """Tag the 3 characters at ``offset`` of each 100, 60 ms apart: the times from
    key to paint, and how many presses found the worker computing."""
    view, project = window.text_view, window.project
    out, busy = [], 0
    for i in range(presses):
        start = i * 100 + offset
        view.set_selection(start, start + 3)
        pause(app, 0.06)  # time for the refresh, the worker's answers and their paints
        seen, before = watch.count, project.document_info(doc_id).span_count
        busy += window.suggestions.busy
        t = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_1)
        watch.wait(app, seen)
        out.append(time.perf_counter() - t)
        assert project.document_info(doc_id).span_count == before + 1
    return out, busy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--presses", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("annotator-bench")
    source = corpus_text(args.chars + 5000 * args.repeat + 5000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "suggest.annotator"
        with open_project(path, annotator="bench") as project:
            blocks = [source[i:i + 100] for i in range(0, args.chars, 100)]
            big_text = "".join(b[:NAME_AT] + "林露华" + b[NAME_AT + 3:] for b in blocks)
            [big] = project.add_documents([document(big_text, "big.txt", "big")])
            project.add_spans([(big, i, i + 4, "ORG") for i in range(0, args.chars - 100, 100)])
            project.add_span(big, args.chars - 100 + NAME_AT, args.chars - 100 + NAME_AT + 3, "PER")  # learned
            small = project.add_documents([document(f"{n}" + source[args.chars + n * 5000:][:4999], f"s{n}.txt")
                                           for n in range(args.repeat)])
        with open_project(path, annotator="bench") as project:
            window = build_window(project)
            window.resize(1280, 800)
            window.show()
            QTest.qWaitForWindowExposed(window)
            window.activateWindow()
            s = window.suggestions
            s.set_enabled(True)
            window.show_document(small[0])
            t = time.perf_counter()
            wait(app, lambda: s.visible() and not s.busy)  # the worker started, jieba loaded
            print(f"worker started and jieba loaded, first suggestions: {time.perf_counter() - t:.2f} s")

            watch = PaintWatch(window.text_view.viewport())
            changes: list[int] = []  # the paint count at each change of the suggestions shown
            s.changed.connect(lambda: changes.append(watch.count))
            shown = []
            for doc_id in small[1:]:
                pause(app, 0.2)
                t = time.perf_counter()
                window.show_document(doc_id)
                wait(app, lambda: s.visible() and not s.busy)
                watch.wait(app, changes[-1])  # the paint after they arrived
                shown.append(time.perf_counter() - t)
            shown_ms = statistics.median(shown) * 1000

            window.show_document(big)
            wait(app, lambda: window.spans.complete and not s.busy and s.visible())
            window.text_view.setFocus()
            idle, idle_busy = hotkeys(app, window, watch, big, NAME_AT, args.presses)
            busy, busy_busy = hotkeys(app, window, watch, big, NAME_AT + 10, args.presses)
            window.close()

    idle_ms, busy_ms = statistics.median(idle) * 1000, statistics.median(busy) * 1000
    ok_shown = shown_ms <= FLOOR_MS
    print(f"{args.chars:,} characters, {args.chars // 100:,} spans, {args.presses} presses each")
    print(f"  hotkey to span painted, worker idle         median {idle_ms:6.1f} ms, "
          f"p90 {sorted(idle)[int(len(idle) * 0.9)] * 1000:6.1f} ms  (worker computing at {idle_busy} presses)")
    print(f"  hotkey to span painted, worker computing    median {busy_ms:6.1f} ms, "
          f"p90 {sorted(busy)[int(len(busy) * 0.9)] * 1000:6.1f} ms  (worker computing at {busy_busy} presses)")
    print(f"  ratio {busy_ms / idle_ms:.2f}x")
    print(f"5,000-character document opened to its suggestions painted, jieba loaded: median {shown_ms:.0f} ms "
          f"over {len(shown)} (floor: {FLOOR_MS} ms) {'ok' if ok_shown else 'BELOW FLOOR'}")
    return 0 if ok_shown else 1


if __name__ == "__main__":
    sys.exit(main())
