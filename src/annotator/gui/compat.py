"""Refuse a Qt build known to crash, before it can lose anyone's work."""

from __future__ import annotations

import sys

# (PySide6 version, Pythons it crashes on): 6.12.0 drops a reference to None on
# every QTextCursor.setPosition; Python 3.12+ has an immortal None and survives.
BROKEN = {"6.12.0": (3, 12)}


class BrokenQtError(RuntimeError):
    pass


def check_pyside(version: str, python: tuple[int, int] = sys.version_info[:2]) -> None:
    below = BROKEN.get(version)
    if below is not None and python < below:
        raise BrokenQtError(
            f"PySide6 {version} crashes on Python {python[0]}.{python[1]} (QTextCursor.setPosition "
            f"releases None). Install another version: pip install 'PySide6-Essentials!={version}'"
        )


def ensure_safe_pyside() -> None:
    import PySide6

    check_pyside(PySide6.__version__)
