"""Through the real command line (`python -m app ...` processes) and a real hub on loopback: a phone
taken in at counter A is found, moved and handed back at counter B, and A sees it collected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.hub.server import HubServer, issue_join_code
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.integration.cli.store_cli import run_cli
from tests.integration.hub.harness import key_of, new_counter

pytestmark = pytest.mark.integration

PHONE, IMEI, NAME = "13987654321", "860955027785041", "Huang Lanfang"


def _cli(data_dir: Path, *args: str) -> str:
    done = run_cli(data_dir, *args, user=ADMIN, password=ADMIN_PASSWORD)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


def _counter(tmp_path: Path, hub: HubServer, name: str) -> Path:
    """A counter's store, joined to the hub with `hub join` as its operator would."""
    session = new_counter(tmp_path, name)
    data_dir = session.vault.paths.root
    session.lock()
    code, fingerprint = issue_join_code(hub.folder, hub.key, name)
    _cli(data_dir, "hub", "join", "--hub", hub.url, "--counter", name, "--code", code, "--fingerprint", fingerprint)
    return data_dir


def _found(data_dir: Path, query: str) -> list[str]:
    return [row["number"] for row in json.loads(_cli(data_dir, "search", query, "--json"))]


def test_a_ticket_opened_at_a_is_found_moved_and_collected_at_b_and_a_sees_it(tmp_path: Path) -> None:
    with HubServer(tmp_path / "hub", "SZ01", key_of(tmp_path / "hub")) as hub:
        a, b = _counter(tmp_path, hub, "A"), _counter(tmp_path, hub, "B")
        opened = _cli(
            a, "ticket", "new", "--type", "maintenance", "--name", NAME, "--phone", PHONE, "--model", "RC-X1",
            "--imei", IMEI, "--fault", "no sound", "--agreement-signed-by", NAME, "--json",
        )  # fmt: skip
        number = json.loads(opened)["number"]
        assert _found(b, number) == []  # B has not synced yet
        for counter in (a, b):
            _cli(counter, "hub", "sync", "--once")

        for query in (number, IMEI[-6:], PHONE[-4:], NAME.split()[0]):
            assert _found(b, query) == [number], query
        assert NAME in _cli(b, "ticket", "show", number)
        for target in ("sent_to_repair_centre", "quality_check", "ready_for_pickup"):
            _cli(b, "ticket", "move", number, target)
        _cli(b, "ticket", "pickup", number, "--phone-last4", PHONE[-4:], "--signed-by", NAME)
        for counter in (b, a):
            _cli(counter, "hub", "sync", "--once")

        shown = json.loads(_cli(a, "ticket", "show", number, "--json"))
    assert shown["status"] == "collected"
    assert [event["to_status"] for event in shown["events"]][-2:] == ["ready_for_pickup", "collected"]
