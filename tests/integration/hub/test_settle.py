"""Settling a conflict through the real command line: two counters change one field offline, a
third settles it, and after syncing every counter holds the chosen value with the conflict
settled alike (`python -m app hub sync|conflicts|settle` against a real TLS hub on loopback)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.accounts import service
from app.accounts.session import Session
from app.core.roles import PERMISSIONS, Permission, Role
from app.errors import PermissionDenied
from app.hub.server import HubServer
from app.storage import replica_repository
from app.sync import hub_client, hub_settle
from app.sync.outbox import OutboxItem
from app.sync.policy import outbound_item, policy_for_region
from app.tickets.outlet_calendar import set_hours
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.integration.hub.harness import join, key_of, new_counter

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]
HOURS_A, HOURS_B = "09:00-18:00", "10:00-19:00"


def cli(session: Session, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m app hub ARGS` on that counter's store, as its manager (the session must be locked)."""
    env = {
        **os.environ,
        "REPAIR_COUNTER_USER": ADMIN,
        "REPAIR_COUNTER_PASSWORD": ADMIN_PASSWORD,
        "REPAIR_COUNTER_DATA_DIR": str(session.vault.paths.root),
    }
    return subprocess.run(
        [sys.executable, "-m", "app", "hub", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def ok(session: Session, *args: str) -> str:
    done = cli(session, *args)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def listed(session: Session, *flags: str) -> list[dict[str, object]]:
    return json.loads(ok(session, "conflicts", "--json", *flags))  # type: ignore[no-any-return]


@pytest.fixture
def three_counters(tmp_path: Path):
    with HubServer(tmp_path / "hub", "SZ01", key_of(tmp_path / "hub")) as hub:
        sessions = {name: new_counter(tmp_path, name) for name in ("A", "B", "C")}
        for name, session in sessions.items():
            join(session, hub.folder, hub.url, name)
        set_hours(sessions["A"], "mon", HOURS_A)  # neither has seen the other's change: offline of each other
        set_hours(sessions["B"], "mon", HOURS_B)
        for session in sessions.values():
            session.lock()
        yield sessions


def sync_all(sessions: dict[str, Session], order: str) -> None:
    for name in order:
        ok(sessions[name], "sync", "--once", "--json")


def test_two_counters_change_one_field_offline_a_third_settles_and_all_converge(three_counters) -> None:
    a, b, c = three_counters["A"], three_counters["B"], three_counters["C"]
    sync_all(three_counters, "ABCA")
    [conflict] = listed(c)
    assert conflict["field"] == "hours" and conflict["settled_at"] is None
    assert {conflict["kept_author"], conflict["other_author"]} == {"A", "B"}
    assert [listed(x) for x in (a, b)] == [[conflict], [conflict]]
    wanted = json.loads(str(conflict["other_value"]))  # the value the hub's order overwrote comes back

    done = json.loads(ok(c, "settle", str(conflict["id"]), "--keep", "other", "--json"))
    assert done["value"] == wanted and done["field"] == "hours"
    twice = cli(c, "settle", str(conflict["id"]), "--keep", "kept")
    assert twice.returncode == hub_settle.ConflictAlreadySettled.exit_code, twice.stdout + twice.stderr
    assert "code: conflict_settle_waiting" in twice.stdout + twice.stderr
    unknown = cli(c, "settle", "999999", "--keep", "kept")
    assert unknown.returncode == hub_settle.UnknownConflict.exit_code, unknown.stdout + unknown.stderr

    sync_all(three_counters, "CABC")
    for session in (a, b, c):
        assert listed(session) == []
        [settled] = listed(session, "--all")
        assert settled["id"] == conflict["id"] and settled["settled_by"] == "C" and settled["settled_at"]
    again = cli(a, "settle", str(conflict["id"]), "--keep", "kept")
    assert again.returncode == hub_settle.ConflictAlreadySettled.exit_code, again.stdout + again.stderr

    stores = [service.sign_in(s.vault, ADMIN, ADMIN_PASSWORD) for s in (a, b, c)]
    try:
        snapshots = [replica_repository.snapshot(s.store) for s in stores]
        assert snapshots[0] == snapshots[1] == snapshots[2]
        entity_id = str(conflict["entity_id"])
        assert all(replica_repository.record(s.store, "outlet_calendar", entity_id)["hours"] == wanted for s in stores)
    finally:
        for session in stores:
            session.lock()


def test_a_technician_may_not_settle_the_outlets_hours_a_manager_may(three_counters) -> None:
    """The outlet's hours are a manager's to change, so a manager's to settle (hub_settle's text)."""
    sync_all(three_counters, "ABCA")
    manager = service.sign_in(three_counters["C"].vault, ADMIN, ADMIN_PASSWORD)
    try:
        service.add_account(manager, "T2001", "Tang Lei", Role.TECHNICIAN, ADMIN_PASSWORD)
        [conflict] = hub_client.conflicts(manager)
    finally:
        manager.lock()
    technician = service.sign_in(three_counters["C"].vault, "T2001", ADMIN_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            hub_settle.settle(technician, conflict.id, "kept")
        assert not replica_repository.settle_waiting(technician.store, conflict.other_op, conflict.field)
    finally:
        technician.lock()
    assert hub_settle.permission_to_settle("ticket") is Permission.WRITE_TICKETS
    assert Permission.WRITE_TICKETS in PERMISSIONS[Role.TECHNICIAN]


@pytest.mark.parametrize("region", ["CN", "EU", "IN"])
def test_a_settle_never_leaves_the_outlet_under_any_shipped_region(region: str) -> None:
    """The value chosen may be a walk-in's name or phone: no region rule names the settle action."""
    for entity in ("ticket", "outlet_calendar", "part_stock", "consent"):
        payload = {"local_action": "settle", "field": "customer_phone", "value": "13912345678", "settles": "op"}
        item = OutboxItem("op-1", 1, entity, "00000000-0000-4000-8000-000000000001", "upsert", payload, "2026-12-02")
        assert outbound_item(item, policy_for_region(region)) is None, entity
