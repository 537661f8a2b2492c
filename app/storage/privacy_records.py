"""The privacy desk's records as plain dataclasses (no SQL, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The rights a person may exercise at the counter (docs/ARCHITECTURE.md section 8).
REQUEST_KINDS = ("access", "rectification", "erasure", "restriction", "objection", "withdrawal")
#: How a request may end.
CLOSING_STATUSES = ("done", "refused")


@dataclass(frozen=True)
class PrivacyRequest:
    """A data-subject request: what, for whom (customer UUID only), when due, and how it ended."""

    id: str
    number: str
    kind: str
    customer_id: str
    received_at: str
    #: Aimed answer: 7 days after receipt.
    due_at: str
    #: The latest allowed answer: one calendar month after receipt.
    latest_due_at: str
    status: str
    #: How the person's identity was checked (e.g. "ID card seen", "phone + ticket slip").
    identity_check: str
    identity_checked_by: str
    handled_by: str | None = None
    closed_at: str | None = None
    outcome: str | None = None

    def is_overdue(self, now_iso: str) -> bool:
        """Open and past the aimed 7 days (the desk shows these first, highlighted)."""
        return self.status == "open" and now_iso > self.due_at

    def is_late(self, now_iso: str) -> bool:
        """Open and past the one-month limit."""
        return self.status == "open" and now_iso > self.latest_due_at


@dataclass(frozen=True)
class CustomerFacts:
    """Everything stored about one customer, as the access export shows it."""

    customer: dict[str, Any]
    tickets: list[dict[str, Any]]
    consents: list[dict[str, Any]]
    diagnostic_runs: list[dict[str, Any]]
    contacts: list[dict[str, Any]]
    privacy: dict[str, Any] | None
