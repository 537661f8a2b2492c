"""What each chart of a report shows, as plain data: the page and the PDF draw these, and print
the same numbers in a table under each chart (issue 16).

A chart is categories (periods, groups, priority levels...) by series (received,
closed...).  The chart's table is exactly its data, so what a person reads in
the table is what the bars show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.core.localized import LocalizedText as T
from app.core.privacy_catalogue import FAULTS
from app.reports.export import FIGURE_LABELS, REQUEST_LABELS, RESPONSE_LABELS
from app.reports.service import TOTAL_PERIOD, OutletReport, ReportRow
from app.tickets.service_types import SERVICE_LABELS, ServiceType

#: Data-subject request kinds as people read them.
REQUEST_KIND_LABELS: dict[str, T] = {
    "access": T("查阅", "access"),
    "rectification": T("更正", "rectification"),
    "erasure": T("删除", "erasure"),
    "restriction": T("限制处理", "restriction"),
    "objection": T("反对", "objection"),
    "withdrawal": T("撤回同意", "withdrawal"),
}


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """One bar chart: a title, the categories along the bottom, one bar per series in each."""

    key: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""

    def table(self) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
        """(header, rows): the figures behind the chart, one row per category."""
        header = ("", *(s.name for s in self.series))
        rows = [(category, *(_number(s.values[i]) for s in self.series)) for i, category in enumerate(self.categories)]
        return header, rows


def _number(value: float) -> str:
    return f"{value:.1f}" if value != int(value) else f"{int(value)}"


def _hours(minutes: Any) -> float:
    return round(minutes / 60, 1) if isinstance(minutes, int) else 0.0


def _group_label(group: str, by: str, language: str) -> str:
    if by == "service" and group in ServiceType.__members__.values():
        return SERVICE_LABELS[ServiceType(group)].get(language)
    if by == "fault" and group in FAULTS:
        return FAULTS[group].label.get(language)
    return group or T("（未填）", "(none)").get(language)


def _axis_rows(report: OutletReport) -> Sequence[ReportRow]:
    """Periods along the bottom when the report is not split; else the groups' totals."""
    if report.by == "none":
        by_period = {row.period: row for row in report.rows}
        return [by_period.get(p, ReportRow(p, "", _EMPTY)) for p in report.periods]
    return report.totals


_EMPTY: dict[str, Any] = {
    "received": 0,
    "closed": 0,
    "turnaround_median_minutes": None,
    "turnaround_p90_minutes": None,
}


def _axis_label(row: ReportRow, report: OutletReport, language: str) -> str:
    return row.period if report.by == "none" else _group_label(row.group, report.by, language)


def charts(report: OutletReport, language: str) -> list[Chart]:
    axis = _axis_rows(report)
    labels = tuple(_axis_label(row, report, language) for row in axis)
    figures = [row.figures for row in axis]

    def series(key: str, values: Sequence[float]) -> Series:
        return Series(FIGURE_LABELS[key].get(language), tuple(values))

    volume = Chart(
        "volume",
        T("接收与关闭的工单", "Tickets received and closed").get(language),
        labels,
        (series("received", [f["received"] for f in figures]), series("closed", [f["closed"] for f in figures])),
    )
    turnaround = Chart(
        "turnaround",
        T("周转时间（小时）", "Turnaround (hours)").get(language),
        labels,
        (
            Series(T("中位数", "median").get(language), tuple(_hours(f["turnaround_median_minutes"]) for f in figures)),
            Series(
                T("90 分位", "90th percentile").get(language),
                tuple(_hours(f["turnaround_p90_minutes"]) for f in figures),
            ),
        ),
        T("小时", "h").get(language),
    )
    return [
        volume,
        _response_chart(report, language),
        turnaround,
        _quality_chart(report, language),
        _requests_chart(report, language),
    ]


def _response_chart(report: OutletReport, language: str) -> Chart:
    levels = report.overall.figures["response_by_priority"]
    priorities = sorted(levels)
    return Chart(
        "response",
        T("按优先级的响应时限", "Response deadlines by priority").get(language),
        tuple(T("{p} 级", "P{p}").get(language).format(p=p) for p in priorities),
        tuple(
            Series(label.get(language), tuple(float(levels[p][key]) for p in priorities))
            for key, label in RESPONSE_LABELS.items()
        ),
    )


_QUALITY_FIGURES = (
    "first_time_fixes",
    "repeat_repairs_90_days",
    "battery_replacements_free",
    "battery_replacements_paid",
    "diagnostics_declined",
)


def _quality_chart(report: OutletReport, language: str) -> Chart:
    overall = report.overall.figures
    return Chart(
        "quality",
        T("修复质量、电池与检测", "Fix quality, batteries and diagnostics").get(language),
        tuple(FIGURE_LABELS[key].get(language) for key in _QUALITY_FIGURES),
        (Series(T("合计", "total").get(language), tuple(float(overall[key]) for key in _QUALITY_FIGURES)),),
    )


def _requests_chart(report: OutletReport, language: str) -> Chart:
    rows = [row for row in report.requests if row.period == TOTAL_PERIOD and row.group != "all"]
    return Chart(
        "requests",
        T("数据主体请求", "Data-subject requests").get(language),
        tuple(
            REQUEST_KIND_LABELS[row.group].get(language) if row.group in REQUEST_KIND_LABELS else row.group
            for row in rows
        ),
        tuple(
            Series(REQUEST_LABELS[key].get(language), tuple(float(row.figures[key]) for row in rows))
            for key in ("received", "answered_on_time", "open")
        ),
    )
