"""Floors on module size: no module over 700 lines, the main window under 450
(it builds docks, menus and actions and forwards; the rest lives in small modules)."""

from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "annotator"


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_700_lines():
    assert {p.relative_to(SRC).as_posix(): lines(p) for p in SRC.rglob("*.py") if lines(p) > 700} == {}


def test_the_main_window_is_under_450_lines():
    assert lines(SRC / "gui" / "window.py") < 450
