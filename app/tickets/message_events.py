"""Queueing the customer's message when a ticket reaches an event they may be told about (issue 17).

Called inside the unit of work that opens or moves the ticket, so the message is queued
exactly when the move commits.  The queue row holds no text: the messages service renders
it at send time.  Nothing is queued without the customer's active consent to messages.
"""

from __future__ import annotations

import secrets

from app.core.after_repair import CARE_GUIDE_EVENT, STATUS_EVENTS, MessageChoice
from app.core.workflow import Status
from app.storage import message_repository
from app.storage.store import UnitOfWork


def record_choice(work: UnitOfWork, ticket_id: str, choice: MessageChoice) -> None:
    """The consent given at intake, stored with the ticket."""
    message_repository.record_consent(work, ticket_id, choice.language, choice.care_guide)


def queue_for_status(work: UnitOfWork, ticket_id: str, status: Status) -> str | None:
    """Queue the message of the event this status is, if any and if consented; the message id or None."""
    event = STATUS_EVENTS.get(status)
    return _queue(work, ticket_id, event) if event else None


def queue_care_guide(work: UnitOfWork, ticket_id: str) -> str | None:
    """At pickup: the care guide as a message, when that is the customer's choice."""
    consent = message_repository.consent_in_work(work, ticket_id)
    if consent is None or consent[1] != "message":
        return None
    return _queue(work, ticket_id, CARE_GUIDE_EVENT)


def _queue(work: UnitOfWork, ticket_id: str, event: str) -> str | None:
    message_id = message_repository.enqueue(work, ticket_id, event, secrets.randbelow(256))
    if message_id is not None:
        work.record("message", message_id, "queue", {"event": event}, upstream=False)
    return message_id
