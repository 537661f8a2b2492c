"""Handing the phone back: the ticket number and the phone's last 4 digits, then the signature.

The check compares the last four digits of the phone number given at intake
in constant time, and says only "does not match" so the counter cannot be
used to guess a number.
"""

from __future__ import annotations

import hmac
import logging

from app.accounts.session import Session
from app.core.roles import Permission
from app.core.workflow import Status
from app.privacy_rules.contact import touch_last_contact
from app.storage import privacy_repository, ticket_repository
from app.storage.ticket_records import TicketDetail
from app.tickets.errors import PickupRefused, TicketChanged
from app.tickets.message_events import queue_care_guide
from app.tickets.moves import load, signature_digest

log = logging.getLogger(__name__)


def pickup_check(session: Session, number: str, phone_last4: str) -> TicketDetail:
    """The ticket, if it is ready and the phone's last four digits match; PickupRefused otherwise."""
    session.require(Permission.WRITE_TICKETS)
    detail = load(session, number)
    given = "".join(ch for ch in phone_last4 if ch.isascii() and ch.isdigit())
    expected = ticket_repository.phone_tail(detail.row.customer_phone or "")
    if len(given) != 4 or not hmac.compare_digest(given, expected):
        raise PickupRefused(f"Ticket {detail.number}: the last four digits of the phone number do not match.")
    if detail.status != Status.READY_FOR_PICKUP:
        raise PickupRefused(f"Ticket {detail.number} is not ready for pickup (it is {detail.status}).")
    return detail


def collect(session: Session, number: str, phone_last4: str, signed_by: str, signature: bytes) -> TicketDetail:
    """Check, take the pickup signature, and close the ticket as collected (one unit of work)."""
    detail = pickup_check(session, number, phone_last4)
    if not signed_by.strip() or not signature:
        raise PickupRefused("The pickup needs the customer's name and signature.")
    customer_id = privacy_repository.customer_of_ticket(session.store, detail.number)
    with session.store.transaction(session.actor) as work:
        if customer_id is not None:
            touch_last_contact(work, customer_id, "pickup")  # a pickup restarts the retention clock
        record = {
            "signed_by": signed_by.strip()[:100],
            "signature_digest": signature_digest(signature),
            "at": work.at,
            "handed_over_by": session.actor,
        }
        if not ticket_repository.set_status(
            work, detail.row.id, Status.READY_FOR_PICKUP.value, Status.COLLECTED.value, "picked up"
        ):
            raise TicketChanged(f"Ticket {detail.number} was changed meanwhile.")
        ticket_repository.set_json(work, detail.row.id, "pickup_json", record)
        # `pickup`: the whole record as the ticket row keeps it, for the outlet's other counters
        work.record("ticket", detail.row.id, "pickup", {"number": detail.number, **record, "pickup": record})
        queue_care_guide(work, detail.row.id)
    log.info("ticket %s collected", detail.number)
    return load(session, number)
