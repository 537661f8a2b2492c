"""What the status bar shows of the messages: how many wait, and what the modem last did."""

from __future__ import annotations

from dataclasses import dataclass

from app.accounts.session import Session
from app.core.roles import Permission
from app.storage import message_repository as repo


@dataclass(frozen=True)
class QueueStatus:
    waiting: int
    #: The newest try's outcome ("sent", "busy", "no_network", "unplugged" ...), "" before any.
    last_outcome: str
    last_at: str

    @property
    def modem_ok(self) -> bool | None:
        """True after a send went through, False after a fault, None before any try."""
        if not self.last_outcome:
            return None
        return self.last_outcome in ("sent", "reached", "not_reached")


def queue_status(session: Session) -> QueueStatus:
    session.require(Permission.READ_TICKETS)
    last = repo.last_attempt(session.store)
    return QueueStatus(repo.waiting_count(session.store), *(last or ("", "")))
