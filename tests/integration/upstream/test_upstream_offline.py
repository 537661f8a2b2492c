"""No line at all: the relay backs off, gives up with a known error, and loses nothing."""

from __future__ import annotations

import random
import uuid

import pytest

from app.sync.relay import Backoff, SyncRelay
from app.sync.transport import UpstreamEndpoint, UpstreamUnreachable
from tests.integration.upstream.upstream_harness import (
    OUTLET,
    TRANSPORT_POLICY,
    UpstreamServer,
    enrol_outlet,
    free_port,
)
from tests.integration.upstream.upstream_sqlite_outbox import SqliteOutbox

pytestmark = pytest.mark.integration


def test_an_unreachable_upstream_leaves_everything_queued(outbox: SqliteOutbox) -> None:
    outbox.add_many([("ticket", str(uuid.uuid4()), "upsert", {"n": n}) for n in range(5)])
    waits: list[float] = []
    backoff = Backoff(base=0.5, cap=4.0, max_attempts=6, rng=random.Random(2))
    closed_port = UpstreamEndpoint(f"http://127.0.0.1:{free_port()}", connect_timeout=0.5)
    with SyncRelay(
        outbox, closed_port, OUTLET, "t" * 43, backoff=backoff, sleep=waits.append, policy=TRANSPORT_POLICY
    ) as relay:
        with pytest.raises(UpstreamUnreachable):
            relay.push_pending()
        push_waits = list(waits)
        report = relay.sync_once(kinds=["price_list"])
    assert len(push_waits) == 5, "one wait between each of the six attempts"
    assert all(0 <= wait <= min(4.0, 0.5 * 2**n) for n, wait in enumerate(push_waits))
    assert report.pending == 5 and report.pushed == 0 and len(report.errors) == 2


def test_the_queue_drains_when_the_line_comes_back(outbox: SqliteOutbox, tmp_path) -> None:  # noqa: ANN001
    server = UpstreamServer(f"sqlite:///{tmp_path / 'up.db'}")
    server.start()
    token = enrol_outlet(server)
    server.stop()  # the line drops
    outbox.add_many([("ticket", str(uuid.uuid4()), "upsert", {"n": n}) for n in range(50)])
    endpoint = UpstreamEndpoint(server.url, connect_timeout=0.5)
    with SyncRelay(
        outbox, endpoint, OUTLET, token, backoff=Backoff(max_attempts=2), sleep=lambda _: None, policy=TRANSPORT_POLICY
    ) as relay:
        assert relay.sync_once(kinds=[]).pending == 50
        server.start()  # the line is back
        try:
            report = relay.sync_once(kinds=[])
        finally:
            server.stop()
    assert (report.pushed, report.pending, report.errors) == (50, 0, [])
