"""The outlet reports' aggregate queries (issue 16): counts and histograms, never a person's row.

Every query here answers with grouped numbers only: a period index, a group key
(an engineer ID, a service type or a fault category, never a customer value),
and counts.  Turnaround and answer times come back as histograms (minutes ->
how many), so the reports service can take medians and percentiles without ever
holding one ticket.  The periods are handed in as UTC boundaries the service
computed in the outlet's own zone; they become a small `VALUES` table the
queries join on, so each period is one range of the `created_at` / `at` indexes.

The ticket's moments are integer milliseconds (app/storage/stored_time.py), the
other tables' UTC ISO 8601 text with milliseconds (`app.clock.iso`): either way
their order is time order, and each period carries its boundaries in both forms.
The per-ticket facts a report needs (first response, closing, failed quality check,
repeat visits) are kept on the ticket row as they happen
(app/storage/schema_reports.py), so a report reads one index range of tickets and
never probes another table per ticket.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.storage.store import Store
from app.storage.stored_time import time_ms

#: Group-key expressions per report dimension (a closed list: nothing a caller types reaches the SQL).
GROUP_KEYS = {
    "none": "''",
    "technician": "coalesce(t.created_by, '')",
    "service": "coalesce(t.service_type, '')",
    "fault": "coalesce(t.fault_category, '')",
}
#: Most periods one query takes (366 days, or ten years of months).
MAX_PERIODS = 400


@dataclass(frozen=True)
class Period:
    """One reporting period as UTC text boundaries, start included, end excluded."""

    start_at: str
    end_at: str


@dataclass(frozen=True)
class IntakeCount:
    """Tickets received in one period, group and priority, and how their first response went."""

    period: int
    group: str
    priority: int
    received: int
    response_met: int
    response_missed: int
    response_pending: int
    no_deadline: int
    repeats: int


@dataclass(frozen=True)
class ClosureCount:
    """Tickets closed in one period and group with one status and one turnaround (minutes)."""

    period: int
    group: str
    status: str
    minutes: int
    closed: int
    first_time_fixes: int


@dataclass(frozen=True)
class GroupCount:
    """A plain count per period, group and kind (battery advice, request kind...)."""

    period: int
    group: str
    kind: str
    count: int


@dataclass(frozen=True)
class RequestCount:
    """Data-subject requests received in one period, of one kind, with one answer time."""

    period: int
    kind: str
    answered: int
    on_time: int
    minutes: int | None
    count: int


def _periods_cte(periods: Sequence[Period]) -> tuple[str, list[str | int]]:
    """The periods as a table: boundaries as text for the tables that keep text, and as milliseconds
    (`start_ms`, `end_ms`) for the ticket's moments (app/storage/stored_time.py)."""
    if not 0 < len(periods) <= MAX_PERIODS:
        raise ValueError(f"a report covers 1 to {MAX_PERIODS} periods, got {len(periods)}")
    rows = ", ".join("(?, ?, ?, ?, ?)" for _ in periods)
    params: list[str | int] = []
    for index, period in enumerate(periods):
        params += [index, period.start_at, period.end_at, time_ms(period.start_at), time_ms(period.end_at)]
    return f"period (idx, start_at, end_at, start_ms, end_ms) AS (VALUES {rows})", params


def _group_key(by: str) -> str:
    if by not in GROUP_KEYS:
        raise ValueError(f"report dimension must be one of {', '.join(GROUP_KEYS)}, got {by!r}")
    return GROUP_KEYS[by]


def intake_counts(store: Store, periods: Sequence[Period], by: str, now: str) -> list[IntakeCount]:
    """Per period, group and priority: received, first response met / missed / pending, repeats.

    The first response is the ticket's first move out of `received` (`ticket.responded_at`,
    kept by every move; docs in schema_reports); it meets the deadline
    the intake stored (`due_at`, counted in business hours by app.core.deadlines) when it
    comes at or before it.  A ticket with no move yet is missed once `now` is past its
    deadline and pending before.  A repeat is a ticket whose IMEI had another ticket
    opened in the 90 days before it (`ticket.repeat_visit`).
    """
    cte, params = _periods_cte(periods)
    sql = f"""
        WITH {cte},
        intake AS MATERIALIZED (
            SELECT p.idx AS idx, {_group_key(by)} AS grp, t.priority AS priority, t.due_at AS due_at,
                t.responded_at AS responded_at,
                t.repeat_visit AS repeat
            FROM period p JOIN ticket t ON t.created_at >= p.start_ms AND t.created_at < p.end_ms)
        SELECT idx, grp, priority, count(*),
            coalesce(sum(due_at IS NOT NULL AND responded_at IS NOT NULL AND responded_at <= due_at), 0),
            coalesce(sum(due_at IS NOT NULL AND coalesce(responded_at, time_ms(?)) > due_at), 0),
            coalesce(sum(due_at IS NOT NULL AND responded_at IS NULL AND time_ms(?) <= due_at), 0),
            coalesce(sum(due_at IS NULL), 0),
            coalesce(sum(repeat), 0)
        FROM intake GROUP BY idx, grp, priority"""
    rows = store.query(sql, [*params, now, now])
    return [IntakeCount(*row) for row in rows]


def closure_counts(store: Store, periods: Sequence[Period], by: str) -> list[ClosureCount]:
    """Per period, group, closing status and turnaround minute: tickets closed and first-time fixes.

    Turnaround runs from intake to the move that closed the ticket (`ticket.closed_at`), in
    calendar minutes.
    A first-time fix is a collected ticket that never failed its quality check (no move
    from `quality_check` back to `repairing`) and whose IMEI came back with no new ticket
    in the 90 days after it was opened (`ticket.qc_failed`, `ticket.came_back`).
    """
    cte, params = _periods_cte(periods)
    sql = f"""
        WITH {cte},
        closed AS MATERIALIZED (
            SELECT p.idx AS idx, {_group_key(by)} AS grp, t.status AS status,
                CAST(round((t.closed_at - t.created_at) / 60000.0) AS INTEGER) AS minutes,
                (t.status = 'collected' AND NOT t.qc_failed AND NOT t.came_back) AS first_fix
            FROM period p
            JOIN ticket t ON t.closed_at >= p.start_ms AND t.closed_at < p.end_ms AND t.closed_at IS NOT NULL)
        SELECT idx, grp, status, minutes, count(*), coalesce(sum(first_fix), 0)
        FROM closed GROUP BY idx, grp, status, minutes"""
    return [ClosureCount(*row) for row in store.query(sql, params)]


def battery_advice_counts(store: Store, periods: Sequence[Period], by: str) -> list[GroupCount]:
    """Battery verdicts that called for a replacement (free or paid, the 80 % rule), per period and group."""
    cte, params = _periods_cte(periods)
    sql = f"""
        WITH {cte}
        SELECT p.idx, {_group_key(by)}, b.advice, count(*)
        FROM period p
        JOIN diag_battery b ON b.decided_at >= p.start_at AND b.decided_at < p.end_at
        JOIN diag_run d ON d.id = b.run_id
        LEFT JOIN ticket t ON t.number = d.ticket_number
        WHERE b.advice IN ('free_replacement', 'paid_replacement')
        GROUP BY 1, 2, 3"""
    return [GroupCount(*row) for row in store.query(sql, params)]


def declined_diagnostics(store: Store, periods: Sequence[Period], by: str) -> list[GroupCount]:
    """Diagnostic runs the customer declined (consent or the tool update refused), per period and group."""
    cte, params = _periods_cte(periods)
    sql = f"""
        WITH {cte}
        SELECT p.idx, {_group_key(by)}, d.status, count(*)
        FROM period p
        JOIN diag_run d ON d.started_at >= p.start_at AND d.started_at < p.end_at
        LEFT JOIN ticket t ON t.number = d.ticket_number
        WHERE d.status = 'declined'
        GROUP BY 1, 2, 3"""
    return [GroupCount(*row) for row in store.query(sql, params)]


def privacy_request_counts(store: Store, periods: Sequence[Period]) -> list[RequestCount]:
    """Data-subject requests received per period and kind, with answer-time histograms (minutes).

    Answered means closed as done or refused; on time means closed by its due date.
    Requests belong to the outlet, not to a technician or a ticket, so they have no group.
    """
    cte, params = _periods_cte(periods)
    sql = f"""
        WITH {cte}
        SELECT p.idx, r.kind, coalesce(sum(r.closed_at IS NOT NULL), 0),
            coalesce(sum(r.closed_at IS NOT NULL AND r.closed_at <= r.due_at), 0),
            CAST(round((julianday(r.closed_at) - julianday(r.received_at)) * 1440) AS INTEGER) AS minutes,
            count(*)
        FROM period p
        JOIN privacy_request r ON r.received_at >= p.start_at AND r.received_at < p.end_at
        GROUP BY 1, 2, 5"""
    return [RequestCount(*row) for row in store.query(sql, params)]


def has_satisfaction_scores(store: Store) -> bool:
    """Whether this store records satisfaction scores at all (no schema has such a table yet)."""
    row = store.query_one("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'satisfaction_score'")
    return bool(row and row[0])


def bare_monthly_aggregate(store: Store, start_at: str, end_at: str) -> int:
    """The plainest aggregate over one period (tickets received), the benchmark's baseline."""
    row = store.query_one(
        "SELECT count(*) FROM ticket WHERE created_at >= time_ms(?) AND created_at < time_ms(?)", (start_at, end_at)
    )
    return int(row[0]) if row else 0
