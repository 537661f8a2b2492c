"""The outlet's KPI report: who may see it, which aggregates it asks for, and how they become figures.

A report is built from the grouped counts and histograms of
`app.storage.report_queries` only; no query here returns a ticket, a customer or
an IMEI, so no report, chart or export can show one (issue 16).  Managers and
auditors may read reports (`Permission.READ_REPORTS`), checked here, not by
hiding the page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.accounts.session import Session
from app.clock import iso
from app.core.roles import Permission
from app.errors import UsageError
from app.reports.figures import RETURNED_STATUSES, RequestTally, ResponseTally, Tally
from app.reports.periods import Granularity, LabelledPeriod, split_periods
from app.storage import report_queries, staff_repository
from app.storage.report_queries import ClosureCount, GroupCount, IntakeCount, RequestCount
from app.tickets.outlet_clock import OutletClock

DIMENSIONS = ("none", "technician", "service", "fault")
ALL_GROUPS = "all"
TOTAL_PERIOD = "total"
SATISFACTION_NOTE = "No satisfaction scores are recorded at this counter yet; none are counted."


@dataclass(frozen=True)
class ReportRow:
    """The figures of one period (or the whole range) for one group."""

    period: str
    group: str
    figures: dict[str, Any]


@dataclass(frozen=True)
class Aggregates:
    """What the queries answered for one report: grouped counts and histograms only."""

    intake: Sequence[IntakeCount]
    closures: Sequence[ClosureCount]
    battery: Sequence[GroupCount]
    declined: Sequence[GroupCount]
    requests: Sequence[RequestCount]
    satisfaction_recorded: bool


@dataclass(frozen=True)
class OutletReport:
    outlet: str
    first_day: date
    last_day: date
    granularity: Granularity
    by: str
    generated_at: str
    periods: tuple[str, ...]
    rows: tuple[ReportRow, ...]
    totals: tuple[ReportRow, ...]
    overall: ReportRow
    requests: tuple[ReportRow, ...]
    satisfaction_recorded: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "from": self.first_day.isoformat(),
            "to": self.last_day.isoformat(),
            "period": self.granularity.value,
            "by": self.by,
            "generated_at": self.generated_at,
            "periods": list(self.periods),
            "rows": [_row_json(r) for r in self.rows],
            "totals": [_row_json(r) for r in self.totals],
            "overall": _row_json(self.overall),
            "data_subject_requests": [_row_json(r) for r in self.requests],
            "satisfaction": {"recorded": self.satisfaction_recorded, "scores": None, "note": SATISFACTION_NOTE},
        }


def _row_json(row: ReportRow) -> dict[str, Any]:
    return {"period": row.period, "group": row.group, **row.figures}


def check_dimension(by: str) -> str:
    if by not in DIMENSIONS:
        raise UsageError(f"Report by one of {', '.join(DIMENSIONS)}, not {by!r}.")
    return by


def outlet_report(
    session: Session,
    first_day: date,
    last_day: date,
    granularity: Granularity | str = Granularity.MONTH,
    by: str = "none",
    *,
    clock: OutletClock | None = None,
) -> OutletReport:
    """The outlet's figures from `first_day` to `last_day` (both included, the outlet's local dates)."""
    session.require(Permission.READ_REPORTS)
    by, granularity = check_dimension(by), Granularity(granularity)
    outlet = staff_repository.outlet(session.store)
    if outlet is None:
        raise UsageError("This store has no outlet yet.")
    clock = clock or OutletClock.for_region(outlet.region)
    periods = split_periods(first_day, last_day, granularity, clock.zone)
    now = iso(session.store.clock())
    aggregates = read_aggregates(session, periods, by, now)
    return assemble(outlet.code, periods, granularity, by, now, aggregates)


def read_aggregates(session: Session, periods: Sequence[LabelledPeriod], by: str, now: str) -> Aggregates:
    store, bounds = session.store, [p.bounds for p in periods]
    return Aggregates(
        intake=report_queries.intake_counts(store, bounds, by, now),
        closures=report_queries.closure_counts(store, bounds, by),
        battery=report_queries.battery_advice_counts(store, bounds, by),
        declined=report_queries.declined_diagnostics(store, bounds, by),
        requests=report_queries.privacy_request_counts(store, bounds),
        satisfaction_recorded=report_queries.has_satisfaction_scores(store),
    )


def assemble(
    outlet: str,
    periods: Sequence[LabelledPeriod],
    granularity: Granularity,
    by: str,
    generated_at: str,
    aggregates: Aggregates,
) -> OutletReport:
    """Turn one report's aggregates into its rows, per-group totals and overall total."""
    tallies = _tallies(aggregates)
    labels = [p.label for p in periods]
    rows = tuple(ReportRow(labels[idx], group, tallies[idx, group].figures()) for idx, group in sorted(tallies))
    totals = _group_totals(tallies)
    overall = Tally()
    for tally in totals.values():
        overall.add(tally)
    return OutletReport(
        outlet=outlet,
        first_day=periods[0].first_day,
        last_day=periods[-1].last_day,
        granularity=granularity,
        by=by,
        generated_at=generated_at,
        periods=tuple(labels),
        rows=rows,
        totals=tuple(ReportRow(TOTAL_PERIOD, g, t.figures()) for g, t in sorted(totals.items())),
        overall=ReportRow(TOTAL_PERIOD, ALL_GROUPS, overall.figures()),
        requests=_request_rows(aggregates.requests, labels),
        satisfaction_recorded=aggregates.satisfaction_recorded,
    )


def _tallies(aggregates: Aggregates) -> dict[tuple[int, str], Tally]:
    tallies: dict[tuple[int, str], Tally] = {}

    def tally(idx: int, group: str) -> Tally:
        return tallies.setdefault((idx, group), Tally())

    for i in aggregates.intake:
        t = tally(i.period, i.group)
        t.received += i.received
        t.repeats += i.repeats
        t.responses.setdefault(i.priority, ResponseTally()).add(
            ResponseTally(i.response_met, i.response_missed, i.response_pending, i.no_deadline)
        )
    for c in aggregates.closures:
        t = tally(c.period, c.group)
        t.closed += c.closed
        t.closed_by_status[c.status] += c.closed
        t.first_time_fixes += c.first_time_fixes
        t.collected += c.closed if c.status == "collected" else 0
        if c.status in RETURNED_STATUSES:
            t.turnaround_minutes[c.minutes] += c.closed
    for b in aggregates.battery:
        t = tally(b.period, b.group)
        if b.kind == "free_replacement":
            t.battery_free += b.count
        else:
            t.battery_paid += b.count
    for d in aggregates.declined:
        tally(d.period, d.group).diagnostics_declined += d.count
    return tallies


def _group_totals(tallies: dict[tuple[int, str], Tally]) -> dict[str, Tally]:
    totals: dict[str, Tally] = {}
    for (_, group), tally in tallies.items():
        totals.setdefault(group, Tally()).add(tally)
    return totals


def _request_rows(counts: Iterable[RequestCount], labels: Sequence[str]) -> tuple[ReportRow, ...]:
    tallies: dict[tuple[str, str], RequestTally] = {}
    for c in counts:
        for key in ((labels[c.period], c.kind), (TOTAL_PERIOD, c.kind), (TOTAL_PERIOD, ALL_GROUPS)):
            tally = tallies.setdefault(key, RequestTally())
            histogram = Counter({c.minutes: c.count}) if c.minutes is not None else Counter[int]()
            tally.add(RequestTally(c.count, c.answered, c.on_time, histogram))
    order = {label: n for n, label in enumerate([*labels, TOTAL_PERIOD])}
    ordered = sorted(tallies, key=lambda key: (order[key[0]], key[1] == ALL_GROUPS, key[1]))
    return tuple(ReportRow(period, kind, tallies[period, kind].figures()) for period, kind in ordered)
