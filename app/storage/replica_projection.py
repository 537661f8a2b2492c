"""The outlet's tickets in every counter's own tables, from the replica (issue 22's second half).

The replica (`replica_repository`) holds every counter's records field by field; the queue, the
search, the ticket page and `ticket show` read the ticket tables.  So each page of hub operations
applied is also projected, in the same transaction, into `customer`, `ticket`, `ticket_event` and
`ticket_line`, with the author's ids, so a phone taken in at one counter is found, moved and
handed back at another.  Two kinds of projection:

- Fields: each ticket touched in the page is written from the replica's *merged* values (what the
  hub's order decided, whichever operation set them: a settle needs no code here), not from each
  operation's payload.  A column whose field has a local change still waiting in the outbox keeps
  the local value: that change is pushed next and merges in the hub's order.
- History: the status history and the estimate and invoice lines are what happened, one entry per
  operation: an accepted move adds its history line (once: the author already has it), a move
  the replica refused takes back the line its author wrote; lines are added once by their id.

Every counter projects every operation, its own included, so the rows converge; the report facts
(first response, closing, a failed quality check) are read back from the projected history.  The
writes are journaled here (`upstream=False`: the author's operation already travels) and their
rows sealed like any business row's.  Columns left to each counter: the privacy desk's
`retention_anchor` and `anonymised_at`, the condition photos (they stay where they were taken) and
the history's `seq`.  The customer's last contact is the latest of its tickets' intakes and pickups
and its logged contacts, on every counter.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.clock import iso
from app.core.workflow import Status
from app.storage import name_search
from app.storage.schema_tickets import CLOSED_STATUSES_SQL
from app.storage.store import UnitOfWork
from app.storage.stored_time import TIME_COLUMNS
from app.storage.ticket_repository import (
    _json,
    _warranty_json,
    add_event,
    imei_tail,
    mark_repeat_visits,
    phone_tail,
)

TICKET, CUSTOMER = "ticket", "customer"
PROJECTION_ACTION = "hub_projection"
#: Local actions that move a ticket's status on the replica (checked against the workflow there).
STATUS_ACTIONS = frozenset({"move", "pickup"})
#: Forgetting a ticket is the privacy desk's: such a ticket is never filled in again from the replica.
FORGETTING_ACTIONS = frozenset({"erase", "erase_data", "delete"})
#: Fields a ticket must have on the replica before it has a row (its creation was applied).
REQUIRED = ("number", "customer", "service_type")
PICKUP_NOTE = "picked up"
#: A person's settlement of a conflict (app/sync/hub_settle.py): it sets the field it names.
SETTLE_ACTION = "settle"


@dataclass(frozen=True)
class Applied:
    """One operation as the replica took it: `accepted` is False for a refused status move."""

    entity: str
    entity_id: str
    local_action: str
    payload: dict[str, Any]
    created_at: str
    mine: bool
    accepted: bool


def project_page(work: UnitOfWork, applied: Sequence[Applied]) -> int:
    """Project the tickets this page touched into the ticket tables; returns how many."""
    tickets = list(dict.fromkeys(a.entity_id for a in applied if a.entity == TICKET))
    forgotten = {a.entity_id for a in applied if a.entity == TICKET and a.local_action in FORGETTING_ACTIONS}
    projected = [t for t in tickets if t not in forgotten and _project_fields(work, t)]
    for item in applied:
        if item.entity == TICKET and item.entity_id in projected:
            _project_history(work, item)
    for item in applied:
        if item.entity == CUSTOMER and item.local_action == "contact":
            _touch_contact(work, item.entity_id, item.created_at)
    for ticket_id in projected:
        _keep_report_facts(work, ticket_id)
        number = work.execute("SELECT number FROM ticket WHERE id = ?", (ticket_id,)).fetchone()[0]
        work.record(TICKET, ticket_id, PROJECTION_ACTION, {"number": number}, upstream=False)
    return len(projected)


# --- fields ----------------------------------------------------------------------------------


def _replica_values(work: UnitOfWork, ticket_id: str) -> tuple[dict[str, Any], str]:
    """The ticket's merged fields on the replica, and when the latest of them was changed."""
    rows = work.execute(
        "SELECT field, value, changed_at FROM replica_field WHERE entity = ? AND entity_id = ?", (TICKET, ticket_id)
    ).fetchall()
    latest = max((str(r[2]) for r in rows), default="")  # one wire format: text order is time order
    return {str(r[0]): json.loads(r[1]) for r in rows}, millisecond_text(latest) if latest else ""


def millisecond_text(text: str) -> str:
    """A time as the store writes it (milliseconds): the hub's wire form has microseconds."""
    return iso(datetime.fromisoformat(text))


def _text(value: Any) -> str | None:
    """A typed field as the ticket row keeps it: empty is NULL."""
    return None if value in (None, "") else str(value)


def _intake(values: dict[str, Any]) -> dict[str, Any]:
    """The intake facts as `NewTicket.intake_details` gives them (the payload lists the photos)."""
    photos = values.get("photos")
    return {
        "condition": dict(values.get("condition") or {}),
        "condition_notes": values.get("condition_notes") or "",
        "photos": len(photos) if isinstance(photos, list) else int(photos or 0),
        "accessories": list(values.get("accessories") or []),
    }


def _agreement(values: dict[str, Any], created_at: str) -> dict[str, Any] | None:
    """Signed at intake, an agreement is dated with the ticket (as `insert_ticket` does)."""
    agreement = values.get("agreement")
    if not isinstance(agreement, dict):
        return None
    return {**agreement, "signed_at": agreement.get("signed_at") or created_at}


def ticket_columns(values: dict[str, Any], changed_at: str) -> dict[str, Any]:
    """The ticket row's columns from the replica's fields (payloads of app/tickets/*)."""
    created_at = str(values.get("created_at") or changed_at)
    imei, imei2 = values.get("imei") or "", values.get("imei2") or ""
    return {
        "number": values["number"],
        "customer_id": values["customer"],
        "service_type": values["service_type"],
        "status": values.get("status") or Status.RECEIVED.value,
        "priority": int(values.get("priority") or 3),
        "device_model": _text(values.get("device_model")),
        "imei": _text(imei),
        "fault": _text(values.get("fault")),
        "created_by": str(values.get("created_by") or "#hub"),
        "created_at": created_at,
        "updated_at": changed_at,
        "imei2": _text(imei2),
        "serial": _text(values.get("serial")),
        "software_version": _text(values.get("software_version")),
        "fault_category": values.get("fault_category") or "other",
        "due_at": values.get("due_at"),
        "purchase_date": _text(values.get("purchase_date")),
        "purchase_proof": _text(values.get("purchase_proof")),
        "courier": _text(values.get("courier")),
        "tracking_number": _text(values.get("tracking_number")),
        "parcel_condition": _text(values.get("parcel_condition")),
        "intake_json": _json(_intake(values)),
        "agreement_json": _json(_agreement(values, created_at)),
        "warranty_json": _warranty_json(values.get("warranty_verdict")),
        "estimate": _text(values.get("estimate")),
        "deposit": _text(values.get("deposit")),
        "approval_json": _json(values.get("approval")),
        "pickup_json": _json(values.get("pickup")),
        "imei_tail": imei_tail(imei),
        "imei2_tail": imei_tail(imei2),
        "phone_tail": phone_tail(values.get("customer_phone") or ""),
    }


#: The replica fields each column is made of, where not the column's own name: a local change
#: of one of them still in the outbox keeps the column as this counter has it.
_SOURCES: dict[str, frozenset[str]] = {
    "customer_id": frozenset({"customer"}),
    "imei_tail": frozenset({"imei"}),
    "imei2_tail": frozenset({"imei2"}),
    "phone_tail": frozenset({"customer_phone"}),
    "intake_json": frozenset({"condition", "condition_notes", "photos", "accessories"}),
    "agreement_json": frozenset({"agreement"}),
    "warranty_json": frozenset({"warranty_verdict"}),
    "approval_json": frozenset({"approval"}),
    "pickup_json": frozenset({"pickup"}),
}


def _pending_fields(work: UnitOfWork, ticket_id: str) -> set[str]:
    """Fields of this ticket changed here and not pushed yet (a move changes the status)."""
    fields: set[str] = set()
    rows = work.execute(
        "SELECT action, payload FROM outbox WHERE entity = ? AND entity_id = ? AND sent_at IS NULL", (TICKET, ticket_id)
    ).fetchall()
    for action, payload in rows:
        change = json.loads(payload)
        if action in STATUS_ACTIONS:
            fields.add("status")
        if action == SETTLE_ACTION:  # a settle sets the one field it names
            fields.add(str(change.get("field")))
        elif action != "move":  # a move's other fields (from, to, note) set nothing on the replica
            fields.update(change)
    return fields


def _kept_here(columns: Iterable[str], pending: set[str]) -> set[str]:
    if not pending:
        return set()
    return {c for c in columns if c == "updated_at" or _SOURCES.get(c, frozenset({c})) & pending}


def _project_fields(work: UnitOfWork, ticket_id: str) -> bool:
    """Write the ticket's row (and its customer's) from the replica; False when it has no row to be."""
    values, changed_at = _replica_values(work, ticket_id)
    if any(values.get(name) in (None, "") for name in REQUIRED):
        return False
    local = work.execute("SELECT anonymised_at FROM ticket WHERE id = ?", (ticket_id,)).fetchone()
    if local is not None and local[0] is not None:
        return False  # anonymised here by the privacy desk: never filled in again
    columns = ticket_columns(values, changed_at)
    _project_customer(work, values, columns["created_at"])
    if local is None:
        _insert_ticket(work, ticket_id, columns)
        return True
    kept = _kept_here(columns, _pending_fields(work, ticket_id))
    changed = {name: value for name, value in columns.items() if name not in kept}
    assignments = ", ".join(f"{name} = {_placeholder(name)}" for name in changed)
    work.execute(f"UPDATE ticket SET {assignments} WHERE id = ?", (*changed.values(), ticket_id))
    return True


def _placeholder(column: str) -> str:
    """Where a column's value goes in SQL: moments as the milliseconds the row keeps (stored_time.py)."""
    return "time_ms(?)" if column in TIME_COLUMNS else "?"


def _insert_ticket(work: UnitOfWork, ticket_id: str, columns: dict[str, Any]) -> None:
    row = {"id": ticket_id, **columns}
    names, marks = ", ".join(row), ", ".join(_placeholder(name) for name in row)
    work.execute(f"INSERT INTO ticket ({names}) VALUES ({marks})", tuple(row.values()))
    if columns["imei"]:
        mark_repeat_visits(work, ticket_id, columns["imei"], columns["created_at"])


def _project_customer(work: UnitOfWork, values: dict[str, Any], created_at: str) -> None:
    """The ticket's customer, with the author's id: a new one as taken in; a returning one's contact
    details refreshed where the ticket gives them (its name is never overwritten, as at intake)."""
    customer_id, name = str(values["customer"]), str(values.get("customer_name") or "")
    email, address = _text(values.get("customer_email")), _text(values.get("customer_address"))
    known = work.execute("SELECT 1 FROM customer WHERE id = ?", (customer_id,)).fetchone()
    if known is None:
        work.execute(
            "INSERT INTO customer (id, name, phone, email, address, created_at, last_contact_at)"
            " VALUES (?, ?, ?, ?, ?, time_ms(?), time_ms(?))",
            (customer_id, name, _text(values.get("customer_phone")), email, address, created_at, created_at),
        )
        name_search.add_keys(work, customer_id, name)
        return
    work.execute(
        "UPDATE customer SET email = coalesce(?, email), address = coalesce(?, address),"
        " last_contact_at = max(last_contact_at, time_ms(?)) WHERE id = ?",
        (email, address, created_at, customer_id),
    )


# --- history ---------------------------------------------------------------------------------


def _status_move(item: Applied) -> tuple[str, str, str, str] | None:
    """(from, to, note, who) of a status move, as its author's history line has it."""
    payload = item.payload
    if item.local_action == "move":
        return (str(payload.get("from")), str(payload.get("to")), payload.get("note") or "", payload.get("by") or "")
    if item.local_action == "pickup":
        who = str(payload.get("handed_over_by") or "")
        return (Status.READY_FOR_PICKUP.value, Status.COLLECTED.value, PICKUP_NOTE, who)
    return None


def _project_history(work: UnitOfWork, item: Applied) -> None:
    # a create needs no line: the ticket row is its history's first ("received", ticket_repository.HISTORY_SQL)
    move = _status_move(item)
    if move is not None and item.accepted:
        from_status, to_status, note, who = move
        _add_event_once(work, item.entity_id, from_status, to_status, note, item.created_at, {"created_by": who})
        if item.local_action == "pickup":  # a pickup restarts the customer's retention clock, as at its counter
            customer = work.execute("SELECT customer_id FROM ticket WHERE id = ?", (item.entity_id,)).fetchone()
            _touch_contact(work, customer[0], item.created_at)
    elif move is not None and item.mine:
        # refused on the replica: the line its author wrote when moving here is taken back
        work.execute(
            "DELETE FROM ticket_event WHERE ticket_id = id_as_bytes(?) AND at = time_ms(?) AND to_status = ?",
            (item.entity_id, item.created_at, move[1]),
        )
    _add_lines_once(work, item)


def _add_event_once(
    work: UnitOfWork,
    ticket_id: str,
    from_status: str | None,
    to_status: str,
    note: str,
    at: str,
    payload: dict[str, Any],
) -> None:
    found = work.execute(
        "SELECT 1 FROM ticket_event WHERE ticket_id = id_as_bytes(?) AND at = time_ms(?) AND to_status = ?",
        (ticket_id, at, to_status),
    ).fetchone()
    if found is None:
        actor = str(payload.get("created_by") or "#hub")
        add_event(work, ticket_id, from_status, to_status, note, at=at, actor=actor)


def _add_lines_once(work: UnitOfWork, item: Applied) -> None:
    kind = {"estimate": "estimate", "invoice": "invoice"}.get(item.local_action)
    lines = item.payload.get("lines_added")
    if kind is None or not isinstance(lines, list):
        return
    work.executemany(
        "INSERT OR IGNORE INTO ticket_line (id, ticket_id, kind, part_id, description, quantity, unit_price,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                line["id"],
                item.entity_id,
                kind,
                line.get("part_id"),
                line["description"],
                int(line["quantity"]),
                str(line["unit_price"]),
                item.created_at,
            )
            for line in lines
        ],
    )


def _touch_contact(work: UnitOfWork, customer_id: str | None, at: str) -> None:
    """The customer's last contact, as `privacy_repository.touch_last_contact` keeps it: the latest."""
    work.execute(
        "UPDATE customer SET last_contact_at = max(last_contact_at, time_ms(?)) WHERE id = ?", (at, customer_id)
    )


def _keep_report_facts(work: UnitOfWork, ticket_id: str) -> None:
    """First response, closing time and a failed quality check, read from the history as
    `ticket_repository.set_status` keeps them move by move."""
    work.execute(
        "UPDATE ticket SET"
        " responded_at = (SELECT min(at) FROM ticket_event WHERE ticket_id = id_as_bytes(ticket.id)"
        " AND from_status IS NOT NULL),"
        " closed_at = (SELECT max(at) FROM ticket_event WHERE ticket_id = id_as_bytes(ticket.id)"
        f" AND to_status IN ({CLOSED_STATUSES_SQL})),"
        " qc_failed = EXISTS (SELECT 1 FROM ticket_event WHERE ticket_id = id_as_bytes(ticket.id)"
        " AND from_status = 'quality_check' AND to_status = 'repairing')"
        " WHERE id = ?",
        (ticket_id,),
    )
