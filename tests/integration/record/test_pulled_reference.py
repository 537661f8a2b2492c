"""Issue 12 item 4: reference data pulled by `sync --once` is what the counter uses; a pulled item that
fails its check is set aside with its reason and none of it applies.  A real upstream on loopback."""

from __future__ import annotations

import base64
import json
from datetime import date, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.core.part_labels import make_label
from app.core.retention import RetentionPeriod
from app.parts.errors import PartLabelRefused
from app.sync import service as sync
from app.tickets.intake import outlet_clock
from app.tickets.reference_in_force import reference_in_force
from app.upstream.enrolment import issue_enrol_code
from app.upstream.publishing import publish_reference
from tests.integration.record.conftest import RC_X1_IMEI, adb_env, json_of, new_ticket, pdf_text, run_cli
from tests.parts_maker import SAMPLE_MAKER_KEY_ID, genuine_label

pytestmark = pytest.mark.integration

HOLIDAY = date.today() + timedelta(days=3)
PART_LABEL_REFUSED = PartLabelRefused.exit_code


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
        *["device_info,battery_record", "--customer", "Wang Fang", "--phone", "13987654321", "--refuse-update"],
        "--json",
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


def test_pulled_maker_keys_admit_a_new_maker_and_retire_a_leaked_key(enrolled_data, upstream) -> None:
    """Issue 18: a maker's key reaches the counter through sync, not a new release; a retired key is refused."""
    data = enrolled_data
    newco = Ed25519PrivateKey.generate()
    public = base64.b64encode(newco.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
    newco_label = make_label("BAT-X1", "NC00000001", "newco-2027", newco)
    before = run_cli(data, "parts", "receive", "--label", newco_label)
    assert before.returncode == PART_LABEL_REFUSED and "code: part_label_unknown_maker" in before.stderr
    assert run_cli(data, "parts", "receive", "--label", genuine_label("BAT-X1", "B000000001")).returncode == 0
    publish_reference(
        upstream.store,
        {
            "part_makers": [
                {"key": "newco-2027", "public_key": public},
                {"key": SAMPLE_MAKER_KEY_ID, "retired": True},
                {"key": "Not A Key Id", "public_key": public},
            ]
        },
    )

    result = run_cli(data, "sync", "--once", "--json")

    assert result.returncode == 74 and len(json_of_errors(result)) == 1, result.stdout  # the malformed one
    assert "'Not A Key Id' set aside" in json_of_errors(result)[0]
    after = run_cli(data, "parts", "receive", "--label", newco_label)
    assert after.returncode == 0, after.stderr
    retired = run_cli(data, "parts", "receive", "--label", genuine_label("BAT-X1", "B000000002"))
    assert retired.returncode == PART_LABEL_REFUSED and "code: part_label_unknown_maker" in retired.stderr
