"""The region's reports (issue 16): the outlets' ticket figures from the operations they synced.

Like the counter's `app/storage/report_queries.py`, every query answers with grouped
counts and histograms only, per outlet, period and group (service type or fault
category); no ticket, IMEI or customer value leaves the database.  The facts come
from the ticket operations each outlet pushed: `create` / `seed` carry the
priority, service type, fault category, response deadline and (possibly keyed)
IMEI; `move` carries `from` and `to`; each operation's `created_at` is when the
counter made it.  An erased ticket's operations have an empty payload: it still
counts as received, in no group.

The SQL is written once; the few spellings that differ between SQLite and
PostgreSQL (reading a JSON field, moving a moment by days, minutes between two
moments) come from the store's dialect.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.upstream.storage.store import UpstreamStore

GROUPS = ("none", "service", "fault")
CLOSED = "'collected', 'cancelled', 'returned_unrepaired'"
CREATES = "'create', 'seed'"
#: Tickets travel as `upsert` operations; what the counter did is the payload's `local_action`.
UPSERT = "'upsert'"
MAX_PERIODS = 400
Row = tuple[Any, ...]


def _periods_cte(periods: Sequence[tuple[str, str]]) -> tuple[str, list[Any]]:
    if not 0 < len(periods) <= MAX_PERIODS:
        raise ValueError(f"a report covers 1 to {MAX_PERIODS} periods, got {len(periods)}")
    params: list[Any] = []
    for index, (start, end) in enumerate(periods):
        params += [index, start, end]
    rows = ", ".join("(?, ?, ?)" for _ in periods)
    return f"period (idx, start_at, end_at) AS (VALUES {rows})", params


def _local(store: UpstreamStore, alias: str) -> str:
    return store.json_text(f"{alias}.payload", "local_action")


def _group(store: UpstreamStore, by: str, alias: str) -> str:
    if by not in GROUPS:
        raise ValueError(f"region reports group by one of {', '.join(GROUPS)}, got {by!r}")
    if by == "none":
        return "''"
    key = "service_type" if by == "service" else "fault_category"
    return f"coalesce({store.json_text(f'{alias}.payload', key)}, '')"


def intake_rows(store: UpstreamStore, periods: Sequence[tuple[str, str]], by: str, now: str) -> list[Row]:
    """(outlet, period, group, priority, received, met, missed, pending, no deadline, repeats)."""
    cte, params = _periods_cte(periods)
    due, imei = store.json_text("c.payload", "due_at"), store.json_text("c.payload", "imei")
    earlier_imei = store.json_text("r.payload", "imei")
    sql = f"""
        WITH {cte},
        intake AS (
            SELECT c.outlet AS outlet, p.idx AS idx, {_group(store, by, "c")} AS grp,
                CAST(coalesce({store.json_text("c.payload", "priority")}, '0') AS INTEGER) AS priority,
                {due} AS due_at,
                (SELECT min(m.created_at) FROM operations m WHERE m.outlet = c.outlet
                  AND m.entity = 'ticket' AND m.entity_id = c.entity_id AND m.action = {UPSERT}
                  AND {_local(store, "m")} = 'move') AS responded_at,
                CASE WHEN {imei} IS NOT NULL AND EXISTS (SELECT 1 FROM operations r
                  WHERE r.outlet = c.outlet AND r.entity = 'ticket' AND r.action = {UPSERT}
                  AND {_local(store, "r")} IN ({CREATES})
                  AND {earlier_imei} = {imei} AND r.created_at < c.created_at
                  AND r.created_at >= {store.shifted("c.created_at", -90)}) THEN 1 ELSE 0 END AS repeat_visit
            FROM period p JOIN operations c ON c.created_at >= p.start_at AND c.created_at < p.end_at
            WHERE c.entity = 'ticket' AND c.action = {UPSERT} AND {_local(store, "c")} IN ({CREATES}))
        SELECT outlet, idx, grp, priority, count(*),
            sum(CASE WHEN due_at IS NOT NULL AND responded_at IS NOT NULL AND responded_at <= due_at
                THEN 1 ELSE 0 END),
            sum(CASE WHEN due_at IS NOT NULL AND coalesce(responded_at, ?) > due_at THEN 1 ELSE 0 END),
            sum(CASE WHEN due_at IS NOT NULL AND responded_at IS NULL AND ? <= due_at THEN 1 ELSE 0 END),
            sum(CASE WHEN due_at IS NULL THEN 1 ELSE 0 END),
            sum(repeat_visit)
        FROM intake GROUP BY outlet, idx, grp, priority"""
    return store.aggregate(sql, [*params, now, now])


def closure_rows(store: UpstreamStore, periods: Sequence[tuple[str, str]], by: str) -> list[Row]:
    """(outlet, period, group, status, turnaround minutes, closed, first-time fixes)."""
    cte, params = _periods_cte(periods)
    to_status, imei = store.json_text("e.payload", "to"), store.json_text("c.payload", "imei")
    sql = f"""
        WITH {cte},
        closed AS (
            SELECT e.outlet AS outlet, p.idx AS idx, {_group(store, by, "c")} AS grp, {to_status} AS status,
                {store.minutes_between("c.created_at", "e.created_at")} AS minutes,
                CASE WHEN {to_status} = 'collected'
                  AND NOT EXISTS (SELECT 1 FROM operations q WHERE q.outlet = e.outlet AND q.entity = 'ticket'
                      AND q.entity_id = e.entity_id AND q.action = {UPSERT} AND {_local(store, "q")} = 'move'
                      AND {store.json_text("q.payload", "from")} = 'quality_check'
                      AND {store.json_text("q.payload", "to")} = 'repairing')
                  AND NOT ({imei} IS NOT NULL AND EXISTS (SELECT 1 FROM operations r WHERE r.outlet = e.outlet
                      AND r.entity = 'ticket' AND r.action = {UPSERT} AND {_local(store, "r")} IN ({CREATES})
                      AND {store.json_text("r.payload", "imei")} = {imei}
                      AND r.created_at > c.created_at AND r.created_at <= {store.shifted("c.created_at", 90)}))
                THEN 1 ELSE 0 END AS first_fix
            FROM period p
            JOIN operations e ON e.created_at >= p.start_at AND e.created_at < p.end_at
            JOIN operations c ON c.outlet = e.outlet AND c.entity = 'ticket' AND c.entity_id = e.entity_id
                AND c.action = {UPSERT} AND {_local(store, "c")} IN ({CREATES})
            WHERE e.entity = 'ticket' AND e.action = {UPSERT} AND {_local(store, "e")} = 'move'
                AND {to_status} IN ({CLOSED}))
        SELECT outlet, idx, grp, status, minutes, count(*), sum(first_fix)
        FROM closed GROUP BY outlet, idx, grp, status, minutes"""
    return store.aggregate(sql, params)
