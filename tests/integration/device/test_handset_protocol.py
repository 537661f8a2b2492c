"""Protocol corners of the simulated handset, driven by the adb command line and raw host services."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from adbutils.errors import AdbError

from app.device.errors import DeviceGone
from app.device.hub import DeviceHub
from app.device.session import DeviceSession
from app.device.simulator.phone_shell import build_simulator_apk
from app.device.workers import DeviceWorkers

pytestmark = pytest.mark.integration
TOOL = "com.repaircounter.diagtool"


def test_adb_install_from_the_command_line_pushes_then_runs_pm_install(
    phones: Any, adb_server: Any, tmp_path: Path
) -> None:
    handset = phones.start("oneplus-nord-n10-no-tool")
    apk = tmp_path / "diagtool.apk"
    apk.write_bytes(build_simulator_apk(TOOL, 312, "3.1.2"))
    result = adb_server.run("-s", handset.address, "install", "-r", str(apk))
    assert result.returncode == 0 and "Success" in result.stdout, result.stdout + result.stderr
    record = phones.session(handset).tool_version(TOOL)
    assert record is not None and record.version_code == 312


def test_adb_shell_from_the_command_line_gets_exit_code_and_stderr(phones: Any, adb_server: Any) -> None:
    handset = phones.start("oneplus-nord-n10-no-tool")
    result = adb_server.run("-s", handset.address, "shell", "getprop ro.product.model; nosuchtool")
    assert result.stdout == "BE2028\n" and "nosuchtool: not found" in result.stderr and result.returncode == 127


def test_exec_service_and_a_refused_service(phones: Any) -> None:
    handset = phones.start("oneplus-nord-n10-no-tool")
    with phones.client.make_connection(timeout=10) as connection:
        connection.send_command(f"host:tport:serial:{handset.address}")
        connection.check_okay()
        connection.read_exact(8)
        connection.send_command("exec:getprop ro.serialno")
        connection.check_okay()
        assert connection.read_until_close(encoding=None) == b"90241ad3\n"
    with phones.client.make_connection(timeout=10) as connection:
        connection.send_command(f"host:tport:serial:{handset.address}")
        connection.check_okay()
        connection.read_exact(8)
        connection.send_command("jdwp-tracker:")
        with pytest.raises(AdbError):
            connection.check_okay()


def test_a_phone_that_drops_off_at_a_command(phones: Any, inline_profile: Any) -> None:
    handset = phones.start(inline_profile("SIMDROP1", faults={"disconnect_on_command": "dumpsys battery"}))
    session = phones.session(handset)
    assert session.shell("getprop ro.serialno").text == "SIMDROP1\n"
    with pytest.raises(DeviceGone):
        session.battery()


def test_slow_phone_still_answers_within_the_timeout(phones: Any, inline_profile: Any) -> None:
    handset = phones.start(inline_profile("SIMSLOW1", faults={"delay_ms": 300}))
    session = DeviceSession(phones.client, handset.address, timeout=5)
    assert session.shell("getprop ro.serialno").text == "SIMSLOW1\n"


def test_workers_identify_two_phones(phones: Any) -> None:
    first = phones.start("coloros-oneplus8-tool")
    second = phones.start("honor-400-lite-android15")
    workers = DeviceWorkers(lambda serial: DeviceSession(phones.client, serial))
    try:
        futures = {h.profile.name: workers.submit(h.address, lambda s: s.identify(TOOL)) for h in (first, second)}
        models = {name: future.result(timeout=30).build.model for name, future in futures.items()}
    finally:
        workers.shutdown()
    assert models == {"coloros-oneplus8-tool": "IN2010", "honor-400-lite-android15": "ALT-NX1"}


@pytest.mark.parametrize("features", [["shell_v2", "stat_v2", "ls_v2"], ["shell_v2"]], ids=["v2", "v1"])
def test_adb_ls_and_directory_pull_with_and_without_v2_sync(
    phones: Any, adb_server: Any, inline_profile: Any, tmp_path: Path, features: list[str]
) -> None:
    handset = phones.start(inline_profile("SIMLS1", adb={"features": features}))
    handset.files.write("/sdcard/DCIM/a.jpg", b"A" * 10)
    handset.files.write("/sdcard/DCIM/b.jpg", b"B" * 20)
    listing = adb_server.run("-s", handset.address, "ls", "/sdcard/DCIM")
    assert listing.returncode == 0, listing.stderr
    names = sorted(line.split()[-1] for line in listing.stdout.splitlines())
    assert names == ["a.jpg", "b.jpg"]
    pulled = adb_server.run("-s", handset.address, "pull", "/sdcard/DCIM", str(tmp_path))
    assert pulled.returncode == 0, pulled.stderr
    assert (tmp_path / "DCIM" / "b.jpg").read_bytes() == b"B" * 20
    missing = adb_server.run("-s", handset.address, "pull", "/sdcard/none.txt", str(tmp_path))
    message = missing.stderr + missing.stdout
    assert missing.returncode != 0 and ("No such file" in message or "does not exist" in message)


def test_the_hub_tracks_phones_and_runs_work_on_them(phones: Any) -> None:
    seen: list[tuple[str, str]] = []
    with DeviceHub(phones.client, lambda event: seen.append((event.serial, event.state)), poll_seconds=0.2) as hub:
        handset = phones.start("honor-400-lite-android15")
        model = hub.submit(handset.address, lambda s: s.properties().get("ro.product.model")).result(timeout=30)
        phones.client.disconnect(handset.address)
        phones.wait_for_state(handset.address, {"absent"})
        deadline = time.monotonic() + 10
        while (handset.address, "absent") not in seen and time.monotonic() < deadline:
            time.sleep(0.05)
    assert model == "ALT-NX1"
    assert (handset.address, "device") in seen and (handset.address, "absent") in seen
    assert handset.address not in hub.states()
