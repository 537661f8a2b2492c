"""The counter queue: open tickets, most pressing first, with business time left and overdue flags.

The priority's deadline is a *response* deadline (the after-sales guide's
response times): it runs until the ticket first leaves `received`, i.e.
someone has started on it.  So only tickets still waiting for that first
response have time left or are overdue; the others show that they were
answered, and come after them in the queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.accounts.session import Session
from app.core.roles import Permission
from app.core.workflow import Status
from app.storage import ticket_repository
from app.storage.ticket_records import TicketRow
from app.tickets.intake import outlet_clock
from app.tickets.outlet_clock import OutletClock

QUEUE_LIMIT = 500


@dataclass(frozen=True)
class QueueEntry:
    row: TicketRow
    due: datetime | None
    #: Business time left (negative: overdue by that much); None without a deadline.
    left: timedelta | None
    overdue: bool
    #: Still waiting for the first response (status `received`).
    awaiting_response: bool = True


def queue_entries(rows: list[TicketRow], clock: OutletClock, now: datetime) -> list[QueueEntry]:
    """Time left per ticket (pure, so the page and tests share it)."""
    entries = []
    for row in rows:
        due = datetime.fromisoformat(row.due_at) if row.due_at else None
        if row.status != Status.RECEIVED:
            entries.append(QueueEntry(row, due, None, False, awaiting_response=False))
            continue
        left = clock.time_left(due, now) if due else None
        entries.append(QueueEntry(row, due, left, bool(due and clock.overdue(due, now))))
    return entries


def counter_queue(session: Session, limit: int = QUEUE_LIMIT) -> list[QueueEntry]:
    session.require(Permission.READ_TICKETS)
    rows = ticket_repository.open_queue(session.store, limit)
    return queue_entries(rows, outlet_clock(session), session.store.clock())


def format_left(left: timedelta | None) -> str:
    """`2h 05m`, `-0h 40m` (overdue), or `-` without a deadline: business hours, not wall-clock."""
    if left is None:
        return "-"
    sign = "-" if left < timedelta(0) else ""
    minutes = int(abs(left).total_seconds() // 60)
    return f"{sign}{minutes // 60}h {minutes % 60:02d}m"
