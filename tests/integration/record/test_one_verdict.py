"""Issue 12 item 3: the battery verdict, the price, the estimate, the invoice and the slip take the warranty
and benefits from one place, the ticket's warranty decision; the registry's purchase date wins."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from app.tickets.intake import open_ticket
from tests.fixtures_store import sample_ticket
from tests.integration.record.conftest import adb_env, json_of, new_ticket, pdf_text, phone_profile, run_cli

pytestmark = pytest.mark.integration

#: The registry sample: sold 2024-06-18 (standard warranty ended 2026-06-17), battery care until 2027-06-17.
BATTERY_CARE_IMEI = "352099001761481"
#: Sold 2025-03-10: in warranty until 2027-03-09.
IN_WARRANTY_IMEI = "860955027785041"


def _diagnose_battery(server, data, number: str, address: str):  # type: ignore[no-untyped-def]
    args = ["diagnose", "--device", address, "--functions", "identity,battery", "--consent"]
    args += ["device_info,battery_record", "--customer", "Wang Fang", "--ticket", number, "--json"]
    return json_of(run_cli(data, *args, env=adb_env(server)))


def test_a_worn_battery_under_battery_care_is_replaced_free(
    manager, clock, vault, phones, diag_adb_server, tmp_path
) -> None:
    ticket = open_ticket(
        manager, dataclasses.replace(sample_ticket(), device_model="RC-X2 Pro", imei=BATTERY_CARE_IMEI)
    )
    manager.lock()  # on 2026-11-23 the phone is out of warranty, its battery care active
    data = vault.paths.root
    handset = phones.start(phone_profile(tmp_path, [BATTERY_CARE_IMEI]))

    report = _diagnose_battery(diag_adb_server, data, ticket.number, handset.address)

    assert report["battery_verdict"]["advice"] == "free_replacement", report["battery_verdict"]
    parts = run_cli(data, "ticket", "parts", ticket.number).stdout
    assert "BAT-X2P" in parts and "free (battery_care)" in parts.split("BAT-X2P")[1].splitlines()[0]
    estimate = run_cli(data, "ticket", "estimate", ticket.number, "BAT-X2P", "LAB-STD")
    assert estimate.returncode == 0, estimate.stderr
    assert "total 0.00" in estimate.stdout and "guide price 249.00" in estimate.stdout
    screen = run_cli(data, "ticket", "estimate", ticket.number, "SCR-X2P").stdout
    assert "1899.00" in screen and "total 1899.00" in screen, "battery care does not pay for a screen"


def test_the_registry_purchase_date_wins_and_the_conflict_is_shown_and_journaled(data, reopen) -> None:
    result = run_cli(
        data,
        *["ticket", "new", "--type", "maintenance", "--name", "Wang Fang", "--phone", "13987654321"],
        *["--model", "RC-X2 Pro", "--imei", BATTERY_CARE_IMEI, "--fault", "drains", "--purchase-date", "2026-01-01"],
        "--json",
    )
    created = json_of(result)
    assert "registry has this phone as sold on 2024-06-18" in result.stderr and "2026-01-01" in result.stderr
    assert "厂商登记" in result.stderr
    assert created["warranty"]["purchase_date"] == "2024-06-18"
    assert created["warranty"]["purchase_date_source"] == "registry"
    assert "2026-06-17" in created["warranty"]["reason_en"], "counted from the registry's date, not 2026-01-01"
    shown = run_cli(data, "ticket", "show", created["number"]).stdout
    assert "purchase date: registry 2024-06-18 (customer said 2026-01-01)" in shown
    store = reopen().store
    (payload,) = [item.payload for item in store.pending_outbox(100) if item.payload.get("number") == created["number"]]
    assert payload["purchase_date_conflict"] == {"customer": "2026-01-01", "registry": "2024-06-18"}


def test_an_in_warranty_repair_is_invoiced_at_zero_and_the_slip_shows_no_balance(
    manager, clock, vault, tmp_path
) -> None:
    new = dataclasses.replace(sample_ticket(), device_model="RC-X1", imei=IN_WARRANTY_IMEI)
    ticket = open_ticket(manager, new)
    manager.lock()
    data = vault.paths.root
    assert run_cli(data, "ticket", "sign-agreement", ticket.number, "--signed-by", "Zhang Wei").returncode == 0
    assert run_cli(data, "ticket", "estimate", ticket.number, "SCR-X1", "LAB-STD").returncode == 0
    for status in ("diagnosing", "repairing", "quality_check"):
        moved = run_cli(data, "ticket", "move", ticket.number, status)
        assert moved.returncode == 0, moved.stderr

    invoice = json_of(run_cli(data, "ticket", "invoice", ticket.number, "--json"))

    assert invoice["total"] == "0.00" and invoice["balance_due"] == "0.00"
    assert [line["unit_price"] for line in invoice["lines"]] == ["0.00", "0.00"]
    slip = tmp_path / "slip.pdf"
    assert run_cli(data, "slip", ticket.number, "--pdf", str(slip), "--lang", "en").returncode == 0
    text = pdf_text(slip)
    assert "In warranty" in text
    assert "1,149.00" not in text and "1,099.00" not in text.split("Balance")[-1]
    balance_line = next(line for line in text.splitlines() if "Balance" in line)
    assert balance_line.split()[-1] == "0.00", balance_line


def test_a_customer_purchase_date_counts_when_the_registry_has_none(data) -> None:
    recent = (date.today() - timedelta(days=60)).isoformat()
    created = new_ticket(data, "--purchase-date", recent)
    assert created["warranty"]["purchase_date_source"] == "customer" and created["warranty"]["in_warranty"]
