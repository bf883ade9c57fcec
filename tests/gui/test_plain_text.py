"""Strings from documents, file names and people reach every dialog, tooltip
and list as plain text: markup in them is shown, never rendered (issue 14.10)."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QHelpEvent, Qt, QTextDocument
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QToolTip

from annotator.store import open_project
from tests.store.conftest import make_document

from .conftest import click, drag, point_at, window_on

HOSTILE = ('<img src="/some/local.png">', "<b>粗体</b>", "<font size=7 color=red>大字</font>", "&lt;b&gt;",
           "<u>页面.html")
TEXT = "妇联" + "，".join(HOSTILE) + "。江门市妇联主席林露华出席。"


def shown(text) -> str:
    """What Qt shows for ``text`` where it guesses the format (tooltips, message boxes)."""
    if text and Qt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text or ""


def label_shows(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText or (
            label.textFormat() == Qt.TextFormat.AutoText and not Qt.mightBeRichText(label.text())):
        return label.text()
    return shown(label.text())


@pytest.fixture
def hostile_path(tmp_path):
    path = tmp_path / "h.annotator"
    with open_project(path, annotator="<b>li</b>") as p:
        p.add_documents([make_document(TEXT, source="<u>页面.html", title="<u>页面.html"),
                         make_document("又一篇：" + TEXT, source="b.txt", title="b")])
    return path


def tooltip_at(view, text, index) -> str:
    pos = point_at(view, text, index).toPoint() + QPoint(3, 0)
    QApplication.sendEvent(view, QHelpEvent(QHelpEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    tip = QToolTip.text()
    QToolTip.hideText()
    return tip


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: a tooltip is a window
def test_markup_from_documents_files_and_people_is_shown_literally(qtbot, hostile_path):
    with window_on(qtbot, hostile_path) as window:
        window.project.annotator = "<b>li</b>"
        qtbot.waitUntil(window.isActiveWindow)
        table = window.document_table
        assert shown(table.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)) == "<u>页面.html\n<u>页面.html"
        assert table.model().index(0, 0).data() == "<u>页面.html"
        view = window.text_view
        for piece in HOSTILE:  # each tagged: a span over markup
            start = TEXT.index(piece)
            drag(view, TEXT, start, start + len(piece))
            qtbot.keyClick(view, Qt.Key.Key_2)
        spans = window.project.spans(1)
        assert [s.text for s in spans] == list(HOSTILE)
        for s in spans:
            assert shown(tooltip_at(view, TEXT, s.start + 1)) == f"ORG: {s.text}"
            row = window.spans.row_of(s.id)
            assert window.spans.index(row, 1).data() == s.text
            assert shown(window.spans.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)).endswith("· <b>li</b>")
        org = next(label for label in window.labels if label.name == "ORG")
        assert shown(window.actions_.labels["ORG"].toolTip()) == f"{org.zh} / {org.en}"

        for s in spans:  # the Tag-all-occurrences dialog's heading, its preview
            window.activateWindow()  # from the last tooltip
            qtbot.waitUntil(window.isActiveWindow)
            click(view, TEXT, s.start + 1)
            qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
            dialog = window.findChild(QDialog, "occurrencesDialog")
            heading = dialog.findChild(QLabel, "occurrencesHeading")
            assert f"“{s.text}”" in label_shows(heading)
            for label in dialog.findChildren(QLabel):
                assert label.textFormat() == Qt.TextFormat.PlainText or not Qt.mightBeRichText(label.text())
            dialog.reject()
            dialog.deleteLater()
            qtbot.waitUntil(lambda: window.findChild(QDialog, "occurrencesDialog") is None)
        click(view, TEXT, spans[0].start + 1)  # the selected span's panel
        for label in window.span_panel.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText or not Qt.mightBeRichText(label.text()), \
                label.text()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_markup_in_names_is_shown_literally_in_the_catalog_and_the_statistics(qtbot, hostile_path):
    from PySide6.QtCore import QModelIndex

    from annotator.session import AddSpan, CreateProgram

    with window_on(qtbot, hostile_path) as window:
        window.project.annotator = "<b>li</b>"
        name = HOSTILE[1]  # <b>粗体</b>
        start = TEXT.index(name)
        add = AddSpan(1, start, start + len(name), "PROGRAM")
        assert window.execute(add)
        assert window.execute(CreateProgram(1, add.span_id, name, aliases=("<font size=7 color=red>别名</font>",)))
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window.text_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        catalog = window.catalog_view
        model = catalog.model
        qtbot.waitUntil(lambda: model.rowCount(QModelIndex()) == 1)
        row = model.index(0, 0)
        assert row.data() == name
        assert "别名</font>" in shown(row.data(Qt.ItemDataRole.ToolTipRole))
        for label in catalog.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText or not Qt.mightBeRichText(label.text())
        catalog.close()

        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window.text_view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        view = window.statistics_view
        qtbot.waitUntil(lambda: not view.is_computing(), timeout=20_000)
        chart = view.throughput_chart
        [rect] = chart.bar_rects()
        pos = rect.center().toPoint()
        QApplication.sendEvent(chart, QHelpEvent(QHelpEvent.Type.ToolTip, pos, chart.mapToGlobal(pos)))
        assert "<b>li</b> 1" in shown(QToolTip.text())
        QToolTip.hideText()
