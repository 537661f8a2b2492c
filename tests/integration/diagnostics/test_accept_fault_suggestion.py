"""Accepting a fault suggestion through the real command line: the ticket takes the category (issue 15 item 3).

A ticket for the simulated Honor (whose tool reports a touch failure) is taken in with the fault
category "other"; `diagnose --ticket` runs on the phone behind a real adb server and suggests
"screen"; `suggestion accept RUN` sets it; `ticket show` and the slip (a real PDF, read back with
pdftotext) name it, and the change is journaled and waits in the outbox as a ticket change.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from app.accounts import service
from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.integration.diagnostics.test_diagnose_command import diagnose
from tests.integration.tickets.conftest import SIGNED, walk_in

pytestmark = pytest.mark.integration

HONOR_IMEI = "358211904567816"  # resources/handsets/honor-400-lite-android15/results/device_info.json


@pytest.fixture
def ticket_number(manager) -> str:
    phone = walk_in(
        customer_name="Zhao Lei",
        customer_phone="13800138000",
        device_model="ALT-NX1",
        imei=HONOR_IMEI,
        fault="touch stops working now and then",
        fault_category="other",
        agreement=SIGNED,
    )
    return open_ticket(manager, phone).number


@pytest.fixture
def data_dir(manager, vault, ticket_number) -> Path:
    manager.lock()  # each command signs in by itself
    return Path(vault.paths.root)


def _run_on_honor(phones, server, data_dir: Path, ticket: str) -> dict:
    handset = phones.start("honor-400-lite-android15")
    result = diagnose(
        server, data_dir, "diagnose", "--device", handset.address, "--functions", "identity,display",
        "--consent", "device_info,software_info", "--customer", "Zhao Lei", "--ticket", ticket, "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_accepting_the_suggestion_sets_the_tickets_fault_category(
    phones, diag_adb_server, data_dir, ticket_number, vault, tmp_path
) -> None:
    report = _run_on_honor(phones, diag_adb_server, data_dir, ticket_number)
    assert report["fault_suggestions"][0]["fault"] == "screen"
    before = diagnose(diag_adb_server, data_dir, "ticket", "show", ticket_number)
    assert "fault category: other" in before.stdout  # nothing is chosen for the technician

    accepted = diagnose(diag_adb_server, data_dir, "suggestion", "accept", report["run_id"])
    assert accepted.returncode == 0, accepted.stderr
    assert (
        f"ticket {ticket_number}: fault category other -> screen — Screen (cracked, touch, display)" in accepted.stdout
    )

    shown = diagnose(diag_adb_server, data_dir, "ticket", "show", ticket_number)
    assert "fault category: screen — Screen (cracked, touch, display)  touch stops working now and then" in shown.stdout
    shown_json = json.loads(diagnose(diag_adb_server, data_dir, "ticket", "show", ticket_number, "--json").stdout)
    assert shown_json["fault_category"] == "screen"

    slip = tmp_path / "slip.pdf"
    printed = diagnose(diag_adb_server, data_dir, "slip", ticket_number, "--pdf", str(slip), "--lang", "en")
    assert printed.returncode == 0, printed.stderr
    text = subprocess.run(["pdftotext", str(slip), "-"], capture_output=True, text=True, check=True).stdout
    assert "Screen (cracked, touch, display): touch stops working now and then" in " ".join(text.split())

    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        changes = [i for i in session.store.pending_outbox(1000) if i.action == "fault_category"]
    finally:
        session.lock()
    assert len(changes) == 1 and changes[0].entity == "ticket"
    payload = changes[0].payload
    assert payload["from"] == "other" and payload["to"] == "screen"
    assert payload["basis"]["diagnostics_run"] == report["run_id"] and "touch_failure" in payload["basis"]["findings"]


def test_a_fault_the_run_did_not_suggest_is_refused_and_the_ticket_keeps_its_category(
    phones, diag_adb_server, data_dir, ticket_number
) -> None:
    report = _run_on_honor(phones, diag_adb_server, data_dir, ticket_number)
    refused = diagnose(diag_adb_server, data_dir, "suggestion", "accept", report["run_id"], "--fault", "water_damage")
    assert refused.returncode == 109, refused.stdout + refused.stderr
    assert "code: suggestion_not_of_run" in refused.stdout + refused.stderr
    shown = diagnose(diag_adb_server, data_dir, "ticket", "show", ticket_number)
    assert "fault category: other" in shown.stdout
