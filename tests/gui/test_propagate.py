"""Ctrl+E on a line of one page, then Ctrl+Alt+E: the same line and the same
pattern excluded in the site's other pages, one undo step; real key events."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from annotator.store import open_project
from tests.gui.conftest import click, window_on
from tests.store.conftest import make_document

FOOTER = "技术支持:智海网络 皖公网安备 34080302000072号"


def _project(tmp_path):
    path = tmp_path / "site.annotator"
    with open_project(path, annotator="tester") as p:
        p.add_documents([make_document(f"第{i}篇\n本网讯 妇联开展第{i}次活动。\n{FOOTER}\n浏览 {i + 3} 次",
                                       source=f"site/{i}.html", title=f"第{i}篇") for i in range(3)])
    return path


def _first_document(qtbot, window):
    window.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    table = window.findChild(QTableView, "documentList")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())
    return window.project.document(table.model().document_id(0))


def _excluded(project, doc_id):
    text = project.text(doc_id)
    return sorted(text[r.start:r.end] for r in project.regions(doc_id) if r.excluded)


def test_a_hand_decision_applied_to_the_source_with_one_key(qtbot, tmp_path):
    with window_on(qtbot, _project(tmp_path)) as window:
        doc = _first_document(qtbot, window)
        start = doc.text.index("浏览")
        click(window.text_view, doc.text, start + 2)  # on the last line; Home, Shift+End select it
        qtbot.keyClick(window.text_view, Qt.Key.Key_Home)
        qtbot.keyClick(window.text_view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClick(window.text_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert _excluded(window.project, doc.id) == ["浏览 3 次"]
        others = [i for i in (1, 2, 3) if i != doc.id]
        qtbot.keyClick(window.text_view, Qt.Key.Key_E,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        for i in others:
            text = window.project.text(i)
            assert _excluded(window.project, i) == [text[text.index("浏览"):]]
        assert "2" in window.statusBar().currentMessage()
        qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert all(_excluded(window.project, i) == [] for i in others)
        assert _excluded(window.project, doc.id) == ["浏览 3 次"]  # the hand decision itself stays


def test_with_no_decision_here_nothing_changes_and_the_status_bar_says_so(qtbot, tmp_path):
    with window_on(qtbot, _project(tmp_path)) as window:
        _first_document(qtbot, window)
        qtbot.keyClick(window.text_view, Qt.Key.Key_E,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        assert window.statusBar().currentMessage()
        assert all(_excluded(window.project, i) == [] for i in (1, 2, 3))
        assert window.undo_stack.count() == 0


def test_a_page_with_spots_the_normalizer_could_not_repair_says_so_when_opened(qtbot, tmp_path):
    from pathlib import Path

    from annotator.ingest import import_paths

    page = Path(__file__).resolve().parents[1] / "data" / "cleanup" / "pages" / "028.txt"
    path = tmp_path / "flags.annotator"
    with open_project(path, annotator="tester") as p:
        assert import_paths(p, [page]).ok
    with window_on(qtbot, path) as window:
        _first_document(qtbot, window)
        qtbot.waitUntil(lambda: "护意" in window.statusBar().currentMessage())
        assert ";ひ馐" in window.statusBar().currentMessage()
