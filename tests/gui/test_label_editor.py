"""Labels → Edit labels…: a label in use removed with its spans relabelled, one
undo step that brings all of it back; the palette follows every step."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QRadioButton, QToolBar

from annotator.gui.palette import LabelPalette
from annotator.gui.label_editor import LabelEditor, RemoveLabelDialog

from .conftest import drag


def palette(window) -> list[str]:
    bar = window.findChild(QToolBar, "labelPalette")
    buttons = bar.findChild(LabelPalette).buttons
    return [b.defaultAction().objectName().removeprefix("label_") for b in buttons]


def open_editor(qtbot, window) -> LabelEditor:
    window.findChild(QAction, "editLabels").trigger()
    editor = window.findChild(LabelEditor, "labelEditor")
    qtbot.waitUntil(editor.isVisible)
    return editor


def choose(qtbot, editor, name):
    row = [editor.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(editor.list.count())].index(name)
    rect = editor.list.visualItemRect(editor.list.item(row))
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.name.text() == name


def tag(qtbot, window, word, key):
    text = window.project.text(window.document_id)
    at = text.index(word)
    drag(window.text_view, text, at, at + len(word))
    qtbot.keyClick(window.text_view, key)


def test_removing_a_label_in_use_relabels_its_spans_and_one_undo_brings_it_back(qtbot, window):
    from annotator.gui.project_menu import FileMenu, Workspace

    FileMenu(window, Workspace())  # what the workspace adds to every window it opens
    window.document_table.selectRow(5)  # the astral document
    tag(qtbot, window, "江门市", Qt.Key.Key_3)  # LOC
    doc = window.document_id
    [loc] = [s for s in window.project.spans(doc) if s.label == "LOC"]
    assert "LOC" in palette(window)
    editor = open_editor(qtbot, window)
    choose(qtbot, editor, "LOC")
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    ask = editor.findChild(RemoveLabelDialog, "removeLabelDialog")
    qtbot.waitUntil(ask.isVisible)
    assert "1 spans carry the label LOC" in ask.findChild(QLabel).text()
    qtbot.mouseClick(ask.findChild(QRadioButton, "relabelSpans"), Qt.MouseButton.LeftButton)
    target = ask.findChild(QComboBox, "relabelTarget")
    target.setCurrentText("ORG")
    ask.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "LOC" not in [label.name for label in window.project.labels()]
    assert window.project.span(loc.id).label == "ORG"
    assert "LOC" not in palette(window) and "LOC" not in window.colors
    assert window.spans.find(loc.id).label == "ORG"  # the open document's span list follows
    assert "LOC" not in [editor.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(editor.list.count())]

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.text_view.setFocus()
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step
    assert [label.name for label in window.project.labels()][:3] == ["PER", "ORG", "LOC"]
    assert window.project.span(loc.id).label == "LOC"
    assert palette(window)[:3] == ["PER", "ORG", "LOC"]
    assert window.spans.find(loc.id).label == "LOC"
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.project.span(loc.id).label == "ORG"
    assert "LOC" not in palette(window)


def test_the_editor_keeps_hotkeys_unique_and_a_renamed_label_follows_everywhere(qtbot, window):
    from annotator.gui.project_menu import FileMenu, Workspace

    FileMenu(window, Workspace())
    editor = open_editor(qtbot, window)
    choose(qtbot, editor, "LOC")
    editor.hotkey.setText("")
    qtbot.keyClicks(editor.hotkey, "2")
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert editor.problem.text() == "Hotkey 2 already belongs to ORG"
    assert window.project.label("LOC").hotkey == "3"
    editor.hotkey.setText("")
    qtbot.keyClicks(editor.hotkey, "9")
    editor.name.setText("")
    qtbot.keyClicks(editor.name, "PLACE")
    editor.color.setText("#112233")
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert editor.problem.text() == ""
    label = window.project.label("PLACE")
    assert (label.hotkey, label.color) == ("9", "#112233")
    assert "PLACE" in palette(window) and window.colors["PLACE"] == "#112233"
    action = window.findChild(QAction, "label_PLACE")
    assert action.shortcut().toString() == "9"
    window.undo_stack.undo()
    assert window.project.label("LOC").hotkey == "3" and "LOC" in palette(window)
