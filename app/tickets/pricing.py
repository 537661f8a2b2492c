"""Estimates and invoices from the reference price list (standard guide prices).

An estimate is a set of lines (parts fitting the ticket's model, and labour);
the customer's approval of its total is recorded with a signature digest.
The invoice repeats the lines actually used; under warranty they are charged
at zero, with the guide price kept in the description for the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from app.accounts.session import Session
from app.core.reference_data import PriceItem, PriceList
from app.core.roles import Permission
from app.core.workflow import Status
from app.storage import ticket_repository
from app.storage.ticket_records import TicketDetail, TicketLine
from app.tickets.errors import ApprovalMissing, TicketError, TransitionNotAllowed
from app.tickets.moves import load, signature_digest
from app.tickets.reference_in_force import reference_in_force
from app.tickets.warranty_decision import charged, decision_of

MAX_QUANTITY = 20


class PriceLookupFailed(TicketError):
    exit_code = 59
    next_step = "Pick a part from the price list for this model (ticket parts NO lists them)."


def parts_for(session: Session, detail: TicketDetail, prices: PriceList | None = None) -> tuple[PriceItem, ...]:
    """The parts and labour lines that apply to this ticket's model, at the prices in force."""
    return (prices or prices_in_force(session)).for_model(detail.row.device_model or "")


def prices_in_force(session: Session) -> PriceList:
    """The shipped price list with the prices sync pulled laid over it."""
    return reference_in_force(session.store).data.price_list


def _items(detail: TicketDetail, part_ids: Sequence[str], prices: PriceList) -> list[PriceItem]:
    chosen = []
    for part_id in part_ids:
        try:
            item = prices.item(part_id)
        except KeyError:
            raise PriceLookupFailed(f"No part {part_id!r} in the price list {prices.version}.") from None
        if not item.fits(detail.row.device_model or ""):
            raise PriceLookupFailed(f"Part {part_id} does not fit {detail.row.device_model}.")
        chosen.append(item)
    return chosen


def add_estimate(
    session: Session, number: str, part_ids: Sequence[str], *, prices: PriceList | None = None
) -> tuple[TicketLine, ...]:
    """Price the chosen parts and labour at guide prices; the ticket's estimate becomes their total."""
    session.require(Permission.WRITE_TICKETS)
    detail = load(session, number)
    prices = prices or prices_in_force(session)
    items = _items(detail, part_ids, prices)
    covers = decision_of(detail).covers([(i.part_id, i.kind) for i in items])
    with session.store.transaction(session.actor) as work:
        lines = []
        for item, cover in zip(items, covers, strict=True):
            price, text = charged(item.price, item.name.en, cover)
            lines.append(ticket_repository.add_line(work, detail.row.id, "estimate", item.part_id, text, 1, price))
        total = sum((line.total for line in _estimate_lines(detail) + lines), Decimal("0.00"))
        ticket_repository.set_estimate(work, detail.row.id, total)
        work.record(
            "ticket",
            detail.row.id,
            "estimate",
            {
                "number": detail.number,
                "parts": list(part_ids),
                "total": str(total),
                "price_list": prices.version,
                "covered": {i.part_id: c for i, c in zip(items, covers, strict=True) if c},
                # for the outlet's other counters: the ticket's new estimate and the lines it adds
                "estimate": str(total),
                "lines_added": [line.as_json() for line in lines],
            },
        )
    return tuple(load(session, number).lines)


def _estimate_lines(detail: TicketDetail) -> list[TicketLine]:
    return [line for line in detail.lines if line.kind == "estimate"]


def approve_estimate(session: Session, number: str, approved_by: str, signature: bytes) -> TicketDetail:
    """Record the customer's approval of the estimate's total as it stands now."""
    session.require(Permission.WRITE_TICKETS)
    detail = load(session, number)
    if detail.estimate is None or not _estimate_lines(detail):
        raise ApprovalMissing(f"Ticket {detail.number} has no estimate to approve yet.")
    if not approved_by.strip() or not signature:
        raise ApprovalMissing("The approval needs the customer's name and signature.")
    with session.store.transaction(session.actor) as work:
        record = {
            "total": str(detail.estimate),
            "approved_by": approved_by.strip()[:100],
            "signature_digest": signature_digest(signature),
            "at": work.at,
        }
        ticket_repository.set_json(work, detail.row.id, "approval_json", record)
        # `approval`: the whole record as the ticket row keeps it, for the outlet's other counters
        work.record(
            "ticket", detail.row.id, "approve_estimate", {"number": detail.number, **record, "approval": record}
        )
    return load(session, number)


def invoice(session: Session, number: str) -> tuple[TicketLine, ...]:
    """Turn the estimate into invoice lines (zero-priced under warranty)."""
    session.require(Permission.WRITE_TICKETS)
    detail = load(session, number)
    if any(line.kind == "invoice" for line in detail.lines):
        return tuple(line for line in detail.lines if line.kind == "invoice")
    in_warranty = decision_of(detail).in_warranty
    if detail.status not in (Status.QUALITY_CHECK, Status.READY_FOR_PICKUP):
        raise TransitionNotAllowed(
            f"Ticket {detail.number} is {detail.status}: invoice after the repair.",
            code="invoice_before_repair",
            params={"number": detail.number, "current": detail.status},
        )
    with session.store.transaction(session.actor) as work:
        added = []
        for line in _estimate_lines(detail):
            # The estimate was priced by the same decision; a line still charged under warranty (an
            # estimate older than the decision's rules) is made free here.
            cover = "warranty" if in_warranty and line.unit_price else None
            price, text = charged(line.unit_price, line.description, cover)
            added.append(
                ticket_repository.add_line(work, detail.row.id, "invoice", line.part_id, text, line.quantity, price)
            )
        # `lines_added`: the invoice lines, for the outlet's other counters
        change = {"number": detail.number, "warranty": in_warranty, "lines_added": [a.as_json() for a in added]}
        work.record("ticket", detail.row.id, "invoice", change)
    return tuple(line for line in load(session, number).lines if line.kind == "invoice")
