"""The simulated phone's shell, without the wire: what each command answers."""

from __future__ import annotations

import json
import time
from pathlib import Path

from app.device.parsers.am_parser import parse_am_start
from app.device.parsers.package_parser import parse_dumpsys_package, parse_package_list
from app.device.simulator.filesystem import MemoryFileSystem
from app.device.simulator.phone_shell import InstalledPackage, PhoneShell, PhoneState, build_simulator_apk
from app.device.simulator.profile import profile_from_mapping

TOOL = "com.repaircounter.diagtool"


def make_shell(extra: dict | None = None) -> PhoneShell:
    data = {
        "device": {"serial": "S1", "model": "RMX3350"},
        "diagtool": {
            "package": TOOL,
            "version_code": 250,
            "version_name": "2.5.0",
            "service": ".DiagnosticService",
            "result_delay_ms": 0,
            "results": {"device_info": {"inline": '{"imei": []}'}},
        },
        "shell": {
            "getprop": {"inline": "[ro.product.model]: [RMX3350]\n[x.multi]: [a\nb]\n"},
            "logcat -d*": {"inline": "log\n"},
            "exact": {"inline": "E\n", "exit": 3},
        },
        **(extra or {}),
    }
    profile = profile_from_mapping(data, Path("."), "t")
    state = PhoneState({TOOL: InstalledPackage(250, "2.5.0")})
    return PhoneShell(profile, MemoryFileSystem(), state)


def out(result) -> str:  # type: ignore[no-untyped-def]
    return b"".join(result.stdout).decode()


def test_unknown_command_is_not_found_with_127() -> None:
    result = make_shell().run_line("frobnicate --all")
    assert (result.stderr, result.exit_code) == (b"/system/bin/sh: frobnicate: not found\n", 127)


def test_profile_answers_exact_then_prefix_and_getprop_key_from_the_capture() -> None:
    shell = make_shell()
    exact = shell.run_line("exact")
    assert (out(exact), exact.exit_code) == ("E\n", 3)
    assert out(shell.run_line("logcat -d -v threadtime -t 10")) == "log\n"
    assert out(shell.run_line("getprop x.multi")) == "a\nb\n"
    assert out(shell.run_line("getprop ro.serialno")) == "S1\n"  # from [device] when the capture lacks it


def test_exit_code_marker_of_adbutils_v1_shell() -> None:
    assert out(make_shell().run_line("nosuch; echo X4EXIT:$?")) == "X4EXIT:127\n"


def test_install_upgrades_the_tool_and_refuses_a_downgrade_and_a_non_apk() -> None:
    shell = make_shell()
    shell.files.write("/data/local/tmp/new.apk", build_simulator_apk(TOOL, 312, "3.1.2"))
    assert out(shell.run_line("pm install -r -t /data/local/tmp/new.apk")) == "Success\n"
    record = parse_dumpsys_package(out(shell.run_line(f"dumpsys package {TOOL}"))).installed(TOOL)
    assert record is not None and (record.version_code, record.version_name) == (312, "3.1.2")
    listed = {
        p.name: p.version_code for p in parse_package_list(out(shell.run_line("pm list packages --show-versioncode")))
    }
    assert listed[TOOL] == 312
    shell.files.write("/data/local/tmp/old.apk", build_simulator_apk(TOOL, 200, "2.0.0"))
    assert "INSTALL_FAILED_VERSION_DOWNGRADE" in out(shell.run_line("pm install -r /data/local/tmp/old.apk"))
    shell.files.write("/data/local/tmp/bad.apk", b"not a zip")
    assert "INSTALL_PARSE_FAILED_NOT_APK" in out(shell.run_line("pm install -r /data/local/tmp/bad.apk"))


def test_the_tool_writes_requested_categories_then_done() -> None:
    shell = make_shell()
    result = shell.run_line(
        f"am start-foreground-service -n {TOOL}/.DiagnosticService --es session T-1 --es categories device_info,logs"
    )
    assert parse_am_start(out(result) + result.stderr.decode()).started
    folder = f"/sdcard/Android/data/{TOOL}/files/sessions/T-1"
    for _ in range(100):
        if shell.files.get(folder + "/done"):
            break
        time.sleep(0.02)
    assert json.loads(shell.files.read(folder + "/device_info.json") or b"") == {"imei": []}
    assert json.loads(shell.files.read(folder + "/logs.json") or b"")["available"] is False
    assert [name for name, _ in shell.files.list_dir(folder) or []] == ["device_info.json", "done", "logs.json"]


def test_starting_a_tool_that_is_not_installed_is_an_error() -> None:
    result = make_shell().run_line("am start-foreground-service -n com.other/.Svc --es session a --es categories logs")
    assert parse_am_start(out(result) + result.stderr.decode()).error == "Error: Not found; no service started."


def test_faults_garbage_oversize_and_disconnect() -> None:
    shell = make_shell(
        {
            "faults": {
                "garbage_on_command": "dumpsys battery",
                "oversize_on_command": ["logcat"],
                "disconnect_on_command": "reboot",
                "oversize_bytes": 1_000_000,
            }
        }
    )
    garbage = b"".join(shell.run_line("dumpsys battery").stdout)
    assert len(garbage) == 64 * 1024 and b"Current Battery Service state" not in garbage
    assert sum(len(chunk) for chunk in shell.run_line("logcat -d").stdout) >= 1_000_000
    assert shell.run_line("reboot").disconnect
