"""The region's view (issue 16): the same ticket figures as the outlet report, per outlet, from what
the outlets synced, for the region's operator (`GET /v1/reports/outlets`, operator token).

The figures are assembled by the outlet report's own code (`app.reports.service.assemble`)
from the upstream's aggregate rows, so an outlet's numbers read the same at the counter
and in the region.  Some figures never reach the upstream: technicians (staff stay at
the counter), battery verdicts, declined diagnostics, data-subject requests and
satisfaction scores; the answer names them in `not_synced` instead of showing zeros.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import UsageError
from app.reports.periods import Granularity, split_periods
from app.reports.service import Aggregates, assemble
from app.storage.report_queries import ClosureCount, IntakeCount
from app.upstream.enrolment import secret_hash, utc_now
from app.upstream.storage import UpstreamStore
from app.upstream.storage.report_queries import GROUPS, closure_rows, intake_rows

NOT_SYNCED = (
    "technician",
    "battery_replacements",
    "diagnostics_declined",
    "data_subject_requests",
    "satisfaction",
)


@dataclass(frozen=True)
class RegionQuery:
    first_day: date
    last_day: date
    granularity: Granularity
    by: str
    zone: ZoneInfo


def region_query(first: str, last: str, period: str, by: str, zone: str) -> RegionQuery:
    """The operator's query, checked; UsageError names what is wrong."""
    try:
        first_day, last_day = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        raise UsageError("Dates look like 2026-11-30.") from None
    if by not in GROUPS:
        raise UsageError(f"Region reports split by one of {', '.join(GROUPS)}.")
    try:
        granularity = Granularity(period)
    except ValueError:
        raise UsageError("The period is day, week or month.") from None
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"{zone!r} is not a time zone name like Asia/Shanghai.") from None
    return RegionQuery(first_day, last_day, granularity, by, tz)


def issue_operator_token(store: UpstreamStore) -> str:
    """A new bearer token for the region's operator; only its hash is kept."""
    token = secrets.token_urlsafe(32)
    store.add_operator_token(secret_hash(token), utc_now().isoformat())
    return token


def region_report(store: UpstreamStore, query: RegionQuery) -> dict[str, Any]:
    periods = split_periods(query.first_day, query.last_day, query.granularity, query.zone)
    bounds = [(_wire_form(p.bounds.start_at), _wire_form(p.bounds.end_at)) for p in periods]
    now = utc_now().isoformat(timespec="milliseconds")
    intake: dict[str, list[IntakeCount]] = defaultdict(list)
    for outlet, *counts in intake_rows(store, bounds, query.by, now):
        intake[outlet].append(IntakeCount(*(_int_or_text(v) for v in counts)))
    closures: dict[str, list[ClosureCount]] = defaultdict(list)
    for outlet, *counts in closure_rows(store, bounds, query.by):
        closures[outlet].append(ClosureCount(*(_int_or_text(v) for v in counts)))
    outlets = []
    for outlet in sorted({*intake, *closures}):
        aggregates = Aggregates(intake[outlet], closures[outlet], (), (), (), satisfaction_recorded=False)
        report = assemble(outlet, periods, query.granularity, query.by, now, aggregates).as_json()
        for unsynced in ("data_subject_requests", "satisfaction"):
            report.pop(unsynced)
        outlets.append(report)
    return {
        "from": query.first_day.isoformat(),
        "to": query.last_day.isoformat(),
        "period": query.granularity.value,
        "by": query.by,
        "zone": query.zone.key,
        "generated_at": now,
        "outlets": outlets,
        "not_synced": list(NOT_SYNCED),
    }


def _wire_form(moment: str) -> str:
    """A period bound as operations store their times (`isoformat()`: no fraction when whole), so
    a moment exactly at midnight compares equal to its day's start, not before it."""
    return moment.replace(".000+", "+")


def _int_or_text(value: Any) -> Any:
    """Counts come back as int (SQLite) or Decimal/int (PostgreSQL sums); NULL sums are 0."""
    if value is None:
        return 0
    if isinstance(value, str):
        return value
    return int(value)
