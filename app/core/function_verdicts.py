"""A verdict per diagnostic function, with its reason in both languages and the readings behind it.

The rules are the after-sales guide's, their thresholds from reference data
(`DiagnosticRules`) so the upstream can change them:

* display: N consecutive abnormal touch detections (3 by default) qualify for
  a screen replacement; dead pixels or a failed brightness control are faults;
* network: per SIM slot, no SIM detected, or no service / a signal level below
  the minimum ("no signal");
* bluetooth: the switch test failed;
* camera: a camera failed to start, or to focus;
* storage: nearly full (used share at or above the threshold), or the chip's
  health below its minimum;
* software: security patch older than the reference minimum;
* charging: a plug connected while the battery discharges (now or in the
  history), overheating, a bad health, voltage out of range.

Input is the JSON-ready data a collector stored (`app.diagnostics.functions`):
each reading under its name, and `sources` naming where each came from.  A
verdict keeps the readings it rests on with their sources, so a disputed
replacement can be traced back to what the phone said.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.core.battery_verdict import BatteryAdvice, BatteryVerdict
from app.core.localized import LocalizedText as T
from app.core.reference_data import DiagnosticRules


class VerdictStatus(enum.StrEnum):
    OK = "ok"
    FAULT = "fault"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reading a verdict rests on: its name, value and where it came from."""

    name: str
    value: Any
    source: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem (or, for an OK verdict, the reassurance) in both languages, with its readings."""

    code: str
    text: T
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class FunctionVerdict:
    function: str
    status: VerdictStatus
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def reason(self) -> T:
        """All findings joined, as one sentence per language."""
        if not self.findings:
            return T("没有可判断的读数。", "No readings to judge.")
        return T("".join(f.text.zh_CN for f in self.findings), " ".join(f.text.en for f in self.findings))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        return {
            "function": self.function,
            "status": self.status.value,
            "reason": self.reason.as_dict(),
            "findings": [
                {
                    "code": f.code,
                    "text": f.text.as_dict(),
                    "evidence": [{"name": e.name, "value": e.value, "source": e.source} for e in f.evidence],
                }
                for f in self.findings
            ],
        }


def verdict_from_json(stored: Mapping[str, Any]) -> FunctionVerdict:
    """A verdict as `FunctionVerdict.to_json` stored it (ValueError/KeyError/TypeError when it is not one)."""
    findings = tuple(
        Finding(
            str(f["code"]),
            T(**f["text"]),
            tuple(Evidence(str(e["name"]), e.get("value"), str(e.get("source", "unknown"))) for e in f["evidence"]),
        )
        for f in stored["findings"]
    )
    return FunctionVerdict(str(stored["function"]), VerdictStatus(stored["status"]), findings)


_NO_DATA = Finding("no_data", T("没有读到数据。", "Nothing could be read."))


def _evidence(data: Mapping[str, Any], *names: str) -> tuple[Evidence, ...]:
    sources = data.get("sources") or {}
    return tuple(
        Evidence(name, data.get(name), str(sources.get(name, "unknown")))
        for name in names
        if data.get(name) is not None
    )


def _verdict(function: str, problems: list[Finding], fine: Finding | None) -> FunctionVerdict:
    if problems:
        return FunctionVerdict(function, VerdictStatus.FAULT, tuple(problems))
    if fine is None:
        return FunctionVerdict(function, VerdictStatus.UNKNOWN, (_NO_DATA,))
    return FunctionVerdict(function, VerdictStatus.OK, (fine,))


# --- display ------------------------------------------------------------------------------------


def longest_abnormal_run(detections: list[str]) -> int:
    longest = current = 0
    for detection in detections:
        current = current + 1 if detection == "abnormal" else 0
        longest = max(longest, current)
    return longest


def display_verdict(data: Mapping[str, Any], rules: DiagnosticRules) -> FunctionVerdict:
    detections = list(data.get("touch_detections") or [])
    problems: list[Finding] = []
    run = longest_abnormal_run(detections)
    if run >= rules.touch_abnormal_in_a_row:
        problems.append(
            Finding(
                "touch_failure",
                T(
                    f"触摸检测连续 {run} 次异常（达到 {rules.touch_abnormal_in_a_row} 次），符合更换屏幕条件。",
                    f"Touch detection abnormal {run} times in a row (the rule is {rules.touch_abnormal_in_a_row}): "
                    "qualifies for a screen replacement.",
                ),
                _evidence(data, "touch_detections"),
            )
        )
    if (data.get("dead_pixels") or 0) > 0:
        pixels = data["dead_pixels"]
        problems.append(
            Finding(
                "dead_pixels",
                T(f"发现 {pixels} 个坏点。", f"{pixels} dead pixels found."),
                _evidence(data, "dead_pixels"),
            )
        )
    if data.get("brightness_control") == "failed":
        problems.append(
            Finding(
                "brightness_failed",
                T("亮度调节失败。", "Brightness control failed."),
                _evidence(data, "brightness_control"),
            )
        )
    fine = None
    if detections or data.get("dead_pixels") is not None or data.get("brightness_control") is not None:
        fine = Finding(
            "display_ok",
            T(
                f"触摸检测 {len(detections)} 次，未达到连续异常条件；屏幕正常。",
                f"{len(detections)} touch detections, no run of abnormal ones: the screen works.",
            ),
            _evidence(data, "touch_detections", "dead_pixels", "brightness_control"),
        )
    return _verdict("display", problems, fine)


# --- network ------------------------------------------------------------------------------------

_SERVICE_WORDS = {
    "out_of_service": T("无服务", "out of service"),
    "emergency_only": T("仅限紧急呼叫", "emergency calls only"),
    "power_off": T("射频关闭", "radio off"),
    "unknown": T("状态未知", "state unknown"),
}


def network_verdict(data: Mapping[str, Any], rules: DiagnosticRules) -> FunctionVerdict:
    slots = list(data.get("slots") or [])
    source = str((data.get("sources") or {}).get("slots", "unknown"))
    problems: list[Finding] = []
    for slot in slots:
        problems.extend(_slot_problems(slot, source, rules))
    fine = None
    if slots:
        fine = Finding(
            "network_ok",
            T(f"{len(slots)} 个卡槽有 SIM 卡且有信号。", f"SIM present and signal in {len(slots)} slot(s)."),
            tuple(Evidence(f"slot{s.get('slot')}", s, source) for s in slots),
        )
    return _verdict("network", problems, fine)


def _slot_problems(slot: Mapping[str, Any], source: str, rules: DiagnosticRules) -> list[Finding]:
    number = int(slot.get("slot", 0)) + 1
    evidence = (Evidence(f"slot{number - 1}", dict(slot), source),)
    if slot.get("sim_state") == "absent":
        return [
            Finding("no_sim", T(f"卡槽 {number} 未检测到 SIM 卡。", f"No SIM detected in slot {number}."), evidence)
        ]
    state, level = slot.get("service_state"), slot.get("signal_level")
    if state not in (None, "in_service") or (level is not None and level < rules.signal_level_min):
        words = _SERVICE_WORDS.get(str(state), T("信号弱", "weak signal"))
        if state == "in_service":
            words = T(f"信号等级 {level}", f"signal level {level}")
        return [
            Finding(
                "no_signal",
                T(f"卡槽 {number} 无信号（{words.zh_CN}）。", f"No signal in slot {number} ({words.en})."),
                evidence,
            )
        ]
    return []


# --- bluetooth, camera ------------------------------------------------------------------------------


def bluetooth_verdict(data: Mapping[str, Any], rules: DiagnosticRules) -> FunctionVerdict:
    test = data.get("switch_test")
    evidence = _evidence(data, "enabled", "switch_test", "paired_devices", "scan_found")
    if test == "failed":
        return _verdict(
            "bluetooth",
            [Finding("bluetooth_switch_failed", T("蓝牙无法开启。", "Bluetooth could not be switched on."), evidence)],
            None,
        )
    if not evidence:
        return _verdict("bluetooth", [], None)
    found = data.get("scan_found")
    seen_zh = f"，扫描到 {found} 个设备" if found is not None else ""
    seen_en = f", {found} devices found in a scan" if found is not None else ""
    return _verdict(
        "bluetooth",
        [],
        Finding("bluetooth_ok", T(f"蓝牙开关正常{seen_zh}。", f"Bluetooth switches on{seen_en}."), evidence),
    )


_FACING = {"back": T("后置", "back"), "front": T("前置", "front"), "external": T("外接", "external")}


def camera_verdict(data: Mapping[str, Any], rules: DiagnosticRules) -> FunctionVerdict:
    cameras = list(data.get("cameras") or [])
    source = str((data.get("sources") or {}).get("cameras", "unknown"))
    problems = []
    for camera in cameras:
        facing = _FACING.get(str(camera.get("facing")), T("其他", "other"))
        evidence = (Evidence(f"camera{camera.get('id')}", dict(camera), source),)
        if not camera.get("started"):
            problems.append(
                Finding(
                    "camera_start_failed",
                    T(
                        f"{facing.zh_CN}相机（{camera.get('id')}）无法启动。",
                        f"The {facing.en} camera ({camera.get('id')}) failed to start.",
                    ),
                    evidence,
                )
            )
        elif camera.get("focus") == "failed":
            problems.append(
                Finding(
                    "camera_focus_failed",
                    T(
                        f"{facing.zh_CN}相机（{camera.get('id')}）无法对焦。",
                        f"The {facing.en} camera ({camera.get('id')}) does not focus.",
                    ),
                    evidence,
                )
            )
    fine = None
    if cameras:
        fine = Finding(
            "camera_ok",
            T(f"{len(cameras)} 个相机均能启动。", f"All {len(cameras)} cameras start."),
            tuple(Evidence(f"camera{c.get('id')}", dict(c), source) for c in cameras),
        )
    return _verdict("camera", problems, fine)


# --- storage, software ------------------------------------------------------------------------------


def storage_verdict(data: Mapping[str, Any], rules: DiagnosticRules) -> FunctionVerdict:
    used = data.get("used_percent")
    evidence = _evidence(data, "total_bytes", "free_bytes", "used_percent", "chip_health_percent")
    problems = []
    if used is not None and used >= rules.storage_nearly_full_percent:
        problems.append(
            Finding(
                "storage_nearly_full",
                T(
                    f"存储空间已用 {used:.0f}%（达到 {rules.storage_nearly_full_percent}%），接近已满。",
                    f"Storage {used:.0f}% used (the limit is {rules.storage_nearly_full_percent}%): nearly full.",
                ),
                evidence,
            )
        )
    chip = data.get("chip_health_percent")
    if chip is not None and chip < rules.storage_chip_health_min_percent:
        problems.append(
            Finding(
                "storage_chip_worn",
                T(
                    f"存储芯片健康度 {chip}%，低于 {rules.storage_chip_health_min_percent}%。",
                    f"Storage chip health {chip}%, below {rules.storage_chip_health_min_percent}%.",
                ),
                evidence,
            )
        )
    fine = None
    if used is not None:
        free_gb = (data.get("free_bytes") or 0) / 1e9
        fine = Finding(
            "storage_ok",
            T(
                f"存储空间已用 {used:.0f}%，剩余 {free_gb:.1f} GB。",
                f"Storage {used:.0f}% used, {free_gb:.1f} GB free.",
            ),
            evidence,
        )
    return _verdict("storage", problems, fine)


def _patch_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def software_verdict(data: Mapping[str, Any], rules: DiagnosticRules) -> FunctionVerdict:
    patch = _patch_date(data.get("security_patch"))
    evidence = _evidence(data, "security_patch", "android_release", "fingerprint")
    minimum = rules.security_patch_min.isoformat()
    if patch is None:
        return _verdict("software", [], None)
    if patch < rules.security_patch_min:
        problem = Finding(
            "security_patch_old",
            T(
                f"安全补丁 {patch.isoformat()} 早于要求的 {minimum}，建议升级系统。",
                f"Security patch {patch.isoformat()} is older than the required {minimum}: update the system.",
            ),
            evidence,
        )
        return _verdict("software", [problem], None)
    release = data.get("android_release") or "?"
    return _verdict(
        "software",
        [],
        Finding(
            "software_ok",
            T(
                f"Android {release}，安全补丁 {patch.isoformat()}，不早于 {minimum}。",
                f"Android {release}, security patch {patch.isoformat()}, not older than {minimum}.",
            ),
            evidence,
        ),
    )


# --- charging -------------------------------------------------------------------------------------------


def charging_verdict(data: Mapping[str, Any], rules: DiagnosticRules) -> FunctionVerdict:
    evidence = _evidence(
        data, "status", "ac_powered", "usb_powered", "wireless_powered", "temperature_c", "voltage_mv", "health"
    )
    plugged = any(data.get(k) for k in ("ac_powered", "usb_powered", "wireless_powered"))
    problems = []
    if plugged and data.get("status") == "discharging":
        problems.append(
            Finding(
                "plugged_not_charging",
                T("已接充电器，电池却在放电。", "A charger is connected but the battery is discharging."),
                evidence,
            )
        )
    if data.get("health") in ("overheat", "over_voltage", "failure", "dead"):
        problems.append(
            Finding(
                "battery_health_bad",
                T(f"电池状态异常（{data['health']}）。", f"Battery health reported as {data['health']}."),
                evidence,
            )
        )
    temperature = data.get("temperature_c")
    if temperature is not None and temperature > rules.charging_max_temperature_c:
        problems.append(
            Finding(
                "charging_hot",
                T(
                    f"电池温度 {temperature:.1f}°C，高于 {rules.charging_max_temperature_c}°C。",
                    f"Battery at {temperature:.1f}°C, above {rules.charging_max_temperature_c}°C.",
                ),
                evidence,
            )
        )
    voltage = data.get("voltage_mv")
    if voltage is not None and not rules.charging_voltage_min_mv <= voltage <= rules.charging_voltage_max_mv:
        problems.append(
            Finding(
                "voltage_out_of_range",
                T(f"电池电压 {voltage} mV 超出正常范围。", f"Battery voltage {voltage} mV is out of range."),
                evidence,
            )
        )
    problems.extend(_history_problems(data, rules))
    fine = None
    if data.get("status") is not None:
        fine = Finding(
            "charging_ok", T("充电状态正常。", "Charging works normally."), evidence + _evidence(data, "history")
        )
    return _verdict("charging", problems, fine)


def _history_problems(data: Mapping[str, Any], rules: DiagnosticRules) -> list[Finding]:
    history = data.get("history")
    if not isinstance(history, Mapping):
        return []
    evidence = _evidence(data, "history")
    problems = []
    if history.get("discharging_while_plugged"):
        count = history["discharging_while_plugged"]
        problems.append(
            Finding(
                "history_plugged_not_charging",
                T(
                    f"充电记录中有 {count} 次接着充电器却在放电。",
                    f"The charge history shows {count} records discharging with a charger connected.",
                ),
                evidence,
            )
        )
    hottest = history.get("max_temperature_c")
    if hottest is not None and hottest > rules.charging_max_temperature_c:
        problems.append(
            Finding(
                "history_hot",
                T(f"充电记录中电池最高 {hottest:.1f}°C。", f"The charge history shows the battery at {hottest:.1f}°C."),
                evidence,
            )
        )
    return problems


VERDICTS: dict[str, Callable[[Mapping[str, Any], DiagnosticRules], FunctionVerdict]] = {
    "display": display_verdict,
    "network": network_verdict,
    "bluetooth": bluetooth_verdict,
    "camera": camera_verdict,
    "storage": storage_verdict,
    "software": software_verdict,
    "charging": charging_verdict,
}


def function_verdict(function: str, data: Mapping[str, Any], rules: DiagnosticRules) -> FunctionVerdict | None:
    """The verdict of a function that has rules here; None for identity, battery (its own rule) and logs."""
    judge = VERDICTS.get(function)
    return None if judge is None else judge(data, rules)


def battery_function_verdict(verdict: BatteryVerdict | None) -> FunctionVerdict:
    """The battery rule's verdict (`app.core.battery_verdict`) in the same shape as the others."""
    if verdict is None or verdict.advice is BatteryAdvice.UNKNOWN:
        return FunctionVerdict(
            "battery",
            VerdictStatus.UNKNOWN,
            (_NO_DATA,) if verdict is None else (Finding("battery_unknown", verdict.reason),),
        )
    readings = verdict.readings
    evidence = tuple(
        Evidence(name, reading.value, reading.source.value)
        for name, reading in (
            ("health_percent", readings.health_percent),
            ("cycle_count", readings.cycle_count),
            ("learned_capacity_mah", readings.learned_capacity_mah),
            ("design_capacity_mah", readings.design_capacity_mah),
        )
        if reading is not None
    )
    if verdict.replacement_recommended:
        return FunctionVerdict("battery", VerdictStatus.FAULT, (Finding("battery_worn", verdict.reason, evidence),))
    return FunctionVerdict("battery", VerdictStatus.OK, (Finding("battery_ok", verdict.reason, evidence),))
