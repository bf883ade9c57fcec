"""The desktop entry, icons and project file type, installed into a temporary user data folder."""

import configparser
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from annotator import desktop
from annotator.ingest import import_paths
from annotator.store import open_project

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def read_entry(path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def exec_command(value, file):
    """The argv a desktop launches for ``Exec=value`` on ``file``, read as the spec says:
    the key file's escapes first, then arguments split on spaces outside double quotes,
    where a backslash escapes ``"`` `` ` `` ``$`` and ``\\``."""
    value = value.replace("\\\\", "\\")
    args, current, quoted, i = [], None, False, 0
    while i < len(value):
        c = value[i]
        if quoted and c == "\\" and value[i + 1] in '"`$\\':
            current, i = current + value[i + 1], i + 2
            continue
        if c == '"':
            quoted, current = not quoted, current or ""
        elif c == " " and not quoted:
            if current is not None:
                args.append(current)
            current = None
        else:
            current = (current or "") + c
        i += 1
    args.append(current)
    return [str(file) if a == "%f" else a.replace("%%", "%") for a in args]


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_install_writes_the_entry_the_icons_and_the_file_type(tmp_path):
    base = tmp_path / "share"
    written = desktop.install(base, ["/opt/annotator/annotator", "gui"])
    assert len(written) == len(set(written)) == 2 + 1 + len(desktop.ICON_SIZES)

    entry = read_entry(base / "applications" / "annotator.desktop")
    assert entry["Type"] == "Application" and entry["Icon"] == "annotator"
    assert entry["Exec"] == "/opt/annotator/annotator gui %f"
    assert entry["TryExec"] == "/opt/annotator/annotator"
    assert "application/x-annotator-project" in entry["MimeType"].split(";")
    assert entry["Name[zh_CN]"] == "标注器"

    for size in desktop.ICON_SIZES:
        data = (base / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "annotator.png").read_bytes()
        assert png_size(data) == (size, size)
    assert ET.parse(base / "icons" / "hicolor" / "scalable" / "apps" / "annotator.svg").getroot().tag.endswith("svg")

    mime = ET.parse(base / "mime" / "packages" / "annotator.xml").getroot()
    [kind] = mime.findall(f"{MIME_NS}mime-type")
    assert kind.get("type") == desktop.MIME_TYPE
    assert [g.get("pattern") for g in kind.findall(f"{MIME_NS}glob")] == ["*.annotator"]


@pytest.mark.parametrize("program", [
    "/home/林露华/My Apps/annotator",
    '/tmp/a "quoted" $HOME `x` back\\slash/python',
    "/tmp/100%/python",
    "/tmp/semi;colon&(paren)/python",
])
def test_the_exec_line_gives_back_the_program_exactly(tmp_path, program):
    desktop.install(tmp_path, [program, "-m", "annotator", "gui"])
    entry = read_entry(tmp_path / "applications" / "annotator.desktop")
    project = tmp_path / "my project.annotator"
    assert exec_command(entry["Exec"], project) == [program, "-m", "annotator", "gui", str(project)]


def test_a_line_break_in_the_program_is_refused():
    with pytest.raises(ValueError, match="line break"):
        desktop.exec_argument("/tmp/a\nb")


def test_uninstall_removes_only_what_install_wrote(tmp_path):
    other = tmp_path / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    written = desktop.install(tmp_path, ["/usr/bin/annotator", "gui"])
    assert sorted(desktop.uninstall(tmp_path)) == sorted(written)
    assert not any(path.exists() for path in written)
    assert other.exists()
    assert desktop.uninstall(tmp_path) == []


def test_the_data_folder_follows_xdg_data_home(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert desktop.data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    assert desktop.data_home({}) == tmp_path / "home" / ".local" / "share"
    assert desktop.data_home({"XDG_DATA_HOME": "relative/path"}) == tmp_path / "home" / ".local" / "share"  # ignored


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info is not installed")
def test_the_mime_database_maps_project_files_to_the_type(tmp_path):
    desktop.install(tmp_path, ["/usr/bin/annotator", "gui"])
    assert "update-mime-database: ok" in desktop.refresh(tmp_path, make_default=False)
    globs = (tmp_path / "mime" / "globs2").read_text().splitlines()
    assert any(line.endswith(":application/x-annotator-project:*.annotator") for line in globs)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_the_installed_entry_is_valid(tmp_path):
    desktop.install(tmp_path, ["/home/a user/annotator", "gui"])
    out = subprocess.run(["desktop-file-validate", str(tmp_path / "applications" / "annotator.desktop")],
                         capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout == "", out.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop")
def test_install_desktop_then_the_menu_entry_opens_a_project_file(tmp_path, corpus_dir):
    data = tmp_path / "data"  # XDG_DATA_HOME (tests/conftest.py)
    out = subprocess.run([sys.executable, "-m", "annotator", "install-desktop"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert f"into {data}" in out.stdout

    project = tmp_path / "a folder" / "妇联 2024.annotator"
    project.parent.mkdir()
    with open_project(project) as p:
        assert import_paths(p, [corpus_dir]).ok
    entry = read_entry(data / "applications" / "annotator.desktop")
    shot = tmp_path / "shot.png"
    launched = subprocess.run([*exec_command(entry["Exec"], project), "--screenshot", str(shot)],
                              capture_output=True, text=True, timeout=300)
    assert launched.returncode == 0, launched.stderr
    assert png_size(shot.read_bytes())[0] >= 800
    assert not (data / "annotator" / "default.annotator").exists()  # the file given, not the default project

    out = subprocess.run([sys.executable, "-m", "annotator", "install-desktop", "--uninstall"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert not (data / "applications" / "annotator.desktop").exists()
    assert not any((data / "icons").rglob("annotator.png"))

