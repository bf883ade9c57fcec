"""The interface in English and Simplified Chinese, switched while the app runs."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QTableView

from annotator.gui import i18n

from .conftest import drag

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "annotator_zh_CN.ts"


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    # what dev.py and packaging/build.sh do before the app runs
    subprocess.check_call([sys.executable, str(ROOT / "packaging" / "compile_translations.py")])


def _messages(path: Path):
    for message in ET.parse(path).getroot().iter("message"):
        yield message.findtext("source"), message.find("translation")


def test_every_string_is_translated_with_its_placeholders():
    messages = list(_messages(TS))
    assert len(messages) > 50
    for source, translation in messages:
        assert translation.get("type") is None and translation.text, f"not translated: {source}"
        assert sorted(re.findall(r"\{\d\}", source)) == sorted(re.findall(r"\{\d\}", translation.text)), source


def test_the_translation_sources_hold_every_string_in_the_code(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    out = subprocess.run([str(lupdate), *map(str, sorted((ROOT / "src/annotator/gui").glob("*.py"))),
                          "-ts", str(copy)], capture_output=True, text=True, check=True)
    assert "(0 new and" in out.stdout, out.stdout  # run packaging/compile_translations.py --update
    assert {s for s, _ in _messages(copy)} == {s for s, _ in _messages(TS)}


def test_switching_to_chinese_and_back_while_running(qtbot, window):
    doc = window.project.document(6)
    window.show_document(6)
    start = doc.text.index("林露华")
    drag(window.text_view, doc.text, start, start + 3)
    qtbot.keyClick(window.text_view, Qt.Key.Key_1)
    table = window.findChild(QTableView, "documentList")
    try:
        window.findChild(QAction, "language_zh_CN").trigger()
        qtbot.waitUntil(lambda: window.windowTitle().startswith("标注工具"))  # LanguageChange is posted
        assert [m.title() for m in (window.actions_.edit_menu, window.actions_.help_menu)] == ["编辑(&E)", "帮助(&H)"]
        assert window.findChild(QComboBox, "statusFilter").itemText(0) == "全部文档"
        assert table.model().headerData(0, Qt.Orientation.Horizontal) == "标题"
        assert window.findChild(QAction, "undo").text() == "撤销标注 PER"
        assert QSettings().value("ui/language") == "zh_CN"
    finally:
        window.findChild(QAction, "language_en").trigger()
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Annotator"))
    assert window.findChild(QAction, "undo").text() == "Undo tag PER"
    assert table.model().headerData(0, Qt.Orientation.Horizontal) == "Title"


def test_the_system_locale_chooses_until_the_user_does(qtbot):
    QSettings().remove("ui/language")
    assert i18n.chosen_language() == i18n.system_language()
    QSettings().setValue("ui/language", "zh_CN")
    assert i18n.chosen_language() == "zh_CN"
    try:
        assert i18n.install("zh_CN") == "zh_CN"
    finally:
        assert i18n.install("en") == "en"


def test_in_chinese_the_guidelines_the_read_only_banner_and_the_origins_are_chinese(qtbot, project_path):
    import re as regex

    from PySide6.QtWidgets import QDialog, QLabel, QTextBrowser

    from annotator.gui.app import build_window
    from annotator.store import open_project

    QSettings().setValue("ui/language", "zh_CN")
    i18n.install("zh_CN")
    try:
        with open_project(project_path), open_project(project_path, wait=0.1) as second:
            window = build_window(second)
            qtbot.addWidget(window)
            window.show()
            banner = window.findChild(QLabel, "readOnlyBanner")
            assert banner.text() == "只读：项目已在另一个进程中打开。修改无法保存。"
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            qtbot.keyClick(window.text_view, Qt.Key.Key_F1)
            body = window.findChild(QDialog, "guidelinesDialog").findChild(QTextBrowser).toPlainText()
            assert "通用规则" in body and "General rules" not in body
            english_words = regex.findall(r"\b[a-z]{4,}\b", body)  # label codes are upper case: no English prose
            assert set(english_words) <= {"corpus"}, english_words[:10]  # the folder's name
            window.close()
        with open_project(project_path) as project:
            window = build_window(project)
            qtbot.addWidget(window)
            window.show()
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            text = project.text(1)
            drag(window.text_view, text, 0, 2)
            qtbot.keyClick(window.text_view, Qt.Key.Key_1)
            assert window.spans.index(0, 2).data() == "手动"
            assert window.findChild(QLabel, "progressLabel").text() == "已完成 0 / 6"
            window.close()
    finally:
        QSettings().setValue("ui/language", "en")
        i18n.install("en")
