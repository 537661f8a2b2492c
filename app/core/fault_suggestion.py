"""Which fault categories the readings point to, ranked, each with the findings behind it.

Explainable rules, not a model: every finding code of `app.core.function_verdicts`
that means something is wrong points to one or more intake fault categories
(`app.core.privacy_catalogue.FAULTS`) with a weight saying how strongly (3: the
finding is the fault itself, such as a touch failure for `screen`; 1: it is a
hint, such as an old security patch for `crash_freeze`).  A category's score is
the sum of the weights of the findings pointing to it; the list is sorted by
score, then by the catalogue's order.  Nothing is suggested without a finding,
and the technician decides: the intake's fault category is set to the top one
only when they accept it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.core.function_verdicts import Finding, FunctionVerdict, VerdictStatus
from app.core.localized import LocalizedText as T
from app.core.privacy_catalogue import FAULTS

#: finding code -> ((fault category, weight), ...)
RULES: dict[str, tuple[tuple[str, int], ...]] = {
    "touch_failure": (("screen", 3),),
    "dead_pixels": (("screen", 3),),
    "brightness_failed": (("screen", 2),),
    "no_sim": (("no_signal", 2),),
    "no_signal": (("no_signal", 3),),
    "bluetooth_switch_failed": (("wifi_bluetooth", 3),),
    "camera_start_failed": (("camera", 3),),
    "camera_focus_failed": (("camera", 2),),
    "storage_nearly_full": (("storage_full", 3), ("crash_freeze", 1)),
    "storage_chip_worn": (("storage_full", 1), ("crash_freeze", 2)),
    "security_patch_old": (("crash_freeze", 1),),
    "plugged_not_charging": (("no_charge", 3),),
    "history_plugged_not_charging": (("no_charge", 2),),
    "battery_health_bad": (("battery_drain", 2), ("no_charge", 1)),
    "charging_hot": (("no_charge", 2), ("battery_drain", 1)),
    "history_hot": (("battery_drain", 1),),
    "voltage_out_of_range": (("no_charge", 2),),
    "battery_worn": (("battery_drain", 3),),
}


@dataclass(frozen=True, slots=True)
class Reason:
    function: str
    finding: Finding
    weight: int


@dataclass(frozen=True, slots=True)
class FaultSuggestion:
    fault: str
    label: T
    score: int
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "fault": self.fault,
            "label": self.label.as_dict(),
            "score": self.score,
            "because": [
                {
                    "function": r.function,
                    "code": r.finding.code,
                    "weight": r.weight,
                    "text": r.finding.text.as_dict(),
                    "evidence": [{"name": e.name, "value": e.value, "source": e.source} for e in r.finding.evidence],
                }
                for r in self.reasons
            ],
        }


def suggest_faults(verdicts: Iterable[FunctionVerdict]) -> list[FaultSuggestion]:
    """The fault categories the faulty findings point to, strongest first; [] when nothing is wrong."""
    reasons: dict[str, list[Reason]] = {}
    for verdict in verdicts:
        if verdict.status is not VerdictStatus.FAULT:
            continue
        for finding in verdict.findings:
            for fault, weight in RULES.get(finding.code, ()):
                reasons.setdefault(fault, []).append(Reason(verdict.function, finding, weight))
    order = list(FAULTS)
    ranked = sorted(reasons, key=lambda fault: (-sum(r.weight for r in reasons[fault]), order.index(fault)))
    return [
        FaultSuggestion(fault, FAULTS[fault].label, sum(r.weight for r in reasons[fault]), tuple(reasons[fault]))
        for fault in ranked
    ]
