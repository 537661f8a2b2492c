"""The one source of 'now', injectable so retention and deadline tests control time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """UTC ISO 8601 with milliseconds, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def local_minute(iso_text: object, *, with_offset: bool = False) -> str:
    """A stored UTC time as this PC's local time to the minute, for people (the stored text stays UTC);
    `with_offset` adds the zone's offset, for paper that may be read elsewhere. Unreadable text as given."""
    try:
        moment = datetime.fromisoformat(str(iso_text)).astimezone()
    except ValueError:
        return str(iso_text or "")
    shown = moment.strftime("%Y-%m-%d %H:%M")
    return f"{shown} (UTC{moment.strftime('%z')[:3]}:{moment.strftime('%z')[3:]})" if with_offset else shown
