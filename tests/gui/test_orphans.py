"""The window killed from outside (SIGKILL, SIGTERM): its suggestion worker and
the multiprocessing resource tracker end with it, never left as orphans."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left to collect


def _wait(until, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if until():
            return True
        time.sleep(0.1)
    return until()


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_the_worker_and_the_resource_tracker_end_when_the_window_is_killed(project_path, tmp_path, how):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    app = subprocess.Popen([sys.executable, "-m", "annotator", "gui", str(project_path)], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: set[int] = set()
    try:
        # the resource tracker and the worker: both started by the window, at once
        assert _wait(lambda: len(_children(app.pid)) >= 2, 60), "the window started no worker"
        children = _children(app.pid)
        time.sleep(1)  # the worker well into its start
        app.send_signal(how)
        app.wait(30)
        assert _wait(lambda: not any(_alive(p) for p in children), 30), \
            [Path(f"/proc/{p}/cmdline").read_bytes() for p in children if _alive(p)]
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
