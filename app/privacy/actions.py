"""Carrying out a request: erase, rectify, restrict (and lift), object, withdraw consent.

Each action takes the open request it answers and closes it in the same unit
of work as the change, so the journal shows the request and its answer
together.  Only those who may handle requests (managers) act.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from app.accounts.session import Session
from app.core.roles import Permission
from app.diagnostics.consent import withdraw_consent
from app.privacy.export import MAX_EXPORT_BYTES
from app.privacy.requests import close_in, find_request
from app.privacy_rules.errors import InvalidRequestInput, RequestClosed, UnknownCustomer
from app.storage import message_repository
from app.storage import privacy_repository as repo
from app.storage import privacy_retention as disposal
from app.storage.customer_erasure import erase_customer_rows
from app.storage.privacy_records import CustomerFacts, PrivacyRequest
from app.tickets.service_types import normalise_phone

log = logging.getLogger(__name__)

ERASURE_REASON = "erasure_request"


@dataclass(frozen=True)
class ErasureReport:
    """Counts only: what an erasure removed (the journal and the desk show this)."""

    request_number: str
    tickets_anonymised: int
    diagnostic_rows_deleted: int
    consents_reduced: int
    outbox_rows_scrubbed: int
    export_files_deleted: int


def _open_request(session: Session, number: str, kind: str) -> PrivacyRequest:
    session.require(Permission.HANDLE_REQUESTS)
    request = find_request(session, number)
    if request.status != "open":
        raise RequestClosed(f"Request {request.number} is already closed.")
    if request.kind != kind:
        raise InvalidRequestInput(f"Request {request.number} is a {request.kind} request, not {kind}.")
    return request


def _facts(session: Session, customer_id: str) -> CustomerFacts:
    facts = repo.customer_facts(session.store, customer_id)
    if facts is None:
        raise UnknownCustomer(f"No customer {customer_id} (already erased?).")
    return facts


def personal_values(facts: CustomerFacts) -> list[str]:
    """Every stored value that names or identifies the customer, to find copies of it (outbox payloads)."""
    values = [facts.customer.get(k) for k in ("name", "phone", "email", "address")]
    for ticket in facts.tickets:
        values += [ticket.get(k) for k in ("imei", "imei2", "serial", "fault", "tracking_number")]
    if facts.privacy:
        values.append(facts.privacy.get("guardian_name"))
    return sorted({v for v in values if isinstance(v, str) and len(v) >= 4})


def _delete_export_files(files: list[tuple[str, str]]) -> int:
    """Delete the export files still where they were written and unchanged (a replaced file is not ours)."""
    deleted = 0
    for name, sha256 in files:
        path = Path(name)
        if (
            path.is_file()
            and path.stat().st_size <= MAX_EXPORT_BYTES
            and hashlib.sha256(path.read_bytes()).hexdigest() == sha256
        ):
            path.unlink()
            deleted += 1
    return deleted


def erase(session: Session, request_number: str) -> ErasureReport:
    """Delete the customer's personal data; keep anonymised statistics and digests; tell the upstream.

    Tickets are anonymised (kept for statistics without anything that points at
    the person), device identifiers and diagnostic data deleted, consents reduced
    to digests, the customer row deleted, outbox copies scrubbed, exports
    deleted, and one "erase" operation per record queued for the upstream.
    """
    request = _open_request(session, request_number, "erasure")
    facts = _facts(session, request.customer_id)
    values = personal_values(facts)
    exports = repo.export_files(session.store, request.customer_id)
    disposal.overwrite_deleted_content(session.store)
    with session.store.transaction(session.actor) as work:
        erased = erase_customer_rows(session.store, work, request.customer_id, values)
        upstream = {"reason": ERASURE_REASON, "request_id": request.id}
        for ticket_id in erased.ticket_ids:
            work.record("ticket", ticket_id, "erase", upstream)
        work.record("customer", request.customer_id, "erase", upstream)
        tickets = erased.tickets_anonymised
        close_in(work, request, "done", f"erased: {tickets} tickets anonymised")
    files = _delete_export_files(exports)
    disposal.checkpoint(session.store)
    log.info("erasure %s carried out", request.number)
    return ErasureReport(
        request.number,
        tickets,
        erased.diagnostic_rows_deleted,
        erased.consents_reduced,
        erased.outbox_rows_scrubbed,
        files,
    )


RECTIFIABLE = ("name", "phone", "email", "address")


def rectify(session: Session, request_number: str, corrections: dict[str, str]) -> None:
    """Correct the customer's contact details; the upstream gets the corrected fields."""
    request = _open_request(session, request_number, "rectification")
    unknown = set(corrections) - set(RECTIFIABLE)
    if unknown or not corrections:
        raise InvalidRequestInput(f"Correct one or more of {', '.join(RECTIFIABLE)}.")
    _facts(session, request.customer_id)
    if "phone" in corrections:
        corrections = {**corrections, "phone": normalise_phone(corrections["phone"])}
    with session.store.transaction(session.actor) as work:
        repo.rectify_customer(work, request.customer_id, corrections)
        work.record(
            "customer",
            request.customer_id,
            "rectify",
            {"fields": sorted(corrections)},
            outbox_payload={"request_id": request.id, **corrections},
        )
        close_in(work, request, "done", f"rectified: {', '.join(sorted(corrections))}")


def restrict(session: Session, request_number: str) -> None:
    """Keep the data, stop processing it: diagnostics, sync and printing refuse this customer's tickets."""
    request = _open_request(session, request_number, "restriction")
    _facts(session, request.customer_id)
    with session.store.transaction(session.actor) as work:
        repo.set_restriction(work, request.customer_id, request.id)
        work.record("customer", request.customer_id, "restrict", {"request": request.number})
        close_in(work, request, "done", "processing restricted")


def lift_restriction(session: Session, customer_id: str) -> bool:
    """End a restriction (the customer asked, or the reason for it ended); False if none stood."""
    session.require(Permission.HANDLE_REQUESTS)
    with session.store.transaction(session.actor) as work:
        lifted = repo.lift_restriction(work, customer_id)
        if lifted:
            work.record("customer", customer_id, "lift_restriction", {"at": work.at})
    return lifted


def record_objection(session: Session, request_number: str) -> None:
    request = _open_request(session, request_number, "objection")
    _facts(session, request.customer_id)
    with session.store.transaction(session.actor) as work:
        repo.set_objection(work, request.customer_id)
        work.record("customer", request.customer_id, "object", {"request": request.number})
        close_in(work, request, "done", "objection recorded")


def last_withdrawal(session: Session, customer_id: str) -> str | None:
    """When the customer's latest consent was withdrawn, or None if none was (a repeated request's answer)."""
    facts = _facts(session, customer_id)
    times = [c["withdrawn_at"] for c in facts.consents if c["withdrawn_at"] is not None]
    return max(times) if times else None


def withdraw(session: Session, request_number: str) -> int:
    """Withdraw every active consent of the customer, with or without a ticket (their diagnostic data goes too)."""
    request = _open_request(session, request_number, "withdrawal")
    facts = _facts(session, request.customer_id)
    active = [c["id"] for c in facts.consents if c["withdrawn_at"] is None]
    for consent_id in active:
        withdraw_consent(session, consent_id)
    with session.store.transaction(session.actor) as work:
        message_repository.withdraw_customer_consents(work, request.customer_id)  # messages stop too (issue 17)
        close_in(work, request, "done", f"{len(active)} consents withdrawn")
    return len(active)
