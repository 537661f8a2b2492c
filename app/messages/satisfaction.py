"""The customer's rating of the service: 1-5 and an optional comment at pickup, or, when they left
without rating, a follow-up within an hour of completion whose result is recorded (issue 17).

One row per ticket (`satisfaction`); the reports read `satisfaction.rating`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.accounts.session import Session
from app.core.after_repair import MAX_COMMENT, RATINGS, FollowUpDue
from app.core.roles import Permission
from app.core.workflow import Status
from app.messages.errors import RatingRefused
from app.storage import message_repository as repo
from app.tickets.moves import load

FOLLOW_UP_OUTCOMES = ("rated", "declined", "no_answer")


@dataclass(frozen=True)
class FollowUp:
    ticket_number: str
    completed_at: str
    due_at: str
    overdue: bool

    def as_dict(self) -> dict[str, object]:
        return {
            "ticket": self.ticket_number,
            "completed_at": self.completed_at,
            "due_at": self.due_at,
            "overdue": self.overdue,
        }


def record_rating(session: Session, number: str, rating: int, comment: str = "") -> None:
    """The rating the customer gave at the counter on pickup."""
    _record(session, number, "pickup", "rated", rating, comment)


def record_follow_up(session: Session, number: str, outcome: str, rating: int | None = None, comment: str = "") -> None:
    """The result of the follow-up call: rated (with the rating), declined, or no answer."""
    if outcome not in FOLLOW_UP_OUTCOMES:
        raise RatingRefused(
            f"A follow-up ends as one of {', '.join(FOLLOW_UP_OUTCOMES)}.", code="follow_up_outcome_unknown"
        )
    if (outcome == "rated") != (rating is not None):
        raise RatingRefused("A rating goes with the outcome 'rated', and only with it.", code="rating_with_outcome")
    _record(session, number, "follow_up", outcome, rating, comment)


def _record(session: Session, number: str, taken: str, outcome: str, rating: int | None, comment: str) -> None:
    session.require(Permission.WRITE_TICKETS)
    if rating is not None and rating not in RATINGS:
        raise RatingRefused(f"A rating is a whole number from 1 to 5, not {rating}.", code="rating_out_of_range")
    detail = load(session, number)
    if detail.status != Status.COLLECTED:
        raise RatingRefused(
            f"Ticket {detail.number} is not collected yet; it is rated at pickup.",
            code="rating_not_collected",
            params={"ticket": detail.number},
        )
    kept = " ".join(comment.split())[:MAX_COMMENT] or None
    with session.store.transaction(session.actor) as work:
        if not repo.record_satisfaction(work, detail.row.id, outcome, taken, rating, kept):
            raise RatingRefused(
                f"Ticket {detail.number} has been rated already.", code="rating_twice", params={"ticket": detail.number}
            )
        work.record(
            "satisfaction",
            detail.row.id,
            taken,
            {"number": detail.number, "outcome": outcome, "rating": rating, "comment": kept is not None},
            upstream=False,
        )


def follow_ups(session: Session, now: datetime, limit: int = 200) -> list[FollowUp]:
    """Collected tickets with no rating and no follow-up result, the most pressing first."""
    session.require(Permission.READ_TICKETS)
    found = []
    for number, completed in repo.unrated_completions(session.store, limit):
        due = FollowUpDue(number, datetime.fromisoformat(completed))
        found.append(FollowUp(number, completed, due.due_at.isoformat(timespec="milliseconds"), due.overdue(now)))
    return found


def rating_of(session: Session, number: str) -> tuple[int | None, str | None, str, str] | None:
    """(rating, comment, outcome, taken) or None."""
    session.require(Permission.READ_TICKETS)
    return repo.satisfaction_of(session.store, load(session, number).row.id)
