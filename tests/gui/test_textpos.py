"""Code points against Qt's own UTF-16 positions, on text outside the BMP."""

from hypothesis import given
from hypothesis import strategies as st
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


@given(st.text(alphabet=st.sampled_from("a妇\n𠮷😀\u200d👩"), max_size=40))
def test_qt_positions_agree_with_the_plain_conversions(text):
    from annotator.gui.textpos import QtPositions

    positions = QtPositions(text)
    for i in range(len(text) + 1):
        assert positions.to_qt(i) == to_qt(text, i)
    for p in range(len(text.encode("utf-16-le")) // 2 + 1):
        assert positions.from_qt(p) == from_qt(text, p)
