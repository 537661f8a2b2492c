"""The customer's consent to messages about a repair: given at intake or later, withdrawn any time.

Withdrawing stops every message of the ticket not yet sent and forgets the number they held.
"""

from __future__ import annotations

from app.accounts.session import Session
from app.core.after_repair import MessageChoice
from app.core.roles import Permission
from app.messages.errors import NoMessageConsent
from app.storage import message_repository as repo
from app.storage.message_repository import MessageConsent
from app.tickets.message_events import record_choice
from app.tickets.moves import load


def give(session: Session, number: str, choice: MessageChoice) -> MessageConsent:
    session.require(Permission.WRITE_TICKETS)
    detail = load(session, number)
    with session.store.transaction(session.actor) as work:
        record_choice(work, detail.row.id, choice)
        work.record(
            "message_consent",
            detail.row.id,
            "give",
            {"number": detail.number, "language": choice.language, "care_guide": choice.care_guide},
            upstream=False,
        )
    found = repo.consent_of(session.store, detail.row.id)
    assert found is not None
    return found


def withdraw(session: Session, number: str) -> int:
    """Withdraw; how many queued messages were stopped."""
    session.require(Permission.WRITE_TICKETS)
    detail = load(session, number)
    consent = repo.consent_of(session.store, detail.row.id)
    if consent is None:
        raise NoMessageConsent(f"Ticket {detail.number} has no consent to messages.", params={"ticket": detail.number})
    with session.store.transaction(session.actor) as work:
        stopped = repo.withdraw_consent(work, detail.row.id)
        work.record(
            "message_consent", detail.row.id, "withdraw", {"number": detail.number, "stopped": stopped}, upstream=False
        )
    return stopped


def consent_for(session: Session, number: str) -> MessageConsent | None:
    session.require(Permission.READ_TICKETS)
    return repo.consent_of(session.store, load(session, number).row.id)
