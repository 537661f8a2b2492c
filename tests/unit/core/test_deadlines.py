"""Priorities and response deadlines in business hours (issue 5 item 4)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.deadlines import (
    DEFAULT_LEVEL4,
    BusinessCalendar,
    Priority,
    add_business_time,
    business_time_between,
    default_calendar,
    due_at,
    is_overdue,
    parse_hours,
    response_time,
    time_left,
)

CAL = default_calendar()  # Mon-Fri 09:00-18:00, Sat 10:00-16:00, Sun closed
MON = date(2026, 11, 23)


def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
    """A moment in the week of Monday 23 November 2026."""
    return datetime.combine(MON + timedelta(days=day_offset), datetime.min.time()).replace(hour=hour, minute=minute)


@pytest.mark.parametrize(
    ("received", "priority", "due"),
    [
        (at(0, 10), Priority.P1, at(0, 10, 30)),
        (at(0, 17, 30), Priority.P1, at(0, 18)),  # uses the day up exactly: due at closing
        (at(0, 17, 45), Priority.P1, at(1, 9, 15)),  # overnight
        (at(0, 18), Priority.P1, at(1, 9, 30)),  # received at closing counts from next opening
        (at(0, 8, 59), Priority.P1, at(0, 9, 30)),  # before opening
        (at(4, 17), Priority.P2, at(5, 11)),  # Friday evening into Saturday's late opening
        (at(5, 15, 30), Priority.P2, at(7, 10, 30)),  # Saturday, closed Sunday, Monday
        (at(6, 12), Priority.P1, at(7, 9, 30)),  # received on a closed Sunday
        (at(0, 9), Priority.P3, at(2, 15)),  # 24 business hours = 9 + 9 + 6
        (at(0, 9), Priority.P4, at(4, 18)),  # default level 4: a working week
    ],
)
def test_due_across_nights_and_weekends(received: datetime, priority: Priority, due: datetime) -> None:
    assert due_at(received, priority, CAL) == due


def test_holidays_are_skipped_and_special_days_count() -> None:
    new_year = BusinessCalendar(CAL.weekly, holidays=frozenset({date(2027, 1, 1)}))
    # Thursday 31 December 17:00, P2: 1 h on Thursday, Friday closed, 1 h on Saturday.
    assert due_at(datetime(2026, 12, 31, 17), Priority.P2, new_year) == datetime(2027, 1, 2, 11)
    # A make-up working Sunday (and a holiday overridden by a special day) counts.
    makeup = BusinessCalendar(
        CAL.weekly,
        holidays=frozenset({date(2027, 1, 3)}),
        special_days={date(2027, 1, 3): parse_hours("09:00-18:00")},
    )
    assert due_at(datetime(2027, 1, 2, 15, 30), Priority.P2, makeup) == datetime(2027, 1, 3, 10, 30)


def test_lunch_break_is_not_counted() -> None:
    weekday = parse_hours("09:00-12:00, 13:30-18:00")
    lunch = BusinessCalendar(dict.fromkeys(range(5), weekday))
    assert due_at(at(0, 11, 45), Priority.P1, lunch) == at(0, 13, 45)
    assert due_at(at(0, 12, 30), Priority.P1, lunch) == at(0, 14)


def test_open_until_midnight_and_round_the_clock() -> None:
    late = BusinessCalendar(dict.fromkeys(range(7), parse_hours("08:00-24:00")))
    assert due_at(at(0, 23, 45), Priority.P1, late) == at(1, 8, 15)
    always = BusinessCalendar(dict.fromkeys(range(7), parse_hours("00:00-24:00")))
    assert due_at(at(0, 23, 45), Priority.P3, always) == at(1, 23, 45)


def test_aware_datetimes_keep_their_zone() -> None:
    beijing = timezone(timedelta(hours=8))
    due = due_at(at(0, 17, 45).replace(tzinfo=beijing), Priority.P1, CAL)
    assert due == at(1, 9, 15).replace(tzinfo=beijing)
    assert due.tzinfo is beijing


def test_time_left_and_overdue() -> None:
    due = due_at(at(0, 17, 45), Priority.P1, CAL)  # Tuesday 09:15
    assert time_left(due, at(0, 17, 45), CAL) == timedelta(minutes=30)
    assert time_left(due, at(0, 22), CAL) == timedelta(minutes=15)  # the night does not count
    assert time_left(due, at(1, 9, 15), CAL) == timedelta(0)
    assert not is_overdue(due, at(1, 9, 15))
    assert time_left(due, at(1, 10), CAL) == -timedelta(minutes=45)
    assert is_overdue(due, at(1, 10))
    assert time_left(due, at(2, 9, 15), CAL) == -timedelta(hours=9)


def test_level_four_is_settable_and_the_rest_fixed() -> None:
    assert response_time(1) == timedelta(minutes=30)
    assert response_time(Priority.P2) == timedelta(hours=2)
    assert response_time(3) == timedelta(hours=24)
    assert response_time(4) == DEFAULT_LEVEL4
    assert response_time(4, timedelta(hours=3)) == timedelta(hours=3)
    assert due_at(at(0, 9), 4, CAL, level4=timedelta(hours=3)) == at(0, 12)
    with pytest.raises(ValueError):
        response_time(5)
    with pytest.raises(ValueError):
        response_time(4, timedelta(0))


@pytest.mark.parametrize("text", ["9-18", "09:00-08:00", "09:00-12:00,11:00-13:00", "10:75-11:00", "00:00-25:00"])
def test_bad_opening_hours_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_hours(text)


def test_bad_calendars_are_refused() -> None:
    with pytest.raises(ValueError):
        BusinessCalendar({7: parse_hours("09:00-18:00")})
    never = BusinessCalendar({})
    with pytest.raises(ValueError, match="no opening hours"):
        due_at(at(0, 9), Priority.P1, never)
    with pytest.raises(ValueError):
        add_business_time(at(0, 9), -timedelta(minutes=1), CAL)
    assert add_business_time(at(6, 3), timedelta(0), CAL) == at(6, 3)
    assert parse_hours("closed") == ()


def test_is_open() -> None:
    assert CAL.is_open(at(0, 9)) and not CAL.is_open(at(0, 18)) and not CAL.is_open(at(6, 12))


MOMENTS = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0)
)
HOLIDAYS = frozenset(date(2026, 10, d) for d in range(1, 8)) | {date(2027, 1, 1), date(2026, 5, 1)}
HOLIDAY_CAL = BusinessCalendar(CAL.weekly, holidays=HOLIDAYS)


@given(MOMENTS, st.sampled_from(list(Priority)))
def test_the_deadline_gives_exactly_the_response_time_in_opening_hours(received: datetime, priority: Priority) -> None:
    due = due_at(received, priority, HOLIDAY_CAL)
    assert due > received
    assert business_time_between(received, due, HOLIDAY_CAL) == response_time(priority)
    # The deadline falls inside opening hours or exactly at a closing time.
    assert HOLIDAY_CAL.is_open(due - timedelta(minutes=1))
    assert due.date() not in HOLIDAYS


@given(MOMENTS, MOMENTS, st.sampled_from(list(Priority)))
def test_a_later_ticket_is_never_due_earlier(first: datetime, second: datetime, priority: Priority) -> None:
    early, late = sorted((first, second))
    assert due_at(early, priority, HOLIDAY_CAL) <= due_at(late, priority, HOLIDAY_CAL)


@given(MOMENTS, MOMENTS)
def test_time_between_is_antisymmetric(first: datetime, second: datetime) -> None:
    forward = business_time_between(first, second, HOLIDAY_CAL)
    assert forward == -business_time_between(second, first, HOLIDAY_CAL)
    assert abs(forward) <= abs(second - first)


def test_utc_moments_work_too() -> None:
    assert due_at(datetime(2026, 11, 23, 9, tzinfo=UTC), 1, CAL) == datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def test_a_daylight_saving_weekend_counts_wall_clock_hours() -> None:
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    # Clocks go forward in the night to Sunday 29 March 2026; the outlet is closed on Sunday anyway.
    received = datetime(2026, 3, 28, 15, 30, tzinfo=berlin)
    due = due_at(received, Priority.P2, CAL)
    assert due == datetime(2026, 3, 30, 10, 30, tzinfo=berlin)
    assert due.astimezone(UTC) == datetime(2026, 3, 30, 8, 30, tzinfo=UTC)
    assert time_left(due, received, CAL) == timedelta(hours=2)


def test_a_calendar_from_settings() -> None:
    from app.core.deadlines import calendar_from_mapping

    calendar = calendar_from_mapping(
        {
            "weekly": {"mon": "09:00-12:00, 13:00-18:00", "sat": "10:00-16:00", "sun": "closed"},
            "holidays": ["2026-11-30"],
            "special_days": {"2026-11-29": "10:00-12:00"},
        }
    )
    assert calendar.intervals_on(MON) == parse_hours("09:00-12:00,13:00-18:00")
    assert calendar.intervals_on(MON + timedelta(days=1)) == ()  # Tuesday left out: closed
    assert calendar.intervals_on(date(2026, 11, 30)) == ()
    assert calendar.intervals_on(date(2026, 11, 29)) == parse_hours("10:00-12:00")
    assert calendar_from_mapping({}).weekly == {}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"weekly": {"monday": "09:00-18:00"}}, "weekly"),
        ({"weekly": {"mon": 9}}, "weekly.mon"),
        ({"holidays": "2027-01-01"}, "holidays"),
        ({"holidays": ["01/01/2027"]}, "holidays"),
        ({"special_days": {"someday": "09:00-10:00"}}, "special_days"),
        ({"special_days": {"2027-01-03": "9-10"}}, "09:00-18:00"),
    ],
)
def test_bad_calendar_settings_name_the_field(data: dict[str, object], field: str) -> None:
    from app.core.deadlines import calendar_from_mapping

    with pytest.raises(ValueError, match=field):
        calendar_from_mapping(data)
