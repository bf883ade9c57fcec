"""Import and export from the window, cancelled midway: what was committed
stays, nothing is half-written, no partial file or folder under the final
name.  A gate holds the worker at a known point so the cancel lands mid-run."""

import json
import threading

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction

from annotator.gui.export_dialog import ExportDialog
from annotator.gui.import_dialog import ImportAnnotations, ImportDocuments
from annotator.gui.jobs import Job
from annotator.gui.project_menu import FileMenu, Workspace
from annotator.store import open_project
from tests.store.conftest import make_document


@pytest.fixture
def workspace(qtbot):
    QSettings().setValue("user/annotator", "tester")
    ws = Workspace()
    yield ws
    if ws.window is not None:
        ws.window.close()
    ws.shutdown()


def gate_at(monkeypatch, at: int):
    """Hold the job's thread when it reports ``at`` documents done, until released."""
    reached, release = threading.Event(), threading.Event()
    original = Job.progress

    def gated(self, done, total):
        if done == at:
            reached.set()
            release.wait(30)
        original(self, done, total)

    monkeypatch.setattr(Job, "progress", gated)
    return reached, release


def test_an_import_cancelled_midway_keeps_the_whole_batches_committed_and_nothing_else(
        qtbot, workspace, tmp_path, monkeypatch):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(500):
        (folder / f"{i:03d}.txt").write_text(f"第{i}篇\n全国妇联第{i}次会议在北京召开。", encoding="utf-8")
    window = workspace.show_project(open_project(tmp_path / "p.annotator"))
    reached, release = gate_at(monkeypatch, 300)
    [menu] = window.findChildren(FileMenu)
    dialog = menu.import_paths([str(folder)])  # what choosing the folder does (the flow test chooses one)
    assert isinstance(dialog, ImportDocuments)
    qtbot.waitUntil(reached.is_set, timeout=60_000)
    qtbot.waitUntil(lambda: window.documents.rowCount() >= 200)  # the list grew while it ran
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=60_000)
    assert dialog.summary.text().startswith("Cancelled: 200 documents were imported before the cancel")
    project = window.project
    assert project.document_count() == 200  # the first batch, whole; the second never half-written
    assert project.integrity_check() == "ok"
    titles = sorted(d.title for d in project.list_documents(limit=500))
    assert titles == sorted(f"第{i}篇" for i in range(200))
    assert window.documents.rowCount() == 200


@pytest.mark.parametrize("fmt", ["conll", "brat"])
def test_an_export_cancelled_midway_leaves_nothing_under_the_final_name(qtbot, workspace, tmp_path, monkeypatch,
                                                                       fmt):
    path = tmp_path / "p.annotator"
    with open_project(path) as p:
        ids = p.add_documents([make_document(f"全国妇联第{i}次会议。", source=f"{i}.txt") for i in range(300)])
        for doc_id in ids[:50]:
            p.add_span(doc_id, 0, 4, "ORG")
    window = workspace.show_project(open_project(path))
    reached, release = gate_at(monkeypatch, 100)
    out = tmp_path / "out" / ("data.conll" if fmt == "conll" else "data")
    window.findChild(QAction, "exportDataset").trigger()
    dialog = window.findChild(ExportDialog, "exportDialog")
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.out.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=60_000)
    assert any((tmp_path / "out").iterdir())  # something is being written, beside the final name
    assert not out.exists()
    qtbot.mouseClick(dialog.progress.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: dialog.progress.close_button.isVisible(), timeout=60_000)
    assert dialog.progress.summary.text() == f"Cancelled: nothing was written under {out}."
    assert not out.exists() and list((tmp_path / "out").iterdir()) == []
    # the options are remembered for this project
    window.findChild(QAction, "exportDataset").trigger()
    again = [d for d in window.findChildren(ExportDialog) if d is not dialog][0]
    assert again.choice().format == fmt and again.out.text() == str(out)


def test_annotations_with_a_problem_are_refused_whole_and_every_problem_listed(qtbot, workspace, tmp_path):
    window = workspace.show_project(open_project(tmp_path / "p.annotator"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"text": "全国妇联召开会议。", "label": [[0, 4, "ORG"]]},
        {"text": "林露华出席。", "label": [[0, 9, "PER"]]},
        {"text": "江门市妇联。", "label": [[0, 5, "NOPE"]]}]) + "\n", encoding="utf-8")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"text": "全国妇联召开会议。", "label": [[0, 4, "ORG"]]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    for path, expected in ((bad, None), (good, 1)):
        window.findChild(QAction, "importAnnotations").trigger()
        dialog = [d for d in window.findChildren(ImportAnnotations) if d.isVisible()][0]
        dialog.path.setText(str(path))
        dialog.format.setCurrentIndex(dialog.format.findData("doccano"))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        progress = dialog.progress
        qtbot.waitUntil(lambda: progress.close_button.isVisible(), timeout=60_000)
        if expected is None:
            assert progress.summary.text() == f"{path}: 2 problems; nothing from this file was imported"
            lines = progress.details.toPlainText().splitlines()
            assert len(lines) == 2 and ":2" in lines[0] and ":3" in lines[1] and "NOPE" in lines[1]
            assert window.project.document_count() == 0
        else:
            assert progress.summary.text().startswith("good.jsonl (doccano): 1 annotated documents imported with 1")
            assert window.project.document_count() == 1
            assert window.documents.rowCount() == 1
        qtbot.mouseClick(progress.close_button, Qt.MouseButton.LeftButton)


def test_show_in_folder_opens_the_folder_holding_the_export(qtbot, workspace, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from annotator.gui import project_menu

    opened = []
    monkeypatch.setattr(project_menu.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    path = tmp_path / "p.annotator"
    with open_project(path) as p:
        p.add_documents([make_document("全国妇联召开会议。")])
    window = workspace.show_project(open_project(path))
    window.findChild(QAction, "exportDataset").trigger()
    dialog = window.findChild(ExportDialog, "exportDialog")
    out = tmp_path / "sets" / "data.jsonl"
    dialog.out.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.close_button.isVisible(), timeout=60_000)
    button = dialog.progress.findChild(QPushButton, "showInFolder")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(out.parent)]
