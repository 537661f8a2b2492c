"""Issue 12 item 4: reference data pulled by `sync --once` is what the counter uses; a pulled item that
fails its check is set aside with its reason and none of it applies.  A real upstream on loopback."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app.core.retention import RetentionPeriod
from app.sync import service as sync
from app.tickets.intake import outlet_clock
from app.tickets.reference_in_force import reference_in_force
from app.upstream.enrolment import issue_enrol_code
from app.upstream.publishing import publish_reference
from tests.integration.record.conftest import RC_X1_IMEI, adb_env, json_of, new_ticket, pdf_text, run_cli

pytestmark = pytest.mark.integration

HOLIDAY = date.today() + timedelta(days=3)


@pytest.fixture
def enrolled_data(vault, manager, upstream):
    sync.enroll(manager, upstream.url, issue_enrol_code(upstream.store, "SZ01"))
    manager.lock()
    return vault.paths.root


def _price(parts_output: str, part_id: str) -> str:
    line = next(line for line in parts_output.splitlines() if line.startswith(part_id))
    return line.split()[2]


def test_pulled_prices_tool_minimum_periods_and_holidays_are_in_force(
    enrolled_data,
    upstream,
    reopen,
    phones,
    diag_adb_server,
) -> None:
    data = enrolled_data
    ticket = new_ticket(data)
    assert _price(run_cli(data, "ticket", "parts", ticket["number"]).stdout, "BAT-X1") == "199.00"
    publish_reference(
        upstream.store,
        {
            "price_list": [{"key": "BAT-X1", "price": "149.00"}],
            "diagtool": [{"key": "min_version", "min_version_code": "320", "min_version_name": "3.2.0"}],
            "retention": [{"key": "CN/diagnostic_logs", "days": "14"}, {"key": "CN/warranty", "months": "36"}],
            "holidays": [{"key": f"CN/{HOLIDAY.isoformat()}"}],
        },
    )

    pulled = json_of(run_cli(data, "sync", "--once", "--json"))

    assert pulled["pulled"] == 5 and pulled["errors"] == []
    assert _price(run_cli(data, "ticket", "parts", ticket["number"]).stdout, "BAT-X1") == "149.00"
    estimate = run_cli(data, "ticket", "estimate", ticket["number"], "BAT-X1")
    assert "total 149.00" in estimate.stdout, estimate.stdout + estimate.stderr
    thirty_months_ago = (date.today() - timedelta(days=900)).isoformat()
    kept_longer = new_ticket(data, "--purchase-date", thirty_months_ago, name="Liu Qiang")
    assert kept_longer["warranty"]["in_warranty"] is True, "36 months pulled for CN, not the shipped 24"
    handset = phones.start("coloros-oneplus8-tool")
    diagnosed = run_cli(
        data,
        *["diagnose", "--device", handset.address, "--functions", "identity,battery", "--consent"],
        *["device_info,battery_record", "--customer", "Wang Fang", "--refuse-update", "--json"],
        env=adb_env(diag_adb_server),
    )
    assert json_of(diagnosed)["tool"]["required_version"] == 320, "the pulled tool minimum (the phone has 312)"
    session = reopen()
    assert outlet_clock(session).calendar.intervals_on(HOLIDAY) == (), "the pulled holiday closes the outlet"
    in_force = reference_in_force(session.store)
    assert in_force.data.regions.get("CN").retention_policy().rule("diagnostic_logs").period == RetentionPeriod(days=14)
    assert sync.sync_state(session).reference_version == "2026-11-01+5" == in_force.version


def test_a_malformed_pulled_price_list_is_set_aside_and_never_half_applied(enrolled_data, upstream, reopen) -> None:
    data = enrolled_data
    ticket = new_ticket(data)
    publish_reference(
        upstream.store,
        {
            "price_list": [
                {"key": "BAT-X1", "price": "12,50"},
                {"key": "NEW-1", "price": "10.00"},
                {"key": "CHG-X1", "price": "99.00", "models": ["RC-X1", 7]},
                {
                    "key": "LCD-X1",
                    "price": "899.00",
                    "kind": "part",
                    "name_en": "LCD panel",
                    "name_zh_CN": "液晶屏",
                    "models": "RC-X1",
                },
            ]
        },
    )

    result = run_cli(data, "sync", "--once", "--json")

    assert result.returncode == 74
    errors = json_of_errors(result)
    assert len(errors) == 3
    assert "'BAT-X1' set aside, not applied" in errors[0] and "decimal amount" in errors[0]
    assert "'NEW-1'" in errors[1] and "a new part needs kind, name_en, name_zh_CN" in errors[1]
    assert "'CHG-X1'" in errors[2]
    parts = run_cli(data, "ticket", "parts", ticket["number"]).stdout
    assert _price(parts, "BAT-X1") == "199.00" and _price(parts, "CHG-X1") == "129.00", "nothing half-applied"
    assert _price(parts, "LCD-X1") == "899.00", "the good item of the same page applies"
    store = reopen().store
    kept = [row[0] for row in store.query("SELECT item FROM sync_reference WHERE kind = 'price_list'")]
    assert len(kept) == 1 and "LCD-X1" in kept[0]
    set_aside = store.query("SELECT item_key, reason FROM sync_reference_rejected ORDER BY seq")
    assert [row[0] for row in set_aside] == ["BAT-X1", "NEW-1", "CHG-X1"] and all(row[1] for row in set_aside)
    assert "last_error" in dict(store.query("SELECT key, value FROM sync_status"))


def json_of_errors(result) -> list[str]:  # type: ignore[no-untyped-def]
    return list(json.loads(result.stdout)["errors"])


def test_the_reference_version_is_printed_on_the_slip(enrolled_data, upstream, tmp_path) -> None:
    data = enrolled_data
    ticket = new_ticket(data)
    publish_reference(upstream.store, {"price_list": [{"key": "BAT-X1", "price": "149.00"}]})
    assert run_cli(data, "sync", "--once").returncode == 0
    slip = tmp_path / "slip.pdf"
    assert run_cli(data, "slip", ticket["number"], "--pdf", str(slip), "--lang", "en").returncode == 0
    assert "2026-11-01+1" in pdf_text(slip)
    assert RC_X1_IMEI not in pdf_text(slip)
