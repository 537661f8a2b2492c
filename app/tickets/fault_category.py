"""Changing a ticket's fault category after intake, journaled and sent upstream as a ticket change.

The intake sets the category the technician picked; a diagnostics run may later
suggest another (`app.core.fault_suggestion`), and when the technician accepts it
the ticket takes it here.  The journal entry keeps the old and new category and
what the change rests on (for a suggestion: the run and its finding codes), so a
disputed category can be traced.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.accounts.session import Session
from app.core.privacy_catalogue import FAULTS
from app.core.roles import Permission
from app.core.workflow import TERMINAL, Status
from app.storage import ticket_repository
from app.storage.ticket_records import TicketDetail
from app.tickets.errors import FaultCategoryRefused, TicketChanged
from app.tickets.moves import load


def set_fault_category(session: Session, number: str, category: str, basis: Mapping[str, Any]) -> TicketDetail:
    """Give the ticket this fault category; `basis` says why (journaled with the change).

    Setting the category it already has changes nothing and journals nothing."""
    session.require(Permission.WRITE_TICKETS)
    if category not in FAULTS:
        raise FaultCategoryRefused(
            f"{category[:40]!r} is not a fault category (one of {', '.join(FAULTS)}).",
            code="unknown_fault_category",
            params={"category": category[:40]},
        )
    detail = load(session, number)
    if Status(detail.status) in TERMINAL:
        raise FaultCategoryRefused(
            f"Ticket {detail.number} is {detail.status} and closed; its fault category stays.",
            code="fault_category_ticket_closed",
            params={"ticket": detail.number, "current": detail.status},
        )
    previous = detail.fault_category
    if previous == category:
        return detail
    with session.store.transaction(session.actor) as work:
        if not ticket_repository.set_fault_category(work, detail.row.id, previous, category):
            raise TicketChanged(f"Ticket {detail.number} was changed meanwhile.")
        work.record(
            "ticket",
            detail.row.id,
            "fault_category",
            # `fault_category`: the column's new value under its own name, for the outlet's other counters
            {
                "number": detail.number,
                "from": previous,
                "to": category,
                "basis": dict(basis),
                "fault_category": category,
            },
        )
    return load(session, number)
