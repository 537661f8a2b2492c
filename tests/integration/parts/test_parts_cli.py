"""`repair-counter parts ...` for real, through `python -m app` on real SQLCipher stores.

The race: two processes reserve the last part of one store at the same moment.  The store
admits one writer process at a time (app/storage/writer_lock.py); `--wait` makes the second
wait its turn instead of being refused, so what decides is the stock itself: exactly one
reservation is made, the other process is told the part is not available.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.cli.store_cli import make_store, run_cli
from tests.parts_maker import forged_label, genuine_label

pytestmark = pytest.mark.integration
NOT_ENOUGH_STOCK, LABEL_REFUSED = 104, 105


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    return make_store(tmp_path_factory.mktemp("parts") / "data", tickets=0)


def stock_of(data: Path, part: str) -> dict:
    listed = run_cli(data, "parts", "stock", "--json")
    assert listed.returncode == 0, listed.stderr
    return next(row for row in json.loads(listed.stdout) if row["part_id"] == part)


def start_reserve(data: Path, part: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "REPAIR_COUNTER_PASSWORD": "manager-pass-1",
        "REPAIR_COUNTER_USER": "E1001",
        "REPAIR_COUNTER_DATA_DIR": str(data),
    }
    command = [sys.executable, "-m", "app", "parts", "reserve", part, "--reason", "race", "--wait", "120", "--json"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


@pytest.mark.parametrize("round_number", [1, 2, 3])
def test_two_processes_racing_for_the_last_part_exactly_one_wins(data: Path, round_number: int) -> None:
    received = run_cli(data, "parts", "receive", "CAM-X2P", "--reason", f"round {round_number}")
    assert received.returncode == 0, received.stderr
    racers = [start_reserve(data, "CAM-X2P") for _ in range(2)]
    results = [(racer.wait(timeout=180), *racer.communicate()) for racer in racers]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, NOT_ENOUGH_STOCK], results
    loser = next(err for code, _, err in results if code)
    assert "code: not_enough_stock" in loser
    level = stock_of(data, "CAM-X2P")
    assert (level["on_hand"], level["reserved"], level["available"]) == (round_number, round_number, 0)


def test_receive_by_scanning_labels_refuses_a_forged_one_with_its_reason(data: Path, tmp_path: Path) -> None:
    scans = "\r\n".join([genuine_label("BAT-X2P", "B2P0000001"), genuine_label("BAT-X2P", "B2P0000002")]) + "\r\n"
    env = {
        **os.environ,
        "REPAIR_COUNTER_PASSWORD": "manager-pass-1",
        "REPAIR_COUNTER_USER": "E1001",
        "REPAIR_COUNTER_DATA_DIR": str(data),
    }
    scanned = subprocess.run(
        [sys.executable, "-m", "app", "parts", "receive", "--scan-stdin", "--json"],
        input=scans,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert scanned.returncode == 0, scanned.stderr
    assert [(r["serial"], r["on_hand"]) for r in json.loads(scanned.stdout)] == [("B2P0000001", 1), ("B2P0000002", 2)]
    forged = run_cli(data, "parts", "receive", "--label", forged_label("BAT-X2P", "B2P0000003"))
    assert forged.returncode == LABEL_REFUSED
    assert "code: part_label_forged" in forged.stderr
    assert stock_of(data, "BAT-X2P")["on_hand"] == 2


def test_corrections_counts_and_the_low_list(data: Path) -> None:
    assert run_cli(data, "parts", "receive", "SCR-A5", "--quantity", "5").returncode == 0
    assert run_cli(data, "parts", "place", "SCR-A5", "--bin", "R2-07", "--minimum", "3").returncode == 0
    no_reason = run_cli(data, "parts", "correct", "SCR-A5", "-1")
    assert no_reason.returncode == 2
    assert run_cli(data, "parts", "correct", "SCR-A5", "-1", "--reason", "cracked in the drawer").returncode == 0
    assert run_cli(data, "parts", "count", "SCR-A5", "2", "--reason", "stock-take December").returncode == 0
    low = run_cli(data, "parts", "low", "--json")
    assert [(r["part_id"], r["on_hand"], r["bin"], r["models"]) for r in json.loads(low.stdout)] == [
        ("SCR-A5", 2, "R2-07", ["RC-A5"])
    ]
    moves = json.loads(run_cli(data, "parts", "moves", "SCR-A5", "--json").stdout)
    assert [(m["kind"], m["on_hand_change"], m["reason"]) for m in moves[:2]] == [
        ("count", -2, "stock-take December"),
        ("correct", -1, "cracked in the drawer"),
    ]
    too_many = run_cli(data, "parts", "return", "SCR-A5", "--quantity", "3", "--reason", "recall")
    assert too_many.returncode == NOT_ENOUGH_STOCK


def test_ticket_approve_reserves_and_requests_the_rest_and_a_cancel_releases(tmp_path: Path) -> None:
    data = make_store(tmp_path / "data", tickets=0)  # its own store: the module's one holds screens by now
    assert run_cli(data, "parts", "receive", "BAT-A5", "--reason", "delivery").returncode == 0
    new = run_cli(
        data,
        "ticket",
        "new",
        "--type",
        "maintenance",
        "--name",
        "Zhang Wei",
        "--phone",
        "13812345678",
        "--model",
        "RC-A5",
        "--imei",
        "861234040000013",
        "--fault",
        "cracked screen, battery weak",
        "--agreement-signed-by",
        "Zhang Wei",
    )
    assert new.returncode == 0, new.stderr
    number = new.stdout.strip()
    for status in ("diagnosing", "awaiting_approval"):
        assert run_cli(data, "ticket", "move", number, status).returncode == 0
    assert run_cli(data, "ticket", "estimate", number, "BAT-A5", "SCR-A5", "LAB-STD").returncode == 0
    approved = run_cli(data, "ticket", "approve", number, "--approved-by", "Zhang Wei")
    assert approved.returncode == 0, approved.stderr
    assert "reserved: BAT-A5" in approved.stdout
    assert "dispatch requested: SCR-A5 (waiting_for_parts)" in approved.stdout
    requests = json.loads(run_cli(data, "parts", "dispatch", "--json").stdout)
    assert [(r["part_id"], r["state"]) for r in requests if r["ticket_id"]] == [("SCR-A5", "open")]
    assert stock_of(data, "BAT-A5")["reserved"] == 1
    shown = run_cli(data, "ticket", "show", number)
    assert "part BAT-A5  reserved" in shown.stdout, shown.stdout  # the ticket says what is held for it
    as_json = json.loads(run_cli(data, "ticket", "show", number, "--json").stdout)
    assert [(p["part_id"], p["state"]) for p in as_json["parts"]] == [("BAT-A5", "reserved")]

    cancelled = run_cli(data, "ticket", "move", number, "cancelled")
    assert cancelled.returncode == 0, cancelled.stderr
    assert "1 reserved part(s) released" in cancelled.stdout
    assert stock_of(data, "BAT-A5")["reserved"] == 0
    assert "part BAT-A5  released" in run_cli(data, "ticket", "show", number).stdout
    assert [r for r in json.loads(run_cli(data, "parts", "dispatch", "--json").stdout) if r["ticket_id"]] == []
