"""Moving a ticket through the workflow, with the checks the counter's rules add.

`app.core.workflow` says which moves exist; this adds what must be on file
before some of them, and journals every move with who and when:

* no work (diagnosing, repairing, sending to the repair centre) before the
  service agreement is signed;
* repairing only with the estimate approved, unless the repair is under
  warranty (the stored verdict says so);
* collected only through `pickup.collect`, which checks the customer and
  takes the pickup signature.
"""

from __future__ import annotations

import hashlib
import logging

from app.accounts.session import Session
from app.core.reference_data import ConsentDocument
from app.core.roles import Permission
from app.core.workflow import TERMINAL, Status, TransitionRefused, allowed_targets, check_transition, parse_status
from app.storage import ticket_repository
from app.storage.ticket_records import TicketDetail, TicketRow
from app.tickets.errors import (
    AgreementMissing,
    ApprovalMissing,
    TicketChanged,
    TicketNotFound,
    TransitionNotAllowed,
)
from app.tickets.message_events import queue_for_status

log = logging.getLogger(__name__)

#: Statuses that mean hands are on the phone: the agreement must be signed first.
WORK_STATUSES = frozenset({Status.DIAGNOSING, Status.REPAIRING, Status.SENT_TO_REPAIR_CENTRE})
MAX_NOTE = 500


def load(session: Session, number: str) -> TicketDetail:
    """The ticket with this number, or TicketNotFound."""
    session.require(Permission.READ_TICKETS)
    detail = ticket_repository.ticket_detail(session.store, number.strip().upper())
    if detail is None:
        shown = number.strip()[:40]
        raise TicketNotFound(f"No ticket {shown!r} in this store.", params={"ticket": shown})
    return detail


def _free_of_charge(detail: TicketDetail) -> bool:
    """An estimate whose every line is covered (a care benefit) costs nothing: no approval to wait for."""
    estimate = [line for line in detail.lines if line.kind == "estimate"]
    return bool(estimate) and all(line.total == 0 for line in estimate)


def _preconditions(detail: TicketDetail, target: Status) -> None:
    if target in WORK_STATUSES and not detail.agreement:
        raise AgreementMissing(f"Ticket {detail.number}: the service agreement is not signed yet.")
    if target is Status.REPAIRING:
        in_warranty = bool(detail.warranty and detail.warranty.get("in_warranty"))
        if not in_warranty and not detail.approval and not _free_of_charge(detail):
            raise ApprovalMissing(f"Ticket {detail.number} is not under warranty and its estimate is not approved.")
    if target is Status.COLLECTED:
        raise TransitionNotAllowed(
            "Collection needs the pickup check and signature: use pickup.", code="collect_by_pickup"
        )


def move_ticket(session: Session, number: str, target: str | Status, note: str = "") -> TicketRow:
    """Move one ticket; refused moves raise with the reason in both languages."""
    session.require(Permission.WRITE_TICKETS)
    detail = load(session, number)
    wanted = parse_status(target) if isinstance(target, str) else target
    current = Status(detail.status)
    try:
        check_transition(current, wanted)
    except TransitionRefused as refusal:
        raise _not_allowed(refusal) from None
    _preconditions(detail, wanted)
    _apply(session, detail, current, wanted, note[:MAX_NOTE])
    log.info("ticket %s: %s -> %s", detail.number, current.value, wanted.value)
    return ticket_repository.ticket_by_number(session.store, detail.number) or detail.row


def _not_allowed(refusal: TransitionRefused) -> TransitionNotAllowed:
    """The workflow's refusal as the service's problem: a code and the statuses, for the GUI to word."""
    current, target = refusal.current, refusal.target
    if current in TERMINAL:
        code = "ticket_closed"
    elif current == target:
        code = "ticket_already"
    else:
        code = "transition_not_allowed"
    allowed = [status.value for status in Status if status in allowed_targets(current)]
    params = {"current": current.value, "target": target.value, "allowed": allowed}
    return TransitionNotAllowed(refusal.message.en, code=code, params=params)


def _apply(session: Session, detail: TicketDetail, current: Status, wanted: Status, note: str) -> None:
    with session.store.transaction(session.actor) as work:
        if not ticket_repository.set_status(work, detail.row.id, current.value, wanted.value, note):
            raise TicketChanged(f"Ticket {detail.number} was changed meanwhile.")
        work.record(
            "ticket",
            detail.row.id,
            "move",
            # `by`: who moved it, for the same history line on the outlet's other counters
            {"number": detail.number, "from": current.value, "to": wanted.value, "note": note, "by": work.actor},
        )
        queue_for_status(work, detail.row.id, wanted)


def signature_digest(signature: bytes) -> str:
    """What is stored of a signature: its SHA-256 (the strokes stay with the signed PDF)."""
    return hashlib.sha256(signature).hexdigest()


def sign_agreement(
    session: Session, number: str, document: ConsentDocument, language: str, signed_by: str, signature: bytes
) -> TicketDetail:
    """Record that the customer was shown this agreement text and signed it."""
    session.require(Permission.WRITE_TICKETS)
    detail = load(session, number)
    if not signed_by.strip() or not signature:
        raise AgreementMissing("The agreement needs the signer's name and a signature.")
    text = document.text(language)
    record = {
        "text_id": document.text_id,
        "version": document.version,
        "language": text.language,
        "signed_by": signed_by.strip()[:100],
        "signature_digest": signature_digest(signature),
    }
    with session.store.transaction(session.actor) as work:
        record["signed_at"] = work.at
        ticket_repository.set_json(work, detail.row.id, "agreement_json", record)
        # `agreement`: the whole record as the ticket row keeps it, for the outlet's other counters
        work.record("ticket", detail.row.id, "sign_agreement", {"number": detail.number, **record, "agreement": record})
    return load(session, number)
