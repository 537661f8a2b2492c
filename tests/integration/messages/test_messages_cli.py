"""`messages` and `followup` for real, through `python -m app`, with the simulated modem as demo mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.tickets.test_ticket_cli import run_cli

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "data"
    result = run_cli(folder, "init", "--outlet", "SZ01", "--name", "Futian", "--region", "CN", "--admin", "E1001")
    assert result.returncode == 0, result.stderr
    return folder


def new_ticket(data: Path, *extra: str) -> str:
    base = ("ticket", "new", "--type", "maintenance", "--name", "Zhang Wei", "--phone", "13812345678")
    device = ("--model", "RC-X1", "--imei", "860955027785041", "--fault", "cracked screen")
    result = run_cli(data, *base, *device, "--fault-category", "screen", "--agreement-signed-by", "Zhang Wei", *extra)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def listed(data: Path, *state: str) -> list[dict]:
    result = run_cli(data, "messages", "list", "--json", *[arg for s in state for arg in ("--state", s)])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_consent_queue_send_list_and_withdraw(data) -> None:
    with_consent = new_ticket(data, "--messages", "zh_CN")
    without = new_ticket(data)
    assert [(row["ticket_number"], row["event"], row["state"]) for row in listed(data)] == [
        (with_consent, "received", "queued")
    ]
    assert without not in run_cli(data, "messages", "list").stdout
    sent = run_cli(data, "messages", "send", "--modem", "simulated", "--reports", "1", "--json")
    assert sent.returncode == 0, sent.stderr
    run = json.loads(sent.stdout)
    assert (run["sent"], run["failed"]) == (1, 0) and run["parts"] >= 1
    (row,) = listed(data, "sent")
    assert row["holds_number"] is False and row["delivered_parts"] == row["parts_total"]
    run_cli(data, "ticket", "move", with_consent, "diagnosing")
    assert run_cli(data, "messages", "consent", with_consent, "--withdraw").returncode == 0
    run_cli(data, "ticket", "move", with_consent, "waiting_for_parts")
    assert listed(data, "queued") == []


def test_a_missing_modem_exits_49_and_keeps_the_message(data) -> None:
    new_ticket(data, "--messages", "en")
    gone = run_cli(data, "messages", "send", "--modem", "/dev/nonexistent-modem")
    assert gone.returncode == 49 and "code: serial_port_cannot_open" in gone.stderr
    assert listed(data, "queued")


def test_templates_are_edited_by_managers_within_the_fields(data) -> None:
    template = ("messages", "template", "set", "ready_for_pickup", "en", "--text")
    refused = run_cli(data, *template, "Hi {name}, call 13812345678")
    assert refused.returncode == 132 and "{name} is not a field" in refused.stderr
    assert run_cli(data, *template, "{ticket} is ready").returncode == 0
    shown = json.loads(run_cli(data, "messages", "template", "list", "--json").stdout)
    assert {"event": "ready_for_pickup", "language": "en", "body": "{ticket} is ready", "edited": True} in shown


def test_followup_list_is_empty_then_rate_refuses_an_open_ticket(data) -> None:
    result = run_cli(data, "followup", "list", "--json")
    assert result.returncode == 0 and json.loads(result.stdout) == []
    number = new_ticket(data)
    refused = run_cli(data, "messages", "rate", number, "5")
    assert refused.returncode == 133 and "code: rating_not_collected" in refused.stderr


def hand_back(data: Path, number: str, *rating: str):
    for status in ("diagnosing", "repairing", "quality_check", "ready_for_pickup"):
        assert run_cli(data, "ticket", "move", number, status).returncode == 0
    signed = ("--phone-last4", "5678", "--signed-by", "Zhang Wei")
    return run_cli(data, "ticket", "pickup", number, *signed, *rating)


def test_a_rating_given_at_pickup_is_recorded_with_the_pickup(data) -> None:
    unrated = new_ticket(data)
    assert hand_back(data, unrated).returncode == 0
    number = new_ticket(data)
    handed = hand_back(data, number, "--rating", "4", "--comment", "quick")
    assert handed.returncode == 0, handed.stderr
    assert f"{number}: collected" in handed.stdout and "rated 4 of 5" in handed.stdout
    again = run_cli(data, "messages", "rate", number, "5")  # the pickup's rating is the one kept
    assert again.returncode == 133 and "code: rating_twice" in again.stderr
    follow_ups = run_cli(data, "followup", "list").stdout
    assert unrated in follow_ups and number not in follow_ups  # nobody calls a customer who rated
