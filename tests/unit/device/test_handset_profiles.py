"""The shipped handset profiles load, say what the issue asks, and their captures parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.identifiers import parse_imei
from app.device.parsers.battery_parser import parse_dumpsys_battery
from app.device.parsers.getprop_parser import build_info, parse_getprop
from app.device.parsers.imei_parser import imei_from_parcel
from app.device.simulator.profile import ProfileError, load_profile, profile_from_mapping

HANDSETS = Path(__file__).resolve().parents[3] / "resources" / "handsets"
PROFILES = sorted(p.parent.name for p in HANDSETS.glob("*/profile.toml"))
WITH_TOOL = [name for name in PROFILES if load_profile(HANDSETS / name).diagtool is not None]
TOOL = "com.repaircounter.diagtool"


def test_at_least_the_five_kinds_of_phone_ship() -> None:
    profiles = [load_profile(HANDSETS / name) for name in PROFILES]
    tools = [p.diagtool for p in profiles]
    assert len(profiles) >= 5
    assert any(t and t.version_code >= 300 and t.package == TOOL and t.service == ".DiagnosticService" for t in tools)
    assert any(t and t.version_code < 300 for t in tools)
    assert any(t is None and p.device.brand == "OnePlus" for p, t in zip(profiles, tools, strict=False))
    assert any(p.auth == "deny" for p in profiles)
    assert any(
        b"Charging policy" in p.shell["dumpsys battery"].output for p in profiles if "dumpsys battery" in p.shell
    )


@pytest.mark.parametrize("name", WITH_TOOL)
def test_tool_results_carry_the_contract_fields(name: str) -> None:
    profile = load_profile(HANDSETS / name)
    assert profile.diagtool is not None
    info = json.loads(profile.diagtool.results["device_info"])
    assert {"imei", "serial", "model", "software_version"} <= info.keys()
    assert [str(parse_imei(i)) for i in info["imei"]] == info["imei"]
    assert info["serial"] == profile.device.serial and info["model"] == profile.device.model
    battery = json.loads(profile.diagtool.results["battery_record"])
    assert {"health_percent", "cycle_count", "design_capacity_mah", "full_charge_capacity_mah"} <= battery.keys()
    assert 0 < battery["full_charge_capacity_mah"] <= battery["design_capacity_mah"]


@pytest.mark.parametrize("name", PROFILES)
def test_captures_parse_and_agree_with_the_device_section(name: str) -> None:
    profile = load_profile(HANDSETS / name)
    if "getprop" in profile.shell:
        info = build_info(parse_getprop(profile.shell["getprop"].output.decode()))
        assert (info.serial, info.model) == (profile.device.serial, profile.device.model)
    if "dumpsys battery" in profile.shell:
        assert parse_dumpsys_battery(profile.shell["dumpsys battery"].output.decode()).level is not None
    for command, answer in profile.shell.items():
        if command.startswith("service call iphonesubinfo"):
            assert imei_from_parcel(answer.output.decode()) is not None


def test_profile_errors_are_typed(tmp_path: Path) -> None:
    with pytest.raises(ProfileError):
        load_profile(tmp_path)
    base = {"device": {"serial": "S1", "model": "M"}}
    with pytest.raises(ProfileError, match="auth"):
        profile_from_mapping({**base, "adb": {"auth": "maybe"}}, tmp_path, "x")
    with pytest.raises(ProfileError, match="features"):
        profile_from_mapping({**base, "adb": {"features": ["abb_exec"]}}, tmp_path, "x")
    with pytest.raises(ProfileError, match="outside"):
        profile_from_mapping({**base, "shell": {"id": {"file": "../../etc/passwd"}}}, tmp_path / "p", "x")
    with pytest.raises(ProfileError):
        profile_from_mapping({"device": {"serial": "S 1; rm", "model": "M"}}, tmp_path, "x")


def test_the_readme_example_is_a_valid_profile(tmp_path: Path) -> None:
    import re
    import tomllib

    readme = (HANDSETS / "README.md").read_text("utf-8")
    example = tomllib.loads(re.search(r"```toml\n(.*?)```", readme, re.S).group(1))  # type: ignore[union-attr]
    for name in (
        "results/device_info.json",
        "getprop.txt",
        "dumpsys_battery.txt",
        "iphonesubinfo_slot1.txt",
        "logcat.txt",
        "photo.jpg",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("capture")
    profile = profile_from_mapping(example, tmp_path, "readme")
    assert profile.auth == "none" and profile.diagtool is not None and profile.faults.oversize_on_command == ("logcat",)
    documented = set(re.findall(r"^\| `([a-z0-9\-]+)` \|", readme, re.M))
    assert documented == set(PROFILES)
