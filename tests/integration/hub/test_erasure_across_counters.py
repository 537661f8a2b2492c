"""A customer erased at one counter is erased on every counter of the outlet and in the hub.

Real SQLCipher stores, a real TLS hub on loopback, real HTTP (tests/integration/hub/harness.py).
The privacy desk erases at A; after both sync, no marker value of the customer is in any
decrypted row of B's store, A's store or the hub's store, nor in the raw bytes of the hub's
files, and the hub's WAL was checkpointed; B still counts the ticket for its statistics.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.accounts.service import sign_in
from app.hub.server import DATABASE_FILE, HubServer
from app.paths import DataPaths
from app.privacy import actions, requests
from app.storage import replica_repository
from app.storage.ticket_records import Agreement, NewTicket
from app.storage.vault import Vault
from app.sync import hub_client
from app.tickets.intake import open_ticket
from app.tickets.moves import move_ticket
from app.tickets.search import search
from app.upstream.storage import hub_log
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, FAST_KDF
from tests.integration.hub.harness import every_encrypted_row, join, key_of, new_counter, wal_frames
from tests.integration.hub.test_cli_across_counters import _cli, _counter, _found
from tests.integration.privacy.conftest import MARKERS as DESK_MARKERS
from tests.integration.privacy.conftest import marker_ticket
from tests.integration.privacy.test_erasure import files_containing, rows_containing

pytestmark = pytest.mark.integration

SIGNER = "Guardian Signmark"
#: The privacy desk's marker customer (every contact field, the device identifiers, the fault text)
#: and the name of who signed the service agreement.
MARKERS = {**DESK_MARKERS, "signer": SIGNER}


def marker_walk_in() -> NewTicket:
    return marker_ticket(agreement=Agreement("service_agreement", 1, "en", SIGNER, "ab" * 32))


def _sync(*sessions) -> None:
    for _ in range(2):  # the second pass pulls what the others pushed after one's pull
        for session in sessions:
            hub_client.hub_sync_once(session)


def _erase_at(session, customer_id: str) -> None:
    request = requests.new_request(session, "erasure", customer_id, "ID card seen")
    actions.erase(session, request.number)


def _hub_rows(hub: HubServer) -> list[str]:
    """Where a marker is in the hub: every decrypted row of its store, and its stored payloads."""
    assert hub.store is not None
    payloads = "\n".join(r.payload_json for r in hub_log.operations_after(hub.store, 0, 1_000_000))
    text = every_encrypted_row(hub.folder / DATABASE_FILE, hub.key) + payloads
    return [label for label, value in MARKERS.items() if value in text]


def test_a_customer_erased_at_one_counter_is_erased_at_every_counter_and_in_the_hub(counters, hub) -> None:
    a, b = counters["A"], counters["B"]
    ticket = open_ticket(a, marker_walk_in())
    _sync(a, b)
    assert [row.number for row in search(b, MARKERS["name"])] == [ticket.number]
    assert rows_containing(b.store, MARKERS), "the test must start with the markers at B"
    assert _hub_rows(hub), "the test must start with the markers in the hub"
    customer = _customer_of(a, ticket.id)

    _erase_at(a, customer)
    _sync(a, b)

    for session in (a, b):
        assert rows_containing(session.store, MARKERS) == [], session.actor
    assert _hub_rows(hub) == []
    assert files_containing(hub.folder, MARKERS) == []  # raw bytes of the db and its WAL
    assert search(b, MARKERS["name"]) == []  # the number still finds the anonymised ticket, as at A
    kept = b.store.query_one(
        "SELECT status, device_model, service_type, customer_id, anonymised_at FROM ticket WHERE id = ?", (ticket.id,)
    )
    assert kept is not None and kept[:4] == ("received", "RC-X1", "send_in", None) and kept[4]
    on_replica = replica_repository.record(b.store, "ticket", ticket.id)
    assert on_replica["status"] == "received" and on_replica["device_model"] == "RC-X1"
    assert "customer_name" not in on_replica and "agreement" not in on_replica
    assert replica_repository.snapshot(a.store) == replica_repository.snapshot(b.store)


def test_a_change_made_before_the_erasure_was_seen_does_not_bring_the_data_back(counters, hub) -> None:
    a, b = counters["A"], counters["B"]
    ticket = open_ticket(a, marker_walk_in())
    _sync(a, b)
    customer = _customer_of(a, ticket.id)
    _erase_at(a, customer)
    hub_client.hub_sync_once(a)  # the erasure reaches the hub; B has not pulled it
    move_ticket(b, ticket.number, "diagnosing", f"{MARKERS['name']} called back, {MARKERS['phone']}")

    _sync(b, a)  # B pushes its move (after the erasure in the hub's order), then pulls both

    for session in (a, b):
        assert rows_containing(session.store, MARKERS) == [], session.actor
        assert replica_repository.record(session.store, "ticket", ticket.id)["status"] == "diagnosing"
        assert replica_repository.conflicts(session.store, include_settled=True) == []
    assert _hub_rows(hub) == []
    at_b = b.store.query_one("SELECT customer_id, anonymised_at IS NOT NULL FROM ticket WHERE id = ?", (ticket.id,))
    assert at_b == (None, 1)


def test_a_counter_joining_after_the_erasure_gets_only_scrubbed_payloads(tmp_path: Path, counters, hub) -> None:
    a = counters["A"]
    ticket = open_ticket(a, marker_walk_in())
    hub_client.hub_sync_once(a)
    _erase_at(a, _customer_of(a, ticket.id))
    hub_client.hub_sync_once(a)
    frames_after_erasure = wal_frames(hub.folder / DATABASE_FILE)

    late = new_counter(tmp_path, "C")
    join(late, hub.folder, hub.url, "C")
    _sync(late)

    assert _hub_rows(hub) == []  # what the pull serves: the joining counter never received a marker
    assert rows_containing(late.store, MARKERS) == []
    assert replica_repository.record(late.store, "ticket", ticket.id)["service_type"] == "send_in"
    # the erasure's checkpoint emptied the WAL: what is in it now was written after it (a pull's bookkeeping)
    assert frames_after_erasure <= 4
    late.lock()


def _customer_of(session, ticket_id: str) -> str:
    row = session.store.query_one("SELECT customer_id FROM ticket WHERE id = ?", (ticket_id,))
    assert row is not None and row[0]
    return str(row[0])


def test_through_the_command_line_an_erasure_at_a_reaches_b(tmp_path: Path) -> None:
    """`python -m app request new|do` at A, `hub sync --once` at both: B no longer has the customer."""
    with HubServer(tmp_path / "outlet-hub", "SZ01", key_of(tmp_path / "outlet-hub")) as hub:
        a, b = _counter(tmp_path, hub, "A"), _counter(tmp_path, hub, "B")
        opened = _cli(
            a, "ticket", "new", "--type", "maintenance", "--name", MARKERS["name"], "--phone", MARKERS["phone"],
            "--model", "RC-X1", "--imei", MARKERS["imei"], "--fault", MARKERS["fault"],
            "--agreement-signed-by", MARKERS["signer"], "--json",
        )  # fmt: skip
        number = json.loads(opened)["number"]
        for counter in (a, b):
            _cli(counter, "hub", "sync", "--once")
        assert _found(b, MARKERS["name"].split()[1]) == [number]

        asked = _cli(a, "request", "new", "--kind", "erasure", "--ticket", number,
                     "--identity-check", "ID card seen", "--json")  # fmt: skip
        _cli(a, "request", "do", json.loads(asked)["number"])
        for counter in (a, b, a):
            _cli(counter, "hub", "sync", "--once")

        assert _found(b, MARKERS["name"].split()[1]) == []
        shown = json.loads(_cli(b, "ticket", "show", number, "--json"))
        assert shown["status"] == "received" and shown["device_model"] == "RC-X1"
        assert _hub_rows(hub) == []
    for data_dir in (a, b):
        session = sign_in(Vault(DataPaths(data_dir), argon2=FAST_KDF), ADMIN, ADMIN_PASSWORD)
        try:
            assert rows_containing(session.store, MARKERS) == [], data_dir.name
        finally:
            session.lock()
