"""The app in a Linux desktop's menu, and project files opening in it, for the
current user only: what ``annotator install-desktop`` does.

Everything goes where the freedesktop specifications look in the user's data
folder (``$XDG_DATA_HOME``, else ``~/.local/share``), so no root is needed and
the files can be removed again.  The entry starts the program that installed
it (the frozen app, or this Python with the package), since annotators have no
``annotator`` on their PATH.  No Qt here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

APP_ID = "annotator"
MIME_TYPE = "application/x-annotator-project"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)

# characters that make the desktop entry spec quote an Exec argument
_RESERVED = frozenset(" \t\"'\\><~|&;$*?#()`")


def data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """``$XDG_DATA_HOME`` if set to an absolute path, else ``~/.local/share`` (the spec's rule)."""
    value = environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that opens the window: this frozen app, or this Python running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "gui"]
    return [sys.executable, "-m", "annotator", "gui"]


def exec_argument(arg: str) -> str:
    """One argument of an ``Exec`` key: quoted as the desktop entry spec asks,
    then escaped once more as a key file string (so ``\\`` is written twice)."""
    if "\n" in arg or "\r" in arg:
        raise ValueError(f"{arg!r}: a line break cannot be written in a desktop entry")
    arg = arg.replace("%", "%%")
    if any(c in _RESERVED for c in arg):
        arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return arg.replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    """The bundled ``annotator.desktop`` with ``Exec`` (and ``TryExec``) running ``command`` on the file."""
    template = resources.files("annotator.resources").joinpath("annotator.desktop").read_text("utf-8")
    exec_line = " ".join(exec_argument(a) for a in command) + " %f"
    try_exec = command[0].replace("\\", "\\\\")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            lines += [f"TryExec={try_exec}", f"Exec={exec_line}"]
        elif not line.startswith("TryExec="):
            lines.append(line)
    return "\n".join(lines) + "\n"


def _targets(base: Path) -> dict[Path, str]:
    """Where each file goes, and the resource it comes from."""
    icons = base / "icons" / "hicolor"
    targets = {
        base / "applications" / f"{APP_ID}.desktop": "annotator.desktop",
        base / "mime" / "packages" / f"{APP_ID}.xml": "annotator-mime.xml",
        icons / "scalable" / "apps" / f"{APP_ID}.svg": "icons/annotator.svg",
    }
    for size in ICON_SIZES:
        targets[icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = f"icons/annotator-{size}.png"
    return targets


def install(base: Path, command: list[str]) -> list[Path]:
    """Write the desktop entry, the icons and the project file type under ``base``
    (a user's data folder); return the files written."""
    bundled = resources.files("annotator.resources")
    written = []
    for target, name in _targets(base).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if name == "annotator.desktop":
            target.write_text(desktop_entry(command), encoding="utf-8")
        else:
            target.write_bytes(bundled.joinpath(name).read_bytes())
        written.append(target)
    return written


def uninstall(base: Path) -> list[Path]:
    """Remove what :func:`install` wrote under ``base``; return the files removed."""
    removed = []
    for target in _targets(base):
        if target.exists():
            target.unlink()
            removed.append(target)
    return removed


def refresh(base: Path, *, make_default: bool) -> list[str]:
    """Run the desktop's cache tools that this system has, so the menu and the
    file manager see the change without a new login; return what ran and how it ended.

    ``make_default`` also asks ``xdg-mime`` to open project files with the app."""
    commands = [
        ["update-desktop-database", "-q", str(base / "applications")],
        ["update-mime-database", str(base / "mime")],
    ]
    if (base / "icons" / "hicolor" / "icon-theme.cache").exists():  # a stale cache hides new icons
        commands.append(["gtk-update-icon-cache", "-q", "-t", "-f", str(base / "icons" / "hicolor")])
    if make_default:
        commands.append(["xdg-mime", "default", f"{APP_ID}.desktop", MIME_TYPE])
    report = []
    for command in commands:
        if shutil.which(command[0]) is None:
            continue
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        outcome = "ok" if result.returncode == 0 else f"failed ({result.stderr.strip() or result.returncode})"
        report.append(f"{command[0]}: {outcome}")
    return report
