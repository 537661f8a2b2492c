"""Drawing a report: bar charts with QPainter (the Reports page and the PDF share them) and the
PDF report itself, written with QPdfWriter like the slip (app/slip/render_pdf.py).

Why QPainter and not QtCharts: QtCharts ships only in PySide6-Addons, a second
wheel of 175 MB pinned in step with PySide6-Essentials, for five bar charts;
the same few dozen lines draw each chart on screen and into the PDF, where a
QtCharts view would have to be grabbed as a picture (README, dependency table).

The PDF embeds a subset of the bundled CJK font, so `pdftotext` reads both
languages back and a PC without Chinese fonts shows the Chinese report.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from app.core.localized import LocalizedText as T
from app.reports.charts import Chart, charts
from app.reports.export import FIGURE_LABELS, SATISFACTION_TEXT
from app.reports.service import OutletReport
from app.slip.render_fonts import SLIP_FONT_FAMILY, register_bundled_fonts

#: Bar colours, told apart in greyscale print too (dark, middle, light).
PALETTE = ("#1f5f99", "#e08a1e", "#7fb77e", "#b03a48", "#6d5ba8")
PDF_RESOLUTION = 300
_AXIS_STEPS = 4


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont(SLIP_FONT_FAMILY)
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def axis_scale(value: float, whole: bool = False) -> tuple[float, int]:
    """(top, steps) of a value axis: a step of 1, 2 or 5 times a power of ten, at most 5 steps,
    so grid labels read 0, 10, 20, 30 and never 6.25; an empty chart gets 0 to 1.  For counts
    (`whole`) the step is at least 1."""
    if value <= 0:
        return 1.0, 1
    power = 10 ** math.floor(math.log10(value / _AXIS_STEPS))
    if whole:
        power = max(power, 1)
    for factor in (1, 2, 5, 10):
        step = factor * power
        steps = math.ceil(value / step - 1e-9)
        if steps <= _AXIS_STEPS + 1:
            return float(step * steps), steps
    raise AssertionError("unreachable: a tenfold step always fits")


def paint_bar_chart(painter: QPainter, area: QRectF, chart: Chart, text_px: float) -> None:
    """One grouped bar chart inside `area`: title, legend, axis with grid, bars, category labels."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(_font(text_px * 1.2, bold=True))
    painter.setPen(QColor("#202020"))
    title_h = text_px * 1.8
    painter.drawText(QRectF(area.left(), area.top(), area.width(), title_h), Qt.AlignmentFlag.AlignLeft, chart.title)
    legend_bottom = _paint_legend(painter, area, area.top() + title_h, chart, text_px)
    values = [v for s in chart.series for v in s.values]
    top, steps = axis_scale(max(values, default=0.0), whole=all(v == int(v) for v in values))
    axis_w = text_px * 4
    plot = QRectF(area.left() + axis_w, legend_bottom + text_px * 0.6, area.width() - axis_w, 0.0)
    plot.setBottom(area.bottom() - text_px * 2.2)
    _paint_axis(painter, plot, top, steps, chart.unit, text_px)
    _paint_bars(painter, plot, chart, top, text_px)
    painter.restore()


def _paint_legend(painter: QPainter, area: QRectF, y: float, chart: Chart, text_px: float) -> float:
    painter.setFont(_font(text_px))
    metrics = QFontMetricsF(painter.font())
    x = area.left()
    for index, series in enumerate(chart.series):
        width = text_px * 1.6 + metrics.horizontalAdvance(series.name)
        if x + width > area.right() and x > area.left():
            x, y = area.left(), y + text_px * 1.5
        painter.fillRect(QRectF(x, y + text_px * 0.2, text_px, text_px), QColor(PALETTE[index % len(PALETTE)]))
        painter.setPen(QColor("#202020"))
        painter.drawText(QPointF(x + text_px * 1.3, y + text_px), series.name)
        x += width + text_px
    return y + text_px * 1.5


def _paint_axis(painter: QPainter, plot: QRectF, top: float, steps: int, unit: str, text_px: float) -> None:
    painter.setFont(_font(text_px * 0.9))
    for step in range(steps + 1):
        value = top * step / steps
        y = plot.bottom() - plot.height() * step / steps
        painter.setPen(QPen(QColor("#d0d0d0") if step else QColor("#606060"), max(1.0, text_px / 14)))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor("#404040"))
        label = f"{value:g}{unit if step == steps and unit else ''}"
        painter.drawText(
            QRectF(plot.left() - text_px * 4, y - text_px * 0.7, text_px * 3.6, text_px * 1.4),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )


def _paint_bars(painter: QPainter, plot: QRectF, chart: Chart, top: float, text_px: float) -> None:
    count = max(1, len(chart.categories))
    group_w = plot.width() / count
    bar_w = group_w * 0.8 / max(1, len(chart.series))
    metrics = QFontMetricsF(_font(text_px * 0.8))
    for i, category in enumerate(chart.categories):
        left = plot.left() + group_w * i + group_w * 0.1
        for j, series in enumerate(chart.series):
            value = series.values[i]
            height = plot.height() * value / top
            bar = QRectF(left + bar_w * j, plot.bottom() - height, bar_w * 0.92, height)
            painter.fillRect(bar, QColor(PALETTE[j % len(PALETTE)]))
            label = f"{value:g}"
            if value and metrics.horizontalAdvance(label) <= bar_w * 1.1:
                painter.setFont(_font(text_px * 0.8))
                painter.setPen(QColor("#202020"))
                painter.drawText(
                    QRectF(bar.left() - bar_w, bar.top() - text_px * 1.1, bar_w * 3, text_px),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    label,
                )
        painter.setFont(_font(text_px * 0.85))
        painter.setPen(QColor("#303030"))
        cell = QRectF(plot.left() + group_w * i, plot.bottom() + text_px * 0.3, group_w, text_px * 1.8)
        text = QFontMetricsF(painter.font()).elidedText(category, Qt.TextElideMode.ElideRight, group_w - 2)
        painter.drawText(cell, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)


# --- the PDF ---------------------------------------------------------------------------------------

_TITLE = T("网点 KPI 报表", "Outlet KPI report")
_RANGE = T("{outlet} 网点，{first} 至 {last}，按{period}", "Outlet {outlet}, {first} to {last}, by {period}")
_PERIOD_NAMES = {
    "day": T("日", "day"),
    "week": T("周", "week"),
    "month": T("月", "month"),
}
_BY_NAMES = {
    "none": T("，不分组", ", all together"),
    "technician": T("，按工程师分组", ", per technician"),
    "service": T("，按服务类型分组", ", per service type"),
    "fault": T("，按故障类别分组", ", per fault category"),
}
_SUMMARY = T("全部数字", "All figures")
_PAGE = T("第 {n} 页", "Page {n}")


class _PdfPage:
    """A cursor down the pages of a QPdfWriter, starting a new page when the next block does not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, language: str) -> None:
        self.writer, self.painter, self.language = writer, painter, language
        self.px_per_mm = PDF_RESOLUTION / 25.4
        self.width = writer.width()
        self.height = writer.height()
        self.text_px = 3.2 * self.px_per_mm
        self.y = 0.0
        self.pages = 1
        self._footer()

    def need(self, height: float) -> None:
        if self.y + height > self.height - self.text_px * 2:
            self.writer.newPage()
            self.pages += 1
            self.y = 0.0
            self._footer()

    def _footer(self) -> None:
        self.painter.setFont(_font(self.text_px * 0.8))
        self.painter.setPen(QColor("#606060"))
        self.painter.drawText(
            QRectF(0, self.height - self.text_px * 1.2, self.width, self.text_px * 1.2),
            Qt.AlignmentFlag.AlignRight,
            _PAGE.get(self.language).format(n=self.pages),
        )

    def text(self, line: str, scale: float = 1.0, bold: bool = False) -> None:
        height = self.text_px * scale * 1.5
        self.need(height)
        self.painter.setFont(_font(self.text_px * scale, bold))
        self.painter.setPen(QColor("#202020"))
        self.painter.drawText(QRectF(0, self.y, self.width, height), Qt.AlignmentFlag.AlignLeft, line)
        self.y += height

    def chart(self, chart: Chart) -> None:
        height = 70 * self.px_per_mm
        self.need(height)
        paint_bar_chart(self.painter, QRectF(0, self.y, self.width, height), chart, self.text_px)
        self.y += height + self.text_px

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        row_h = self.text_px * 1.5
        widths = _column_widths(len(header), self.width)
        self.need(row_h * 2)
        self._row(header, widths, row_h, bold=True)
        for row in rows:
            if self.y + row_h > self.height - self.text_px * 2:
                self.need(row_h * 2)
                self._row(header, widths, row_h, bold=True)
            self._row(row, widths, row_h)
        self.y += self.text_px

    def _row(self, cells: Sequence[str], widths: Sequence[float], row_h: float, bold: bool = False) -> None:
        self.painter.setFont(_font(self.text_px * 0.85, bold))
        self.painter.setPen(QColor("#202020"))
        x = 0.0
        metrics = QFontMetricsF(self.painter.font())
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            align = Qt.AlignmentFlag.AlignLeft if index == 0 else Qt.AlignmentFlag.AlignRight
            shown = metrics.elidedText(cell, Qt.TextElideMode.ElideRight, width - self.text_px * 0.5)
            self.painter.drawText(
                QRectF(x, self.y, width - self.text_px * 0.5, row_h), align | Qt.AlignmentFlag.AlignVCenter, shown
            )
            x += width
        self.painter.setPen(QPen(QColor("#c8c8c8"), 1))
        self.painter.drawLine(QPointF(0, self.y + row_h), QPointF(self.width, self.y + row_h))
        self.y += row_h


def _column_widths(columns: int, total: float) -> list[float]:
    first = total * (0.34 if columns > 2 else 0.6)
    rest = (total - first) / max(1, columns - 1)
    return [first, *([rest] * (columns - 1))]


def _summary_rows(report: OutletReport, language: str) -> list[tuple[str, str]]:
    figures = report.overall.figures
    rows = []
    for key, label in FIGURE_LABELS.items():
        value = figures[key]
        if isinstance(value, float):
            shown = f"{value * 100:.1f} %"
        else:
            shown = "–" if value is None else str(value)
        rows.append((label.get(language), shown))
    return rows


def write_report_pdf(report: OutletReport, out_path: Path, language: str = "en") -> int:
    """The report as an A4 PDF in `language` (en or zh_CN), charts with their tables; returns pages."""
    register_bundled_fonts()
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(f".{out_path.name}.partial")  # a crash never leaves half a report
    pages = _write(report, partial, language)
    os.replace(partial, out_path)
    return pages


def _write(report: OutletReport, path: Path, language: str) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"{_TITLE.get('en')} {report.outlet} {report.first_day} {report.last_day}")
    writer.setCreator("Repair Counter")
    painter = QPainter(writer)
    try:
        page = _PdfPage(writer, painter, language)
        _paint_document(page, report, language)
        return page.pages
    finally:
        painter.end()


def _paint_document(page: _PdfPage, report: OutletReport, language: str) -> None:
    page.text(_TITLE.get(language), 1.8, bold=True)
    period = _PERIOD_NAMES[report.granularity.value].get(language)
    headline = _RANGE.get(language).format(
        outlet=report.outlet, first=report.first_day, last=report.last_day, period=period
    )
    page.text(headline + _BY_NAMES[report.by].get(language))
    page.text(report.generated_at, 0.8)
    page.y += page.text_px
    page.text(_SUMMARY.get(language), 1.2, bold=True)
    page.table(("", ""), _summary_rows(report, language))
    page.text(SATISFACTION_TEXT.get(language), 0.9)
    page.y += page.text_px
    for chart in charts(report, language):
        page.chart(chart)
        header, rows = chart.table()
        page.table(header, rows)
