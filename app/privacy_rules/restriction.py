"""Restriction of processing: the customer's data is kept but not used.

While a customer's restriction stands, their tickets cannot be diagnosed,
synced or printed.  Each refusal says why (since when, which request), with a
code and params the GUI words in the interface language:

* diagnostics: `give_consent` refuses to record a consent of a restricted
  customer, and `DiagnosticsFlow.run` calls `ensure_may_process(store,
  ticket_number, Purpose.DIAGNOSTICS, consent.customer_id)` before anything
  reaches the phone, with or without a ticket;
* printing: `write_ticket_slip` (or `ensure_may_process(..., Purpose.PRINTING)`
  in any other print path) before a slip of a stored ticket is rendered;
* sync: `app.sync.restriction_hold.RestrictionAwareOutbox` wraps the relay's
  outbox source and holds back the customer's records (erasures still leave:
  forgetting is not processing); `held_back` says which and why.
"""

from __future__ import annotations

import enum

from app.privacy_rules.errors import ProcessingRestricted
from app.storage import privacy_repository as repo
from app.storage.store import Store


class Purpose(enum.StrEnum):
    DIAGNOSTICS = "diagnostics"
    PRINTING = "printing"
    SYNC = "sync"


_WHAT = {
    Purpose.DIAGNOSTICS: "cannot be diagnosed",
    Purpose.PRINTING: "cannot be printed",
    Purpose.SYNC: "is not sent upstream",
}


def refusal(
    store: Store, ticket_number: str | None, purpose: Purpose, customer_id: str | None = None
) -> ProcessingRestricted | None:
    """Why `purpose` may not touch this customer's data (English, with code and params), or None when it may.

    The customer is the one named (a consent names its customer) or the ticket's: a restriction
    holds whether or not a ticket is named.
    """
    customer = customer_id or (repo.customer_of_ticket(store, ticket_number) if ticket_number else None)
    if customer is None:
        return None
    restricted = repo.restriction_of_customer(store, customer)
    if restricted is None:
        return None
    since, request_id = restricted
    request = repo.request_by_number(store, request_id) if request_id else None
    by = f" (request {request.number})" if request else ""
    subject = f"Ticket {ticket_number}" if ticket_number else "This customer's data"
    return ProcessingRestricted(
        f"{subject} {_WHAT[purpose]}: the customer restricted the processing of their data on {since[:10]}{by}.",
        code=f"restricted_{purpose.value}" if ticket_number else f"restricted_customer_{purpose.value}",
        params={"ticket": ticket_number or "", "since": since[:10]},
    )


def ensure_may_process(
    store: Store, ticket_number: str | None, purpose: Purpose, customer_id: str | None = None
) -> None:
    """Raise `ProcessingRestricted`, saying why, when the customer (named, or the ticket's) restricted processing."""
    refused = refusal(store, ticket_number, purpose, customer_id)
    if refused is not None:
        raise refused


__all__ = ["Purpose", "ensure_may_process", "refusal"]
