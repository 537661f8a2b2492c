"""Customer and ticket rows (the base that the tickets service builds on)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.storage.store import Store, UnitOfWork


@dataclass(frozen=True)
class NewTicket:
    service_type: str
    customer_name: str
    customer_phone: str
    device_model: str
    imei: str
    fault: str
    priority: int = 3
    customer_email: str = ""
    customer_address: str = ""


@dataclass(frozen=True)
class TicketRow:
    id: str
    number: str
    status: str
    service_type: str
    priority: int
    customer_name: str
    customer_phone: str
    device_model: str
    imei: str
    fault: str
    created_at: str


def next_ticket_number(work: UnitOfWork, outlet_code: str) -> str:
    """Outlet code + day + sequence, unique without the network (DESIGN.md section 4)."""
    day = work.at[:10].replace("-", "")
    work.execute(
        "INSERT INTO ticket_sequence (outlet_code, day, last) VALUES (?, ?, 1)"
        " ON CONFLICT (outlet_code, day) DO UPDATE SET last = last + 1",
        (outlet_code, day),
    )
    last = work.execute("SELECT last FROM ticket_sequence WHERE outlet_code = ? AND day = ?",
                        (outlet_code, day)).fetchone()[0]
    return f"{outlet_code}-{day}-{last:04d}"


def insert_ticket(work: UnitOfWork, outlet_id: str, outlet_code: str, new: NewTicket) -> TicketRow:
    customer_id, ticket_id = str(uuid.uuid4()), str(uuid.uuid4())
    number = next_ticket_number(work, outlet_code)
    work.execute(
        "INSERT INTO customer (id, name, phone, email, address, created_at, last_contact_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (customer_id, new.customer_name, new.customer_phone, new.customer_email or None,
         new.customer_address or None, work.at, work.at),
    )
    work.execute(
        "INSERT INTO ticket (id, number, outlet_id, customer_id, service_type, status, priority,"
        " device_model, imei, fault, created_by, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?)",
        (ticket_id, number, outlet_id, customer_id, new.service_type, new.priority, new.device_model,
         new.imei, new.fault, work.actor, work.at, work.at),
    )
    change = {"number": number, "customer": customer_id, **new.__dict__}
    work.record("ticket", ticket_id, "create", change)
    return TicketRow(ticket_id, number, "received", new.service_type, new.priority, new.customer_name,
                     new.customer_phone, new.device_model, new.imei, new.fault, work.at)


_TICKET_SELECT = (
    "SELECT t.id, t.number, t.status, t.service_type, t.priority, c.name, c.phone, t.device_model,"
    " t.imei, t.fault, t.created_at FROM ticket t LEFT JOIN customer c ON c.id = t.customer_id"
)


def ticket_by_number(store: Store, number: str) -> TicketRow | None:
    row = store.query_one(f"{_TICKET_SELECT} WHERE t.number = ?", (number,))
    return TicketRow(*row) if row else None


def recent_tickets(store: Store, limit: int = 50) -> list[TicketRow]:
    return [TicketRow(*r) for r in store.query(f"{_TICKET_SELECT} ORDER BY t.created_at DESC, t.number DESC LIMIT ?", (limit,))]
