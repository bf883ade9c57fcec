"""The read-only preview window, driven with the mouse."""

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QListWidget, QPlainTextEdit

from annotator.gui.app import _load, build_window


def test_clicking_a_document_shows_its_normalized_text(qtbot, corpus_dir):
    docs, errors = _load(corpus_dir)
    window = build_window(docs, errors)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    listing = window.findChild(QListWidget, "documentList")
    view = window.findChild(QPlainTextEdit, "textView")
    assert listing.count() == 5 and not errors
    assert view.toPlainText() == docs[0][1].text
    item = listing.item(4)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.visualItemRect(item).center())
    assert listing.currentRow() == 4
    assert view.toPlainText().startswith("91亚洲")
    assert "持续推动海东妇女儿童事业迈上新台阶" in view.toPlainText()
    assert len(view.extraSelections()) == len(docs[4][1].excluded) == 4
    grey = view.extraSelections()[0]
    assert grey.cursor.selectedText().startswith("91亚洲自偷")


def test_screenshot_command_writes_a_picture(tmp_path, corpus_dir):
    shot = tmp_path / "shot.png"
    out = subprocess.run([sys.executable, "-m", "annotator", "gui", str(corpus_dir), "--screenshot", str(shot)],
                         capture_output=True, timeout=300)
    assert out.returncode == 0, out.stderr
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    assert len({image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}) > 3
