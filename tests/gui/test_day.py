"""A day's annotation without a slip (issue 20): keys, deletes, progress and
statistics, driven with real keys and clicks; the store is the judge."""

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QWidget

from .conftest import click, drag
from .test_suggestions import CTRL_SHIFT, press, wait_for

CTRL = Qt.KeyboardModifier.ControlModifier


def _active_keys(window, focus: QWidget) -> Counter:
    """Every key an enabled action or shortcut answers while ``focus`` has the focus."""
    keys: Counter = Counter()
    ancestors = []
    w = focus
    while w is not None:
        ancestors.append(w)
        w = w.parentWidget()
    seen = set()
    actions = [a for a in window.findChildren(QAction)]
    for widget in [window] + window.findChildren(QWidget):
        actions += widget.actions()
    for a in actions:
        if id(a) in seen or not a.isEnabled() or not a.shortcuts():
            continue
        seen.add(id(a))
        context = a.shortcutContext()
        holders = [w for w in a.associatedObjects() if isinstance(w, QWidget)]
        if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
            if not any(h in ancestors for h in holders):
                continue
        elif context == Qt.ShortcutContext.WidgetShortcut:
            if focus not in holders:
                continue
        elif not holders:
            continue
        for key in a.shortcuts():
            keys[key.toString()] += 1
    for s in window.findChildren(QShortcut):
        if s.isEnabled() and not s.key().isEmpty():
            keys[s.key().toString()] += 1
    return keys


def _clashes(window) -> dict[str, dict[str, int]]:
    found = {}
    for a in window.findChildren(QAction):  # enabled or not: one action bound twice to a key is ambiguous
        keys = Counter(k.toString() for k in a.shortcuts())
        double = {k: n for k, n in keys.items() if n > 1}
        if double:
            found[a.objectName()] = double
    for focus in (window.text_view, window.span_table, window.document_table, window.search):
        double = {k: n for k, n in _active_keys(window, focus).items() if n > 1}
        if double:
            found[focus.objectName()] = double
    return found


def test_no_key_is_bound_twice_in_any_state_and_redo_answers_both_keys(qtbot, window):
    from annotator.gui.project_menu import FileMenu, Workspace

    FileMenu(window, Workspace())  # what the workspace adds to every window it opens
    text = window.project.text(1)
    assert _clashes(window) == {}
    start = text.index("淮南市妇联")
    drag(window.text_view, text, start, start + 5)
    press(qtbot, window, Qt.Key.Key_2)
    click(window.text_view, text, start + 1)  # a span selected: Delete and Backspace are its
    assert window.text_view.selected_span is not None
    assert _clashes(window) == {}
    window.start_link(None)  # link mode: Tab, Enter and Esc are its own
    assert _clashes(window) == {}
    window.linking.cancel(quiet=True)
    wait_for(qtbot, window)
    window.suggestions.step(True)  # a suggestion selected: Enter and Backspace are its
    assert window.text_view.selected_suggestion is not None
    assert _clashes(window) == {}

    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.project.spans(1) == []
    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert len(window.project.spans(1)) == 1
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    press(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert len(window.project.spans(1)) == 1
    redo = window.findChild(QAction, "redo")
    assert {k.toString() for k in redo.shortcuts()} >= {"Ctrl+Shift+Z", "Ctrl+Y"}


def test_a_second_delete_deletes_nothing(qtbot, window):
    text = window.project.text(1)
    for name, key in (("淮南市妇联", Qt.Key.Key_2), ("王毅", Qt.Key.Key_1)):
        start = text.index(name)
        drag(window.text_view, text, start, start + len(name))
        press(qtbot, window, key)
    first = text.index("淮南市妇联")
    click(window.text_view, text, first + 1)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert [s.text for s in window.project.spans(1)] == ["王毅"]
    assert window.text_view.selected_span is None
    assert not window.span_table.selectionModel().hasSelection()
    press(qtbot, window, Qt.Key.Key_Delete)
    press(qtbot, window, Qt.Key.Key_Backspace)
    assert [s.text for s in window.project.spans(1)] == ["王毅"]


def test_deleting_an_accepted_suggestion_rejects_it_and_undo_restores_both(qtbot, window):
    text = window.project.text(1)
    org = (9, 14, "ORG")
    wait_for(qtbot, window, org)
    click(window.text_view, text, 11)
    press(qtbot, window, Qt.Key.Key_Return)
    [span] = window.project.spans(1)
    assert span.origin == "suggested"
    click(window.text_view, text, 11)
    assert window.text_view.selected_span == span.id
    press(qtbot, window, Qt.Key.Key_Delete)
    assert window.project.spans(1) == []
    assert [(r.start, r.end, r.label) for r in window.project.rejections(1)] == [org]
    qtbot.waitUntil(lambda: not window.suggestions.busy, timeout=60_000)
    assert org not in {s.key for s in window.suggestions.visible()}  # it does not come back
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert [(s.id, s.origin) for s in window.project.spans(1)] == [(span.id, "suggested")]
    assert window.project.rejections(1) == []


def test_accept_all_of_a_label_shows_the_list_first_and_takes_the_checked_ones(qtbot, window):
    text = window.project.text(1)
    shown = wait_for(qtbot, window, (14, 18, "TITLE"))
    titles = sorted(k for k in shown if k[2] == "TITLE")
    assert len(titles) >= 2
    steps = window.undo_stack.count()
    click(window.text_view, text, 15)
    press(qtbot, window, Qt.Key.Key_Return, CTRL_SHIFT)
    assert window.project.spans(1) == []  # nothing yet: the list first
    dialog = window.findChild(QDialog, "acceptLabelDialog")
    assert dialog.isVisible()
    items = dialog.findChild(QListWidget, "acceptLabelList")
    assert items.count() == len(titles)
    assert all(items.item(i).checkState() == Qt.CheckState.Checked for i in range(items.count()))
    assert f"【{text[titles[0][0]:titles[0][1]]}】" in items.item(0).text()
    items.setFocus()
    qtbot.keyClick(items, Qt.Key.Key_Space)  # the first is a false positive: unchecked
    assert items.item(0).checkState() == Qt.CheckState.Unchecked
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert sorted((s.start, s.end, s.label) for s in window.project.spans(1)) == titles[1:]
    assert window.undo_stack.count() == steps + 1
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.project.spans(1) == []


def test_the_first_edit_marks_the_document_in_progress_and_the_list_shows_it(qtbot, window):
    table = window.document_table
    for column in (3, 4):  # Status and Spans in view at the default width, the title elided
        rect = table.visualRect(table.model().index(0, column))
        assert table.viewport().rect().contains(rect), column
    progress = window.progress_label
    assert progress.text() == "done 0 of 6"
    text = window.project.text(1)
    assert window.project.document(1).status == "new"
    start = text.index("王毅")
    drag(window.text_view, text, start, start + 2)
    press(qtbot, window, Qt.Key.Key_1)
    assert window.project.document(1).status == "in_progress"
    assert table.model().index(0, 3).data() == "in progress"
    assert table.model().index(0, 4).data() == 1
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # one undo step takes both back
    assert window.project.spans(1) == [] and window.project.document(1).status == "new"
    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert window.project.document(1).status == "in_progress"
    press(qtbot, window, Qt.Key.Key_Return, CTRL)  # done, and on to the next
    assert window.project.document(1).status == "done"
    assert progress.text() == "done 1 of 6"


def test_statistics_count_every_span_made_or_accepted(qtbot, window):
    text = window.project.text(1)
    shown = wait_for(qtbot, window, (14, 18, "TITLE"))
    titles = [k for k in shown if k[2] == "TITLE"]
    click(window.text_view, text, 15)
    press(qtbot, window, Qt.Key.Key_Return, CTRL_SHIFT)  # accept all TITLEs, from the list
    dialog = window.findChild(QDialog, "acceptLabelDialog")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    start = text.index("妇联")
    drag(window.text_view, text, start, start + 2)
    press(qtbot, window, Qt.Key.Key_2)
    press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)  # and every other 妇联 of the document
    occurrences = window.findChild(QDialog, "occurrencesDialog")
    qtbot.mouseClick(occurrences.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    made = len(window.project.spans(1))
    assert made == len(titles) + text.count("妇联") > len(titles) + 1
    press(qtbot, window, Qt.Key.Key_I, CTRL_SHIFT)
    view = window.statistics_view
    qtbot.waitUntil(lambda: not view.is_computing(), timeout=20_000)
    [day] = view.throughput_chart.bars()
    assert day.value == made and f"tester {made}" in day.tip


def test_the_worker_starts_with_the_window_and_says_suggestions_are_loading(qtbot, project_path, tmp_path,
                                                                            monkeypatch):
    import multiprocessing

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the worker's jieba cache goes here
    from .conftest import window_on

    with window_on(qtbot, project_path) as window:
        assert multiprocessing.active_children()  # at once: no key pressed, no timer waited for
        state = window.findChild(QWidget, "suggestionState")
        assert state.text() == "Suggestions loading…"
        wait_for(qtbot, window)
        assert state.text() == ""
        assert list((tmp_path / "cache" / "annotator").glob("jieba-*.cache"))  # not in the shared /tmp


def test_the_screenshot_waits_for_the_suggestions_to_be_painted(qtbot, project_path, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from annotator.gui import app
    from annotator.gui.window import MainWindow

    seen = []
    grab = MainWindow.grab

    def spy(self, *args):
        seen.append(len(self.suggestions.visible()))
        return grab(self, *args)

    monkeypatch.setattr(MainWindow, "grab", spy)
    picture = tmp_path / "shot.png"
    assert app.run(project_path, screenshot=picture, create=False) == 0
    assert seen and seen[0] > 0  # the first document's suggestions were there when it was taken
    assert not QImage(str(picture)).isNull()


def test_side_windows_close_with_esc_and_ctrl_w_docks_come_back_from_view_and_help_lists_the_keys(qtbot, window):
    from annotator.gui.help import ShortcutSheet

    for key, name in ((Qt.Key.Key_C, "catalog_view"), (Qt.Key.Key_I, "statistics_view")):
        for close in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_W, CTRL)):
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            press(qtbot, window, key, CTRL_SHIFT)
            side = getattr(window, name)
            qtbot.waitUntil(side.isActiveWindow)
            assert side.isVisible()
            qtbot.keyClick(side, *close)
            assert not side.isVisible(), (name, close)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_F1)
    guidelines = window.findChild(QDialog, "guidelinesDialog")
    qtbot.waitUntil(guidelines.isActiveWindow)
    qtbot.keyClick(guidelines, Qt.Key.Key_W, CTRL)
    assert not guidelines.isVisible()

    window.span_dock.close()
    view_menu = window.actions_.view_menu
    toggle = window.span_dock.toggleViewAction()
    assert toggle in view_menu.actions() and not toggle.isChecked()
    toggle.trigger()
    assert window.span_dock.isVisible()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_Slash, CTRL)
    sheet = window.findChild(ShortcutSheet)
    assert sheet.isVisible()
    rows = dict(sheet.rows())
    assert rows["Mark done and go to the next"] == "Ctrl+Return, Ctrl+Enter"
    assert rows["Tag all occurrences…"] == "Ctrl+Shift+A"
    assert any(text.startswith("Redo") and keys == "Ctrl+Shift+Z, Ctrl+Y" for text, keys in rows.items())
    assert sheet.table.rowCount() == len(rows) >= 30
    about = window.actions_.about
    assert about in window.actions_.help_menu.actions()


def test_touching_and_nested_spans_of_one_label_show_their_edges(qtbot, window):
    from PySide6.QtGui import QColor

    from .conftest import point_at

    text = window.project.text(1)
    view = window.text_view
    whole = text.index("市纪委监委派驻审计局纪检组")
    a = text.index("审计局", whole)
    for start, end in ((a, a + 3), (a + 3, a + 6), (whole, whole + 13)):  # 审计局|纪检组, and one around both
        drag(view, text, start, end)
        press(qtbot, window, Qt.Key.Key_2)
    window.text_view.set_selection(0, 0)
    view.repaint()
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    top = point_at(view, text, a).y() - view.cursorRect().height() / 2 + 2

    def color(x):
        return image.pixelColor(int(x * ratio), int(top * ratio))

    def darkness(c: QColor) -> int:
        return c.red() + c.green() + c.blue()

    boundary = point_at(view, text, a + 3).x()  # between 审计局 and 纪检组
    inside = (point_at(view, text, a + 1).x() + point_at(view, text, a + 2).x()) / 2
    assert darkness(color(boundary)) < darkness(color(inside)) - 60 or \
        darkness(color(boundary - 1)) < darkness(color(inside)) - 60
    start = point_at(view, text, a).x()  # the nested span's start, inside the outer one
    assert min(darkness(color(start)), darkness(color(start + 1))) < darkness(color(inside)) - 60


def test_at_1024_by_700_nothing_essential_is_in_an_overflow_and_the_toolbar_stays_put(qtbot, window):
    from PySide6.QtWidgets import QToolBar, QToolButton

    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    for bar in window.findChildren(QToolBar):
        qtbot.waitUntil(lambda: all(bar.widgetForAction(a) is not None for a in bar.actions()))
        for a in bar.actions():
            button = bar.widgetForAction(a)
            assert button.isVisible() and bar.rect().contains(button.geometry()), (bar.objectName(), a.text())
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert extension is None or not extension.isVisible(), bar.objectName()
    undo = window.main_bar.widgetForAction(window.actions_.undo)
    width = undo.width()
    text = window.project.text(1)
    start = text.index("淮南市妇联")
    drag(window.text_view, text, start, start + 5)
    press(qtbot, window, Qt.Key.Key_2)
    assert window.actions_.undo.text().startswith("Undo tag")
    qtbot.wait(10)
    assert undo.width() == width and undo.text() == "Undo"
    assert "Undo tag ORG" in window.actions_.undo.toolTip()


def test_a_long_label_palette_wraps_onto_more_rows_instead_of_an_overflow(qtbot, tmp_path, corpus_dir):
    from PySide6.QtWidgets import QToolBar, QToolButton

    from annotator.ingest import import_paths
    from annotator.store import Label, open_project

    from .conftest import window_on

    path = tmp_path / "many.annotator"
    with open_project(path, annotator="tester") as p:
        import_paths(p, [corpus_dir])
        for i in range(14):
            p.add_label(Label(f"EXTRA{i}", "entity", f"额外标签{i}", f"extra {i}", "#88aacc", None))
    with window_on(qtbot, path) as window:
        window.resize(1024, 700)
        palette = window.actions_.palette
        qtbot.waitUntil(lambda: window.width() == 1024 and palette.width() < 1024)
        bar = window.findChild(QToolBar, "labelPalette")
        qtbot.waitUntil(lambda: bar.height() >= palette.heightForWidth(palette.width()))
        rows = {b.y() for b in palette.buttons}
        assert len(palette.buttons) == 22 and len(rows) >= 2  # wrapped
        for button in palette.buttons:
            assert button.isVisible() and palette.rect().contains(button.geometry()), button.text()
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert extension is None or not extension.isVisible()
        last = palette.buttons[-1]
        qtbot.mouseClick(last, Qt.MouseButton.LeftButton)  # a click on a wrapped label tags the selection
        text = window.project.text(1)
        drag(window.text_view, text, 0, 2)
        qtbot.mouseClick(last, Qt.MouseButton.LeftButton)
        assert [(s.start, s.end, s.label) for s in window.project.spans(1)] == [(0, 2, "EXTRA13")]


def test_a_document_opened_again_shows_the_last_sessions_suggestions_at_once(qtbot, project_path, monkeypatch):
    from annotator.gui import suggestions

    from .conftest import window_on

    with window_on(qtbot, project_path) as window:
        shown = set(wait_for(qtbot, window))
    assert window.suggestions._saved.path.is_file()

    def no_worker():
        raise OSError("no worker this time")

    monkeypatch.setattr(suggestions.worker, "start_pool", no_worker)  # nothing can compute them now
    with window_on(qtbot, project_path) as window:
        assert {s.key for s in window.suggestions.visible()} == shown
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.text_view.setFocus()
        press(qtbot, window, Qt.Key.Key_Home, CTRL)
        press(qtbot, window, Qt.Key.Key_Tab)  # and Tab walks them as ever
        assert window.text_view.selected_suggestion.key == min(shown)


def test_saved_suggestions_of_a_changed_text_or_another_version_are_not_shown(tmp_path, monkeypatch):
    import json

    from annotator.gui.suggestions import SavedSuggestions, _Entry, _Inputs
    from annotator.suggest import Suggestion

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    saved = SavedSuggestions(tmp_path / "p.annotator")
    entry = _Entry(_Inputs("v1", frozenset({(0, 2, "ORG")}), frozenset(), ((5, 9),)),
                   [Suggestion(3, 5, "PER", 0.9, "lexicon", "place + 妇联")])
    saved.save({1: entry, 2: entry}, {1: "妇联主席王毅", 2: "别的"})
    again = SavedSuggestions(tmp_path / "p.annotator")
    assert again.take(1, "妇联主席王毅") == entry
    assert again.take(2, "别的文本") is None  # the text changed since
    data = json.loads(saved.path.read_text("utf-8"))
    data["app"] = "0.0.0"
    saved.path.write_text(json.dumps(data), "utf-8")
    assert SavedSuggestions(tmp_path / "p.annotator").take(1, "妇联主席王毅") is None
    saved.path.write_text("{not json", "utf-8")
    assert SavedSuggestions(tmp_path / "p.annotator").take(1, "妇联主席王毅") is None
