"""After an erasure none of the customer's marker values is anywhere under the data directory
(database, WAL, logs, exports), nor in any decrypted row of any table; statistics and digests stay,
and the upstream is told through "erase" operations."""

from __future__ import annotations

import logging

import pytest

from app.logging_setup import configure_logging, stop_logging
from app.privacy import actions, requests
from app.privacy.export import make_export
from app.tickets.intake import open_ticket
from tests.integration.privacy.conftest import (
    MARKERS,
    add_diagnostics,
    marker_ticket,
    other_ticket,
)


def files_containing(root, needles) -> list[str]:
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for label, value in needles.items():
            for encoding in ("utf-8", "utf-16-le"):
                if value.encode(encoding) in data:
                    found.append(f"{path.name}: {label} ({encoding})")
    return found


def rows_containing(store, needles) -> list[str]:
    """Every table's decrypted rows, each value as text: where a marker still is."""
    found = []
    tables = [r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for row in store.query(f'SELECT * FROM "{table}"'):
            text = " ".join(
                bytes(v).decode("utf-8", "replace") if isinstance(v, (bytes, memoryview)) else str(v) for v in row
            )
            found += [f"{table}: {label}" for label, value in needles.items() if value in text]
    return found


@pytest.fixture(autouse=True)
def _detach_log_file():
    yield
    stop_logging()


def _erase(manager) -> actions.ErasureReport:
    customer = manager.store.query_one("SELECT id FROM customer WHERE name = ?", (MARKERS["name"],))[0]
    request = requests.new_request(manager, "erasure", customer, "ID card seen")
    return actions.erase(manager, request.number)


def test_after_an_erasure_no_marker_is_in_any_file_or_row(vault, manager, clock) -> None:
    configure_logging(vault.paths.logs)
    first = open_ticket(manager, marker_ticket())
    open_ticket(manager, marker_ticket(fault="second visit: no sound"))
    open_ticket(manager, other_ticket())
    add_diagnostics(manager, first.number, MARKERS["name"])
    vault.paths.exports.mkdir(parents=True, exist_ok=True)
    customer = manager.store.query_one("SELECT id FROM customer WHERE name = ?", (MARKERS["name"],))[0]
    export = make_export(manager, customer, vault.paths.exports / "access.rcx", password="a long customer password")
    logging.getLogger("app.test").warning("careless %s %s", MARKERS["name"], MARKERS["phone"])
    assert rows_containing(manager.store, MARKERS), "the test must start with the markers stored"
    assert export.path.exists()

    report = _erase(manager)

    assert report.tickets_anonymised == 2 and report.export_files_deleted == 1
    assert rows_containing(manager.store, MARKERS) == []
    for handler in logging.getLogger("app").handlers:
        handler.flush()
    assert files_containing(vault.paths.root, MARKERS) == []
    manager.lock()
    assert files_containing(vault.paths.root, MARKERS) == []


def test_the_erasure_keeps_statistics_and_digests_and_queues_erase_operations(manager, clock) -> None:
    first = open_ticket(manager, marker_ticket())
    open_ticket(manager, other_ticket())
    add_diagnostics(manager, first.number, MARKERS["name"], with_log=False)
    journal_before = manager.store.journal_head().seq
    _erase(manager)
    stats = manager.store.query(
        "SELECT service_type, device_model, fault_category, status FROM ticket WHERE customer_id IS NULL"
    )
    assert stats == [("send_in", "RC-X1", "other", "received")]
    assert len(manager.store.query_one("SELECT signature_sha256 FROM diag_consent")[0]) == 64
    assert manager.store.query("SELECT name FROM customer") == [("Zhang Wei",)]  # the other customer is untouched
    erase_ops = manager.store.query("SELECT entity, entity_id, payload FROM outbox WHERE action = 'erase' ORDER BY seq")
    assert [e[0] for e in erase_ops] == ["ticket", "customer"]
    assert erase_ops[0][1] == first.id and '"reason": "erasure_request"' in erase_ops[0][2]
    assert manager.store.journal_head().seq > journal_before


def test_an_erased_customer_cannot_be_erased_twice(manager, clock) -> None:
    from app.privacy_rules.errors import UnknownCustomer

    open_ticket(manager, marker_ticket())
    customer = manager.store.query_one("SELECT id FROM customer")[0]
    first = requests.new_request(manager, "erasure", customer, "ID card seen")
    second = requests.new_request(manager, "erasure", customer, "ID card seen")
    actions.erase(manager, first.number)
    with pytest.raises(UnknownCustomer):
        actions.erase(manager, second.number)


def test_after_every_retention_period_no_marker_is_left_in_any_row(manager, clock) -> None:
    from app.core.retention import DEFAULT_POLICY
    from app.privacy.retention_engine import run_retention
    from tests.integration.privacy.conftest import START

    first = open_ticket(manager, marker_ticket())
    add_diagnostics(manager, first.number, MARKERS["name"])
    clock.now = START.replace(year=2036, day=24)
    receipt = run_retention(manager.store, manager.actor, DEFAULT_POLICY)
    assert receipt.counts["service_records"] == 1 and receipt.counts["device_identifiers"] == 1
    assert rows_containing(manager.store, MARKERS) == []


def test_the_upstream_is_told_and_forgets(manager, clock, tmp_path) -> None:
    from app.sync.relay import SyncRelay
    from app.sync.store_source import StoreOutbox
    from app.sync.transport import UpstreamEndpoint
    from tests.integration.upstream.upstream_harness import (
        OUTLET,
        UpstreamServer,
        enrol_outlet,
    )

    ticket = open_ticket(manager, marker_ticket())
    server = UpstreamServer(f"sqlite:///{tmp_path / 'upstream.db'}")
    server.start()
    try:
        token = enrol_outlet(server)
        with SyncRelay(StoreOutbox(manager.store), UpstreamEndpoint(server.url), OUTLET, token) as relay:
            relay.push_pending()
            before = [r for r in server.store.records(OUTLET) if r.entity_id == ticket.id]
            assert before and MARKERS["imei"] in before[0].payload_json  # the upstream had the ticket
            _erase(manager)
            relay.push_pending()
        after = [r for r in server.store.records(OUTLET) if r.entity_id == ticket.id]
    finally:
        server.stop()
    assert after and all(r.action == "erase" or r.payload_json == "{}" for r in after)
    assert not any(value in r.payload_json for r in after for value in MARKERS.values())
    assert manager.store.pending_outbox_count() == 0
