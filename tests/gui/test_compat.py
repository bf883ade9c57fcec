"""The PySide6 6.12.0 crash on Python 3.11: pinned out, refused at start, and watched for."""

import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement

from annotator.gui.compat import BrokenQtError, check_pyside

ROOT = Path(__file__).resolve().parents[2]


def pyside_requirements(python: str):
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    env = dict(default_environment(), python_version=python, python_full_version=python + ".0")
    reqs = [Requirement(d) for d in deps if d.lower().startswith("pyside6")]
    return [r for r in reqs if r.marker is None or r.marker.evaluate(env)]


@pytest.mark.parametrize("python,allowed", [("3.11", False), ("3.12", True), ("3.13", True)])
def test_the_pins_exclude_the_broken_build_where_it_breaks(python, allowed):
    reqs = pyside_requirements(python)
    assert len(reqs) == 1
    assert reqs[0].specifier.contains("6.12.0") is allowed
    assert reqs[0].specifier.contains("6.11.3")


def test_the_broken_build_is_refused_at_start():
    with pytest.raises(BrokenQtError, match="6.12.0 crashes on Python 3.11"):
        check_pyside("6.12.0", (3, 11))
    check_pyside("6.12.0", (3, 12))
    check_pyside("6.11.3", (3, 11))


SET_POSITION = textwrap.dedent("""
    import sys
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QPlainTextEdit
    app = QApplication([])
    edit = QPlainTextEdit()
    edit.setPlainText("婦聯𠮷😀" * 500)
    cursor = edit.textCursor()
    before = sys.getrefcount(None)
    for i in range(40000):
        cursor.setPosition(i % 2000)
        cursor.setPosition((i + 7) % 2000, QTextCursor.MoveMode.KeepAnchor)
    print(before - sys.getrefcount(None))
""")


def test_set_position_tens_of_thousands_of_times_does_not_release_none():
    """The crash's mechanism: on a broken build None's refcount falls by one per call."""
    out = subprocess.run([sys.executable, "-c", SET_POSITION], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.strip()) < 1000
