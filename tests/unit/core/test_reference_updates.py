"""Pulled reference items: each checked whole, then laid over the shipped files (newest per key wins)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.core.reference_data import ReferenceDataError, default_resources_dir, load_reference_data
from app.core.reference_updates import apply_pulled, check_item
from app.core.retention import RetentionPeriod

BASE = load_reference_data(default_resources_dir())


def test_a_price_change_keeps_the_part_and_a_new_part_needs_all_its_fields() -> None:
    in_force = apply_pulled(
        BASE,
        {
            "price_list": [
                {"key": "BAT-X1", "price": "149.00"},
                {"key": "BAT-X1", "price": "139.00"},  # newer: wins
                {
                    "key": "LCD-X1",
                    "price": "899.00",
                    "kind": "part",
                    "name_en": "LCD",
                    "name_zh_CN": "屏",
                    "models": "RC-X1",
                },
            ]
        },
    )
    battery = in_force.data.price_list.item("BAT-X1")
    assert (battery.price, battery.models, battery.name.en) == (Decimal("139.00"), ("RC-X1",), "Battery")
    assert in_force.data.price_list.item("LCD-X1").fits("RC-X1") and not in_force.data.price_list.item("LCD-X1").fits(
        "RC-A5"
    )
    assert in_force.version == "2026-11-01+2"


@pytest.mark.parametrize(
    ("kind", "item", "reason"),
    [
        ("price_list", {"key": "BAT-X1", "price": 149}, "non-empty string"),
        ("price_list", {"key": "BAT-X1", "price": "1.999"}, "at most 2 decimals"),
        ("price_list", {"key": "NEW", "price": "1.00"}, "a new part needs kind, name_en, name_zh_CN"),
        ("price_list", {"key": "BAT-X1", "price": "1.00", "name_en": "Battery"}, "both languages"),
        ("diagtool", {"key": "min_version", "min_version_code": "x", "min_version_name": "3.2"}, "whole number"),
        ("diagtool", {"key": "max_version", "min_version_code": 1, "min_version_name": "3.2"}, "min_version"),
        ("retention", {"key": "XX/diagnostic_logs", "days": 3}, "unknown region"),
        ("retention", {"key": "CN/no_such_rule", "days": 3}, "no_such_rule"),
        ("retention", {"key": "CN/diagnostic_logs", "days": 3, "weeks": 1}, "unknown fields"),
        ("holidays", {"key": "CN/2026-13-01"}, "date like"),
        ("holidays", {"key": "CN/2026-10-01", "hours": "9 to 5"}, "09:00-18:00"),
        ("price_list", ["not", "an", "object"], "must be an object"),
    ],
)
def test_an_item_that_does_not_hold_is_refused_naming_why(kind: str, item: object, reason: str) -> None:
    with pytest.raises(ReferenceDataError, match=reason):
        check_item(kind, item, BASE)


def test_tool_minimum_periods_warranty_and_holidays_apply() -> None:
    in_force = apply_pulled(
        BASE,
        {
            "diagtool": [{"key": "min_version", "min_version_code": 320, "min_version_name": "3.2.0"}],
            "retention": [{"key": "CN/diagnostic_logs", "days": "14"}, {"key": "CN/warranty", "months": "36"}],
            "holidays": [{"key": "CN/2026-10-01"}, {"key": "CN/2026-09-27", "hours": "09:00-18:00"}],
        },
    )
    assert in_force.data.diagnostic_tool.min_version_code == 320
    assert in_force.data.diagnostic_tool.package == BASE.diagnostic_tool.package
    china = in_force.data.regions.get("CN")
    assert china.warranty_months == 36
    assert china.retention_policy().rule("diagnostic_logs").period == RetentionPeriod(days=14)
    assert in_force.holidays_for("cn")[date(2026, 10, 1)] == ()
    assert len(in_force.holidays_for("CN")[date(2026, 9, 27)]) == 1


def test_an_item_kept_before_it_was_checked_is_skipped_not_fatal() -> None:
    in_force = apply_pulled(BASE, {"price_list": [{"key": "BAT-X1", "price": 5}]})
    assert in_force.data.price_list.item("BAT-X1").price == Decimal("199.00")
