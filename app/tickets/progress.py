"""The service progress query: ticket number plus the phone number or IMEI given at intake.

It answers with the ticket's status and its history, and nothing of any
other customer: an unknown number and a wrong phone/IMEI get the same
refusal, so the query cannot be used to find out which tickets exist.
Names, contact details and notes are not in the answer.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from app.accounts.session import Session
from app.core.roles import Permission
from app.core.ticket_numbers import InvalidTicketNumber, parse_ticket_number
from app.storage import ticket_repository
from app.tickets.errors import ProgressNotFound
from app.tickets.service_types import normalise_phone

_REFUSAL = "No ticket matches that number together with that phone number or IMEI."


@dataclass(frozen=True)
class ProgressStep:
    at: str
    status: str


@dataclass(frozen=True)
class ProgressReport:
    number: str
    service_type: str
    device_model: str
    status: str
    due_at: str | None
    history: tuple[ProgressStep, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "number": self.number,
            "service_type": self.service_type,
            "device_model": self.device_model,
            "status": self.status,
            "due_at": self.due_at,
            "history": [{"at": s.at, "status": s.status} for s in self.history],
        }


def _same(a: str, b: str) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(a.encode(), b.encode())


def query_progress(session: Session, number: str, phone_or_imei: str) -> ProgressReport:
    session.require(Permission.READ_TICKETS)
    try:
        canonical = str(parse_ticket_number(number))
    except InvalidTicketNumber:
        raise ProgressNotFound(_REFUSAL) from None
    row = ticket_repository.ticket_by_number(session.store, canonical)
    proof = phone_or_imei.strip()[:32]
    detail = ticket_repository.ticket_detail(session.store, canonical) if row else None
    matches = detail is not None and (
        _same(normalise_phone(proof), detail.row.customer_phone or "")
        or _same(proof, detail.row.imei or "")
        or _same(proof, detail.imei2)
    )
    if detail is None or not matches:
        raise ProgressNotFound(_REFUSAL)
    history = tuple(ProgressStep(e.at, e.to_status) for e in detail.events)
    return ProgressReport(
        detail.number, detail.row.service_type, detail.row.device_model or "", detail.status, detail.row.due_at, history
    )
