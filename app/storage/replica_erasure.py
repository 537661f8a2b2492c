"""An erasure made at one counter carried out on this one, when the hub's order brings it.

The privacy desk erases a customer at one counter (app/privacy/actions.py `erase`) and queues
one "erase" operation per ticket and one for the customer.  Every other counter holds the same
customer twice: in its own tables (the projection wrote them) and in the replica, field by
field.  Applying such an operation, in the same transaction as the page it came in:

- the replica keeps of the record only what the statistics keep (`STATISTICS_FIELDS`: service
  type, status, model, fault category, dates, prices, who of the staff), and marks it erased, so
  a later projection has nothing personal to fill in, and a later operation of a counter that
  had not seen the erasure yet sets only such fields (`kept_fields`);
- the counter's own tables go through the desk's storage functions, as at the desk: tickets
  anonymised, device identifiers and diagnostic data deleted, consents reduced to digests, the
  customer row deleted, waiting outbox copies emptied;
- conflicts listed about the record go (they quote the values; nothing is left to settle).

The hub rewrites its stored payloads with the same `scrubbed_payload` (app/upstream/storage/hub_log.py).
The customer's id stays on its tickets in the replica and the hub: a random key, it names no one
once the customer is gone, and it is how a customer's erasure finds its tickets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from app.storage import privacy_repository as desk
from app.storage import privacy_retention as disposal
from app.storage.customer_erasure import erase_customer_rows
from app.storage.store import Store, UnitOfWork

TICKET, CUSTOMER = "ticket", "customer"
ERASE_ACTION = "erase"
#: The replica field an erased record carries: when the erasure was made (so it is never filled in again).
ERASED_FIELD = "erased"
ERASURE_JOURNAL_ACTION = "hub_erasure"
#: What an erased ticket's operations keep: what the statistics count, nothing that names the customer.
STATISTICS_FIELDS = frozenset(
    {
        "local_action",
        ERASED_FIELD,
        "number",
        "customer",  # the random key of a customer deleted everywhere: how the hub finds its tickets
        "service_type",
        "status",
        "from",
        "to",
        "by",
        "device_model",
        "fault_category",
        "priority",
        "priority_suggested",
        "due_at",
        "created_at",
        "created_by",
        "warranty",
        "estimate",
        "deposit",
        "lines_added",
        "returning",
        "customer_match",
        "reason",
        "request_id",
    }
)
#: A settle names the field it sets: its value stays only when that field is one the statistics keep.
SETTLE_ACTION, SETTLED_FIELD, SETTLED_VALUE = "settle", "field", "value"


def is_erasure(entity: str, local_action: str) -> bool:
    return entity in (TICKET, CUSTOMER) and local_action == ERASE_ACTION


def scrubbed_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """An operation's payload without personal values: the statistics fields only (a settle keeps
    its value when the field it sets is one of them)."""
    kept = {name: value for name, value in payload.items() if name in STATISTICS_FIELDS}
    if payload.get("local_action") == SETTLE_ACTION and payload.get(SETTLED_FIELD) in STATISTICS_FIELDS:
        kept.update({SETTLED_FIELD: payload[SETTLED_FIELD], "settles": payload.get("settles")})
        if SETTLED_VALUE in payload:
            kept[SETTLED_VALUE] = payload[SETTLED_VALUE]
    return kept


def is_erased(work: UnitOfWork, entity: str, entity_id: str) -> bool:
    found = work.execute(
        "SELECT 1 FROM replica_field WHERE entity = ? AND entity_id = ? AND field = ?",
        (entity, entity_id, ERASED_FIELD),
    ).fetchone()
    return found is not None


def kept_fields(fields: Iterable[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """A later change of an erased record, made where the erasure was not seen yet: its statistics only."""
    return [(name, value) for name, value in fields if name in STATISTICS_FIELDS]


def erase_here(store: Store, work: UnitOfWork, entity: str, entity_id: str) -> list[tuple[str, str]]:
    """Carry out a counter's erasure of this record on this counter (see the module's doc); returns
    the records erased (a customer's tickets with it), for the replica to mark erased."""
    tickets = [entity_id] if entity == TICKET else _replica_tickets_of(work, entity_id)
    records = [(entity, entity_id), *((TICKET, t) for t in tickets if t != entity_id)]
    values = _personal_values(work, records)
    if entity == CUSTOMER:
        erase_customer_rows(store, work, entity_id, values)  # the desk's own sequence
    else:
        disposal.delete_device_identifiers(work, [entity_id])
        desk.scrub_outbox(work, [entity_id], values)
    for record_entity, record_id in records:
        _scrub_replica(work, record_entity, record_id)
    work.record(entity, entity_id, ERASURE_JOURNAL_ACTION, {"records": len(records)}, upstream=False)
    return records


def _replica_tickets_of(work: UnitOfWork, customer_id: str) -> list[str]:
    rows = work.execute(
        "SELECT entity_id FROM replica_field WHERE entity = ? AND field = ? AND value = ? ORDER BY entity_id",
        (TICKET, CUSTOMER, json.dumps(customer_id)),
    ).fetchall()
    return [str(r[0]) for r in rows]


#: The replica fields whose values name or identify the customer, to find copies of them in waiting
#: outbox rows: the ones the desk looks for (app/privacy/actions.py `personal_values`), by their
#: names in the operations.  Not every dropped field: a condition's "damaged" is in other rows too.
IDENTIFYING_FIELDS = (
    "customer_name",
    "customer_phone",
    "customer_email",
    "customer_address",
    "imei",
    "imei2",
    "serial",
    "fault",
    "tracking_number",
)


def _personal_values(work: UnitOfWork, records: Sequence[tuple[str, str]]) -> list[str]:
    found: set[str] = set()
    marks = ",".join("?" * len(IDENTIFYING_FIELDS))
    for entity, entity_id in records:
        rows = work.execute(
            f"SELECT value FROM replica_field WHERE entity = ? AND entity_id = ? AND field IN ({marks})",
            (entity, entity_id, *IDENTIFYING_FIELDS),
        ).fetchall()
        found.update(v for (value,) in rows if isinstance(v := json.loads(value), str))
    return sorted(v for v in found if len(v) >= 4)


def _scrub_replica(work: UnitOfWork, entity: str, entity_id: str) -> None:
    names = sorted(STATISTICS_FIELDS)
    marks = ",".join("?" * len(names))
    work.execute(
        f"DELETE FROM replica_field WHERE entity = ? AND entity_id = ? AND field NOT IN ({marks})",
        (entity, entity_id, *names),
    )
    drop_conflicts(work, entity, entity_id)


def drop_conflicts(work: UnitOfWork, entity: str, entity_id: str) -> None:
    """Conflicts about an erased record quote its values, and nothing of it is left to settle."""
    work.execute("DELETE FROM replica_conflict WHERE entity = ? AND entity_id = ?", (entity, entity_id))
