"""Code points against Qt's own UTF-16 positions, on text outside the BMP."""

from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.gui.textpos import from_qt, to_qt

TEXT = "妇联😀𠮷\r\n👨\u200d👩\u200d👧巾帼𬀩大宣讲"


def test_positions_agree_with_qt(qapp):
    doc = QTextDocument()
    doc.setPlainText(TEXT)
    assert doc.characterCount() - 1 == to_qt(TEXT, len(TEXT)) or "\r" in TEXT
    for i in range(len(TEXT) + 1):
        assert from_qt(TEXT, to_qt(TEXT, i)) == i


def test_a_selection_reads_back_the_same_span(qapp):
    text = TEXT.replace("\r\n", "\n")
    doc = QTextDocument()
    doc.setPlainText(text)
    start = text.index("巾帼")
    cursor = QTextCursor(doc)
    cursor.setPosition(to_qt(text, start))
    cursor.setPosition(to_qt(text, start + 6), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "巾帼𬀩大宣讲"
    assert from_qt(text, cursor.selectionStart()) == start
    assert from_qt(text, cursor.selectionEnd()) == start + 6
