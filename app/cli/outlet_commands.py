"""`outlet hours ...` and `outlet holiday add|remove|list`: the outlet's opening calendar (managers edit it)."""

from __future__ import annotations

import argparse

from app.accounts.session import Session
from app.cli.store_commands import _common, in_session
from app.errors import UsageError
from app.tickets import outlet_calendar
from app.tickets.outlet_calendar import WEEKDAYS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    outlet = subparsers.add_parser("outlet", help="the outlet's opening hours and holidays (deadlines count them)")
    parts = outlet.add_subparsers(dest="outlet_part", required=True)
    hours = parts.add_parser("hours", help="list the weekly hours, or set one weekday's (managers)")
    _common(hours)
    hours.add_argument("weekday", nargs="?", choices=WEEKDAYS, help="the weekday to set")
    hours.add_argument("hours", nargs="?", metavar="HOURS", help='e.g. "09:00-12:00, 13:30-18:00", or "closed"')
    hours.set_defaults(func=run_hours)
    holiday = parts.add_parser("holiday", help="the outlet's own holidays and special days")
    verbs = holiday.add_subparsers(dest="holiday_action", required=True)
    add = verbs.add_parser("add", help="close on DATE, or open only --hours that day (managers)")
    _common(add)
    add.add_argument("day", metavar="DATE")
    add.add_argument("--hours", default="", help='the hours that day, e.g. "10:00-16:00" (default: closed)')
    add.add_argument("--note", default="")
    add.set_defaults(func=run_holiday_add)
    remove = verbs.add_parser("remove", help="open as usual on DATE again (managers)")
    _common(remove)
    remove.add_argument("day", metavar="DATE")
    remove.set_defaults(func=run_holiday_remove)
    listing = verbs.add_parser("list", help="the outlet's own holidays and special days")
    _common(listing)
    listing.set_defaults(func=run_holiday_list)


def run_hours(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        if args.weekday is not None:
            if args.hours is None:
                raise UsageError('Give the hours too, e.g. outlet hours sat "10:00-16:00" or closed.')
            stored = outlet_calendar.set_hours(session, args.weekday, args.hours)
            print(f"{args.weekday} {stored or 'closed'}")
            return 0
        for day, text in outlet_calendar.outlet_calendar(session).weekly.items():
            print(f"{day} {text or 'closed'}")
        return 0

    return in_session(args, act)


def run_holiday_add(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        day = outlet_calendar.add_holiday(session, args.day, args.hours, args.note)
        print(f"{day} {args.hours.strip() or 'closed'}")
        return 0

    return in_session(args, act)


def run_holiday_remove(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        removed = outlet_calendar.remove_holiday(session, args.day)
        print(f"{args.day} {'removed' if removed else 'was not set'}")
        return 0

    return in_session(args, act)


def run_holiday_list(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        for day, hours, note in outlet_calendar.outlet_calendar(session).holidays:
            print(f"{day} {hours or 'closed'} {note}".rstrip())
        return 0

    return in_session(args, act)
