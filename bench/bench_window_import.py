"""Import and export from the window against the command line, same files and
options, same run; and how long the GUI thread ever pauses meanwhile.

    python bench/bench_window_import.py [--docs 10000] [--export-docs 100000] [--spans 10]

Import: ``--docs`` generated pages (``bench_import.generate``) go into a new
project twice: by ``annotator import FOLDER --project A`` (a child process,
as a user runs it; it also indexes the texts for search, which the window
leaves to idle time), and by the window (File → Import a folder: the import
dialog, from its start to its summary shown) into project B.  The bare
``import_paths`` call in this process is timed too, the stricter baseline.

Export: a project of ``--export-docs`` documents (``bench_export.build``) to
the canonical JSONL, by ``annotator export`` (a child process) and by the
window's export dialog with the same options; the two files must be the same
bytes.

The GUI thread's longest pause is the longest gap between ticks of a 5 ms
QTimer while the window works (as ``bench_catalog.py`` measures it).
Floors (issue 16): window at most 1.2x the command line, for both; the GUI
thread never paused longer than 50 ms.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RATIO_FLOOR = 1.2
PAUSE_FLOOR_MS = 50


def cli(*args: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "annotator", *args], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--export-docs", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=10)
    parser.add_argument("--settle", type=float, default=3.0,
                        help="seconds the window settles on the export project before the export")
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.gui.export_dialog import ExportChoice, ExportDialog
    from annotator.gui.project_menu import FileMenu, Workspace
    from annotator.ingest import import_paths
    from annotator.store import open_project
    from bench_export import build
    from bench_import import generate

    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("annotator-bench")
    QSettings().setValue("user/annotator", "bench")

    from qtclock import Ticker

    def wait_for(condition, limit: float = 1800.0) -> None:
        loop = QEventLoop()
        poll = QTimer(interval=5)
        poll.timeout.connect(lambda: condition() and loop.quit())
        poll.start()
        deadline = time.perf_counter() + limit
        while not condition() and time.perf_counter() < deadline:
            loop.exec()
        poll.stop()

    def settle(seconds: float) -> None:
        until = time.perf_counter() + seconds
        wait_for(lambda: time.perf_counter() > until)

    results: list[tuple[str, float, float, float | None]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = tmp / "docs"
        folder.mkdir()
        size = generate(folder, args.docs)
        print(f"import: {args.docs} documents, {size / 1e6:.1f} MB, {os.cpu_count()} cores")

        command = cli("import", str(folder), "--project", str(tmp / "cli.annotator"))
        t = time.perf_counter()
        with open_project(tmp / "bare.annotator") as project:
            import_paths(project, [folder])
        bare = time.perf_counter() - t

        workspace = Workspace()
        window = workspace.show_project(open_project(tmp / "window.annotator"))
        settle(2)
        [menu] = window.findChildren(FileMenu)
        ticker = Ticker()
        t = time.perf_counter()
        dialog = menu.import_paths([str(folder)])
        opened = time.perf_counter() - t
        ticker.reset()  # the pause measured is the one while the import runs, after the dialog is up
        wait_for(lambda: dialog.close_button.isVisible())
        took = time.perf_counter() - t
        pause = ticker.longest
        assert window.project.document_count() == args.docs, dialog.summary.text()
        print(f"  {dialog.summary.text()}; list shows {window.documents.rowCount()} rows; "
              f"the dialog up in {opened * 1000:.0f} ms")
        results.append(("import: window vs `annotator import`", took, command, pause))
        results.append(("import: window vs bare import_paths()", took, bare, None))
        dialog.accept()
        workspace.close_project()

        path = tmp / "export.annotator"
        t = time.perf_counter()
        build(path, args.export_docs, args.spans)
        print(f"export: {args.export_docs} documents, {args.export_docs * args.spans} spans "
              f"(built in {time.perf_counter() - t:.0f} s)")
        command = cli("export", "--project", str(path), "--format", "jsonl", "--out", str(tmp / "cli.jsonl"))
        workspace.open_path(path)
        window = workspace.window
        settle(args.settle)
        ticker.reset()
        t = time.perf_counter()
        export = ExportDialog(window)
        export.set_choice(ExportChoice(format="jsonl", out=str(tmp / "window.jsonl")))
        export.start()
        opened = time.perf_counter() - t
        ticker.reset()
        progress = export.progress
        wait_for(lambda: progress.close_button.isVisible())
        took = time.perf_counter() - t
        pause = ticker.longest
        print(f"  {progress.summary.text()}; the dialog up in {opened * 1000:.0f} ms")
        same = (tmp / "cli.jsonl").read_bytes() == (tmp / "window.jsonl").read_bytes()
        print(f"  the same bytes as `annotator export`: {same}")
        results.append(("export: window vs `annotator export`", took, command, pause))
        workspace.quit()
        workspace.shutdown()

    ok = same
    print()
    for name, took, base, pause in results:
        ratio = took / base
        judged = pause is not None
        good = ratio <= RATIO_FLOOR and (pause * 1000 <= PAUSE_FLOOR_MS) if judged else True
        ok &= good
        line = f"{name:42s} {took:7.2f} s vs {base:7.2f} s  ratio {ratio:5.2f}x"
        if judged:
            line += f" (floor {RATIO_FLOOR}x)  GUI thread's longest pause {pause * 1000:5.1f} ms (floor {PAUSE_FLOOR_MS})"
            line += "  ok" if good else "  FAIL"
        print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
