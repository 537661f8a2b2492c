"""The outlet's opening calendar, which response deadlines are counted in.

Three layers, the later winning: the default week (Monday-Friday 09:00-18:00,
Saturday 10:00-16:00), the region's holidays pulled by sync, and what the
outlet's manager set (weekly hours, and holidays or special days of its own).
Every change is journaled; only managers may make one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.accounts.session import Session
from app.core.deadlines import BusinessCalendar, Interval, calendar_with, default_calendar, parse_hours
from app.core.reference_updates import ReferenceInForce
from app.core.roles import Permission
from app.errors import UsageError
from app.storage import calendar_repository, staff_repository
from app.tickets.reference_in_force import reference_in_force

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_NOTE = 100


@dataclass(frozen=True)
class OutletCalendar:
    """What a manager sees and edits: hours per weekday (text) and the outlet's own days."""

    weekly: dict[str, str]
    holidays: list[tuple[str, str, str]]


def weekday_number(name: str) -> int:
    key = name.strip().lower()[:3]
    if key not in WEEKDAYS:
        raise UsageError(f"{name!r} is not a weekday; use one of {', '.join(WEEKDAYS)}. / 请填写星期（mon 至 sun）。")
    return WEEKDAYS.index(key)


def checked_hours(text: str) -> tuple[str, tuple[Interval, ...]]:
    """The hours as stored ("" for closed) and their intervals; UsageError saying what is wrong."""
    try:
        intervals = parse_hours(text)
    except ValueError as error:
        raise UsageError(f"{error}. / 营业时间格式如 09:00-12:00, 13:30-18:00。") from None
    return ("" if not intervals else ", ".join(p.strip() for p in text.split(","))), intervals


def checked_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{text!r} is not a date like 2026-12-25. / 日期格式如 2026-12-25。") from None


def set_hours(session: Session, weekday: str, hours: str) -> str:
    """Set one weekday's opening hours ("closed" or "" closes it); journaled."""
    session.require(Permission.MANAGE_REFERENCE_DATA)
    number = weekday_number(weekday)
    stored, _ = checked_hours(hours)
    with session.store.transaction(session.actor) as work:
        calendar_repository.set_weekday_hours(work, number, stored)
        work.record("outlet_calendar", WEEKDAYS[number], "set_hours", {"weekday": WEEKDAYS[number], "hours": stored})
    return stored


def add_holiday(session: Session, day: str, hours: str = "", note: str = "") -> date:
    """Close the outlet on `day`, or (with `hours`) open it those hours only; journaled."""
    session.require(Permission.MANAGE_REFERENCE_DATA)
    when = checked_day(day)
    stored, _ = checked_hours(hours)
    note = note.strip()[:MAX_NOTE]
    with session.store.transaction(session.actor) as work:
        calendar_repository.set_holiday(work, when.isoformat(), stored, note)
        work.record("outlet_calendar", when.isoformat(), "holiday", {"day": when.isoformat(), "hours": stored})
    return when


def remove_holiday(session: Session, day: str) -> bool:
    """Open the outlet as usual on `day` again; False when it was not set (nothing journaled)."""
    session.require(Permission.MANAGE_REFERENCE_DATA)
    when = checked_day(day).isoformat()
    with session.store.transaction(session.actor) as work:
        removed = calendar_repository.remove_holiday(work, when)
        if removed:
            work.record("outlet_calendar", when, "holiday_removed", {"day": when})
    return removed


def outlet_calendar(session: Session) -> OutletCalendar:
    session.require(Permission.READ_TICKETS)
    default = default_calendar()
    weekly = {WEEKDAYS[n]: ", ".join(f"{_hhmm(a)}-{_hhmm(b)}" for a, b in default.weekly.get(n, ())) for n in range(7)}
    weekly.update({WEEKDAYS[n]: text for n, text in calendar_repository.weekly_hours(session.store).items()})
    return OutletCalendar(weekly, calendar_repository.holidays(session.store))


def _hhmm(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def business_calendar(session: Session, reference: ReferenceInForce | None = None) -> BusinessCalendar:
    """The calendar deadlines are counted in: default week, pulled region holidays, the outlet's own."""
    outlet = staff_repository.outlet(session.store)
    region = outlet.region if outlet else "CN"
    pulled = (reference or reference_in_force(session.store)).holidays_for(region)
    weekly = {n: parse_hours(text) for n, text in calendar_repository.weekly_hours(session.store).items()}
    own = {date.fromisoformat(day): parse_hours(hours) for day, hours, _ in calendar_repository.holidays(session.store)}
    return calendar_with(calendar_with(default_calendar(), pulled), own, weekly)
