"""Issue 12 item 2: a diagnostics run for a ticket checks the phone is the ticket's phone, through the
real `diagnose` command, a real adb server and the simulated handset (whose IMEIs are 868915051234565
and 868915051234573)."""

from __future__ import annotations

import pytest

from tests.integration.diagnostics.conftest import Recorder
from tests.integration.record.conftest import adb_env, json_of, new_ticket, run_cli

pytestmark = pytest.mark.integration

PHONE_IMEIS = ["868915051234565", "868915051234573"]


def diagnose(server, data, number: str, *extra: str):  # type: ignore[no-untyped-def]
    args = ["diagnose", "--functions", "identity,battery", "--consent", "device_info,battery_record"]
    args += ["--customer", "Wang Fang", "--ticket", number, *extra]
    return run_cli(data, *args, env=adb_env(server))


def test_a_phone_that_is_not_the_tickets_stops_after_device_info(phones, diag_adb_server, data, reopen) -> None:
    ticket = new_ticket(data, "--model", "RC-X2 Pro", "--imei", "352099001761481")
    handset = phones.start("coloros-oneplus8-tool")
    recorder = Recorder(handset)

    result = diagnose(diag_adb_server, data, ticket["number"], "--device", handset.address, "--json")

    assert result.returncode == 102, result.stderr
    assert "is not the phone of ticket" in result.stderr and "…234565" in result.stderr
    assert "code: phone_not_this_ticket" in result.stderr, "the window words the code in the counter's language"
    assert "new ticket" in result.stderr, "says what to do"
    assert not any("dumpsys battery" in line or "power_supply" in line for line in recorder.lines)
    store = reopen().store
    run = store.query_one("SELECT status, categories FROM diag_run WHERE ticket_number = ?", (ticket["number"],))
    assert run is not None and run[0] == "incomplete"
    assert [r[0] for r in store.query("SELECT function FROM diag_result")] == ["identity"]
    assert store.query_one("SELECT count(*) FROM diag_battery")[0] == 0
    assert store.query_one("SELECT imei FROM ticket")[0] == "352099001761481", "the ticket keeps its IMEI"


def test_an_unknown_ticket_is_refused_before_anything_is_recorded(phones, diag_adb_server, data, reopen) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    recorder = Recorder(handset)

    result = diagnose(diag_adb_server, data, "NOPE-1", "--device", handset.address)

    assert result.returncode == 50 and "No ticket 'NOPE-1'" in result.stderr
    assert recorder.lines == [], "the phone was not read"
    store = reopen().store
    assert store.query_one("SELECT count(*) FROM diag_consent")[0] == 0
    assert store.query_one("SELECT count(*) FROM diag_run")[0] == 0


def test_a_ticket_without_imei_takes_the_phones_identity_journaled(phones, diag_adb_server, data, reopen) -> None:
    ticket = new_ticket(data, "--type", "send_in", "--address", "12 Jianshe Road", "--imei", "")
    handset = phones.start("coloros-oneplus8-tool")

    result = diagnose(diag_adb_server, data, ticket["number"], "--device", handset.address, "--json")

    report = json_of(result)
    assert report["complete"] is True and report["identity"]["imei"] == PHONE_IMEIS
    shown = json_of(run_cli(data, "ticket", "show", ticket["number"], "--json"))
    assert (shown["imei"], shown["imei2"]) == tuple(PHONE_IMEIS)
    assert shown["serial"] == report["identity"]["serial"] and shown["serial"]
    found = json_of(run_cli(data, "search", "234565", "--json"))
    assert [t["number"] for t in found] == [ticket["number"]], "the IMEI tail is searchable too"
    store = reopen().store  # last: a signed-in session holds the store's one-writer lock
    actions = [r[0] for r in store.query("SELECT action FROM audit_journal WHERE entity = 'ticket'")]
    assert "identity_from_phone" in actions
