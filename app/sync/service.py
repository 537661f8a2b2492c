"""Sync as the counter uses it: enrol once, then push, pull and anchor whenever the line allows.

The enrolment (upstream address, outlet, token, the upstream's receipt key)
lives in the key file beside the key slots, the token sealed under a key kept
inside the encrypted database.  The newest anchor receipt is kept there too,
outside the database, so `verify` catches a database swapped for an older copy
even when the line is down.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.accounts.session import Session
from app.clock import iso
from app.core.roles import Permission
from app.errors import KnownError
from app.storage import sealing, sync_repository
from app.storage.atomic_file import write_atomically
from app.storage.errors import JournalBroken
from app.storage.staff_repository import outlet
from app.storage.store import journal_hash_at
from app.sync.anchors import ReceiptProblem, receipt_problems, verify_receipt
from app.sync.outbox import OutboxSource
from app.sync.policy import SharingPolicy, policy_for_region
from app.sync.protocol import AnchorReceipt, AnchorRequest, PartHolders
from app.sync.relay import Backoff, SyncRelay, SyncReport, enrol
from app.sync.restriction_hold import RestrictionAwareOutbox
from app.sync.store_source import StoreOutbox
from app.sync.transport import UpstreamEndpoint, UpstreamUnreachable
from app.tickets.reference_in_force import reference_in_force

log = logging.getLogger(__name__)
ENROLMENT = "sync"
#: A round gives up within seconds when the line is down; the schedule tries again later.
COUNTER_BACKOFF_ATTEMPTS = 3
RECEIPT = "anchor_receipt"
#: The newest receipt is also kept in a file of its own, so that restoring an older database
#: together with its key file does not take the receipt back with them.
KEPT_RECEIPT_FILE = "last-anchor-receipt.json"
RECEIPT_PROBLEMS = {
    "signature_invalid": "the receipt's signature is not the upstream's",
    "journal_behind_receipt": "the journal ends before an entry the upstream confirmed: the database is an older copy",
    "journal_differs_from_receipt": "the journal differs from what the upstream confirmed: it was rewritten",
}


COUNTER_BACKOFF = Backoff(base=0.5, cap=4.0, max_attempts=COUNTER_BACKOFF_ATTEMPTS)


class NotEnrolled(KnownError):
    exit_code = 100
    next_step = (
        "Enrol this outlet once: repair-counter enroll --upstream URL --code CODE (a manager gets the code from HQ)."
    )


class ReceiptNotGenuine(KnownError):
    exit_code = 101
    next_step = "The answer did not come from the enrolled upstream: check the upstream address, then inform HQ."


@dataclass(frozen=True)
class Enrolment:
    upstream: str
    outlet: str
    token: str
    key_id: str
    public_key: bytes
    ca_bundle: str | None = None

    def endpoint(self) -> UpstreamEndpoint:
        return UpstreamEndpoint(self.upstream, Path(self.ca_bundle) if self.ca_bundle else None)


def _token_context(session: Session) -> bytes:
    return f"sync-token|{session.store.store_id}".encode()


def enroll(session: Session, upstream: str, code: str, ca_bundle: str | None = None) -> Enrolment:
    """Redeem the one-time code and keep the token (sealed) and the receipt key (pinned)."""
    session.require(Permission.MANAGE_REFERENCE_DATA)
    outlet = _outlet_code(session)
    endpoint = UpstreamEndpoint(upstream, Path(ca_bundle) if ca_bundle else None)
    response, key = enrol(endpoint, outlet, code)
    sealed = sealing.wrap(sync_repository.secrets_key(session.store), response.token.encode(), _token_context(session))
    session.vault.write_extra(
        ENROLMENT,
        {
            "upstream": upstream,
            "outlet": outlet,
            "token": sealed,
            "key_id": key.key_id,
            "public_key": key.public_key,
            "ca_bundle": ca_bundle,
        },
    )
    return load_enrolment(session)


def load_enrolment(session: Session) -> Enrolment:
    data = session.vault.read_extra(ENROLMENT)
    if data is None:
        raise NotEnrolled("This outlet is not enrolled with an upstream yet.")
    token = sealing.unwrap(sync_repository.secrets_key(session.store), data["token"], _token_context(session))
    return Enrolment(
        data["upstream"],
        data["outlet"],
        token.decode(),
        data["key_id"],
        base64.b64decode(data["public_key"]),
        data.get("ca_bundle"),
    )


def is_enrolled(session: Session) -> bool:
    return session.vault.read_extra(ENROLMENT) is not None


def _outlet_code(session: Session) -> str:
    found = outlet(session.store)
    if found is None:
        raise NotEnrolled("This store has no outlet.")
    return found.code


def region_policy(session: Session) -> SharingPolicy:
    """The outlet's region decides what leaves (its allow-list; no de-identification)."""
    found = outlet(session.store)
    return policy_for_region(found.region if found else None)


def part_holders(
    session: Session, part_id: str, *, relay_factory: Callable[[], SyncRelay] | None = None
) -> PartHolders:
    """Ask the upstream which outlets of the region hold a part (counts only; issue 18)."""
    session.require(Permission.READ_TICKETS)
    enrolment = load_enrolment(session)
    make = relay_factory or (lambda: _counter_relay(session, enrolment, StoreOutbox(session.store)))
    with make() as relay:
        return relay.part_holders(part_id)


def _counter_relay(session: Session, enrolment: Enrolment, source: OutboxSource) -> SyncRelay:
    """The relay a counter syncs with: its enrolment, its region's allow-list, the counter's backoff."""
    return SyncRelay(
        source,
        enrolment.endpoint(),
        enrolment.outlet,
        enrolment.token,
        policy=region_policy(session),
        backoff=COUNTER_BACKOFF,
    )


def sync_once(session: Session, *, relay_factory: Callable[[], SyncRelay] | None = None) -> SyncReport:
    """Push pending changes, pull reference data, anchor the journal head; record how it went."""
    session.require(Permission.SYNC)
    enrolment = load_enrolment(session)
    source = RestrictionAwareOutbox(StoreOutbox(session.store), session.store)  # restricted customers stay
    make = relay_factory or (lambda: _counter_relay(session, enrolment, source))
    set_aside_before = sync_repository.last_rejected_seq(session.store)  # a round reports its own
    try:
        with make() as relay:
            try:
                upstream_receipt, checked = _check_against_upstream(session, relay, enrolment), True
            except UpstreamUnreachable:  # the round below reports the line; nothing is anchored
                upstream_receipt, checked = None, False
            report = relay.sync_once()
            if checked and not report.errors:
                _anchor(session, relay, enrolment, upstream_receipt)
    except KnownError as exc:
        sync_repository.set_status(session.store, last_attempt=iso(session.store.clock()), last_error=exc.message)
        raise
    report.errors.extend(
        f"{kind} item {key!r} set aside, not applied: {reason}"
        for _, kind, key, reason in sync_repository.rejected_references(session.store, set_aside_before)
    )
    finished = iso(session.store.clock())
    error = "; ".join(report.errors)[:500]
    if error:
        sync_repository.set_status(session.store, last_attempt=finished, last_error=error)
    else:
        sync_repository.set_status(session.store, last_attempt=finished, last_sync=finished, last_error="")
    return report


def describe(problem: ReceiptProblem) -> str:
    return f"upstream receipt for journal entry {problem.seq}: {RECEIPT_PROBLEMS.get(problem.reason, problem.reason)}"


def _check_against_upstream(session: Session, relay: SyncRelay, enrolment: Enrolment) -> AnchorReceipt | None:
    """Before anything is sent: the upstream's last receipt must be in this journal.

    An older database restored together with its key file agrees with itself; only
    the upstream still knows the head it confirmed last.
    """
    receipt = relay.latest_anchor()
    if receipt is None:
        return None
    problems = receipt_problems([receipt], lambda seq: journal_hash_at(session.store, seq), enrolment.public_key)
    if problems:
        message = "; ".join(describe(p) for p in problems)
        sync_repository.set_status(session.store, last_attempt=iso(session.store.clock()), last_error=message)
        raise JournalBroken(f"The store does not hold what the upstream confirmed: {message}.")
    _keep_receipt(session, receipt)
    return receipt


def _anchor(session: Session, relay: SyncRelay, enrolment: Enrolment, upstream_last: AnchorReceipt | None) -> None:
    head = session.store.journal_head()
    last = upstream_last or latest_receipt(session)  # the upstream's own word survives a lost answer
    if last is not None and last.seq == head.seq:
        return
    request = AnchorRequest(
        seq=head.seq, head=head.hash, prev_seq=last.seq if last else None, prev_head=last.head if last else None
    )
    receipt = relay.anchor(request)
    if not verify_receipt(receipt, enrolment.public_key):
        raise ReceiptNotGenuine("The upstream's anchor receipt does not carry a valid signature.")
    _keep_receipt(session, receipt)


def _keep_receipt(session: Session, receipt: AnchorReceipt) -> None:
    """In the database, in the key file, and in a file of its own (newest only, never backwards)."""
    kept = _kept_receipt_file(session)
    if kept is not None and kept.seq > receipt.seq:
        return
    text = receipt.model_dump_json()
    sync_repository.save_receipt(session.store, receipt.seq, receipt.head, text)
    session.vault.write_extra(RECEIPT, {"receipt": text})
    write_atomically(session.vault.paths.root / KEPT_RECEIPT_FILE, text.encode())


def _kept_receipt_file(session: Session) -> AnchorReceipt | None:
    path = session.vault.paths.root / KEPT_RECEIPT_FILE
    try:
        return AnchorReceipt.model_validate_json(path.read_bytes()[:4096])
    except (OSError, ValueError):
        return None


def latest_receipt(session: Session) -> AnchorReceipt | None:
    data = session.vault.read_extra(RECEIPT)
    return AnchorReceipt.model_validate_json(data["receipt"]) if data else None


def receipt_check(session: Session) -> list[ReceiptProblem]:
    """For `verify`: the newest receipts kept outside the database against the local journal."""
    data = session.vault.read_extra(ENROLMENT)
    receipts = {r.seq: r for r in (latest_receipt(session), _kept_receipt_file(session)) if r is not None}
    if data is None or not receipts:
        return []
    return receipt_problems(
        receipts.values(), lambda seq: journal_hash_at(session.store, seq), base64.b64decode(data["public_key"])
    )


@dataclass(frozen=True)
class SyncState:
    enrolled: bool
    pending: int
    last_sync: str
    last_error: str
    #: The reference data in force: shipped version, plus the pulled items laid over it.
    reference_version: str = ""


def sync_state(session: Session) -> SyncState:
    status = sync_repository.status(session.store)
    return SyncState(
        is_enrolled(session),
        session.store.pending_outbox_count(),
        status.get("last_sync", ""),
        status.get("last_error", ""),
        reference_in_force(session.store).version,
    )
