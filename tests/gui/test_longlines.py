"""A page on one very long line is shown in display pieces (issue 21.3): the
text, every offset and what is copied stay those of the page."""

import random

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from annotator.gui.longlines import MAX_LINE, display_breaks, positions_for
from annotator.gui.models import FixedSpans
from annotator.gui.textpos import QtPositions
from annotator.gui.textview import AnnotatedTextView
from annotator.store.models import Span


def _page(n, seed=3):
    rng = random.Random(seed)
    pieces = ["妇联", "党组", "书记", "𠮷野家", "😀", "会议", "。", "，", "a", " "]
    return "".join(rng.choices(pieces, k=n))[:n]


def test_breaks_keep_every_offset_and_no_display_line_is_long():
    text = _page(50_000) + "\n短行\n" + _page(9_000, seed=4)
    shown, positions = positions_for(text)
    breaks = display_breaks(text)
    assert len(breaks) >= 50_000 // MAX_LINE
    assert max(map(len, shown.split("\n"))) <= MAX_LINE
    assert shown.replace("\n", "") == text.replace("\n", "")
    plain = QtPositions(text)
    for i in range(len(text) + 1):
        qt = positions.to_qt(i)
        assert positions.from_qt(qt) == i
        assert qt - plain.to_qt(i) == sum(1 for b in breaks if b <= i)  # only the breaks before it shift it
    utf16 = shown.encode("utf-16-le")
    for i in random.Random(1).sample(range(len(text)), 300):  # the same character at both ends
        qt = positions.to_qt(i)
        assert utf16[2 * qt:2 * qt + 2].decode("utf-16-le", "surrogatepass")[0] == text[i][0] or \
            ord(text[i]) > 0xFFFF


def test_an_ordinary_page_is_shown_as_it_is():
    text = "第一行\n" + "字" * MAX_LINE + "\n末行"
    shown, positions = positions_for(text)
    assert shown is text and display_breaks(text) == []
    assert type(positions) is QtPositions


def test_a_one_line_page_opens_in_pieces_and_selects_copies_and_paints_exact_spans(qtbot):
    text = _page(200_000)
    start = text.index("𠮷野家", 150_000)
    span = Span(1, 1, start, start + 3, "ORG", text[start:start + 3], {}, "a", "manual", None, "", "")
    view = AnnotatedTextView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.show_document(text, FixedSpans([span]), [], {"ORG": "#ff0000"})
    assert view.document().blockCount() > 200_000 // MAX_LINE  # laid out lazily, a piece at a time
    view.set_selection(start, start + 3)
    assert view.selection_range() == (start, start + 3)
    view.show_range(start, start + 3)
    qtbot.waitExposed(view)
    assert view.span_rects(1)
    # a click lands on the character under it
    rect = view.span_rects(1)[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()),
                                                                            int(rect.center().y())))
    assert start <= view.cursor_index() <= start + 3
    across = display_breaks(text)[3]
    view.set_selection(across - 5, across + 5)
    assert view.selection_range() == (across - 5, across + 5)
    view.copy()
    assert QApplication.clipboard().text() == text[across - 5:across + 5]  # no display break in it
    QApplication.clipboard().clear()  # a clipboard still holding data when the process ends crashes Qt's teardown
