"""The one source of 'now', injectable so retention and deadline tests control time."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    """UTC ISO 8601 with milliseconds, so text order is time order."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")
