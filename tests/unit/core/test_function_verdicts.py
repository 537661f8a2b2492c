"""Per-function verdicts, their thresholds from reference data, and the ranked fault suggestion (issue 15)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from app.core.fault_suggestion import suggest_faults
from app.core.function_verdicts import VerdictStatus, function_verdict, longest_abnormal_run
from app.core.reference_data import (
    DiagnosticRules,
    ReferenceDataError,
    default_resources_dir,
    load_reference_data,
    parse_diagnostic_rules,
)

RULES = load_reference_data(default_resources_dir()).diagnostic_rules
TOOL = {"sources": {"touch_detections": "diagnostic_tool"}}


def test_shipped_rules_are_the_guides() -> None:
    assert RULES.touch_abnormal_in_a_row == 3 and RULES.storage_nearly_full_percent == 90
    assert RULES.security_patch_min == date(2024, 1, 1)


@pytest.mark.parametrize(
    ("detections", "status"),
    [
        (["abnormal", "abnormal", "normal", "abnormal", "abnormal"], "ok"),  # 4 abnormal, never 3 in a row
        (["normal", "abnormal", "abnormal", "abnormal"], "fault"),
        ([], "unknown"),
    ],
)
def test_touch_rule_counts_consecutive_abnormal_detections(detections: list[str], status: str) -> None:
    verdict = function_verdict("display", {"touch_detections": detections, **TOOL}, RULES)
    assert verdict is not None and verdict.status.value == status
    if status == "fault":
        assert verdict.codes == ("touch_failure",)
        assert verdict.findings[0].evidence[0].source == "diagnostic_tool"


def test_thresholds_come_from_reference_data() -> None:
    detections = {"touch_detections": ["abnormal"] * 2, **TOOL}
    assert function_verdict("display", detections, RULES).status is VerdictStatus.OK  # type: ignore[union-attr]
    stricter = replace(RULES, touch_abnormal_in_a_row=2, security_patch_min=date(2025, 6, 1))
    assert function_verdict("display", detections, stricter).status is VerdictStatus.FAULT  # type: ignore[union-attr]
    patch = {"security_patch": "2025-03-01", "sources": {"security_patch": "getprop"}}
    assert function_verdict("software", patch, RULES).status is VerdictStatus.OK  # type: ignore[union-attr]
    old = function_verdict("software", patch, stricter)
    assert old is not None and old.codes == ("security_patch_old",)
    assert old.reason.en == "Security patch 2025-03-01 is older than the required 2025-06-01: update the system."
    assert old.reason.zh_CN == "安全补丁 2025-03-01 早于要求的 2025-06-01，建议升级系统。"


def test_rules_file_is_checked_like_other_reference_data() -> None:
    good = json.loads((default_resources_dir() / "reference" / "diagnostic_rules.json").read_text("utf-8"))
    assert parse_diagnostic_rules(good) == RULES
    for broken in (
        {**good, "touch_abnormal_in_a_row": 0},
        {**good, "security_patch_min": "soon"},
        {**good, "charging_voltage_min_mv": 4600},
        {k: v for k, v in good.items() if k != "version"},
    ):
        with pytest.raises(ReferenceDataError):
            parse_diagnostic_rules(broken)


def test_network_verdict_per_slot() -> None:
    data = {
        "slots": [
            {"slot": 0, "sim_state": "ready", "service_state": "in_service", "signal_level": 3},
            {"slot": 1, "sim_state": "absent", "service_state": "out_of_service", "signal_level": 0},
        ],
        "sources": {"slots": "telephony.registry+gsm.sim.state"},
    }
    verdict = function_verdict("network", data, RULES)
    assert verdict is not None and verdict.codes == ("no_sim",)
    assert verdict.reason.en == "No SIM detected in slot 2." and verdict.reason.zh_CN == "卡槽 2 未检测到 SIM 卡。"
    data["slots"][1] = {"slot": 1, "sim_state": "ready", "service_state": "in_service", "signal_level": 0}
    assert function_verdict("network", data, RULES).reason.en == "No signal in slot 2 (signal level 0)."  # type: ignore[union-attr]


def test_storage_camera_charging_verdicts() -> None:
    full = function_verdict("storage", {"used_percent": 95.0, "free_bytes": 5, "total_bytes": 100}, RULES)
    assert full is not None and full.codes == ("storage_nearly_full",)
    camera = function_verdict(
        "camera", {"cameras": [{"id": "1", "facing": "front", "started": False}], "sources": {}}, RULES
    )
    assert camera is not None and camera.reason.en == "The front camera (1) failed to start."
    charging = {
        "status": "discharging",
        "usb_powered": True,
        "temperature_c": 48.0,
        "voltage_mv": 4000,
        "history": {"discharging_while_plugged": 2, "max_temperature_c": 30.0},
        "sources": {"status": "dumpsys_battery", "history": "batterystats --checkin"},
    }
    verdict = function_verdict("charging", charging, RULES)
    assert verdict is not None
    assert verdict.codes == ("plugged_not_charging", "charging_hot", "history_plugged_not_charging")
    assert function_verdict("identity", {}, RULES) is None


def test_garbage_data_gives_unknown_not_an_exception() -> None:
    for function in ("display", "network", "bluetooth", "camera", "storage", "software", "charging"):
        verdict = function_verdict(function, {}, RULES)
        assert verdict is not None and verdict.status is VerdictStatus.UNKNOWN
    assert function_verdict("software", {"security_patch": "not a date"}, RULES).status is VerdictStatus.UNKNOWN  # type: ignore[union-attr]


def test_longest_abnormal_run() -> None:
    assert longest_abnormal_run(["abnormal", "normal", "abnormal", "abnormal"]) == 2
    assert longest_abnormal_run([]) == 0


def test_faults_are_ranked_with_the_findings_behind_them() -> None:
    display = function_verdict("display", {"touch_detections": ["abnormal"] * 3, **TOOL}, RULES)
    storage = function_verdict("storage", {"used_percent": 97.0}, RULES)
    software = function_verdict("software", {"security_patch": "2020-01-01"}, RULES)
    ok_camera = function_verdict("camera", {"cameras": [{"id": "0", "facing": "back", "started": True}]}, RULES)
    suggestions = suggest_faults([display, storage, software, ok_camera])  # type: ignore[list-item]
    assert [(s.fault, s.score) for s in suggestions] == [("screen", 3), ("storage_full", 3), ("crash_freeze", 2)]
    crash = suggestions[2].to_json()
    assert [b["code"] for b in crash["because"]] == ["storage_nearly_full", "security_patch_old"]
    assert crash["label"]["en"] == "Crashes, restarts, freezes"
    assert suggest_faults([ok_camera]) == []  # type: ignore[list-item]


def test_default_rules_stand_without_the_file() -> None:
    assert DiagnosticRules().touch_abnormal_in_a_row == 3
