"""The counter's side of the outlet hub (issue 22): join with a pinned certificate, then sync.

Joining needs two things the hub shows its operator: a one-time code and the fingerprint of
the hub's certificate.  The counter fetches the certificate, refuses it unless its SHA-256
matches the fingerprint typed in (never trusting whatever answers at that address), and from
then on trusts that certificate alone: a different one, even at the same address, is refused.

One round (`hub_sync_once`) pushes the counter's outbox to the hub with every field (inside
the outlet nothing is filtered) and pulls every counter's operations after the position it
has applied, applying them to its replica (app/storage/replica_repository.py).
"""

from __future__ import annotations

import re
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from pydantic import ValidationError

from app.accounts.session import Session
from app.core.roles import Permission
from app.core.ticket_numbers import is_counter_code
from app.errors import KnownError, UsageError
from app.storage import replica_repository, sealing, sync_repository, ticket_repository
from app.storage.replica_repository import ReplicaOperation
from app.storage.store import QueuedChange
from app.sync.hub_protocol import (
    HUB_PREFIX,
    HubEnrolRequest,
    HubEnrolResponse,
    HubOperation,
    HubPullResponse,
    HubPushBatch,
    HubStatus,
    fingerprint_of_pem,
)
from app.sync.protocol import MAX_BATCH_OPERATIONS, PushResult, operation_digest
from app.sync.store_source import StoreOutbox, to_wire
from app.sync.transport import UpstreamUnreachable, is_certificate_failure

HUB_LINK = "outlet_hub"
MIN_FINGERPRINT_CHARS = 16
_HEX = re.compile(r"^[0-9a-f]+$")
PULL_PAGE = 500


class HubCertificateMismatch(KnownError):
    exit_code = 124
    next_step = "Compare the fingerprint shown on the hub again; if it differs, do not join: something else answered."


class HubRefused(KnownError):
    exit_code = 125
    next_step = "Ask the hub's operator for a new one-time code for this counter."


class NotJoined(KnownError):
    exit_code = 126
    next_step = (
        "Join the outlet hub first: repair-counter hub join --hub URL --counter CODE --code CODE --fingerprint HEX"
    )


@dataclass(frozen=True)
class HubLink:
    url: str
    counter: str
    token: str
    certificate: str
    fingerprint: str


@dataclass(frozen=True)
class HubRound:
    pushed: int
    pulled: int
    applied: int
    conflicts: int
    position: int
    pending: int

    def as_json(self) -> dict[str, int]:
        return dict(self.__dict__)


def _token_context(session: Session) -> bytes:
    return f"repair-counter outlet hub token {session.store.store_id}".encode()


def normal_fingerprint(text: str) -> str:
    cleaned = re.sub(r"[\s:]", "", text).lower()
    if len(cleaned) < MIN_FINGERPRINT_CHARS or len(cleaned) > 64 or not _HEX.match(cleaned):
        raise UsageError(
            f"The fingerprint must be at least {MIN_FINGERPRINT_CHARS} hexadecimal characters, as the hub shows it."
        )
    return cleaned


def fetch_certificate(url: str) -> str:
    """The PEM the address presents, unverified: it is checked against the fingerprint next."""
    parsed = httpx.URL(url)
    if parsed.scheme != "https" or not parsed.host:
        raise UsageError(f"The hub's address must be https://HOST:PORT, not {url!r}.")
    try:
        return ssl.get_server_certificate((parsed.host, parsed.port or 443), timeout=10)
    except OSError as exc:
        raise UpstreamUnreachable(f"Cannot reach the hub at {url}: {exc}") from exc


def pinned_context(certificate: str) -> ssl.SSLContext:
    """Trust this one certificate and nothing else; names are not checked (LAN addresses move),
    the certificate itself is: another key, even under the same name, fails the handshake."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(cadata=certificate)
    return context


def join(session: Session, url: str, counter: str, code: str, fingerprint: str) -> HubLink:
    """Redeem the hub's one-time code over a connection pinned to the fingerprint shown on the hub."""
    session.require(Permission.MANAGE_REFERENCE_DATA)
    counter = counter.strip().upper()
    if not is_counter_code(counter):
        raise UsageError("A counter code is a capital letter, then at most one more letter or digit (A, B, K2).")
    wanted = normal_fingerprint(fingerprint)
    certificate = fetch_certificate(url)
    found = fingerprint_of_pem(certificate)
    if not found.startswith(wanted):
        raise HubCertificateMismatch(
            f"The certificate at {url} has fingerprint {found[:16]}..., not the {wanted[:16]}... shown on the hub.",
            params={"found": found[:16], "expected": wanted[:16]},
        )
    request = HubEnrolRequest(counter=counter, code=code.strip())
    with _client(url, certificate) as client:
        response = _send(client, "POST", f"{HUB_PREFIX}/enrol", content=request.model_dump_json())
        if response.status_code == 403:
            raise HubRefused("The hub refused the one-time code.")
        answer = _parse(response, HubEnrolResponse)
    sealed = sealing.wrap(sync_repository.secrets_key(session.store), answer.token.encode(), _token_context(session))
    session.vault.write_extra(
        HUB_LINK, {"url": url, "counter": counter, "token": sealed, "certificate": certificate, "fingerprint": found}
    )
    session.store.set_meta_value(ticket_repository.COUNTER_CODE, counter)
    return load_link(session)


def load_link(session: Session) -> HubLink:
    data = session.vault.read_extra(HUB_LINK)
    if data is None:
        raise NotJoined("This counter has not joined an outlet hub.")
    token = sealing.unwrap(sync_repository.secrets_key(session.store), data["token"], _token_context(session))
    return HubLink(data["url"], data["counter"], token.decode(), data["certificate"], data["fingerprint"])


def is_joined(session: Session) -> bool:
    return session.vault.read_extra(HUB_LINK) is not None


@contextmanager
def _client(url: str, certificate: str, token: str | None = None) -> Iterator[httpx.Client]:
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    with httpx.Client(
        base_url=url,
        verify=pinned_context(certificate),
        timeout=httpx.Timeout(30.0, connect=5.0),
        headers=headers,
        follow_redirects=False,
        trust_env=False,
    ) as client:
        yield client


def _send(client: httpx.Client, method: str, path: str, **kwargs: Any) -> httpx.Response:
    try:
        return client.request(method, path, **kwargs)
    except httpx.TransportError as exc:
        if is_certificate_failure(exc):
            raise HubCertificateMismatch(
                "The hub presented a certificate other than the one pinned when this counter joined.",
                params={"found": "?", "expected": "pinned"},
            ) from exc
        raise UpstreamUnreachable(f"Cannot reach the outlet hub: {exc}") from exc


def _parse(response: httpx.Response, model: type[Any]) -> Any:
    if response.status_code >= 500 or response.status_code == 429:
        raise UpstreamUnreachable(f"The outlet hub answered HTTP {response.status_code}; try again.")
    if response.status_code != 200:
        status, text = response.status_code, response.text[:200]
        raise HubRefused(f"The outlet hub refused the request (HTTP {status}): {text}")
    try:
        return model.model_validate_json(response.content)
    except ValidationError as exc:
        raise UpstreamUnreachable(
            f"The outlet hub's answer does not fit the protocol: {exc.error_count()} errors"
        ) from exc


# --- one round -------------------------------------------------------------------------------


def hub_sync_once(session: Session) -> HubRound:
    session.require(Permission.SYNC)
    link = load_link(session)
    with _client(link.url, link.certificate, link.token) as client:
        pushed = _push_all(session, client, link)
        pulled, applied, conflicts = _pull_all(session, client, link)
    return HubRound(
        pushed=pushed,
        pulled=pulled,
        applied=applied,
        conflicts=conflicts,
        position=replica_repository.hub_seen(session.store),
        pending=session.store.pending_outbox_count(),
    )


def _push_all(session: Session, client: httpx.Client, link: HubLink) -> int:
    outbox = StoreOutbox(session.store)
    pushed = 0
    while changes := session.store.pending_outbox(MAX_BATCH_OPERATIONS):
        operations = [_hub_operation(change) for change in changes]
        body = HubPushBatch(operations=operations)
        result = _parse(
            _send(client, "POST", f"{HUB_PREFIX}/counters/{link.counter}/push", content=body.model_dump_json()),
            PushResult,
        )
        statuses = {r.op_id: r.status for r in result.results}
        acked = [op.op_id for op in operations if statuses.get(op.op_id) == "applied"]
        outbox.mark_sent(acked, {op.op_id: operation_digest(op) for op in operations if op.op_id in acked})
        pushed += len(acked)
        if len(acked) < len(operations):  # a clash with what the hub holds: leave it for a person
            break
    return pushed


def _hub_operation(change: QueuedChange) -> HubOperation:
    item = to_wire(change)  # the wire form of an outbox row, as the region gets it
    return HubOperation(
        op_id=item.op_id,
        seq=item.seq,
        entity=item.entity,
        entity_id=item.entity_id,
        action=item.action,  # type: ignore[arg-type]
        payload=item.payload,
        created_at=datetime.fromisoformat(item.created_at),
        hub_seen=change.hub_seen,
    )


def _pull_all(session: Session, client: httpx.Client, link: HubLink) -> tuple[int, int, int]:
    pulled = applied = conflicts = 0
    while True:
        after = replica_repository.hub_seen(session.store)
        page = _parse(
            _send(
                client,
                "GET",
                f"{HUB_PREFIX}/counters/{link.counter}/operations",
                params={"after": after, "limit": PULL_PAGE},
            ),
            HubPullResponse,
        )
        operations = [
            ReplicaOperation(
                position=placed.position,
                counter=placed.counter,
                op_id=placed.operation.op_id,
                seq=placed.operation.seq,
                entity=placed.operation.entity,
                entity_id=placed.operation.entity_id,
                payload=dict(placed.operation.payload),
                created_at=placed.operation.created_at.isoformat(),
                hub_seen=placed.operation.hub_seen,
            )
            for placed in page.operations
        ]
        if operations:
            report = replica_repository.apply_operations(session.store, operations, "#hub")
            pulled += len(operations)
            applied += report.applied
            conflicts += report.conflicts
        if not page.more or not operations:
            return pulled, applied, conflicts


def hub_status(session: Session) -> HubStatus:
    link = load_link(session)
    with _client(link.url, link.certificate, link.token) as client:
        return _parse(_send(client, "GET", f"{HUB_PREFIX}/counters/{link.counter}/status"), HubStatus)  # type: ignore[no-any-return]


def conflicts(session: Session, *, include_settled: bool = False) -> list[replica_repository.Conflict]:
    session.require(Permission.READ_TICKETS)
    return replica_repository.conflicts(session.store, include_settled=include_settled)
