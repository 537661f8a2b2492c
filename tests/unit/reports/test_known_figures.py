"""Every report figure against the hand-built week of known_tickets.py, computed by hand there."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied
from app.reports.service import outlet_report
from app.storage.schema_tickets import CLOSED_STATUSES_SQL
from tests.unit.reports import known_tickets as week


@pytest.fixture
def built(manager, clock):
    week.build(manager, clock)
    return manager


def _report(session, granularity="week", by="none"):
    return outlet_report(session, week.FIRST_DAY, week.LAST_DAY, granularity, by, clock=week.OUTLET_CLOCK)


def test_the_week_as_a_whole(built) -> None:
    overall = _report(built).overall.figures
    assert overall["received"] == 7
    assert overall["closed"] == 5
    assert overall["closed_by_status"] == {"cancelled": 1, "collected": 3, "returned_unrepaired": 1}
    # Turnarounds of phones handed back: 120, 360, 2,760, 5,700 minutes (the cancelled T5 is not one).
    assert overall["turnaround_median_minutes"] == 360
    assert overall["turnaround_p90_minutes"] == 5700
    assert overall["collected"] == 3
    assert overall["first_time_fixes"] == 1  # T7 only: T1's phone came back (T3), T2 failed its quality check
    assert overall["first_time_fix_rate"] == pytest.approx(1 / 3, abs=1e-4)
    assert overall["repeat_repairs_90_days"] == 1
    assert overall["battery_replacements_free"] == 1
    assert overall["battery_replacements_paid"] == 1
    assert overall["diagnostics_declined"] == 1


def test_response_deadlines_per_priority_across_the_holiday(built) -> None:
    responses = _report(built).overall.figures["response_by_priority"]
    # P2: T1 answered Wed 09:30 meets its Wed 10:00 deadline only because Tuesday was a holiday.
    assert responses["2"] == {"met": 2, "missed": 0, "pending": 0, "no_deadline": 0, "met_rate": 1.0}
    assert responses["1"] == {"met": 0, "missed": 2, "pending": 0, "no_deadline": 0, "met_rate": 0.0}
    assert responses["3"] == {"met": 1, "missed": 0, "pending": 1, "no_deadline": 0, "met_rate": 1.0}
    assert responses["4"] == {"met": 1, "missed": 0, "pending": 0, "no_deadline": 0, "met_rate": 1.0}


def test_the_holiday_moves_the_stored_deadline(built) -> None:
    """T1's deadline is Wednesday 10:00; without the holiday it would have been Tuesday 10:00."""
    from app.core.deadlines import BusinessCalendar
    from app.tickets.outlet_clock import OutletClock

    received = week.PLAN[0][4]
    assert week.OUTLET_CLOCK.due_at(received, 2) == week.local(2, 10)
    no_holiday = OutletClock(week.SHANGHAI, BusinessCalendar(week.CALENDAR.weekly))
    assert no_holiday.due_at(received, 2) == week.local(1, 10)


def test_per_day_counts(built) -> None:
    rows = {r.period: r.figures for r in _report(built, "day").rows}
    assert {day: f["received"] for day, f in rows.items() if f["received"]} == {
        "2026-11-30": 3,
        "2026-12-02": 1,
        "2026-12-03": 2,
        "2026-12-04": 1,
    }
    assert {day: f["closed"] for day, f in rows.items() if f["closed"]} == {
        "2026-12-02": 2,
        "2026-12-03": 1,
        "2026-12-04": 2,
    }
    assert rows["2026-12-02"]["turnaround_median_minutes"] == 360  # T2 360, T1 2,760: nearest rank 1 of 2
    assert rows["2026-12-02"]["turnaround_p90_minutes"] == 2760


def test_per_technician(built) -> None:
    totals = {r.group: r.figures for r in _report(built, by="technician").totals}
    assert set(totals) == {"E1001", "E2002"}
    assert totals["E1001"]["received"] == 3 and totals["E2002"]["received"] == 4
    assert totals["E1001"]["closed"] == 3 and totals["E2002"]["closed"] == 2
    assert totals["E1001"]["first_time_fixes"] == 0 and totals["E2002"]["first_time_fixes"] == 1
    assert totals["E2002"]["repeat_repairs_90_days"] == 1
    assert totals["E2002"]["diagnostics_declined"] == 1


def test_per_service_and_fault(built) -> None:
    services = {r.group: r.figures["received"] for r in _report(built, by="service").totals}
    assert services == {"maintenance": 6, "send_in": 1}
    faults = {r.group: r.figures for r in _report(built, by="fault").totals}
    assert {g: f["received"] for g, f in faults.items()} == {"battery_drain": 2, "no_charge": 1, "screen": 4}
    assert faults["battery_drain"]["battery_replacements_paid"] == 1
    assert faults["screen"]["battery_replacements_free"] == 1


def test_per_month_splits_at_the_local_month_end(built) -> None:
    rows = {r.period: r.figures["received"] for r in _report(built, "month").rows}
    # T1 came in at 17:00 on 30 November in Shanghai (09:00 UTC): November, not December.
    assert rows == {"2026-11": 3, "2026-12": 4}


def test_data_subject_requests(built) -> None:
    report = _report(built)
    by_kind = {r.group: r.figures for r in report.requests if r.period == "total"}
    assert by_kind["access"] == {
        "received": 1,
        "answered": 1,
        "answered_on_time": 1,
        "open": 0,
        "answer_median_minutes": 2880,
        "answer_p90_minutes": 2880,
    }
    assert by_kind["erasure"]["received"] == 1 and by_kind["erasure"]["open"] == 1
    assert by_kind["all"]["received"] == 2


def test_satisfaction_is_said_to_be_unrecorded(built) -> None:
    data = _report(built).as_json()
    assert data["satisfaction"]["recorded"] is False
    assert data["satisfaction"]["scores"] is None


def test_a_technician_may_not_read_reports(built) -> None:
    from app.core.roles import Role

    built.role = Role.TECHNICIAN
    with pytest.raises(PermissionDenied):
        _report(built)
    built.role = Role.AUDITOR
    assert _report(built).overall.figures["received"] == 7


def _facts(store) -> list[tuple]:
    return store.query("SELECT id, responded_at, closed_at, qc_failed, repeat_visit, came_back FROM ticket ORDER BY id")


#: Migration 12's backfill of the report facts from the history (app/storage/schema_reports.py), as it
#: reads today's stored forms: history by ticket id bytes, moments as milliseconds (schema_lean.py).
_DAYS_90 = 90 * 86_400_000
_BACKFILLS = (
    f"""UPDATE ticket SET
        responded_at = (SELECT min(e.at) FROM ticket_event e
                        WHERE e.ticket_id = id_as_bytes(ticket.id) AND e.from_status IS NOT NULL),
        closed_at = CASE WHEN status IN ({CLOSED_STATUSES_SQL}) THEN
                        (SELECT max(e.at) FROM ticket_event e WHERE e.ticket_id = id_as_bytes(ticket.id)) END,
        qc_failed = EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = id_as_bytes(ticket.id)
                            AND e.from_status = 'quality_check' AND e.to_status = 'repairing')""",
    f"""UPDATE ticket SET
        repeat_visit = EXISTS (SELECT 1 FROM ticket r WHERE r.imei = ticket.imei AND r.id <> ticket.id
            AND r.created_at < ticket.created_at AND r.created_at >= ticket.created_at - {_DAYS_90}),
        came_back = EXISTS (SELECT 1 FROM ticket r WHERE r.imei = ticket.imei AND r.id <> ticket.id
            AND r.created_at > ticket.created_at AND r.created_at <= ticket.created_at + {_DAYS_90})
        WHERE imei IS NOT NULL""",
)


def _backfill(store) -> None:
    """The facts computed again from the history alone (what an older store got on upgrade)."""
    store.connection.execute(
        "UPDATE ticket SET responded_at = NULL, closed_at = NULL, qc_failed = 0, repeat_visit = 0, came_back = 0"
    )
    for backfill in _BACKFILLS:
        store.connection.execute(backfill)


def test_the_facts_kept_by_moves_equal_the_history(built) -> None:
    kept = _facts(built.store)
    assert sum(1 for _, _, closed, *_ in kept if closed) == 5
    assert [sum(row[i] for row in kept) for i in (3, 4, 5)] == [1, 1, 1]  # T2's failed check; T3 is T1's repeat
    _backfill(built.store)
    assert _facts(built.store) == kept


def test_seeded_tickets_keep_the_same_facts_as_their_history(manager) -> None:
    from app.tickets.seeding import seed_tickets

    seed_tickets(manager, 300, seed=5)
    kept = _facts(manager.store)
    assert any(row[2] for row in kept) and any(row[1] for row in kept)
    _backfill(manager.store)
    assert _facts(manager.store) == kept


def test_a_report_reads_the_periods_tickets_through_its_time_indexes(built) -> None:
    """Each period is one range of the intake or closing time index, never a scan of every ticket
    (tests/bench/bench_reports.py: a monthly report at a million tickets under 2 s)."""
    store, seen = built.store, []
    query = store.query

    def recording(sql, params=()):
        seen.append((sql, params))
        return query(sql, params)

    store.query = recording
    try:
        _report(built, by="fault")
    finally:
        store.query = query
    plans = {sql: [row[-1] for row in query("EXPLAIN QUERY PLAN " + sql, params)] for sql, params in seen}
    ticket_steps = [step for steps in plans.values() for step in steps if " t " in f" {step} " or "ticket" in step]
    assert any("INDEX ticket_report_intake (created_at>? AND created_at<?)" in step for step in ticket_steps)
    assert any("INDEX ticket_report_closed (closed_at>? AND closed_at<?)" in step for step in ticket_steps)
    assert not [step for step in ticket_steps if step.startswith("SCAN t")], ticket_steps
