"""The outlet's local time and opening calendar, which response deadlines are counted in.

The store keeps every moment in UTC; deadlines are counted in the outlet's
business hours in its own time zone (app.core.deadlines).  The zone comes
from the outlet's region; the calendar is the demo outlet's until the
outlet's own hours and holidays arrive with reference data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from app.core.deadlines import BusinessCalendar, default_calendar, due_at, is_overdue, time_left

#: Region code -> the IANA zone its counters keep (EU outlets override per country when set up).
REGION_ZONES = {"CN": "Asia/Shanghai", "IN": "Asia/Kolkata", "EU": "Europe/Berlin"}


@dataclass(frozen=True)
class OutletClock:
    """Zone, calendar and level-4 response time of one outlet."""

    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    calendar: BusinessCalendar = field(default_factory=default_calendar)
    level4: timedelta | None = None

    @classmethod
    def for_region(
        cls, region: str, calendar: BusinessCalendar | None = None, level4: timedelta | None = None
    ) -> OutletClock:
        zone = ZoneInfo(REGION_ZONES.get(region.upper(), "UTC"))
        return cls(zone, calendar or default_calendar(), level4)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def due_at(self, received: datetime, priority: int) -> datetime:
        """The response deadline, as an aware UTC moment."""
        due = due_at(self.local(received), priority, self.calendar, level4=self.level4)
        return due.astimezone(UTC)

    def time_left(self, due: datetime, now: datetime) -> timedelta:
        """Business time left until `due` (negative once overdue)."""
        return time_left(self.local(due), self.local(now), self.calendar)

    @staticmethod
    def overdue(due: datetime, now: datetime) -> bool:
        return is_overdue(due, now)
