"""The battery rule (issue 4 item 7)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.battery_verdict import (
    BatteryAdvice,
    BatteryReadings,
    Reading,
    ReadingSource,
    battery_verdict,
)

TOOL = ReadingSource.DIAGNOSTIC_TOOL
DUMPSYS = ReadingSource.DUMPSYS_BATTERY


def test_below_80_within_warranty_is_a_free_replacement() -> None:
    readings = BatteryReadings(health_percent=Reading(76, TOOL), cycle_count=Reading(812, TOOL))
    verdict = battery_verdict(readings, in_warranty=True)
    assert verdict.advice is BatteryAdvice.FREE_REPLACEMENT and verdict.replacement_recommended
    assert verdict.health_percent == 76 and verdict.health_basis == "health_percent:diagnostic_tool"
    assert "free battery replacement" in verdict.reason.en and "812 charge cycles" in verdict.reason.en
    assert "免费更换" in verdict.reason.zh_CN


def test_below_80_out_of_warranty_is_paid() -> None:
    verdict = battery_verdict(BatteryReadings(health_percent=Reading(60, TOOL)), in_warranty=False)
    assert verdict.advice is BatteryAdvice.PAID_REPLACEMENT and "付费" in verdict.reason.zh_CN


def test_exactly_80_is_healthy() -> None:
    verdict = battery_verdict(BatteryReadings(health_percent=Reading(80, DUMPSYS)), in_warranty=True)
    assert verdict.advice is BatteryAdvice.HEALTHY and not verdict.replacement_recommended


def test_capacity_is_used_when_there_is_no_percentage_and_its_sources_are_kept() -> None:
    readings = BatteryReadings(
        learned_capacity_mah=Reading(3_900, ReadingSource.BATTERYSTATS),
        design_capacity_mah=Reading(5_000, ReadingSource.TYPED),
    )
    verdict = battery_verdict(readings, in_warranty=True)
    assert verdict.health_percent == 78.0
    assert "Battery health 78%" in verdict.reason.en
    assert verdict.health_basis == "capacity:batterystats/typed"
    assert verdict.advice is BatteryAdvice.FREE_REPLACEMENT
    assert verdict.readings is readings


def test_percentage_wins_over_capacity() -> None:
    readings = BatteryReadings(
        health_percent=Reading(90, TOOL),
        learned_capacity_mah=Reading(3_000, ReadingSource.BATTERYSTATS),
        design_capacity_mah=Reading(5_000, TOOL),
    )
    assert battery_verdict(readings, in_warranty=True).advice is BatteryAdvice.HEALTHY


def test_cycles_alone_are_not_enough() -> None:
    readings = BatteryReadings(
        cycle_count=Reading(1_500, ReadingSource.CYCLE_COUNT_BROADCAST),
        design_capacity_mah=Reading(0, TOOL),
        learned_capacity_mah=Reading(10, TOOL),
    )
    verdict = battery_verdict(readings, in_warranty=True)
    assert verdict.advice is BatteryAdvice.UNKNOWN and verdict.health_basis is None
    assert "1500 charge cycles" in verdict.reason.en


@pytest.mark.parametrize("value", [-1, math.nan, math.inf, True])
def test_nonsense_readings_are_refused(value: float) -> None:
    with pytest.raises(ValueError):
        Reading(value, TOOL)


def test_source_given_as_text_becomes_the_enum_and_unknown_text_is_refused() -> None:
    assert Reading(5, "dumpsys_battery").source is DUMPSYS  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Reading(5, "guess")  # type: ignore[arg-type]


def test_threshold_is_settable_within_reason() -> None:
    readings = BatteryReadings(health_percent=Reading(84, TOOL))
    assert battery_verdict(readings, in_warranty=True, threshold_percent=85).advice is BatteryAdvice.FREE_REPLACEMENT
    with pytest.raises(ValueError):
        battery_verdict(readings, in_warranty=True, threshold_percent=0)


@given(st.floats(min_value=0, max_value=120), st.booleans())
def test_the_rule_for_any_health(health: float, in_warranty: bool) -> None:
    verdict = battery_verdict(BatteryReadings(health_percent=Reading(health, TOOL)), in_warranty=in_warranty)
    shown = verdict.reason.en.split("Battery health ")[1].split("%")[0]
    assert float(shown) <= health
    if health >= 80:
        assert verdict.advice is BatteryAdvice.HEALTHY
    else:
        assert verdict.advice is (BatteryAdvice.FREE_REPLACEMENT if in_warranty else BatteryAdvice.PAID_REPLACEMENT)
