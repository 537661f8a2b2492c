"""What leaves the outlet: the region's allow-list applied to each outbox item before it is sent.

The rules are data (`resources/reference/sharing_policy.json`, see
`app/core/sharing_rules.py`): per entity (the upstream's name for it), local
action (`local_action`, which the wire item carries beside its upsert/erase)
and service type, the field paths that may leave.  Anything not listed stays at the counter, nested
fields included, so a field added to a record later does not leak by default.
Free text that may leave (the fault description, a status note) passes the
redactor first: phone numbers, e-mail addresses and identifiers are replaced,
and so are the names the same change carries.

Where the region requires de-identification, the IMEI is replaced by a keyed
hash (HMAC, so it cannot be reversed by hashing all IMEIs without the key) and
names are dropped, after the allow-list.

`outbound_item(item, policy)` is the shaped item, or None when nothing of it may leave.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from app.core.redaction import redact_names, redact_text
from app.core.reference_data import default_resources_dir, load_sharing_rules
from app.core.sharing_rules import ANY, FieldRule, RegionSharing, SharingRules
from app.sync.outbox import OutboxItem

NAME_FIELDS = frozenset(
    {"name", "full_name", "first_name", "last_name", "customer_name", "signer_name", "contact_name"}
)
#: Fields of a change that hold a person's name: their values are taken out of any free text that leaves.
NAMES_IN_CHANGES = NAME_FIELDS | {"signed_by", "approved_by", "guardian_name"}
IMEI_FIELDS = frozenset({"imei", "imei1", "imei2", "imeis"})
#: Actions that carry no personal data and must reach the upstream so it forgets too.
FORGETTING_ACTIONS = frozenset({"delete", "erase"})
MAX_DEPTH = 8
#: The counter's own name for a change (create, pickup...), kept beside the wire action (upsert...).
LOCAL_ACTION = "local_action"


@dataclass(frozen=True)
class SharingPolicy:
    """The rules for one region.  `imei_key` is the network's secret for the keyed hash."""

    region: str
    rules: RegionSharing
    deidentify: bool = False
    imei_key: bytes | None = None

    def __post_init__(self) -> None:
        if self.deidentify and not self.imei_key:
            raise ValueError(f"region {self.region}: de-identification needs an imei_key")


@cache
def shipped_rules() -> SharingRules:
    """The sharing policy that ships with the app (read once)."""
    return load_sharing_rules(default_resources_dir())


def policy_for_region(region: str | None, rules: SharingRules | None = None) -> SharingPolicy:
    """The policy of an outlet in `region` (an unlisted region gets the default region's rules)."""
    chosen = (rules or shipped_rules()).for_region(region)
    return SharingPolicy(region=chosen.region, rules=chosen)


def outbound_item(item: OutboxItem, policy: SharingPolicy) -> OutboxItem | None:
    """The item as it may leave under `policy`, or None when it stays at the counter."""
    local_action = item.payload.get(LOCAL_ACTION)
    action = local_action if isinstance(local_action, str) else item.action
    rule = policy.rules.rule(item.entity, action, _service_type(item.payload))
    if rule is None:
        return None
    payload = allowed_payload(item.payload, rule)
    if isinstance(local_action, str):
        payload[LOCAL_ACTION] = local_action  # the name of the change, never data
    if policy.deidentify:
        payload = deidentified(payload, policy.imei_key or b"")
    return item if payload == item.payload else replace(item, payload=payload)


def _service_type(payload: dict[str, Any]) -> str | None:
    value = payload.get("service_type")
    return value if isinstance(value, str) and value != ANY else None


def allowed_payload(payload: dict[str, Any], rule: FieldRule) -> dict[str, Any]:
    """Only the paths `rule` lists; its free-text paths redacted."""
    tree = _path_tree(rule.fields, rule.free_text)
    names = sorted(_names_in(payload), key=len, reverse=True)
    picked = _pick(payload, tree, names, 0)
    return picked if isinstance(picked, dict) else {}


_PLAIN, _FREE_TEXT = "plain", "free_text"
_DROP = object()


def _path_tree(fields: Iterable[str], free_text: Iterable[str]) -> dict[str, Any]:
    """{"agreement": {"text_id": "plain"}, "fault": "free_text", ...} from the dotted paths."""
    tree: dict[str, Any] = {}
    for kind, paths in ((_PLAIN, fields), (_FREE_TEXT, free_text)):
        for path in paths:
            *parents, last = path.split(".")
            node = tree
            for segment in parents:
                child = node.setdefault(segment, {})
                if not isinstance(child, dict):  # "a" and "a.b" both listed: the deeper one is stricter
                    child = node[segment] = {}
                node = child
            if not isinstance(node.get(last), dict):
                node[last] = kind
    return tree


def _pick(value: Any, tree: dict[str, Any] | str, names: list[str], depth: int) -> Any:
    if depth > MAX_DEPTH:
        return _DROP  # deeper than any record we make: drop rather than risk passing data through
    if isinstance(tree, str):
        return _leaf(value, tree, names)
    if isinstance(value, list):
        items = [_pick(v, tree, names, depth + 1) for v in value]
        return [v for v in items if v is not _DROP]
    if not isinstance(value, dict):
        return _DROP  # a plain value where only some nested fields were allowed
    kept = {}
    for key, child in value.items():
        branch = tree.get(key, tree.get(ANY))
        if branch is None:
            continue
        picked = _pick(child, branch, names, depth + 1)
        if picked is not _DROP:
            kept[key] = picked
    return kept


def _leaf(value: Any, kind: str, names: list[str]) -> Any:
    if kind == _FREE_TEXT:
        if isinstance(value, str):
            return redact_names(redact_text(value), names) if value else value
        return value if value is None else _DROP
    if _is_plain(value):
        return value
    if isinstance(value, list) and all(_is_plain(v) for v in value):
        return value
    return _DROP  # an object where a plain value was allowed: its fields were never listed


def _is_plain(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _names_in(value: Any, depth: int = 0) -> set[str]:
    """Every name the change carries (customer, signer, approver), at any depth."""
    if depth > MAX_DEPTH:
        return set()
    found: set[str] = set()
    if isinstance(value, dict):
        for key, child in value.items():
            if key in NAMES_IN_CHANGES and isinstance(child, str) and child.strip():
                found.add(child.strip())
            else:
                found |= _names_in(child, depth + 1)
    elif isinstance(value, list):
        for child in value:
            found |= _names_in(child, depth + 1)
    return found


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
