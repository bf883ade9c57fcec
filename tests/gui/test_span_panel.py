"""The selected span's panel and links, driven with real clicks and keys: a
program's category set and its organizer linked with the mouse and with the
keyboard, then found in the store and in every export that carries them."""

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton

from annotator.exchange import export
from annotator.session import AddLink, AddSpan

from .conftest import ASTRAL, click, drag

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)
DOC = 6  # the ASTRAL document: characters outside the BMP before the names
ORG, OTHER_ORG, PROGRAM, PERSON = "全国妇联", "江门市妇联", "春蕾计划", "林露华"


def at(word):
    return ASTRAL.index(word)


def press(qtbot, widget, key, modifiers=Qt.KeyboardModifier.NoModifier, times=1):
    for _ in range(times):
        qtbot.keyClick(widget, key, modifiers)


def span_of(window, word):
    [span] = [s for s in window.project.spans(DOC) if s.text == word]
    return span


def tag_with_the_mouse(qtbot, window, word, key):
    drag(window.text_view, ASTRAL, at(word), at(word) + len(word))
    qtbot.keyClick(window.text_view, key)
    return span_of(window, word)


def button(qtbot, window, name):
    found = window.span_panel.findChild(QPushButton, name)
    assert found is not None, name
    # a widget added to a shown layout is shown, and laid out, by the event loop
    qtbot.waitUntil(lambda: found.isVisible() and not found.rect().isEmpty())
    return found


def choose_with_the_mouse(qtbot, combo: QComboBox, text: str):
    """Open the combo box's list with a click and click the item."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a release sooner is the opening click's own
    row = combo.findText(text)
    assert row >= 0, text
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible())


def check_exports(project, tmp_path, program, organizer, attributes):
    """The link and the attributes in every export format that can hold them."""
    export(project, "jsonl", tmp_path / "c.jsonl")
    record = next(r for r in map(json.loads, (tmp_path / "c.jsonl").read_text("utf-8").splitlines())
                  if r["text"] == ASTRAL)
    spans = {s["id"]: s for s in record["spans"]}  # ids of the export's own
    [exported] = [s for s in spans.values() if s["text"] == program.text]
    assert {k: v for k, v in exported["attributes"].items() if v is not None} == attributes
    assert [(spans[r["head"]]["text"], spans[r["tail"]]["text"], r["type"]) for r in record["relations"]] == [
        (program.text, organizer.text, "organizer")]

    export(project, "doccano", tmp_path / "d.jsonl")
    line = next(r for r in map(json.loads, (tmp_path / "d.jsonl").read_text("utf-8").splitlines())
                if r["text"] == ASTRAL)
    entities = {e["id"]: e for e in line["entities"]}
    [relation] = line["relations"]
    assert relation["type"] == "organizer"
    assert ASTRAL[entities[relation["from_id"]]["start_offset"]:entities[relation["from_id"]]["end_offset"]] == PROGRAM
    assert ASTRAL[entities[relation["to_id"]]["start_offset"]:entities[relation["to_id"]]["end_offset"]] == ORG

    export(project, "brat", tmp_path / "brat")
    ann = (tmp_path / "brat" / f"{DOC:06d}.ann").read_text("utf-8").splitlines()
    t = {line.split("\t")[2]: line.split("\t")[0] for line in ann if line.startswith("T")}
    assert sorted(line.split("\t")[1] for line in ann if line.startswith("A")) == sorted(
        f"{k} {t[PROGRAM]} {v}" for k, v in attributes.items())
    assert f"organizer Arg1:{t[PROGRAM]} Arg2:{t[ORG]}" in [line.split("\t")[1] for line in ann if line.startswith("R")]

    export(project, "label-studio", tmp_path / "ls.json")
    task = next(t for t in json.loads((tmp_path / "ls.json").read_text("utf-8")) if t["data"]["text"] == ASTRAL)
    result = task["annotations"][0]["result"]
    regions = {r["id"]: r["value"]["text"] for r in result if r["type"] == "labels"}
    choices = {r["from_name"]: (regions[r["id"]], r["value"]["choices"]) for r in result if r["type"] == "choices"}
    assert choices == {k: (PROGRAM, [v]) for k, v in attributes.items()}
    [link] = [r for r in result if r["type"] == "relation"]
    assert (regions[link["from_id"]], regions[link["to_id"]], link["labels"]) == (PROGRAM, ORG, ["organizer"])


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen: a combo box's list
def test_category_and_organizer_with_the_mouse_undo_redo_and_exports(qtbot, window, tmp_path):
    window.show_document(DOC)
    org = tag_with_the_mouse(qtbot, window, ORG, Qt.Key.Key_2)
    tag_with_the_mouse(qtbot, window, OTHER_ORG, Qt.Key.Key_2)
    tag_with_the_mouse(qtbot, window, PERSON, Qt.Key.Key_1)
    program = tag_with_the_mouse(qtbot, window, PROGRAM, Qt.Key.Key_8)
    click(window.text_view, ASTRAL, at(PROGRAM) + 1)
    assert window.text_view.selected_span == program.id
    panel = window.span_panel
    assert PROGRAM in panel.heading.text() and "PROGRAM" in panel.heading.text()
    category, level = panel.editors["category"], panel.editors["level"]
    assert [category.itemText(i) for i in range(category.count())][1:] == [
        "思想引领/宣讲", "家庭家教家风", "维权关爱", "就业创业", "乡村振兴", "科技创新", "组织建设", "公益项目", "其他"]
    assert [level.itemData(i) for i in range(level.count())] == [None, "national", "provincial", "city", "county"]

    choose_with_the_mouse(qtbot, category, "家庭家教家风")
    assert window.project.span(program.id).attributes == {"category": "家庭家教家风"}
    choose_with_the_mouse(qtbot, level, "city")
    choose_with_the_mouse(qtbot, level, "(not set)")  # an optional attribute can be cleared again
    assert window.project.span(program.id).attributes == {"category": "家庭家教家风"}

    qtbot.mouseClick(button(qtbot, window, "link_organizer"), Qt.MouseButton.LeftButton)
    assert window.linking.active
    click(window.text_view, ASTRAL, at(PERSON) + 1)  # a person cannot be an organizer
    assert window.project.relations(DOC) == []
    assert "is a PER" in window.statusBar().currentMessage()
    click(window.text_view, ASTRAL, at(ORG) + 1)
    [relation] = window.project.relations(DOC)
    assert (relation.head, relation.tail, relation.type) == (program.id, org.id, "organizer")
    assert not window.linking.active
    assert window.text_view.selected_span == program.id  # the program stays selected, its link listed
    assert button(qtbot, window, f"removeLink_{relation.id}").text() == "Remove"

    undo, redo = (window.findChild(QAction, name) for name in ("undo", "redo"))
    assert undo.text() == "Undo link organizer"
    press(qtbot, window.text_view, Qt.Key.Key_Z, CTRL)
    assert window.project.relations(DOC) == []
    assert window.span_panel.findChild(QPushButton, f"removeLink_{relation.id}") is None
    press(qtbot, window.text_view, Qt.Key.Key_Z, CTRL, times=3)  # the level twice, then the category
    assert window.project.span(program.id).attributes == {}
    assert category.currentIndex() == 0  # the panel shows the undone value
    press(qtbot, window.text_view, Qt.Key.Key_Z, CTRL | SHIFT, times=4)
    assert window.project.span(program.id).attributes == {"category": "家庭家教家风"}
    assert category.currentText() == "家庭家教家风"
    assert [(r.id, r.head, r.tail) for r in window.project.relations(DOC)] == [(relation.id, program.id, org.id)]
    assert redo.isEnabled() is False

    # removing the link from the panel is a step on the undo stack too
    qtbot.mouseClick(button(qtbot, window, f"removeLink_{relation.id}"), Qt.MouseButton.LeftButton)
    assert window.project.relations(DOC) == []
    press(qtbot, window.text_view, Qt.Key.Key_Z, CTRL)
    assert len(window.project.relations(DOC)) == 1

    check_exports(window.project, tmp_path, program, org, {"category": "家庭家教家风"})


def test_category_and_organizer_with_the_keyboard_undo_redo_and_exports(qtbot, window, tmp_path):
    window.show_document(DOC)
    view = window.text_view
    view.setFocus()
    press(qtbot, view, Qt.Key.Key_Home, CTRL)
    press(qtbot, view, Qt.Key.Key_Down)
    press(qtbot, view, Qt.Key.Key_Home)  # the start of the second line: 全国妇联
    press(qtbot, view, Qt.Key.Key_Right, SHIFT, times=4)
    press(qtbot, view, Qt.Key.Key_2)
    press(qtbot, view, Qt.Key.Key_Right, times=3)  # over 举办“
    press(qtbot, view, Qt.Key.Key_Right, SHIFT, times=4)
    press(qtbot, view, Qt.Key.Key_8)
    press(qtbot, view, Qt.Key.Key_Down)
    press(qtbot, view, Qt.Key.Key_Home)
    press(qtbot, view, Qt.Key.Key_Right, SHIFT, times=5)
    press(qtbot, view, Qt.Key.Key_2)
    org, program, other = (span_of(window, w) for w in (ORG, PROGRAM, OTHER_ORG))
    assert (org.label, program.label, other.label) == ("ORG", "PROGRAM", "ORG")

    press(qtbot, view, Qt.Key.Key_Left, ALT)  # from the cursor after 江门市妇联: that span, then the one before
    assert view.selected_span == other.id
    press(qtbot, view, Qt.Key.Key_Left, ALT)
    assert view.selected_span == program.id

    press(qtbot, view, Qt.Key.Key_F2)  # to the panel's first editor: the category
    category = window.span_panel.editors["category"]
    assert category.hasFocus()
    press(qtbot, category, Qt.Key.Key_Down, times=2)
    assert window.project.span(program.id).attributes == {"category": "家庭家教家风"}
    press(qtbot, category, Qt.Key.Key_Tab)  # on to the level
    level = window.span_panel.editors["level"]
    assert level.hasFocus()
    press(qtbot, level, Qt.Key.Key_Down)
    assert window.project.span(program.id).attributes == {"category": "家庭家教家风", "level": "national"}

    press(qtbot, level, Qt.Key.Key_L, CTRL)  # link mode, back in the text
    assert window.linking.active and view.hasFocus()
    press(qtbot, view, Qt.Key.Key_Tab)  # both organisations are 3 characters away: the earlier first
    assert window.linking.candidates[window.linking.current].id == org.id
    press(qtbot, view, Qt.Key.Key_Tab)
    assert window.linking.candidates[window.linking.current].id == other.id
    assert OTHER_ORG in window.statusBar().currentMessage()
    press(qtbot, view, Qt.Key.Key_Tab, SHIFT)
    press(qtbot, view, Qt.Key.Key_Return)
    [relation] = window.project.relations(DOC)
    assert (relation.head, relation.tail, relation.type) == (program.id, org.id, "organizer")

    press(qtbot, view, Qt.Key.Key_L, CTRL)
    press(qtbot, view, Qt.Key.Key_Tab)
    assert window.linking.candidates[window.linking.current].id == other.id  # the linked one is no candidate
    press(qtbot, view, Qt.Key.Key_Escape)
    assert not window.linking.active and len(window.project.relations(DOC)) == 1

    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert window.project.relations(DOC) == []
    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert window.project.span(program.id).attributes == {"category": "家庭家教家风"}
    press(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT, times=2)
    assert window.project.span(program.id).attributes == {"category": "家庭家教家风", "level": "national"}
    assert [(r.head, r.tail, r.type) for r in window.project.relations(DOC)] == [(program.id, org.id, "organizer")]

    check_exports(window.project, tmp_path, program, org, {"category": "家庭家教家风", "level": "national"})


def test_an_entity_shows_what_links_to_it_and_has_no_attributes(qtbot, window):
    window.show_document(DOC)
    org = tag_with_the_mouse(qtbot, window, ORG, Qt.Key.Key_2)
    program = tag_with_the_mouse(qtbot, window, PROGRAM, Qt.Key.Key_8)
    window.execute(AddLink(DOC, program.id, org.id, "organizer"))
    click(window.text_view, ASTRAL, at(ORG) + 1)
    panel = window.span_panel
    assert panel.editors == {} and panel.no_attributes.isVisible()
    assert panel.no_attributes.text() == "ORG spans have no attributes."
    shown = lambda: [label.text() for label in panel.links_box.findChildren(QLabel) if label.isVisible()]  # noqa: E731
    qtbot.waitUntil(lambda: f"organizer of “{PROGRAM}”" in shown())
    assert len(shown()) == 1
    assert not panel.catalog_box.isVisible()
    # link mode from an organisation has nothing to make
    press(qtbot, window.text_view, Qt.Key.Key_L, CTRL)
    assert not window.linking.active and "ORG" in window.statusBar().currentMessage()


def test_confirming_the_proposed_program_and_unlinking_it(qtbot, window, tmp_path):
    window.show_document(DOC)
    program = tag_with_the_mouse(qtbot, window, PROGRAM, Qt.Key.Key_8)
    click(window.text_view, ASTRAL, at(PROGRAM) + 1)
    panel = window.span_panel
    assert panel.catalog_box.isVisible()
    # 春蕾计划 is a national program of the lexicon the catalog does not hold yet
    assert panel.proposals.currentText() == f"new program {PROGRAM}"
    qtbot.mouseClick(button(qtbot, window, "confirmProgram"), Qt.MouseButton.LeftButton)
    linked = window.project.span(program.id).program_id
    assert window.project.program(linked).name == PROGRAM
    assert panel.program.text() == f"In the catalog: {PROGRAM}"
    export(window.project, "jsonl", tmp_path / "c.jsonl")  # the catalog reference goes with the span
    [record] = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text("utf-8").split("\n")
                if line and json.loads(line)["id"] == DOC]
    assert [s["program"] for s in record["spans"] if s["label"] == "PROGRAM"] == [{"name": PROGRAM, "parent": None}]
    qtbot.mouseClick(button(qtbot, window, "unlinkProgram"), Qt.MouseButton.LeftButton)
    assert window.project.span(program.id).program_id is None
    assert panel.proposals.currentText() == f"link to {PROGRAM}"  # now it is in the catalog
    qtbot.mouseClick(button(qtbot, window, "confirmProgram"), Qt.MouseButton.LeftButton)
    assert window.project.span(program.id).program_id == linked and len(window.project.programs()) == 1
    press(qtbot, window.text_view, Qt.Key.Key_Z, CTRL, times=2)  # the link, then the unlink
    assert window.project.span(program.id).program_id == linked
    assert panel.program.text() == f"In the catalog: {PROGRAM}"
    press(qtbot, window.text_view, Qt.Key.Key_Z, CTRL)
    assert window.project.span(program.id).program_id is None and window.project.programs() == []


def _color_near(view, point, expected: QColor) -> bool:
    """Whether a pixel around ``point`` of the viewport has the expected colour."""
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    for dx in range(-1, 2):
        for dy in range(-1, 2):
            c = image.pixelColor(int((point.x() + dx) * ratio), int((point.y() + dy) * ratio))
            if max(abs(c.red() - expected.red()), abs(c.green() - expected.green()),
                   abs(c.blue() - expected.blue())) < 40:
                return True
    return False


def test_a_link_is_drawn_from_the_program_to_its_organizer(qtbot, window):
    window.show_document(DOC)
    view = window.text_view
    org = window.execute(AddSpan(DOC, at(ORG), at(ORG) + 4, "ORG")) and span_of(window, ORG)
    program = window.execute(AddSpan(DOC, at(PROGRAM), at(PROGRAM) + 4, "PROGRAM")) and span_of(window, PROGRAM)
    window.execute(AddSpan(DOC, at(OTHER_ORG), at(OTHER_ORG) + 5, "ORG"))
    click(view, ASTRAL, at(PROGRAM) + 1)
    assert view.link_curves() == []
    window.execute(AddLink(DOC, program.id, org.id, "organizer"))
    qtbot.waitUntil(lambda: len(view.link_curves()) == 1)
    [(path, pen)] = view.link_curves()
    head, tail = view.span_rects(program.id)[0], view.span_rects(org.id)[0]
    assert path.pointAtPercent(0).toPoint() == QPoint(round(head.center().x()), round(head.top()))
    assert path.pointAtPercent(1).toPoint() == QPoint(round(tail.center().x()), round(tail.top()))
    green = QColor(window.colors["ORG"])  # an organizer link is drawn in ORG's colour
    assert pen.color().rgb() == green.rgb() and pen.widthF() > 2  # the selected span's link: thicker
    middle = path.pointAtPercent(0.5)
    assert head.top() - view.line_gap() - 0.5 <= middle.y() < head.top() - 4  # above the line, below the text above
    assert path.boundingRect().top() >= head.top() - view.line_gap() - 0.5
    view.repaint()
    assert _color_near(view, middle, green)
    from annotator.gui.textview import arrowhead

    barb = arrowhead(path).pointAtPercent(0.1)  # the arrowhead at the organizer's end: the link's direction
    assert barb.y() < tail.top() and _color_near(view, barb, green)
    press(qtbot, view, Qt.Key.Key_Z, CTRL)  # undone: gone from the view too
    view.repaint()
    assert view.link_curves() == [] and not _color_near(view, middle, green)


def test_link_mode_ends_when_its_program_is_relabelled(qtbot, window):
    window.show_document(DOC)
    tag_with_the_mouse(qtbot, window, ORG, Qt.Key.Key_2)
    program = tag_with_the_mouse(qtbot, window, PROGRAM, Qt.Key.Key_8)
    click(window.text_view, ASTRAL, at(PROGRAM) + 1)
    press(qtbot, window.text_view, Qt.Key.Key_L, CTRL)
    assert window.linking.active
    press(qtbot, window.text_view, Qt.Key.Key_6)  # now an EVENT: no organizer to link
    assert window.project.span(program.id).label == "EVENT"
    assert not window.linking.active
    press(qtbot, window.text_view, Qt.Key.Key_Tab)
    press(qtbot, window.text_view, Qt.Key.Key_Return)
    assert window.project.relations(DOC) == []
