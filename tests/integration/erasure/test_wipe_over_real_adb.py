"""A consented wipe through the real adb server and the simulated handset: the certificate, or a clear reason."""

from __future__ import annotations

import json

import pytest

from app.core.canonical_json import canonical_json
from app.erasure import certificate as cert
from app.erasure.errors import (
    PhoneNotEncrypted,
    WipeError,
    WipeImeiMismatch,
    WipeInterrupted,
    WipeReportedFailure,
    WipeToolUnavailable,
)
from app.storage import erasure_repository as repo
from tests.integration.erasure.conftest import IMEI, decision, profile

pytestmark = pytest.mark.integration


def test_a_consented_wipe_ends_in_a_signed_certificate(phones, manager, ticket_for, agree, wipe_flow) -> None:
    ticket = ticket_for(IMEI["coloros-oneplus8-tool"])
    job_id = agree(ticket)
    handset = phones.start(profile("coloros-oneplus8-tool", accounts=2))
    outcome = wipe_flow.run(phones.session(handset, timeout=5), job_id, decision(ticket), accept_update=False)

    body = outcome.document["certificate"]
    assert body["ticket"] == ticket and body["imei_masked"] == "*********234565"
    assert body["method"] == "factory reset: cryptographic erase of FBE keys"
    assert body["standard"] == "NIST SP 800-88 Rev. 1 purge" and body["outcome"] == "success"
    assert {c["check"]: c["result"] for c in body["checks_before"]} == {
        "imei_matches_ticket": "match",
        "encryption": "encrypted",
        "accounts": 2,
    }
    assert body["checks_after"][0]["check"] == "left_usb" and body["checks_after"][0]["result"] == "absent"
    assert body["technician"] == manager.actor and body["tool_result"]["android_version"] == "13"
    assert "Zhao" not in json.dumps(outcome.document), "no customer name on the certificate"
    assert handset.state.wiped and phones.wait_for_state(handset.address, {"absent"}) == "absent"

    checked = cert.verify_document(canonical_json(outcome.document))
    assert checked.certificate_id == outcome.certificate_id and checked.countersignature == "absent"
    job = repo.job_by_id(manager.store, job_id)
    assert job is not None and job.status == "done"
    assert [s["step"] for s in job.steps] == ["imei", "encryption", "accounts", "tool", "start", "result", "left_usb"]
    assert [c.id for c in repo.certificates_for_ticket(manager.store, ticket)] == [outcome.certificate_id]


@pytest.mark.parametrize(
    ("name", "changes", "update", "error", "code", "last_step"),
    [
        ("realme-gt2-old-tool", {}, False, WipeToolUnavailable, "wipe_tool_too_old", "tool_update"),
        ("oneplus-nord-n10-no-tool", {}, False, WipeToolUnavailable, "wipe_tool_missing", "tool_update"),
        (
            "coloros-oneplus8-tool",
            {"device": {"crypto_state": "unencrypted"}},
            False,
            PhoneNotEncrypted,
            "phone_not_encrypted",
            "encryption",
        ),
        ("coloros-oneplus8-tool", {"wipe": "unplug"}, False, WipeInterrupted, "wipe_interrupted", "result"),
        ("coloros-oneplus8-tool", {"wipe": "failed"}, False, WipeReportedFailure, "wipe_reported_failure", "result"),
    ],
    ids=[
        "tool-too-old-update-refused",
        "tool-missing-update-refused",
        "not-encrypted",
        "unplugged-halfway",
        "tool-reports-failure",
    ],
)
def test_every_failure_ends_without_a_certificate(  # type: ignore[no-untyped-def]
    name, changes, update, error, code, last_step, phones, manager, ticket_for, agree, wipe_flow
) -> None:
    ticket = ticket_for(IMEI[name])
    job_id = agree(ticket)
    handset = phones.start(profile(name, changes.get("wipe", "success"), **changes.get("device", {})))
    with pytest.raises(error) as failed:
        wipe_flow.run(phones.session(handset, timeout=5), job_id, decision(ticket), accept_update=update)
    _assert_failed_without_certificate(manager, ticket, job_id, failed.value, code, last_step)
    assert not handset.state.wiped


def test_a_phone_that_is_not_the_tickets_is_not_touched(phones, manager, ticket_for, agree, wipe_flow) -> None:
    ticket = ticket_for("860955027785041", model="RC-X1")  # another phone on the ticket
    job_id = agree(ticket)
    handset = phones.start(profile("coloros-oneplus8-tool"))
    with pytest.raises(WipeImeiMismatch) as failed:
        wipe_flow.run(phones.session(handset, timeout=5), job_id, decision(ticket), accept_update=True)
    _assert_failed_without_certificate(manager, ticket, job_id, failed.value, "wipe_imei_mismatch", "imei")
    assert phones.session(handset).state_in_server() == "device" and not handset.state.wiped


def test_an_agreed_tool_update_lets_the_old_tool_wipe(phones, manager, ticket_for, agree, wipe_flow) -> None:
    ticket = ticket_for(IMEI["realme-gt2-old-tool"], model="RMX3350")
    job_id = agree(ticket)
    handset = phones.start(profile("realme-gt2-old-tool"))
    outcome = wipe_flow.run(phones.session(handset, timeout=5), job_id, decision(ticket), accept_update=True)
    assert outcome.document["certificate"]["tool_result"]["tool_version"] == 300 and handset.state.wiped
    job = repo.job_by_id(manager.store, job_id)
    assert job is not None and [s["result"] for s in job.steps if s["step"] == "tool_update"] == ["installed"]


def _assert_failed_without_certificate(manager, ticket, job_id, error: WipeError, code, last_step) -> None:  # type: ignore[no-untyped-def]
    assert error.code == code and error.message and error.next_step
    assert repo.certificates_for_ticket(manager.store, ticket) == []
    job = repo.job_by_id(manager.store, job_id)
    assert job is not None and job.status == "failed" and job.failure_code == code
    assert job.steps[-1]["step"] == last_step
