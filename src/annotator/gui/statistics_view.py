"""The statistics view: documents by status, spans per label, programs per
category and per region, spans added per day, as bar charts.  The numbers are
:func:`annotator.catalog.statistics`, computed on a worker thread
(:class:`.reader.ProjectReader`) when the view opens and when asked; until they
come the charts say so."""

from __future__ import annotations

import time
from collections import defaultdict

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..catalog import Statistics, statistics
from ..store import STATUSES, Label
from . import i18n
from .charts import Bar, BarChart
from .models import status_name
from .reader import ReaderWindow

STATUS_COLORS = {"new": "#9e9e9e", "in_progress": "#f0ad4e", "done": "#5cb85c", "skipped": "#d9534f"}
PROGRAM_COLOR = "#4e79a7"  # when the schema has no program label
THROUGHPUT_COLOR = "#59a14f"
DAYS = 120  # columns of the throughput chart: the latest days with work


class StatisticsView(ReaderWindow):
    computed = Signal()  # the charts show fresh numbers

    def __init__(self, path, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.setObjectName("statisticsView")
        self.statistics: Statistics | None = None
        self.labels: list[Label] = []
        self._generation = 0
        self._computing = False
        self.refresh_button = QPushButton(objectName="refreshStatistics")
        self.refresh_button.clicked.connect(self.refresh)
        self.state = QLabel(objectName="statisticsState", textFormat=Qt.TextFormat.PlainText)
        self.status_chart = BarChart(object_name="statusChart")
        self.label_chart = BarChart(object_name="labelChart")
        self.category_chart = BarChart(object_name="categoryChart")
        self.region_chart = BarChart(object_name="regionChart")
        self.throughput_chart = BarChart(vertical=True, object_name="throughputChart")
        charts = QWidget()
        grid = QGridLayout(charts)
        grid.addWidget(self.status_chart, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.label_chart, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.category_chart, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.region_chart, 1, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.throughput_chart, 2, 0, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.setRowStretch(3, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        bar = QHBoxLayout()
        bar.addWidget(self.state, 1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll)
        self.resize(1000, 760)
        self._retranslate()

    def charts(self) -> list[BarChart]:
        return [self.status_chart, self.label_chart, self.category_chart, self.region_chart, self.throughput_chart]

    # computing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Compute every chart again on the worker thread."""
        self._generation += 1
        generation, started = self._generation, time.perf_counter()
        self._computing = True
        self.refresh_button.setEnabled(False)
        self.state.setText(self.tr("Computing…"))
        for chart in self.charts():
            chart.set_message(self.tr("Computing…"))
        offset = QDateTime.currentDateTime().offsetFromUtc() // 60
        self.reader.submit(lambda p: (statistics(p, utc_offset_minutes=offset), p.labels()),
                           lambda result: self._computed(generation, started, *result),
                           lambda error: self._failed(generation, error))

    def is_computing(self) -> bool:
        return self._computing

    def _computed(self, generation: int, started: float, stats: Statistics, labels: list[Label]) -> None:
        if generation != self._generation:
            return
        self._computing = False
        self.statistics, self.labels = stats, labels
        self.refresh_button.setEnabled(True)
        self._elapsed = time.perf_counter() - started
        self._fill()
        self.computed.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._computing = False
        self.refresh_button.setEnabled(True)
        self.state.setText(self.tr("Could not compute the statistics: {0}").format(error))
        for chart in self.charts():
            chart.set_message("")

    # the charts ------------------------------------------------------------------------
    def _fill(self) -> None:
        stats = self.statistics
        if stats is None:
            return
        self.state.setText(self.tr("{0} documents · computed at {1} in {2} s").format(
            f"{sum(stats.documents_by_status.values()):,}", time.strftime("%H:%M:%S"), f"{self._elapsed:.2f}"))
        self.status_chart.set_bars([Bar(status_name(s), stats.documents_by_status.get(s, 0), STATUS_COLORS[s])
                                    for s in STATUSES])
        chinese = i18n.chosen_language() == "zh_CN"
        known = {label.name: label for label in self.labels}
        self.label_chart.set_bars([
            Bar(f"{name} {(known[name].zh if chinese else known[name].en)}" if name in known else name, n,
                known[name].color if name in known else PROGRAM_COLOR)
            for name, n in stats.spans_by_label.items()])
        program = next((label.color for label in self.labels if label.kind == "program"), PROGRAM_COLOR)
        self.category_chart.set_bars([
            Bar(category or self.tr("(no category)"), spans, program, self.tr("{0} programs").format(programs))
            for category, spans, programs in stats.programs_by_category])
        self.region_chart.set_bars([
            Bar(r.region or self.tr("(no region)"), r.spans, program, self.tr("{0} programs").format(r.programs))
            for r in stats.programs_by_region])
        days: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for day, who, n in stats.throughput:
            days[day].append((who, n))
        latest = sorted(days)[-DAYS:]
        self.throughput_chart.set_bars([
            Bar(day[5:], sum(n for _, n in days[day]), THROUGHPUT_COLOR,
                tip=f"{day}: " + ", ".join(f"{who} {n:,}" for who, n in sorted(days[day], key=lambda w: -w[1])))
            for day in latest])
        for chart in self.charts():
            if not chart.bars():
                chart.set_message(self.tr("Nothing yet"))

    # language and life cycle -------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Statistics"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.status_chart.set_title(self.tr("Documents by status"))
        self.label_chart.set_title(self.tr("Spans per label"))
        self.category_chart.set_title(self.tr("Program spans per category"))
        self.region_chart.set_title(self.tr("Program spans per region"))
        self.throughput_chart.set_title(self.tr("Spans added per day (the latest {0} days with work)").format(DAYS))
        if self._computing:
            self.state.setText(self.tr("Computing…"))
            for chart in self.charts():
                chart.set_message(self.tr("Computing…"))
        else:
            self._fill()

