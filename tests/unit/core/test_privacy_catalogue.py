"""The privacy catalogue of docs/ARCHITECTURE.md section 8 (issue 4 item 1)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.privacy_catalogue import (
    CATEGORIES,
    FAULTS,
    FUNCTIONS,
    UnknownIdentifier,
    categories_for,
    check_categories,
    check_functions,
    functions_for_fault,
    functions_for_faults,
    parse_identifier_list,
    refused_categories,
    runnable_functions,
)
from app.core.retention import DEFAULT_RULES

# Copied by hand from docs/ARCHITECTURE.md section 8, so a rename in code fails here.
DOCUMENTED_CATEGORIES = (
    "device_info base_station_id app_version app_usage app_installs reboot_time software_info "
    "software_operation software_fault ssid bssid wifi_list bluetooth_record network_record "
    "battery_record location photo_record camera_startup logs"
).split()
DOCUMENTED_FUNCTIONS = "identity battery charging display network bluetooth camera logs storage software".split()
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_design_category_is_catalogued_in_order() -> None:
    assert tuple(CATEGORIES) == tuple(DOCUMENTED_CATEGORIES)


def test_every_design_function_is_catalogued() -> None:
    assert tuple(FUNCTIONS) == tuple(DOCUMENTED_FUNCTIONS)


@pytest.mark.parametrize("identifier", DOCUMENTED_CATEGORIES)
def test_each_category_is_explained_in_both_languages(identifier: str) -> None:
    category = CATEGORIES[identifier]
    for text in (category.label, category.description, category.purpose):
        assert CJK.search(text.zh_CN), f"{identifier}: zh_CN text has no Chinese"
        assert not CJK.search(text.en) and re.search("[A-Za-z]{3}", text.en)
    assert category.retention_rule in DEFAULT_RULES


@pytest.mark.parametrize(
    ("function", "categories"),
    [("identity", ("device_info",)), ("battery", ("battery_record",)), ("logs", ("software_fault", "logs"))],
)
def test_the_functions_the_design_fixes(function: str, categories: tuple[str, ...]) -> None:
    assert set(FUNCTIONS[function].categories) == set(categories)


def test_every_function_needs_only_known_categories_and_something() -> None:
    for function in FUNCTIONS.values():
        assert function.categories and set(function.categories) <= set(CATEGORIES)
        assert CJK.search(function.label.zh_CN) and CJK.search(function.description.zh_CN)


def test_no_function_asks_for_location() -> None:
    assert all("location" not in f.categories for f in FUNCTIONS.values())


def test_every_fault_suggests_identity_first_and_known_functions() -> None:
    assert {
        "battery_drain",
        "no_charge",
        "screen",
        "no_signal",
        "wifi_bluetooth",
        "camera",
        "crash_freeze",
        "storage_full",
        "other",
    } <= set(FAULTS)
    for fault in FAULTS.values():
        assert fault.suggested_functions[0] == "identity"
        assert set(fault.suggested_functions) <= set(FUNCTIONS)
        assert CJK.search(fault.label.zh_CN) and fault.label.en


def test_categories_for_a_battery_complaint() -> None:
    assert categories_for(functions_for_fault("no_charge")) == ("device_info", "battery_record")


def test_refused_and_runnable_under_partial_consent() -> None:
    functions = ("identity", "logs", "battery")
    consent = ("device_info", "logs", "battery_record")
    assert refused_categories(functions, consent) == ("software_fault",)
    assert runnable_functions(functions, consent) == ("identity", "battery")


def test_several_faults_union_in_run_order() -> None:
    assert functions_for_faults(["crash_freeze", "no_charge"]) == (
        "identity",
        "battery",
        "charging",
        "logs",
        "software",
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda: check_categories(["device_info", "contacts"]),
        lambda: check_functions(["identity", "root"]),
        lambda: functions_for_fault("broken_heart"),
        lambda: refused_categories(["identity"], ["sms"]),
    ],
)
def test_unknown_identifiers_are_refused(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownIdentifier) as caught:
        call()
    assert isinstance(caught.value, ValueError)


def test_parse_identifier_list() -> None:
    assert parse_identifier_list(" Identity, battery,,logs ") == ("identity", "battery", "logs")
    with pytest.raises(ValueError):
        parse_identifier_list("a," * 2_000)


FUNCTION_SETS = st.lists(st.sampled_from(DOCUMENTED_FUNCTIONS), max_size=12)
CONSENTS = st.lists(st.sampled_from(DOCUMENTED_CATEGORIES), max_size=25)


@given(FUNCTION_SETS, CONSENTS)
def test_consent_arithmetic(functions: list[str], consent: list[str]) -> None:
    needed = set(categories_for(functions))
    refused = set(refused_categories(functions, consent))
    runnable = runnable_functions(functions, consent)
    assert refused == needed - set(consent)
    assert set(runnable) <= set(functions)
    # What may run never reads a category outside the consent...
    assert set(categories_for(runnable)) <= set(consent)
    # ...and nothing is held back that the consent covers.
    assert all(f in runnable for f in functions if set(FUNCTIONS[f].categories) <= set(consent))
    assert not refused or len(runnable) < len(set(functions))


def test_describe_collection_for_the_slip_uses_the_region_policy() -> None:
    from app.core.privacy_catalogue import describe_collection
    from app.core.retention import DEFAULT_POLICY, RetentionPeriod

    items = describe_collection(["logs", "device_info", "logs"])
    assert [i.category for i in items] == ["device_info", "logs"]
    assert items[1].kept.en == "30 days from collection" and items[1].kept.zh_CN == "采集后30天"
    assert "end of life" in items[0].kept.en and items[0].purpose.en.startswith("To identify")
    eu = DEFAULT_POLICY.with_periods("EU", {"diagnostic_logs": RetentionPeriod(days=14)})
    assert describe_collection(["logs"], eu)[0].kept.en == "14 days from collection"
    with pytest.raises(UnknownIdentifier):
        describe_collection(["contacts"])
