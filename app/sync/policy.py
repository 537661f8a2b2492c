"""What leaves the outlet: a per-region policy applied to each outbox item before it is sent.

By default the upstream gets what service and warranty need: tickets, devices, the diagnosis
summary, parts and prices, and the evidence of consent.  Everything else stays at the
counter unless a rule below lets it go:

- a customer's contact goes up only for send-in repairs (the courier needs it), and only the
  fields logistics uses;
- device logs go up only when the customer's consent covers sending them back;
- erasures and rectifications always go up, so the upstream forgets and corrects too;
- where the region requires de-identification, the IMEI is replaced by a keyed hash (HMAC,
  so it cannot be reversed by hashing all IMEIs without the key) and names are dropped.

Pure functions, no I/O: `outbound_item(item, policy)` is the shaped item, or None.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, replace
from typing import Any

from app.sync.outbox import OutboxItem

#: Entities that leave the outlet whatever their content (after de-identification).
DEFAULT_SHARED_ENTITIES = frozenset(
    {"ticket", "device", "part", "price_item", "consent", "service_agreement", "erasure", "rectification"}
)
#: The diagnosis summary: the only fields of a diagnostic run that leave.
DIAGNOSTIC_SUMMARY_FIELDS = frozenset(
    {
        "ticket_id",
        "functions",
        "categories",
        "results",
        "completeness",
        "summary",
        "tool_version",
        "started_at",
        "finished_at",
    }
)
#: Customer contact carried on a ticket record: it leaves only with a send-in repair, for the courier.
TICKET_CONTACT_FIELDS = frozenset({"customer_name", "customer_phone", "customer_email", "customer_address"})
SEND_IN_TICKET_CONTACT = frozenset({"customer_name", "customer_phone", "customer_address"})
#: A customer's fields a courier needs for a send-in repair.
SEND_IN_CONTACT_FIELDS = frozenset({"name", "phone", "address", "postcode", "city", "region", "country"})
NAME_FIELDS = frozenset(
    {"name", "full_name", "first_name", "last_name", "customer_name", "signer_name", "contact_name"}
)
IMEI_FIELDS = frozenset({"imei", "imei1", "imei2", "imeis"})
#: Actions that carry no personal data and must reach the upstream so it forgets too.
FORGETTING_ACTIONS = frozenset({"delete", "erase"})
#: Entities that leave only in part or under a condition.
CONDITIONAL_ENTITIES = frozenset({"diagnostic_run", "customer", "log_capture"})
MAX_DEPTH = 8


@dataclass(frozen=True)
class SharingPolicy:
    """The rules for one region.  `imei_key` is the network's secret for the keyed hash."""

    region: str
    deidentify: bool = False
    imei_key: bytes | None = None
    shared_entities: frozenset[str] = DEFAULT_SHARED_ENTITIES

    def __post_init__(self) -> None:
        if self.deidentify and not self.imei_key:
            raise ValueError(f"region {self.region}: de-identification needs an imei_key")


DEFAULT_POLICY = SharingPolicy(region="default")


def outbound_item(item: OutboxItem, policy: SharingPolicy) -> OutboxItem | None:
    """The item as it may leave under `policy`, or None when it stays at the counter."""
    payload = _allowed_payload(item, policy)
    if payload is None:
        return None
    if policy.deidentify:
        payload = deidentified(payload, policy.imei_key or b"")
    return item if payload == item.payload else replace(item, payload=payload)


def _allowed_payload(item: OutboxItem, policy: SharingPolicy) -> dict[str, Any] | None:
    if item.entity not in policy.shared_entities | CONDITIONAL_ENTITIES:
        return None  # unknown or local-only (payments, staff, notes): never leaves
    if item.action in FORGETTING_ACTIONS:
        return {k: v for k, v in item.payload.items() if k in ("reason", "request_id")}
    if item.entity == "ticket":
        return _ticket_payload(item.payload)
    if item.entity in policy.shared_entities:
        return item.payload
    if item.entity == "diagnostic_run":
        return {k: v for k, v in item.payload.items() if k in DIAGNOSTIC_SUMMARY_FIELDS}
    if item.entity == "customer":
        return _send_in_contact(item.payload)
    if item.entity == "log_capture":
        return item.payload if item.payload.get("consent_covers_upload") is True else None
    return None


def _ticket_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """The ticket without the customer's contact, unless it is a send-in repair (then only what
    the courier needs)."""
    keep = SEND_IN_TICKET_CONTACT if payload.get("service_type") == "send_in" else frozenset()
    return {k: v for k, v in payload.items() if k not in TICKET_CONTACT_FIELDS or k in keep}


def _send_in_contact(payload: dict[str, Any]) -> dict[str, Any] | None:
    if payload.get("service_type") != "send_in":
        return None
    contact = {k: v for k, v in payload.items() if k in SEND_IN_CONTACT_FIELDS}
    contact["service_type"] = "send_in"
    return contact


def imei_hash(imei: str, key: bytes) -> str:
    """The keyed hash that stands in for an IMEI: equal IMEIs match, nobody can reverse it."""
    digest = hmac.new(key, imei.strip().encode("utf-8"), hashlib.sha256).hexdigest()
    return f"hmac-sha256:{digest}"


def deidentified(value: Any, key: bytes, depth: int = 0) -> Any:
    """`value` with names removed and IMEIs replaced by keyed hashes, at any nesting depth."""
    if depth > MAX_DEPTH:
        return None  # deeper than any record we make: drop rather than risk passing data through
    if isinstance(value, dict):
        return {k: _deidentified_field(k, v, key, depth) for k, v in value.items() if k not in NAME_FIELDS}
    if isinstance(value, list):
        return [deidentified(v, key, depth + 1) for v in value]
    return value


def _deidentified_field(name: str, value: Any, key: bytes, depth: int) -> Any:
    if name in IMEI_FIELDS:
        if isinstance(value, str):
            return imei_hash(value, key)
        if isinstance(value, list):
            return [imei_hash(v, key) if isinstance(v, str) else None for v in value]
        return None
    return deidentified(value, key, depth + 1)
