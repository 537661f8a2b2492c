"""Settling a message whose fate is unknown (a part went to the modem and no answer came).

The counter never guesses: a person asks the customer whether the message arrived and says
so; "reached" closes it (or goes on with the parts not yet sent), "not reached" sends
the part again.
"""

from __future__ import annotations

from app.accounts.session import Session
from app.core.roles import Permission
from app.messages.errors import MessageNotFound, NotUncertain
from app.storage import message_repository as repo


def resolve(session: Session, message_id: str, *, reached: bool) -> str:
    """The message's new state after the person's decision."""
    session.require(Permission.WRITE_TICKETS)
    if repo.message_row(session.store, message_id) is None:
        raise MessageNotFound(f"No message {message_id[:40]!r}.", params={"message": message_id[:40]})
    with session.store.transaction(session.actor) as work:
        state = repo.settle_uncertain(work, message_id, reached)
        if state is None:
            raise NotUncertain(f"Message {message_id} is not uncertain.", params={"message": message_id})
        repo.journal_attempt(work, message_id, "reached" if reached else "not_reached")
        work.record("message", message_id, "resolve", {"reached": reached, "state": state}, upstream=False)
    return state
