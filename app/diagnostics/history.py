"""A phone seen again: its earlier diagnostic runs, battery health and cycles over time, within retention.

Runs are matched by IMEI (read from each run's stored identity result, which is
where the IMEI lives, encrypted).  Only runs whose service record is still
within the `service_records` retention period count: a run past it is about to
be anonymised and must not come back through the history.  What each entry
keeps is the conclusion (battery health and cycles with their sources, which
functions were found faulty), not the raw readings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.accounts.session import Session
from app.clock import iso
from app.core.retention import DEFAULT_POLICY, RetentionPolicy, expires_at, is_expired
from app.core.roles import Permission
from app.storage import diagnostics_repository as repo

#: Most runs one history shows (a phone at the counter every week for years is still a short list).
MAX_ENTRIES = 200


@dataclass(frozen=True)
class HistoryEntry:
    run_id: str
    started_at: str
    ticket_number: str | None
    status: str
    health_percent: float | None
    cycle_count: int | None
    battery_advice: str | None
    #: Functions whose verdict was a fault in that run.
    faults: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "started_at": self.started_at,
            "ticket": self.ticket_number,
            "status": self.status,
            "health_percent": self.health_percent,
            "cycle_count": self.cycle_count,
            "battery_advice": self.battery_advice,
            "faults": list(self.faults),
        }


def phone_history(
    session: Session,
    imei: str,
    *,
    now: datetime | None = None,
    policy: RetentionPolicy = DEFAULT_POLICY,
    exclude_run: str | None = None,
) -> list[HistoryEntry]:
    """Earlier runs on the phone with this IMEI, oldest first, within retention."""
    session.require(Permission.RUN_DIAGNOSTICS)
    moment = now or session.store.clock()
    rule = policy.rule("service_records")
    assert rule.period is not None
    # A generous SQL bound (a period is at most this long); the exact retention check is below.
    period = rule.period
    since = moment - timedelta(days=366 * period.years + 31 * period.months + period.days + 1)
    identities = repo.results_of_function_since(session.store, "identity", iso(since), limit=5_000)
    entries = []
    for found in identities:
        if found.run_id == exclude_run or imei not in (found.data.get("imei") or []):
            continue
        if is_expired(expires_at(rule, last_contact=datetime.fromisoformat(found.started_at)), moment):
            continue
        entries.append(_entry(session, found))
        if len(entries) >= MAX_ENTRIES:
            break
    return sorted(entries, key=lambda entry: entry.started_at)


def _entry(session: Session, found: repo.FunctionResultOfRun) -> HistoryEntry:
    store = session.store
    battery = repo.battery_for_run(store, found.run_id)
    battery_data = repo.result_of_run(store, found.run_id, "battery") or {}
    faults = tuple(
        row.function
        for row in repo.results_for_run(store, found.run_id)
        if (row.data.get("verdict") or {}).get("status") == "fault"
    )
    cycles = battery_data.get("cycle_count")
    return HistoryEntry(
        found.run_id,
        found.started_at,
        found.ticket_number,
        found.status,
        battery.health_percent if battery else None,
        cycles if isinstance(cycles, int) else None,
        battery.advice if battery else None,
        faults,
    )
