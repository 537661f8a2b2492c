"""A report as JSON and CSV, and the labels of its figures in both languages.

The CSV is long ("tidy"): one line per figure, `table,period,group,figure,value`,
so the figures table, the per-group totals and the data-subject requests share
one header and a spreadsheet pivots them any way.  Nested figures are flattened
with dots (`response_by_priority.2.met`).  A report holds aggregates only, so
neither form can carry a customer's value (issue 16).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from app.core.localized import LocalizedText as T
from app.reports.service import OutletReport, ReportRow

CSV_HEADER = ("table", "period", "group", "figure", "value")

#: What each (flattened) figure is called on screen and in the PDF.
FIGURE_LABELS: Mapping[str, T] = {
    "received": T("接收工单", "Tickets received"),
    "closed": T("关闭工单", "Tickets closed"),
    "turnaround_median_minutes": T("周转时间中位数（分钟）", "Turnaround, median (min)"),
    "turnaround_p90_minutes": T("周转时间 90 分位（分钟）", "Turnaround, 90th percentile (min)"),
    "response_met_rate": T("响应达标率", "Response deadlines met"),
    "collected": T("已取机", "Collected"),
    "first_time_fixes": T("一次修复", "Fixed first time"),
    "first_time_fix_rate": T("一次修复率", "First-time fix rate"),
    "repeat_repairs_90_days": T("90 天内返修", "Repeat repairs within 90 days"),
    "battery_replacements_free": T("免费换电池（80% 规则）", "Free battery replacements (80 % rule)"),
    "battery_replacements_paid": T("付费换电池（80% 规则）", "Paid battery replacements (80 % rule)"),
    "diagnostics_declined": T("拒绝检测", "Diagnostics declined"),
}
PRIORITY_LABEL = T("{p} 级响应", "Priority {p} response")
RESPONSE_LABELS: Mapping[str, T] = {
    "met": T("达标", "met"),
    "missed": T("超时", "missed"),
    "pending": T("未到期", "pending"),
}
REQUEST_LABELS: Mapping[str, T] = {
    "received": T("收到请求", "Requests received"),
    "answered": T("已答复", "Answered"),
    "answered_on_time": T("按时答复", "Answered on time"),
    "open": T("未结", "Open"),
    "answer_median_minutes": T("答复时间中位数（分钟）", "Answer time, median (min)"),
    "answer_p90_minutes": T("答复时间 90 分位（分钟）", "Answer time, 90th percentile (min)"),
}
SATISFACTION_TEXT = T(
    "本网点尚未记录满意度评分，报表不计入任何评分。",
    "No satisfaction scores are recorded at this counter yet; none are counted.",
)


def flatten(figures: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """`{"a": {"b": 1}}` as `("a.b", 1)` pairs, in the figures' own order."""
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from flatten(value, f"{name}.")
        else:
            yield name, value


def report_json(report: OutletReport) -> str:
    return json.dumps(report.as_json(), ensure_ascii=False, indent=2, allow_nan=False)


def _csv_value(value: Any) -> str:
    return "" if value is None else str(value)


def _lines(table: str, rows: tuple[ReportRow, ...]) -> Iterator[tuple[str, ...]]:
    for row in rows:
        for name, value in flatten(row.figures):
            yield table, row.period, row.group, name, _csv_value(value)


def report_csv(report: OutletReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(_lines("figures", report.rows))
    writer.writerows(_lines("totals", (*report.totals, report.overall)))
    writer.writerows(_lines("data_subject_requests", report.requests))
    writer.writerow(("satisfaction", "total", "all", "recorded", str(report.satisfaction_recorded).lower()))
    return out.getvalue()
