"""The ticket commands for real, through `python -m app`: scripted intake, JSON output, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
PASSWORD = "manager-pass-1"


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "REPAIR_COUNTER_PASSWORD": PASSWORD,
        "REPAIR_COUNTER_USER": "E1001",
        "REPAIR_COUNTER_DATA_DIR": str(data),
    }
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "data"
    result = run_cli(folder, "init", "--outlet", "SZ01", "--name", "Futian", "--region", "CN", "--admin", "E1001")
    assert result.returncode == 0, result.stderr
    return folder


def test_scripted_intake_show_move_search_and_progress(data, tmp_path) -> None:
    photo = tmp_path / "front.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(2000))
    new = run_cli(
        data,
        "ticket",
        "new",
        "--type",
        "send_in",
        "--name",
        "Zhang Wei",
        "--phone",
        "13812345678",
        "--address",
        "88 Shennan Road",
        "--courier",
        "SF Express",
        "--tracking",
        "SF123456789012",
        "--parcel-condition",
        "box dented",
        "--model",
        "RC-X1",
        "--imei",
        "860955027785041",
        "--fault",
        "no power",
        "--fault-category",
        "no_charge",
        "--priority",
        "2",
        "--condition",
        "screen=ok,housing=damaged",
        "--accessory",
        "case",
        "--agreement-signed-by",
        "Zhang Wei",
        "--photo",
        f"screen={photo}",
        "--json",
    )
    assert new.returncode == 0, new.stderr
    number = json.loads(new.stdout)["number"]
    shown = json.loads(run_cli(data, "ticket", "show", number, "--json").stdout)
    assert (shown["tracking_number"], shown["intake"]["condition"]["housing"]) == ("SF123456789012", "damaged")
    assert shown["agreement"]["signed_by"] == "Zhang Wei" and shown["intake"]["photos"] == 1
    moved = run_cli(data, "ticket", "move", number, "diagnosing")
    assert moved.returncode == 0 and moved.stdout.strip() == f"{number}: diagnosing"
    listed = json.loads(run_cli(data, "ticket", "list", "--status", "diagnosing", "--json").stdout)
    assert [t["number"] for t in listed] == [number]
    found = json.loads(run_cli(data, "search", "SF123456789012", "--json").stdout)
    assert [t["number"] for t in found] == [number]
    progress = json.loads(run_cli(data, "ticket", "progress", number, "5678".rjust(11, "1"), "--json").stdout or "{}")
    assert progress == {}  # a wrong phone gets nothing
    progress = json.loads(run_cli(data, "ticket", "progress", number, "13812345678", "--json").stdout)
    assert [h["status"] for h in progress["history"]] == ["received", "diagnosing"]


def test_errors_have_their_own_exit_codes(data) -> None:
    missing = run_cli(
        data,
        "ticket",
        "new",
        "--type",
        "maintenance",
        "--name",
        "Li Na",
        "--phone",
        "13900001111",
        "--model",
        "RC-A5",
        "--imei",
        "861234040000014",
        "--fault",
        "",
    )
    assert missing.returncode == 52
    assert "imei: the check digit does not match" in missing.stderr and "fault: required" in missing.stderr
    assert run_cli(data, "ticket", "show", "SZ01-20200101-0001").returncode == 50
    new = run_cli(
        data,
        "ticket",
        "new",
        "--type",
        "maintenance",
        "--name",
        "Li Na",
        "--phone",
        "13900001111",
        "--model",
        "RC-A5",
        "--imei",
        "861234040000013",
        "--fault",
        "cracked",
    )
    number = new.stdout.strip()
    assert run_cli(data, "ticket", "move", number, "diagnosing").returncode == 55  # agreement not signed
    refused = run_cli(data, "ticket", "move", number, "collected")
    assert refused.returncode == 51 and "cannot go from received to collected" in refused.stderr
    assert run_cli(data, "ticket", "progress", number, "13900001112").returncode == 57


def test_seed_adds_the_tickets_asked_for(data) -> None:
    result = run_cli(data, "seed", "--tickets", "250")
    assert result.returncode == 0, result.stderr
    assert "added 250 tickets" in result.stdout
    assert len(json.loads(run_cli(data, "ticket", "list", "--limit", "500", "--json").stdout)) >= 250
