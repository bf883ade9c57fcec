"""The whole job from the window: a new project, documents in, tagging, every
export format out, reopening from the recent list; files that cannot be
opened; files dropped on the window; the first start."""

import filecmp
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox

from annotator import cli
from annotator.exchange.formats import FORMATS
from annotator.gui.export_dialog import ExportDialog
from annotator.gui.import_dialog import ImportDocuments
from annotator.gui.project_menu import StartWindow, Workspace, recent_projects
from annotator.gui.window import MainWindow
from annotator.store import open_project

from .conftest import drag

GOOD = {"a.txt": "全国妇联在北京召开会议。\n林露华出席。", "b.txt": "江门市妇联举办“春蕾计划”活动。",
        "c.md": "# 标题\n\n妇联主席王芳讲话。"}


@pytest.fixture
def workspace(qtbot):
    QSettings().setValue("user/annotator", "tester")
    ws = Workspace()
    yield ws
    if ws.window is not None:
        ws.window.close()
    ws.shutdown()


def folder_with_a_bad_file(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def choose_in(qtbot, parent, name: str, path: Path) -> None:
    """Type a path into a (non-native) file dialog and press Enter."""
    qtbot.waitUntil(lambda: parent.findChild(QFileDialog, name) is not None and
                    parent.findChild(QFileDialog, name).isVisible())
    chooser = parent.findChild(QFileDialog, name)
    chooser.findChild(QLineEdit, "fileNameEdit").setText(str(path))  # typed keys would open its completer
    box = chooser.findChild(QDialogButtonBox, "buttonBox")
    button = box.button(QDialogButtonBox.StandardButton.Open) or box.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not chooser.isVisible())
    chooser.setObjectName("")  # the next one of that name is a new dialog


def shown(qtbot, window):
    """The workspace's window, shown and active (the workspace closes it, not qtbot)."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def trigger(window, name: str) -> None:
    window.findChild(QAction, name).trigger()


def test_new_project_import_tag_export_every_format_and_reopen_from_recent(qtbot, workspace, tmp_path):
    workspace.close_project()
    start = workspace.window
    assert isinstance(start, StartWindow)
    shown(qtbot, start)
    qtbot.keyClick(start, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # File → New project…
    choose_in(qtbot, start, "newProjectChooser", tmp_path / "mine")
    window = workspace.window
    assert isinstance(window, MainWindow)
    shown(qtbot, window)
    path = tmp_path / "mine.annotator"
    assert window.project.path == path and path.exists()
    assert "mine.annotator" in window.windowTitle()
    assert "Import documents" in window.text_view.placeholderText()
    assert [label.name for label in window.project.labels()][:2] == ["PER", "ORG"]  # the default schema

    folder = folder_with_a_bad_file(tmp_path)
    trigger(window, "importFolder")
    choose_in(qtbot, window, "importFolderChooser", folder)
    dialog = window.findChild(ImportDocuments, "importDialog")
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=60_000)
    assert dialog.summary.text() == "3 imported, 0 duplicates skipped, 1 rejected"
    [line] = dialog.details.toPlainText().splitlines()
    assert line.startswith(f"rejected {folder / 'empty.txt'}: ") and "empty" in line
    assert dialog.details.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert window.documents.rowCount() == 3
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.document_table.selectRow(0)
    text = window.project.text(window.document_id)
    start_at = text.index("林露华")
    drag(window.text_view, text, start_at, start_at + 3)
    qtbot.keyClick(window.text_view, Qt.Key.Key_1)
    [span] = window.project.spans(window.document_id)
    assert (span.label, span.text) == ("PER", "林露华")

    exported = {}
    for fmt in FORMATS:
        shown(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        export = window.findChild(ExportDialog, "exportDialog")
        qtbot.waitUntil(export.isVisible)
        export.format.setCurrentIndex(export.format.findData(fmt))
        out = tmp_path / "out" / (fmt + ("" if fmt == "brat" else ".data"))
        export.out.setText(str(out))
        qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
        progress = export.progress
        qtbot.waitUntil(lambda: progress.close_button.isVisible(), timeout=60_000)
        assert progress.summary.text().startswith("3 documents, 1 spans written to"), progress.summary.text()
        assert out.exists() and not list(out.parent.glob(".*"))  # nothing partial left beside it
        exported[fmt] = (out, export.choice())
        qtbot.mouseClick(progress.close_button, Qt.MouseButton.LeftButton)
        export.setObjectName("")

    shown(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # File → Close project
    assert isinstance(workspace.window, StartWindow)
    shown(qtbot, workspace.window)
    # the window's export is byte for byte the command line's with the same options
    for fmt, (out, choice) in exported.items():
        again = tmp_path / "cli" / out.name
        choice.out = str(again)
        assert cli.main(choice.arguments(path)) == 0
        if fmt == "brat":
            compared = filecmp.dircmp(out, again)
            assert not compared.diff_files and not compared.left_only and not compared.right_only
            assert {p.name for p in out.iterdir()} == {p.name for p in again.iterdir()}
            for p in out.iterdir():
                assert p.read_bytes() == (again / p.name).read_bytes()
        else:
            assert out.read_bytes() == again.read_bytes(), fmt

    assert recent_projects()[0] == str(path.resolve())
    recent = workspace.window.findChild(QMenu, "recentMenu")
    recent.aboutToShow.emit()
    [entry] = [a for a in recent.actions() if a.data() == str(path.resolve())]
    entry.trigger()
    assert isinstance(workspace.window, MainWindow)
    assert workspace.window.project.path.resolve() == path.resolve()
    assert workspace.window.documents.rowCount() == 3


def test_a_damaged_or_too_new_file_is_refused_and_the_current_project_stays_open(qtbot, workspace, tmp_path):
    good = tmp_path / "good.annotator"
    open_project(good).close()
    damaged = tmp_path / "damaged.annotator"
    damaged.write_bytes(b"this is not a database" * 10)
    too_new = tmp_path / "new.annotator"
    open_project(too_new).close()
    conn = sqlite3.connect(too_new)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    window = shown(qtbot, workspace.show_project(open_project(good)))
    for path, reason in ((damaged, "not a project file"), (too_new, "made by a newer annotator")):
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # File → Open project…
        choose_in(qtbot, window, "openProjectChooser", path)
        box = window.findChild(QMessageBox, "openRefused")
        qtbot.waitUntil(box.isVisible)
        assert box.text().startswith(f"{path}: ") and reason in box.text()
        assert workspace.window is window and window.isVisible() and "good.annotator" in window.windowTitle()
        assert window.project.document_count() == 0  # still open and usable
        box.button(QMessageBox.StandardButton.Ok).click()
        box.setObjectName("")
    assert damaged.read_bytes() == b"this is not a database" * 10  # left as it was


def test_a_missing_recent_project_is_shown_as_missing_and_removed(qtbot, workspace, tmp_path):
    gone = tmp_path / "gone.annotator"
    open_project(gone).close()
    here = tmp_path / "here.annotator"
    workspace.show_project(open_project(gone))
    workspace.open_path(here, create=True)
    gone.unlink()
    recent = workspace.window.findChild(QMenu, "recentMenu")
    recent.aboutToShow.emit()
    [missing] = [a for a in recent.actions() if a.objectName() == "recentMissing"]
    assert "missing" in missing.text()
    missing.trigger()
    assert str(gone.resolve()) not in recent_projects() and str(here.resolve()) in recent_projects()
    assert workspace.window.project.path == here


def test_files_dropped_on_the_window_are_imported(qtbot, workspace, tmp_path):
    window = workspace.show_project(open_project(tmp_path / "drop.annotator"))
    folder = folder_with_a_bad_file(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder / "a.txt")), QUrl.fromLocalFile(str(folder / "b.txt"))])
    at = QPoint(window.width() // 2, window.height() // 2)  # over the text
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.windowHandle(), enter)  # as the platform delivers a drag: to the window
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.windowHandle(), drop)
    dialog = window.findChild(ImportDocuments, "importDialog")
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=60_000)
    assert dialog.summary.text() == "2 imported, 0 duplicates skipped, 0 rejected"
    assert window.project.document_count() == 2


def test_the_first_start_asks_the_annotators_name(qtbot, tmp_path):
    ws = Workspace()
    window = ws.show_project(open_project(tmp_path / "p.annotator"))
    qtbot.addWidget(window)
    try:
        ws.ask_name()
        dialog = window.findChild(QInputDialog, "annotatorNameDialog")
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.textValue()  # the login name, prefilled
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        qtbot.keyClicks(edit, "wang fang")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert QSettings().value("user/annotator") == "wang fang"
        assert window.project.annotator == "wang fang"
        ws.ask_name()  # asked once only
        assert not [d for d in window.findChildren(QInputDialog) if d.isVisible()]
    finally:
        window.close()
        ws.shutdown()


def test_the_terminal_import_names_the_windows_menu_while_the_window_has_the_project(tmp_path, capsys, corpus_dir):
    path = tmp_path / "held.annotator"
    with open_project(path):  # what the window holds while it is open
        assert cli.main(["import", str(corpus_dir), "--project", str(path)]) == 2
    err = capsys.readouterr().err
    assert "the project is open in another process; nothing was imported" in err
    assert "File → Import documents…" in err
    with open_project(path) as project:
        assert project.document_count() == 0
