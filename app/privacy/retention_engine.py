"""The retention engine: apply the region's retention rules to the store, or say what it would do.

Each rule of `app.core.retention` maps to one disposal here:

* `contact_data`: name, phone, e-mail and address deleted (and the customer's
  name on consent records);
* `service_records`: tickets anonymised (customer link, fault text, intake
  details, photos, notes, signatures go; type, status, model, fault category,
  dates and prices stay for statistics), consents reduced to digests;
* `device_identifiers`: IMEIs, serial, software version deleted 10 years from
  the last contact, or at the product's end of life (benefit registry) if sooner;
* `diagnostic_logs`, `diagnostic_data`: deleted 30 days from capture;
* outbox copies: waiting rows about a disposed record are emptied; rows the
  upstream acknowledged more than 30 days ago are deleted.

A run journals one entry with the counts only and leaves a purge receipt (a
row, and the dictionary the command line prints).  It runs at start-up and
daily while the app is open (`PrivacyPage` holds the timer) and as
`repair-counter purge [--dry-run] [--json]`.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.accounts.session import Session
from app.core.reference_data import BenefitRegistry
from app.core.retention import RetentionPolicy, RetentionRule, expires_at, is_expired
from app.core.roles import Permission
from app.storage import privacy_retention as q
from app.storage.store import Store, UnitOfWork

log = logging.getLogger(__name__)

#: Outbox rows the upstream acknowledged are kept this long (to answer "was it sent?"), then deleted:
#: the upstream holds the data and the journal proves the change.
DELIVERED_OUTBOX_KEPT = timedelta(days=30)
#: The order rules are applied in: contact data before the customer rows they keep alive go.
RULE_ORDER = ("contact_data", "service_records", "device_identifiers", "diagnostic_logs", "diagnostic_data")


@dataclass(frozen=True)
class PurgeReceipt:
    """What one run did (or, for a dry run, would do): counts per rule, never personal data."""

    receipt_id: str | None
    ran_at: str
    region: str
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def as_json(self) -> dict[str, object]:
        return {
            "receipt": self.receipt_id,
            "ran_at": self.ran_at,
            "region": self.region,
            "dry_run": self.dry_run,
            "counts": dict(self.counts),
            "total": self.total,
        }


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)


def candidate_cutoff(rule: RetentionRule, now: datetime) -> datetime:
    """The latest anchor that could have expired by `now`: a period is never shorter than this many days.

    (A calendar month is at least 28 days, a year at least 365.)  Candidates
    up to this cut-off are then decided exactly, one by one.
    """
    period = rule.period
    assert period is not None  # the rules the engine runs all have periods
    shortest = period.years * 365 + period.months * 28 + period.days
    return now - timedelta(days=shortest)


def _expired(rule: RetentionRule, candidates: Sequence[tuple[str, str]], now: datetime) -> list[str]:
    """The ids among (id, anchor) whose period under `rule` has ended at `now`."""
    kind = "captured" if rule.anchor.value == "capture" else "last_contact"
    return [key for key, anchor in candidates if is_expired(expires_at(rule, **{kind: _parse(anchor)}), now)]


def _end_of_life_imeis(registry: BenefitRegistry | None, now: datetime) -> list[str]:
    if registry is None:
        return []
    today = now.date()
    return [
        imei
        for imei, device in registry.devices.items()
        if device.end_of_life is not None and device.end_of_life <= today
    ]


def _iso(moment: datetime) -> str:
    from app.clock import iso

    return iso(moment)


def due_for_disposal(
    store: Store, policy: RetentionPolicy, now: datetime, registry: BenefitRegistry | None = None
) -> dict[str, list[str]]:
    """Ids due under each rule at `now` (read only; the dry run prints their counts)."""
    finders: dict[str, Callable[[Store, str], list[tuple[str, str]]]] = {
        "contact_data": q.contact_candidates,
        "service_records": q.service_record_candidates,
        "device_identifiers": q.device_candidates,
        "diagnostic_logs": q.log_candidates,
        "diagnostic_data": q.diagnostic_data_candidates,
    }
    due: dict[str, list[str]] = {}
    for identifier in RULE_ORDER:
        rule = policy.rule(identifier)
        cutoff = _iso(candidate_cutoff(rule, now))
        due[identifier] = _expired(rule, finders[identifier](store, cutoff), now)
    eol = q.tickets_with_imeis(store, _end_of_life_imeis(registry, now))
    due["device_identifiers"] = sorted(set(due["device_identifiers"]) | set(eol))
    return due


def _dispose(work: UnitOfWork, due: dict[str, list[str]], now: datetime) -> dict[str, int]:
    counts = {
        "contact_data": q.delete_contact_data(work, due["contact_data"]),
        "service_records": q.anonymise_service_records(work, due["service_records"]),
        "device_identifiers": q.delete_device_identifiers(work, due["device_identifiers"]),
        "diagnostic_logs": q.delete_logs(work, due["diagnostic_logs"]),
        "diagnostic_data": q.delete_diagnostic_data(work, due["diagnostic_data"]),
    }
    counts["customers_removed"] = q.delete_spent_customers(work)
    counts["outbox_delivered"] = q.prune_delivered_outbox(work, _iso(now - DELIVERED_OUTBOX_KEPT))
    return counts


def run_retention(
    store: Store, actor: str, policy: RetentionPolicy, *, dry_run: bool = False, registry: BenefitRegistry | None = None
) -> PurgeReceipt:
    """Apply `policy` now (the store's clock); one journal entry with the counts and a receipt row."""
    now = store.clock()
    due = due_for_disposal(store, policy, now, registry)
    if dry_run:
        counts = {k: len(v) for k, v in due.items()}
        # The real run counts service records as the tickets it anonymises, not their customers.
        counts["service_records"] = q.count_tickets_of_customers(store, due["service_records"])
        return PurgeReceipt(None, _iso(now), policy.region, True, counts)
    receipt_id = str(uuid.uuid4())
    q.overwrite_deleted_content(store)
    with store.transaction(actor) as work:
        counts = _dispose(work, due, now)
        q.insert_receipt(work, receipt_id, policy.region, json.dumps(counts, sort_keys=True))
        work.record("purge_receipt", receipt_id, "purge", {"region": policy.region, "counts": counts})
    if counts["diagnostic_logs"] or counts["contact_data"] or counts["service_records"]:
        q.checkpoint(store)  # deleted pages leave the WAL now, not at some later checkpoint
    receipt = PurgeReceipt(receipt_id, work.at, policy.region, False, counts)
    log.info("retention run %s: %d records disposed of", receipt_id, receipt.total)
    return receipt


def purge(
    session: Session, policy: RetentionPolicy, *, dry_run: bool = False, registry: BenefitRegistry | None = None
) -> PurgeReceipt:
    """The retention run a person starts (a manager: it deletes data)."""
    session.require(Permission.HANDLE_REQUESTS)
    return run_retention(session.store, session.actor, policy, dry_run=dry_run, registry=registry)


def scheduled_purge(session: Session, policy: RetentionPolicy, registry: BenefitRegistry | None = None) -> PurgeReceipt:
    """The run at start-up and daily: the law's deadline does not wait for a manager to sign in."""
    return run_retention(session.store, "#retention", policy, registry=registry)
