"""Last contact per customer: a visit, a call logged at the counter, a pickup each restart the
retention clock of docs/ARCHITECTURE.md section 8 ("12 months from the customer's last contact")."""

from __future__ import annotations

from app.accounts.session import Session
from app.core.roles import Permission
from app.privacy_rules.errors import InvalidRequestInput, UnknownCustomer
from app.storage import privacy_repository as repo
from app.storage.store import UnitOfWork

CONTACT_KINDS = ("visit", "call", "pickup")


def touch_last_contact(work: UnitOfWork, customer_id: str, kind: str) -> None:
    """Inside another unit of work (a pickup, a visit): reset the customer's last contact."""
    if kind not in CONTACT_KINDS:
        raise InvalidRequestInput(f"A contact is one of {', '.join(CONTACT_KINDS)}, not {kind!r}.")
    repo.touch_last_contact(work, customer_id, kind)


def log_contact(session: Session, customer_id: str, kind: str) -> None:
    """A contact logged at the counter (a call, a visit without a new ticket), journaled."""
    session.require(Permission.WRITE_TICKETS)
    if not repo.customer_exists(session.store, customer_id):
        raise UnknownCustomer(f"No customer {customer_id}.")
    with session.store.transaction(session.actor) as work:
        touch_last_contact(work, customer_id, kind)
        work.record(
            "customer",
            customer_id,
            "contact",
            {"kind": kind, "at": work.at},
            outbox_payload={"kind": kind, "at": work.at},
        )
