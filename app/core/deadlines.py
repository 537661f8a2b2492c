"""Ticket priorities and response deadlines, counted in the outlet's opening hours.

The after-sales guide sets response times by priority: level 1 within 30
minutes, level 2 within 2 hours, level 3 within 24 hours, level 4 as the
outlet sets it.  The clock runs only while the outlet is open: a level-2
ticket taken at 17:30 with closing at 18:00 is due at 10:30 the next open
day if the outlet opens at 09:00.  So "24 hours" is 24 business hours, about
three working days, which is what the guide's response promise means at a
counter that closes at night.

A `BusinessCalendar` holds each weekday's opening intervals (a lunch break is
two intervals), closed holidays, and special days that replace a weekday's
hours (a Chinese make-up working Saturday, a short Christmas Eve).  Times are
wall-clock times in the outlet's zone: naive datetimes, or aware ones whose
zone has no daylight-saving jumps inside opening hours (true for China,
India, and all of the EU's shops, which change clocks at night).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from typing import Any

#: An opening interval as offsets from midnight, end after start, end at most 24 h.
Interval = tuple[timedelta, timedelta]

_DAY = timedelta(days=1)
#: How far ahead a deadline is searched before the calendar is called broken.
_MAX_DAYS_AHEAD = 3_700


class Priority(enum.IntEnum):
    """Ticket priority; 1 is the most urgent."""

    P1 = 1
    P2 = 2
    P3 = 3
    P4 = 4


#: Response times of the after-sales guide; level 4 is set per outlet.
RESPONSE_TIMES: Mapping[Priority, timedelta] = MappingProxyType(
    {Priority.P1: timedelta(minutes=30), Priority.P2: timedelta(hours=2), Priority.P3: timedelta(hours=24)}
)
#: Level 4 when the outlet has not set it: one working week of 9-hour days.
DEFAULT_LEVEL4 = timedelta(hours=45)

_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_hours(text: str) -> tuple[Interval, ...]:
    """`"09:00-12:00, 13:30-18:00"` into intervals; `""` or `"closed"` is closed all day.

    `24:00` is allowed as an end, for outlets open until midnight.
    """
    if text.strip().lower() in ("", "closed"):
        return ()
    intervals = []
    for part in text.split(","):
        match = _HOURS.match(part)
        if match is None:
            raise ValueError(f"opening hours must look like 09:00-18:00, got {part.strip()!r}")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if m1 > 59 or m2 > 59:
            raise ValueError(f"bad minutes in {part.strip()!r}")
        intervals.append((timedelta(hours=h1, minutes=m1), timedelta(hours=h2, minutes=m2)))
    return _checked_intervals(tuple(intervals))


def _checked_intervals(intervals: tuple[Interval, ...]) -> tuple[Interval, ...]:
    ordered = tuple(sorted(intervals))
    previous_end = timedelta(0)
    for start, end in ordered:
        if not timedelta(0) <= start < end <= _DAY:
            raise ValueError("each opening interval must start before it ends, within one day")
        if start < previous_end:
            raise ValueError("opening intervals must not overlap")
        previous_end = end
    return ordered


@dataclass(frozen=True)
class BusinessCalendar:
    """When an outlet is open: weekly hours (0 = Monday), holidays, special days."""

    weekly: Mapping[int, tuple[Interval, ...]]
    holidays: frozenset[date] = frozenset()
    #: Days whose hours replace the weekly ones (and win over `holidays`).
    special_days: Mapping[date, tuple[Interval, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if set(self.weekly) - set(range(7)):
            raise ValueError("weekdays are 0 (Monday) to 6 (Sunday)")
        for intervals in (*self.weekly.values(), *self.special_days.values()):
            _checked_intervals(intervals)

    def intervals_on(self, day: date) -> tuple[Interval, ...]:
        """The opening intervals of one calendar day (empty when closed)."""
        if day in self.special_days:
            return self.special_days[day]
        if day in self.holidays:
            return ()
        return self.weekly.get(day.weekday(), ())

    def is_open(self, moment: datetime) -> bool:
        offset = moment - _midnight(moment, moment.date())
        return any(start <= offset < end for start, end in self.intervals_on(moment.date()))


def calendar_with(
    calendar: BusinessCalendar,
    days: Mapping[date, tuple[Interval, ...]],
    weekly: Mapping[int, tuple[Interval, ...]] | None = None,
) -> BusinessCalendar:
    """`calendar` with other weekly hours and with `days` laid over it: no intervals closes the day
    (a holiday), intervals replace its hours (a short day, a make-up working Saturday)."""
    closed = frozenset(day for day, intervals in days.items() if not intervals)
    special = {day: intervals for day, intervals in days.items() if intervals}
    return BusinessCalendar(
        {**calendar.weekly, **(weekly or {})},
        (calendar.holidays - frozenset(special)) | closed,
        {**{d: i for d, i in calendar.special_days.items() if d not in closed}, **special},
    )


def default_calendar() -> BusinessCalendar:
    """Demo outlet: Monday to Friday 09:00-18:00, Saturday 10:00-16:00, Sunday closed."""
    weekday = parse_hours("09:00-18:00")
    return BusinessCalendar({0: weekday, 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: parse_hours("10:00-16:00")})


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def calendar_from_mapping(data: Mapping[str, Any]) -> BusinessCalendar:
    """A calendar from settings or reference data (decoded JSON), validated.

    ``{"weekly": {"mon": "09:00-18:00", ..., "sun": "closed"},
    "holidays": ["2027-01-01"], "special_days": {"2027-01-03": "09:00-18:00"}}``;
    a weekday left out is closed.  Bad input raises ValueError naming the field.
    """
    weekly_data = data.get("weekly", {})
    if not isinstance(weekly_data, Mapping) or set(weekly_data) - set(_WEEKDAYS):
        raise ValueError(f"weekly: use the keys {', '.join(_WEEKDAYS)}")
    weekly = {_WEEKDAYS.index(day): parse_hours(_text(hours, f"weekly.{day}")) for day, hours in weekly_data.items()}
    holidays_data = data.get("holidays", [])
    if not isinstance(holidays_data, list) or len(holidays_data) > 10_000:
        raise ValueError("holidays: must be a list of dates")
    holidays = frozenset(_day(_text(d, "holidays"), "holidays") for d in holidays_data)
    special_data = data.get("special_days", {})
    if not isinstance(special_data, Mapping) or len(special_data) > 10_000:
        raise ValueError("special_days: must map dates to opening hours")
    special = {
        _day(day, "special_days"): parse_hours(_text(hours, f"special_days.{day}"))
        for day, hours in special_data.items()
    }
    return BusinessCalendar(weekly, holidays, special)


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or len(value) > 200:
        raise ValueError(f"{where}: must be a short string")
    return value


def _day(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: {value!r} is not a date like 2027-01-01") from None


def response_time(priority: Priority | int, level4: timedelta | None = None) -> timedelta:
    """Business time allowed for a first response at this priority."""
    level = Priority(priority)
    if level is Priority.P4:
        chosen = DEFAULT_LEVEL4 if level4 is None else level4
        if chosen <= timedelta(0):
            raise ValueError("the level-4 response time must be positive")
        return chosen
    return RESPONSE_TIMES[level]


def _midnight(moment: datetime, day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=moment.tzinfo)


def _open_spans(moment: datetime, day: date, calendar: BusinessCalendar) -> list[tuple[datetime, datetime]]:
    base = _midnight(moment, day)
    return [(base + start, base + end) for start, end in calendar.intervals_on(day)]


def add_business_time(start: datetime, duration: timedelta, calendar: BusinessCalendar) -> datetime:
    """The moment `duration` of opening time has passed after `start`.

    A deadline that uses up an interval exactly falls on its closing time,
    not on the next opening.
    """
    if duration < timedelta(0):
        raise ValueError("duration must not be negative")
    if duration == timedelta(0):
        return start
    remaining = duration
    day = start.date()
    for _ in range(_MAX_DAYS_AHEAD):
        for opens, closes in _open_spans(start, day, calendar):
            begin = max(opens, start)
            if closes <= begin:
                continue
            if remaining <= closes - begin:
                return begin + remaining
            remaining -= closes - begin
        day += _DAY
    raise ValueError("the outlet's calendar has no opening hours in the next ten years")


def business_time_between(start: datetime, end: datetime, calendar: BusinessCalendar) -> timedelta:
    """Opening time from `start` to `end`; negative when `end` is before `start`."""
    if end < start:
        return -business_time_between(end, start, calendar)
    total = timedelta(0)
    day = start.date()
    while day <= end.date():
        for opens, closes in _open_spans(start, day, calendar):
            overlap = min(closes, end) - max(opens, start)
            if overlap > timedelta(0):
                total += overlap
        day += _DAY
    return total


def due_at(
    received: datetime,
    priority: Priority | int,
    calendar: BusinessCalendar,
    *,
    level4: timedelta | None = None,
) -> datetime:
    """When a ticket received at `received` must have had its response."""
    return add_business_time(received, response_time(priority, level4), calendar)


def time_left(due: datetime, now: datetime, calendar: BusinessCalendar) -> timedelta:
    """Opening time left until `due`; negative (overdue by that much) once past it."""
    return business_time_between(now, due, calendar)


def is_overdue(due: datetime, now: datetime) -> bool:
    """True once the deadline has passed, whether or not the outlet is open."""
    return now > due
