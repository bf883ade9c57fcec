"""Suggestions in the window, driven with real clicks and keys; the store is the judge.

The suggesters run in a worker process that loads jieba first (a second or
two, more on a busy machine): tests wait for the suggestions to arrive."""

import multiprocessing
import threading

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QListWidget, QRadioButton, QToolTip

from tests.store.conftest import make_document

from .conftest import click, drag, point_at, window_on

WAIT_MS = 60_000  # jieba loads in the worker process, on two shared cores
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def wait_for(qtbot, window, key=None):
    """Wait until the open document's suggestions are computed (and hold ``key``)."""
    s = window.suggestions

    def ready():
        keys = {x.key for x in s.visible()}
        return bool(not s.busy and keys and (key is None or key in keys))

    qtbot.waitUntil(ready, timeout=WAIT_MS)
    return {x.key: x for x in s.visible()}


def pixel(view, text, index, down):
    """The colour ``down`` pixels below the top of character ``index``'s cell, near its left."""
    a = point_at(view, text, index)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int((a.x() + 2) * ratio), int((a.y() - view.cursorRect().height() / 2 + down) * ratio))


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.text_view, key, modifiers)


def test_a_suggestion_is_an_outline_click_and_enter_accept_it_undo_and_redo(qtbot, window):
    text = window.project.text(1)
    org = (9, 14, "ORG")
    assert text[9:14] == "淮南市妇联"
    shown = wait_for(qtbot, window, org)
    assert pixel(window.text_view, text, 11, 1) != QColor("#ffffff")  # an outline along the top
    assert pixel(window.text_view, text, 11, 4).name() == "#ffffff"  # and no fill inside
    click(window.text_view, text, 11)
    assert window.text_view.selected_suggestion == shown[org]
    press(qtbot, window, Qt.Key.Key_Return)
    [span] = window.project.spans(1)
    assert (span.start, span.end, span.label, span.origin, span.suggester, span.annotator) == (
        9, 14, "ORG", "suggested", shown[org].suggester, "tester")
    assert shown[org].suggester in ("lexicon", "general")  # the best-scored of the two that find it
    assert org not in {s.key for s in window.suggestions.visible()}  # hidden at once, under the span
    assert pixel(window.text_view, text, 11, 4).name() != "#ffffff"  # now a span: filled
    assert window.text_view.selected_suggestion.start >= 14  # on to the next one
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.spans(1) == []
    assert org in {s.key for s in window.suggestions.visible()}
    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert [(s.id, s.origin) for s in window.project.spans(1)] == [(span.id, "suggested")]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: a tooltip is a window
def test_the_tooltip_names_the_suggester_and_its_reason(qtbot, window):
    text = window.project.text(1)
    shown = wait_for(qtbot, window, (9, 14, "ORG"))
    view = window.text_view
    pos = point_at(view, text, 11).toPoint() + QPoint(3, 0)
    QApplication.sendEvent(view, QHelpEvent(QHelpEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    from .test_plain_text import shown as plain

    it = shown[9, 14, "ORG"]
    assert 0 < it.score <= 1 and it.suggester in ("lexicon", "general") and it.reason
    assert plain(QToolTip.text()) == f"suggested ORG ({it.suggester}: {it.reason}), confidence {it.score:.0%}"
    QToolTip.hideText()


def test_backspace_rejects_and_the_rejection_outlives_the_project(qtbot, project_path):
    person = (21, 23, "PER")  # 王毅, after a title
    with window_on(qtbot, project_path) as window:
        text = window.project.text(1)
        shown = wait_for(qtbot, window, person)
        click(window.text_view, text, 21)
        press(qtbot, window, Qt.Key.Key_Backspace)
        assert [(r.start, r.end, r.label, r.suggester) for r in window.project.rejections(1)] == [
            (21, 23, "PER", shown[person].suggester)]
        assert window.project.spans(1) == []
        assert person not in {s.key for s in window.suggestions.visible()}
        press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert window.project.rejections(1) == []
        assert person in {s.key for s in window.suggestions.visible()}
        press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
        assert len(window.project.rejections(1)) == 1
        # Backspace on a selected span still deletes the span
        drag(window.text_view, text, 40, 44)
        press(qtbot, window, Qt.Key.Key_5)
        click(window.text_view, text, 41)
        press(qtbot, window, Qt.Key.Key_Backspace)
        assert window.project.spans(1) == [] and len(window.project.rejections(1)) == 1
    with window_on(qtbot, project_path) as window:  # the project closed and opened again
        shown = wait_for(qtbot, window, (9, 14, "ORG"))
        assert person not in shown


def test_accept_all_and_reject_all_of_a_label_each_one_undo_step(qtbot, window):
    text = window.project.text(1)
    shown = wait_for(qtbot, window, (14, 18, "TITLE"))
    titles = sorted(k for k in shown if k[2] == "TITLE")
    people = sorted(k for k in shown if k[2] == "PER")
    assert len(titles) >= 2 and len(people) >= 2
    steps = window.undo_stack.count()
    click(window.text_view, text, 15)
    press(qtbot, window, Qt.Key.Key_Return, CTRL_SHIFT)
    dialog = window.findChild(QDialog, "acceptLabelDialog")  # the list first, every one checked
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert sorted((s.start, s.end, s.label) for s in window.project.spans(1)) == titles
    assert {s.origin for s in window.project.spans(1)} == {"suggested"}
    assert window.undo_stack.count() == steps + 1
    click(window.text_view, text, people[0][0])
    press(qtbot, window, Qt.Key.Key_Backspace, CTRL_SHIFT)
    assert sorted((r.start, r.end, r.label) for r in window.project.rejections(1)) == people
    assert not [s for s in window.suggestions.visible() if s.label in ("PER", "TITLE")]
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.rejections(1) == []
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.spans(1) == []
    assert set(titles + people) <= {s.key for s in window.suggestions.visible()}


def test_tab_walks_the_suggestions_and_enter_accepts_without_the_mouse(qtbot, window):
    shown = sorted(wait_for(qtbot, window, (0, 6, "DATE")))
    window.text_view.setFocus()
    press(qtbot, window, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.text_view.selected_suggestion.key == shown[0]
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.text_view.selected_suggestion.key == shown[1]
    press(qtbot, window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert window.text_view.selected_suggestion.key == shown[0]
    press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Backspace)  # the next one, selected after the accept
    press(qtbot, window, Qt.Key.Key_Return)
    assert [(s.start, s.end, s.label) for s in window.project.spans(1)] == [shown[0], shown[2]]
    assert [(r.start, r.end, r.label) for r in window.project.rejections(1)] == [shown[1]]
    assert window.text_view.hasFocus()


def test_show_suggestions_is_a_remembered_toggle(qtbot, window):
    wait_for(qtbot, window)
    toggle = window.findChild(QAction, "showSuggestions")
    assert toggle.isChecked()
    toggle.trigger()
    assert window.suggestions.visible() == [] and not window.findChild(QAction, "nextSuggestion").isEnabled()
    from PySide6.QtCore import QSettings

    assert QSettings().value("view/show_suggestions", type=bool) is False
    toggle.trigger()
    assert window.suggestions.visible()  # the cached ones, at once


def _occurrences(project, needle):
    return {(d, i) for d in project.document_ids() for i in _find_all(project.text(d), needle)
            if not any(r.excluded and r.start < i + len(needle) and i < r.end for r in project.regions(d))}


def _find_all(text, needle):
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + len(needle))


def test_tag_all_occurrences_across_the_corpus_as_one_undo_step(qtbot, window):
    project = window.project
    window.show_document(2)
    text = project.text(2)
    needle = "全国妇联"
    expected = _occurrences(project, needle)
    assert len({d for d, _ in expected}) >= 3
    start = text.index(needle)
    drag(window.text_view, text, start, start + 4)
    press(qtbot, window, Qt.Key.Key_2)
    assert "Ctrl+Shift+A" in window.statusBar().currentMessage()
    steps = window.undo_stack.count()
    press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)
    dialog = window.findChild(QDialog, "occurrencesDialog")
    assert dialog.isVisible()
    here = sum(1 for d, _ in expected if d == 2) - 1
    assert dialog.findChild(QRadioButton, "scopeDocument").text().endswith(f": {here}")
    corpus = dialog.findChild(QRadioButton, "scopeCorpus")
    assert f": {len(expected) - 1} in " in corpus.text()
    qtbot.mouseClick(corpus, Qt.MouseButton.LeftButton, pos=QPoint(8, corpus.height() // 2))  # on its circle
    preview = dialog.findChild(QListWidget, "occurrencePreview")
    assert preview.count() == len(expected) - 1 and "【全国妇联】" in preview.item(0).text()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    def tagged():
        return {(s.document_id, s.start) for d in project.document_ids() for s in project.spans(d)
                if s.text == needle and s.label == "ORG"}

    assert tagged() == expected
    assert window.undo_stack.count() == steps + 1
    assert window.spans.rowCount() == sum(1 for d, _ in expected if d == 2)  # the open document's list too
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tagged() == {(2, start)}
    assert window.spans.rowCount() == 1
    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert tagged() == expected


def test_tagging_a_new_program_in_one_document_suggests_it_in_another(qtbot, window, monkeypatch):
    """... and the learned lexicon, one GROUP BY over every span, is read off the GUI thread."""
    from annotator.gui import suggestions
    threads = []

    def spy(project):
        threads.append(threading.current_thread())
        return real(project)

    real = suggestions.project_lexicon
    monkeypatch.setattr(suggestions, "project_lexicon", spy)
    project = window.project
    first, second = project.add_documents([
        make_document("社区开展邻里守望,居民都说好。", source="a.txt", title="a"),
        make_document("今年邻里守望覆盖全市,由市妇联牵头。", source="b.txt", title="b")])
    later = project.text(second)
    program = (later.index("邻里守望"), later.index("邻里守望") + 4, "PROGRAM")
    window.show_document(second)
    shown = wait_for(qtbot, window, (later.index("市妇联"), later.index("市妇联") + 3, "ORG"))
    assert program not in shown
    window.show_document(first)
    text = project.text(first)
    drag(window.text_view, text, 4, 8)
    press(qtbot, window, Qt.Key.Key_8)
    assert [(s.text, s.label) for s in project.spans(first)] == [("邻里守望", "PROGRAM")]
    window.show_document(second)
    shown = wait_for(qtbot, window, program)
    assert shown[program].suggester == "learned"
    assert threads and threading.main_thread() not in threads  # read again after the tagging


@pytest.mark.parametrize("busy", [False, True], ids=["idle", "while-computing"])
def test_the_worker_process_ends_with_the_window(qtbot, project_path, busy):
    with window_on(qtbot, project_path) as window:
        wait_for(qtbot, window)
        assert multiprocessing.active_children()
        if busy:  # a long document under way: closing does not wait for it
            [doc] = window.project.add_documents([make_document("江门市妇联主席林露华出席。" * 20_000)])
            window.show_document(doc)
            qtbot.waitUntil(lambda: window.suggestions._running is not None, timeout=WAIT_MS)
    assert multiprocessing.active_children() == []


def test_the_projects_tagger_is_trained_in_the_worker_and_its_suggestions_shown(qtbot, tmp_path):
    import json
    from pathlib import Path

    from annotator.store import open_project
    from annotator.suggest.learner import model_path

    pages = [json.loads(line) for line in (Path(__file__).resolve().parents[1] / "data" / "learning" /
                                           "gold.jsonl").read_text("utf-8").splitlines()]
    path = tmp_path / "learn.annotator"
    with open_project(path, annotator="tester") as p:
        p.add_documents([make_document(page["text"], f"{page['id']}.txt") for page in [pages[7], *pages[:6]]])
        for doc_id, page in zip(p.document_ids()[1:], pages[:6]):
            for start, end, label in page["spans"]:
                p.add_span(doc_id, start, end, label)
    with window_on(qtbot, path) as window:
        qtbot.waitUntil(lambda: any(s.suggester == "tagger" for s in window.suggestions.visible()), timeout=WAIT_MS)
        assert model_path(path).exists()  # kept beside the project, for the next start and `annotator suggest`
        mine = [s for s in window.suggestions.visible() if s.suggester == "tagger"]
        assert all(0 < s.score <= 1 and s.reason.endswith("%") for s in mine)


def test_ctrl_u_selects_the_most_uncertain_suggestion(qtbot, window):
    shown = wait_for(qtbot, window)
    press(qtbot, window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    chosen = window.text_view.selected_suggestion
    assert chosen is not None and chosen.score == min(s.score for s in shown.values())


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_settings_turn_a_suggester_off_and_raise_the_floor(qtbot, window):
    from annotator.gui.learning import SuggestionSettingsDialog

    shown = wait_for(qtbot, window)
    assert any(s.suggester == "general" for s in shown.values()) and min(s.score for s in shown.values()) < 0.9
    dialog = SuggestionSettingsDialog(*window.suggestions.settings, parent=window)
    qtbot.addWidget(dialog)
    box = dialog.boxes["general"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    dialog.floor.setValue(0.9)
    off, floor = dialog.values()
    assert off == ("general",) and floor == 0.9
    window.suggestions.configure(off, floor)
    qtbot.waitUntil(lambda: not window.suggestions.busy and window.suggestions.visible()
                    and all(s.suggester != "general" and s.score >= 0.9 for s in window.suggestions.visible()),
                    timeout=WAIT_MS)
    assert window.suggestions.settings == (("general",), 0.9)


def test_the_document_list_sorts_by_most_to_learn_from(qtbot, tmp_path):
    """The worker scores the documents not done with the project's tagger; a click on
    the column's header sorts by it, a second click puts the most to learn from first."""
    import json
    from pathlib import Path

    from annotator.store import open_project

    pages = [json.loads(line) for line in (Path(__file__).resolve().parents[1] / "data" / "learning" /
                                           "gold.jsonl").read_text("utf-8").splitlines()]
    path = tmp_path / "learn.annotator"
    with open_project(path, annotator="tester") as p:
        p.add_documents([make_document(page["text"], f"{page['id']}.txt") for page in pages[:6]])
        p.add_documents([make_document("今天天气很好。", "calm.txt"),
                         make_document(pages[8]["text"], "new1.txt"), make_document(pages[9]["text"], "new2.txt")])
        ids = p.document_ids()
        for doc_id, page in zip(ids, pages[:6]):
            for start, end, label in page["spans"]:
                p.add_span(doc_id, start, end, label)
            p.set_status(doc_id, "done")
    fresh = ids[6:]
    with window_on(qtbot, path) as window:
        model, table = window.documents, window.document_table
        column = model.COLUMNS.index("Learn")

        def scored():
            return all(model.data(model.index(model.row_of(i), column)) for i in fresh)

        qtbot.waitUntil(scored, timeout=2 * WAIT_MS)
        header = table.horizontalHeader()
        table.scrollTo(model.index(0, column))
        for _ in range(2):
            x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
        assert header.sortIndicatorSection() == column
        order = [model.document_id(row) for row in range(model.rowCount())]
        values = [float(model.data(model.index(row, column)) or 0) for row in range(model.rowCount())]
        assert set(order[:3]) == set(fresh) and values[:3] == sorted(values[:3], reverse=True)
        assert order[2] == ids[6]  # the calm sentence: nothing to learn from there
        assert values[0] > values[2]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: a tooltip is a window
def test_in_chinese_the_tooltip_names_the_suggester_and_its_reason_in_chinese(qtbot, window):
    from PySide6.QtCore import QSettings

    from annotator.gui import i18n
    from annotator.gui.reasons import reason_text

    from .test_plain_text import shown as plain

    text = window.project.text(1)
    shown = wait_for(qtbot, window, (9, 14, "ORG"))
    QSettings().setValue("ui/language", "zh_CN")
    i18n.install("zh_CN")
    try:
        view = window.text_view
        pos = point_at(view, text, 11).toPoint() + QPoint(3, 0)
        QApplication.sendEvent(view, QHelpEvent(QHelpEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
        tooltip = plain(QToolTip.text())
        QToolTip.hideText()
        assert tooltip.startswith("建议 ORG（") and "置信度" in tooltip
        assert not any(word in tooltip for word in ("lexicon", "general", "place", "tagger", "domain")), tooltip
        # every phrase the suggesters write, with their words and figures kept
        assert reason_text("place + 妇联; tagger 73%") == "地名 + 妇联；标注器 73%"
        assert reason_text("unquoted, ends in a program word, extends a known program") == \
            "无引号，以项目词结尾，扩展了已知项目"
        assert reason_text("something new") == "something new"
    finally:
        QSettings().setValue("ui/language", "en")
        i18n.install("en")


def test_the_catalogs_proposal_reasons_are_translated(qapp):
    from annotator.gui import i18n
    from annotator.gui.reasons import reason_text

    i18n.install("zh_CN")
    try:
        assert reason_text("a regional variant: the place 三秦 + 巾帼大宣讲, in the catalog") == \
            "地区变体：地名 三秦 + 巾帼大宣讲，目录中已有"
        assert reason_text("similar to 春蕾计划 (83% alike), a national program (lexicon)") == \
            "与 春蕾计划 相似（相似度 83%），全国性项目（词表）"
    finally:
        i18n.install("en")
