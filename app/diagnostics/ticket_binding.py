"""A diagnostics run for a ticket reads the phone's identity first and checks it is the ticket's phone.

Reading a phone for the wrong ticket would file one customer's battery record,
logs or network data under another's repair.  So a run bound to a ticket runs
`identity` (category `device_info` only) before anything else, compares the
IMEIs read with the ticket's, and stops before any other category is read when
they differ.  A ticket taken in without an IMEI (a send-in before the parcel
arrived) takes the IMEIs, model and serial read from the phone, journaled with
where they came from.

A run made on intake step 2, before the ticket exists, is filed under the new
ticket once it is saved (`file_run_under_ticket`), with the same IMEI check;
either way the ticket then moves from Received to Diagnosing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.accounts.session import Session
from app.core.privacy_catalogue import check_functions
from app.core.roles import Permission
from app.core.workflow import Status, allowed_targets
from app.diagnostics.errors import DiagnosticsError, InvalidConsentInput, RunNotFound
from app.storage import diagnostics_repository, privacy_repository, ticket_repository
from app.storage.ticket_records import TicketDetail
from app.tickets.moves import load, move_ticket

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


def file_run_under_ticket(session: Session, run_id: str, number: str) -> TicketDetail:
    """A run made during intake, before its ticket existed, filed under the ticket just opened.

    The phone's identity read by the run is checked against the ticket as for a run bound from the
    start (PhoneNotThisTicket when it differs); the consent then names the ticket's customer, so
    restriction and withdrawal reach it.  The ticket moves to Diagnosing.
    """
    session.require(Permission.RUN_DIAGNOSTICS)
    ticket = load(session, number)
    run = diagnostics_repository.run_by_id(session.store, run_id)
    if run is None:
        raise RunNotFound(f"No diagnostics run {run_id[:40]!r}.", params={"run": run_id[:40]})
    if run.ticket_number not in (None, ticket.number):
        raise InvalidConsentInput(
            f"This run is filed under ticket {run.ticket_number}, not {ticket.number}.",
            code="run_filed_elsewhere",
            params={"ticket": run.ticket_number},
        )
    if run.ticket_number is None:
        identity = diagnostics_repository.result_of_run(session.store, run_id, IDENTITY) or {}
        check_phone(session, ticket, identity, run_id)
        customer = privacy_repository.customer_of_ticket(session.store, ticket.number)
        with session.store.transaction(session.actor) as work:
            diagnostics_repository.bind_run_to_ticket(work, run_id, run.consent_id, ticket.number, customer)
            work.record("diag_run", run_id, "file_under_ticket", {"number": ticket.number, "consent": run.consent_id})
    return start_diagnosing(session, ticket.number)


def start_diagnosing(session: Session, number: str) -> TicketDetail:
    """A ticket whose phone was just diagnosed moves from Received to Diagnosing (when its agreement
    is signed; otherwise it stays, and the ticket page says no work may start)."""
    ticket = load(session, number)
    if ticket.agreement and Status.DIAGNOSING in allowed_targets(Status(ticket.status)):
        move_ticket(session, ticket.number, Status.DIAGNOSING, "diagnostics run")
        return load(session, number)
    return ticket
