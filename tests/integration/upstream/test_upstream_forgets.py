"""The embedded upstream keeps no copy of an erased record in its files, and nobody else may read them."""

from __future__ import annotations

import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sync.relay import SyncRelay
from app.sync.transport import UpstreamEndpoint
from tests.integration.upstream.upstream_harness import OUTLET, TRANSPORT_POLICY, UpstreamServer, enrol_outlet
from tests.integration.upstream.upstream_sqlite_outbox import SqliteOutbox

pytestmark = pytest.mark.integration
MARKER = "MARKER-erase-me-5b1e"


@pytest.fixture
def sqlite_upstream(tmp_path: Path) -> Iterator[UpstreamServer]:
    server = UpstreamServer(f"sqlite:///{tmp_path / 'upstream.db'}")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def files_of(db: Path) -> list[Path]:
    return [p for p in db.parent.iterdir() if p.name.startswith(db.name)]


def holding(db: Path, text: str) -> list[str]:
    return [p.name for p in files_of(db) if text.encode() in p.read_bytes()]


def push(server: UpstreamServer, outbox: SqliteOutbox, token: str) -> None:
    with SyncRelay(outbox, UpstreamEndpoint(server.url), OUTLET, token, policy=TRANSPORT_POLICY) as relay:
        relay.push_pending()


def test_database_files_are_owner_only(sqlite_upstream: UpstreamServer, tmp_path: Path) -> None:
    token = enrol_outlet(sqlite_upstream)
    outbox = SqliteOutbox(tmp_path / "outbox.db")
    outbox.add("ticket", str(uuid.uuid4()), "upsert", {"status": "open"})
    push(sqlite_upstream, outbox, token)
    outbox.close()
    db = tmp_path / "upstream.db"
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in files_of(db) if not p.name.endswith(".pem")}
    assert {"upstream.db", "upstream.db-wal"} <= set(modes)
    assert modes == dict.fromkeys(modes, 0o600)


def test_an_existing_readable_database_is_tightened_on_open(tmp_path: Path) -> None:
    db = tmp_path / "upstream.db"
    db.touch(mode=0o644)
    db.chmod(0o644)
    server = UpstreamServer(f"sqlite:///{db}")
    server.start()
    server.stop()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_after_an_erasure_no_file_of_the_upstream_holds_the_erased_payload(
    sqlite_upstream: UpstreamServer, tmp_path: Path
) -> None:
    token = enrol_outlet(sqlite_upstream)
    outbox = SqliteOutbox(tmp_path / "outbox.db")
    customer = str(uuid.uuid4())
    outbox.add("customer", customer, "upsert", {"status": MARKER})
    outbox.add("customer", customer, "rectify", {"status": MARKER + "-corrected"})
    push(sqlite_upstream, outbox, token)
    db = tmp_path / "upstream.db"
    assert holding(db, MARKER), "before the erasure the upstream holds it (else the check below proves nothing)"

    outbox.add("customer", customer, "erase", {"request_id": "R-1", "reason": "customer asked"})
    push(sqlite_upstream, outbox, token)
    outbox.close()
    assert holding(db, MARKER) == [], "no copy in the database, its WAL or its shared memory, while it runs"
    assert sqlite_upstream.store.operation_payloads(OUTLET, "customer", customer)[:2] == ["{}", "{}"]
