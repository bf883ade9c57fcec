"""Preferences, snapping to words and the missing-font warning, through the real window."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QSpinBox

from annotator.gui.window import MainWindow

from .conftest import ASTRAL, drag


def test_preferences_name_the_annotator_and_size_the_text(qtbot, window):
    window.findChild(QAction, "preferences").trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    assert dialog.isVisible() and dialog.findChild(QLineEdit, "annotatorName").text() == "tester"
    dialog.findChild(QLineEdit, "annotatorName").setText("王芳")
    dialog.findChild(QSpinBox, "fontSize").setValue(16)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.text_view.font().pointSize() == 16
    assert QSettings().value("user/annotator") == "王芳"
    doc = window.project.document(6)
    window.show_document(6)
    start = doc.text.index("林露华")
    drag(window.text_view, doc.text, start, start + 3)
    qtbot.keyClick(window.text_view, Qt.Key.Key_1)
    assert [s.annotator for s in window.project.spans(6)] == ["王芳"]


def test_snapping_widens_a_selection_to_the_whole_word(qtbot, window):
    window.show_document(6)
    with qtbot.waitSignal(window.words.ready, timeout=30_000):  # jieba, on its worker thread
        window.findChild(QAction, "snapToWords").trigger()
    assert QSettings().value("edit/snap_to_words", type=bool) is True
    start = ASTRAL.index("春蕾计划")
    drag(window.text_view, ASTRAL, start + 1, start + 3)  # 蕾计
    qtbot.keyClick(window.text_view, Qt.Key.Key_8)
    assert [(s.start, s.end, s.text) for s in window.project.spans(6)] == [(start, start + 4, "春蕾计划")]
    window.findChild(QAction, "snapToWords").trigger()  # off: the selection is taken as it is
    drag(window.text_view, ASTRAL, start + 1, start + 3)
    qtbot.keyClick(window.text_view, Qt.Key.Key_8)
    assert sorted(s.text for s in window.project.spans(6)) == ["春蕾计划", "蕾计"]


def test_the_snapping_dialog_setting_and_the_menu_agree(qtbot, window):
    window.findChild(QAction, "preferences").trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    dialog.findChild(QCheckBox, "snapToWords").setChecked(True)
    dialog.accept()
    assert window.snapping and window.findChild(QAction, "snapToWords").isChecked()


def test_a_warning_when_no_font_can_show_chinese(qtbot, window, monkeypatch):
    assert window.findChild(QLabel, "fontWarning") is None  # this machine has one
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: []))
    second = MainWindow(window.project)
    qtbot.addWidget(second)
    second.show()
    banner = second.findChild(QLabel, "fontWarning")
    assert banner is not None and banner.isVisible() and "fonts-noto-cjk" in banner.text()
    second.close()
