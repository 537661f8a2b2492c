"""Pure pieces of the device layer: command builders refuse injection, device-list diffs, workers, adb lookup."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from app.device import commands
from app.device.adb_server import AdbServer, locate_adb
from app.device.commands import CommandArgumentError
from app.device.errors import AdbServerUnavailable, DeviceError
from app.device.tracking import ABSENT, DeviceEvent, advice_for, diff_devices, model_from_tags, parse_device_list
from app.device.workers import DeviceWorkers

TOOL = "com.repaircounter.diagtool"


def test_diagnostic_tool_commands_follow_the_contract() -> None:
    assert commands.start_diagnostic_service_command(
        TOOL, ".DiagnosticService", "SZ01-20261122-0042", ["device_info", "logs"]
    ) == (
        f"am start-foreground-service -n {TOOL}/.DiagnosticService --es session SZ01-20261122-0042 "
        "--es categories device_info,logs"
    )
    assert commands.session_folder(TOOL, "S1") == f"/sdcard/Android/data/{TOOL}/files/sessions/S1"
    assert commands.dumpsys_package_command(TOOL) == f"dumpsys package {TOOL}"
    assert commands.iphonesubinfo_command(1) == "service call iphonesubinfo 4 i32 1 s16 com.android.shell s16 null"
    assert commands.pm_install_command("/data/local/tmp/a.apk") == "pm install -r -t /data/local/tmp/a.apk"


@pytest.mark.parametrize(
    "build",
    [
        lambda: commands.dumpsys_package_command("com.a; reboot"),
        lambda: commands.getprop_command("ro.serialno && rm -rf /"),
        lambda: commands.session_folder(TOOL, "../../etc"),
        lambda: commands.start_diagnostic_service_command(TOOL, ".S", "s1", ["device_info", "$(id)"]),
        lambda: commands.start_diagnostic_service_command(TOOL, ".S", "s1", []),
        lambda: commands.category_name("../done"),
        lambda: commands.remove_tree_command("/sdcard/../data"),
        lambda: commands.remove_tree_command("relative/path"),
        lambda: commands.am_start_activity_command(TOOL, ".Main --es x `id`"),
        lambda: commands.logcat_dump_command(0),
        lambda: commands.iphonesubinfo_command(2),
    ],
)
def test_builders_refuse_anything_that_could_smuggle_shell_syntax(build) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CommandArgumentError):
        build()


def test_device_list_parsing_and_events() -> None:
    listed = parse_device_list("127.0.0.1:40001\tdevice\n127.0.0.1:40002\tunauthorized\nnoise line\n")
    assert listed == {"127.0.0.1:40001": "device", "127.0.0.1:40002": "unauthorized"}
    events = diff_devices(listed, {"127.0.0.1:40001": "offline", "127.0.0.1:40003": "device"})
    assert set(events) == {
        DeviceEvent("127.0.0.1:40002", ABSENT, "unauthorized"),
        DeviceEvent("127.0.0.1:40001", "offline", "device"),
        DeviceEvent("127.0.0.1:40003", "device", None),
    }
    assert "Allow" in advice_for("unauthorized")[0] and "允许" in advice_for("unauthorized")[1]
    assert advice_for("no permissions")[0]


def test_one_worker_per_phone_runs_its_jobs_one_at_a_time() -> None:
    running: dict[str, int] = {"A": 0, "B": 0}
    overlap: list[str] = []
    both_phones_busy = threading.Barrier(2, timeout=5)
    lock = threading.Lock()
    waited: set[str] = set()

    def job(serial: str):  # type: ignore[no-untyped-def]
        def run(session: str) -> str:
            with lock:
                running[serial] += 1
                if running[serial] > 1:
                    overlap.append(serial)
            if serial not in waited:
                waited.add(serial)
                both_phones_busy.wait()  # proves two different phones do work at the same time
            time.sleep(0.01)
            with lock:
                running[serial] -= 1
            return session

        return run

    sessions = iter(["A-first", "B-first"])
    workers = DeviceWorkers(lambda serial: next(sessions))
    try:
        futures = [workers.submit(s, job(s)) for s in ("A", "B", "A", "B", "A")]
        results = [f.result(timeout=10) for f in futures]
    finally:
        workers.shutdown()
    assert results == ["A-first", "B-first", "A-first", "B-first", "A-first"]  # one session per phone
    assert overlap == []


def test_locating_adb(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ADBUTILS_ADB_PATH", raising=False)
    assert locate_adb().name.startswith("adb")
    fake = tmp_path / "adb"
    fake.write_text("#!/bin/sh\nexit 1\n")
    monkeypatch.setenv("ADBUTILS_ADB_PATH", str(fake))
    assert locate_adb() == fake
    monkeypatch.setenv("ADBUTILS_ADB_PATH", str(tmp_path / "missing"))
    with pytest.raises(AdbServerUnavailable) as missing:
        locate_adb()
    assert missing.value.exit_code == 41 and isinstance(missing.value, DeviceError)


def test_an_adb_server_cannot_take_an_emulator_port(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        AdbServer(port=5555, home=tmp_path)


def test_an_adb_program_that_fails_to_start_is_reported(tmp_path: Path) -> None:
    broken = tmp_path / "adb"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    with pytest.raises(AdbServerUnavailable):
        AdbServer(port=47001, home=tmp_path, adb_path=broken).start()


def test_device_error_exit_codes_are_unique_and_in_range() -> None:
    from app.device import errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, DeviceError)]
    codes = [c.exit_code for c in classes]
    assert len(set(codes)) == len(codes) and all(40 <= code <= 49 for code in codes)
    assert all(c.next_step for c in classes)  # English for the command line; the GUI words each code


def test_the_model_a_phone_announced_is_shown_with_spaces_and_bounded() -> None:
    assert model_from_tags({"model": "Pixel_7", "device": "panther", "transport_id": "3"}) == "Pixel 7"
    assert model_from_tags({"product": "x"}) == ""  # an unauthorised phone announces no model
    assert len(model_from_tags({"model": "A" * 500})) == 64
