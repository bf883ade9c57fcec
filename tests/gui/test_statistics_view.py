"""The statistics view: its charts hold the project's numbers, counted here
straight from the file, and paint a bar of the right colour and length for
each; it says it is computing until the worker answers, and a refresh shows
an edit.  The chart widget on its own, and the worker reader."""

import sqlite3
import threading

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from annotator.gui.charts import Bar, BarChart
from annotator.gui.reader import ProjectReader
from annotator.gui.statistics_view import STATUS_COLORS

from .conftest import drag

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def pixel(widget, point: QPointF) -> QColor:
    image = widget.grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(point.x() * ratio), int(point.y() * ratio))


def assert_painted(chart: BarChart) -> None:
    """Each bar is drawn in its colour, as long as its value says."""
    bars, rects = chart.bars(), chart.bar_rects()
    assert len(bars) == len(rects) > 0
    most = max(b.value for b in bars)
    longest = max(rects, key=lambda r: r.height() if chart.vertical else r.width())
    for bar, rect in zip(bars, rects):
        size, full = (rect.height(), longest.height()) if chart.vertical else (rect.width(), longest.width())
        assert size == pytest.approx(full * bar.value / most, abs=1)
        if size >= 2:
            assert pixel(chart, rect.center()) == QColor(bar.color), bar


def counted(path, sql: str) -> dict:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute(sql).fetchall())


@pytest.fixture
def gate(monkeypatch):
    """While the gate is shut, the numbers wait on the worker (at most 10 s) until
    the test has looked at the view; the threads they were counted on."""
    from annotator.gui import statistics_view
    release, threads = threading.Event(), []

    def held(project, **kwargs):
        threads.append(threading.current_thread())
        release.wait(timeout=10)
        return real(project, **kwargs)

    real = statistics_view.statistics
    monkeypatch.setattr(statistics_view, "statistics", held)
    release.threads = threads
    return release


def test_the_charts_show_the_projects_numbers(qtbot, window, project_path, gate):
    doc = window.project.document(6)
    window.show_document(6)
    for word, key in (("林露华", Qt.Key.Key_1), ("江门市妇联", Qt.Key.Key_2), ("春蕾计划", Qt.Key.Key_8)):
        start = doc.text.index(word)
        drag(window.text_view, doc.text, start, start + len(word))
        qtbot.keyClick(window.text_view, key)
    window.project.set_status(1, "done")

    qtbot.keyClick(window.text_view, Qt.Key.Key_I, CTRL_SHIFT)
    view = window.statistics_view
    assert view is not None and view.is_computing()  # the GUI thread did not wait for the numbers
    assert view.state.text() == "Computing…" and view.label_chart.message() == "Computing…"
    gate.set()
    qtbot.waitUntil(lambda: not view.is_computing(), timeout=10_000)
    assert gate.threads and threading.main_thread() not in gate.threads

    statuses = counted(project_path, "SELECT status, count(*) FROM documents GROUP BY status")
    assert {b.label: b.value for b in view.status_chart.bars()} == {
        "new": statuses.get("new", 0), "in progress": statuses.get("in_progress", 0), "done": 1, "skipped": 0}
    assert [b.color for b in view.status_chart.bars()] == list(STATUS_COLORS.values())
    labels = counted(project_path, "SELECT label, count(*) FROM spans GROUP BY label")
    colors = counted(project_path, "SELECT name, color FROM labels")
    bars = {b.label.split()[0]: b for b in view.label_chart.bars()}
    assert {name: b.value for name, b in bars.items() if b.value} == labels == {"PER": 1, "ORG": 1, "PROGRAM": 1}
    assert all(b.color == colors[name] for name, b in bars.items())  # the schema's colours
    assert [(b.label, b.value, b.note) for b in view.category_chart.bars()] == [("(no category)", 1, "0 programs")]
    assert [(b.label, b.value) for b in view.region_chart.bars()] == [("(no region)", 1)]
    [day] = view.throughput_chart.bars()
    assert day.value == 3 and "tester 3" in day.tip
    for chart in view.charts():  # laid out at their new height once the event loop has run
        qtbot.waitUntil(lambda: chart.height() == chart.sizeHint().height())
        assert chart.message() is None
        assert_painted(chart)


def test_refresh_shows_an_edit(qtbot, window, gate):
    gate.set()
    qtbot.keyClick(window.text_view, Qt.Key.Key_I, CTRL_SHIFT)
    view = window.statistics_view
    qtbot.waitUntil(lambda: not view.is_computing(), timeout=10_000)
    before = {b.label.split()[0]: b.value for b in view.label_chart.bars()}
    doc = window.project.document(6)
    start = doc.text.index("林露华")
    window.project.add_span(6, start, start + 3, "PER")  # as the window would, from elsewhere
    gate.clear()
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    assert view.is_computing() and not view.refresh_button.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: not view.is_computing(), timeout=10_000)
    after = {b.label.split()[0]: b.value for b in view.label_chart.bars()}
    assert after["PER"] == before["PER"] + 1
    assert view.refresh_button.isEnabled() and "documents" in view.state.text()


def test_a_bar_chart_paints_rows_and_columns(qtbot):
    for vertical in (False, True):
        chart = BarChart(vertical=vertical)
        qtbot.addWidget(chart)
        chart.resize(500, 240)
        chart.set_title("t")
        chart.set_bars([Bar("a", 10, "#ff0000"), Bar("bb", 5, "#00ff00", note="x"), Bar("c", 0, "#0000ff")])
        chart.show()
        qtbot.waitExposed(chart)
        assert_painted(chart)
        rects = chart.bar_rects()
        assert rects[2].isEmpty() or (rects[2].height() if vertical else rects[2].width()) == 0
        assert chart.bar_at(rects[0].center()) == 0 and chart.bar_at(rects[1].center()) == 1
        if vertical:  # three days in 500 px: columns no wider than WIDEST_COLUMN, not a wall of colour
            assert all(r.width() <= BarChart.WIDEST_COLUMN for r in rects)
        chart.set_message("Computing…")  # instead of the bars
        assert pixel(chart, rects[0].center()) != QColor("#ff0000")


def test_the_reader_answers_on_the_gui_thread_and_reports_failures(qtbot, project_path, window):
    reader = ProjectReader(project_path)
    got, failed = [], []
    try:
        reader.submit(lambda p: (threading.current_thread().name, p.document_count()), got.append)
        reader.submit(lambda p: p.conn.execute("DELETE FROM spans"), got.append, failed.append)
        qtbot.waitUntil(lambda: len(got) == 1 and len(failed) == 1)
        assert got[0][0].startswith("reader") and got[0][1] == window.project.document_count()
        assert isinstance(failed[0], sqlite3.OperationalError)  # read-only
    finally:
        reader.shutdown()
    with pytest.raises(RuntimeError):
        reader.submit(lambda p: 1, got.append)
