"""Reporting periods (days, ISO weeks, months) in the outlet's own zone, as UTC boundaries.

A "day" at a Shanghai counter starts at 00:00 Shanghai time, 16:00 UTC the day
before; the store keeps UTC, so each period's local midnights are turned into
UTC text here (zoneinfo handles daylight saving for EU outlets) and the
queries compare against those.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.clock import iso
from app.errors import UsageError
from app.storage.report_queries import MAX_PERIODS, Period


class Granularity(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class LabelledPeriod:
    """A period's label as people read it (2026-11-23, 2026-W48, 2026-11) and its UTC boundaries."""

    label: str
    first_day: date
    last_day: date
    bounds: Period


def _next_start(day: date, granularity: Granularity) -> date:
    if granularity is Granularity.DAY:
        return day + timedelta(days=1)
    if granularity is Granularity.WEEK:
        return day + timedelta(days=7 - day.weekday())
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _label(day: date, granularity: Granularity) -> str:
    if granularity is Granularity.DAY:
        return day.isoformat()
    if granularity is Granularity.WEEK:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day:%Y-%m}"


def _utc_midnight(day: date, zone: ZoneInfo) -> str:
    return iso(datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC))


def split_periods(first_day: date, last_day: date, granularity: Granularity, zone: ZoneInfo) -> list[LabelledPeriod]:
    """The periods covering `first_day` to `last_day` (both included), the first and last clipped to the range."""
    if last_day < first_day:
        raise UsageError(f"The report ends ({last_day}) before it starts ({first_day}).")
    periods: list[LabelledPeriod] = []
    start = first_day
    while start <= last_day:
        end = min(_next_start(start, granularity), last_day + timedelta(days=1))
        bounds = Period(_utc_midnight(start, zone), _utc_midnight(end, zone))
        periods.append(LabelledPeriod(_label(start, granularity), start, end - timedelta(days=1), bounds))
        if len(periods) > MAX_PERIODS:
            raise UsageError(f"A report shows at most {MAX_PERIODS} periods; choose weeks or months for long ranges.")
        start = end
    return periods


def parse_day(text: str) -> date:
    """A report date as typed (2026-11-23); UsageError otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{text!r} is not a date like 2026-11-23.") from None
