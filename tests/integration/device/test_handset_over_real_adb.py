"""The device layer against simulated handsets through a real adb server (see conftest.py)."""

from __future__ import annotations

import json
import os
import queue
from pathlib import Path
from typing import Any

import pytest

from app.core.identifiers import Imei
from app.device.errors import DeviceGone, DeviceUnauthorized, InstallFailed, OutputTooLarge, TransferFailed
from app.device.session import RemoteFileMissing
from app.device.simulator.phone_shell import build_simulator_apk
from app.device.tracking import DeviceEvent, DeviceTracker

pytestmark = pytest.mark.integration
TOOL = "com.repaircounter.diagtool"
Phones = Any  # the `phones` fixture of conftest.py


def next_event(tracker: DeviceTracker, serial: str, state: str, timeout: float = 10) -> DeviceEvent:
    while True:
        try:
            event = tracker.events.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no {state!r} event for {serial}; last known {tracker.snapshot()}") from None
        if event.serial == serial and event.state == state:
            return event


def test_discovery_reports_a_connected_phone_as_an_event(phones: Phones) -> None:
    with DeviceTracker(phones.client) as tracker:
        handset = phones.start("coloros-oneplus8-tool", wait=None)
        event = next_event(tracker, handset.address, "device")
        assert event.serial == handset.address
        assert tracker.snapshot()[handset.address] == "device"
        assert tracker.model_of(handset.address) == "IN2010"  # as the adb server lists it: nothing read


def test_identity_of_a_coloros_phone_with_the_tool(phones: Phones) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    identity = phones.session(handset).identify(TOOL)
    assert (identity.build.serial, identity.build.model, identity.build.brand) == ("9c1d3a7f", "IN2010", "OnePlus")
    assert identity.build.software_version == "IN2010_13.1.0.190(CN01)"
    assert identity.build.vendor_rom == "ColorOS V13.1.0"
    assert identity.battery is not None and identity.battery.level == 81 and identity.battery.status == "charging"
    assert identity.tool is not None and (identity.tool.version_code, identity.tool.version_name) == (312, "3.1.2")


def test_identity_without_the_tool_and_imei_by_service_call(phones: Phones) -> None:
    handset = phones.start("oneplus-nord-n10-no-tool")
    session = phones.session(handset)
    identity = session.identify(TOOL)
    assert identity.tool is None
    assert identity.build.serial == "90241ad3" and identity.build.sdk == 30
    assert session.imei_from_service_call(0) == Imei("864553049876504")
    assert session.imei_from_service_call(1) is None  # this phone answers slot 2 with "not found"


def test_android15_battery_lines_cycle_count_and_learned_capacity(phones: Phones) -> None:
    session = phones.session(phones.start("honor-400-lite-android15"))
    battery = session.battery()
    assert (battery.charging_state, battery.charging_policy, battery.level) == (0, 0, 54)
    assert session.battery_cycle_count() == 187
    assert session.learned_capacity_mah() == 4940


def test_shell_reports_exit_codes_and_stderr_like_a_phone(phones: Phones) -> None:
    session = phones.session(phones.start("oneplus-nord-n10-no-tool"))
    output = session.shell("frobnicate")
    assert (output.exit_code, output.stdout, output.stderr) == (127, b"", b"/system/bin/sh: frobnicate: not found\n")


def test_pull_push_and_bounds(phones: Phones, tmp_path: Path) -> None:
    handset = phones.start("oneplus-nord-n10-no-tool")
    session = phones.session(handset)
    payload = os.urandom(3 * 1024 * 1024 + 17)
    handset.files.write("/sdcard/Download/photo.bin", payload)
    target = tmp_path / "photo.bin"
    assert session.pull("/sdcard/Download/photo.bin", target) == len(payload)
    assert target.read_bytes() == payload
    with pytest.raises(OutputTooLarge):
        session.pull("/sdcard/Download/photo.bin", tmp_path / "capped.bin", max_bytes=1024 * 1024)
    assert not (tmp_path / "capped.bin").exists() and not list(tmp_path.glob("*.part"))
    with pytest.raises(RemoteFileMissing):
        session.read_file("/sdcard/nothing-here.json")
    assert session.push(b"hello phone", "/data/local/tmp/note.txt") == 11
    assert handset.files.read("/data/local/tmp/note.txt") == b"hello phone"


def test_install_updates_an_old_tool_and_reports_a_refusal(phones: Phones, tmp_path: Path) -> None:
    handset = phones.start("realme-gt2-old-tool")
    session = phones.session(handset)
    old = session.tool_version(TOOL)
    assert old is not None and old.version_code == 250
    apk = tmp_path / "diagtool-3.2.0.apk"
    apk.write_bytes(build_simulator_apk(TOOL, 320, "3.2.0"))
    session.install(apk)
    new = session.tool_version(TOOL)
    assert new is not None and (new.version_code, new.version_name) == (320, "3.2.0")
    assert handset.files.list_dir("/data/local/tmp") == []  # the pushed APK was removed
    broken = tmp_path / "broken.apk"
    broken.write_bytes(b"not an apk")
    with pytest.raises(InstallFailed) as refused:
        session.install(broken)
    assert refused.value.reason == "INSTALL_PARSE_FAILED_NOT_APK"


def test_am_start_of_an_activity(phones: Phones) -> None:
    session = phones.session(phones.start("coloros-oneplus8-tool"))
    started = session.am_start("com.android.settings", ".Settings")
    assert started.started and not started.error and started.component == "com.android.settings/.Settings"
    missing = session.am_start("com.example.absent", ".Main")
    assert missing.error == "Error type 3" and not (missing.started and not missing.error)


def test_the_diagnostic_tool_contract(phones: Phones) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    session = phones.session(handset)
    consented = ["device_info", "battery_record"]
    result = session.start_diagnostic_tool(TOOL, ".DiagnosticService", "SZ01-20261122-0042", consented)
    assert result.service and result.component == f"{TOOL}/.DiagnosticService"
    assert session.wait_for_session_done(TOOL, "SZ01-20261122-0042", timeout=10, poll=0.05)
    results = session.read_session_results(TOOL, "SZ01-20261122-0042", consented)
    info = json.loads(results["device_info"])
    assert info["imei"] == ["868915051234565", "868915051234573"] and info["serial"] == "9c1d3a7f"
    assert json.loads(results["battery_record"])["cycle_count"] == 412
    folder = f"/sdcard/Android/data/{TOOL}/files/sessions/SZ01-20261122-0042"
    assert not session.exists(folder + "/app_version.json")  # not asked for, not written
    session.clean_session(TOOL, "SZ01-20261122-0042")
    assert handset.files.get(folder) is None


def test_an_unauthorised_phone_is_reported_with_what_to_do(phones: Phones) -> None:
    with DeviceTracker(phones.client) as tracker:
        handset = phones.start("unauthorised-oppo-reno", wait={"unauthorized"})
        next_event(tracker, handset.address, "unauthorized")
    with pytest.raises(DeviceUnauthorized) as refused:
        phones.session(handset).shell("getprop")
    assert "Allow" in refused.value.next_step and refused.value.code == "device_unauthorized"


def test_a_phone_that_goes_offline(phones: Phones) -> None:
    handset = phones.start("oneplus-nord-n10-no-tool")
    session = phones.session(handset)
    assert session.shell("getprop ro.serialno").text == "90241ad3\n"
    with DeviceTracker(phones.client) as tracker:
        next_event(tracker, handset.address, "device")
        handset.stop()
        next_event(tracker, handset.address, "offline")
    with pytest.raises(DeviceGone):
        session.shell("getprop ro.serialno")


def test_a_disconnect_in_the_middle_of_a_pull(phones: Phones, inline_profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    handset = phones.start(inline_profile("SIMCUT1", faults={"disconnect_after_bytes": 2 * 1024 * 1024}))
    handset.files.write("/sdcard/DCIM/video.mp4", os.urandom(6 * 1024 * 1024))
    session = phones.session(handset)
    with pytest.raises(DeviceGone):
        session.pull("/sdcard/DCIM/video.mp4", tmp_path / "video.mp4")
    assert list(tmp_path.iterdir()) == []  # nothing half-written is left behind


def test_an_oversized_answer_is_cut_while_streaming(phones: Phones, inline_profile) -> None:  # type: ignore[no-untyped-def]
    handset = phones.start(
        inline_profile("SIMFLOOD1", faults={"oversize_on_command": "logcat", "oversize_bytes": 100 * 1024 * 1024})
    )
    session = phones.session(handset)
    with pytest.raises(OutputTooLarge):
        session.logcat(max_lines=1000, limit=1024 * 1024)
    assert session.shell("getprop ro.serialno").text == "SIMFLOOD1\n"  # the phone is still usable


def test_garbage_battery_output_leaves_identity_usable(phones: Phones, inline_profile) -> None:  # type: ignore[no-untyped-def]
    handset = phones.start(inline_profile("SIMJUNK1", faults={"garbage_on_command": "dumpsys battery"}))
    identity = phones.session(handset).identify(TOOL)
    assert identity.battery is None and identity.build.serial == "SIMJUNK1" and identity.tool is None


def test_state_waits_are_real(phones: Phones) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    phones.client.disconnect(handset.address)
    assert phones.wait_for_state(handset.address, {"absent"}) == "absent"


def test_a_local_write_failure_is_not_reported_as_a_lost_phone(phones: Phones, tmp_path: Path) -> None:
    handset = phones.start("oneplus-nord-n10-no-tool")
    handset.files.write("/sdcard/Download/a.bin", b"x" * 1000)
    with pytest.raises(TransferFailed) as failed:
        phones.session(handset).pull("/sdcard/Download/a.bin", tmp_path / "no-such-folder" / "a.bin")
    assert not isinstance(failed.value, DeviceGone)
