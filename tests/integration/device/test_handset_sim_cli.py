"""`repair-counter handset-sim` as a process, and the demo-mode helper, through a real adb server."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.device.demo_handsets import running_demo_handsets, shipped_profile_dirs
from app.device.session import DeviceSession

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]
HANDSETS = ROOT / "resources" / "handsets"


def test_handset_sim_serves_each_profile_until_terminated(phones: Any) -> None:
    command = [
        sys.executable,
        "-m",
        "app",
        "handset-sim",
        "--profile",
        str(HANDSETS / "coloros-oneplus8-tool"),
        "--profile",
        str(HANDSETS / "honor-400-lite-android15"),
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [process.stdout.readline().strip() for _ in range(2)]  # type: ignore[union-attr]
        assert all(line.startswith("listening on 127.0.0.1:") for line in lines), lines
        addresses = [line.removeprefix("listening on ") for line in lines]
        serials = []
        for address in addresses:
            phones.client.connect(address, timeout=10)
            phones.wait_for_state(address, {"device"})
            serials.append(DeviceSession(phones.client, address).shell("getprop ro.serialno").text.strip())
            phones.client.disconnect(address)
        assert serials == ["9c1d3a7f", "AYLVBB5220900344"]
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=10)
        process.stdout.close()  # type: ignore[union-attr]
        process.stderr.close()  # type: ignore[union-attr]
    assert code == 0


def test_handset_sim_rejects_a_bad_profile_with_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "handset-sim", "--profile", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2 and "profile.toml" in result.stderr and "listening" not in result.stdout


def test_demo_handsets_are_connected_and_removed(phones: Any) -> None:
    profiles = shipped_profile_dirs()
    with running_demo_handsets(profiles, phones.client) as attached:
        assert [name for _, name in attached] == [p.name for p in profiles]
        states = {serial: phones.wait_for_state(serial, {"device", "unauthorized"}) for serial, _ in attached}
        by_name = {name: states[serial] for serial, name in attached}
        assert by_name["unauthorised-oppo-reno"] == "unauthorized"
        assert by_name["coloros-oneplus8-tool"] == "device"
    remaining = {d.serial for d in phones.client.list()}
    assert not remaining & {serial for serial, _ in attached}
