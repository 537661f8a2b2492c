"""The outbox relay: moves an outlet's queued operations up, and reference data down.

Guarantees, whatever the line does:

- an outbox row is marked sent only after the upstream acknowledged it; a crash between the
  upstream's answer and the local mark just sends it again, and the upstream answers the
  replay with its stored result (the op_id is the idempotency key);
- rows go up in the local `seq` order, and the upstream keeps each record at its highest seq;
- failures the line causes (resets, timeouts, 5xx) are retried with exponential backoff and
  full jitter; failures a person must fix (a refused token) stop at once with a KnownError;
- a pulled page and its cursor are stored together by the OutboxSource, so a crash never
  leaves a cursor ahead of the data.

The relay knows the local store only through `OutboxSource`; the production one is the
counter's SQLCipher store.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
import pydantic

from app.errors import KnownError
from app.sync.outbox import OutboxItem, OutboxSource
from app.sync.policy import SharingPolicy, outbound_item, policy_for_region
from app.sync.protocol import (
    API_PREFIX,
    MAX_BATCH_OPERATIONS,
    REFERENCE_KINDS,
    AnchorReceipt,
    AnchorRequest,
    EnrolRequest,
    EnrolResponse,
    PartHolders,
    PullResponse,
    PushBatch,
    PushResult,
    SigningKeyInfo,
    operation_digest,
)
from app.sync.transport import (
    CertificateNotTrusted,
    EnrolmentRefused,
    UpstreamAuthRefused,
    UpstreamEndpoint,
    UpstreamProtocolError,
    UpstreamUnreachable,
    is_certificate_failure,
    open_client,
)

log = logging.getLogger(__name__)
T = TypeVar("T", bound=pydantic.BaseModel)

#: Batches read from the outbox at once; their preparation overlaps the previous send.
READ_AHEAD_BATCHES = 4
#: Statuses worth retrying: the upstream or something in front of it is briefly unwell.
RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class AnchorRefusedError(KnownError):
    """The upstream refused a journal head: it goes backwards or forks from the anchored chain."""

    exit_code = 79
    next_step = "The local store may have been replaced by an older copy; run `repair-counter verify`."


@dataclass
class Backoff:
    """Exponential backoff with full jitter: attempt n waits uniform(0, min(cap, base * 2**n))."""

    base: float = 0.5
    cap: float = 60.0
    max_attempts: int = 8
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        return self.rng.uniform(0.0, min(self.cap, self.base * (2 ** min(attempt, 32))))


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    pending: int = 0
    withheld: int = 0
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        """The `sync --once --json` answer."""
        return {"pushed": self.pushed, "pulled": self.pulled, "pending": self.pending, "errors": self.errors}


@dataclass(frozen=True)
class _PreparedBatch:
    outgoing: list[OutboxItem]
    kept_local: list[str]
    body: bytes | None
    #: op_id -> the digest the upstream computes for it (what the outbox keeps once acknowledged).
    digests: dict[str, str]


@dataclass
class _PushTotals:
    pushed: int = 0
    withheld: int = 0
    conflicts: list[str] = field(default_factory=list)


class _Transient(Exception):
    """A failure worth another attempt."""


def enrol(endpoint: UpstreamEndpoint, outlet: str, code: str) -> tuple[EnrolResponse, SigningKeyInfo]:
    """Redeem a one-time code: the outlet's token, and the upstream's receipt key to pin.

    Not retried: a code is single-use, and a person is waiting at the counter to read why.
    """
    request = EnrolRequest(outlet=outlet, code=code)
    try:
        with open_client(endpoint) as client:
            response = _send(client, "POST", f"{API_PREFIX}/enrol", content=request.model_dump_json())
            if response.status_code == 403:
                raise EnrolmentRefused("The upstream refused the enrolment code.")
            enrolment = _parse(_checked(response), EnrolResponse)
            key = _parse(_checked(_send(client, "GET", f"{API_PREFIX}/signing-key")), SigningKeyInfo)
    except _Transient as exc:
        raise UpstreamUnreachable(f"Cannot reach the upstream to enrol: {exc}") from exc
    except _Refused as exc:
        raise UpstreamProtocolError(f"The upstream refused the enrolment (HTTP {exc.status}: {exc.detail}).") from exc
    return enrolment, key


class SyncRelay:
    """Pushes an OutboxSource's pending items and pulls reference data into it.

    Not thread-safe: one relay per outlet store, run from one background worker.
    """

    def __init__(
        self,
        source: OutboxSource,
        endpoint: UpstreamEndpoint,
        outlet: str,
        token: str,
        *,
        policy: SharingPolicy | None = None,
        batch_size: int = 500,
        backoff: Backoff | None = None,
        sleep: Callable[[float], None] = time.sleep,
        client: httpx.Client | None = None,
    ) -> None:
        if not 1 <= batch_size <= MAX_BATCH_OPERATIONS:
            raise ValueError(f"batch_size must be 1..{MAX_BATCH_OPERATIONS}")
        self.source = source
        self.outlet = outlet
        self.policy = policy or policy_for_region(None)  # the default region's allow-list
        self.batch_size = batch_size
        self.backoff = backoff or Backoff()
        self._sleep = sleep
        self._client = client or open_client(endpoint, token)
        self._owns_client = client is None
        self._prefix = f"{API_PREFIX}/outlets/{outlet}"

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> SyncRelay:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- one round ---------------------------------------------------------------------------

    def sync_once(self, kinds: Sequence[str] = REFERENCE_KINDS) -> SyncReport:
        """Push everything pending, then pull every kind; errors are reported, not raised."""
        report = SyncReport()
        steps: list[Callable[[], None]] = [lambda: self._push_into(report), lambda: self._pull_into(report, kinds)]
        for step in steps:
            try:
                step()
            except KnownError as exc:
                log.warning("sync step failed: %s", exc.message)
                report.errors.append(exc.message)
        report.pending = self.source.pending_count()
        return report

    def _push_into(self, report: SyncReport) -> None:
        totals = _PushTotals()
        try:
            self._push_all(totals)
        finally:  # what was acknowledged before a failure still counts
            report.pushed += totals.pushed
            report.withheld += totals.withheld
            report.errors.extend(
                f"operation {op_id} conflicts with one the upstream already holds" for op_id in totals.conflicts
            )

    def _pull_into(self, report: SyncReport, kinds: Sequence[str]) -> None:
        report.pulled += self.pull_reference(kinds)

    # -- push --------------------------------------------------------------------------------

    def push_pending(self) -> tuple[int, int, list[str]]:
        """Send every pending item; returns (acknowledged, withheld by policy, conflicting op_ids).

        One request is in flight at a time and acknowledgements are recorded in order; only
        the preparation of the next batch (policy, validation, encoding) overlaps the wait
        for the current answer, on a single sender thread.  The OutboxSource is only ever
        called from the caller's thread.
        """
        totals = _PushTotals()
        self._push_all(totals)
        return totals.pushed, totals.withheld, totals.conflicts

    def _push_all(self, totals: _PushTotals) -> None:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as sender:
            while items := self.source.pending(self.batch_size * READ_AHEAD_BATCHES):
                batches = [items[i : i + self.batch_size] for i in range(0, len(items), self.batch_size)]
                self._push_batches(sender, batches, totals)

    def _push_batches(self, sender: ThreadPoolExecutor, batches: list[list[OutboxItem]], totals: _PushTotals) -> None:
        prepared = self._prepare(batches[0])
        for position in range(len(batches)):
            in_flight = sender.submit(self._send, prepared) if prepared.body is not None else None
            following, unusable = self._prepare_following(batches, position + 1)
            result = in_flight.result() if in_flight is not None else None
            self._acknowledge(prepared, result, totals)
            if unusable is not None:
                raise unusable  # after the batch before it is safely acknowledged
            if following is None:
                return
            prepared = following

    def _prepare_following(
        self, batches: list[list[OutboxItem]], position: int
    ) -> tuple[_PreparedBatch | None, KnownError | None]:
        if position >= len(batches):
            return None, None
        try:
            return self._prepare(batches[position]), None
        except KnownError as exc:
            return None, exc

    def _prepare(self, items: list[OutboxItem]) -> _PreparedBatch:
        outgoing = [shaped for item in items if (shaped := outbound_item(item, self.policy)) is not None]
        leaving = {o.op_id for o in outgoing}
        kept_local = [item.op_id for item in items if item.op_id not in leaving]
        if not outgoing:
            return _PreparedBatch(outgoing, kept_local, None, {})
        body, digests = encode_batch_with_digests(outgoing)
        return _PreparedBatch(outgoing, kept_local, body, digests)

    def _send(self, prepared: _PreparedBatch) -> PushResult:
        return self._request(PushResult, "POST", f"{self._prefix}/push", content=prepared.body)

    def _acknowledge(self, prepared: _PreparedBatch, result: PushResult | None, totals: _PushTotals) -> None:
        acked, conflicts = _check_acknowledged(prepared.outgoing, result) if result is not None else ([], [])
        # Policy-withheld items are done too: they never leave the outlet.
        self.source.mark_sent(acked + prepared.kept_local, {op_id: prepared.digests[op_id] for op_id in acked})
        totals.pushed += len(acked)
        totals.withheld += len(prepared.kept_local)
        totals.conflicts.extend(conflicts)

    # -- pull --------------------------------------------------------------------------------

    def pull_reference(self, kinds: Iterable[str] = REFERENCE_KINDS) -> int:
        """Fetch every new reference item of each kind; returns how many were stored."""
        total = 0
        for kind in kinds:
            total += self._pull_kind(kind)
        return total

    def _pull_kind(self, kind: str) -> int:
        cursor = self.source.reference_cursor(kind) or "0"
        stored = 0
        while True:
            page = self._request(PullResponse, "GET", f"{self._prefix}/reference/{kind}", params={"after": cursor})
            if page.kind != kind:
                raise UpstreamProtocolError(f"Asked for {kind}, the upstream answered {page.kind}.")
            if int(page.cursor) < int(cursor):
                # A cursor going back would make the pull loop; the protocol only moves it forward.
                raise UpstreamProtocolError(f"The upstream moved the {kind} cursor backwards.")
            if page.cursor != cursor:
                self.source.save_reference(kind, page.cursor, list(page.items))
                stored += len(page.items)
            if not page.more or page.cursor == cursor:
                return stored
            cursor = page.cursor

    # -- anchors -----------------------------------------------------------------------------

    def anchor(self, request: AnchorRequest) -> AnchorReceipt:
        """Send a journal head up; the caller checks the receipt's signature and keeps it."""
        try:
            return self._request(
                AnchorReceipt, "POST", f"{self._prefix}/anchors", pass_refusals=True, content=request.model_dump_json()
            )
        except _Refused as exc:
            if exc.status == 409:
                raise AnchorRefusedError(f"The upstream refused journal head {request.seq}: {exc.detail}") from exc
            raise UpstreamProtocolError(f"Anchor refused with HTTP {exc.status}: {exc.detail}") from exc

    def part_holders(self, part_id: str) -> PartHolders:
        """Which outlets of the region hold this part, by the counts they synced (issue 18)."""
        answer = self._request(PartHolders, "GET", f"{self._prefix}/parts/{part_id}/holders")
        if answer.part_id != part_id:
            raise UpstreamProtocolError(f"Asked about part {part_id}, the upstream answered about {answer.part_id}.")
        return answer

    def latest_anchor(self) -> AnchorReceipt | None:
        """The upstream's last receipt for this outlet (to recover a receipt lost in a crash)."""
        try:
            return self._request(AnchorReceipt, "GET", f"{self._prefix}/anchors/latest", pass_refusals=True)
        except _Refused as exc:
            if exc.status == 404:
                return None
            raise UpstreamProtocolError(f"HTTP {exc.status}: {exc.detail}") from exc

    # -- the retry loop ----------------------------------------------------------------------

    def _request(self, model: type[T], method: str, url: str, *, pass_refusals: bool = False, **kwargs: Any) -> T:
        """One logical request, retried through transient failures; the parsed answer.

        A definite refusal (4xx other than authentication) becomes UpstreamProtocolError,
        unless `pass_refusals`, for callers that give particular refusals a meaning.
        """
        try:
            return self._request_with_retries(model, method, url, **kwargs)
        except _Refused as exc:
            if pass_refusals:
                raise
            raise UpstreamProtocolError(f"The upstream refused the request (HTTP {exc.status}: {exc.detail}).") from exc

    def _request_with_retries(self, model: type[T], method: str, url: str, **kwargs: Any) -> T:
        last = "no attempt made"
        for attempt in range(self.backoff.max_attempts):
            if attempt:
                self._sleep(self.backoff.delay(attempt - 1))
            try:
                return _parse(_checked(_send(self._client, method, url, **kwargs)), model, transient=True)
            except _Transient as exc:
                last = str(exc)
                log.info("upstream attempt %d failed: %s", attempt + 1, last)
        raise UpstreamUnreachable(f"The upstream did not answer after {self.backoff.max_attempts} attempts: {last}")


class _Refused(Exception):
    """A definite 4xx answer that is not about authentication."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def encode_batch(items: Sequence[OutboxItem]) -> bytes:
    """The push body, checked against the shared protocol model before it leaves."""
    return encode_batch_with_digests(items)[0]


def encode_batch_with_digests(items: Sequence[OutboxItem]) -> tuple[bytes, dict[str, str]]:
    """The push body, checked against the shared protocol model before it leaves, and each
    operation's digest as the upstream computes it (op_id -> SHA-256 hex).

    Encoded with the standard library and validated from the bytes: the same check as
    building the model from Python objects, at a lower cost per operation.
    """
    try:
        body = _operations_json(items)
    except (TypeError, ValueError) as exc:  # a payload JSON cannot carry, e.g. a datetime
        raise UpstreamProtocolError(f"An outbox payload is not plain JSON data: {exc}") from exc
    try:
        batch = PushBatch.model_validate_json(body)
    except pydantic.ValidationError as exc:
        raise UpstreamProtocolError(f"An outbox item does not fit the sync protocol: {exc.errors()[0]['msg']}") from exc
    return body, {str(op.op_id): operation_digest(op) for op in batch.operations}


def _operations_json(items: Sequence[OutboxItem]) -> bytes:
    return json.dumps(
        {
            "operations": [
                {
                    "op_id": i.op_id,
                    "seq": i.seq,
                    "entity": i.entity,
                    "entity_id": i.entity_id,
                    "action": i.action,
                    "payload": i.payload,
                    "created_at": i.created_at,
                }
                for i in items
            ]
        },
        ensure_ascii=False,
        allow_nan=False,  # NaN and Infinity are not JSON; the upstream would refuse them
        separators=(",", ":"),
    ).encode("utf-8")


def _check_acknowledged(sent: Sequence[OutboxItem], result: PushResult) -> tuple[list[str], list[str]]:
    """(acknowledged op_ids, conflicting op_ids); refuses an answer that skips any sent op."""
    answered = {r.op_id: r.status for r in result.results}
    missing = [item.op_id for item in sent if item.op_id not in answered]
    if missing:
        raise UpstreamProtocolError(f"The upstream left {len(missing)} operations unanswered.")
    conflicts = [op_id for op_id, status in answered.items() if status == "conflict"]
    return [item.op_id for item in sent], conflicts


def _send(client: httpx.Client, method: str, url: str, **kwargs: Any) -> httpx.Response:
    headers = {"content-type": "application/json"} if "content" in kwargs else None
    try:
        return client.request(method, url, headers=headers, **kwargs)
    except httpx.TransportError as exc:
        if is_certificate_failure(exc):
            raise CertificateNotTrusted(f"The upstream's certificate is not trusted: {exc}") from exc
        raise _Transient(f"{type(exc).__name__}: {exc}") from exc


def _checked(response: httpx.Response) -> httpx.Response:
    status = response.status_code
    if 200 <= status < 300:
        return response
    if status in RETRYABLE_STATUS:
        raise _Transient(f"HTTP {status}")
    detail = _problem_detail(response)
    if status in (401, 403):
        raise UpstreamAuthRefused(f"The upstream refused this outlet's token ({detail}).")
    raise _Refused(status, detail)


def _problem_detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    detail = body.get("detail") if isinstance(body, dict) else None
    return str(detail)[:300] if detail else f"HTTP {response.status_code}"


def _parse(response: httpx.Response, model: type[T], *, transient: bool = False) -> T:
    try:
        return model.model_validate_json(response.content)
    except pydantic.ValidationError as exc:
        # A cut or garbled body (a proxy dropping the line mid-answer) is worth a retry.
        if transient:
            raise _Transient(f"unreadable answer: {exc.errors()[0]['msg']}") from exc
        raise UpstreamProtocolError("The upstream's answer does not fit the sync protocol.") from exc
