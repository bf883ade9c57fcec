"""The catalog view on the bundled corpus with its programs annotated and linked:
variants under their parent, a search, a program's occurrences, and an
occurrence opening its document in the window with the span in view."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.catalog.test_corpus import PROGRAMS, annotate_corpus

from .conftest import window_on

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def annotated_file(tmp_path_factory, corpus_dir):
    """The corpus with its 63 program mentions tagged and each proposal confirmed."""
    return annotate_corpus(tmp_path_factory.mktemp("catalog") / "corpus.annotator", corpus_dir)


@pytest.fixture
def window(qtbot, annotated_file, tmp_path):
    path = tmp_path / "corpus.annotator"
    shutil.copy(annotated_file, path)
    with window_on(qtbot, path) as win:
        yield win


def open_catalog(qtbot, window):
    qtbot.keyClick(window.text_view, Qt.Key.Key_C, CTRL_SHIFT)
    view = window.catalog_view
    assert view is not None and view.isVisible()
    qtbot.waitExposed(view)
    model = view.model
    qtbot.waitUntil(lambda: model.total() is not None and model.rowCount() == min(model.total(), model.PAGE))
    while model.canFetchMore(QModelIndex()):  # the whole top level: a few dozen programs
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model._root.fetching)
    return view


def top_level(model) -> dict[str, QModelIndex]:
    return {model.index(r, 0).data(): model.index(r, 0) for r in range(model.rowCount())}


def click_row(qtbot, view, index, double=False):
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid() and not rect.isEmpty()
    if not double:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        return
    # what the platform delivers for a double click (QTest's mouseDClick does not reach the viewport)
    point, left = QPointF(rect.center()), Qt.MouseButton.LeftButton
    for kind, buttons in ((QEvent.Type.MouseButtonPress, left), (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
                          (QEvent.Type.MouseButtonDblClick, left),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        event = QMouseEvent(kind, point, view.viewport().mapToGlobal(point), left, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), event)


def test_the_catalog_shows_the_variants_under_their_parent(qtbot, window):
    view = open_catalog(qtbot, window)
    model, tree = view.model, view.tree
    rows = top_level(model)
    assert model.total() == len(rows) == window.project.program_row_count(top_level=True)
    for parent, variants in PROGRAMS["groups"].items():
        assert parent in rows and not set(variants) & set(rows), parent  # variants are not at the top
    parent = rows["巾帼大宣讲"]
    assert model.index(parent.row(), 1).data() == 3 and model.index(parent.row(), 2).data() == 7  # own, with variants
    assert model.rowCount(parent) == 0 and model.hasChildren(parent)  # fetched when expanded

    click_row(qtbot, tree, parent)
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # expand, as a user does
    qtbot.waitUntil(lambda: model.rowCount(parent) == 4)
    assert tree.isExpanded(parent)
    children = {model.index(r, 0, parent).data(): model.index(r, 0, parent) for r in range(4)}
    assert set(children) == set(PROGRAMS["groups"]["巾帼大宣讲"])
    tianfu = children["天府巾帼大宣讲"]
    assert not tree.visualRect(tianfu).isEmpty()  # drawn under its parent
    assert model.index(tianfu.row(), 5, parent).data() == "四川"  # its region, from its name
    assert model.parent(tianfu) == parent


def test_a_search_lists_matching_programs_with_their_parent(qtbot, window):
    view = open_catalog(qtbot, window)
    view.search.setFocus()
    commit = QInputMethodEvent()  # Chinese comes from an input method, not from key codes
    commit.setCommitString("天府")
    QApplication.sendEvent(view.search, commit)
    assert view.search.text() == "天府"
    qtbot.waitUntil(lambda: view.model.searching and view.model.total() == 1 and view.model.rowCount() == 1)
    assert view.model.index(0, 0).data() == "天府巾帼大宣讲  ← 巾帼大宣讲"
    assert view.count.text() == "Matching programs: 1"
    view.search.clear()
    qtbot.waitUntil(lambda: not view.model.searching and view.model.rowCount() > 1)


def test_choosing_a_program_lists_its_occurrences_and_double_click_opens_one(qtbot, window):
    view = open_catalog(qtbot, window)
    parent = top_level(view.model)["巾帼大宣讲"]
    click_row(qtbot, view.tree, parent)
    table, occurrences = view.occurrence_table, view.occurrences
    qtbot.waitUntil(lambda: occurrences.total() == 7 and occurrences.rowCount() == 7)  # with its variants
    assert view.heading.text() == "Occurrences of 巾帼大宣讲: 7"
    found = [occurrences.occurrence(r) for r in range(7)]
    assert {o.text for o in found} >= {"巾帼大宣讲", "天府巾帼大宣讲", "三秦巾帼大宣讲"}
    row = next(r for r, o in enumerate(found) if o.text == "天府巾帼大宣讲")
    assert "天府巾帼大宣讲" in table.model().index(row, 1).data()

    view.variants.click()  # its own occurrences only
    qtbot.waitUntil(lambda: occurrences.total() == 3 and occurrences.rowCount() == 3)
    view.variants.click()
    qtbot.waitUntil(lambda: occurrences.rowCount() == 7)

    # the occurrence furthest into its document: opening it must scroll
    row = max(range(7), key=lambda r: found[r].start)
    target = found[row]
    click_row(qtbot, table, occurrences.index(row, 1), double=True)
    qtbot.waitUntil(lambda: window.document_id == target.document_id)
    assert window.text_view.selected_span == target.span_id
    assert window.project.span(target.span_id).text == target.text
    qtbot.waitUntil(lambda: window.text_view.span_rects(target.span_id) != [])  # in view
    assert window.span_table.currentIndex().data() == "PROGRAM"


def test_enter_on_an_occurrence_opens_it(qtbot, window):
    view = open_catalog(qtbot, window)
    heart = top_level(view.model)["巾帼心向党"]
    click_row(qtbot, view.tree, heart)
    occurrences = view.occurrences
    qtbot.waitUntil(lambda: occurrences.total() is not None and occurrences.rowCount() == occurrences.total() > 2)
    table = view.occurrence_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 2
    target = occurrences.occurrence(2)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document_id == target.document_id
                    and window.text_view.selected_span == target.span_id)
    assert window.text_view.span_rects(target.span_id)


def test_an_occurrence_in_a_document_the_list_has_not_loaded_still_opens(qtbot, window):
    open_catalog(qtbot, window)
    document = window.project.list_documents()[-1].id
    window.status_filter.setCurrentIndex(window.status_filter.findData("done"))  # no document is done
    assert window.documents.rowCount() == 0
    [span] = [s for s in window.project.spans(document) if s.label == "PROGRAM"][:1]
    window.show_span(document, span.id)
    assert window.document_id == document and window.text_view.selected_span == span.id


def test_the_catalog_follows_edits_when_refreshed(qtbot, window):
    view = open_catalog(qtbot, window)
    name = "巾帼大宣讲"
    program = window.project.program_named(name)
    doc = window.project.list_documents()[0].id
    text = window.project.text(doc)
    start = text.index("妇联")
    span = window.project.add_span(doc, start, start + 2, "PROGRAM")
    window.project.link_span(span.id, program.id)
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and name in top_level(view.model))
    parent = top_level(view.model)[name]
    assert view.model.index(parent.row(), 1).data() == 4


def test_the_models_pass_the_model_tester(qtbot, qtmodeltester, window):
    view = open_catalog(qtbot, window)
    parent = top_level(view.model)["巾帼大宣讲"]
    view.tree.expand(parent)
    qtbot.waitUntil(lambda: view.model.rowCount(parent) == 4)
    qtmodeltester.check(view.model)
    view.occurrences.show_program(view.model.row(parent).id)
    qtbot.waitUntil(lambda: view.occurrences.rowCount() == 7)
    qtmodeltester.check(view.occurrences)
    QApplication.processEvents()


def test_the_views_speak_chinese_when_the_language_switches(qtbot, window):
    import subprocess
    import sys

    from PySide6.QtGui import QAction

    root = Path(__file__).resolve().parents[2]  # the translations as they are now, as dev.py compiles them
    subprocess.check_call([sys.executable, str(root / "packaging" / "compile_translations.py")])
    view = open_catalog(qtbot, window)
    try:
        window.findChild(QAction, "language_zh_CN").trigger()
        qtbot.waitUntil(lambda: view.windowTitle() == "项目目录")
        assert view.model.headerData(0, Qt.Orientation.Horizontal) == "项目"
        assert view.count.text().startswith("项目数：")
        assert window.findChild(QAction, "showStatistics").text() == "统计"
    finally:
        window.findChild(QAction, "language_en").trigger()
    qtbot.waitUntil(lambda: view.windowTitle() == "Program catalog")


def test_the_dates_column_shows_the_linked_date_not_the_pages_date(qtbot, window):
    import re

    from annotator.session import AddLink, AddSpan

    project = window.project
    for span in (s for d in project.document_ids() for s in project.spans(d) if s.program_id is not None):
        text = project.text(span.document_id)
        found = re.search(r"\d{1,2}月\d{1,2}日", text)
        if found and not any(s.start < found.end() and found.start() < s.end for s in project.spans(span.document_id)):
            break
    program = project.program(span.program_id)
    start, end = found.span()
    page_date = project.document_info(span.document_id).date
    window.show_document(span.document_id)
    assert window.execute(AddSpan(span.document_id, start, end, "DATE"))
    date_span = next(s for s in project.spans(span.document_id) if s.start == start and s.label == "DATE")
    assert window.execute(AddLink(span.document_id, span.id, date_span.id, "date"))
    view = open_catalog(qtbot, window)
    index = top_level(view.model).get(program.name) or top_level(view.model)[program.parent_name]
    if program.name not in top_level(view.model):  # a variant: under its parent
        view.tree.expand(index)
        qtbot.waitUntil(lambda: view.model.rowCount(index) > 0)
        index = next(view.model.index(r, 0, index) for r in range(view.model.rowCount(index))
                     if view.model.index(r, 0, index).data() == program.name)
    shown = index.siblingAtColumn(6).data()
    assert text[start:end] in shown
    assert page_date is None or page_date not in shown
    assert page_date is None or page_date in index.data(Qt.ItemDataRole.ToolTipRole)
