"""Every function read and judged, through a real adb server and the simulated handsets (issue 15 items 1-3).

Three handsets: a healthy ColorOS phone whose tool answers everything; an Android 15 phone whose tool
reports a touch failure, a nearly full storage, a front camera that does not start and a slot without
service; and a phone without the tool, read through shell fallbacks (telephony.registry, getprop,
df, batterystats --checkin) from real captures.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.core.privacy_catalogue import CATEGORIES, FUNCTIONS
from app.diagnostics.flow import DiagnosticsFlow, RunRequest, ScriptedPrompts
from app.diagnostics.history import phone_history
from app.storage import diagnostics_repository as repo
from tests.integration.diagnostics.conftest import Recorder, device_session

pytestmark = pytest.mark.integration
ALL = tuple(FUNCTIONS)


def _run(phones, flow, handset, consent):
    return flow.run(device_session(phones, handset), RunRequest(ALL, consent), ScriptedPrompts())


def _status(report) -> dict[str, str]:
    return {f: v.status.value for f, v in report.verdicts.items()}


def test_a_healthy_phone_gets_a_reasoned_ok_for_every_function(phones, flow, consent_for, manager) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    report = _run(phones, flow, handset, consent_for(*CATEGORIES))
    assert report.complete, report.to_json()
    statuses = _status(report)
    for function in ("display", "network", "bluetooth", "camera", "storage", "software", "charging", "battery"):
        assert statuses[function] == "ok", (function, report.verdicts[function].to_json())
    display = report.verdicts["display"]
    assert display.reason.en.startswith("5 touch detections") and "触摸检测 5 次" in display.reason.zh_CN
    assert report.findings["network"]["sources"]["slots"] == "diagnostic_tool"
    assert [s["signal_level"] for s in report.findings["network"]["slots"]] == [3, 2]
    assert report.findings["storage"]["used_percent"] == 61.7
    assert report.suggestions == []
    stored = {row.function: row for row in repo.results_for_run(manager.store, report.run_id)}
    assert stored["software"].data["verdict"]["status"] == "ok"
    assert stored["software"].data["verdict"]["findings"][0]["evidence"][0]["source"] == "diagnostic_tool"


def test_the_faults_of_a_phone_are_found_explained_and_ranked(phones, flow, consent_for) -> None:
    handset = phones.start("honor-400-lite-android15")
    report = _run(phones, flow, handset, consent_for(*CATEGORIES))
    statuses = _status(report)
    assert statuses["display"] == statuses["camera"] == statuses["storage"] == statuses["network"] == "fault"
    assert "touch_failure" in report.verdicts["display"].codes
    assert "qualifies for a screen replacement" in report.verdicts["display"].reason.en
    assert "符合更换屏幕条件" in report.verdicts["display"].reason.zh_CN
    assert report.verdicts["camera"].reason.en == "The front camera (1) failed to start."
    assert report.verdicts["storage"].codes == ("storage_nearly_full",)
    assert report.verdicts["network"].reason.en == "No signal in slot 1 (out of service)."
    touch = report.verdicts["display"].findings[0].evidence[0]
    assert (touch.name, touch.source) == ("touch_detections", "diagnostic_tool")
    faults = [s["fault"] for s in report.suggestions]
    assert faults[:4] == ["screen", "no_signal", "camera", "storage_full"]
    assert report.suggestions[0]["because"][0]["code"] == "touch_failure"
    # charging: dumpsys battery and the real checkin history (sample 06) behind the verdict
    assert report.findings["charging"]["sources"]["history"] == "batterystats --checkin"
    assert report.findings["charging"]["history"]["records"] == 1


def test_without_the_tool_the_shell_answers_from_real_captures(phones, manager, reference, consent_for, tmp_path):
    handset = phones.start("oneplus-nord-n10-no-tool")
    recorder = Recorder(handset)
    flow = DiagnosticsFlow(manager, reference, apk_dir=tmp_path / "no-apk", tool_timeout=5)
    report = _run(phones, flow, handset, consent_for(*CATEGORIES))
    network = report.findings["network"]
    assert network["slots"][0]["sim_state"] == "absent" and network["slots"][0]["signal_dbm"] == -87
    assert network["sources"]["slots"] == "telephony.registry+gsm.sim.state"
    assert report.verdicts["network"].reason.en == "No SIM detected in slot 1."
    software = report.findings["software"]
    assert software["security_patch"] == "2023-07-05" and software["sources"]["security_patch"] == "getprop"
    assert report.verdicts["software"].codes == ("security_patch_old",)
    assert "2023-07-05" in report.verdicts["software"].reason.zh_CN
    storage = report.findings["storage"]
    assert storage["sources"]["total_bytes"] == "df" and storage["used_percent"] == 87.2
    assert (
        report.function_status["camera"]
        == report.function_status["bluetooth"]
        == report.function_status["display"]
        == "no_data"
    )  # only the tool can test them, and there is none
    lines = " | ".join(recorder.lines)
    for command in ("dumpsys telephony.registry", "getprop gsm.sim.state", "dumpsys wifi", "df /data"):
        assert command in lines
    assert "getprop ro.build.version.security_patch" in lines


def test_dumpsys_wifi_is_not_run_without_the_wifi_consents(phones, manager, reference, consent_for, tmp_path):
    """network needs ssid/bssid/wifi_list: without them it does not run at all, so no `dumpsys wifi`."""
    handset = phones.start("oneplus-nord-n10-no-tool")
    recorder = Recorder(handset)
    flow = DiagnosticsFlow(manager, reference, apk_dir=tmp_path / "no-apk", tool_timeout=5)
    without_wifi = [c for c in CATEGORIES if c not in ("ssid", "bssid", "wifi_list")]
    report = _run(phones, flow, handset, consent_for(*without_wifi))
    assert report.function_status["network"] == "not_consented"
    lines = " | ".join(recorder.lines)
    assert "dumpsys wifi" not in lines and "telephony.registry" not in lines


def test_a_phone_seen_again_shows_its_earlier_runs_within_retention(phones, flow, consent_for, manager) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    consent = consent_for("device_info", "battery_record")
    first = flow.run(device_session(phones, handset), RunRequest(("identity", "battery"), consent), ScriptedPrompts())
    assert first.history == []
    second = flow.run(device_session(phones, handset), RunRequest(("identity", "battery"), consent), ScriptedPrompts())
    (earlier,) = second.history
    assert earlier["run_id"] == first.run_id
    assert (earlier["health_percent"], earlier["cycle_count"], earlier["battery_advice"]) == (91, 412, "healthy")
    imei = first.identity["imei"][0]
    assert [e.run_id for e in phone_history(manager, imei)] == [first.run_id, second.run_id]
    assert phone_history(manager, "490154203237518") == []  # another phone
    later = datetime.fromisoformat(second.history[0]["started_at"]) + timedelta(days=400)
    assert phone_history(manager, imei, now=later) == []  # past the 12 months of service records
