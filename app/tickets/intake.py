"""Opening a repair ticket: check what the service type asks, find a returning customer,
give the warranty verdict and the response deadline, and store it all in one unit of work.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import datetime

from app.accounts.session import Session
from app.core.after_repair import MessageChoice
from app.core.identifiers import TacCatalogue, normalise_imei
from app.core.priority import suggest_priority
from app.core.privacy_catalogue import FAULTS
from app.core.reference_data import ReferenceData
from app.core.reference_updates import ReferenceInForce
from app.core.roles import Permission
from app.core.workflow import Status
from app.errors import Problem, UsageError
from app.logging_setup import remember_names
from app.privacy_rules.children import AgeDeclaration, check_declaration, record_declaration
from app.storage import staff_repository, ticket_repository
from app.storage.ticket_records import NewTicket, TicketRow
from app.tickets.customers import matching_customer, picked_customer
from app.tickets.errors import IntakeIncomplete
from app.tickets.message_events import queue_for_status, record_choice
from app.tickets.outlet_calendar import business_calendar
from app.tickets.outlet_clock import OutletClock
from app.tickets.reference_in_force import reference_in_force
from app.tickets.service_types import field_problems, normalise_phone
from app.tickets.warranty_check import check_warranty, verdict_record

SERVICE_TYPES = ("maintenance", "send_in", "return_exchange")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReturningCustomer:
    """What the counter may prefill for a customer found by phone number."""

    customer_id: str
    name: str
    email: str
    address: str


def normalised(new: NewTicket) -> NewTicket:
    """Phone and IMEIs in their stored form; texts stripped."""

    def imei(value: str) -> str:
        try:
            return normalise_imei(value) if value else ""
        except ValueError:
            return value  # reported by the field check, kept as typed

    stripped = {
        f.name: getattr(new, f.name).strip() for f in dataclasses.fields(new) if isinstance(getattr(new, f.name), str)
    }
    stripped.update(
        customer_phone=normalise_phone(new.customer_phone), imei=imei(new.imei.strip()), imei2=imei(new.imei2.strip())
    )
    return dataclasses.replace(new, **stripped)


def intake_problems(new: NewTicket, today: datetime, reference: ReferenceData | None = None) -> dict[str, Problem]:
    problems = field_problems(new, today.date())
    if new.fault_category not in FAULTS:
        problems["fault_category"] = Problem("fault_category", f"one of {', '.join(FAULTS)}")
    if reference is not None and "device_model" not in problems:
        problems.update(model_problems(new, reference))
    return problems


def model_problems(new: NewTicket, reference: ReferenceData) -> dict[str, Problem]:
    """An IMEI whose TAC (its first 8 digits) belongs to another model than the one entered."""
    catalogue = TacCatalogue.with_registry((d.imei, d.model) for d in reference.benefits.devices.values())
    for imei in (new.imei, new.imei2):
        hint = catalogue.model_hint(imei) if imei else None
        if hint and new.device_model and hint.casefold() != new.device_model.strip().casefold():
            english = f"the IMEI {imei[:8]}... is a {hint}, not a {new.device_model}: check the model or the IMEI"
            return {"device_model": Problem("model_not_imei", english, tac=imei[:8], hint=hint, model=new.device_model)}
    return {}


def returning_customer(session: Session, phone: str) -> ReturningCustomer | None:
    """The customer already known by this phone number, to prefill the intake."""
    session.require(Permission.READ_TICKETS)
    found = ticket_repository.customer_by_phone(session.store, normalise_phone(phone))
    return ReturningCustomer(*found) if found else None


def outlet_clock(session: Session, reference: ReferenceInForce | None = None) -> OutletClock:
    """The outlet's zone and calendar (app.tickets.outlet_calendar: its hours, the region's and its own holidays)."""
    outlet = staff_repository.outlet(session.store)
    return OutletClock.for_region(outlet.region if outlet else "CN", business_calendar(session, reference))


def intake_check(session: Session, new: NewTicket) -> dict[str, Problem]:
    """What `open_ticket` would refuse in this form, without storing it (the wizard checks each step)."""
    session.require(Permission.WRITE_TICKETS)
    in_force = reference_in_force(session.store)
    clock = outlet_clock(session, in_force)
    return intake_problems(normalised(new), clock.local(session.store.clock()), in_force.data)


def guardian_consent_age(session: Session) -> int:
    """Below this age (the outlet's region's) a guardian consents for the customer."""
    outlet = staff_repository.outlet(session.store)
    return reference_in_force(session.store).data.regions.get(outlet.region if outlet else "CN").guardian_consent_age


def open_ticket(
    session: Session,
    new: NewTicket,
    *,
    reference: ReferenceData | None = None,
    age: AgeDeclaration | None = None,
    messages: MessageChoice | None = None,
) -> TicketRow:
    """Validate and store a new ticket; raises IntakeIncomplete naming every field to fix.

    `age` is the customer's age bracket (issue 8): below the region's age it must
    carry a guardian's consent (GuardianConsentNeeded otherwise), recorded with the ticket.
    `messages` is the customer's consent to short messages about this repair (issue 17);
    None means no: nothing is ever sent for this ticket.
    """
    session.require(Permission.WRITE_TICKETS)
    outlet = staff_repository.outlet(session.store)
    if outlet is None:
        raise UsageError("This store has no outlet yet.")
    now = session.store.clock()
    in_force = reference_in_force(session.store)
    reference = reference or in_force.data
    clock = outlet_clock(session, in_force)
    new = normalised(new)
    picked = picked_customer(session.store, new)
    if picked is not None:
        new = picked.new
    problems = intake_problems(new, clock.local(now), reference)
    if problems:
        raise IntakeIncomplete(problems)
    local_today = clock.local(now).date()
    warranty = check_warranty(reference, outlet.region, new.imei, new.purchase_date, local_today)
    guardian_age = 0
    if age is not None:
        guardian_age = reference.regions.get(outlet.region).guardian_consent_age
        check_declaration(age, guardian_age)
        remember_names([age.guardian_name])
    due = clock.due_at(now, new.priority).isoformat(timespec="milliseconds")
    remember_names([new.customer_name])
    with session.store.transaction(session.actor) as work:
        match = picked or matching_customer(session.store, new)
        customer_id = ticket_repository.save_customer(work, new, match.customer_id)
        if age is not None:
            record_declaration(work, customer_id, age, guardian_age)
        number = ticket_repository.next_ticket_number(work, outlet.code, f"{local_today:%Y%m%d}")
        ticket = ticket_repository.insert_ticket(
            work, number, customer_id, new, due_at=due, warranty=verdict_record(warranty)
        )
        change = {
            "number": number,
            "customer": customer_id,
            "returning": match.customer_id is not None,
            "customer_match": match.how,
            "due_at": due,
            "warranty": warranty.verdict.reason_code.value,
            "priority_suggested": int(suggest_priority(new.service_type, new.fault_category)),
            "purchase_date_conflict": verdict_record(warranty)["purchase_date_conflict"],
            **new.journal_change(),
            # What the other counters of the outlet need to write the same ticket row (the hub's
            # projection, app/storage/replica_projection.py); the region's allow-list leaves them out.
            "created_at": work.at,
            "created_by": work.actor,
            "warranty_verdict": verdict_record(warranty),
        }
        work.record("ticket", ticket.id, "create", change)
        if messages is not None:
            record_choice(work, ticket.id, messages)
            queue_for_status(work, ticket.id, Status.RECEIVED)
    log.info("ticket %s opened (%s, priority %d)", ticket.number, new.service_type, new.priority)
    return ticket


def find_ticket(session: Session, number: str) -> TicketRow | None:
    session.require(Permission.READ_TICKETS)
    return ticket_repository.ticket_by_number(session.store, number.strip().upper())


def recent(session: Session, limit: int = 50, status: str | None = None) -> list[TicketRow]:
    session.require(Permission.READ_TICKETS)
    return ticket_repository.recent_tickets(session.store, limit, status)
