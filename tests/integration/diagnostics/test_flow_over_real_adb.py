"""The whole flow against simulated handsets through a real adb server: update, fallbacks, logs,
withdrawal, cancel and timeouts, with the store checked afterwards."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from datetime import timedelta

import pytest

from app.device.simulator import load_profile
from app.diagnostics.consent import withdraw_consent
from app.diagnostics.errors import ConsentNotActive, ToolUpdateNeeded
from app.diagnostics.flow import DiagnosticsFlow, RunRequest, ScriptedPrompts, UpdateDecision
from app.diagnostics.gate import CancelToken
from app.diagnostics.logs import read_log
from app.diagnostics.tool_update import default_apk_dir
from app.storage import diagnostics_repository as repo
from tests.integration.diagnostics.conftest import HANDSETS, Recorder, device_session

pytestmark = pytest.mark.integration
EVERYTHING = ("identity", "battery", "logs")
CATEGORIES = ("device_info", "battery_record", "logs", "software_fault")


def _run(phones, flow, handset, consent, prompts=None, functions=EVERYTHING, **kwargs):
    prompts = prompts if prompts is not None else ScriptedPrompts()
    return flow.run(device_session(phones, handset), RunRequest(functions, consent), prompts, **kwargs)


def test_old_tool_is_updated_after_the_customer_agrees(
    phones, flow, consent_for, manager, monkeypatch, tmp_path
) -> None:
    # The installer is staged inside the data directory: with no usable system temp folder it still works.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-system-temp-here"))
    handset = phones.start("realme-gt2-old-tool")
    recorder = Recorder(handset)
    consent = consent_for(*CATEGORIES)
    report = _run(
        phones,
        flow,
        handset,
        consent,
        ScriptedPrompts(UpdateDecision(True, "tick", ticked=True)),
        functions=("identity", "battery"),
    )
    assert (report.tool.installed_version, report.tool.updated, report.status) == (300, True, "complete")
    staging = manager.vault.paths.staging
    assert staging.is_dir() and list(staging.iterdir()) == [], "staged inside the data directory, then removed"
    assert any(line.startswith("pm install -r -t /data/local/tmp/") for line in recorder.lines)
    assert report.identity["imei"] == ["867160061122333"] and report.battery["health_percent"] == 88
    run = repo.run_by_id(manager.store, report.run_id)
    assert run.tool_updated and run.update_consent_id is not None
    update_consent = repo.consent_by_id(manager.store, run.update_consent_id)
    assert (update_consent.text_id, update_consent.method, update_consent.categories) == ("tool_update", "tick", ())


def test_refusing_the_update_means_no_diagnostics(phones, flow, consent_for, manager) -> None:
    handset = phones.start("realme-gt2-old-tool")
    recorder = Recorder(handset)
    report = _run(phones, flow, handset, consent_for(*CATEGORIES), ScriptedPrompts(UpdateDecision(False)))
    assert report.status == "declined" and report.declined and not report.complete
    assert report.collected == [] and report.to_json()["diagnostics_declined"] is True
    assert recorder.lines == ["dumpsys package com.repaircounter.diagtool"]  # the version, then nothing
    assert repo.results_for_run(manager.store, report.run_id) == []
    assert repo.run_by_id(manager.store, report.run_id).status == "declined"


def test_no_answer_to_the_update_question_is_an_error_not_a_guess(phones, flow, consent_for, manager) -> None:
    handset = phones.start("realme-gt2-old-tool")
    consent = consent_for(*CATEGORIES)
    with pytest.raises(ToolUpdateNeeded):
        _run(phones, flow, handset, consent)
    assert [r.status for r in repo.runs_for_consent(manager.store, consent.id)] == ["incomplete"]


def test_a_tampered_installer_is_never_installed(phones, manager, reference, consent_for, tmp_path) -> None:
    apk_dir = tmp_path / "apk"
    shutil.copytree(default_apk_dir(), apk_dir)
    apk = apk_dir / reference.diagnostic_tool.apk_file
    apk.write_bytes(apk.read_bytes() + b"\x00")  # one byte more: another digest
    flow = DiagnosticsFlow(manager, reference, apk_dir=apk_dir, tool_timeout=5, poll_seconds=0.05)
    handset = phones.start("realme-gt2-old-tool")
    recorder = Recorder(handset)
    report = _run(phones, flow, handset, consent_for(*CATEGORIES), ScriptedPrompts(UpdateDecision(True)))
    assert report.status == "incomplete" and report.error.startswith("ToolApkRejected")
    assert not any("pm install" in line for line in recorder.lines) and "sync:" not in recorder.services
    assert handset.state.packages["com.repaircounter.diagtool"].version_code == 250


def test_shell_fallbacks_without_the_tool(phones, manager, reference, consent_for, tmp_path) -> None:
    """No tool and no genuine installer: getprop, service call, dumpsys battery, the broadcast, batterystats."""
    profile = dataclasses.replace(load_profile(HANDSETS / "honor-400-lite-android15"), diagtool=None)
    handset = phones.start(profile)
    flow = DiagnosticsFlow(manager, reference, apk_dir=tmp_path / "no-apk", tool_timeout=5)
    report = _run(phones, flow, handset, consent_for(*CATEGORIES), functions=("identity", "battery"))
    assert report.tool.installed_version is None and report.complete
    assert report.identity["imei"] == ["358211904567816"] and report.identity["model"] == "ALT-NX1"
    assert report.identity["sources"]["imei"] == "service_call"
    battery = report.battery
    assert (battery["level"], battery["cycle_count"], battery["learned_capacity_mah"]) == (54, 187, 4940)
    assert battery["source"]["cycle_count"] == "cycle_count_broadcast"
    assert battery["source"]["learned_capacity_mah"] == "batterystats"
    assert battery["health_percent"] is None  # no design capacity without the tool: no guess
    stored = repo.battery_for_run(manager.store, report.run_id)
    assert stored.advice == "unknown" and stored.readings["cycle_count"] == "cycle_count_broadcast"


def test_logs_are_redacted_compressed_and_expire_in_30_days(phones, flow, consent_for, manager, inline_profile) -> None:
    logcat = (
        "11-23 10:00:00.000  1000  1000 I Telecom: call from 13812345678 to +8613900001111\n"
        "11-23 10:00:01.000  1000  1000 I Sync: sync failed for wang.fang@example.com\n"
        '11-23 10:00:02.000  1000  1000 I WifiService: connected SSID: "HomeNet-5G"\n'
        "11-23 10:00:03.000  1000  1000 I Notes: note for Wang Fang saved\n"
        "11-23 10:00:04.000  1000  1000 E AndroidRuntime: FATAL EXCEPTION: main\n"
    ) * 200
    handset = phones.start(inline_profile(shell={"logcat -d*": {"inline": logcat}}))
    consent = consent_for("logs", "software_fault", name="Wang Fang")
    report = _run(phones, flow, handset, consent, functions=("logs",))
    text = read_log(manager, report.log_id)
    assert report.log_lines == 1000 and "FATAL EXCEPTION" in text
    for secret in ("13812345678", "8613900001111", "wang.fang@example.com", "HomeNet-5G", "Wang Fang"):
        assert secret not in text
    assert "[PHONE]" in text and "[EMAIL]" in text and "[SSID]" in text
    (capture,) = repo.logs_for_run(manager.store, report.run_id)
    stored = manager.store.query_one("SELECT length(data) FROM diag_log WHERE id = ?", (capture.id,))[0]
    assert stored < capture.text_size / 5  # compressed
    assert capture.expires_at[:10] == _days_after(capture.captured_at, 30)


def test_the_ssid_is_kept_only_when_consented(phones, flow, consent_for, manager, inline_profile) -> None:
    line = '11-23 10:00:02.000  1000  1000 I WifiService: connected SSID: "HomeNet-5G"\n'
    handset = phones.start(inline_profile(shell={"logcat -d*": {"inline": line}}))
    report = _run(phones, flow, handset, consent_for("logs", "software_fault", "ssid"), functions=("logs",))
    assert "HomeNet-5G" in read_log(manager, report.log_id)


def _days_after(iso_text: str, days: int) -> str:
    from datetime import datetime, timedelta

    return (datetime.fromisoformat(iso_text) + timedelta(days=days)).date().isoformat()


def test_withdrawal_deletes_the_data_and_stops_later_runs(phones, flow, consent_for, manager) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    consent = consent_for(*CATEGORIES)
    report = _run(phones, flow, handset, consent)
    assert repo.results_for_run(manager.store, report.run_id) and repo.logs_for_run(manager.store, report.run_id)
    withdrawal = withdraw_consent(manager, consent.id)
    assert withdrawal.deleted == {"results": 3, "logs": 1, "battery": 1}
    assert repo.results_for_run(manager.store, report.run_id) == []
    assert read_log(manager, report.log_id) is None and repo.battery_for_run(manager.store, report.run_id) is None
    actions = [e.action for e in manager.store.journal_entries() if e.entity_id == consent.id]
    assert actions[-2:] == ["withdraw", "erase_data"]
    with pytest.raises(ConsentNotActive):
        _run(phones, flow, handset, consent)


def test_withdrawal_in_the_middle_stops_processing(phones, flow, consent_for, manager) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    recorder = Recorder(handset)
    consent = consent_for(*CATEGORIES)

    def progress(step: str, fraction: float) -> None:
        if step == "battery" and fraction == 0.0:
            withdraw_consent(manager, consent.id)

    report = _run(phones, flow, handset, consent, progress=progress)
    assert report.status == "withdrawn" and not report.complete
    assert not any(line.startswith(("dumpsys battery", "logcat")) for line in recorder.lines)
    assert repo.results_for_run(manager.store, report.run_id) == []  # identity was erased with the withdrawal
    assert report.cleaned_up is True


def test_cancel_while_waiting_for_the_tool(phones, manager, reference, consent_for, inline_profile) -> None:
    slow_tool = {
        "package": "com.repaircounter.diagtool",
        "version_code": 320,
        "version_name": "3.2.0",
        "service": ".DiagnosticService",
        "result_delay_ms": 60_000,
    }
    handset = phones.start(inline_profile(diagtool=slow_tool))
    recorder = Recorder(handset)
    cancel = CancelToken()
    flow = DiagnosticsFlow(manager, reference, tool_timeout=30, poll_seconds=0.05)

    def progress(step: str, fraction: float) -> None:
        if step == "tool" and fraction > 0:
            cancel.cancel()

    report = _run(phones, flow, handset, consent_for(*CATEGORIES), progress=progress, cancel=cancel)
    assert report.status == "cancelled" and report.cleaned_up is True
    assert any(
        line.startswith("rm -rf /sdcard/Android/data/com.repaircounter.diagtool/files/sessions/")
        for line in recorder.lines
    )
    assert repo.run_by_id(manager.store, report.run_id).status == "cancelled"


def test_a_tool_that_never_finishes_times_out_into_shell_readings(
    phones, manager, reference, consent_for, inline_profile
) -> None:
    slow_tool = {
        "package": "com.repaircounter.diagtool",
        "version_code": 320,
        "version_name": "3.2.0",
        "service": ".DiagnosticService",
        "result_delay_ms": 60_000,
    }
    battery = (HANDSETS / "honor-400-lite-android15" / "dumpsys_battery.txt").read_text()
    handset = phones.start(inline_profile(diagtool=slow_tool, shell={"dumpsys battery": {"inline": battery}}))
    flow = DiagnosticsFlow(manager, reference, tool_timeout=0.5, poll_seconds=0.05)
    report = _run(phones, flow, handset, consent_for(*CATEGORIES), functions=("identity", "battery"))
    assert any("did not finish in time" in note.en for note in report.notes)
    assert report.battery["level"] == 54 and report.identity["model"] == "RMX3350"


def test_invalid_tool_results_are_not_stored(phones, flow, consent_for, manager, inline_profile) -> None:
    tool = {
        "package": "com.repaircounter.diagtool",
        "version_code": 320,
        "version_name": "3.2.0",
        "service": ".DiagnosticService",
        "result_delay_ms": 50,
        "results": {
            "device_info": {
                "inline": '{"imei": ["490154203237519"], "serial": "x", "model": "y", "software_version": "z"}'
            },
            "battery_record": {"inline": '{"health_percent": NaN}'},
        },
    }
    battery = (HANDSETS / "honor-400-lite-android15" / "dumpsys_battery.txt").read_text()
    handset = phones.start(inline_profile(diagtool=tool, shell={"dumpsys battery": {"inline": battery}}))
    report = _run(phones, flow, handset, consent_for(*CATEGORIES), functions=("identity", "battery"))
    assert report.identity["imei"] is None  # a bad check digit from the tool is never stored
    assert report.battery["health_percent"] is None and report.battery["level"] == 54
    assert {
        "device_info: the tool's result failed its checks",
        "battery_record: the tool's result failed its checks",
    } <= {note.en for note in report.notes}


def test_a_failing_logcat_is_no_data_not_an_empty_log(phones, flow, consent_for, manager) -> None:
    handset = phones.start("realme-gt2-old-tool")  # its shell has no logcat capture: `not found`, status 127
    report = _run(phones, flow, handset, consent_for("logs", "software_fault"), functions=("logs",))
    assert report.function_status["logs"] == "no_data" and report.log_id is None
    assert repo.logs_for_run(manager.store, report.run_id) == [] and report.status == "incomplete"


@pytest.mark.parametrize(("typed", "expected"), [("490154203237518", ["490154203237518"]), ("490154203237519", None)])
def test_a_typed_imei_is_used_only_with_a_valid_check_digit(
    typed, expected, phones, manager, reference, consent_for, inline_profile, tmp_path
) -> None:
    """No tool, no working `service call`: the scanned or typed IMEI, Luhn-checked."""
    handset = phones.start(inline_profile())
    flow = DiagnosticsFlow(manager, reference, apk_dir=tmp_path, tool_timeout=5)
    report = _run(
        phones, flow, handset, consent_for("device_info"), ScriptedPrompts(imei=typed), functions=("identity",)
    )
    assert report.identity["imei"] == expected
    assert report.identity["sources"]["imei"] == ("typed" if expected else None)
    assert any("check digit" in note.en for note in report.notes) is (expected is None)


def test_expired_logs_are_purged_when_a_run_starts(phones, flow, consent_for, manager, inline_profile) -> None:
    line = "11-23 10:00:04.000  1000  1000 E AndroidRuntime: FATAL EXCEPTION: main\n"
    handset = phones.start(inline_profile(shell={"logcat -d*": {"inline": line}}))
    consent = consent_for("logs", "software_fault")
    first = _run(phones, flow, handset, consent, functions=("logs",))
    real_clock = manager.store.clock
    manager.store.clock = lambda: real_clock() + timedelta(days=31)
    try:
        second = _run(phones, flow, handset, consent, functions=("logs",))
    finally:
        manager.store.clock = real_clock
    assert read_log(manager, first.log_id) is None and read_log(manager, second.log_id) is not None
