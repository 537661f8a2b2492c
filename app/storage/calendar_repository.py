"""The outlet's own calendar (migration 8): weekly opening hours and holidays set by a manager.

Hours are kept as the text the manager gave ("09:00-12:00, 13:30-18:00", "" for
closed), already checked by `app.core.deadlines.parse_hours`; every write runs in
the caller's unit of work, which journals it.
"""

from __future__ import annotations

from app.storage.store import Store, UnitOfWork


def set_weekday_hours(work: UnitOfWork, weekday: int, hours: str) -> None:
    work.execute(
        "INSERT INTO outlet_hours (weekday, hours, set_by, set_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (weekday) DO UPDATE SET hours = excluded.hours, set_by = excluded.set_by,"
        " set_at = excluded.set_at",
        (weekday, hours, work.actor, work.at),
    )


def weekly_hours(store: Store) -> dict[int, str]:
    """Weekday (0 = Monday) -> hours text, for the weekdays the outlet set."""
    return {int(r[0]): r[1] for r in store.query("SELECT weekday, hours FROM outlet_hours ORDER BY weekday")}


def set_holiday(work: UnitOfWork, day: str, hours: str, note: str) -> None:
    work.execute(
        "INSERT INTO outlet_holiday (day, hours, note, set_by, set_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (day) DO UPDATE SET hours = excluded.hours, note = excluded.note,"
        " set_by = excluded.set_by, set_at = excluded.set_at",
        (day, hours, note, work.actor, work.at),
    )


def remove_holiday(work: UnitOfWork, day: str) -> bool:
    return int(work.execute("DELETE FROM outlet_holiday WHERE day = ?", (day,)).rowcount) == 1


#: Most holidays listed at once (a few years of them).
MAX_HOLIDAYS = 1000


def holidays(store: Store) -> list[tuple[str, str, str]]:
    """(day, hours, note) of the outlet's own holidays and special days, by date."""
    rows = store.query("SELECT day, hours, note FROM outlet_holiday ORDER BY day LIMIT ?", (MAX_HOLIDAYS,))
    return [(r[0], r[1], r[2]) for r in rows]
