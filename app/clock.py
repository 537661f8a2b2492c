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
