"""Data-subject requests at the counter: take one, list them with their due dates, close one.

A request is taken only with a recorded identity check (how, and by whom).
Its due date is 7 days after receipt (the answer the outlet aims for) and
one calendar month at most (the legal limit); open requests past 7 days are
overdue and the desk shows them first, highlighted.  Closing a request that
acts on data (erasure, restriction, objection, withdrawal) is done by the
action itself (`app/privacy/actions.py`), which closes it in the same unit of
work as the change.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from app.accounts.session import Session
from app.clock import iso
from app.core.retention import add_months
from app.core.roles import Permission
from app.privacy_rules.errors import (
    IdentityNotChecked,
    InvalidRequestInput,
    RequestClosed,
    UnknownCustomer,
    UnknownRequest,
)
from app.storage import privacy_repository as repo
from app.storage.privacy_records import CLOSING_STATUSES, REQUEST_KINDS, PrivacyRequest
from app.storage.store import UnitOfWork

#: The answer the outlet aims for.
AIMED_DAYS = 7
#: The longest the law allows.
LIMIT_MONTHS = 1
MAX_TEXT = 300


def due_dates(received: datetime) -> tuple[datetime, datetime]:
    """(aimed, latest) answer dates for a request received at `received`."""
    return received + timedelta(days=AIMED_DAYS), add_months(received, LIMIT_MONTHS)


def _clean(text: str, what: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_TEXT:
        raise InvalidRequestInput(f"The {what} is longer than {MAX_TEXT} characters.")
    return cleaned


def new_request(session: Session, kind: str, customer_id: str, identity_check: str) -> PrivacyRequest:
    """Record a request received now; the identity check says how the person proved who they are."""
    session.require(Permission.HANDLE_REQUESTS)
    if kind not in REQUEST_KINDS:
        raise InvalidRequestInput(f"A request is one of {', '.join(REQUEST_KINDS)}, not {kind!r}.")
    check = _clean(identity_check, "identity check")
    if not check:
        raise IdentityNotChecked("Say how the person's identity was checked before taking the request.")
    if not repo.customer_exists(session.store, customer_id):
        raise UnknownCustomer(f"No customer {customer_id}.")
    received = session.store.clock()
    aimed, latest = due_dates(received)
    with session.store.transaction(session.actor) as work:
        number = repo.next_request_number(work, f"{received:%Y%m%d}")
        request = PrivacyRequest(
            str(uuid.uuid4()), number, kind, customer_id, work.at, iso(aimed), iso(latest), "open", check, session.actor
        )
        repo.insert_request(work, request)
        work.record(
            "privacy_request",
            request.id,
            "create",
            {"number": number, "kind": kind, "customer": customer_id, "due_at": request.due_at},
            outbox_payload={"number": number, "kind": kind, "due_at": request.due_at},
        )
    return request


def new_request_for_ticket(session: Session, kind: str, ticket_number: str, identity_check: str) -> PrivacyRequest:
    """A request from the customer of this ticket (how the counter finds a person)."""
    session.require(Permission.HANDLE_REQUESTS)
    customer = repo.customer_of_ticket(session.store, ticket_number.strip().upper())
    if customer is None:
        shown = ticket_number.strip()[:40]
        raise UnknownCustomer(
            f"No customer found for ticket {shown or '(none given)'}.",
            code="no_customer_for_ticket",
            params={"ticket": shown},
        )
    return new_request(session, kind, customer, identity_check)


def find_request(session: Session, number: str) -> PrivacyRequest:
    session.require(Permission.HANDLE_REQUESTS)
    found = repo.request_by_number(session.store, number.strip())
    if found is None:
        raise UnknownRequest(f"No privacy request {number}.", params={"request": number})
    return found


def list_requests(session: Session, *, open_only: bool = False) -> list[PrivacyRequest]:
    """Open requests first, soonest due first."""
    session.require(Permission.HANDLE_REQUESTS)
    return repo.list_requests(session.store, open_only=open_only)


def close_in(work: UnitOfWork, request: PrivacyRequest, status: str, outcome: str) -> None:
    """Close `request` inside the unit of work that carried it out."""
    if status not in CLOSING_STATUSES:
        raise InvalidRequestInput(f"A request closes as {' or '.join(CLOSING_STATUSES)}, not {status!r}.")
    if not repo.close_request(work, request.id, status, _clean(outcome, "outcome")):
        raise RequestClosed(f"Request {request.number} is already closed.")
    work.record(
        "privacy_request",
        request.id,
        "close",
        {"number": request.number, "status": status, "outcome": outcome},
        outbox_payload={"number": request.number, "status": status},
    )


def close_request(session: Session, number: str, status: str, outcome: str) -> PrivacyRequest:
    """Close a request whose answer was given outside the app (access handed over, objection noted...)."""
    request = find_request(session, number)
    if request.status != "open":
        raise RequestClosed(f"Request {request.number} is already closed.")
    with session.store.transaction(session.actor) as work:
        close_in(work, request, status, outcome)
    return find_request(session, number)


def overdue(requests: list[PrivacyRequest], now: datetime) -> list[PrivacyRequest]:
    stamp = iso(now)
    return [r for r in requests if r.is_overdue(stamp)]
