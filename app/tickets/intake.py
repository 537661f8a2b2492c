"""Opening a repair ticket (the minimal intake the foundation needs; the wizard builds on it)."""

from __future__ import annotations

import logging

from app.accounts.session import Session
from app.core.roles import Permission
from app.errors import UsageError
from app.logging_setup import remember_names
from app.storage import staff_repository, ticket_repository
from app.storage.ticket_repository import NewTicket, TicketRow

SERVICE_TYPES = ("maintenance", "send_in", "return_exchange")

log = logging.getLogger(__name__)


def open_ticket(session: Session, new: NewTicket) -> TicketRow:
    session.require(Permission.WRITE_TICKETS)
    if new.service_type not in SERVICE_TYPES:
        raise UsageError(f"Unknown service type {new.service_type!r}.")
    if not 1 <= new.priority <= 4:
        raise UsageError("Priority is 1 (most urgent) to 4.")
    outlet = staff_repository.outlet(session.store)
    if outlet is None:
        raise UsageError("This store has no outlet yet.")
    remember_names([new.customer_name])
    with session.store.transaction(session.actor) as work:
        ticket = ticket_repository.insert_ticket(work, outlet.id, outlet.code, new)
    log.info("ticket %s opened (%s, priority %d)", ticket.number, new.service_type, new.priority)
    return ticket


def find_ticket(session: Session, number: str) -> TicketRow | None:
    session.require(Permission.READ_TICKETS)
    return ticket_repository.ticket_by_number(session.store, number)


def recent(session: Session, limit: int = 50) -> list[TicketRow]:
    session.require(Permission.READ_TICKETS)
    return ticket_repository.recent_tickets(session.store, limit)
