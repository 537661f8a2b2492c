"""Response deadlines in the outlet's zone and hours: nights, weekends, holidays; the queue's time left."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.core.deadlines import BusinessCalendar, parse_hours
from app.storage.ticket_records import TicketRow
from app.tickets.outlet_clock import OutletClock
from app.tickets.queue import format_left, queue_entries

SHANGHAI = ZoneInfo("Asia/Shanghai")
WEEKDAY = parse_hours("09:00-12:00, 13:00-18:00")
NATIONAL_DAY = frozenset(date(2026, 10, d) for d in range(1, 8))
CALENDAR = BusinessCalendar(
    {d: WEEKDAY for d in range(5)}, holidays=NATIONAL_DAY, special_days={date(2026, 10, 10): parse_hours("09:00-18:00")}
)  # make-up Saturday
CLOCK = OutletClock(SHANGHAI, CALENDAR, timedelta(hours=16))


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


def due(received: datetime, priority: int) -> datetime:
    return CLOCK.due_at(received.astimezone(UTC), priority).astimezone(SHANGHAI)


def test_level_1_within_opening_hours_is_30_minutes() -> None:
    assert due(local(2026, 11, 23, 10, 0), 1) == local(2026, 11, 23, 10, 30)


def test_level_1_skips_the_lunch_break() -> None:
    assert due(local(2026, 11, 23, 11, 50), 1) == local(2026, 11, 23, 13, 20)


def test_level_2_taken_late_runs_on_next_morning() -> None:
    assert due(local(2026, 11, 23, 17, 30), 2) == local(2026, 11, 24, 10, 30)


def test_level_2_on_friday_evening_is_due_monday() -> None:
    assert due(local(2026, 11, 27, 17, 0), 2) == local(2026, 11, 30, 10, 0)


def test_a_ticket_taken_at_night_starts_counting_at_opening() -> None:
    assert due(local(2026, 11, 24, 2, 0), 1) == local(2026, 11, 24, 9, 30)


def test_level_3_is_24_business_hours_three_eight_hour_days() -> None:
    assert due(local(2026, 11, 23, 9, 0), 3) == local(2026, 11, 25, 18, 0)


def test_the_national_day_week_is_skipped_and_the_make_up_saturday_counts() -> None:
    # Received on the last working day before the holiday, 17:00: one hour that day, then the
    # holiday week, then the make-up Saturday 10 October (09:00-18:00) gives the second hour.
    assert due(local(2026, 9, 30, 17, 0), 2) == local(2026, 10, 8, 10, 0)
    assert due(local(2026, 10, 9, 17, 30), 2) == local(2026, 10, 10, 10, 30)


def test_level_4_uses_the_outlets_setting() -> None:
    assert due(local(2026, 11, 23, 9, 0), 4) == local(2026, 11, 24, 18, 0)


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)), st.integers(1, 4))
@example(datetime(2026, 1, 1, 13, 0, 0, 1), 3)  # due 1 µs after the lunch break: found by hypothesis
def test_a_deadline_is_never_while_closed_and_uses_exactly_the_response_time(naive: datetime, priority: int) -> None:
    received = naive.replace(tzinfo=SHANGHAI)
    deadline = due(received, priority)
    assert deadline > received
    allowed = {1: timedelta(minutes=30), 2: timedelta(hours=2), 3: timedelta(hours=24), 4: timedelta(hours=16)}
    assert CLOCK.time_left(deadline.astimezone(UTC), received.astimezone(UTC)) == allowed[priority]
    just_before = deadline - timedelta(microseconds=1)  # the last moment counted was an open one
    assert CALENDAR.is_open(just_before)


def _row(number: str, due_at: datetime | None) -> TicketRow:
    return TicketRow(
        "id-" + number,
        number,
        "received",
        "maintenance",
        2,
        "n",
        "p",
        "RC-X1",
        "i",
        "f",
        "2026-11-23T01:00:00.000+00:00",
        due_at.astimezone(UTC).isoformat() if due_at else None,
    )


def test_the_queue_shows_business_time_left_and_flags_overdue() -> None:
    now = local(2026, 11, 23, 17, 0).astimezone(UTC)
    rows = [_row("A", local(2026, 11, 23, 16, 20)), _row("B", local(2026, 11, 24, 10, 0)), _row("C", None)]
    late, tomorrow, undated = queue_entries(rows, CLOCK, now)
    assert late.overdue and late.left == -timedelta(minutes=40)
    assert not tomorrow.overdue and tomorrow.left == timedelta(hours=2)  # 1 h today, 1 h tomorrow morning
    assert undated.left is None and not undated.overdue
    assert [format_left(e.left) for e in (late, tomorrow, undated)] == ["-0h 40m", "2h 00m", "-"]


@pytest.mark.parametrize(("region", "zone"), [("CN", "Asia/Shanghai"), ("IN", "Asia/Kolkata"), ("XX", "UTC")])
def test_the_zone_follows_the_outlet_region(region: str, zone: str) -> None:
    assert OutletClock.for_region(region).zone == ZoneInfo(zone)
