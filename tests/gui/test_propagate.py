"""Ctrl+E on a line of one page, then Ctrl+Alt+E: the same line and the same
pattern excluded in the site's other pages, one undo step; real key events."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from annotator.gui.propagate import ProposalsDialog
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


def _proposals(qtbot, window):
    """Ctrl+Alt+E, then the dialog once the worker's proposals are in it."""
    qtbot.keyClick(window.text_view, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    dialog = window.findChild(ProposalsDialog, "regionProposalsDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.proposals is not None)
    return dialog


def _exclude_last_line(qtbot, window, doc):
    start = doc.text.index("浏览")
    click(window.text_view, doc.text, start + 2)  # on the last line; Home, Shift+End select it
    qtbot.keyClick(window.text_view, Qt.Key.Key_Home)
    qtbot.keyClick(window.text_view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.text_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)


def test_a_hand_decision_is_proposed_to_the_source_and_applied_with_one_key(qtbot, tmp_path):
    with window_on(qtbot, _project(tmp_path)) as window:
        doc = _first_document(qtbot, window)
        _exclude_last_line(qtbot, window, doc)
        assert _excluded(window.project, doc.id) == ["浏览 3 次"]
        others = [i for i in (1, 2, 3) if i != doc.id]
        dialog = _proposals(qtbot, window)
        rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert len(rows) == 2 and all("浏览" in r for r in rows)
        assert {r.split(" — ")[0].split(": ", 1)[1] for r in rows} == {window.project.document_info(i).title
                                                                         for i in others}
        assert all(_excluded(window.project, i) == [] for i in others)  # nothing before the annotator says so
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        for i in others:
            text = window.project.text(i)
            assert _excluded(window.project, i) == [text[text.index("浏览"):]]
        assert "2" in window.statusBar().currentMessage()
        assert window.undo_stack.count() == 2  # Ctrl+E, then the proposals as one step
        window.activateWindow()  # what the window manager does when the dialog closes
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert all(_excluded(window.project, i) == [] for i in others)
        assert _excluded(window.project, doc.id) == ["浏览 3 次"]  # the hand decision itself stays


def test_an_unchecked_proposal_is_left_alone(qtbot, tmp_path):
    with window_on(qtbot, _project(tmp_path)) as window:
        doc = _first_document(qtbot, window)
        _exclude_last_line(qtbot, window, doc)
        dialog = _proposals(qtbot, window)
        second = dialog.list.visualItemRect(dialog.list.item(1))
        qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=second.center())
        qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # unchecks the row the click made current
        assert dialog.list.item(1).checkState() == Qt.CheckState.Unchecked
        skipped = dialog.proposals[1].document_id
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        (applied,) = [i for i in (1, 2, 3) if i not in (doc.id, skipped)]
        assert _excluded(window.project, skipped) == []
        assert len(_excluded(window.project, applied)) == 1


def test_a_cancelled_dialog_changes_nothing(qtbot, tmp_path):
    with window_on(qtbot, _project(tmp_path)) as window:
        doc = _first_document(qtbot, window)
        _exclude_last_line(qtbot, window, doc)
        dialog = _proposals(qtbot, window)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert all(_excluded(window.project, i) == [] for i in (1, 2, 3) if i != doc.id)
        assert window.undo_stack.count() == 1


def test_with_no_decision_here_nothing_changes_and_the_dialog_says_so(qtbot, tmp_path):
    with window_on(qtbot, _project(tmp_path)) as window:
        _first_document(qtbot, window)
        dialog = _proposals(qtbot, window)
        assert dialog.proposals == [] and not dialog.ok.isEnabled()
        assert dialog.heading.text()
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        assert all(_excluded(window.project, i) == [] for i in (1, 2, 3))
        assert window.undo_stack.count() == 0


def test_document_strings_in_the_dialog_stay_plain_text(qtbot, tmp_path):
    path = tmp_path / "markup.annotator"
    line = "<b>技术支持</b>:<img src=x>网络"
    with open_project(path, annotator="tester") as p:
        p.add_documents([make_document(f"第{i}篇\n正文内容第{i}段。\n{line}", source=f"site/{i}.html",
                                       title=f"<i>第{i}篇</i>") for i in range(2)])
    with window_on(qtbot, path) as window:
        doc = _first_document(qtbot, window)
        start = doc.text.index("<b>")
        click(window.text_view, doc.text, start + 2)
        qtbot.keyClick(window.text_view, Qt.Key.Key_Home)
        qtbot.keyClick(window.text_view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClick(window.text_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        dialog = _proposals(qtbot, window)
        (row,) = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert "<i>第1篇</i>" in row and line in row
        assert dialog.heading.textFormat() == Qt.TextFormat.PlainText
        qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)


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


def test_the_proposals_are_looked_for_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    import threading

    import annotator.gui.propagate as propagate

    threads = []
    real = propagate.proposals_for

    def recording(project, document_id):
        threads.append(threading.current_thread())
        return real(project, document_id)

    monkeypatch.setattr(propagate, "proposals_for", recording)
    with window_on(qtbot, _project(tmp_path)) as window:
        doc = _first_document(qtbot, window)
        _exclude_last_line(qtbot, window, doc)
        dialog = _proposals(qtbot, window)
        assert len(dialog.proposals) == 2
        assert threads and threads[0] is not threading.main_thread()
        qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
