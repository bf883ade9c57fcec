#!/usr/bin/env python3
"""Bootstrap for a fresh clone: needs only Python 3.11+ and pip.

    python3 dev.py app     # opens the app on the bundled corpus
    python3 dev.py test    # runs the whole test suite

The first run makes .venv/ and installs the project with its test extra; later
runs reinstall only when pyproject.toml changes.  Extra arguments go to the
app or to pytest.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".dev-stamp"


def ensure_env() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"annotator needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        print("dev.py: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("dev.py: installing the project and its test tools into .venv", flush=True)
    subprocess.check_call([str(PY), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    subprocess.check_call([str(PY), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"])
    STAMP.write_text(wanted)


def compile_translations() -> None:
    """The interface's .qm files from resources/i18n/*.ts (not committed: built here)."""
    subprocess.check_call([str(PY), str(ROOT / "packaging" / "compile_translations.py")])


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("app", [])
    if command not in ("app", "test"):
        sys.exit("usage: python3 dev.py app|test [arguments]")
    ensure_env()
    compile_translations()
    if command == "app":
        return subprocess.call([str(PY), "-m", "annotator", *rest], cwd=ROOT)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([str(PY), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
