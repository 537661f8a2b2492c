"""What a diagnostics run found, as one object for the GUI and as the command line's JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.battery_verdict import BatteryVerdict
from app.core.function_verdicts import FunctionVerdict
from app.core.localized import LocalizedText as T

#: Shown after every run that reached the phone (docs/ARCHITECTURE.md section 7, clean-up).
REVOKE_USB_DEBUGGING = T(
    "请在手机的“设置 > 开发者选项”中点按“撤销 USB 调试授权”，并关闭 USB 调试。",
    'On the phone, open Settings > Developer options, tap "Revoke USB debugging authorisations" '
    "and turn USB debugging off.",
)
IDENTITY_FIELDS = ("imei", "model", "brand", "manufacturer", "serial", "android_release", "sdk", "build", "rom_version")
BATTERY_FIELDS = ("level", "status", "health", "health_percent", "cycle_count", "temperature_c", "voltage_mv", "source")


@dataclass
class ToolReport:
    package: str
    installed_version: int | None = None
    required_version: int | None = None
    updated: bool = False
    #: The tool's results were used (False: shell fallbacks only).
    used: bool = False


@dataclass
class RunReport:
    """Status values: complete, incomplete, declined (update refused), cancelled, withdrawn."""

    run_id: str
    consent_id: str
    ticket: str | None
    functions: tuple[str, ...]
    runnable: tuple[str, ...]
    refused: tuple[str, ...]
    tool: ToolReport
    status: str = "running"
    collected: list[str] = field(default_factory=list)
    function_status: dict[str, str] = field(default_factory=dict)
    identity: dict[str, Any] | None = None
    battery: dict[str, Any] | None = None
    verdict: BatteryVerdict | None = None
    #: Each collected function's verdict with its reason and readings (battery's too, in this shape).
    verdicts: dict[str, FunctionVerdict] = field(default_factory=dict)
    #: What each collected function read (JSON-ready, with `sources`), for the results page and the slip.
    findings: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Likely fault categories, best first, each with the verdicts behind it (`app.core.fault_suggestion`).
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    #: The same phone's earlier runs, oldest first (`app.diagnostics.history`).
    history: list[dict[str, Any]] = field(default_factory=list)
    log_id: str | None = None
    log_lines: int | None = None
    notes: list[T] = field(default_factory=list)
    error: str | None = None
    cleaned_up: bool | None = None

    @property
    def declined(self) -> bool:
        return self.status == "declined"

    @property
    def complete(self) -> bool:
        return (
            self.status == "complete"
            and bool(self.runnable)
            and all(self.function_status.get(f) == "collected" for f in self.runnable)
        )

    @property
    def reached_phone(self) -> bool:
        return self.tool.installed_version is not None or bool(self.collected) or self.cleaned_up is not None

    def to_json(self) -> dict[str, Any]:
        """The fields of issue 4 point 10 (null where there is no data), then the run's details."""
        return {
            "ticket": self.ticket,
            "complete": self.complete,
            "collected": list(self.collected),
            "refused": list(self.refused),
            "tool": {
                "package": self.tool.package,
                "installed_version": self.tool.installed_version,
                "required_version": self.tool.required_version,
                "updated": self.tool.updated,
            },
            "identity": None if self.identity is None else {k: self.identity.get(k) for k in IDENTITY_FIELDS},
            "battery": None if self.battery is None else {k: self.battery.get(k) for k in BATTERY_FIELDS},
            "run_id": self.run_id,
            "status": self.status,
            "diagnostics_declined": self.declined,
            "consent_id": self.consent_id,
            "functions": {f: self.function_status.get(f, "not_run") for f in self.functions},
            "battery_verdict": _verdict_json(self.verdict),
            "verdicts": {f: v.to_json() for f, v in self.verdicts.items()},
            "fault_suggestions": list(self.suggestions),
            "history": list(self.history),
            "logs": None if self.log_id is None else {"id": self.log_id, "lines": self.log_lines},
            "cleaned_up": self.cleaned_up,
            "revoke_usb_debugging": REVOKE_USB_DEBUGGING.as_dict() if self.reached_phone else None,
            "notes": [note.as_dict() for note in self.notes],
            "error": self.error,
        }


def _verdict_json(verdict: BatteryVerdict | None) -> dict[str, Any] | None:
    if verdict is None:
        return None
    return {
        "advice": verdict.advice.value,
        "health_percent": verdict.health_percent,
        "basis": verdict.health_basis,
        "in_warranty": verdict.in_warranty,
        "threshold_percent": verdict.threshold_percent,
        "reason": verdict.reason.as_dict(),
    }
