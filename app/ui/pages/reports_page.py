"""The Reports page (managers and auditors): a date range, the charts, and the figures behind each
chart in a table under it; CSV and PDF export (issue 16).

The service checks the permission (`READ_REPORTS`); the page only shows what it answers.
Its words are the report's own `LocalizedText` labels (app/reports/export.py,
app/reports/charts.py), read in the interface language, so the page, the PDF and the
CSV name every figure the same way in both languages.

A `Page` like the others: the base keeps the session, the heading and the language switch.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QRectF, Qt
from PySide6.QtGui import QFontInfo, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.localized import LocalizedText as T
from app.reports.charts import Chart, charts
from app.reports.export import SATISFACTION_TEXT, report_csv
from app.reports.periods import Granularity
from app.reports.service import DIMENSIONS, OutletReport, outlet_report
from app.storage.atomic_file import write_atomically
from app.ui.error_dialogs import show_error
from app.ui.file_dialogs import save_file_name
from app.ui.language import current_language
from app.ui.named import named
from app.ui.pages.page_base import Page
from app.ui.report_render import paint_bar_chart, write_report_pdf
from app.ui.tasks import BackgroundTasks

WORDS = {
    "heading": T("报表", "Reports"),
    "from": T("从", "From"),
    "to": T("至", "to"),
    "period": T("周期", "Period"),
    "by": T("分组", "Split by"),
    "show": T("显示", "&Show"),
    "csv": T("导出 CSV…", "Export &CSV..."),
    "pdf": T("导出 PDF…", "Export &PDF..."),
    "working": T("正在计算…", "Working..."),
    "empty": T("选择日期范围，然后点击“显示”。", "Choose a date range, then press Show."),
    "written": T("已写入 {path}", "Written to {path}"),
    "summary": T(
        "{outlet} 网点：接收 {received}，关闭 {closed}。",
        "Outlet {outlet}: {received} received, {closed} closed.",
    ),
}
PERIOD_WORDS = {"day": T("日", "day"), "week": T("周", "week"), "month": T("月", "month")}
BY_WORDS = {
    "none": T("不分组", "nothing"),
    "technician": T("工程师", "technician"),
    "service": T("服务类型", "service type"),
    "fault": T("故障类别", "fault category"),
}
CHART_HEIGHT = 260


def interface_language() -> str:
    """The language the interface shows (the one source: app.ui.language)."""
    return current_language()


class ChartView(QWidget):
    """One bar chart, drawn by the same code as the PDF's charts."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"chart_{chart.key}")
        self.chart = chart
        self.setMinimumHeight(CHART_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self.palette().base())
            area = QRectF(self.rect()).adjusted(8, 6, -8, -4)
            paint_bar_chart(painter, area, self.chart, QFontInfo(self.font()).pixelSize())
        finally:
            painter.end()


def figures_table(chart: Chart) -> QTableWidget:
    """The numbers behind one chart, one row per category."""
    header, rows = chart.table()
    table = QTableWidget(len(rows), len(header))
    table.setObjectName(f"table_{chart.key}")
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.setHorizontalHeaderLabels(list(header))
    header_view = table.horizontalHeader()
    header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # long names elide, numbers stay whole
    table.verticalHeader().setDefaultSectionSize(22)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    height = table.horizontalHeader().sizeHint().height() + sum(table.rowHeight(r) for r in range(len(rows))) + 4
    table.setFixedHeight(min(height, CHART_HEIGHT))
    return table


class ReportsPage(Page):
    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__("reportsPage", parent)
        self._tasks = tasks
        self.report: OutletReport | None = None
        self.first_day = self._date_edit("reportFrom")
        self.last_day = self._date_edit("reportTo")
        self.period = named(QComboBox(), "reportPeriod")
        self.by = named(QComboBox(), "reportBy")
        self.show_button = named(QPushButton(), "showReport")
        self.show_button.clicked.connect(self.refresh)
        self.csv_button = named(QPushButton(), "exportCsv")
        self.csv_button.clicked.connect(self._on_export_csv)
        self.pdf_button = named(QPushButton(), "exportPdf")
        self.pdf_button.clicked.connect(self._on_export_pdf)
        self.status = named(QLabel(), "reportStatus")
        self.status.setWordWrap(True)
        self.labels = {key: QLabel() for key in ("from", "to", "period", "by")}
        self.report_body = named(QWidget(), "reportBody")
        self.body_layout = QVBoxLayout(self.report_body)
        scroll = named(QScrollArea(), "reportScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.report_body)
        layout = self.body
        layout.addLayout(self._controls())
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.set_range(date.today().replace(day=1), date.today())
        self.retranslate()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = named(QDateEdit(), name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for key, widget in (("from", self.first_day), ("to", self.last_day), ("period", self.period), ("by", self.by)):
            row.addWidget(self.labels[key])
            row.addWidget(widget)
        row.addWidget(self.show_button)
        row.addStretch(1)
        row.addWidget(self.csv_button)
        row.addWidget(self.pdf_button)
        return row

    def set_range(self, first: date, last: date) -> None:
        self.first_day.setDate(QDate(first.year, first.month, first.day))
        self.last_day.setDate(QDate(last.year, last.month, last.day))

    def _word(self, key: str) -> str:
        return WORDS[key].get(interface_language())

    def retranslate(self) -> None:
        language = interface_language()
        self.heading.setText(WORDS["heading"].get(language))
        for key, label in self.labels.items():
            label.setText(WORDS[key].get(language))
        self.show_button.setText(self._word("show"))
        self.csv_button.setText(self._word("csv"))
        self.pdf_button.setText(self._word("pdf"))
        self._fill_combo(self.period, [(g.value, PERIOD_WORDS[g.value].get(language)) for g in Granularity], "day")
        self._fill_combo(self.by, [(d, BY_WORDS[d].get(language)) for d in DIMENSIONS], "none")
        self._show_report()

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[str, str]], default: str) -> None:
        chosen = combo.currentData() or default
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def _range(self) -> tuple[date, date]:
        first, last = self.first_day.date(), self.last_day.date()
        return date(first.year(), first.month(), first.day()), date(last.year(), last.month(), last.day())

    def refresh(self) -> None:
        """Ask the service for the report of the chosen range (off the GUI thread)."""
        session = self._session
        if session is None or not session.store.is_open:
            return
        first, last = self._range()
        period, by = self.period.currentData(), self.by.currentData()
        self.status.setText(self._word("working"))
        self.show_button.setEnabled(False)
        self._tasks.run(lambda: outlet_report(session, first, last, period, by), self._on_report, self._on_failed)

    def _on_report(self, report: OutletReport) -> None:
        self.show_button.setEnabled(True)
        self.report = report
        self._show_report()

    def _on_failed(self, error: BaseException) -> None:
        self.show_button.setEnabled(True)
        self.status.clear()
        show_error(self, error)

    def _show_report(self) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:  # off the page at once, so only the new report's widgets are found
                widget.setParent(None)
                widget.deleteLater()
        language = interface_language()
        report = self.report
        if report is None:
            self.status.setText(self._word("empty"))
            return
        overall = report.overall.figures
        summary = (
            WORDS["summary"]
            .get(language)
            .format(outlet=report.outlet, received=overall["received"], closed=overall["closed"])
        )
        self.status.setText(f"{summary} {SATISFACTION_TEXT.get(language)}")
        for chart in charts(report, language):  # each chart with its figures beside it
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(ChartView(chart), 3)
            row.addWidget(figures_table(chart), 2, Qt.AlignmentFlag.AlignTop)
            self.body_layout.addWidget(pair)
        self.body_layout.addStretch(1)

    def export_csv(self, path: Path) -> None:
        if self.report is not None:
            write_atomically(path, report_csv(self.report).encode("utf-8"))
            self.status.setText(self._word("written").format(path=path))

    def export_pdf(self, path: Path) -> None:
        if self.report is not None:
            write_report_pdf(self.report, path, interface_language())
            self.status.setText(self._word("written").format(path=path))

    def _suggested_name(self, suffix: str) -> str:
        first, last = self._range()
        return f"report-{first}-{last}.{suffix}"

    def _on_export_csv(self) -> None:
        if self.report is None:
            return
        name = save_file_name(self, self._word("csv"), self._suggested_name("csv"), "CSV (*.csv)")
        if name:
            self.export_csv(Path(name))

    def _on_export_pdf(self) -> None:
        if self.report is None:
            return
        name = save_file_name(self, self._word("pdf"), self._suggested_name("pdf"), "PDF (*.pdf)")
        if name:
            self.export_pdf(Path(name if name.lower().endswith(".pdf") else f"{name}.pdf"))
