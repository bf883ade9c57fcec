"""Opening a page that is one very long line, against bare Qt in the same run.

    python bench/bench_long_line.py [--chars 21000000]

Each side runs in a child process of its own, so its peak resident memory is
its own: the text view's ``show_document`` plus the first paint, against a bare
``QPlainTextEdit.setPlainText`` of the same text plus one event-loop pass.
Floor from issue 21.3: the view at most 3 s and 500 MB for 21 million characters.
Runs offscreen; set QT_QPA_PLATFORM to use a display.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD = r"""
import json, resource, sys, time
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
side, n = sys.argv[1], int(sys.argv[2])
# a page of Chinese with an astral character (𠮷, 😀) every few hundred
unit = "妇联党组书记主持召开党组(扩大)会议，传达学习贯彻精神。" * 20 + "𠮷野家😀"
text = (unit * (n // len(unit) + 1))[:n]
if side == "view":
    from annotator.gui.models import FixedSpans
    from annotator.gui.textview import AnnotatedTextView
    view = AnnotatedTextView()
else:
    view = QPlainTextEdit()
view.resize(900, 700)
view.show()
app.processEvents()
t = time.perf_counter()
if side == "view":
    view.show_document(text, FixedSpans([]), [], {})
else:
    view.setPlainText(text)
view.repaint()
app.processEvents()
took = time.perf_counter() - t
print(json.dumps({"seconds": took, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(side: str, chars: int, timeout: float) -> dict | None:
    try:
        out = subprocess.run([sys.executable, "-c", CHILD, side, str(chars)], capture_output=True, timeout=timeout,
                             check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=21_000_000)
    parser.add_argument("--bare-timeout", type=float, default=600, help="give up on bare Qt after this many seconds")
    args = parser.parse_args()
    view = run("view", args.chars, 600)
    bare = run("bare", args.chars, args.bare_timeout)
    print(f"one line of {args.chars:,} characters")
    print(f"text view       {view['seconds']:7.2f} s  peak {view['peak_mb']:5.0f} MB")
    if bare is None:
        print(f"bare setPlainText  did not finish in {args.bare_timeout:.0f} s")
    else:
        print(f"bare setPlainText {bare['seconds']:7.2f} s  peak {bare['peak_mb']:5.0f} MB  "
              f"(view / bare: {view['seconds'] / bare['seconds']:.2f}x time, "
              f"{view['peak_mb'] / bare['peak_mb']:.2f}x memory)")
    ok = view["seconds"] <= 3 and view["peak_mb"] <= 500
    print(f"floor: at most 3 s and 500 MB: {'ok' if ok else 'BELOW FLOOR'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
