"""Issue 12 item 5: the slip tells the whole repair - who repaired it and who took it in, every complete
diagnostics run of the ticket, the condition checklist as checked - read back from the PDF."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.accounts import service
from app.core.roles import Role
from tests.fixtures_store import ADMIN_PASSWORD
from tests.integration.record.conftest import adb_env, json_of, pdf_text, run_cli

pytestmark = pytest.mark.integration

PHONE_IMEI = "868915051234565"  # the simulated OnePlus 8


@pytest.fixture
def staffed(vault, manager):
    service.add_account(manager, "C001", "Chen Jing", Role.INTAKE_CLERK, ADMIN_PASSWORD)
    service.add_account(manager, "T2001", "Tang Lei", Role.TECHNICIAN, ADMIN_PASSWORD)
    manager.lock()
    return vault.paths.root


def test_the_slip_names_the_repairer_the_clerk_every_run_and_the_checklist(
    staffed, phones, diag_adb_server, tmp_path
) -> None:
    data = staffed
    bought = (date.today() - timedelta(days=90)).isoformat()
    created = json_of(
        run_cli(
            data,
            *["ticket", "new", "--type", "maintenance", "--name", "Wang Fang", "--phone", "13987654321"],
            *["--model", "IN2010", "--imei", PHONE_IMEI, "--fault", "drains", "--purchase-date", bought],
            *["--condition", "screen=damaged,housing=ok,buttons=ok", "--agreement-signed-by", "Wang Fang", "--json"],
            user="C001",
        )
    )
    number = created["number"]
    handset = phones.start("coloros-oneplus8-tool")
    for functions, consent in (("identity,battery", "device_info,battery_record"), ("identity", "device_info")):
        ran = run_cli(
            data,
            *["diagnose", "--device", handset.address, "--functions", functions, "--consent", consent],
            *["--customer", "Wang Fang", "--ticket", number, "--language", "en", "--json"],
            user="T2001",
            env=adb_env(diag_adb_server),
        )
        assert json_of(ran)["complete"] is True
    for status in ("diagnosing", "repairing", "quality_check"):
        assert run_cli(data, "ticket", "move", number, status, user="T2001").returncode == 0

    slip = tmp_path / "slip.pdf"
    printed = run_cli(data, "slip", number, "--pdf", str(slip), "--lang", "en")
    assert printed.returncode == 0, printed.stderr
    text = " ".join(pdf_text(slip).split())

    assert "Engineer ID T2001" in text and "Taken in by C001" in text
    assert text.count("Diagnostics complete") == 2, "the later identity-only run does not hide the first"
    assert "Diagnostics complete: Identity, Battery" in text and "Diagnostics complete: Identity" in text
    assert "Battery health 91%" in text, "the battery record of the earlier run stays on the slip"
    assert "Screen: damaged; Housing, Buttons: OK" in text, "grouped by answer, in the order the checklist is asked"
    assert text.count("diagnostics v1 (en)") == 2, "both runs' consents are referenced"
