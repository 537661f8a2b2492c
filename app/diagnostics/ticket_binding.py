"""A diagnostics run for a ticket reads the phone's identity first and checks it is the ticket's phone.

Reading a phone for the wrong ticket would file one customer's battery record,
logs or network data under another's repair.  So a run bound to a ticket runs
`identity` (category `device_info` only) before anything else, compares the
IMEIs read with the ticket's, and stops before any other category is read when
they differ.  A ticket taken in without an IMEI (a send-in before the parcel
arrived) takes the IMEIs, model and serial read from the phone, journaled with
where they came from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.accounts.session import Session
from app.core.privacy_catalogue import check_functions
from app.diagnostics.errors import DiagnosticsError, InvalidConsentInput
from app.storage import ticket_repository
from app.storage.ticket_records import TicketDetail
from app.tickets.moves import load

IDENTITY = "identity"


class PhoneNotThisTicket(DiagnosticsError):
    """The phone plugged in is not the phone of the ticket the run is for (its IMEIs differ)."""

    exit_code = 102
    next_step = (
        "Check which phone this is: run the diagnostics for the ticket it belongs to (--ticket), "
        "or open a new ticket for it."
    )


def ticket_for_run(session: Session, number: str) -> TicketDetail:
    """The ticket a run is for; TicketNotFound (exit 50) before anything is recorded or read."""
    return load(session, number)


def identity_first(functions: Sequence[str], consented: Sequence[str]) -> tuple[str, ...]:
    """The functions of a ticket-bound run with `identity` first (added when not asked for)."""
    if "device_info" not in consented:
        raise InvalidConsentInput(
            "A run for a ticket first reads the phone's identity to check it is the ticket's phone: "
            "add device_info to the consent.",
            code="ticket_run_needs_identity",
        )
    return (IDENTITY, *(f for f in check_functions(functions) if f != IDENTITY))


def _last6(imeis: Sequence[str]) -> str:
    return ", ".join(f"…{imei[-6:]}" for imei in imeis) or "-"


def check_phone(session: Session, ticket: TicketDetail, identity: Mapping[str, Any], run_id: str) -> None:
    """Compare the IMEIs read with the ticket's: PhoneNotThisTicket when they differ or none was read;
    a ticket without an IMEI takes the phone's identity (journaled with its source)."""
    read = [str(i) for i in (identity.get("imei") or [])]
    on_ticket = [i for i in (ticket.row.imei, ticket.imei2) if i]
    if not read:
        raise PhoneNotThisTicket(
            f"The phone gave no IMEI, so it cannot be checked against ticket {ticket.number}; the run stopped.",
            code="phone_gave_no_imei",
            params={"ticket": ticket.number},
        )
    if not on_ticket:
        _take_identity(session, ticket, read, identity, run_id)
        return
    if not set(read) & set(on_ticket):
        raise PhoneNotThisTicket(
            f"This phone (IMEI {_last6(read)}) is not the phone of ticket {ticket.number} "
            f"(IMEI {_last6(on_ticket)}); nothing beyond device_info was read.",
            params={"ticket": ticket.number, "read": _last6(read), "on_ticket": _last6(on_ticket)},
        )


def _take_identity(
    session: Session, ticket: TicketDetail, imeis: list[str], identity: Mapping[str, Any], run_id: str
) -> None:
    model, serial = str(identity.get("model") or ""), str(identity.get("serial") or "")
    sources = dict(identity.get("sources") or {})
    with session.store.transaction(session.actor) as work:
        ticket_repository.set_device_identity(work, ticket.row.id, imeis, model, serial)
        work.record(
            "ticket",
            ticket.row.id,
            "identity_from_phone",
            {
                "number": ticket.number,
                "imei": imeis[:2],
                "model": model or None,
                "serial": serial or None,
                "source": {"diagnostics_run": run_id, **sources},
            },
        )
