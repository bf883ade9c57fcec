"""The annotator window driven with real mouse and key events; the store is the judge."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView, QToolBar

from .conftest import ASTRAL, background, click, drag


def open_row(qtbot, window, row):
    table = window.findChild(QTableView, "documentList")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(row, 0)).center())
    return window.project.document(table.model().document_id(row))


def test_the_main_widgets_have_stable_names(window):
    for name, kind in (("documentList", QTableView), ("spanList", QTableView), ("labelPalette", QToolBar)):
        assert window.findChild(kind, name) is not None, name
    assert window.text_view.objectName() == "textView"


def test_drag_select_and_hotkey_saves_a_span_with_code_point_offsets(qtbot, window):
    doc = window.project.document(1)
    start = doc.text.index("淮南市妇联")
    drag(window.text_view, doc.text, start, start + 5)
    assert window.text_view.selection_range() == (start, start + 5)
    qtbot.keyClick(window.text_view, Qt.Key.Key_2)
    [span] = window.project.spans(1)
    assert (span.start, span.end, span.label, span.text) == (start, start + 5, "ORG", "淮南市妇联")
    assert window.spans.rowCount() == 1
    assert "Saved" in window.statusBar().currentMessage()


def test_offsets_stay_exact_after_astral_characters_and_emoji(qtbot, window):
    doc = open_row(qtbot, window, 5)
    assert doc.text == ASTRAL
    start = ASTRAL.index("春蕾计划")
    drag(window.text_view, ASTRAL, start, start + 4)
    qtbot.keyClick(window.text_view, Qt.Key.Key_8)
    [span] = window.project.spans(doc.id)
    assert (span.start, span.end, span.text) == (start, start + 4, "春蕾计划")
    assert ASTRAL[span.start:span.end] == span.text
    name = ASTRAL.index("林露华")
    drag(window.text_view, ASTRAL, name, name + 3)
    qtbot.keyClick(window.text_view, Qt.Key.Key_1)
    assert [s.text for s in window.project.spans(doc.id)] == ["春蕾计划", "林露华"]


def test_undo_and_redo(qtbot, window):
    doc = window.project.document(1)
    start = doc.text.index("王毅")
    drag(window.text_view, doc.text, start, start + 2)
    qtbot.keyClick(window.text_view, Qt.Key.Key_1)
    [span] = window.project.spans(1)
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.spans(1) == [] and window.spans.rowCount() == 0
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [again] = window.project.spans(1)
    assert (again.id, again.start, again.end, again.label) == (span.id, span.start, span.end, "PER")


def test_click_a_span_then_delete_relabel_and_undo(qtbot, window):
    doc = window.project.document(1)
    start = doc.text.index("淮南市妇联")
    drag(window.text_view, doc.text, start, start + 5)
    qtbot.keyClick(window.text_view, Qt.Key.Key_3)  # LOC by mistake
    click(window.text_view, doc.text, start + 2)
    [span] = window.project.spans(1)
    assert window.text_view.selected_span == span.id
    qtbot.keyClick(window.text_view, Qt.Key.Key_2)  # a hotkey on a selected span relabels it
    assert window.project.span(span.id).label == "ORG"
    qtbot.keyClick(window.text_view, Qt.Key.Key_Delete)
    assert window.project.spans(1) == []
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [(s.id, s.label) for s in window.project.spans(1)] == [(span.id, "ORG")]
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.span(span.id).label == "LOC"


def test_overlapping_and_nested_spans(qtbot, window):
    doc = window.project.document(1)
    start = doc.text.index("淮南市妇联党组书记")
    drag(window.text_view, doc.text, start, start + 5)
    qtbot.keyClick(window.text_view, Qt.Key.Key_2)
    drag(window.text_view, doc.text, start, start + 3)
    qtbot.keyClick(window.text_view, Qt.Key.Key_3)
    drag(window.text_view, doc.text, start + 3, start + 9)
    qtbot.keyClick(window.text_view, Qt.Key.Key_4)
    assert [(s.text, s.label) for s in window.project.spans(1)] == [
        ("淮南市", "LOC"), ("淮南市妇联", "ORG"), ("妇联党组书记", "TITLE")]
    # translucent layers: where two spans meet is darker than where one is
    text = doc.text
    both, org_only, title_only = (background(window.text_view, text, start + i) for i in (1, 3, 7))
    assert len({both.name(), org_only.name(), title_only.name(), "#ffffff"}) == 4
    assert both.lightness() < org_only.lightness()
    click(window.text_view, doc.text, start + 1)  # the innermost span under the pointer
    assert window.project.span(window.text_view.selected_span).text == "淮南市"


def test_the_status_flow(qtbot, window):
    assert window.document_id == 1
    qtbot.keyClick(window.text_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.project.document(1).status == "done"
    assert window.document_id == 2  # on to the next document not done
    window.findChild(QAction, "skip").trigger()
    assert window.project.document(2).status == "skipped"
    window.findChild(QAction, "reopen").trigger()
    assert window.project.document(2).status == "in_progress"
    table = window.findChild(QTableView, "documentList")
    assert table.model().index(0, 3).data() == "done"


def test_including_an_excluded_region(qtbot, window):
    doc = open_row(qtbot, window, 4)  # 004, whose first line is a spam title
    spam = window.project.regions(doc.id)[0]
    assert spam.excluded and doc.text[spam.start:spam.end].startswith("91亚洲")
    click(window.text_view, doc.text, spam.start + 1)
    qtbot.keyClick(window.text_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.project.region_override(doc.id, spam.start, spam.end) is False
    assert not window.project.regions(doc.id)[0].excluded
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.regions(doc.id)[0].excluded


def test_filter_by_status_and_search(qtbot, window):
    window.project.set_status(3, "done")
    combo = window.findChild(QComboBox, "statusFilter")
    combo.setCurrentIndex(combo.findData("done"))
    table = window.findChild(QTableView, "documentList")
    assert table.model().rowCount() == 1 and table.model().document_id(0) == 3
    combo.setCurrentIndex(0)
    assert table.model().rowCount() == 6
    search = window.findChild(QLineEdit, "documentSearch")
    search.setText("海东")  # Chinese arrives through an input method, not key codes
    assert [table.model().document_id(r) for r in range(table.model().rowCount())] == [5]
    assert window.project.spans(5) == []  # typing a digit-free search tagged nothing
    search.setText("林露华")  # in the text, not in the title
    found = [table.model().document_id(r) for r in range(table.model().rowCount())]
    assert found == [i for i in range(1, 7) if "林露华" in window.project.text(i)] and 6 in found
    assert "林露华" not in window.project.document_info(6).title
    search.clear()
    qtbot.keyClicks(search, "1")  # a hotkey typed into the search box is just a character
    assert all(window.project.spans(i) == [] for i in range(1, 7))


def test_models_pass_the_model_tester(qtmodeltester, window):
    qtmodeltester.check(window.documents)
    window.project.add_span(1, 0, 2, "DATE")
    window.spans.show_document(1)
    qtmodeltester.check(window.spans)
    # the tester keeps watching: edits arrive as single inserted, changed and removed rows
    later = window.project.add_span(1, 1, 3, "PER")
    window.spans.refresh_spans([later.id])
    window.project.update_span(later.id, label="ORG")
    window.spans.refresh_spans([later.id])
    window.project.delete_span(later.id)
    window.spans.refresh_spans([later.id])
    assert [s.label for s in window.spans.spans()] == ["DATE"]


def test_a_long_document_paints_its_first_screen_then_reads_the_rest(qtbot, window):
    from tests.store.conftest import make_document

    text = ("江门市妇联主席林露华出席。\n" * 3000)[:40_000]
    [doc_id] = window.project.add_documents([make_document(text, source="long.txt")])
    near, far = window.project.add_span(doc_id, 7, 10, "PER"), window.project.add_span(doc_id, 39_990, 39_993, "ORG")
    window.open_document(doc_id)
    assert [s.id for s in window.spans.spans()] == [near.id] and not window.spans.complete
    qtbot.waitUntil(lambda: window.spans.complete)  # right after the first paint
    assert [s.id for s in window.spans.spans()] == [near.id, far.id]
    window.span_table.selectRow(1)  # choosing it in the span list scrolls the text to it
    assert window.text_view.span_rects(far.id)
    assert "2 spans" in window.statusBar().currentMessage()


def test_keyboard_only_tagging_with_shift_arrows(qtbot, window):
    doc = open_row(qtbot, window, 5)
    start = ASTRAL.index("林露华")
    window.text_view.setFocus()
    qtbot.keyClick(window.text_view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.text_view, Qt.Key.Key_Down)
    qtbot.keyClick(window.text_view, Qt.Key.Key_Down)
    for _ in range(ASTRAL.split("\n")[2].index("林露华")):
        qtbot.keyClick(window.text_view, Qt.Key.Key_Right)
    for _ in range(3):
        qtbot.keyClick(window.text_view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.text_view, Qt.Key.Key_1)
    assert [(s.start, s.end, s.text, s.label) for s in window.project.spans(doc.id)] == [
        (start, start + 3, "林露华", "PER")]


def test_the_raw_page_shows_where_a_span_came_from(qtbot, window):
    doc = window.project.document(1)  # 000: Traditional with pinyin glosses
    start = doc.text.index("淮南市妇联党组书记")
    drag(window.text_view, doc.text, start, start + 9)
    qtbot.keyClick(window.text_view, Qt.Key.Key_4)
    click(window.text_view, doc.text, start + 4)
    qtbot.keyClick(window.text_view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.text_view.toPlainText() == doc.raw_text
    raw = doc.raw_text
    marked = window.text_view.spans_between(0, len(raw))
    assert [raw[s.start:s.end] for s in marked] == ["淮南市婦聯(lián)黨組書(shū)記"]
    assert window.text_view.span_rects(marked[0].id)  # drawn where it is, and scrolled into view
    assert background(window.text_view, raw, marked[0].start + 1).name() != "#ffffff"
    qtbot.keyClick(window.text_view, Qt.Key.Key_1)  # no tagging on the raw page
    assert len(window.project.spans(1)) == 1
    qtbot.keyClick(window.text_view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.text_view.toPlainText() == doc.text


def test_font_size_and_layout_come_back_on_the_next_start(qtbot, project_path, tmp_path):
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtGui import QAction

    from annotator.gui.window import MainWindow
    from annotator.store import open_project

    assert str(tmp_path) in QStandardPaths.writableLocation(QStandardPaths.StandardLocation.ConfigLocation)
    with open_project(project_path) as project:
        first = MainWindow(project)
        qtbot.addWidget(first)
        first.show()
        first.findChild(QAction, "zoomIn").trigger()
        size = first.text_view.font().pointSize()
        first.findChild(QToolBar, "mainToolbar").hide()
        first.close()
        assert QSettings().value("view/font_size") is not None
        second = MainWindow(project)
        qtbot.addWidget(second)
        assert second.text_view.font().pointSize() == size == 14
        assert second.findChild(QToolBar, "mainToolbar").isHidden()
        second.close()
