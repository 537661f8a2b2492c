"""The Diagnostic Tool's result files: the shipped profiles' results pass, hostile ones are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.device.parsers import OutputParseError
from app.device.parsers.tool_results import load_result_json, parse_battery_record_result, parse_device_info_result
from app.device.simulator.profile import load_profile

HANDSETS = Path(__file__).resolve().parents[3] / "resources" / "handsets"
WITH_TOOL = sorted(p.parent.name for p in HANDSETS.glob("*/profile.toml") if load_profile(p.parent).diagtool)


@pytest.mark.parametrize("name", WITH_TOOL)
def test_shipped_results_pass_the_checks(name: str) -> None:
    tool = load_profile(HANDSETS / name).diagtool
    assert tool is not None
    info = parse_device_info_result(tool.results["device_info"])
    assert info.imeis and info.serial == load_profile(HANDSETS / name).device.serial
    battery = parse_battery_record_result(tool.results["battery_record"])
    assert 0 < battery.full_charge_capacity_mah <= battery.design_capacity_mah


GOOD_INFO = {"imei": ["868915051234565"], "serial": "9c1d3a7f", "model": "IN2010", "software_version": "IN2010_13.1"}


@pytest.mark.parametrize(
    "change",
    [
        {"imei": ["868915051234566"]},  # wrong check digit
        {"imei": []},
        {"imei": "868915051234565"},
        {"serial": "x" * 500},
        {"model": "IN2010\u0000"},
        {"software_version": 7},
    ],
)
def test_device_info_that_does_not_check_out_is_refused(change: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(OutputParseError):
        parse_device_info_result(json.dumps({**GOOD_INFO, **change}).encode())


@pytest.mark.parametrize(
    "raw",
    [
        b'{"health_percent": 101, "cycle_count": 1, "design_capacity_mah": 4000, "full_charge_capacity_mah": 3000}',
        b'{"health_percent": true, "cycle_count": 1, "design_capacity_mah": 4000, "full_charge_capacity_mah": 3000}',
        b'{"health_percent": 90, "cycle_count": 1, "design_capacity_mah": 4000, "full_charge_capacity_mah": 9000}',
        b'{"health_percent": NaN, "cycle_count": 1, "design_capacity_mah": 4000, "full_charge_capacity_mah": 3000}',
        b'{"health_percent": 90, "health_percent": 10, "cycle_count": 1, "design_capacity_mah": 1,'
        b' "full_charge_capacity_mah": 1}',
        b"[1, 2]",
        b"\xff\xfe",
        b"[" * 100_000,
        b" " * (3 * 1024 * 1024),
    ],
)
def test_battery_records_that_do_not_check_out_are_refused(raw: bytes) -> None:
    with pytest.raises(OutputParseError):
        parse_battery_record_result(raw)


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=300)
    | st.recursive(
        st.none() | st.integers() | st.text(max_size=5),
        lambda c: st.lists(c) | st.dictionaries(st.text(max_size=5), c),
        max_leaves=20,
    ).map(lambda v: json.dumps(v).encode())
)
def test_any_file_gives_a_result_or_a_parse_error(data: bytes) -> None:
    for parse in (load_result_json, parse_device_info_result, parse_battery_record_result):
        try:
            parse(data)
        except OutputParseError:
            pass
