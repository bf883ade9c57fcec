"""Compile the Qt Linguist sources resources/i18n/*.ts to .qm next to them,
with PySide6's lrelease.  Run at build time (dev.py after installing,
packaging/build.sh before PyInstaller); the .qm files are not committed.

    python packaging/compile_translations.py [--update]

``--update`` first refreshes the .ts sources from the code with lupdate (for
translators; new strings come in unfinished).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
SOURCES = sorted((ROOT / "src" / "annotator" / "gui").glob("*.py"))


def _tool(name: str) -> str:
    """pyside6-<name> beside this Python, else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"compile_translations: pyside6-{name} not found (is PySide6 installed?)")
    return found


def main(argv: list[str]) -> int:
    sources = sorted(I18N.glob("*.ts"))
    if "--update" in argv:
        for ts in sources:
            subprocess.check_call([_tool("lupdate"), *map(str, SOURCES), "-ts", str(ts)])
    for ts in sources:
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.check_call([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
