"""Exactly-once sync through everything a counter's line does, 10,000 operations per scenario,
against the real upstream over loopback HTTP, on SQLite and on PostgreSQL.

After every scenario the upstream holds exactly one copy of every operation, every record is
at the state of its last local operation, and nothing is pending at the outlet.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Mapping
from pathlib import Path

import httpx
import pytest

from app.sync.outbox import OutboxItem
from app.sync.protocol import PushResult
from app.sync.relay import Backoff, SyncRelay, encode_batch
from app.sync.transport import UpstreamEndpoint
from app.upstream.storage import UpstreamDatabaseUnavailable
from tests.integration.upstream.upstream_fault_proxy import FaultPlan, FaultProxy
from tests.integration.upstream.upstream_harness import OUTLET, TRANSPORT_POLICY, UpstreamServer, enrol_outlet
from tests.integration.upstream.upstream_sqlite_outbox import SqliteOutbox

pytestmark = [pytest.mark.integration, pytest.mark.slow]

OPERATIONS = 10_000
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
ENTITIES = ("ticket", "device", "consent", "part")


def fill_outbox(outbox: SqliteOutbox, count: int = OPERATIONS, seed: int = 1) -> None:
    """`count` operations over count/4 records, each record changed several times; some
    records end deleted or erased, so the order of their operations matters upstream."""
    rng = random.Random(seed)
    records = [
        (ENTITIES[i % len(ENTITIES)], str(uuid.UUID(int=rng.getrandbits(128), version=4))) for i in range(count // 4)
    ]
    rows = []
    for n in range(count):
        entity, entity_id = records[rng.randrange(len(records))]
        action = rng.choices(["upsert", "rectify", "delete", "erase"], weights=[80, 10, 5, 5])[0]
        rows.append((entity, entity_id, action, {"n": n, "status": rng.choice(["open", "repairing", "done"])}))
    outbox.add_many(rows)


def assert_exactly_once(server: UpstreamServer, outbox: SqliteOutbox, count: int = OPERATIONS) -> None:
    counts = server.store.outlet_counts(OUTLET)
    assert counts.operations == count, "the upstream must hold each operation exactly once"
    expected = {key: op_id for key, (_, op_id) in outbox.last_op_per_record().items()}
    actual = {(r.entity, r.entity_id): r for r in server.store.records(OUTLET)}
    assert {key: r.op_id for key, r in actual.items()} == expected, "each record must be at its last local op"
    for row in actual.values():
        if row.action in ("delete", "erase"):
            assert row.payload_json == "{}"
    assert sum(counts.live.values()) + sum(counts.removed.values()) == len(expected)
    assert outbox.pending_count() == 0


def fast_backoff(attempts: int = 40) -> Backoff:
    return Backoff(base=0.01, cap=0.2, max_attempts=attempts, rng=random.Random(3))


class CrashAfterAnswer:
    """An outbox whose process 'dies' at every `every`-th acknowledgement: the upstream has
    answered, the local mark never happens (an exception in place of a kill)."""

    class Crash(Exception):
        pass

    def __init__(self, inner: SqliteOutbox, every: int) -> None:
        self.inner = inner
        self.every = every
        self.acks = 0
        self.handed_out = 0

    def pending(self, limit: int) -> list[OutboxItem]:
        items = self.inner.pending(limit)
        self.handed_out += len(items)
        return items

    def mark_sent(self, op_ids: list[str], digests: Mapping[str, str] | None = None) -> None:
        self.acks += 1
        if self.acks % self.every == 0:
            raise self.Crash()
        self.inner.mark_sent(op_ids, digests)

    def __getattr__(self, name: str):  # noqa: ANN204 - the rest of the OutboxSource contract
        return getattr(self.inner, name)


def test_client_killed_between_answer_and_ack(upstream: UpstreamServer, token: str, outbox: SqliteOutbox) -> None:
    fill_outbox(outbox)
    # A real process killed with SIGKILL after the upstream answered its 3rd batch.
    command = [
        sys.executable,
        str(HERE / "upstream_relay_child.py"),
        str(outbox.path),
        upstream.url,
        OUTLET,
        token,
        "3",
    ]
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{HERE}"}
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ANSWERED"
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=10)
    assert upstream.store.outlet_counts(OUTLET).operations == 1500, "three batches reached the upstream"
    assert outbox.pending_count() == OPERATIONS - 1000, "only two were acknowledged locally"

    # Then in-process crashes at every 4th acknowledgement, each followed by a fresh relay.
    crashing = CrashAfterAnswer(outbox, every=4)
    crashes = 0
    while outbox.pending_count():
        with SyncRelay(
            crashing, UpstreamEndpoint(upstream.url), OUTLET, token, batch_size=400, policy=TRANSPORT_POLICY
        ) as relay:
            try:
                relay.push_pending()
            except CrashAfterAnswer.Crash:
                crashes += 1
    assert crashes >= 3
    assert crashing.handed_out > OPERATIONS - 1000, "answered-but-unacknowledged batches were sent again"
    assert_exactly_once(upstream, outbox)


def test_batches_replayed_and_reordered(upstream: UpstreamServer, token: str, outbox: SqliteOutbox) -> None:
    fill_outbox(outbox, seed=2)
    items = outbox.pending(OPERATIONS)
    batches = [items[i : i + 250] for i in range(0, len(items), 250)]
    rng = random.Random(5)
    rng.shuffle(batches)
    for batch in batches[::3]:
        batch.reverse()  # operations of one record inside a batch out of order too
    first_answers: dict[str, tuple[str, bool]] = {}
    with httpx.Client(base_url=upstream.url, headers={"authorization": f"Bearer {token}"}) as client:

        def post(batch: list[OutboxItem]) -> PushResult:
            response = client.post(
                f"/v1/outlets/{OUTLET}/push", content=encode_batch(batch), headers={"content-type": "application/json"}
            )
            assert response.status_code == 200, response.text
            return PushResult.model_validate_json(response.content)

        for batch in batches:
            for result in post(batch).results:
                first_answers[result.op_id] = (result.status, result.replayed)
        for batch in rng.sample(batches, len(batches) // 3):
            for result in post(batch).results:
                assert result.replayed and result.status == first_answers[result.op_id][0]
    assert not any(replayed for _, replayed in first_answers.values())
    assert any(status == "superseded" for status, _ in first_answers.values()), "reordering was exercised"

    # The relay then sends everything again (its outbox never saw the acks): all replays.
    with SyncRelay(outbox, UpstreamEndpoint(upstream.url), OUTLET, token, policy=TRANSPORT_POLICY) as relay:
        assert relay.push_pending()[0] == OPERATIONS
    assert_exactly_once(upstream, outbox)


def test_resets_timeouts_and_500s_from_a_proxy(upstream: UpstreamServer, token: str, outbox: SqliteOutbox) -> None:
    fill_outbox(outbox, seed=3)
    upstream.store.publish_reference(
        "price_list", [json.dumps({"key": f"P{i}", "price": i}) for i in range(1200)], "2026-11-23T00:00:00+00:00"
    )
    plan = FaultPlan(
        rates={"reset_before": 0.1, "reset_after": 0.1, "timeout": 0.05, "http500": 0.1}, hold_seconds=0.6, seed=11
    )
    with FaultProxy(upstream.url, plan) as proxy:
        endpoint = UpstreamEndpoint(proxy.url, read_timeout=0.4)
        with SyncRelay(
            outbox, endpoint, OUTLET, token, batch_size=200, backoff=fast_backoff(), policy=TRANSPORT_POLICY
        ) as relay:
            report = relay.sync_once(kinds=["price_list"])
    assert report.errors == []
    assert report.pushed == OPERATIONS and report.pending == 0
    assert all(proxy.counts[fault] >= 2 for fault in ("reset_before", "reset_after", "timeout", "http500")), (
        proxy.counts
    )
    assert len(outbox.reference_items("price_list")) == 1200
    assert_exactly_once(upstream, outbox)


class RestartUpstreamMidSync:
    """Stops the upstream when the relay asks for its `at`-th batch, starts it again shortly after."""

    def __init__(self, inner: SqliteOutbox, server: UpstreamServer, at: int) -> None:
        self.inner = inner
        self.server = server
        self.at = at
        self.calls = 0
        self.restarter: threading.Thread | None = None

    def pending(self, limit: int) -> list[OutboxItem]:
        self.calls += 1
        if self.calls == self.at:
            self.server.stop()
            timer = threading.Timer(0.5, self.server.start)
            timer.start()
            self.restarter = timer
        return self.inner.pending(limit)

    def __getattr__(self, name: str):  # noqa: ANN204 - the rest of the OutboxSource contract
        return getattr(self.inner, name)


def test_upstream_restarted_mid_sync(upstream: UpstreamServer, token: str, outbox: SqliteOutbox) -> None:
    fill_outbox(outbox, seed=4)
    source = RestartUpstreamMidSync(outbox, upstream, at=6)
    with SyncRelay(
        source,
        UpstreamEndpoint(upstream.url),
        OUTLET,
        token,
        batch_size=500,
        backoff=Backoff(base=0.05, cap=0.5, max_attempts=40, rng=random.Random(1)),
        policy=TRANSPORT_POLICY,
    ) as relay:
        pushed, _, _ = relay.push_pending()
    assert source.restarter is not None
    source.restarter.join(timeout=10)
    assert pushed == OPERATIONS
    assert_exactly_once(upstream, outbox)


def test_two_workers_sharing_one_database_apply_concurrent_deliveries_once(
    upstream: UpstreamServer, token: str, outbox: SqliteOutbox
) -> None:
    """Several stateless upstream workers over one database: a retry may reach a second
    worker while the first still applies the same batch."""
    fill_outbox(outbox, seed=6)
    second = UpstreamServer(upstream.db_url, key=upstream.key)
    second.start()
    try:
        items = outbox.pending(OPERATIONS)
        bodies = [encode_batch(items[i : i + 500]) for i in range(0, len(items), 500)]
        failures: list[str] = []

        def deliver(url: str, order: list[bytes]) -> None:
            headers = {"authorization": f"Bearer {token}", "content-type": "application/json"}
            with httpx.Client(base_url=url, headers=headers, timeout=60) as client:
                for body in order:
                    for _ in range(5):  # a 500 (e.g. a detected deadlock) is retried, as the relay would
                        if client.post(f"/v1/outlets/{OUTLET}/push", content=body).status_code == 200:
                            break
                    else:
                        failures.append(url)

        threads = [
            threading.Thread(target=deliver, args=(upstream.url, bodies)),
            threading.Thread(target=deliver, args=(second.url, bodies[::-1])),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert failures == []
    finally:
        second.stop()
    with SyncRelay(outbox, UpstreamEndpoint(upstream.url), OUTLET, token, policy=TRANSPORT_POLICY) as relay:
        relay.push_pending()
    assert_exactly_once(upstream, outbox)


def test_postgres_restarted_mid_sync(pg_cluster, tmp_path: Path) -> None:  # noqa: ANN001 - fixture type in conftest
    """The database under the upstream restarts: requests in flight fail with 500, the relay
    retries, the workers replace their lost connections, and the sync completes."""
    server = UpstreamServer(pg_cluster.database("restart_" + uuid.uuid4().hex[:12]))
    server.start()
    outbox = SqliteOutbox(tmp_path / "outbox.db")
    try:
        token = enrol_outlet(server)
        fill_outbox(outbox, seed=8)

        class RestartDatabase(RestartUpstreamMidSync):
            def pending(self, limit: int) -> list[OutboxItem]:
                self.calls += 1
                if self.calls == self.at:
                    pg_cluster.restart()
                return self.inner.pending(limit)

        source = RestartDatabase(outbox, server, at=2)
        with SyncRelay(
            source, UpstreamEndpoint(server.url), OUTLET, token, backoff=fast_backoff(), policy=TRANSPORT_POLICY
        ) as relay:
            assert relay.push_pending()[0] == OPERATIONS
        assert source.calls >= 2
        # This thread's own connection was cut too: its first use fails, then it is replaced.
        with pytest.raises(UpstreamDatabaseUnavailable):
            server.store.outlet_counts(OUTLET)
        assert_exactly_once(server, outbox)
    finally:
        outbox.close()
        server.stop()
