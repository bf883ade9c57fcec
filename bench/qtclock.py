"""What the GUI benches share: the longest pause of the GUI thread, measured by
the gaps between the ticks of a 5 ms timer.  Import it once a QApplication exists."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer


class Ticker(QObject):
    """The longest gap between ticks of a 5 ms timer: how long the GUI thread was busy."""

    def __init__(self):
        super().__init__()
        self.timer = QTimer(self, interval=5)
        self.timer.timeout.connect(self._tick)
        self.reset()
        self.timer.start()

    def reset(self) -> None:
        self.last, self.longest = time.perf_counter(), 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest, self.last = max(self.longest, now - self.last), now
