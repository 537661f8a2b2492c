"""The slip of a real ticket: the store's slip key, the mapping, the print journal, the kept thermal jobs.

Everything runs on a real SQLCipher store; thermal jobs go over a real
pseudo-terminal to the scripted printer.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.accounts import service
from app.core.battery_verdict import BatteryReadings, Reading, ReadingSource, battery_verdict
from app.core.function_verdicts import battery_function_verdict
from app.core.roles import Role
from app.core.ticket_numbers import parse_ticket_number, qr_payload, verify_qr_payload
from app.device.escpos import parse_job
from app.device.thermal_printer import PaperOut
from app.errors import PermissionDenied
from app.slip import print_service
from app.slip.from_ticket import slip_content_for
from app.slip.layout import build_layout
from app.storage import diagnostics_repository, slip_repository
from app.tickets import search
from app.tickets.errors import SlipNotGenuine
from tests.fixtures_store import ADMIN
from tests.integration.slip.scripted_printer import STATUS_OK, STATUS_PAPER_OUT, ScriptedPrinter
from tests.integration.slip.ticket_setup import IMEI, IMEI2, PHONE, diagnose, estimate, open_ticket

# Rendering needs a Qt application; the shared one (pytest-qt) so GUI tests later in the run find a QApplication.
pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("qapp")]


def test_the_slip_key_is_made_once_kept_in_the_store_and_checks_scanned_slips(vault, manager) -> None:
    key = slip_repository.slip_key(manager.store)
    assert len(key) == 32 and slip_repository.slip_key(manager.store) == key
    manager.lock()
    again = service.sign_in(vault, ADMIN, "manager-pass-1")
    try:
        assert slip_repository.slip_key(again.store) == key  # survives closing the store
        number = open_ticket(again).number
        genuine = qr_payload(parse_ticket_number(number), key)
        assert [t.number for t in search.search(again, genuine, slip_key=key)] == [number]
        forged = qr_payload(parse_ticket_number(number), b"someone-elses-key-0123")
        with pytest.raises(SlipNotGenuine):
            search.search(again, forged, slip_key=key)
    finally:
        again.store.close()


def test_a_diagnosed_ticket_maps_onto_the_slip_in_the_customers_language(manager) -> None:
    number = open_ticket(manager).number
    diagnose(manager, number)
    estimate(manager, number)
    content = slip_content_for(manager, number, "zh_CN")  # the agreement was read in English: English wins
    assert content.language == "en" and content.copy_number == 0
    assert (content.engineer_id, content.outlet_code, content.customer_phone) == (ADMIN, "SZ01", PHONE)
    assert content.imeis == (IMEI, IMEI2)
    assert "Screen: damaged" in content.condition_at_intake and "charger" in content.condition_at_intake
    assert content.diagnosis_summary.startswith("Diagnostics complete") and "Battery" in content.diagnosis_summary
    assert content.battery_verdict == "Battery health 72%: replace, free under warranty"
    assert [c.category for c in content.collected] == ["device_info", "battery_record"]
    assert all(c.purpose and c.retention for c in content.collected)
    assert "diagnostics v1 (en)" in content.consent_reference and not content.diagnostics_declined
    # In warranty (the ticket's decision): the estimate's lines are free, their guide price kept (issue 12).
    assert [line.description for line in content.price_lines] and content.total == 0
    assert all("guide price" in line.description for line in content.price_lines)
    assert content.warranty_verdict.startswith(("In warranty", "Not in warranty"))
    assert any("Service agreement signed by" in note for note in content.extra_notes)
    texts = "\n".join(build_layout(content, slip_repository.slip_key(manager.store)).texts())
    assert "138****5678" in texts and PHONE not in texts and IMEI not in texts and IMEI2 not in texts
    assert content.outlet_address == "6008 Shennan Avenue, Futian" and content.outlet_address in texts


def test_a_declined_run_says_so_and_lists_nothing_collected(manager) -> None:
    number = open_ticket(manager, agreement=None).number
    assert slip_content_for(manager, number, "en").language == "en"  # nothing stored: the argument
    diagnose(manager, number, declined=True, language="zh_CN")
    content = slip_content_for(manager, number, "en")
    assert content.language == "zh_CN" and content.diagnostics_declined
    assert content.collected == () and content.consent_reference == ""
    assert content.diagnosis_summary == "客户拒绝诊断"


def test_each_print_is_journaled_and_a_reprint_says_copy_1(manager, tmp_path: Path) -> None:
    number = open_ticket(manager).number
    first = print_service.print_to_file(manager, number, tmp_path / "first.pdf")
    second = print_service.print_to_file(manager, number, tmp_path / "second.pdf", "a4", "zh_CN")
    assert (first.copy_number, second.copy_number) == (0, 1)
    assert [
        (p.copy_number, p.slip_format, p.printed_by) for p in slip_repository.prints_for_ticket(manager.store, number)
    ] == [(0, "a5", ADMIN), (1, "a4", ADMIN)]
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "second.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "COPY 1" in text and "副本 1" in text
    assert (
        "COPY"
        not in subprocess.run(
            ["pdftotext", str(tmp_path / "first.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    outbox = [item for item in manager.store.pending_outbox() if item.action == "print_slip"]
    assert [(o.payload["copy"], o.payload["sha256"]) for o in outbox] == [(0, first.sha256), (1, second.sha256)]
    actions = [e.action for e in manager.store.journal_entries()]
    assert actions.count("print_slip") == 2


def test_printing_needs_the_print_permission(vault, manager, tmp_path: Path) -> None:
    number = open_ticket(manager).number
    service.add_account(manager, "A001", "Auditor", Role.AUDITOR, "auditor-pass-1")
    auditor = service.sign_in(vault, "A001", "auditor-pass-1")
    try:
        with pytest.raises(PermissionDenied):
            print_service.print_to_file(auditor, number, tmp_path / "slip.pdf")
        assert not (tmp_path / "slip.pdf").exists()
        assert slip_repository.prints_for_ticket(auditor.store, number) == []
    finally:
        auditor.store.close()


def test_paper_out_keeps_the_job_in_the_store_across_a_restart_and_retry_prints_it(
    vault, manager, scripted_printer: ScriptedPrinter
) -> None:
    number = open_ticket(manager).number
    scripted_printer.state = dict(STATUS_PAPER_OUT)
    with pytest.raises(PaperOut):
        print_service.print_to_thermal(manager, number, scripted_printer.port)
    assert scripted_printer.jobs == [] and slip_repository.prints_for_ticket(manager.store, number) == []
    manager.lock()  # the app closes; the kept job must survive
    session = service.sign_in(vault, ADMIN, "manager-pass-1")
    try:
        (kept,) = print_service.pending_jobs(session)
        assert (kept.ticket_number, kept.copy_number, kept.port) == (number, 0, scripted_printer.port)
        assert "out of paper" in kept.last_error
        still = print_service.retry_thermal_jobs(session)
        assert isinstance(still.error, PaperOut) and still.still_waiting == 1
        scripted_printer.state = dict(STATUS_OK)  # paper loaded
        done = print_service.retry_thermal_jobs(session)
        assert done.error is None and done.still_waiting == 0
        assert [(r.ticket_number, r.copy_number, r.slip_format) for r in done.printed] == [(number, 0, "thermal")]
        (job,) = scripted_printer.wait_for_jobs(1)
        assert parse_job(job).width == 576
        reprint = print_service.print_to_thermal(session, number, scripted_printer.port)
        assert reprint.copy_number == 1 and len(scripted_printer.wait_for_jobs(2)) == 2
        assert verify_qr_payload(
            qr_payload(parse_ticket_number(number), slip_repository.slip_key(session.store)),
            slip_repository.slip_key(session.store),
        )
    finally:
        session.store.close()


def test_a_new_thermal_slip_waits_behind_kept_ones_and_they_come_out_in_order(
    manager, scripted_printer: ScriptedPrinter
) -> None:
    number = open_ticket(manager).number
    scripted_printer.state = dict(STATUS_PAPER_OUT)
    for _ in range(2):
        with pytest.raises(PaperOut):
            print_service.print_to_thermal(manager, number, scripted_printer.port)
    assert [j.copy_number for j in print_service.pending_jobs(manager)] == [0, 1]
    scripted_printer.state = dict(STATUS_OK)
    third = print_service.print_to_thermal(manager, number, scripted_printer.port)
    assert third.copy_number == 2 and print_service.pending_jobs(manager) == []
    assert [p.copy_number for p in slip_repository.prints_for_ticket(manager.store, number)] == [0, 1, 2]
    assert len(scripted_printer.wait_for_jobs(3)) == 3


def test_a_discarded_kept_slip_is_journaled_and_gone(manager, scripted_printer: ScriptedPrinter) -> None:
    number = open_ticket(manager).number
    scripted_printer.state = dict(STATUS_PAPER_OUT)
    with pytest.raises(PaperOut):
        print_service.print_to_thermal(manager, number, scripted_printer.port)
    (job,) = print_service.pending_jobs(manager)
    assert print_service.discard_job(manager, job.id) and print_service.pending_jobs(manager) == []
    assert "discard_slip_job" in [e.action for e in manager.store.journal_entries()]
    assert not print_service.discard_job(manager, job.id)


def test_each_judged_check_is_printed_in_words(manager) -> None:
    """Issue 15 item 5: a stored verdict's reason reaches the slip's diagnosis, in the slip's language."""
    number = open_ticket(manager).number
    diagnose(manager, number)
    run = slip_repository.latest_run_for_ticket(manager.store, number)
    readings = BatteryReadings(health_percent=Reading(72, ReadingSource.DIAGNOSTIC_TOOL))
    verdict = battery_function_verdict(battery_verdict(readings, in_warranty=True))
    with manager.store.transaction(manager.actor) as work:
        data = {"health_percent": 72, "verdict": verdict.to_json()}
        diagnostics_repository.upsert_result(work, run.run_id, "battery", ("battery_record",), "diagnostic_tool", data)
    content = slip_content_for(manager, number, "en")
    line = "Battery: Battery health 72%, below 80% within warranty: free battery replacement recommended."
    assert content.diagnosis_summary.splitlines()[1] == line
    texts = " ".join(build_layout(content, slip_repository.slip_key(manager.store)).texts()).replace("\n", " ")
    assert "free battery replacement recommended" in texts
